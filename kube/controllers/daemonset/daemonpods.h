#pragma once
// The pods of a DaemonSet (upstream pkg/controller/daemon/util): the template made into one
// node's pod — the tolerations every daemon pod gets (AddOrUpdateDaemonPodTolerations), the
// controller-revision-hash and pod-template-generation labels (CreatePodTemplate), and a required
// node affinity on metadata.name so the scheduler binds it to that node
// (ReplaceDaemonSetPodNodeNameNodeAffinity) — plus the node a pod is meant for
// (GetTargetNodeName), whether it runs the current template (IsPodUpdated), and the order
// that picks which of several pods on one node stays (podByCreationTimestampAndPhase).
//
// Pure functions over JSON; any thread.

#include "kube/controllers/podinfo.h"

#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace kube {

struct DaemonSetInfo;

// Adds (or replaces an entry with the same key, operator, value and effect) the tolerations of
// node.kubernetes.io/not-ready and unreachable (NoExecute), disk-, memory- and pid-pressure and
// unschedulable (NoSchedule), and network-unavailable (NoSchedule) for host-network pods.
void addDaemonPodTolerations(QJsonObject &podSpec);

// Replaces the required node affinity of podSpec by one term matching metadata.name In [node].
void replaceNodeNameAffinity(QJsonObject &podSpec, const QString &nodeName);

// The daemon pod template for hash: tolerations added and the two labels set.
QJsonObject daemonPodTemplate(const DaemonSetInfo &ds, const QString &hash);

// The pod to create on nodeName from a daemonPodTemplate(): generateName "<ds>-", a controller
// ownerReference, and the node affinity.
QJsonObject newDaemonPod(const DaemonSetInfo &ds, const QJsonObject &daemonTemplate, const QString &nodeName);

// spec.nodeName, else the metadata.name In [one value] of the required node affinity; empty
// when the pod names no node.
QString targetNodeName(const QJsonObject &pod);

// The pod carries the current revision's hash, or the current template generation.
bool isPodUpdated(const Object &pod, const QString &hash, std::optional<qint64> templateGeneration);

// Bound pods first, then oldest first (then by name).
void sortByCreationAndPhase(QList<PodInfo> &pods);

} // namespace kube
