#pragma once
// The status a StatefulSet reports (upstream stateful_set_control.go computeReplicaStatus,
// updateStatefulSet, completeRollingUpdate): replicas (members that exist), readyReplicas
// (Running and Ready), availableReplicas (ready for minReadySeconds), currentReplicas and
// updatedReplicas (members not terminating at the current / update revision, less those this sync
// deletes for the update), currentRevision, updateRevision, collisionCount, observedGeneration.
// A RollingUpdate whose members are all updated and ready completes: currentRevision becomes
// updateRevision. `kubectl rollout status sts/x` reads these. Pure; any thread.

#include "statefulsetplan.h"

#include <QJsonObject>

namespace kube::statefulset {

struct StatusInput {
    qint64 generation = 0;
    QString currentRevision;
    QString updateRevision;
    int collisionCount = 0;
    bool rollingUpdate = true;
    int updateDeletions = 0; // Plan::updateDeletions
};

// The new status; conditions are carried over from oldStatus.
QJsonObject statefulSetStatus(const QJsonObject &oldStatus, const QList<MemberState> &members, const StatusInput &input);

} // namespace kube::statefulset
