#pragma once
// When a pod on a node with NoExecute taints must go (upstream pkg/controller/tainteviction:
// processPodOnNode, getMinTolerationTime): at once when one of the taints is tolerated by none
// of the pod's tolerations; otherwise when the shortest tolerationSeconds among the tolerations
// used runs out, counted from the time its taint was added (timeAdded, else `since`, when the
// controller first saw that taint); never when every used toleration is unbounded.
// tolerationSeconds of zero or less means at once.
//
// Pure; any thread. Cost: taints × tolerations.

#include <QDateTime>
#include <QJsonArray>

#include <functional>

namespace kube::nodelifecycle {

struct EvictionDecision {
    enum class Action { Keep, EvictNow, EvictAt };
    Action action = Action::Keep;
    QDateTime at; // EvictAt: when
};

// since(taint): when the controller first saw a NoExecute taint lacking timeAdded.
using TaintFirstSeen = std::function<QDateTime(const QJsonObject &taint)>;

EvictionDecision decideEviction(const QJsonArray &nodeTaints, const QJsonArray &podTolerations, const QDateTime &now,
                                const TaintFirstSeen &since);

// True when the NoExecute taints of two taint lists differ (what makes pods worth re-checking).
bool noExecuteTaintsDiffer(const QJsonArray &a, const QJsonArray &b);

} // namespace kube::nodelifecycle
