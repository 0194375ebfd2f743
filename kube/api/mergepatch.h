#pragma once
// JSON Merge Patch (RFC 7386, application/merge-patch+json) as kube-apiserver applies it
// (evanphx/json-patch v4 MergePatch): a null member deletes, objects merge recursively, arrays
// and scalars replace. Like upstream, nulls are pruned from objects the patch brings in where
// the target had no object to merge into ({"a":{"b":null}} onto {} gives {"a":{}}); arrays
// are taken as they are.
//
// Pure functions on value types: any thread. Cost: linear in the size of the patch (plus the
// copy-on-write detaches of the target's containers it touches).

#include "expected.h"

#include <QJsonObject>
#include <QJsonValue>

class QByteArray;

namespace kube {

// RFC 7386 MergePatch(target, patch); never fails.
QJsonValue mergePatch(const QJsonValue &target, const QJsonValue &patch);

// The request: `patch` must be an object (400 BadRequest "Invalid JSON Patch" otherwise,
// upstream's ErrBadJSONPatch wording).
Expected<QJsonObject> applyMergePatch(const QJsonObject &original, const QJsonValue &patch);
// Same, from the request body (400 when it is not JSON).
Expected<QJsonObject> applyMergePatch(const QJsonObject &original, const QByteArray &body);

} // namespace kube
