#include "kubeconfigentry.h"

#include "kube/client/kubeconfigwriter.h"

#include <QJsonObject>

namespace kube {

Status writeKubeconfigEntry(const QString &path, const KubeconfigEntry &entry, int lockTimeoutMs)
{
    KubeconfigContextEntry context;
    context.contextName = entry.name;
    context.cluster = QJsonObject{{u"server"_qs, entry.server}};
    if (!entry.certificateAuthority.isEmpty())
        context.cluster[u"certificate-authority-data"_qs] = QString::fromLatin1(entry.certificateAuthority.toBase64());
    context.user = QJsonObject{{u"token"_qs, QString::fromLatin1(entry.token)}};
    context.namespace_ = entry.namespace_;
    context.makeCurrent = MakeCurrent::Yes;

    KubeconfigWriter writer(path);
    writer.setLockTimeout(lockTimeoutMs);
    return writer.upsertContext(context);
}

} // namespace kube
