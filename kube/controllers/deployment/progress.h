#pragma once
// A Deployment's status and its Available / Progressing conditions (upstream sync.go
// calculateStatus and progress.go syncRolloutStatus), with upstream's reasons and messages so
// `kubectl rollout status` and `describe` read them as they would on a real cluster.
// Pure functions over the controller's view; `now` comes from the controller's Clock.

#include "replicasetinfo.h"

#include <QDateTime>
#include <QJsonObject>

#include <optional>

namespace kube {

namespace deploymentreason {
inline constexpr auto NewReplicaSetCreated = "NewReplicaSetCreated";
inline constexpr auto FoundNewReplicaSet = "FoundNewReplicaSet";
inline constexpr auto ReplicaSetUpdated = "ReplicaSetUpdated";
inline constexpr auto NewReplicaSetAvailable = "NewReplicaSetAvailable";
inline constexpr auto ProgressDeadlineExceeded = "ProgressDeadlineExceeded";
inline constexpr auto DeploymentPaused = "DeploymentPaused";
inline constexpr auto DeploymentResumed = "DeploymentResumed";
inline constexpr auto MinimumReplicasAvailable = "MinimumReplicasAvailable";
inline constexpr auto MinimumReplicasUnavailable = "MinimumReplicasUnavailable";
} // namespace deploymentreason

// SetDeploymentCondition: replaces the condition of that type; keeps lastTransitionTime when
// the status did not change, and does nothing when status and reason are both unchanged.
void setDeploymentCondition(QJsonObject &status, const QString &type, const QString &conditionStatus,
                            const QString &reason, const QString &message, const QDateTime &now);
QJsonObject deploymentCondition(const QJsonObject &status, const QString &type);

// calculateStatus: counts from the sets, observedGeneration, and the Available condition.
QJsonObject calculateDeploymentStatus(const DeploymentInfo &d, const QList<ReplicaSetInfo> &all,
                                      const ReplicaSetInfo *newRS, const QDateTime &now);

// DeploymentComplete / DeploymentProgressing / DeploymentTimedOut.
bool deploymentComplete(const DeploymentInfo &d, const QJsonObject &status);
bool deploymentProgressing(const QJsonObject &oldStatus, const QJsonObject &newStatus);
bool deploymentTimedOut(const DeploymentInfo &d, const QJsonObject &status, const QDateTime &now);

struct RolloutStatus {
    QJsonObject status;
    // When the controller must look again to notice a timeout (nullopt: no need).
    std::optional<qint64> recheckAfterMs;
};

// syncRolloutStatus: the status to write, with the Progressing condition brought up to date.
RolloutStatus rolloutStatus(const DeploymentInfo &d, const QList<ReplicaSetInfo> &all,
                            const ReplicaSetInfo *newRS, const QDateTime &now);

} // namespace kube
