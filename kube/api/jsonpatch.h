#pragma once
// JSON Patch (RFC 6902, application/json-patch+json) as kube-apiserver applies it: the
// operations add, remove, replace, move, copy and test, addressed by JSON Pointers (RFC 6901:
// "~1" is "/", "~0" is "~", "-" appends to an array), applied in order, all or nothing.
// Behaviour follows the evanphx/json-patch v4 library kube-apiserver uses: negative array
// indices count from the end for add and remove; a failed operation is a 422 whose message is
// upstream's generic one (upstream drops the library's explanation; ask for it with `why`).
//
// Limits (upstream's): at most 10,000 operations per patch (413), and the bytes "copy"
// operations add up to at most 3 MiB per patch (JSONPatchMaxCopyBytes; a 422), so a small
// request cannot grow an object without bound by copying it into itself.
//
// Pure functions on value types: any thread. Cost: each operation rebuilds the containers on
// its path, O(depth × container size); copy costs one serialization of the copied value.

#include "expected.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

class QByteArray;

namespace kube {

struct JsonPatchOptions {
    int maxOperations = 10000;                  // upstream maxJSONPatchOperations
    qint64 maxCopyBytes = 3 * 1024 * 1024;      // upstream JSONPatchMaxCopyBytes; <= 0: unlimited
};

// Decodes an application/json-patch+json body into its operations. 400 BadRequest when the
// body is not a JSON array of objects (JSON null is an empty patch); 413 RequestEntityTooLarge
// when it has more than options.maxOperations operations.
Expected<QJsonArray> parseJsonPatch(const QByteArray &body, const JsonPatchOptions &options = {});

// Applies `operations` to `document`. On failure: 422 Invalid "the server rejected our request
// due to an error in our request" (upstream's wording), with the library-style explanation
// ("testing value /spec/replicas failed: test failed") stored in *why when given.
Expected<QJsonValue> applyJsonPatch(const QJsonValue &document, const QJsonArray &operations,
                                    const JsonPatchOptions &options = {}, QString *why = nullptr);

// The whole request: parse `body`, check the limits, apply it to an object. A patch that
// replaces the root with something other than an object is a 422 as well.
Expected<QJsonObject> applyJsonPatch(const QJsonObject &document, const QByteArray &body,
                                     const JsonPatchOptions &options = {}, QString *why = nullptr);

} // namespace kube
