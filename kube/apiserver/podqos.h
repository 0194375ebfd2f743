#pragma once
// A Pod's QoS class (status.qosClass), as upstream's GetPodQOS decides it from the pod's cpu
// and memory requests and limits: BestEffort when none is set, Guaranteed when every container
// (init containers included) limits both and requests equal limits, Burstable otherwise.
// Pod-level spec.resources, when set, decide instead. A request that is absent counts as its
// limit (the defaulting that copies limits into requests may not have run yet).
// Also the status a Pod gets when it is created (upstream's pod strategy PrepareForCreate).
// Pure; any thread.

#include <QJsonObject>
#include <QString>

namespace kube {

QString podQosClass(const QJsonObject &podSpec);
// {"phase": "Pending", "qosClass": …}: what a new Pod's status is, whatever the client sent.
QJsonObject newPodStatus(const QJsonObject &podSpec);
// A status write that leaves status.qosClass out keeps the current one (it is set at creation
// and immutable; upstream backfills it for kubelets that drop it).
void keepPodQosClass(QJsonObject &pod, const QJsonObject &current);

} // namespace kube
