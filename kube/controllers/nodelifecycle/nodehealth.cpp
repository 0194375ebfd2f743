#include "nodehealth.h"

#include "kube/api/clock.h"
#include "kube/scheduler/taints.h"

#include <QJsonObject>

#include <algorithm>

namespace kube::nodelifecycle {

namespace {

using namespace kube::scheduler;

bool isKubeletCondition(QStringView type)
{
    return type == u"Ready" || type == u"MemoryPressure" || type == u"DiskPressure" || type == u"PIDPressure";
}

bool isConditionTaint(const QJsonObject &taint)
{
    const QString key = taint.value(u"key").toString();
    const QString effect = taint.value(u"effect").toString();
    return (key == QLatin1String(taintkeys::NodeNotReady) || key == QLatin1String(taintkeys::NodeUnreachable))
           && (effect == u"NoSchedule" || effect == u"NoExecute");
}

QDateTime parseTime(const QString &text)
{
    return text.isEmpty() ? QDateTime() : QDateTime::fromString(text, Qt::ISODateWithMs);
}

} // namespace

QDateTime lastHeartbeat(const Object &node, const std::optional<Object> &lease, const QDateTime &monitorStart)
{
    QDateTime heard;
    if (lease)
        heard = parseTime(lease->scalarAt(u"spec.renewTime").value_or(QString()));
    if (!heard.isValid())
        heard = parseTime(node.creationTimestamp());
    if (!heard.isValid() || heard < monitorStart)
        return monitorStart;
    return heard;
}

NodeHealth evaluateHealth(const QDateTime &lastHeartbeat, const QDateTime &now, std::chrono::milliseconds grace)
{
    const QDateTime deadline = lastHeartbeat.addMSecs(grace.count());
    return {now >= deadline, deadline};
}

QString conditionStatus(const QJsonArray &conditions, QStringView type)
{
    for (const QJsonValue &v : conditions) {
        const QJsonObject condition = v.toObject();
        if (condition.value(u"type").toString() == type)
            return condition.value(u"status").toString();
    }
    return {};
}

std::optional<QJsonArray> markConditionsUnknown(const QJsonArray &conditions, const QDateTime &now)
{
    QJsonArray out;
    bool changed = false;
    for (const QJsonValue &v : conditions) {
        QJsonObject condition = v.toObject();
        if (isKubeletCondition(condition.value(u"type").toString()) && condition.value(u"status").toString() != u"Unknown") {
            condition.insert(u"status", u"Unknown"_qs);
            condition.insert(u"reason", QString::fromLatin1(NodeStatusUnknownReason));
            condition.insert(u"message", QString::fromLatin1(NodeStatusUnknownMessage));
            condition.insert(u"lastTransitionTime", formatKubeTime(now));
            changed = true;
        }
        out.append(condition);
    }
    return changed ? std::optional<QJsonArray>(out) : std::nullopt;
}

std::optional<QJsonArray> reconcileConditionTaints(const QJsonArray &taints, const QString &readyStatus, const QDateTime &now)
{
    if (readyStatus.isEmpty())
        return std::nullopt;
    QString wantedKey;
    if (readyStatus == u"False")
        wantedKey = QString::fromLatin1(taintkeys::NodeNotReady);
    else if (readyStatus == u"Unknown")
        wantedKey = QString::fromLatin1(taintkeys::NodeUnreachable);

    QJsonArray out;
    bool changed = false;
    bool haveNoSchedule = false;
    bool haveNoExecute = false;
    for (const QJsonValue &v : taints) {
        const QJsonObject taint = v.toObject();
        if (!isConditionTaint(taint)) {
            out.append(taint);
            continue;
        }
        const bool wanted = taint.value(u"key").toString() == wantedKey;
        if (!wanted) {
            changed = true; // a taint of another readiness: removed
            continue;
        }
        (taint.value(u"effect").toString() == u"NoExecute" ? haveNoExecute : haveNoSchedule) = true;
        out.append(taint);
    }
    if (!wantedKey.isEmpty() && !haveNoSchedule) {
        out.append(QJsonObject{{u"key"_qs, wantedKey}, {u"effect"_qs, u"NoSchedule"_qs}});
        changed = true;
    }
    if (!wantedKey.isEmpty() && !haveNoExecute) {
        out.append(QJsonObject{{u"key"_qs, wantedKey}, {u"effect"_qs, u"NoExecute"_qs}, {u"timeAdded"_qs, formatKubeTime(now)}});
        changed = true;
    }
    return changed ? std::optional<QJsonArray>(out) : std::nullopt;
}

bool hasConditionTaint(const QJsonArray &taints)
{
    return std::any_of(taints.begin(), taints.end(), [](const QJsonValue &v) { return isConditionTaint(v.toObject()); });
}

} // namespace kube::nodelifecycle
