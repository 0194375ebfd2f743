#pragma once
// DeploymentController: turns each Deployment into ReplicaSets (upstream
// pkg/controller/deployment). One sync takes one step and returns; the informers bring it back:
//   paused      → status only (Progressing=Unknown, DeploymentPaused)
//   no new set  → create <name>-<pod-template-hash> with the next revision
//   new set     → bring its annotations (revision, change-cause) up to date
//   RollingUpdate → grow the new set within maxSurge, else shrink old ones within maxUnavailable
//   Recreate    → scale old sets to zero, wait for their pods to go, then scale the new one up
//   complete    → delete old sets beyond revisionHistoryLimit
// and every step ends by writing status (counts, Available, Progressing with the deadline).
//
// Thread affinity: the controllers' thread.

#include "kube/controllers/controller.h"

namespace kube {

class SharedInformer;
struct DeploymentInfo;
struct ReplicaSetInfo;

class DeploymentController : public Controller
{
    Q_OBJECT
public:
    explicit DeploymentController(const ControllerContext &context, QObject *parent = nullptr);

protected:
    void sync(const QString &key, Done done) override;

private:
    void enqueueOwner(const Object &replicaSet);
    // Writes spec.replicas (and the replica annotations) of one set, with its event.
    void scaleReplicaSet(const DeploymentInfo &d, const ReplicaSetInfo &rs, int to, std::function<void(const Status &)> report);
    void createNewReplicaSet(const DeploymentInfo &d, const QList<ReplicaSetInfo> &all, qint64 revision,
                             std::function<void(const Status &)> report);
    // Writes status when it changed; re-queues for the progress deadline.
    void writeStatus(const DeploymentInfo &d, const QList<ReplicaSetInfo> &all, const ReplicaSetInfo *newRS,
                     std::function<void(const Status &)> report);
    int activePodsOf(const QList<ReplicaSetInfo> &sets) const;

    SharedInformer *m_deployments;
    SharedInformer *m_replicaSets;
    SharedInformer *m_pods;
};

} // namespace kube
