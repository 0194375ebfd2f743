#pragma once
// The arithmetic of a RollingUpdate (upstream pkg/controller/deployment rolling.go and
// util/deployment_util.go): how far the new ReplicaSet may grow and how far the old ones may
// shrink right now, given maxSurge and maxUnavailable. Pure functions over the controller's
// current view; the controller applies the steps and waits for the next event.

#include "replicasetinfo.h"

#include <QList>
#include <QString>

#include <optional>

namespace kube {

struct Fenceposts {
    int maxSurge = 0;
    int maxUnavailable = 0;
};

// ResolveFenceposts: surge rounds up, unavailable rounds down; both zero gives unavailable 1.
// Missing values default to 25% like the API's defaulting.
Expected<Fenceposts> resolveFenceposts(const DeploymentInfo &d);
// MaxUnavailable / MaxSurge for the strategy (0 for Recreate), unavailable capped at replicas.
int maxUnavailable(const DeploymentInfo &d);
int maxSurge(const DeploymentInfo &d);

struct ScaleStep {
    QString name;
    int from = 0;
    int to = 0;
    friend bool operator==(const ScaleStep &, const ScaleStep &) = default;
};

// NewRSNewReplicas: the size the new ReplicaSet may have now.
int newReplicaSetReplicas(const DeploymentInfo &d, const QList<ReplicaSetInfo> &all, const ReplicaSetInfo &newRS);

// reconcileNewReplicaSet: the scale of the new ReplicaSet to make now, if any.
std::optional<ScaleStep> reconcileNewReplicaSet(const DeploymentInfo &d, const QList<ReplicaSetInfo> &all, const ReplicaSetInfo &newRS);

// reconcileOldReplicaSets: first unhealthy replicas of old sets are removed, then old sets are
// scaled down as far as availability allows; oldest first. One step per set that changes.
QList<ScaleStep> reconcileOldReplicaSets(const DeploymentInfo &d, const QList<ReplicaSetInfo> &oldSets, const ReplicaSetInfo &newRS);

} // namespace kube
