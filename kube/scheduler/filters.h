#pragma once
// The filter plugins: can this pod run on this node at all? Each function is one upstream plugin
// (same name, same reason text, same status code); runFilters() runs them in the default
// profile's order and stops at the first rejection, as the framework does. NodeReady is ours:
// upstream relies on the node.kubernetes.io/not-ready taint, which nodes without it lack.
//
// Pure functions; usable from any thread on data nobody mutates meanwhile. Each costs a few
// comparisons (taints, tolerations, selector terms, ports in use on the node).

#include "nodeinfo.h"
#include "podinfo.h"

#include <QString>
#include <QStringList>

namespace kube::scheduler {

struct FilterStatus {
    enum class Code {
        Success,
        Unschedulable,                // preemption might help (resources, ports)
        UnschedulableAndUnresolvable, // nothing done to other pods helps (taints, selectors…)
    };
    Code code = Code::Success;
    QString plugin;      // upstream plugin name, e.g. "TaintToleration"
    QStringList reasons; // the texts the FailedScheduling message counts

    bool isSuccess() const { return code == Code::Success; }
    static FilterStatus success() { return {}; }
};

// Upstream's reason texts.
namespace filterreason {
inline constexpr auto NodeName = "node(s) didn't match the requested node name";
inline constexpr auto NodeUnschedulable = "node(s) were unschedulable";
inline constexpr auto NodeAffinity = "node(s) didn't match Pod's node affinity/selector";
inline constexpr auto NodePorts = "node(s) didn't have free ports for the requested pod ports";
inline constexpr auto NodeNotReady = "node(s) were not ready";
inline constexpr auto TooManyPods = "Too many pods";
} // namespace filterreason

FilterStatus filterNodeUnschedulable(const PodInfo &pod, const NodeInfo &node);
FilterStatus filterNodeName(const PodInfo &pod, const NodeInfo &node);
// Ready=False/Unknown without a not-ready/unreachable taint to let TaintToleration decide.
FilterStatus filterNodeReady(const PodInfo &pod, const NodeInfo &node);
FilterStatus filterTaintToleration(const PodInfo &pod, const NodeInfo &node);
FilterStatus filterNodeAffinity(const PodInfo &pod, const NodeInfo &node);
FilterStatus filterNodePorts(const PodInfo &pod, const NodeInfo &node);
FilterStatus filterNodeResourcesFit(const PodInfo &pod, const NodeInfo &node);

// All of the above in order; the first rejection, or success.
FilterStatus runFilters(const PodInfo &pod, const NodeInfo &node);

} // namespace kube::scheduler
