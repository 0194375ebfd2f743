#pragma once
// StatefulSetController: keeps each StatefulSet's members — pods "<set>-<ordinal>" with stable
// names, hostnames and claims — in line with its spec (upstream pkg/controller/statefulset).
// One sync: adopt orphan pods and revisions the selector matches (release owned pods it no
// longer matches), else make sure the template's ControllerRevision exists (create it, or
// renumber an equal older one), else read the members and their claims from the caches, take the
// steps statefulsetplan decides (create, delete, fix), write status, and prune revisions beyond
// revisionHistoryLimit. Pods, revisions and claims bring their set back through the informers;
// minReadySeconds brings it back when a ready member becomes available.
//
// Thread affinity: the controllers' thread. Cost per sync: the set's pods, revisions and claims,
// read from the caches.

#include "kube/controllers/controller.h"
#include "kube/controllers/statefulset/statefulpodcontrol.h"

namespace kube {

class LabelSelector;
class SharedInformer;

class StatefulSetController : public Controller
{
    Q_OBJECT
public:
    explicit StatefulSetController(const ControllerContext &context, QObject *parent = nullptr);

protected:
    void sync(const QString &key, Done done) override;

private:
    struct SyncState;

    // The set named by object's controller reference, or every set whose selector matches an orphan.
    void enqueueOwner(const Object &object);
    void enqueueMatchingSets(const Object &object);
    // ClaimPods / AdoptOrphanRevisions: true when it wrote (the informers bring the set back).
    bool claimObjects(const Object &set, const LabelSelector &selector, const QList<Object> &candidates,
                      const GroupVersionResource &resource, const std::shared_ptr<WriteJoin> &join);
    // Creates or renumbers the update revision.
    void writeRevision(const SyncState &s, const QJsonObject &revision, bool create, std::function<void(const Status &)> report);
    void reconcile(const SyncState &s, const std::shared_ptr<WriteJoin> &join);

    SharedInformer *m_sets;
    SharedInformer *m_pods;
    SharedInformer *m_revisions;
    SharedInformer *m_claims;
    StatefulPodControl m_podControl;
};

} // namespace kube
