#pragma once
// Which ReplicaSet is a Deployment's new one, what revision it carries, and how a new one is
// built (upstream util/deployment_util.go and sync.go getNewReplicaSet, cleanupDeployment).
// The annotations are the ones `kubectl rollout history` and `rollout undo` read:
//   deployment.kubernetes.io/revision           the set's revision number
//   deployment.kubernetes.io/revision-history   earlier numbers of a set that became new again
//   deployment.kubernetes.io/desired-replicas   the Deployment's replicas when last scaled
//   deployment.kubernetes.io/max-replicas       replicas + maxSurge when last scaled
// plus every Deployment annotation (kubernetes.io/change-cause…) except the ones above and
// kubectl's last-applied configuration. Pure functions; any thread.

#include "replicasetinfo.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace kube {

namespace deploymentannotation {
inline constexpr auto Revision = "deployment.kubernetes.io/revision";
inline constexpr auto RevisionHistory = "deployment.kubernetes.io/revision-history";
inline constexpr auto DesiredReplicas = "deployment.kubernetes.io/desired-replicas";
inline constexpr auto MaxReplicas = "deployment.kubernetes.io/max-replicas";
inline constexpr auto ChangeCause = "kubernetes.io/change-cause";
} // namespace deploymentannotation

// FindNewReplicaSet: the oldest set whose template equals the Deployment's (hash label aside).
std::optional<ReplicaSetInfo> findNewReplicaSet(const DeploymentInfo &d, const QList<ReplicaSetInfo> &sets);
// The sets other than newName.
QList<ReplicaSetInfo> oldReplicaSets(const QList<ReplicaSetInfo> &sets, const QString &newName);
// MaxRevision.
qint64 maxRevision(const QList<ReplicaSetInfo> &sets);

// SetNewReplicaSetAnnotations on a set's metadata.annotations object: copies the Deployment's
// annotations, raises the revision to newRevision (keeping the old number in revision-history
// when a set becomes new again), and for a set about to be created adds the replica
// annotations. Returns whether anything changed.
bool setNewReplicaSetAnnotations(const DeploymentInfo &d, QJsonObject &annotations, qint64 newRevision, bool exists);
// SetReplicasAnnotations: desired-replicas / max-replicas. Returns whether anything changed.
bool setReplicasAnnotations(QJsonObject &annotations, int desired, int max);

// The ReplicaSet to create for the Deployment's current template: named <deployment>-<hash>,
// the hash added to the template's labels and the selector, owned by the Deployment.
QJsonObject buildNewReplicaSet(const DeploymentInfo &d, const QString &podTemplateHash, qint64 revision, int replicas);

// cleanupDeployment: old sets beyond revisionHistoryLimit that may be deleted (scaled to zero,
// observed, not being deleted), lowest revision first.
QStringList replicaSetsToCleanUp(const DeploymentInfo &d, const QList<ReplicaSetInfo> &oldSets);

} // namespace kube
