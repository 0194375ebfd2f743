#include "workloadreadiness.h"

#include "kube/api/labelselector.h"

#include <QJsonArray>
#include <QJsonObject>

namespace timonel {

namespace {

int intAt(const QJsonObject &o, QStringView key)
{
    return o.value(key).toInt();
}

} // namespace

bool isRolledOut(const kube::Object &deployment)
{
    if (deployment.isNull() || deployment.isBeingDeleted())
        return false;
    const QJsonObject json = deployment.toJson();
    const QJsonObject spec = json.value(u"spec").toObject();
    const QJsonObject status = json.value(u"status").toObject();
    const int replicas = spec.value(u"replicas").toInt(1);
    if (status.value(u"observedGeneration").toInteger() < deployment.generation())
        return false;
    return intAt(status, u"updatedReplicas") == replicas && intAt(status, u"replicas") == replicas
           && intAt(status, u"readyReplicas") == replicas && intAt(status, u"availableReplicas") == replicas;
}

std::optional<QDateTime> readySince(const kube::Object &pod)
{
    if (pod.isNull() || pod.isBeingDeleted())
        return std::nullopt;
    const QJsonArray conditions = pod.toJson().value(u"status").toObject().value(u"conditions").toArray();
    for (const QJsonValue &v : conditions) {
        const QJsonObject c = v.toObject();
        if (c.value(u"type").toString() != u"Ready")
            continue;
        if (c.value(u"status").toString() != u"True")
            return std::nullopt;
        return QDateTime::fromString(c.value(u"lastTransitionTime").toString(), Qt::ISODate);
    }
    return std::nullopt;
}

WorkloadHealth workloadHealth(const kube::Object &deployment, const QList<kube::Object> &pods)
{
    WorkloadHealth h;
    if (deployment.isNull())
        return h;
    h.exists = true;
    h.deployment = deployment.name();
    const QJsonObject json = deployment.toJson();
    const QJsonObject spec = json.value(u"spec").toObject();
    const QJsonObject status = json.value(u"status").toObject();
    const QJsonObject podTemplate = spec.value(u"template").toObject();
    h.version = podTemplate.value(u"metadata").toObject().value(u"labels").toObject().value(kVersionLabel).toString();
    h.image = podTemplate.value(u"spec").toObject().value(u"containers").toArray().at(0).toObject().value(u"image").toString();
    h.desired = spec.value(u"replicas").toInt(1);
    h.updated = intAt(status, u"updatedReplicas");
    h.ready = intAt(status, u"readyReplicas");
    h.available = intAt(status, u"availableReplicas");
    h.rolledOut = isRolledOut(deployment);
    const auto selector = kube::LabelSelector::fromLabelSelectorJson(spec.value(u"selector"));
    if (!selector)
        return h;
    for (const kube::Object &pod : pods) {
        if (pod.isBeingDeleted() || pod.namespace_() != deployment.namespace_() || !selector->matches(pod.labels()))
            continue;
        // Selectors of a canary's stable Deployment also match the canary's pods: the version
        // label tells them apart.
        if (!h.version.isEmpty() && pod.labels().value(kVersionLabel) != h.version)
            continue;
        ++h.pods;
        const QJsonArray statuses = pod.toJson().value(u"status").toObject().value(u"containerStatuses").toArray();
        for (const QJsonValue &s : statuses)
            h.restarts += s.toObject().value(u"restartCount").toInt();
    }
    return h;
}

QStringList readyEndpointPods(const kube::Object &endpoints)
{
    QStringList names;
    if (endpoints.isNull())
        return names;
    for (const QJsonValue &s : endpoints.toJson().value(u"subsets").toArray()) {
        for (const QJsonValue &a : s.toObject().value(u"addresses").toArray())
            names.append(a.toObject().value(u"targetRef").toObject().value(u"name").toString());
    }
    return names;
}

int notReadyEndpointCount(const kube::Object &endpoints)
{
    int count = 0;
    if (endpoints.isNull())
        return count;
    for (const QJsonValue &s : endpoints.toJson().value(u"subsets").toArray())
        count += int(s.toObject().value(u"notReadyAddresses").toArray().size());
    return count;
}

} // namespace timonel
