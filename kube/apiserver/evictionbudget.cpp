#include "evictionbudget.h"

#include "resourcerequest.h"
#include "storagekeys.h"

#include "kube/api/clock.h"
#include "kube/api/labelselector.h"
#include "kube/api/typeregistry.h"
#include "kube/store/store.h"

#include <QJsonArray>
#include <QJsonObject>

namespace kube {

namespace {

// Upstream retries a conflicting budget write (EvictionsRetry) a bounded number of times.
constexpr int MaxAttempts = 20;
// Upstream MaxDisruptedPodSize: evictions the disruption controller has not confirmed yet.
constexpr int MaxDisruptedPods = 2000;

const QString TooManyMessage = u"Cannot evict pod as it would violate the pod's disruption budget."_qs;

Status tooManyRequests(const QString &causeMessage)
{
    Status s(429, QString::fromLatin1(reason::TooManyRequests), TooManyMessage);
    s.addCause({u"DisruptionBudget"_qs, causeMessage, QString()});
    return s;
}

Status forbidden(const QString &pdbName, const QString &why)
{
    return Status(403, QString::fromLatin1(reason::Forbidden),
                  u"poddisruptionbudget.policy \"%1\" is forbidden: %2"_qs.arg(pdbName, why))
        .setDetails(u"policy"_qs, u"poddisruptionbudget"_qs, pdbName);
}

bool podReady(const QJsonObject &status)
{
    for (const auto &c : status.value(u"conditions").toArray()) {
        const QJsonObject condition = c.toObject();
        if (condition.value(u"type").toString() == u"Ready")
            return condition.value(u"status").toString() == u"True";
    }
    return false;
}

// canIgnorePDB: the pod already caused its disruption, or never served.
bool skipsBudget(const Object &pod, const QJsonObject &status)
{
    const QString phase = status.value(u"phase").toString();
    // No phase yet: a pod no kubelet reported on is Pending.
    return phase == u"Succeeded" || phase == u"Failed" || phase == u"Pending" || phase.isEmpty() || pod.isBeingDeleted();
}

// metav1 SetStatusCondition for DisruptionAllowed=False/InsufficientPods.
void markInsufficient(QJsonObject &status, qint64 observedGeneration, const QString &now)
{
    QJsonArray conditions = status.value(u"conditions").toArray();
    QJsonObject next{{u"type"_qs, u"DisruptionAllowed"_qs}, {u"status"_qs, u"False"_qs},
                     {u"reason"_qs, u"InsufficientPods"_qs}, {u"message"_qs, QString()},
                     {u"observedGeneration"_qs, observedGeneration}, {u"lastTransitionTime"_qs, now}};
    for (qsizetype i = 0; i < conditions.size(); ++i) {
        const QJsonObject old = conditions.at(i).toObject();
        if (old.value(u"type").toString() != u"DisruptionAllowed")
            continue;
        if (old.value(u"status").toString() == u"False")
            next[u"lastTransitionTime"_qs] = old.value(u"lastTransitionTime");
        conditions[i] = next;
        status[u"conditions"_qs] = conditions;
        return;
    }
    conditions.append(next);
    status[u"conditions"_qs] = conditions;
}

} // namespace

Status admitEvictionBudget(const ApiContext &context, const QString &namespace_, const QString &podName, bool dryRun)
{
    const KindInfoPtr pods = context.registry->resource({QString(), u"v1"_qs, u"pods"_qs});
    const KindInfoPtr budgets = context.registry->resource({u"policy"_qs, u"v1"_qs, u"poddisruptionbudgets"_qs});
    if (!pods || !budgets)
        return {};
    for (int attempt = 0; attempt < MaxAttempts; ++attempt) {
        const auto pod = context.store->get(storageKey(*pods, namespace_, podName));
        if (!pod.ok())
            return {}; // the delete that follows answers NotFound
        const QJsonObject podJson = pod->toJson();
        const QJsonObject podStatus = podJson.value(u"status").toObject();
        if (skipsBudget(pod.value(), podStatus))
            return {};

        const auto listed = context.store->list(storagePrefix(*budgets, namespace_));
        if (!listed.ok())
            return listed.error();
        QList<Object> matching;
        for (const Object &pdb : listed->items) {
            // A PDB with a null or empty selector selects nothing.
            const QJsonValue selectorJson = pdb.toJson().value(u"spec").toObject().value(u"selector");
            auto selector = LabelSelector::fromLabelSelectorJson(selectorJson);
            if (!selector.ok() || selector->isEmpty() || selector->matchesNothing())
                continue;
            if (selector->matches(pod->labels()))
                matching.append(pdb);
        }
        if (matching.size() > 1)
            return Status::internalError(u"This pod has more than one PodDisruptionBudget, which the eviction subresource does not support."_qs);
        if (matching.isEmpty())
            return {};

        const Object &pdb = matching.first();
        QJsonObject pdbJson = pdb.toJson();
        const QJsonObject spec = pdbJson.value(u"spec").toObject();
        QJsonObject status = pdbJson.value(u"status").toObject();
        const qint64 currentHealthy = status.value(u"currentHealthy").toInteger();
        const qint64 desiredHealthy = status.value(u"desiredHealthy").toInteger();
        if (!podReady(podStatus)) {
            // An unready pod does not count towards the budget: evicting it disrupts nothing
            // while the budget is met, or whenever the policy says so.
            if (spec.value(u"unhealthyPodEvictionPolicy").toString() == u"AlwaysAllow")
                return {};
            if (currentHealthy >= desiredHealthy && desiredHealthy > 0)
                return {};
        }
        // checkAndDecrement.
        if (status.value(u"observedGeneration").toInteger() < pdb.generation())
            return tooManyRequests(u"The disruption budget %1 is still being processed by the server."_qs.arg(pdb.name()));
        const qint64 allowed = status.value(u"disruptionsAllowed").toInteger();
        if (allowed < 0)
            return forbidden(pdb.name(), u"pdb disruptions allowed is negative"_qs);
        QJsonObject disrupted = status.value(u"disruptedPods").toObject();
        if (disrupted.size() > MaxDisruptedPods)
            return forbidden(pdb.name(), u"DisruptedPods map too big - too many evictions not confirmed by PDB controller"_qs);
        if (allowed == 0) {
            return tooManyRequests(u"The disruption budget %1 needs %2 healthy pods and has %3 currently"_qs
                                       .arg(pdb.name()).arg(desiredHealthy).arg(currentHealthy));
        }
        if (dryRun)
            return {};
        const QString now = formatKubeTime(context.clock->now());
        status[u"disruptionsAllowed"_qs] = allowed - 1;
        if (allowed - 1 == 0)
            markInsufficient(status, status.value(u"observedGeneration").toInteger(), now);
        // The disruption controller does not count this pod as healthy until it is gone (or
        // the entry expires, should the delete never happen).
        disrupted[podName] = now;
        status[u"disruptedPods"_qs] = disrupted;
        pdbJson[u"status"_qs] = status;
        auto revision = parseResourceVersion(pdb.resourceVersion());
        if (!revision.ok())
            return revision.error();
        auto stored = context.store->update(storageKey(*budgets, namespace_, pdb.name()), Object::fromJson(pdbJson), revision.value());
        if (stored.ok())
            return {};
        if (!stored.error().is(reason::Conflict) && !stored.error().is(reason::NotFound))
            return stored.error();
        // The budget changed (or went) since it was read: decide again on what is there now.
    }
    return tooManyRequests(u"The disruption budget kept changing; try again"_qs);
}

} // namespace kube
