#pragma once
// Value validation of custom resources against their CRD version's structural schema
// (openAPIV3Schema), as apiextensions-apiserver's ValidateCustomResource does with kube-openapi:
// type, nullable, enum, pattern, minimum/maximum (and exclusive), multipleOf, min/maxLength,
// min/maxItems, uniqueItems, min/maxProperties, required, format, x-kubernetes-int-or-string,
// additionalProperties and x-kubernetes-list-type set/map uniqueness. Each problem is one cause
// in upstream's wording, on the field's path ("spec.replicas", "spec.ports[0].port"):
//   spec.replicas: Invalid value: 20: spec.replicas in body should be less than or equal to 10
//   spec.color: Unsupported value: "pink": supported values: "red", "blue"
// Unknown fields were pruned before this runs (the decoding phase, validation.h), so only
// declared fields and those below x-kubernetes-preserve-unknown-fields are left.
//
// Not evaluated: x-kubernetes-validations (CEL rules) — accepted in the CRD, never run here,
// since there is no CEL interpreter in Timonel; allOf/anyOf/oneOf/not value constraints.
//
// The API server's thread. Cost: one walk of the object; the CRD's schema is parsed once per
// CRD resourceVersion (a per-thread cache).

#include "kube/api/status.h"

#include <QJsonObject>
#include <QList>
#include <optional>

namespace kube {

struct ApiContext;
struct KindInfo;

// The causes of an object's schema violations; empty when valid. Skips apiVersion, kind and
// metadata at the root (validated like every object's).
QList<StatusCause> validateAgainstSchema(const QJsonObject &object, const QJsonObject &openApiV3Schema);

// The openAPIV3Schema of a custom kind's version, from its stored CRD; nullopt when absent.
std::optional<QJsonObject> customResourceSchema(const ApiContext &context, const KindInfo &kind);

} // namespace kube
