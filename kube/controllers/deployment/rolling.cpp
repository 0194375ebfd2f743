#include "rolling.h"

#include "kube/controllers/intorstring.h"

#include <QJsonValue>

#include <algorithm>

namespace kube {

namespace {

const QJsonValue &defaultPercent()
{
    static const QJsonValue value(QStringLiteral("25%"));
    return value;
}

// Records a change of one set in steps, merging with an earlier step for the same set.
void record(QList<ScaleStep> &steps, const QString &name, int from, int to)
{
    for (auto &step : steps) {
        if (step.name == name) {
            step.to = to;
            return;
        }
    }
    steps.append({name, from, to});
}

} // namespace

Expected<Fenceposts> resolveFenceposts(const DeploymentInfo &d)
{
    const QJsonValue &surgeValue = d.maxSurge.isUndefined() || d.maxSurge.isNull() ? defaultPercent() : d.maxSurge;
    const QJsonValue &unavailableValue = d.maxUnavailable.isUndefined() || d.maxUnavailable.isNull() ? defaultPercent() : d.maxUnavailable;
    const auto surge = scaledIntOrPercent(surgeValue, d.replicas, Rounding::Up);
    if (!surge)
        return surge.error();
    const auto unavailable = scaledIntOrPercent(unavailableValue, d.replicas, Rounding::Down);
    if (!unavailable)
        return unavailable.error();
    Fenceposts f{*surge, *unavailable};
    if (f.maxSurge == 0 && f.maxUnavailable == 0)
        f.maxUnavailable = 1; // otherwise the rollout could never make progress
    return f;
}

int maxUnavailable(const DeploymentInfo &d)
{
    if (d.recreate || d.replicas == 0)
        return 0;
    const auto f = resolveFenceposts(d);
    if (!f)
        return 0;
    return std::min(f->maxUnavailable, d.replicas);
}

int maxSurge(const DeploymentInfo &d)
{
    if (d.recreate)
        return 0;
    const auto f = resolveFenceposts(d);
    return f ? f->maxSurge : 0;
}

int newReplicaSetReplicas(const DeploymentInfo &d, const QList<ReplicaSetInfo> &all, const ReplicaSetInfo &newRS)
{
    if (d.recreate)
        return d.replicas;
    const int maxTotal = d.replicas + maxSurge(d);
    const int current = specReplicaSum(all);
    if (current >= maxTotal)
        return newRS.specReplicas;
    const int scaleUp = std::min(maxTotal - current, d.replicas - newRS.specReplicas);
    return newRS.specReplicas + std::max(0, scaleUp);
}

std::optional<ScaleStep> reconcileNewReplicaSet(const DeploymentInfo &d, const QList<ReplicaSetInfo> &all, const ReplicaSetInfo &newRS)
{
    if (newRS.specReplicas == d.replicas)
        return std::nullopt;
    if (newRS.specReplicas > d.replicas)
        return ScaleStep{newRS.name, newRS.specReplicas, d.replicas};
    const int target = newReplicaSetReplicas(d, all, newRS);
    if (target == newRS.specReplicas)
        return std::nullopt;
    return ScaleStep{newRS.name, newRS.specReplicas, target};
}

QList<ScaleStep> reconcileOldReplicaSets(const DeploymentInfo &d, const QList<ReplicaSetInfo> &oldSets, const ReplicaSetInfo &newRS)
{
    QList<ScaleStep> steps;
    QList<ReplicaSetInfo> old = oldSets;
    if (specReplicaSum(old) == 0)
        return steps;
    sortByCreation(old);

    const int allPods = specReplicaSum(old) + newRS.specReplicas;
    const int minAvailable = d.replicas - maxUnavailable(d);
    const int newUnavailable = newRS.specReplicas - newRS.availableReplicas;
    const int maxScaledDown = allPods - minAvailable - newUnavailable;
    if (maxScaledDown <= 0)
        return steps;

    // cleanupUnhealthyReplicas: unavailable pods of old sets cost no availability to remove.
    int cleaned = 0;
    for (auto &rs : old) {
        if (cleaned >= maxScaledDown)
            break;
        if (rs.specReplicas == 0 || rs.specReplicas == rs.availableReplicas)
            continue;
        const int down = std::min(maxScaledDown - cleaned, rs.specReplicas - rs.availableReplicas);
        record(steps, rs.name, rs.specReplicas, rs.specReplicas - down);
        rs.specReplicas -= down;
        cleaned += down;
    }

    // scaleDownOldReplicaSetsForRollingUpdate: then available pods, keeping minAvailable.
    const int available = availableReplicaSum(old) + newRS.availableReplicas;
    if (available <= minAvailable)
        return steps;
    const int budget = available - minAvailable;
    int scaled = 0;
    for (auto &rs : old) {
        if (scaled >= budget)
            break;
        if (rs.specReplicas == 0)
            continue;
        const int down = std::min(rs.specReplicas, budget - scaled);
        record(steps, rs.name, rs.specReplicas, rs.specReplicas - down);
        rs.specReplicas -= down;
        scaled += down;
    }
    return steps;
}

} // namespace kube
