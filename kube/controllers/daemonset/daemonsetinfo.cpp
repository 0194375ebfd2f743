#include "daemonsetinfo.h"

#include "daemonpods.h"

#include "kube/controllers/intorstring.h"

namespace kube {

namespace {

Labels labelsOf(const QJsonObject &map)
{
    Labels labels;
    for (auto it = map.begin(); it != map.end(); ++it)
        labels.insert(it.key(), it.value().toString());
    return labels;
}

int scaledOr(const QJsonValue &value, int total, int fallback)
{
    const Expected<int> scaled = scaledIntOrPercent(value, total, Rounding::Up, fallback);
    return scaled ? *scaled : fallback;
}

} // namespace

DaemonSetInfo DaemonSetInfo::from(const Object &daemonSet)
{
    DaemonSetInfo ds;
    ds.object = daemonSet;
    ds.json = daemonSet.toJson();
    ds.name = daemonSet.name();
    ds.namespace_ = daemonSet.namespace_();
    ds.uid = daemonSet.uid();
    ds.generation = daemonSet.generation();
    const QJsonObject spec = ds.json.value(u"spec").toObject();
    ds.podTemplate = spec.value(u"template").toObject();
    const QJsonObject strategy = spec.value(u"updateStrategy").toObject();
    ds.onDelete = strategy.value(u"type").toString() == u"OnDelete";
    const QJsonObject rolling = strategy.value(u"rollingUpdate").toObject();
    ds.maxUnavailable = rolling.value(u"maxUnavailable");
    ds.maxSurge = rolling.value(u"maxSurge");
    ds.minReadySeconds = spec.value(u"minReadySeconds").toInt();
    if (spec.contains(u"revisionHistoryLimit"))
        ds.revisionHistoryLimit = spec.value(u"revisionHistoryLimit").toInteger();
    bool ok = false;
    const qint64 templateGeneration = daemonSet.annotations().value(QString::fromLatin1(DaemonSetTemplateGenerationAnnotation)).toLongLong(&ok);
    if (ok)
        ds.templateGeneration = templateGeneration;
    ds.status = ds.json.value(u"status").toObject();
    if (ds.status.contains(u"collisionCount"))
        ds.collisionCount = ds.status.value(u"collisionCount").toInt();

    QJsonObject podSpec = ds.podTemplate.value(u"spec").toObject();
    ds.templateNodeName = podSpec.value(u"nodeName").toString();
    ds.nodeSelector = labelsOf(podSpec.value(u"nodeSelector").toObject());
    const QJsonObject nodeAffinity = podSpec.value(u"affinity").toObject().value(u"nodeAffinity").toObject();
    const QJsonValue required = nodeAffinity.value(u"requiredDuringSchedulingIgnoredDuringExecution");
    if (required.isObject())
        ds.requiredAffinity = scheduler::NodeSelector::fromJson(required.toObject());
    // The pod the controller would create tolerates more than the template says.
    addDaemonPodTolerations(podSpec);
    ds.tolerations = scheduler::Toleration::listFromJson(podSpec.value(u"tolerations").toArray());
    return ds;
}

DaemonNode DaemonNode::from(const Object &node)
{
    const QJsonObject spec = node.toJson().value(u"spec").toObject();
    return {node.name(), node.labels(), scheduler::Taint::listFromJson(spec.value(u"taints").toArray())};
}

NodeVerdict nodeShouldRunDaemonPod(const DaemonSetInfo &ds, const DaemonNode &node)
{
    if (!ds.templateNodeName.isEmpty() && ds.templateNodeName != node.name)
        return {};
    for (const auto &[key, value] : ds.nodeSelector) {
        if (!node.labels.contains(key) || node.labels.value(key) != value)
            return {};
    }
    if (ds.requiredAffinity && !ds.requiredAffinity->matches(node.labels, node.name))
        return {};
    if (!scheduler::findUntoleratedTaint(node.taints, ds.tolerations, scheduler::TaintEffects::NoScheduleAndNoExecute))
        return {true, true};
    // Pods already there stay unless a NoExecute taint is not tolerated.
    for (const scheduler::Taint &taint : node.taints) {
        if (taint.effect == u"NoExecute" && !scheduler::tolerationsTolerate(ds.tolerations, taint))
            return {};
    }
    return {false, true};
}

RollingBudget rollingBudget(const DaemonSetInfo &ds, int desiredNumberScheduled)
{
    RollingBudget budget;
    if (ds.onDelete)
        return budget;
    // The API defaults maxUnavailable to 1 and maxSurge to 0; invalid values were refused.
    budget.maxUnavailable = scaledOr(ds.maxUnavailable, desiredNumberScheduled, 1);
    budget.maxSurge = scaledOr(ds.maxSurge, desiredNumberScheduled, 0);
    if (desiredNumberScheduled > 0 && budget.maxUnavailable == 0 && budget.maxSurge == 0)
        budget.maxUnavailable = 1;
    return budget;
}

bool allowsSurge(const DaemonSetInfo &ds)
{
    return rollingBudget(ds, 1).maxSurge > 0;
}

} // namespace kube
