#pragma once
// What a ReplicaSet (or ReplicationController) controller writes: pods made from the template,
// and the status counted from the pods it owns (upstream replica_set_utils.go
// calculateStatus). Pure functions; any thread.

#include "kube/controllers/podinfo.h"

#include <QJsonObject>

namespace kube {

struct OwnerInfo {
    QString apiVersion; // "apps/v1"
    QString kind;       // "ReplicaSet"
    QString name;
    QString uid;
    QString namespace_;
};

// A pod for the owner: generateName "<owner>-", the template's labels, annotations and spec,
// and a controller owner reference that blocks the owner's deletion.
QJsonObject podFromTemplate(const QJsonObject &podTemplate, const OwnerInfo &owner);

// The status: replicas (active pods), fullyLabeledReplicas (pods carrying every template
// label), readyReplicas, availableReplicas (ready for minReadySeconds), observedGeneration;
// conditions are carried over from oldStatus.
QJsonObject calculateReplicaSetStatus(const QJsonObject &oldStatus, const QJsonObject &templateLabels,
                                      const QList<PodInfo> &activePods, qint64 generation,
                                      int minReadySeconds, const QDateTime &now);

} // namespace kube
