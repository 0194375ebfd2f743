#pragma once
// The patch media types a PATCH request may carry, and which of them a kind accepts: built-in
// kinds take all four; custom resources take no strategic merge patch (their schemas carry no
// patch metadata), and kube-apiserver answers such a request with 415 before reading the body.
//
// Pure functions; any thread. Cost: trivial.

#include "status.h"

#include <QList>
#include <QString>

#include <optional>

namespace kube {

struct KindInfo;

enum class PatchType {
    Json,           // application/json-patch+json (RFC 6902), jsonpatch.h
    Merge,          // application/merge-patch+json (RFC 7386), mergepatch.h
    StrategicMerge, // application/strategic-merge-patch+json, strategicmergepatch.h
    ApplyYaml,      // application/apply-patch+yaml (server-side apply)
};

// The patch type of a Content-Type header ("; charset=…" and other parameters ignored);
// nullopt for anything else.
std::optional<PatchType> patchTypeFromContentType(QStringView header);
QString contentType(PatchType type);

// What kube-apiserver accepts for the kind, in the order its 415 message lists them.
QList<PatchType> acceptedPatchTypes(const KindInfo &kind);
bool acceptsPatchType(const KindInfo &kind, PatchType type);

// 415 UnsupportedMediaType: "the body of the request was in an unknown format - accepted media
// types include: application/json-patch+json, …".
Status unsupportedPatchType(const QList<PatchType> &accepted);

} // namespace kube
