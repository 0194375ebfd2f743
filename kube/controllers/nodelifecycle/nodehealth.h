#pragma once
// What the node lifecycle controller decides about one node, as pure functions (upstream
// pkg/controller/nodelifecycle: tryUpdateNodeHealth, doNoScheduleTaintingPass,
// doNoExecuteTaintingPass): whether its kubelet's heartbeat — the Lease in kube-node-lease —
// is older than the grace period, the conditions a silent kubelet leaves behind (every
// kubelet-owned condition Unknown, reason NodeStatusUnknown), and the node.kubernetes.io/
// not-ready and unreachable taints its Ready condition calls for.
//
// Pure; any thread. Cost: linear in the node's conditions and taints.

#include "kube/api/object.h"

#include <QDateTime>
#include <QJsonArray>

#include <chrono>
#include <optional>

namespace kube::nodelifecycle {

inline constexpr auto NodeLeaseNamespace = "kube-node-lease";
inline constexpr auto NodeStatusUnknownReason = "NodeStatusUnknown";
inline constexpr auto NodeStatusUnknownMessage = "Kubelet stopped posting node status.";

// The last sign of life of the node's kubelet: its Lease's spec.renewTime, else the node's
// creation. Never earlier than monitorStart, so a controller (re)starting after downtime gives
// every kubelet a whole grace period before judging it (upstream's probe timestamps start when
// the controller first sees a node).
QDateTime lastHeartbeat(const Object &node, const std::optional<Object> &lease, const QDateTime &monitorStart);

struct NodeHealth {
    bool stale = false;  // silent for longer than the grace period
    QDateTime deadline;  // when it goes stale if nothing is heard before
};
NodeHealth evaluateHealth(const QDateTime &lastHeartbeat, const QDateTime &now, std::chrono::milliseconds grace);

// The status of the condition of that type ("True", "False", "Unknown"); empty when absent.
QString conditionStatus(const QJsonArray &conditions, QStringView type);

// The conditions with every kubelet-owned one (Ready, MemoryPressure, DiskPressure,
// PIDPressure) that is not Unknown yet set to Unknown, reason NodeStatusUnknown, message
// "Kubelet stopped posting node status.", lastTransitionTime now (lastHeartbeatTime kept);
// nullopt when nothing changes.
std::optional<QJsonArray> markConditionsUnknown(const QJsonArray &conditions, const QDateTime &now);

// spec.taints with the not-ready/unreachable taints (NoSchedule and NoExecute) the Ready
// status calls for: False → not-ready, Unknown → unreachable, True → none. Other taints are
// kept in place; an added NoExecute taint carries timeAdded = now (the start of every pod's
// toleration period). An empty (absent) Ready status leaves the taints alone. nullopt when
// nothing changes.
std::optional<QJsonArray> reconcileConditionTaints(const QJsonArray &taints, const QString &readyStatus, const QDateTime &now);

// True when one of the managed not-ready/unreachable taints is on the node.
bool hasConditionTaint(const QJsonArray &taints);

} // namespace kube::nodelifecycle
