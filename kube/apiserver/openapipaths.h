#pragma once
// The "paths" part of kube-apiserver's OpenAPI v3 documents: one path item per REST endpoint
// of a kind (collection, object, the all-namespaces list, subresources), each operation with
// upstream's operationId, tag, query parameters, request body and responses, and the
// x-kubernetes-action / x-kubernetes-group-version-kind extensions.
//
// What clients read from here: kubectl's and helm's fieldValidation check looks for a PATCH
// operation whose x-kubernetes-group-version-kind is the object's GVK and that lists a
// "fieldValidation" query parameter (cli-runtime query_param_verifier_v3.go); kubectl apply
// builds a strategic merge patch only when that PATCH's requestBody lists
// application/strategic-merge-patch+json. Every PATCH here carries both.
//
// Pure functions; any thread. Cost: a few dozen small JSON objects per kind.

#include <QJsonObject>
#include <QString>

namespace kube {

class OpenApiSchemaBuilder;
class TypeRegistry;
struct GroupVersion;
struct KindInfo;

// "AppsV1", "CoreV1", "RbacAuthorizationV1": the group-version part of operationIds.
QString openApiGroupVersionId(const GroupVersion &gv);
// "Apps", "Core", "RbacAuthorization".
QString openApiGroupId(const QString &group);
// The operation tag: "apps_v1", "core_v1", "rbacAuthorization_v1"; "apps" for group paths.
QString openApiTag(const QString &group, const QString &version = {});

// A GET operation answering with one component as JSON, YAML or protobuf (discovery paths).
QJsonObject openApiGetOperation(const QString &operationId, const QString &description,
                                const QString &tag, const QString &component);
// Adds "/apis/<group>/<version>/" (or "/api/v1/"): get the APIResourceList.
void addOpenApiResourceListPath(const GroupVersion &gv, QJsonObject &paths);
// Adds every path item of one kind. `schemas` tells which subresource kinds have a model.
void addOpenApiKindPaths(const TypeRegistry &registry, const OpenApiSchemaBuilder &schemas,
                         const KindInfo &kind, QJsonObject &paths);

} // namespace kube
