#pragma once
// What every write passes through before the store, shared by create, update and patch:
// static defaults from the registry, then the kind's conditional defaults, then the namespace
// admission rules (the namespace must exist and not be terminating). Pure except for the
// namespace look-up; the API server's thread.

#include "kube/api/status.h"

class QJsonObject;

namespace kube {

struct ApiContext;
struct KindInfo;
struct ResourceRequest;
class ApiResponder;

void defaultObject(QJsonObject &object, const KindInfo &kind, const ApiContext &context);

// 404 when the namespace does not exist; 403 when it is being deleted (creations only).
Status admitNamespace(const ApiContext &context, const KindInfo &kind, const QString &namespace_);

// The decoding checks of a written object (validation.h): unknown fields are dropped and
// answered per the request's fieldValidation (Warn: warnings on the responder), wrong JSON
// types refused. optionsKind ("CreateOptions", …) names a bad fieldValidation value's error.
// live: for patches, the stored object, whose own findings are not blamed on the patch.
Status admitDecoded(QJsonObject &object, const ResourceRequest &request, const ApiContext &context,
                    ApiResponder &responder, const QString &optionsKind, const QJsonObject *live = nullptr);

// Value validation of the object about to be stored (422 with one cause per field); old is the
// stored object on update. Status-subresource writes are not validated.
Status validateForStore(const QJsonObject &object, const ResourceRequest &request, const ApiContext &context,
                        const QJsonObject *old = nullptr);

} // namespace kube
