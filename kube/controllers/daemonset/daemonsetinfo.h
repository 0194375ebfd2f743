#pragma once
// What the DaemonSet controller reads from a DaemonSet and from a Node, parsed once per sync,
// and upstream's scheduling predicate between them (pkg/controller/daemon NodeShouldRunDaemonPod):
// the node must match the template's nodeName, nodeSelector and required node affinity, and its
// NoSchedule/NoExecute taints must be tolerated — by the template's tolerations plus the ones
// every daemon pod gets (daemonpods.h), so cordoned and not-ready nodes keep their daemons.
// Also the rolling update's budgets (util.SurgeCount, util.UnavailableCount).
//
// Plain value types and pure functions; any thread. from() costs one JSON parse.

#include "kube/api/labels.h"
#include "kube/api/labelselector.h"
#include "kube/api/object.h"
#include "kube/scheduler/nodeselector.h"
#include "kube/scheduler/taints.h"

#include <QJsonObject>
#include <QJsonValue>

#include <optional>

namespace kube {

// The deprecated annotation upstream's API server keeps the template generation in.
inline constexpr auto DaemonSetTemplateGenerationAnnotation = "deprecated.daemonset.template.generation";
// The label daemon pods carry with it.
inline constexpr auto PodTemplateGenerationLabel = "pod-template-generation";

struct DaemonSetInfo {
    Object object;
    QJsonObject json;
    QString name;
    QString namespace_;
    QString uid;
    qint64 generation = 0;
    QJsonObject podTemplate;       // spec.template as written
    bool onDelete = false;         // updateStrategy.type OnDelete (else RollingUpdate)
    QJsonValue maxUnavailable;     // updateStrategy.rollingUpdate.maxUnavailable (int or "%")
    QJsonValue maxSurge;           // updateStrategy.rollingUpdate.maxSurge
    int minReadySeconds = 0;
    qint64 revisionHistoryLimit = 10;
    std::optional<qint64> templateGeneration; // from the deprecated annotation, when present
    std::optional<int> collisionCount;
    QJsonObject status;

    // What a daemon pod of this set asks of a node.
    QString templateNodeName;                               // spec.template.spec.nodeName
    Labels nodeSelector;                                    // spec.template.spec.nodeSelector
    std::optional<scheduler::NodeSelector> requiredAffinity;  // required node affinity, when set
    QList<scheduler::Toleration> tolerations;               // the template's plus the daemon ones

    static DaemonSetInfo from(const Object &daemonSet);
};

struct DaemonNode {
    QString name;
    Labels labels;
    QList<scheduler::Taint> taints;

    static DaemonNode from(const Object &node);
};

struct NodeVerdict {
    bool shouldRun = false;             // a daemon pod belongs on the node
    bool shouldContinueRunning = false; // a daemon pod already there may stay (NoExecute tolerated)
};

NodeVerdict nodeShouldRunDaemonPod(const DaemonSetInfo &ds, const DaemonNode &node);

// The rolling update's budgets for desired nodes: maxSurge (0 unless RollingUpdate sets it)
// and maxUnavailable, both rounded up from percentages; both zero gives unavailable 1.
struct RollingBudget {
    int maxSurge = 0;
    int maxUnavailable = 0;
};
RollingBudget rollingBudget(const DaemonSetInfo &ds, int desiredNumberScheduled);
// AllowsSurge: more than one pod may run on a node during an update.
bool allowsSurge(const DaemonSetInfo &ds);

} // namespace kube
