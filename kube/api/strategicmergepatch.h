#pragma once
// Strategic merge patch (application/strategic-merge-patch+json) as kube-apiserver applies it
// (k8s.io/apimachinery/pkg/util/strategicpatch StrategicMergeMapPatch): a JSON merge patch
// whose lists follow the field's patch metadata in the type registry:
//   - patchStrategy "merge" + patchMergeKey: items merge by key (containers by name, ports by
//     containerPort, volumes by name…); items the patch brings in come first, then the ones
//     only the server had, keeping the relative order of each (upstream's ordering, so a new
//     container lands in front);
//   - patchStrategy "merge" on primitives: set union (finalizers);
//   - anything else (tolerations, command, args…): the patch's list replaces the old one.
// Maps (structs and map[string]T) always merge; null deletes. Directives:
//   "$patch": "replace" | "delete" on a map or a list item ({"name": "x", "$patch": "delete"}),
//   "$patch": "replace" as a list item (the rest of the list replaces the old one),
//   "$retainKeys": [...] (keys not listed are cleared first: Deployment strategy → Recreate),
//   "$deleteFromPrimitiveList/<field>": [...], "$setElementOrder/<field>": [...].
// Fields the registry does not describe (unknown keys, RawExtension/JSON/any values) get the
// same treatment without metadata: maps merge, lists replace.
//
// Differences from upstream, by design: values copied in from the patch lose their null
// members and directive keys here, where upstream leaves them for its typed decoder to drop
// (the stored result is the same). Upstream refuses strategic merge patch for custom resources
// with 415; that decision is the caller's (see patchtype.h), not this function's.
//
// Errors carry upstream's codes: 400 for malformed directives ("invalid patch format of
// retainKeys"…), 422 for lists of lists, and upstream's uncategorized 500 (no reason) for
// the rest ("map: map[value:b] does not contain declared merge key: name").
//
// Pure functions: any thread (the registry is read through its thread-safe const interface).
// Cost: linear in the size of the patch plus the lists it touches (hash lookups by merge key).

#include "expected.h"

#include <QJsonObject>
#include <QString>

class QByteArray;

namespace kube {

class TypeRegistry;

// `rootTypeName` is the registry type of `original` ("apps.v1.Deployment"); an unknown name
// means no metadata anywhere.
Expected<QJsonObject> applyStrategicMergePatch(const QJsonObject &original, const QJsonObject &patch,
                                               const TypeRegistry &registry, const QString &rootTypeName);
// Same, from the request body: 400 BadRequest when it is not a JSON object.
Expected<QJsonObject> applyStrategicMergePatch(const QJsonObject &original, const QByteArray &body,
                                               const TypeRegistry &registry, const QString &rootTypeName);

} // namespace kube
