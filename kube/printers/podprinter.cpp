// The Pod row: kube-apiserver's printPod, step for step. READY counts ready containers over
// containers plus restartable (sidecar) init containers; STATUS starts from the phase (or
// status.reason) and is refined by the init containers, then the containers (the first
// container with a waiting/terminated reason wins), then deletion; RESTARTS carries "(5m ago)"
// from the newest lastState.terminated.finishedAt.
//
// Pods are the kind listed by the ten thousand, so this printer reads the object's bytes
// through simdjson (JsonView) instead of a QJsonObject: no tree is built for a row.

#include "jsonview.h"
#include "rowprinters.h"

#include <QHash>

namespace kube::printers {

namespace {

bool hasCondition(const JsonView &conditions, std::string_view type, std::string_view status)
{
    for (const JsonView &c : conditions.elements()) {
        if (c["type"].stringEquals(type) && c["status"].stringEquals(status))
            return true;
    }
    return false;
}

// isPodInitializedConditionTrue: the first Initialized condition decides.
bool isInitialized(const JsonView &conditions)
{
    for (const JsonView &c : conditions.elements()) {
        if (c["type"].stringEquals("Initialized"))
            return c["status"].stringEquals("True");
    }
    return false;
}

QDateTime timeOf(const JsonView &value)
{
    return value.has() ? parseTime(value.stringView()) : QDateTime();
}

QByteArray utf8(std::string_view text)
{
    return QByteArray(text.data(), qsizetype(text.size()));
}

// A string field, or "<none>" when it is empty.
QByteArray utf8OrNone(const JsonView &value)
{
    const std::string_view text = value.stringView();
    return text.empty() ? QByteArrayLiteral("<none>") : utf8(text);
}

// Keeps the later of latest and the container's lastState.terminated.finishedAt.
void noteLastTermination(const JsonView &containerStatus, QDateTime &latest)
{
    const JsonView terminated = containerStatus["lastState"]["terminated"];
    if (!terminated.has())
        return;
    const QDateTime finished = timeOf(terminated["finishedAt"]);
    if (finished.isValid() && (!latest.isValid() || latest < finished))
        latest = finished;
}

QString terminatedReason(const JsonView &terminated, QStringView prefix)
{
    const QString reason = terminated["reason"].string();
    if (!reason.isEmpty())
        return prefix.toString() + reason;
    const qint64 signal = terminated["signal"].integer();
    if (signal != 0)
        return u"%1Signal:%2"_qs.arg(prefix).arg(signal);
    return u"%1ExitCode:%2"_qs.arg(prefix).arg(terminated["exitCode"].integer());
}

QString readinessGates(const JsonView &spec, const JsonView &conditions)
{
    const auto gates = spec["readinessGates"].elements();
    if (gates.isEmpty())
        return u"<none>"_qs;
    int trueConditions = 0;
    const auto all = conditions.elements();
    for (const JsonView &g : gates) {
        const std::string_view type = g["conditionType"].stringView();
        for (const JsonView &c : all) {
            if (!c["type"].stringEquals(type))
                continue;
            if (c["status"].stringEquals("True"))
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

} // namespace

Row printPod(const JsonView &pod, const QDateTime &now)
{
    const JsonView metadata = pod["metadata"];
    const JsonView spec = pod["spec"];
    const JsonView status = pod["status"];
    const JsonView conditions = status["conditions"];
    const auto initContainers = spec["initContainers"].elements();

    int restarts = 0;
    int restartableInitContainerRestarts = 0;
    qsizetype totalContainers = spec["containers"].size();
    int readyContainers = 0;
    QDateTime lastRestartDate;
    QDateTime lastRestartableInitContainerRestartDate;

    const std::string_view podPhase = status["phase"].stringView();
    QString reason = status["phase"].string();
    if (!status["reason"].stringView().empty())
        reason = status["reason"].string();
    for (const JsonView &c : conditions.elements()) {
        if (c["type"].stringEquals("PodScheduled") && c["reason"].stringEquals("SchedulingGated"))
            reason = u"SchedulingGated"_qs;
    }

    Row row;
    if (podPhase == "Succeeded")
        row.conditions.append(completedCondition(u"Succeeded"_qs, u"The pod has completed successfully."_qs));
    else if (podPhase == "Failed")
        row.conditions.append(completedCondition(u"Failed"_qs, u"The pod failed."_qs));

    // podutil.IsRestartableInitContainer: restartPolicy Always; unknown names are not.
    QHash<QString, bool> restartable;
    for (const JsonView &c : initContainers) {
        const bool always = c["restartPolicy"].stringEquals("Always");
        restartable.insert(c["name"].string(), always);
        if (always)
            ++totalContainers;
    }

    bool initializing = false;
    const auto initStatuses = status["initContainerStatuses"].elements();
    for (qsizetype i = 0; i < initStatuses.size(); ++i) {
        const JsonView &container = initStatuses.at(i);
        const int restartCount = int(container["restartCount"].integer());
        const bool isRestartable = restartable.value(container["name"].string(), false);
        restarts += restartCount;
        noteLastTermination(container, lastRestartDate);
        if (isRestartable) {
            restartableInitContainerRestarts += restartCount;
            noteLastTermination(container, lastRestartableInitContainerRestartDate);
        }
        const JsonView state = container["state"];
        const JsonView terminatedState = state["terminated"];
        const bool terminated = terminatedState.has();
        if (terminated && terminatedState["exitCode"].integer() == 0)
            continue;
        if (isRestartable && container["started"].boolean(false)) {
            if (container["ready"].boolean(false))
                ++readyContainers;
            continue;
        }
        const QString waitingReason = state["waiting"]["reason"].string();
        if (terminated)
            reason = terminatedReason(terminatedState, u"Init:");
        else if (state["waiting"].has() && !waitingReason.isEmpty() && waitingReason != u"PodInitializing")
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
        const auto statuses = status["containerStatuses"].elements();
        for (qsizetype i = statuses.size() - 1; i >= 0; --i) {
            const JsonView &container = statuses.at(i);
            restarts += int(container["restartCount"].integer());
            noteLastTermination(container, lastRestartDate);
            const JsonView state = container["state"];
            const JsonView waiting = state["waiting"];
            const JsonView terminated = state["terminated"];
            if (waiting.has() && !waiting["reason"].stringView().empty())
                reason = waiting["reason"].string();
            else if (terminated.has() && !terminated["reason"].stringView().empty())
                reason = terminated["reason"].string();
            else if (terminated.has())
                reason = terminatedReason(terminated, u"");
            else if (container["ready"].boolean(false) && state["running"].has()) {
                hasRunning = true;
                ++readyContainers;
            }
        }
        // Back to Running while a container still runs after another completed.
        if (reason == u"Completed" && hasRunning)
            reason = hasCondition(conditions, "Ready", "True") ? u"Running"_qs : u"NotReady"_qs;
    }

    const bool deleting = metadata["deletionTimestamp"].has();
    const bool terminal = podPhase == "Succeeded" || podPhase == "Failed";
    if (deleting && status["reason"].stringEquals("NodeLost"))
        reason = u"Unknown"_qs;
    else if (deleting && !terminal)
        reason = u"Terminating"_qs;

    QByteArray restartsText = QByteArray::number(restarts);
    if (restarts != 0 && lastRestartDate.isValid())
        restartsText += " (" + humanDurationBetween(lastRestartDate, now).toUtf8() + " ago)";

    // v1 → internal conversion: podIP wins over podIPs when both are set.
    JsonView podIP = status["podIP"];
    if (podIP.stringView().empty()) {
        const auto podIPs = status["podIPs"].elements();
        if (!podIPs.isEmpty())
            podIP = podIPs.first()["ip"];
    }

    const QDateTime created = timeOf(metadata["creationTimestamp"]);
    row.stringCells = {utf8(metadata["name"].stringView()),
                       QByteArray::number(readyContainers) + '/' + QByteArray::number(totalContainers),
                       reason.toUtf8(),
                       restartsText,
                       created.isValid() ? humanDurationBetween(created, now).toUtf8() : QByteArrayLiteral("<unknown>"),
                       utf8OrNone(podIP),
                       utf8OrNone(spec["nodeName"]),
                       utf8OrNone(status["nominatedNodeName"]),
                       readinessGates(spec, conditions).toUtf8()};
    return row;
}

} // namespace kube::printers
