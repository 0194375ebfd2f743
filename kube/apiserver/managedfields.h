#pragma once
// Field ownership of non-apply writes (upstream's managedfields "Update" operations): create,
// update and ordinary patches record, in metadata.managedFields, which fields the writer
// changed, so a later server-side apply that changes one of them conflicts with that manager
// (serversideapply.cpp), as kube-apiserver does.
//
// The writer's manager name is the fieldManager query parameter, else the User-Agent up to its
// first "/" ("kubectl/v1.35.0 (linux/amd64) …" → "kubectl"), at most 128 characters.
// An Update entry is keyed by manager, operation, apiVersion and subresource; its set becomes
// (old set − removed) ∪ added ∪ modified, and every other manager loses what this write
// modified or removed (an update always "forces"). Entries left empty are dropped.
// Identity metadata (name, uid, resourceVersion, …) is nobody's; the main resource of a kind
// with a status subresource does not track status, and the status subresource tracks only
// status (upstream's reset fields).
//
// Simplification: upstream folds Update managers beyond ten into "ancient-changes"; we keep
// them all.
//
// Pure functions over JSON; the API server's thread. Cost: one walk of old and new object each.

#include "fieldset.h"

#include <QJsonArray>
#include <QString>

namespace kube {

struct ApiContext;
struct KindInfo;
struct ResourceRequest;
class TypeRegistry;

// "kubectl" from "kubectl/v1.35.0 (linux/amd64) kubernetes/abc", at most 128 characters.
QString managerFromUserAgent(QByteArrayView userAgent);

// fieldManager, else managerFromUserAgent(User-Agent).
QString updateManagerName(const ResourceRequest &request);

// The fields of an object a manager can own, after dropping identity metadata and the
// fields the subresource resets (see above).
FieldSet trackedFields(const QJsonObject &object, const KindInfo &kind, const QString &subresource,
                       const TypeRegistry &registry);

// Records the write of `object` (replacing `old`; empty on create) as an Update by the request's
// manager in object's metadata.managedFields. When the body carries no managedFields the
// stored ones (old's) are the starting point, as upstream.
void recordUpdate(QJsonObject &object, const QJsonObject &old, const ResourceRequest &request,
                  const ApiContext &context);

// How a conflict names a manager entry, as kube-apiserver prints it: "\"helm\"" for an
// applier, "\"kubectl-edit\" using apps/v1" for an updater, with ` with subresource "scale"`
// after the name when there is one.
QString describeManager(const QJsonObject &entry);

// Upstream's order: Apply entries before Update ones, then by time, manager, apiVersion,
// subresource.
void sortManagedFields(QJsonArray &entries);

} // namespace kube
