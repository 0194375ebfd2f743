#include "scoring.h"

#include <algorithm>
#include <cmath>

namespace kube::scheduler {

namespace {

inline constexpr qint64 TaintTolerationWeight = 3;
inline constexpr qint64 NodeAffinityWeight = 2;
inline constexpr qint64 PodTopologySpreadWeight = 2;
inline constexpr qint64 NodeResourcesFitWeight = 1;
inline constexpr qint64 BalancedAllocationWeight = 1;

qint64 leastRequested(qint64 requested, qint64 capacity)
{
    if (capacity == 0 || requested > capacity)
        return 0;
    return (capacity - requested) * MaxNodeScore / capacity;
}

} // namespace

qint64 scoreLeastAllocated(const PodInfo &pod, const NodeInfo &node)
{
    // cpu and memory, weight 1 each; what the node already carries plus this pod, with the
    // non-zero defaults so request-less pods still spread.
    const Resources &allocatable = node.allocatable();
    const Resources &used = node.nonZeroRequested();
    qint64 total = 0;
    qint64 weights = 0;
    if (allocatable.milliCpu > 0) {
        total += leastRequested(used.milliCpu + pod.nonZeroRequests.milliCpu, allocatable.milliCpu);
        ++weights;
    }
    if (allocatable.memory > 0) {
        total += leastRequested(used.memory + pod.nonZeroRequests.memory, allocatable.memory);
        ++weights;
    }
    return weights == 0 ? 0 : total / weights;
}

qint64 scoreBalancedAllocation(const PodInfo &pod, const NodeInfo &node)
{
    // Upstream uses the plain requests here (no defaults).
    const Resources &allocatable = node.allocatable();
    const Resources &used = node.requested();
    QList<double> fractions;
    if (allocatable.milliCpu > 0)
        fractions.append(std::min(1.0, double(used.milliCpu + pod.requests.milliCpu) / double(allocatable.milliCpu)));
    if (allocatable.memory > 0)
        fractions.append(std::min(1.0, double(used.memory + pod.requests.memory) / double(allocatable.memory)));
    double deviation = 0;
    if (fractions.size() == 2)
        deviation = std::abs(fractions[0] - fractions[1]) / 2;
    return qint64((1 - deviation) * double(MaxNodeScore));
}

qint64 countUntoleratedPreferNoSchedule(const PodInfo &pod, const NodeInfo &node)
{
    qint64 count = 0;
    for (const Taint &taint : node.taints()) {
        if (taint.effect == u"PreferNoSchedule" && !tolerationsTolerate(pod.tolerations, taint))
            ++count;
    }
    return count;
}

qint64 sumPreferredNodeAffinity(const PodInfo &pod, const NodeInfo &node)
{
    qint64 sum = 0;
    for (const PreferredSchedulingTerm &term : pod.preferredNodeAffinity) {
        if (term.preference.matches(node.labels(), node.name()))
            sum += term.weight;
    }
    return sum;
}

qint64 countPodsOfSameController(const PodInfo &pod, const NodeInfo &node)
{
    return pod.controllerUid.isEmpty() ? 0 : node.podsOfController(pod.controllerUid);
}

void normalizeScores(QList<qint64> &scores, ScoreOrder order)
{
    const qint64 highest = scores.isEmpty() ? 0 : *std::max_element(scores.cbegin(), scores.cend());
    if (highest <= 0) {
        const qint64 all = order == ScoreOrder::LowerIsBetter ? MaxNodeScore : 0;
        std::fill(scores.begin(), scores.end(), all);
        return;
    }
    for (qint64 &score : scores) {
        score = MaxNodeScore * score / highest;
        if (order == ScoreOrder::LowerIsBetter)
            score = MaxNodeScore - score;
    }
}

QList<qint64> scoreNodes(const PodInfo &pod, const QList<const NodeInfo *> &nodes)
{
    const qsizetype n = nodes.size();
    QList<qint64> total(n, 0);
    QList<qint64> taints(n), affinity(n), spread(n);
    for (qsizetype i = 0; i < n; ++i) {
        const NodeInfo &node = *nodes[i];
        total[i] = NodeResourcesFitWeight * scoreLeastAllocated(pod, node)
            + BalancedAllocationWeight * scoreBalancedAllocation(pod, node);
        taints[i] = countUntoleratedPreferNoSchedule(pod, node);
        affinity[i] = sumPreferredNodeAffinity(pod, node);
        spread[i] = countPodsOfSameController(pod, node);
    }
    normalizeScores(taints, ScoreOrder::LowerIsBetter);
    normalizeScores(affinity, ScoreOrder::HigherIsBetter);
    // Spreading only counts for pods with a controller; others score it 0 everywhere, as
    // upstream skips the plugin for them.
    if (!pod.controllerUid.isEmpty())
        normalizeScores(spread, ScoreOrder::LowerIsBetter);
    for (qsizetype i = 0; i < n; ++i) {
        total[i] += TaintTolerationWeight * taints[i] + NodeAffinityWeight * affinity[i];
        if (!pod.controllerUid.isEmpty())
            total[i] += PodTopologySpreadWeight * spread[i];
    }
    return total;
}

} // namespace kube::scheduler
