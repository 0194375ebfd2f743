#pragma once
// Static defaulting: fills every absent field that the registry gives a default (schema
// "default"), walking into present structs, list items and map values, as kube-apiserver's
// generated SetDefaults functions do for static defaults. Conditional defaults (imagePullPolicy
// from the image tag, a Service port's targetPort) belong to the per-kind strategies.
// Pure; any thread. Cost: one walk of the object.

class QJsonObject;

namespace kube {

class TypeRegistry;
struct TypeSchema;

void applyDefaults(QJsonObject &object, const TypeSchema &type, const TypeRegistry &registry);

} // namespace kube
