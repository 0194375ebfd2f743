#include "scheduler.h"

#include "filters.h"
#include "scoring.h"

namespace kube::scheduler {

Scheduler::Scheduler(SchedulerCache *cache, quint32 seed) : m_cache(cache), m_random(seed) {}

ScheduleResult Scheduler::schedule(const PodInfo &pod)
{
    ScheduleResult result;
    const QList<const NodeInfo *> &nodes = m_cache->nodes();
    if (nodes.isEmpty()) {
        result.fitError = FitError(0, {});
        return result;
    }

    QList<const NodeInfo *> feasible;
    feasible.reserve(nodes.size());
    QList<FitError::NodeStatus> rejected;
    for (const NodeInfo *node : nodes) {
        FilterStatus status = runFilters(pod, *node);
        if (status.isSuccess())
            feasible.append(node);
        else
            rejected.append({node->name(), std::move(status)});
    }
    result.feasibleNodes = int(feasible.size());
    if (feasible.isEmpty()) {
        const int all = int(nodes.size());
        result.fitError = FitError(all, rejected, FitError::preemptionMessage(pod, all, rejected));
        return result;
    }
    if (feasible.size() == 1) {
        result.nodeName = feasible.first()->name();
        return result;
    }

    // Reservoir sampling over the best-scoring nodes: each tie wins with equal probability.
    const QList<qint64> scores = scoreNodes(pod, feasible);
    qint64 best = scores.first();
    qsizetype chosen = 0;
    quint32 ties = 1;
    for (qsizetype i = 1; i < scores.size(); ++i) {
        if (scores[i] < best)
            continue;
        if (scores[i] > best) {
            best = scores[i];
            chosen = i;
            ties = 1;
            continue;
        }
        ++ties;
        if (m_random.bounded(ties) == 0)
            chosen = i;
    }
    result.nodeName = feasible[chosen]->name();
    return result;
}

ScheduleResult Scheduler::scheduleAndAssume(const Object &pod)
{
    const PodInfoPtr info = PodInfo::fromObject(pod);
    ScheduleResult result = schedule(*info);
    if (result.isScheduled())
        m_cache->assumePod(info, result.nodeName);
    return result;
}

} // namespace kube::scheduler
