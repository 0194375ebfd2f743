#include "progress.h"

#include "rolling.h"

#include "kube/api/clock.h"

#include <QJsonArray>

namespace kube {

namespace {

int intAt(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1StringView(key)).toInt();
}

QString conditionTime(const QDateTime &now)
{
    return formatKubeTime(now);
}

} // namespace

QJsonObject deploymentCondition(const QJsonObject &status, const QString &type)
{
    const QJsonArray conditions = status.value(u"conditions").toArray();
    for (const auto &c : conditions) {
        if (c.toObject().value(u"type").toString() == type)
            return c.toObject();
    }
    return {};
}

void setDeploymentCondition(QJsonObject &status, const QString &type, const QString &conditionStatus,
                            const QString &reason, const QString &message, const QDateTime &now)
{
    const QJsonObject current = deploymentCondition(status, type);
    if (!current.isEmpty() && current.value(u"status").toString() == conditionStatus
        && current.value(u"reason").toString() == reason)
        return;
    QJsonObject condition{
        {u"type"_qs, type},
        {u"status"_qs, conditionStatus},
        {u"lastUpdateTime"_qs, conditionTime(now)},
        {u"lastTransitionTime"_qs, conditionTime(now)},
        {u"reason"_qs, reason},
        {u"message"_qs, message},
    };
    if (!current.isEmpty() && current.value(u"status").toString() == conditionStatus)
        condition.insert(u"lastTransitionTime", current.value(u"lastTransitionTime"));
    QJsonArray kept;
    for (const auto &c : status.value(u"conditions").toArray()) {
        if (c.toObject().value(u"type").toString() != type)
            kept.append(c);
    }
    kept.append(condition);
    status.insert(u"conditions", kept);
}

QJsonObject calculateDeploymentStatus(const DeploymentInfo &d, const QList<ReplicaSetInfo> &all,
                                      const ReplicaSetInfo *newRS, const QDateTime &now)
{
    const int available = availableReplicaSum(all);
    const int total = specReplicaSum(all);
    QJsonObject status;
    status.insert(u"observedGeneration", double(d.generation));
    status.insert(u"replicas", statusReplicaSum(all));
    status.insert(u"updatedReplicas", newRS ? newRS->statusReplicas : 0);
    status.insert(u"readyReplicas", readyReplicaSum(all));
    status.insert(u"availableReplicas", available);
    status.insert(u"unavailableReplicas", std::max(0, total - available));
    if (d.collisionCount)
        status.insert(u"collisionCount", *d.collisionCount);
    if (d.status.contains(u"conditions"))
        status.insert(u"conditions", d.status.value(u"conditions"));
    if (available >= d.replicas - maxUnavailable(d))
        setDeploymentCondition(status, u"Available"_qs, u"True"_qs, QLatin1StringView(deploymentreason::MinimumReplicasAvailable),
                               u"Deployment has minimum availability."_qs, now);
    else
        setDeploymentCondition(status, u"Available"_qs, u"False"_qs, QLatin1StringView(deploymentreason::MinimumReplicasUnavailable),
                               u"Deployment does not have minimum availability."_qs, now);
    // Upstream omits zero counts (omitempty); so do we, so `kubectl get` shows what it expects.
    for (const char *key : {"replicas", "updatedReplicas", "readyReplicas", "availableReplicas", "unavailableReplicas"}) {
        if (intAt(status, key) == 0)
            status.remove(QLatin1StringView(key));
    }
    return status;
}

bool deploymentComplete(const DeploymentInfo &d, const QJsonObject &status)
{
    return intAt(status, "updatedReplicas") == d.replicas && intAt(status, "replicas") == d.replicas
        && intAt(status, "availableReplicas") == d.replicas
        && qint64(status.value(u"observedGeneration").toDouble()) >= d.generation;
}

bool deploymentProgressing(const QJsonObject &oldStatus, const QJsonObject &newStatus)
{
    const int oldOld = intAt(oldStatus, "replicas") - intAt(oldStatus, "updatedReplicas");
    const int newOld = intAt(newStatus, "replicas") - intAt(newStatus, "updatedReplicas");
    return intAt(newStatus, "updatedReplicas") > intAt(oldStatus, "updatedReplicas") || newOld < oldOld
        || intAt(newStatus, "readyReplicas") > intAt(oldStatus, "readyReplicas")
        || intAt(newStatus, "availableReplicas") > intAt(oldStatus, "availableReplicas");
}

