// The Pod row: kube-apiserver's printPod, step for step. READY counts ready containers over
// containers plus restartable (sidecar) init containers; STATUS starts from the phase (or
// status.reason) and is refined by the init containers, then the containers (the first
// container with a waiting/terminated reason wins), then deletion; RESTARTS carries "(5m ago)"
// from the newest lastState.terminated.finishedAt.

#include "rowprinters.h"

#include <QHash>

namespace kube::printers {

namespace {

bool hasCondition(const QJsonArray &conditions, QStringView type, QStringView status)
{
    for (const QJsonValue &v : conditions) {
        const QJsonObject c = v.toObject();
        if (str(c, u"type") == type && str(c, u"status") == status)
            return true;
    }
    return false;
}

// isPodInitializedConditionTrue: the first Initialized condition decides.
bool isInitialized(const QJsonArray &conditions)
{
    for (const QJsonValue &v : conditions) {
        const QJsonObject c = v.toObject();
        if (str(c, u"type") == u"Initialized")
            return str(c, u"status") == u"True";
    }
    return false;
}

// Keeps the later of latest and the container's lastState.terminated.finishedAt.
void noteLastTermination(const QJsonObject &containerStatus, QDateTime &latest)
{
    const QJsonObject lastState = obj(containerStatus, u"lastState");
    if (!has(lastState, u"terminated"))
        return;
    const QDateTime finished = parseTime(obj(lastState, u"terminated").value(u"finishedAt"));
    if (finished.isValid() && (!latest.isValid() || latest < finished))
        latest = finished;
}

QString terminatedReason(const QJsonObject &terminated, QStringView prefix)
{
    const QString reason = str(terminated, u"reason");
    if (!reason.isEmpty())
        return prefix.toString() + reason;
    const qint64 signal = integer(terminated, u"signal");
    if (signal != 0)
        return u"%1Signal:%2"_qs.arg(prefix).arg(signal);
    return u"%1ExitCode:%2"_qs.arg(prefix).arg(integer(terminated, u"exitCode"));
}

QString readinessGates(const QJsonObject &spec, const QJsonArray &conditions)
{
    const QJsonArray gates = arr(spec, u"readinessGates");
    if (gates.isEmpty())
        return u"<none>"_qs;
    int trueConditions = 0;
    for (const QJsonValue &g : gates) {
        const QString type = str(g.toObject(), u"conditionType");
        for (const QJsonValue &v : conditions) {
            const QJsonObject c = v.toObject();
            if (str(c, u"type") != type)
                continue;
            if (str(c, u"status") == u"True")
                ++trueConditions;
            break;
        }
    }
    return u"%1/%2"_qs.arg(trueConditions).arg(gates.size());
}

QJsonObject completedCondition(const QString &reason, const QString &message)
{
    return {{u"type"_qs, u"Completed"_qs}, {u"status"_qs, u"True"_qs}, {u"reason"_qs, reason}, {u"message"_qs, message}};
}

QString firstNonEmpty(const QString &a, const QString &b, const QString &fallback)
{
    if (!a.isEmpty())
        return a;
    return b.isEmpty() ? fallback : b;
}

} // namespace

Row printPod(const QJsonObject &pod, const QDateTime &now)
{
    const QJsonObject metadata = obj(pod, u"metadata");
    const QJsonObject spec = obj(pod, u"spec");
    const QJsonObject status = obj(pod, u"status");
    const QJsonArray conditions = arr(status, u"conditions");
    const QJsonArray initContainers = arr(spec, u"initContainers");

    int restarts = 0;
    int restartableInitContainerRestarts = 0;
    qsizetype totalContainers = arr(spec, u"containers").size();
    int readyContainers = 0;
    QDateTime lastRestartDate;
    QDateTime lastRestartableInitContainerRestartDate;

    const QString podPhase = str(status, u"phase");
    QString reason = podPhase;
    if (!str(status, u"reason").isEmpty())
        reason = str(status, u"reason");
    for (const QJsonValue &v : conditions) {
        const QJsonObject c = v.toObject();
        if (str(c, u"type") == u"PodScheduled" && str(c, u"reason") == u"SchedulingGated")
            reason = u"SchedulingGated"_qs;
    }

    Row row;
    if (podPhase == u"Succeeded")
        row.conditions.append(completedCondition(u"Succeeded"_qs, u"The pod has completed successfully."_qs));
    else if (podPhase == u"Failed")
        row.conditions.append(completedCondition(u"Failed"_qs, u"The pod failed."_qs));

    // podutil.IsRestartableInitContainer: restartPolicy Always; unknown names are not.
    QHash<QString, bool> restartable;
    for (const QJsonValue &v : initContainers) {
        const QJsonObject c = v.toObject();
        const bool always = str(c, u"restartPolicy") == u"Always";
        restartable.insert(str(c, u"name"), always);
        if (always)
            ++totalContainers;
    }

    bool initializing = false;
    const QJsonArray initStatuses = arr(status, u"initContainerStatuses");
    for (qsizetype i = 0; i < initStatuses.size(); ++i) {
        const QJsonObject container = initStatuses.at(i).toObject();
        const int restartCount = int(integer(container, u"restartCount"));
        const bool isRestartable = restartable.value(str(container, u"name"), false);
        restarts += restartCount;
        noteLastTermination(container, lastRestartDate);
        if (isRestartable) {
            restartableInitContainerRestarts += restartCount;
            noteLastTermination(container, lastRestartableInitContainerRestartDate);
        }
        const QJsonObject state = obj(container, u"state");
        const bool terminated = has(state, u"terminated");
        const QJsonObject terminatedState = obj(state, u"terminated");
        if (terminated && integer(terminatedState, u"exitCode") == 0)
            continue;
        if (isRestartable && container.value(u"started").toBool(false)) {
            if (container.value(u"ready").toBool(false))
                ++readyContainers;
            continue;
        }
        const QString waitingReason = str(obj(state, u"waiting"), u"reason");
        if (terminated)
            reason = terminatedReason(terminatedState, u"Init:");
        else if (has(state, u"waiting") && !waitingReason.isEmpty() && waitingReason != u"PodInitializing")
            reason = u"Init:"_qs + waitingReason;
        else
            reason = u"Init:%1/%2"_qs.arg(i).arg(initContainers.size());
        initializing = true;
        break;
    }

    if (!initializing || isInitialized(conditions)) {
        restarts = restartableInitContainerRestarts;
        lastRestartDate = lastRestartableInitContainerRestartDate;
        bool hasRunning = false;
        const QJsonArray statuses = arr(status, u"containerStatuses");
        for (qsizetype i = statuses.size() - 1; i >= 0; --i) {
            const QJsonObject container = statuses.at(i).toObject();
            restarts += int(integer(container, u"restartCount"));
            noteLastTermination(container, lastRestartDate);
            const QJsonObject state = obj(container, u"state");
            const QString waitingReason = str(obj(state, u"waiting"), u"reason");
            const QString terminatedText = str(obj(state, u"terminated"), u"reason");
            if (has(state, u"waiting") && !waitingReason.isEmpty())
                reason = waitingReason;
            else if (has(state, u"terminated") && !terminatedText.isEmpty())
                reason = terminatedText;
            else if (has(state, u"terminated"))
                reason = terminatedReason(obj(state, u"terminated"), u"");
            else if (container.value(u"ready").toBool(false) && has(state, u"running")) {
                hasRunning = true;
                ++readyContainers;
            }
        }
        // Back to Running while a container still runs after another completed.
        if (reason == u"Completed" && hasRunning)
            reason = hasCondition(conditions, u"Ready", u"True") ? u"Running"_qs : u"NotReady"_qs;
    }

    const bool deleting = has(metadata, u"deletionTimestamp");
    const bool terminal = podPhase == u"Succeeded" || podPhase == u"Failed";
    if (deleting && str(status, u"reason") == u"NodeLost")
        reason = u"Unknown"_qs;
    else if (deleting && !terminal)
        reason = u"Terminating"_qs;

    QString restartsText = QString::number(restarts);
    if (restarts != 0 && lastRestartDate.isValid())
        restartsText = u"%1 (%2 ago)"_qs.arg(restarts).arg(humanDurationBetween(lastRestartDate, now));

    // v1 → internal conversion: podIP wins over podIPs when both are set.
    QString podIP = str(status, u"podIP");
    const QJsonArray podIPs = arr(status, u"podIPs");
    if (podIP.isEmpty() && !podIPs.isEmpty())
        podIP = str(podIPs.first().toObject(), u"ip");

    row.cells = {str(metadata, u"name"),
                 u"%1/%2"_qs.arg(readyContainers).arg(totalContainers),
                 reason,
                 restartsText,
                 age(pod, now),
                 podIP.isEmpty() ? u"<none>"_qs : podIP,
                 firstNonEmpty(str(spec, u"nodeName"), QString(), u"<none>"_qs),
                 firstNonEmpty(str(status, u"nominatedNodeName"), QString(), u"<none>"_qs),
                 readinessGates(spec, conditions)};
    return row;
}

} // namespace kube::printers
