#pragma once
// FitError: why a pod fits no node, and the exact text upstream's scheduler writes into the
// FailedScheduling event and the PodScheduled condition:
//   "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: },
//    2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for
//    scheduling, 2 No preemption victims found for incoming pod."
// (one line). Reasons are counted over nodes, rendered "<count> <reason>" and sorted as strings,
// as framework.FitError.Error() does; the preemption part is DefaultPreemption's PostFilter
// verdict when it finds no victims.
//
// Plain value type; usable from any thread. message() is linear in the number of nodes.

#include "filters.h"
#include "podinfo.h"

#include <QList>
#include <QString>

#include <utility>

namespace kube::scheduler {

class FitError
{
public:
    using NodeStatus = std::pair<QString, FilterStatus>; // node name, why it was rejected

    FitError() = default;
    FitError(int numAllNodes, QList<NodeStatus> nodeStatuses, QString postFilterMessage = {})
        : m_numAllNodes(numAllNodes), m_nodeStatuses(std::move(nodeStatuses)), m_postFilterMessage(std::move(postFilterMessage)) {}

    int numAllNodes() const { return m_numAllNodes; }
    const QList<NodeStatus> &nodeStatuses() const { return m_nodeStatuses; }
    const QString &postFilterMessage() const { return m_postFilterMessage; }

    // The FailedScheduling text; with no nodes at all, upstream's "no nodes available to
    // schedule pods".
    QString message() const;

    // "0/N nodes are available: <sorted histogram>." from one reason list per node.
    static QString availabilityMessage(int numAllNodes, const QList<QStringList> &reasonsPerNode);
    // DefaultPreemption's message when preemption finds nothing to do for pod: nodes rejected
    // as unresolvable are "Preemption is not helpful for scheduling"; the rest "No preemption
    // victims found for incoming pod" (this scheduler never evicts). Starts with "preemption: ".
    static QString preemptionMessage(const PodInfo &pod, int numAllNodes, const QList<NodeStatus> &nodeStatuses);

private:
    int m_numAllNodes = 0;
    QList<NodeStatus> m_nodeStatuses;
    QString m_postFilterMessage;
};

} // namespace kube::scheduler
