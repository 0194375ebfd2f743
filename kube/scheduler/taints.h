#pragma once
// Taints and tolerations (core/v1 Taint, Toleration) and upstream's matching rules
// (Toleration.ToleratesTaint, v1helper.FindMatchingUntoleratedTaint), shared by the
// NodeUnschedulable and TaintToleration plugins.
//
// Plain value types and free functions; usable from any thread; matching is linear in the
// number of tolerations.

#include <QJsonArray>
#include <QList>
#include <QString>

namespace kube::scheduler {

struct Taint {
    QString key;
    QString value;
    QString effect; // NoSchedule, PreferNoSchedule, NoExecute
    friend bool operator==(const Taint &, const Taint &) = default;

    // spec.taints of a node.
    static QList<Taint> listFromJson(const QJsonArray &taints);
};

struct Toleration {
    QString key;      // empty with Exists: tolerates every key
    QString operator_; // "", Equal or Exists ("" means Equal)
    QString value;
    QString effect;   // empty: every effect

    bool tolerates(const Taint &taint) const;

    // spec.tolerations of a pod.
    static QList<Toleration> listFromJson(const QJsonArray &tolerations);
};

enum class TaintEffects { NoScheduleAndNoExecute, PreferNoSchedule };

bool tolerationsTolerate(const QList<Toleration> &tolerations, const Taint &taint);
// The first taint (in node order) with one of effects that no toleration tolerates, or nullptr.
const Taint *findUntoleratedTaint(const QList<Taint> &taints, const QList<Toleration> &tolerations, TaintEffects effects);

namespace taintkeys {
inline constexpr auto NodeUnschedulable = "node.kubernetes.io/unschedulable";
inline constexpr auto NodeNotReady = "node.kubernetes.io/not-ready";
inline constexpr auto NodeUnreachable = "node.kubernetes.io/unreachable";
} // namespace taintkeys

} // namespace kube::scheduler
