#include "disruptionstatus.h"

#include "kube/api/clock.h"
#include "kube/controllers/intorstring.h"

#include <QJsonArray>

#include <algorithm>

namespace kube {

namespace {

// metav1 SetStatusCondition on the DisruptionAllowed condition.
QJsonArray withCondition(const QJsonObject &oldStatus, bool allowed, const QString &reason, const QString &message,
                         qint64 generation, const QString &now)
{
    QJsonArray conditions = oldStatus.value(u"conditions").toArray();
    const QString status = allowed ? u"True"_qs : u"False"_qs;
    QJsonObject next{{u"type"_qs, u"DisruptionAllowed"_qs}, {u"status"_qs, status}, {u"reason"_qs, reason},
                     {u"message"_qs, message}, {u"observedGeneration"_qs, generation}, {u"lastTransitionTime"_qs, now}};
    for (qsizetype i = 0; i < conditions.size(); ++i) {
        const QJsonObject old = conditions.at(i).toObject();
        if (old.value(u"type").toString() != u"DisruptionAllowed")
            continue;
        if (old.value(u"status").toString() == status && old.contains(u"lastTransitionTime"))
            next[u"lastTransitionTime"_qs] = old.value(u"lastTransitionTime");
        conditions[i] = next;
        return conditions;
    }
    conditions.append(next);
    return conditions;
}

} // namespace

Expected<BudgetCounts> budgetCounts(const QJsonObject &spec, int podCount, std::optional<int> controllerScale)
{
    BudgetCounts counts;
    const QJsonValue maxUnavailable = spec.value(u"maxUnavailable");
    const QJsonValue minAvailable = spec.value(u"minAvailable");
    if (!maxUnavailable.isUndefined() && !maxUnavailable.isNull()) {
        if (!controllerScale)
            return Status::badRequest(u"found no controllers for the pods of this budget"_qs);
        counts.expectedPods = *controllerScale;
        auto unavailable = scaledIntOrPercent(maxUnavailable, counts.expectedPods, Rounding::Up);
        if (!unavailable.ok())
            return unavailable.error();
        counts.desiredHealthy = std::max(0, counts.expectedPods - unavailable.value());
    } else if (minAvailable.isDouble()) {
        counts.desiredHealthy = minAvailable.toInt();
        counts.expectedPods = podCount;
    } else if (minAvailable.isString()) {
        if (!controllerScale)
            return Status::badRequest(u"found no controllers for the pods of this budget"_qs);
        counts.expectedPods = *controllerScale;
        auto available = scaledIntOrPercent(minAvailable, counts.expectedPods, Rounding::Up);
        if (!available.ok())
            return available.error();
        counts.desiredHealthy = available.value();
    }
    return counts;
}

QJsonObject pendingDisruptions(const QJsonObject &disruptedPods, const QList<BudgetPod> &pods, const QDateTime &now,
                               QDateTime *recheck)
{
    QJsonObject kept;
    *recheck = QDateTime();
    for (const BudgetPod &pod : pods) {
        if (pod.deleting || !disruptedPods.contains(pod.name))
            continue;
        const QDateTime evicted = QDateTime::fromString(disruptedPods.value(pod.name).toString(), Qt::ISODate);
        if (!evicted.isValid())
            continue;
        const QDateTime expires = evicted.addMSecs(DisruptedPodTimeoutMs);
        if (expires < now)
            continue; // the eviction did not lead to a deletion: count the pod again
        kept.insert(pod.name, disruptedPods.value(pod.name));
        if (!recheck->isValid() || expires < *recheck)
            *recheck = expires;
    }
    return kept;
}

int countHealthy(const QList<BudgetPod> &pods, const QJsonObject &pending)
{
    return int(std::count_if(pods.begin(), pods.end(), [&](const BudgetPod &p) {
        return p.ready && !p.deleting && !pending.contains(p.name);
    }));
}

QJsonObject budgetStatus(const QJsonObject &oldStatus, const BudgetCounts &counts, int currentHealthy,
                         const QJsonObject &pending, qint64 generation, const QString &now)
{
    // No pods expected: a budget whose pods have not appeared yet stays safe until they have.
    int allowed = currentHealthy - counts.desiredHealthy;
    if (counts.expectedPods <= 0 || allowed <= 0)
        allowed = 0;
    QJsonObject status{{u"currentHealthy"_qs, currentHealthy},
                       {u"desiredHealthy"_qs, counts.desiredHealthy},
                       {u"expectedPods"_qs, counts.expectedPods},
                       {u"disruptionsAllowed"_qs, allowed},
                       {u"observedGeneration"_qs, generation}};
    if (!pending.isEmpty())
        status[u"disruptedPods"_qs] = pending;
    status[u"conditions"_qs] = withCondition(oldStatus, allowed > 0, allowed > 0 ? u"SufficientPods"_qs : u"InsufficientPods"_qs,
                                             QString(), generation, now);
    return status;
}

QJsonObject failedBudgetStatus(const QJsonObject &oldStatus, const QString &error, qint64 generation, const QString &now)
{
    QJsonObject status = oldStatus;
    status[u"disruptionsAllowed"_qs] = 0;
    status[u"conditions"_qs] = withCondition(oldStatus, false, u"SyncFailed"_qs, error, generation, now);
    return status;
}

bool budgetStatusChanged(const QJsonObject &oldStatus, const QJsonObject &newStatus)
{
    for (const auto key : {u"currentHealthy", u"desiredHealthy", u"expectedPods", u"disruptionsAllowed", u"observedGeneration"}) {
        if (oldStatus.value(key).toInteger() != newStatus.value(key).toInteger())
            return true;
    }
    if (oldStatus.value(u"disruptedPods").toObject() != newStatus.value(u"disruptedPods").toObject())
        return true;
    // Conditions compared without lastTransitionTime churn: the setter keeps it while status holds.
    return oldStatus.value(u"conditions").toArray() != newStatus.value(u"conditions").toArray();
}

} // namespace kube
