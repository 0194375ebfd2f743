#pragma once
// The per-kind row functions of the table printers, one per kube-apiserver print handler, and
// the lookup from a group/kind to its function (tableprinter.cpp). Each returns exactly the
// cells of the kind's printerColumns in the type registry (the server always prints wide).
// Most read a QJsonObject; the ones on hot paths (pods) read the object's bytes through
// JsonView and build no tree.
// Internal to printers/; pure functions, any thread; cost linear in the object.

#include "printerutil.h"

namespace kube::printers {

class JsonView;

// A row function over a parsed simdjson DOM (jsonview.h).
using ViewRowFunction = Row (*)(const JsonView &object, const QDateTime &now);

// The print handler of a kind: exactly one of the two is set for a kind upstream prints.
struct RowPrinter {
    RowFunction fromJson = nullptr;
    ViewRowFunction fromView = nullptr;
    explicit operator bool() const { return fromJson || fromView; }
};

// podprinter.cpp
Row printPod(const JsonView &object, const QDateTime &now);

// workloadprinters.cpp
Row printDeployment(const QJsonObject &object, const QDateTime &now);
Row printReplicaSet(const QJsonObject &object, const QDateTime &now);
Row printReplicationController(const QJsonObject &object, const QDateTime &now);
Row printStatefulSet(const QJsonObject &object, const QDateTime &now);
Row printDaemonSet(const QJsonObject &object, const QDateTime &now);
Row printJob(const QJsonObject &object, const QDateTime &now);
Row printCronJob(const QJsonObject &object, const QDateTime &now);
Row printControllerRevision(const QJsonObject &object, const QDateTime &now);

// networkprinters.cpp
Row printService(const QJsonObject &object, const QDateTime &now);
Row printEndpoints(const QJsonObject &object, const QDateTime &now);
Row printEndpointSlice(const QJsonObject &object, const QDateTime &now);
Row printIngress(const QJsonObject &object, const QDateTime &now);
Row printIngressClass(const QJsonObject &object, const QDateTime &now);
Row printNetworkPolicy(const QJsonObject &object, const QDateTime &now);

// clusterprinters.cpp
Row printNamespace(const QJsonObject &object, const QDateTime &now);
Row printNode(const QJsonObject &object, const QDateTime &now);
Row printEvent(const QJsonObject &object, const QDateTime &now);       // core/v1
Row printEventsV1Event(const QJsonObject &object, const QDateTime &now); // events.k8s.io/v1
Row printLease(const QJsonObject &object, const QDateTime &now);

// configprinters.cpp
Row printConfigMap(const QJsonObject &object, const QDateTime &now);
Row printSecret(const QJsonObject &object, const QDateTime &now);
Row printServiceAccount(const QJsonObject &object, const QDateTime &now);
Row printResourceQuota(const QJsonObject &object, const QDateTime &now);
Row printRoleBinding(const QJsonObject &object, const QDateTime &now); // and ClusterRoleBinding
Row printPodDisruptionBudget(const QJsonObject &object, const QDateTime &now);
Row printHorizontalPodAutoscaler(const QJsonObject &object, const QDateTime &now);

// storageprinters.cpp
Row printPersistentVolume(const QJsonObject &object, const QDateTime &now);
Row printPersistentVolumeClaim(const QJsonObject &object, const QDateTime &now);
Row printStorageClass(const QJsonObject &object, const QDateTime &now);

// The row printer for a built-in group and kind (any version); empty when upstream has no
// print handler and the default table convertor applies.
RowPrinter rowPrinter(QStringView group, QStringView kind);

} // namespace kube::printers
