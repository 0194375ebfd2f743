#include "kindstrategy.h"

#include "kube/api/typeregistry.h"

#include <QJsonArray>
#include <QJsonObject>

namespace kube {

namespace {

// upstream SetDefaults_Container: Always for ":latest" or no tag (and no digest), else IfNotPresent.
QString pullPolicyFor(const QString &image)
{
    if (image.contains(u'@'))
        return u"IfNotPresent"_qs;
    const qsizetype slash = image.lastIndexOf(u'/');
    const qsizetype colon = image.lastIndexOf(u':');
    const bool hasTag = colon > slash;
    if (!hasTag || image.mid(colon + 1) == u"latest")
        return u"Always"_qs;
    return u"IfNotPresent"_qs;
}

void defaultContainers(QJsonObject &podSpec, const char *field)
{
    QJsonArray containers = podSpec.value(QLatin1StringView(field)).toArray();
    if (containers.isEmpty())
        return;
    for (qsizetype i = 0; i < containers.size(); ++i) {
        QJsonObject c = containers.at(i).toObject();
        if (!c.contains(u"imagePullPolicy"))
            c[u"imagePullPolicy"_qs] = pullPolicyFor(c.value(u"image").toString());
        containers.replace(i, c);
    }
    podSpec[QLatin1StringView(field)] = containers;
}

void defaultPodSpec(QJsonObject &podSpec)
{
    defaultContainers(podSpec, "containers");
    defaultContainers(podSpec, "initContainers");
}

// Pod templates live at spec.template.spec (workloads) or spec.jobTemplate.spec.template.spec.
void defaultTemplate(QJsonObject &spec)
{
    QJsonObject tmpl = spec.value(u"template").toObject();
    if (tmpl.isEmpty())
        return;
    QJsonObject podSpec = tmpl.value(u"spec").toObject();
    defaultPodSpec(podSpec);
    tmpl[u"spec"_qs] = podSpec;
    spec[u"template"_qs] = tmpl;
}

void defaultDeploymentStrategy(QJsonObject &spec)
{
    QJsonObject strategy = spec.value(u"strategy").toObject();
    if (strategy.value(u"type").toString().isEmpty())
        strategy[u"type"_qs] = u"RollingUpdate"_qs;
    if (strategy.value(u"type").toString() == u"RollingUpdate") {
        QJsonObject rolling = strategy.value(u"rollingUpdate").toObject();
        if (!rolling.contains(u"maxUnavailable"))
            rolling[u"maxUnavailable"_qs] = u"25%"_qs;
        if (!rolling.contains(u"maxSurge"))
            rolling[u"maxSurge"_qs] = u"25%"_qs;
        strategy[u"rollingUpdate"_qs] = rolling;
    }
    spec[u"strategy"_qs] = strategy;
}

// upstream SetDefaults_DaemonSet: RollingUpdate, maxUnavailable 1, maxSurge 0.
void defaultDaemonSetStrategy(QJsonObject &spec)
{
    QJsonObject strategy = spec.value(u"updateStrategy").toObject();
    if (strategy.value(u"type").toString().isEmpty())
        strategy[u"type"_qs] = u"RollingUpdate"_qs;
    if (strategy.value(u"type").toString() == u"RollingUpdate") {
        QJsonObject rolling = strategy.value(u"rollingUpdate").toObject();
        if (!rolling.contains(u"maxUnavailable"))
            rolling[u"maxUnavailable"_qs] = 1;
        if (!rolling.contains(u"maxSurge"))
            rolling[u"maxSurge"_qs] = 0;
        strategy[u"rollingUpdate"_qs] = rolling;
    }
    spec[u"updateStrategy"_qs] = strategy;
}

// upstream SetDefaults_StatefulSet: RollingUpdate with partition 0; PVCs retained.
void defaultStatefulSetSpec(QJsonObject &spec)
{
    QJsonObject strategy = spec.value(u"updateStrategy").toObject();
    if (strategy.value(u"type").toString().isEmpty())
        strategy[u"type"_qs] = u"RollingUpdate"_qs;
    if (strategy.value(u"type").toString() == u"RollingUpdate") {
        QJsonObject rolling = strategy.value(u"rollingUpdate").toObject();
        if (!rolling.contains(u"partition"))
            rolling[u"partition"_qs] = 0;
        strategy[u"rollingUpdate"_qs] = rolling;
    }
    spec[u"updateStrategy"_qs] = strategy;
    QJsonObject retention = spec.value(u"persistentVolumeClaimRetentionPolicy").toObject();
    for (const auto *key : {u"whenDeleted", u"whenScaled"}) {
        if (retention.value(QStringView(key)).toString().isEmpty())
            retention[QString::fromUtf16(key)] = u"Retain"_qs;
    }
    spec[u"persistentVolumeClaimRetentionPolicy"_qs] = retention;
}

void defaultServicePorts(QJsonObject &spec)
{
    QJsonArray ports = spec.value(u"ports").toArray();
    for (qsizetype i = 0; i < ports.size(); ++i) {
        QJsonObject p = ports.at(i).toObject();
        if (!p.contains(u"targetPort"))
            p[u"targetPort"_qs] = p.value(u"port");
        if (!p.contains(u"protocol"))
            p[u"protocol"_qs] = u"TCP"_qs;
        ports.replace(i, p);
    }
    if (!ports.isEmpty())
        spec[u"ports"_qs] = ports;
}

} // namespace

namespace {

// Upstream's Job strategy: without manualSelector a Job selects its pods by its own uid, and
// its template carries the labels that selector matches plus the Job's name. A Job that sets
// neither completions nor parallelism runs one pod to completion.
void defaultJobSpec(QJsonObject &spec, const QJsonObject &metadata)
{
    if (!spec.contains(u"completions") && spec.value(u"parallelism").toInt(1) == 1)
        spec[u"completions"_qs] = 1;
    if (!spec.contains(u"podReplacementPolicy"))
        spec[u"podReplacementPolicy"_qs] = u"TerminatingOrFailed"_qs;
    const QString uid = metadata.value(u"uid").toString();
    const QString name = metadata.value(u"name").toString();
    if (spec.value(u"manualSelector").toBool() || spec.contains(u"selector") || uid.isEmpty())
        return;
    spec[u"selector"_qs] = QJsonObject{{u"matchLabels"_qs, QJsonObject{{u"batch.kubernetes.io/controller-uid"_qs, uid}}}};
    QJsonObject podTemplate = spec.value(u"template").toObject();
    QJsonObject templateMeta = podTemplate.value(u"metadata").toObject();
    QJsonObject labels = templateMeta.value(u"labels").toObject();
    labels[u"batch.kubernetes.io/controller-uid"_qs] = uid;
    labels[u"batch.kubernetes.io/job-name"_qs] = name;
    labels[u"controller-uid"_qs] = uid;
    labels[u"job-name"_qs] = name;
    templateMeta[u"labels"_qs] = labels;
    podTemplate[u"metadata"_qs] = templateMeta;
    spec[u"template"_qs] = podTemplate;
}

} // namespace

void applyKindDefaults(QJsonObject &object, const KindInfo &kind)
{
    const QString &k = kind.gvk.kind;
    const QString &g = kind.gvk.group;
    QJsonObject spec = object.value(u"spec").toObject();
    if (g.isEmpty() && k == u"Pod") {
        defaultPodSpec(spec);
    } else if (g.isEmpty() && k == u"Service") {
        defaultServicePorts(spec);
    } else if (g.isEmpty() && k == u"Namespace") {
        QJsonObject status = object.value(u"status").toObject();
        if (!status.contains(u"phase"))
            status[u"phase"_qs] = u"Active"_qs;
        object[u"status"_qs] = status;
        if (!spec.contains(u"finalizers"))
            spec[u"finalizers"_qs] = QJsonArray{u"kubernetes"_qs};
    } else if ((g == u"apps" || (g.isEmpty() && k == u"ReplicationController")) || (g == u"batch" && k == u"Job")) {
        defaultTemplate(spec);
        if (g == u"apps" && k == u"Deployment")
            defaultDeploymentStrategy(spec);
        if (g == u"apps" && k == u"DaemonSet")
            defaultDaemonSetStrategy(spec);
        if (g == u"apps" && k == u"StatefulSet")
            defaultStatefulSetSpec(spec);
        if (g == u"batch" && k == u"Job")
            defaultJobSpec(spec, object.value(u"metadata").toObject());
    } else if (g == u"batch" && k == u"CronJob") {
        QJsonObject jobTemplate = spec.value(u"jobTemplate").toObject();
        QJsonObject jobSpec = jobTemplate.value(u"spec").toObject();
        defaultTemplate(jobSpec);
        jobTemplate[u"spec"_qs] = jobSpec;
        spec[u"jobTemplate"_qs] = jobTemplate;
    }
    if (!spec.isEmpty() || object.contains(u"spec"))
        object[u"spec"_qs] = spec;
}

} // namespace kube
