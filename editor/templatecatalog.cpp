#include "templatecatalog.h"

#include "editortr.h"

#include <QFile>
#include <QRegularExpression>

namespace timonel {

namespace {

constexpr QStringView kPlaceholderName = u"my-app";

} // namespace

QList<ManifestTemplate> TemplateCatalog::templates()
{
    return {
        {u"deployment"_qs, Tr::tr("Deployment"), Tr::tr("Runs a set of identical pods and replaces them on updates.")},
        {u"service"_qs, Tr::tr("Service"), Tr::tr("A stable name and address in front of the pods that match its selector.")},
        {u"configmap"_qs, Tr::tr("ConfigMap"), Tr::tr("Configuration as keys and values, for environment variables or files.")},
        {u"secret"_qs, Tr::tr("Secret"), Tr::tr("Passwords, tokens and keys, kept apart from the pods that use them.")},
        {u"job"_qs, Tr::tr("Job"), Tr::tr("Runs a pod to completion, retrying on failure.")},
        {u"cronjob"_qs, Tr::tr("CronJob"), Tr::tr("Starts a Job on a schedule.")},
        {u"ingress"_qs, Tr::tr("Ingress"), Tr::tr("Routes HTTP requests for a host and path to a Service.")},
        {u"persistentvolumeclaim"_qs, Tr::tr("PersistentVolumeClaim"), Tr::tr("Requests storage that outlives the pods using it.")},
        {u"pod"_qs, Tr::tr("Pod"), Tr::tr("One or more containers scheduled together (usually made by a workload).")},
    };
}

QString TemplateCatalog::text(const QString &id)
{
    QFile file(u":/timonel/editor/templates/"_qs + id + u".yaml"_qs);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

QString TemplateCatalog::instantiate(const QString &id, const QString &name, const QString &ns)
{
    QString text = TemplateCatalog::text(id);
    if (text.isEmpty())
        return text;
    if (!name.isEmpty())
        text.replace(kPlaceholderName.toString(), name);
    if (!ns.isEmpty()) {
        static const QRegularExpression metadataName(u"^metadata:\\n  name: ([^\\n]*)\\n"_qs, QRegularExpression::MultilineOption);
        text.replace(metadataName, u"metadata:\n  name: \\1\n  namespace: "_qs + ns + u'\n');
    }
    return text;
}

} // namespace timonel
