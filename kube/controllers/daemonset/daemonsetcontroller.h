#pragma once
// DaemonSetController: one daemon pod on every eligible node (upstream pkg/controller/daemon).
// One sync takes one step and returns; the informers bring the next:
//   history   → a ControllerRevision for the current template exists (created, or an old one
//               renumbered after `rollout undo`); its hash labels the pods it makes
//   manage    → pods created on nodes that need one (bound by a metadata.name node affinity the
//               scheduler honours), removed from nodes that must not have one, failed ones
//               deleted and recreated with back-off, orphans matching the selector adopted
//   update    → RollingUpdate replaces old pods within maxUnavailable / maxSurge; OnDelete
//               leaves them until someone deletes them
//   cleanup   → revisions beyond revisionHistoryLimit deleted (never one a pod still uses)
// and every sync ends by writing status (counts, observedGeneration) when it changed.
// Expectations keep it from acting twice on a stale cache.
//
// Thread affinity: the controllers' thread. Memory: expectations and back-off entries per set
// (and node) with work in flight.

#include "daemonsetplan.h"

#include "kube/controllers/controller.h"
#include "kube/controllers/expectations.h"

#include <QSet>

namespace kube {

class LabelSelector;
class SharedInformer;

class DaemonSetController : public Controller
{
    Q_OBJECT
public:
    explicit DaemonSetController(const ControllerContext &context, QObject *parent = nullptr);

protected:
    void sync(const QString &key, Done done) override;

private:
    using Report = std::function<void(const Status &)>;
    struct ClaimedPods {
        NodeToDaemonPods byNode;
        QSet<QString> liveHashes; // controller-revision-hash of every pod the set owns
    };

    void podAdded(const Object &pod);
    void podUpdated(const Object &oldPod, const Object &newPod);
    void podDeleted(const Object &pod);
    void nodeUpdated(const Object &oldNode, const Object &newNode);
    void enqueueAll();
    // The key of the object's DaemonSet controller; empty when it has none.
    static QString ownerKey(const Object &object);
    void enqueueMatchingDaemonSets(const Object &pod);

    // The set's pods by node; adopts orphans its selector matches.
    ClaimedPods claimPods(const DaemonSetInfo &ds, const LabelSelector &selector, const std::shared_ptr<WriteJoin> &join);
    // constructHistory: the current revision's hash, or nothing while its revision is written.
    std::optional<QString> constructHistory(const DaemonSetInfo &ds, const QList<Object> &owned, const std::shared_ptr<WriteJoin> &join,
                                            QString *currentName);
    void createRevision(const DaemonSetInfo &ds, qint64 revision, Report report);
    // Deletes failed pods (with back-off), creates and deletes per planManage; the writes started.
    int manage(const QString &key, const DaemonSetInfo &ds, const QList<DaemonNode> &nodes, const NodeToDaemonPods &pods,
               const QString &hash, const std::shared_ptr<WriteJoin> &join);
    int syncNodes(const QString &key, const DaemonSetInfo &ds, const QStringList &podsToDelete, const QStringList &nodesToCreate,
                  const QString &hash, const std::shared_ptr<WriteJoin> &join);
    void cleanupHistory(const DaemonSetInfo &ds, const QList<Object> &owned, const QString &currentName,
                        const QSet<QString> &liveHashes, const std::shared_ptr<WriteJoin> &join);
    void writeStatus(const QString &key, const DaemonSetInfo &ds, const QList<DaemonNode> &nodes, const NodeToDaemonPods &pods,
                     const QString &hash, bool observeGeneration, const std::shared_ptr<WriteJoin> &join);

    SharedInformer *m_daemonSets;
    SharedInformer *m_pods;
    SharedInformer *m_nodes;
    SharedInformer *m_revisions;
    ControllerExpectations m_expectations;
    FailedPodBackoff m_failedPodsBackoff;
};

} // namespace kube
