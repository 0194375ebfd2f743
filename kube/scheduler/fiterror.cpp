#include "fiterror.h"

#include <QMap>

#include <algorithm>

namespace kube::scheduler {

QString FitError::availabilityMessage(int numAllNodes, const QList<QStringList> &reasonsPerNode)
{
    QMap<QString, int> counts;
    for (const QStringList &reasons : reasonsPerNode) {
        for (const QString &reason : reasons)
            ++counts[reason];
    }
    QStringList histogram;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        histogram.append(QString::number(it.value()) + u' ' + it.key());
    // Sorted as whole strings, count first, as Go's sort.Strings (so "10 …" sorts before "2 …").
    std::sort(histogram.begin(), histogram.end());
    QString message = u"0/%1 nodes are available:"_qs.arg(numAllNodes);
    if (!histogram.isEmpty())
        message += u' ' + histogram.join(u", "_qs) + u'.';
    return message;
}

QString FitError::preemptionMessage(const PodInfo &pod, int numAllNodes, const QList<NodeStatus> &nodeStatuses)
{
    if (pod.preemptionNever)
        return u"preemption: not eligible due to preemptionPolicy=Never."_qs;
    QList<QStringList> verdicts;
    verdicts.reserve(nodeStatuses.size());
    for (const auto &[node, status] : nodeStatuses) {
        verdicts.append(QStringList{status.code == FilterStatus::Code::UnschedulableAndUnresolvable
                                        ? u"Preemption is not helpful for scheduling"_qs
                                        : u"No preemption victims found for incoming pod"_qs});
    }
    return u"preemption: "_qs + availabilityMessage(numAllNodes, verdicts);
}

QString FitError::message() const
{
    if (m_numAllNodes == 0)
        return u"no nodes available to schedule pods"_qs;
    QList<QStringList> reasons;
    reasons.reserve(m_nodeStatuses.size());
    for (const auto &[node, status] : m_nodeStatuses)
        reasons.append(status.reasons);
    QString message = availabilityMessage(m_numAllNodes, reasons);
    if (!m_postFilterMessage.isEmpty())
        message += u' ' + m_postFilterMessage;
    return message;
}

} // namespace kube::scheduler
