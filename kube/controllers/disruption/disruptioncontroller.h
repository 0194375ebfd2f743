#pragma once
// DisruptionController: keeps every PodDisruptionBudget's status current (upstream
// pkg/controller/disruption): the pods its selector picks in its namespace, how many it expects
// (the pods' controllers' replicas — a Deployment's for its ReplicaSets' pods, a ReplicaSet's,
// ReplicationController's or StatefulSet's otherwise — or, for an integer minAvailable, the pod
// count), how many are healthy (Ready, not terminating, not just evicted), how many must stay
// so, and so how many disruptions the eviction subresource may allow now
// (kube/apiserver/evictionbudget.h spends them). Evictions recorded in status.disruptedPods
// whose pod was not deleted within two minutes expire: the budget is re-queued for then.
// Events: NoPods, UnmanagedPods (upstream's reasons and messages). Arithmetic in
// disruptionstatus.h.
//
// Thread affinity: the controllers' thread. Cost per sync: one pass over the namespace's pods.

#include "kube/controllers/controller.h"

namespace kube {

class SharedInformer;

class DisruptionController : public Controller
{
    Q_OBJECT
public:
    explicit DisruptionController(const ControllerContext &context, QObject *parent = nullptr);

protected:
    void sync(const QString &key, Done done) override;

private:
    // Budgets in the pod's namespace whose selector matches it.
    void podChanged(const Object &pod);
    // The summed replicas of the distinct controllers of pods; nullopt when one is missing.
    // *unmanaged: pods without a controller.
    std::optional<int> controllerScale(const QList<Object> &pods, QStringList *unmanaged) const;

    SharedInformer *m_budgets;
    SharedInformer *m_pods;
    SharedInformer *m_replicaSets;
    SharedInformer *m_deployments;
    SharedInformer *m_statefulSets;
    SharedInformer *m_replicationControllers;
};

} // namespace kube
