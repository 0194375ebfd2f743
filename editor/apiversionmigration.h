#pragma once
// ApiVersionMigration: rewrites the documents of a manifest text that use a removed API version
// (removedapis.h, the entries marked convertible) into the version that replaced it, with a
// note for every change a reader should know about:
//   Deployment, DaemonSet, ReplicaSet, StatefulSet (extensions/v1beta1, apps/v1beta1,
//     apps/v1beta2) → apps/v1: spec.selector from the template's labels when missing;
//     rollbackTo and templateGeneration dropped; defaults that changed are named.
//   Ingress (extensions/v1beta1, networking.k8s.io/v1beta1) → networking.k8s.io/v1:
//     serviceName/servicePort → service.name + port.number|name, pathType
//     ImplementationSpecific where absent, backend → defaultBackend.
//   HorizontalPodAutoscaler autoscaling/v2beta1 → autoscaling/v2: targetAverageUtilization,
//     targetAverageValue, targetValue, metricName… → metric + target; v2beta2 → v2 as is.
//   NetworkPolicy → networking.k8s.io/v1, PodDisruptionBudget → policy/v1, CronJob → batch/v1,
//     RBAC v1beta1/v1alpha1 → v1, and the other renames of the table: the apiVersion.
// Only converted documents change: the others keep their text byte for byte. A converted
// document is re-emitted as `kubectl get -o yaml` lays YAML out, in its own key order; its
// comments are not kept (a note says so).
//
// Pure functions; any thread. Cost: one source-map parse plus one YAML emission per converted
// document.

#include <QString>
#include <QStringList>

namespace timonel {

struct OrderedJson;

struct MigrationResult {
    QString text;          // the whole text, converted documents replaced
    QStringList notes;     // translated, one per change ("Document 1 (Deployment web): …")
    int converted = 0;     // documents converted
};

// Converts every convertible document (or only documentIndex, counted as YamlSourceMap counts
// documents, when it is 0 or more). Documents with syntax errors are left alone.
MigrationResult migrateRemovedApis(const QString &text, int documentIndex = -1);

// The conversion of one object; false when its apiVersion and kind need none. notes gets the
// changes, without a document prefix.
bool migrateObject(OrderedJson &object, QStringList &notes);

} // namespace timonel
