#pragma once
// NodeLifecycleController: watches every node's heartbeat — its Lease in kube-node-lease, renewed
// by the (simulated) kubelet — and acts when one falls silent for longer than the grace period
// (upstream pkg/controller/nodelifecycle, node-monitor-grace-period): the node's kubelet-owned
// conditions go Unknown ("Kubelet stopped posting node status."), the node gets the
// node.kubernetes.io/unreachable taints (NoSchedule: nothing new lands there; NoExecute: the
// TaintEvictionController evicts its pods after their tolerations), and its pods are marked
// Ready=False with a NodeNotReady event. When the kubelet is heard again and reports Ready, the
// taints go. The decisions are in nodehealth.h; this is the loop that reads and writes.
//
// One step per sync (status, then taints, then pods); each write's informer event brings the
// next. A healthy node is requeued for the moment its grace period would end — a deadline, not
// a poll.
//
// Thread affinity: the controllers' thread. Memory: nothing per node beyond the informers.

#include "kube/controllers/controller.h"

#include <QDateTime>

#include <chrono>

namespace kube {

class SharedInformer;

class NodeLifecycleController : public Controller
{
    Q_OBJECT
public:
    // grace: node-monitor-grace-period (40 s upstream).
    NodeLifecycleController(const ControllerContext &context, std::chrono::milliseconds grace, QObject *parent = nullptr);

protected:
    void sync(const QString &key, Done done) override;

private:
    void markPodsNotReady(const Object &node, Done done);

    const std::chrono::milliseconds m_grace;
    const QDateTime m_monitorStart;
    SharedInformer *m_nodes;
    SharedInformer *m_leases;
    SharedInformer *m_pods;
};

} // namespace kube
