#pragma once
// Scheduler: one scheduling decision for one pending pod over a SchedulerCache — run the
// filters on every node, score the feasible ones, pick the best (ties broken by a seeded random
// choice, as upstream's selectHost does), or explain with a FitError why none fits.
// upstream's schedulePod for a small cluster: every node is evaluated (percentageOfNodesToScore
// only trims clusters above 100 nodes); no preemption, no volumes, no inter-pod affinity.
//
// The caller (the scheduling loop) feeds the cache from informers, asks schedule(), then
// assumes the pod on the chosen node and POSTs the Binding (binding.h) — or records
// FailedScheduling with result.message().
//
// Not thread-safe: lives on the cache's thread. Borrows the cache (must outlive the scheduler).
// Cost: one JSON parse of the pod plus O(nodes × (taints + ports + terms)); no allocation per
// node beyond the score lists.

#include "fiterror.h"
#include "podinfo.h"
#include "schedulercache.h"

#include "kube/api/object.h"

#include <QRandomGenerator>
#include <QString>

#include <optional>

namespace kube::scheduler {

struct ScheduleResult {
    QString nodeName;                // the chosen node; empty when none fits
    std::optional<FitError> fitError; // set when nodeName is empty
    int feasibleNodes = 0;

    bool isScheduled() const { return !nodeName.isEmpty(); }
    // The FailedScheduling text, empty on success.
    QString message() const { return fitError ? fitError->message() : QString(); }
};

class Scheduler
{
public:
    Scheduler(SchedulerCache *cache, quint32 seed);

    // Decides; the cache is left as it is.
    ScheduleResult schedule(const PodInfo &pod);
    ScheduleResult schedule(const Object &pod) { return schedule(*PodInfo::fromObject(pod)); }
    // Decides and, on success, assumes the pod on the chosen node so the next decision counts it.
    // The caller forgets the pod (SchedulerCache::forgetPod) if the binding then fails.
    ScheduleResult scheduleAndAssume(const Object &pod);

private:
    SchedulerCache *m_cache;
    QRandomGenerator m_random;
};

} // namespace kube::scheduler
