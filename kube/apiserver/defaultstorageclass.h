#pragma once
// DefaultStorageClass admission (upstream plugin/pkg/admission/storage/storageclass/setdefault):
// a PersistentVolumeClaim written without a class (no spec.storageClassName, no beta
// storage-class annotation) gets the cluster's default StorageClass — the one annotated
// storageclass.kubernetes.io/is-default-class: "true" (or the beta annotation), the newest when
// several are, then the first by name. With no default class the claim is left alone.
//
// Upstream admits only creations and lets the PV controller assign the default later to claims
// still unbound (retroactive default StorageClass assignment, GA in 1.28); running on every
// write of an unbound claim (no spec.volumeName) does both at once. A bound claim is never
// changed.
//
// The API server's thread. Cost: a list of the stored StorageClasses per claim write.

#include <QList>
#include <QStringView>

#include <initializer_list>
#include <QString>

class QJsonObject;

namespace kube {

struct ApiContext;
struct KindInfo;
class Object;

void admitDefaultStorageClass(QJsonObject &object, const KindInfo &kind, const ApiContext &context);

// GetDefaultClass over classes; empty when none is annotated as default. Pure.
QString defaultStorageClassName(const QList<Object> &classes);

// The rule both default-class admissions share: among the classes carrying one of the
// annotations with the value "true", the newest, then the first by name. Pure.
QString newestDefaultClass(const QList<Object> &classes, std::initializer_list<QStringView> annotations);

} // namespace kube
