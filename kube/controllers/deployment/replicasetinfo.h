#pragma once
// ReplicaSetInfo: the numbers the deployment controller reads from one ReplicaSet, extracted
// once per sync (upstream reads the typed object's fields). DeploymentInfo: the same for the
// Deployment. Plain value types; any thread.

#include "kube/api/object.h"

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>

#include <optional>

namespace kube {

struct ReplicaSetInfo {
    Object object;
    QString name;
    int specReplicas = 0;
    int statusReplicas = 0;
    int readyReplicas = 0;
    int availableReplicas = 0;
    qint64 revision = 0;            // deployment.kubernetes.io/revision (0 when absent)
    QDateTime created;
    QJsonObject podTemplate;        // spec.template

    static ReplicaSetInfo from(const Object &rs);
};

struct DeploymentInfo {
    Object object;
    QString name;
    int replicas = 1;
    bool recreate = false;          // spec.strategy.type == Recreate
    QJsonValue maxSurge;            // as written ("25%" or an integer); undefined: default
    QJsonValue maxUnavailable;
    int minReadySeconds = 0;
    std::optional<int> progressDeadlineSeconds; // absent: never times out (upstream default 600 is set by defaulting)
    bool paused = false;
    int revisionHistoryLimit = 10;
    qint64 generation = 0;
    std::optional<int> collisionCount;
    QJsonObject podTemplate;        // spec.template
    QJsonObject status;

    static DeploymentInfo from(const Object &deployment);
};

// Sums upstream's helpers compute over a set of ReplicaSets.
int specReplicaSum(const QList<ReplicaSetInfo> &sets);      // GetReplicaCountForReplicaSets
int statusReplicaSum(const QList<ReplicaSetInfo> &sets);    // GetActualReplicaCountForReplicaSets
int readyReplicaSum(const QList<ReplicaSetInfo> &sets);
int availableReplicaSum(const QList<ReplicaSetInfo> &sets); // GetAvailableReplicaCountForReplicaSets

// Oldest first; ties by name (upstream's ReplicaSetsByCreationTimestamp).
void sortByCreation(QList<ReplicaSetInfo> &sets);

} // namespace kube
