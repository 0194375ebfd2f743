#include "filters.h"
#include "volumebinding.h"

namespace kube::scheduler {

namespace {

FilterStatus reject(FilterStatus::Code code, const char *plugin, QStringList reasons)
{
    return {code, QString::fromLatin1(plugin), std::move(reasons)};
}

FilterStatus unresolvable(const char *plugin, const QString &reason)
{
    return reject(FilterStatus::Code::UnschedulableAndUnresolvable, plugin, {reason});
}

} // namespace

FilterStatus filterNodeUnschedulable(const PodInfo &pod, const NodeInfo &node)
{
    if (!node.isUnschedulable())
        return FilterStatus::success();
    const Taint cordon{QString::fromLatin1(taintkeys::NodeUnschedulable), {}, u"NoSchedule"_qs};
    if (tolerationsTolerate(pod.tolerations, cordon))
        return FilterStatus::success();
    return unresolvable("NodeUnschedulable", QString::fromLatin1(filterreason::NodeUnschedulable));
}

FilterStatus filterNodeName(const PodInfo &pod, const NodeInfo &node)
{
    if (pod.nodeName.isEmpty() || pod.nodeName == node.name())
        return FilterStatus::success();
    return unresolvable("NodeName", QString::fromLatin1(filterreason::NodeName));
}

FilterStatus filterNodeReady(const PodInfo &, const NodeInfo &node)
{
    if (node.readiness() == NodeInfo::Readiness::Ready)
        return FilterStatus::success();
    for (const Taint &taint : node.taints()) {
        if (taint.key == u"node.kubernetes.io/not-ready" || taint.key == u"node.kubernetes.io/unreachable")
            return FilterStatus::success(); // TaintToleration judges the pod against that taint
    }
    return unresolvable("NodeReady", QString::fromLatin1(filterreason::NodeNotReady));
}

FilterStatus filterTaintToleration(const PodInfo &pod, const NodeInfo &node)
{
    const Taint *taint = findUntoleratedTaint(node.taints(), pod.tolerations, TaintEffects::NoScheduleAndNoExecute);
    if (!taint)
        return FilterStatus::success();
    return unresolvable("TaintToleration", u"node(s) had untolerated taint {%1: %2}"_qs.arg(taint->key, taint->value));
}

FilterStatus filterNodeAffinity(const PodInfo &pod, const NodeInfo &node)
{
    for (const auto &[key, value] : pod.nodeSelector) {
        if (!node.labels().contains(key) || node.labels().value(key) != value)
            return unresolvable("NodeAffinity", QString::fromLatin1(filterreason::NodeAffinity));
    }
    if (pod.requiredNodeAffinity && !pod.requiredNodeAffinity->matches(node.labels(), node.name()))
        return unresolvable("NodeAffinity", QString::fromLatin1(filterreason::NodeAffinity));
    return FilterStatus::success();
}

FilterStatus filterNodePorts(const PodInfo &pod, const NodeInfo &node)
{
    for (const HostPort &wanted : pod.hostPorts) {
        for (const HostPort &used : node.usedPorts()) {
            if (wanted.conflictsWith(used))
                return reject(FilterStatus::Code::Unschedulable, "NodePorts", {QString::fromLatin1(filterreason::NodePorts)});
        }
    }
    return FilterStatus::success();
}

FilterStatus filterNodeResourcesFit(const PodInfo &pod, const NodeInfo &node)
{
    // Every shortage is reported, not just the first, as upstream's fitsRequest does.
    QStringList reasons;
    const Resources &allocatable = node.allocatable();
    const Resources &used = node.requested();
    if (node.podCount() + 1 > allocatable.pods)
        reasons.append(QString::fromLatin1(filterreason::TooManyPods));
    const Resources &want = pod.requests;
    if (!want.isZero()) {
        if (want.milliCpu > 0 && want.milliCpu > allocatable.milliCpu - used.milliCpu)
            reasons.append(u"Insufficient cpu"_qs);
        if (want.memory > 0 && want.memory > allocatable.memory - used.memory)
            reasons.append(u"Insufficient memory"_qs);
        if (want.ephemeralStorage > 0 && want.ephemeralStorage > allocatable.ephemeralStorage - used.ephemeralStorage)
            reasons.append(u"Insufficient ephemeral-storage"_qs);
        for (const auto &[name, quantity] : want.scalars) {
            if (quantity > 0 && quantity > allocatable.scalar(name) - used.scalar(name))
                reasons.append(u"Insufficient "_qs + name);
        }
    }
    if (reasons.isEmpty())
        return FilterStatus::success();
    return reject(FilterStatus::Code::Unschedulable, "NodeResourcesFit", std::move(reasons));
}

FilterStatus runFilters(const PodInfo &pod, const NodeInfo &node)
{
    using Filter = FilterStatus (*)(const PodInfo &, const NodeInfo &);
    // The default profile's order; NodeReady (ours) goes just before TaintToleration.
    static constexpr Filter filters[] = {
        filterVolumeBinding, filterNodeUnschedulable, filterNodeName, filterNodeReady, filterTaintToleration,
        filterNodeAffinity, filterNodePorts, filterNodeResourcesFit,
    };
    for (Filter filter : filters) {
        FilterStatus status = filter(pod, node);
        if (!status.isSuccess())
            return status;
    }
    return FilterStatus::success();
}

} // namespace kube::scheduler
