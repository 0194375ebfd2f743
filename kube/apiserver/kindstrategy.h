#pragma once
// Per-kind rules that data cannot express (upstream's registry strategies and SetDefaults_*
// functions with conditions): imagePullPolicy from the image tag, a Service port's targetPort,
// a Deployment's rolling-update parameters only for the RollingUpdate strategy, a Namespace's
// phase and finalizer. Runs after the registry's static defaults.
// Pure; any thread.

class QJsonObject;

namespace kube {

struct KindInfo;

void applyKindDefaults(QJsonObject &object, const KindInfo &kind);

} // namespace kube
