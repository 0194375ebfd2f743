#include "rolloutprogress.h"

#include <QJsonArray>

#include <algorithm>

namespace timonel {

namespace {

ReplicaSetSummary summarise(const RolloutRevision &r)
{
    const QJsonObject status = r.replicaSet.toJson().value(u"status").toObject();
    return ReplicaSetSummary{r.replicaSetName, r.number, r.replicas, status.value(u"replicas").toInt(),
                             r.readyReplicas, r.availableReplicas, r.images};
}

QDateTime kubeTime(const QJsonValue &v)
{
    return QDateTime::fromString(v.toString(), Qt::ISODate);
}

QJsonObject podCondition(const QJsonObject &status, QStringView type)
{
    for (const QJsonValue &c : status.value(u"conditions").toArray()) {
        if (c.toObject().value(u"type").toString() == type)
            return c.toObject();
    }
    return {};
}

// The first blocking waiting state among the pod's containers (init containers first).
std::optional<BlockingPod> failingContainer(const QString &pod, const QJsonObject &status)
{
    for (const auto *list : {u"initContainerStatuses", u"containerStatuses"}) {
        for (const QJsonValue &c : status.value(QStringView(list)).toArray()) {
            const QJsonObject waiting = c.toObject().value(u"state").toObject().value(u"waiting").toObject();
            const QString reason = waiting.value(u"reason").toString();
            if (isBlockingWaitingReason(reason))
                return BlockingPod{pod, reason, waiting.value(u"message").toString()};
        }
    }
    return std::nullopt;
}

} // namespace

bool isBlockingWaitingReason(QStringView reason)
{
    return reason == u"CrashLoopBackOff" || reason == u"ImagePullBackOff" || reason == u"ErrImagePull"
        || reason == u"CreateContainerConfigError" || reason == u"InvalidImageName";
}

RolloutProgress RolloutProgress::from(const RolloutHistory &history, const QList<kube::Object> &pods, const QDateTime &now,
                                      std::chrono::seconds notReadyAfter)
{
    RolloutProgress p;
    const kube::Object &deployment = history.deployment();
    if (deployment.isNull())
        return p;
    const QJsonObject d = deployment.toJson();
    const QJsonObject spec = d.value(u"spec").toObject();
    const QJsonObject status = d.value(u"status").toObject();
    p.desired = spec.value(u"replicas").toInt(1);
    p.paused = spec.value(u"paused").toBool();
    p.current = status.value(u"replicas").toInt();
    p.updated = status.value(u"updatedReplicas").toInt();
    p.ready = status.value(u"readyReplicas").toInt();
    p.available = status.value(u"availableReplicas").toInt();
    p.unavailable = status.value(u"unavailableReplicas").toInt();
    p.observed = status.value(u"observedGeneration").toInteger() >= deployment.generation();
    p.complete = p.observed && p.updated >= p.desired && p.current <= p.updated && p.available >= p.updated;

    for (const QJsonValue &c : status.value(u"conditions").toArray()) {
        const QJsonObject o = c.toObject();
        p.conditions.append({o.value(u"type").toString(), o.value(u"status").toString(), o.value(u"reason").toString(),
                             o.value(u"message").toString(), kubeTime(o.value(u"lastUpdateTime"))});
    }

    QString newUid;
    for (auto it = history.revisions().crbegin(); it != history.revisions().crend(); ++it) {
        if (it->current) {
            p.newReplicaSet = summarise(*it);
            newUid = it->replicaSetUid;
        } else if (it->replicas > 0 || summarise(*it).current > 0) {
            p.oldReplicaSets.append(summarise(*it));
        }
    }

    for (const RolloutCondition &c : std::as_const(p.conditions)) {
        if (c.type == u"Progressing" && c.status == u"False" && c.reason == u"ProgressDeadlineExceeded") {
            p.stuck = Stuck::ProgressDeadlineExceeded;
            p.stuckReason = c.reason;
            p.stuckMessage = c.message;
        }
    }
    if (newUid.isEmpty())
        return p;

    QList<BlockingPod> failing;
    QList<BlockingPod> notReady;
    for (const kube::Object &pod : pods) {
        const std::optional<kube::OwnerReference> owner = pod.controllerRef();
        if (!owner || owner->uid != newUid || pod.isBeingDeleted())
            continue;
        const QJsonObject podStatus = pod.toJson().value(u"status").toObject();
        if (std::optional<BlockingPod> f = failingContainer(pod.name(), podStatus)) {
            failing.append(*f);
            continue;
        }
        const QJsonObject readyCondition = podCondition(podStatus, u"Ready");
        if (readyCondition.value(u"status").toString() == u"True")
            continue;
        const QString phase = podStatus.value(u"phase").toString();
        if (phase == u"Succeeded" || phase == u"Failed")
            continue;
        QDateTime since = kubeTime(readyCondition.value(u"lastTransitionTime"));
        if (!since.isValid())
            since = QDateTime::fromString(pod.creationTimestamp(), Qt::ISODate);
        if (since.isValid() && since.secsTo(now) >= notReadyAfter.count())
            notReady.append({pod.name(), QStringLiteral("NotReady"), readyCondition.value(u"message").toString()});
    }
    const auto byName = [](const BlockingPod &a, const BlockingPod &b) { return a.name < b.name; };
    std::sort(failing.begin(), failing.end(), byName);
    std::sort(notReady.begin(), notReady.end(), byName);
    p.blockingPods = failing + notReady;
    if (p.stuck == Stuck::ProgressDeadlineExceeded)
        return p;
    if (!failing.isEmpty()) {
        p.stuck = Stuck::PodsFailing;
        p.stuckReason = failing.front().reason;
        p.stuckMessage = tr("%n pod(s) of the new ReplicaSet cannot start: %1", nullptr, int(failing.size()))
                             .arg(failing.front().reason);
        return p;
    }
    if (!notReady.isEmpty()) {
        p.stuck = Stuck::PodsNotReady;
        p.stuckReason = QStringLiteral("NotReady");
        p.stuckMessage = tr("%n pod(s) of the new ReplicaSet have not become ready for %1 s or more (failing readiness probes?)",
                            nullptr, int(notReady.size()))
                             .arg(notReadyAfter.count());
    }
    return p;
}

QList<TimelineStep> rolloutTimeline(const RolloutHistory &history, const QList<kube::Object> &events)
{
    QList<TimelineStep> steps;
    if (history.deployment().isNull())
        return steps;
    // List items may come without kind: name the kinds here.
    QList<std::pair<kube::Object, QString>> subjects{{history.deployment(), QStringLiteral("Deployment")}};
    for (const RolloutRevision &r : history.revisions())
        subjects.append({r.replicaSet, QStringLiteral("ReplicaSet")});
    for (const auto &[subject, kind] : std::as_const(subjects)) {
        for (const ObjectEvent &e : selectObjectEvents(subject, events))
            steps.append({e.lastSeen, kind, subject.name(), e});
    }
    std::stable_sort(steps.begin(), steps.end(), [](const TimelineStep &a, const TimelineStep &b) {
        if (a.time != b.time)
            return a.time < b.time;
        if (a.objectName != b.objectName)
            return a.objectName < b.objectName;
        return a.event.reason < b.event.reason;
    });
    return steps;
}

} // namespace timonel
