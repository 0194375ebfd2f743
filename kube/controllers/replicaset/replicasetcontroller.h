#pragma once
// ReplicaSetController: keeps the number of active pods owned by each ReplicaSet (or
// ReplicationController — the same loop with a map selector) equal to spec.replicas (upstream
// pkg/controller/replicaset). It creates pods from the template, deletes the most deletable
// surplus ones first, adopts orphans its selector matches, and reports replicas, ready and
// available counts in status. Expectations keep it from acting twice on a stale cache.
//
// Its pods are kept per owner (OwnedPods) from the pod informer's events, so a sync reads only
// its own set's entries. Pod changes that cannot change what it does (a status change of an
// active pod; a creation while more are still expected) queue the set after a short real-time
// delay, so a burst of thousands of pod changes makes a few syncs and a few status writes;
// changes that may call for a new pod (one finished, deleting, or gone unexpectedly) queue it
// at once.
//
// Thread affinity: the controllers' thread. Cost per sync: O(pods of the set), no parsing.

#include "kube/controllers/controller.h"
#include "kube/controllers/expectations.h"
#include "kube/controllers/replicaset/ownedpods.h"

namespace kube {

class SharedInformer;

struct ReplicaSetKind {
    GroupVersionResource resource;
    QString apiVersion;  // "apps/v1"
    QString kind;        // "ReplicaSet"
    bool mapSelector;    // ReplicationController: spec.selector is a plain label map
    QString component;   // the events' source: "replicaset-controller"

    static ReplicaSetKind replicaSets();
    static ReplicaSetKind replicationControllers();
};

class ReplicaSetController : public Controller
{
    Q_OBJECT
public:
    ReplicaSetController(const ControllerContext &context, ReplicaSetKind kind, QObject *parent = nullptr);

protected:
    void sync(const QString &key, Done done) override;

private:
    void podAdded(const Object &pod);
    void podUpdated(const Object &oldPod, const Object &newPod);
    void podDeleted(const Object &pod);
    // The key of the pod's controlling owner of our kind; empty when it has none.
    QString ownerKey(const Object &pod) const;
    // Owners in the pod's namespace whose selector matches it (for orphans).
    void enqueueMatchingOwners(const Object &pod);
    // Queues the owner now (urgent) or after the batching delay.
    void notifyOwner(const QString &owner, bool urgent);

    const ReplicaSetKind m_kind;
    SharedInformer *m_owners;
    SharedInformer *m_pods;
    ControllerExpectations m_expectations;
    OwnedPods m_ownedPods;
    bool m_podsSynced = false; // the pod informer's first list has reached m_ownedPods
};

} // namespace kube
