#pragma once
// DefaultTolerationSeconds admission (upstream plugin/pkg/admission/defaulttolerationseconds):
// a pod written without a toleration for the node.kubernetes.io/not-ready or unreachable
// NoExecute taint gets one — operator Exists, effect NoExecute, tolerationSeconds 300 — so when
// its node stops answering it is evicted five minutes after the node was tainted
// (nodelifecycle/). A toleration counts when its key is that taint's key or empty and its
// effect NoExecute or empty, whatever its operator, as upstream checks. Pods only; creations
// and updates alike (upstream admits both).
//
// Pure; any thread. Cost: linear in the pod's tolerations.

class QJsonObject;

namespace kube {

struct KindInfo;

inline constexpr int DefaultTolerationSeconds = 300;

void admitDefaultTolerationSeconds(QJsonObject &object, const KindInfo &kind);

} // namespace kube