bool deploymentTimedOut(const DeploymentInfo &d, const QJsonObject &status, const QDateTime &now)
{
    if (!d.progressDeadlineSeconds)
        return false;
    const QJsonObject condition = deploymentCondition(status, u"Progressing"_qs);
    if (condition.isEmpty())
        return false;
    const QString reason = condition.value(u"reason").toString();
    if (reason == QLatin1StringView(deploymentreason::NewReplicaSetAvailable))
        return false;
    if (reason == QLatin1StringView(deploymentreason::ProgressDeadlineExceeded))
        return true;
    const QDateTime from = QDateTime::fromString(condition.value(u"lastUpdateTime").toString(), Qt::ISODate);
    return from.isValid() && from.addSecs(*d.progressDeadlineSeconds) < now;
}

RolloutStatus rolloutStatus(const DeploymentInfo &d, const QList<ReplicaSetInfo> &all,
                            const ReplicaSetInfo *newRS, const QDateTime &now)
{
    RolloutStatus out{calculateDeploymentStatus(d, all, newRS, now), std::nullopt};
    if (!d.progressDeadlineSeconds || d.paused)
        return out;
    QJsonObject &status = out.status;
    const QJsonObject current = deploymentCondition(d.status, u"Progressing"_qs);
    const QString newName = newRS ? newRS->name : QString();
    const bool alreadyComplete = intAt(status, "replicas") == intAt(status, "updatedReplicas") && !current.isEmpty()
        && current.value(u"reason").toString() == QLatin1StringView(deploymentreason::NewReplicaSetAvailable);
    if (!alreadyComplete) {
        if (deploymentComplete(d, status)) {
            setDeploymentCondition(status, u"Progressing"_qs, u"True"_qs, QLatin1StringView(deploymentreason::NewReplicaSetAvailable),
                                   QStringLiteral("ReplicaSet \"%1\" has successfully progressed.").arg(newName), now);
        } else if (deploymentProgressing(d.status, status)) {
            // Progress refreshes lastUpdateTime, which restarts the deadline.
            QJsonObject condition{
                {u"type"_qs, u"Progressing"_qs},
                {u"status"_qs, u"True"_qs},
                {u"lastUpdateTime"_qs, formatKubeTime(now)},
                {u"lastTransitionTime"_qs, formatKubeTime(now)},
                {u"reason"_qs, QLatin1StringView(deploymentreason::ReplicaSetUpdated)},
                {u"message"_qs, QStringLiteral("ReplicaSet \"%1\" is progressing.").arg(newName)},
            };
            if (current.value(u"status").toString() == u"True")
                condition.insert(u"lastTransitionTime", current.value(u"lastTransitionTime"));
            QJsonArray kept;
            for (const auto &c : status.value(u"conditions").toArray()) {
                if (c.toObject().value(u"type").toString() != u"Progressing")
                    kept.append(c);
            }
            kept.append(condition);
            status.insert(u"conditions", kept);
        } else if (deploymentTimedOut(d, status, now)) {
            setDeploymentCondition(status, u"Progressing"_qs, u"False"_qs, QLatin1StringView(deploymentreason::ProgressDeadlineExceeded),
                                   QStringLiteral("ReplicaSet \"%1\" has timed out progressing.").arg(newName), now);
        }
    }
    if (!deploymentComplete(d, status) && !deploymentTimedOut(d, status, now)) {
        const QJsonObject progressing = deploymentCondition(status, u"Progressing"_qs);
        const QDateTime from = QDateTime::fromString(progressing.value(u"lastUpdateTime").toString(), Qt::ISODate);
        if (from.isValid()) {
            const qint64 left = now.msecsTo(from.addSecs(*d.progressDeadlineSeconds));
            out.recheckAfterMs = std::max<qint64>(left, 0) + 1000;
        }
    }
    return out;
}

} // namespace kube
