#pragma once
// The arithmetic of a PodDisruptionBudget's status (upstream pkg/controller/disruption):
// how many pods it expects and must keep healthy, how many are healthy, how many disruptions
// that leaves, which evictions the API server recorded are still pending, and the
// DisruptionAllowed condition (SufficientPods / InsufficientPods / SyncFailed).
// Pure functions over values; any thread.

#include "kube/api/expected.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace kube {

// How long an eviction recorded in status.disruptedPods keeps its pod out of the healthy
// count without the pod being deleted (upstream DeletionTimeout).
inline constexpr qint64 DisruptedPodTimeoutMs = 2 * 60 * 1000;

struct BudgetPod {
    QString name;
    bool ready = false;    // condition Ready=True
    bool deleting = false; // has a deletionTimestamp
};

struct BudgetCounts {
    int expectedPods = 0;
    int desiredHealthy = 0;
};

// getExpectedPodCount: maxUnavailable (integer or percentage) and a percentage minAvailable
// scale against the pods' controllers' replicas (controllerScale, nullopt when a controller
// could not be found — an error then); an integer minAvailable against the pod count.
Expected<BudgetCounts> budgetCounts(const QJsonObject &spec, int podCount, std::optional<int> controllerScale);

// buildDisruptedPodMap: the entries of disruptedPods for pods still selected and not yet being
// deleted, whose eviction is younger than DisruptedPodTimeoutMs at now. *recheck: when the
// oldest kept entry expires (invalid when none is kept).
QJsonObject pendingDisruptions(const QJsonObject &disruptedPods, const QList<BudgetPod> &pods, const QDateTime &now,
                               QDateTime *recheck);

// countHealthyPods: ready pods that are neither being deleted nor pending an eviction.
int countHealthy(const QList<BudgetPod> &pods, const QJsonObject &pending);

// The next status: counts, disruptionsAllowed (currentHealthy − desiredHealthy, 0 when
// negative or when no pods are expected), observedGeneration, and the DisruptionAllowed
// condition set on the old conditions (lastTransitionTime kept while its status holds).
QJsonObject budgetStatus(const QJsonObject &oldStatus, const BudgetCounts &counts, int currentHealthy,
                         const QJsonObject &pending, qint64 generation, const QString &now);

// The status of a budget whose counts could not be computed (failSafe): no disruptions
// allowed, condition False with reason SyncFailed and the error as message.
QJsonObject failedBudgetStatus(const QJsonObject &oldStatus, const QString &error, qint64 generation, const QString &now);

// Whether two statuses differ in anything the controller writes.
bool budgetStatusChanged(const QJsonObject &oldStatus, const QJsonObject &newStatus);

} // namespace kube
