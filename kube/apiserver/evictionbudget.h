#pragma once
// The PodDisruptionBudget side of an eviction (upstream pkg/registry/core/pod/storage/
// eviction.go): finds the budget whose selector matches the pod, and either lets the eviction
// through — decrementing status.disruptionsAllowed and recording the pod in
// status.disruptedPods, with the budget's resourceVersion as the precondition (a conflict
// re-reads and retries) — or refuses it: 429 TooManyRequests with a DisruptionBudget cause
// when no disruption is allowed (kubectl drain retries every 5 s), 500 when more than one
// budget selects the pod. Terminal, pending and terminating pods skip the budget; an unready
// pod skips it when the budget is already met (or its unhealthyPodEvictionPolicy is
// AlwaysAllow). The budget is written straight to the store (the API server's own write, as
// upstream's eviction REST writes through its client), so watchers see the update.
//
// Thread affinity: any (the eviction handler runs on a worker thread). Cost: one pod read, one
// list of the namespace's budgets, at most one budget write per attempt.

#include "kube/api/status.h"

#include <QString>

namespace kube {

struct ApiContext;

// Success when the pod may be deleted now (also when it does not exist: the delete answers 404).
Status admitEvictionBudget(const ApiContext &context, const QString &namespace_, const QString &podName, bool dryRun);

} // namespace kube
