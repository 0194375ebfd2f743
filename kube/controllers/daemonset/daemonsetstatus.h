#pragma once
// The status a DaemonSet controller reports (upstream updateDaemonSetStatus): over every node,
// how many should run a daemon pod (desiredNumberScheduled), how many that should have one
// (currentNumberScheduled) or should not and still have one (numberMisscheduled), and — judging
// each node by its oldest pod — ready, available (ready for minReadySeconds), unavailable, and
// running the current revision (updatedNumberScheduled), which `kubectl rollout status` reads.
//
// Pure function; any thread.

#include "daemonsetplan.h"

#include <QJsonObject>

namespace kube {

// ds.status with the counts replaced: the four required counts always written, the optional
// ones left out when zero (as the API serialises them), observedGeneration raised to the set's
// generation when observeGeneration; collisionCount and conditions kept.
QJsonObject calculateDaemonSetStatus(const DaemonSetInfo &ds, const QList<DaemonNode> &nodes, const NodeToDaemonPods &pods,
                                     const QString &hash, bool observeGeneration, const QDateTime &now);

} // namespace kube
