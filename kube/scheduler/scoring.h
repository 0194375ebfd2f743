#pragma once
// The score plugins: among the nodes that pass the filters, which suits the pod best? Each
// function is one upstream plugin's Score (0-100 for the resource plugins, raw counts for the
// others); scoreNodes() normalises the raw ones as upstream's NormalizeScore does and sums
// score × weight with the default profile's weights:
//   TaintToleration 3 (fewer untolerated PreferNoSchedule taints is better)
//   NodeAffinity 2 (sum of matching preferred weights)
//   PodTopologySpread 2 (fewer pods of the same controller is better; a hostname-only
//     SelectorSpread, which is what the default constraints amount to on a zoneless cluster)
//   NodeResourcesFit 1 (LeastAllocated over cpu and memory, non-zero requests)
//   NodeResourcesBalancedAllocation 1 (cpu and memory fractions close to each other)
//
// Pure functions; any thread on data nobody mutates meanwhile. Linear in nodes × (taints +
// preferred terms).

#include "nodeinfo.h"
#include "podinfo.h"

#include <QList>

namespace kube::scheduler {

inline constexpr qint64 MaxNodeScore = 100;

qint64 scoreLeastAllocated(const PodInfo &pod, const NodeInfo &node);
qint64 scoreBalancedAllocation(const PodInfo &pod, const NodeInfo &node);
qint64 countUntoleratedPreferNoSchedule(const PodInfo &pod, const NodeInfo &node);
qint64 sumPreferredNodeAffinity(const PodInfo &pod, const NodeInfo &node);
qint64 countPodsOfSameController(const PodInfo &pod, const NodeInfo &node);

// upstream helper.DefaultNormalizeScore: scales to 0..MaxNodeScore by the largest score;
// reverse makes the smallest raw score the best.
enum class ScoreOrder { HigherIsBetter, LowerIsBetter };
void normalizeScores(QList<qint64> &scores, ScoreOrder order);

// The weighted total per node, in the order of nodes.
QList<qint64> scoreNodes(const PodInfo &pod, const QList<const NodeInfo *> &nodes);

} // namespace kube::scheduler
