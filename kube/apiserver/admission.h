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

void defaultObject(QJsonObject &object, const KindInfo &kind, const ApiContext &context);

// 404 when the namespace does not exist; 403 when it is being deleted (creations only).
Status admitNamespace(const ApiContext &context, const KindInfo &kind, const QString &namespace_);

} // namespace kube
