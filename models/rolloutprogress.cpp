#include "rolloutprogress.h"

#include "models/workloadhistory.h"

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
    if (!history.isDeployment())
        return fromControllerRevisions(history, pods, now, notReadyAfter);
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

    p.collectBlocking(pods, [&newUid](const kube::Object &pod) {
        const std::optional<kube::OwnerReference> owner = pod.controllerRef();
        return owner && owner->uid == newUid;
    }, now, notReadyAfter, false);
    return p;
}

void RolloutProgress::collectBlocking(const QList<kube::Object> &pods, const std::function<bool(const kube::Object &)> &isNew,
                                      const QDateTime &now, std::chrono::seconds notReadyAfter, bool workloadRevision)
{
    RolloutProgress &p = *this;
    QList<BlockingPod> failing;
    QList<BlockingPod> notReady;
    for (const kube::Object &pod : pods) {
        if (!isNew(pod) || pod.isBeingDeleted())
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
        return;
    if (!failing.isEmpty()) {
        p.stuck = Stuck::PodsFailing;
        p.stuckReason = failing.front().reason;
        p.stuckMessage = workloadRevision
            ? tr("%n pod(s) at the new revision cannot start: %1", nullptr, int(failing.size())).arg(failing.front().reason)
            : tr("%n pod(s) of the new ReplicaSet cannot start: %1", nullptr, int(failing.size())).arg(failing.front().reason);
        return;
    }
    if (!notReady.isEmpty()) {
        p.stuck = Stuck::PodsNotReady;
        p.stuckReason = QStringLiteral("NotReady");
        p.stuckMessage = workloadRevision
            ? tr("%n pod(s) at the new revision have not become ready for %1 s or more (failing readiness probes?)",
                 nullptr, int(notReady.size()))
                  .arg(notReadyAfter.count())
            : tr("%n pod(s) of the new ReplicaSet have not become ready for %1 s or more (failing readiness probes?)",
                 nullptr, int(notReady.size()))
                  .arg(notReadyAfter.count());
    }
}

RolloutProgress RolloutProgress::fromControllerRevisions(const RolloutHistory &history, const QList<kube::Object> &pods,
                                                         const QDateTime &now, std::chrono::seconds notReadyAfter)
{
    RolloutProgress p;
    const kube::Object &workload = history.workload();
    if (workload.isNull())
        return p;
    const QJsonObject w = workload.toJson();
    const QJsonObject spec = w.value(u"spec").toObject();
    const QJsonObject status = w.value(u"status").toObject();
    const QString name = workload.name();
    const qint64 observedGeneration = status.value(u"observedGeneration").toInteger();
    if (history.kind() == u"DaemonSet") {
        p.desired = status.value(u"desiredNumberScheduled").toInt();
        p.current = status.value(u"currentNumberScheduled").toInt();
        p.updated = status.value(u"updatedNumberScheduled").toInt();
        p.ready = status.value(u"numberReady").toInt();
        p.available = status.value(u"numberAvailable").toInt();
        p.unavailable = status.value(u"numberUnavailable").toInt();
        p.observed = observedGeneration >= workload.generation();
        // kubectl rollout status ds (DaemonSetStatusViewer).
        const QString strategy = spec.value(u"updateStrategy").toObject().value(u"type").toString(u"RollingUpdate"_qs);
        if (strategy != u"RollingUpdate") {
            p.statusMessage = tr("rollout status is only available for RollingUpdate strategy type");
        } else if (!p.observed) {
            p.statusMessage = tr("Waiting for daemon set spec update to be observed...");
        } else if (p.updated < p.desired) {
            p.statusMessage = tr("Waiting for daemon set \"%1\" rollout to finish: %2 out of %3 new pods have been updated...")
                                  .arg(name).arg(p.updated).arg(p.desired);
        } else if (p.available < p.desired) {
            p.statusMessage = tr("Waiting for daemon set \"%1\" rollout to finish: %2 of %3 updated pods are available...")
                                  .arg(name).arg(p.available).arg(p.desired);
        } else {
            p.statusMessage = tr("daemon set \"%1\" successfully rolled out").arg(name);
            p.complete = true;
        }
    } else {
        p.desired = spec.value(u"replicas").toInt(1);
        p.current = status.value(u"replicas").toInt();
        p.updated = status.value(u"updatedReplicas").toInt();
        p.ready = status.value(u"readyReplicas").toInt();
        p.available = status.value(u"availableReplicas").toInt();
        p.unavailable = std::max(0, p.desired - p.available);
        p.updateRevision = status.value(u"updateRevision").toString();
        p.currentRevision = status.value(u"currentRevision").toString();
        p.observed = observedGeneration != 0 && observedGeneration >= workload.generation();
        // kubectl rollout status sts (StatefulSetStatusViewer): with a rollingUpdate (the API
        // defaults one, partition 0) its sentences are the partitioned ones.
        const QJsonObject strategy = spec.value(u"updateStrategy").toObject();
        const QJsonValue rollingUpdate = strategy.value(u"rollingUpdate");
        const bool hasReplicas = spec.value(u"replicas").isDouble();
        const QJsonValue partition = rollingUpdate.toObject().value(u"partition");
        if (strategy.value(u"type").toString(u"RollingUpdate"_qs) != u"RollingUpdate") {
            p.statusMessage = tr("rollout status is only available for RollingUpdate strategy type");
        } else if (!p.observed) {
            p.statusMessage = tr("Waiting for statefulset spec update to be observed...");
        } else if (hasReplicas && p.ready < p.desired) {
            p.statusMessage = tr("Waiting for %1 pods to be ready...").arg(p.desired - p.ready);
        } else if (rollingUpdate.isObject()) {
            const int wanted = p.desired - partition.toInt();
            if (hasReplicas && partition.isDouble() && p.updated < wanted) {
                p.statusMessage = tr("Waiting for partitioned roll out to finish: %1 out of %2 new pods have been updated...")
                                      .arg(p.updated).arg(wanted);
            } else {
                p.statusMessage = tr("partitioned roll out complete: %1 new pods have been updated...").arg(p.updated);
                p.complete = true;
            }
        } else if (p.updateRevision != p.currentRevision) {
            p.statusMessage = tr("waiting for statefulset rolling update to complete %1 pods at revision %2...")
                                  .arg(p.updated).arg(p.updateRevision);
        } else {
            p.statusMessage = tr("statefulset rolling update complete %1 pods at revision %2...")
                                  .arg(status.value(u"currentReplicas").toInt()).arg(p.currentRevision);
            p.complete = true;
        }
    }

    // The pods by revision: the current one's, then older ones with pods, newest first.
    const RolloutRevision *current = nullptr;
    for (auto it = history.revisions().crbegin(); it != history.revisions().crend(); ++it) {
        const ReplicaSetSummary summary{it->replicaSetName, it->number, it->replicas, it->replicas,
                                        it->readyReplicas, it->availableReplicas, it->images};
        if (it->current) {
            p.newReplicaSet = summary;
            current = &*it;
        } else if (it->replicas > 0) {
            p.oldReplicaSets.append(summary);
        }
    }
    if (!current)
        return p;
    const QString uid = workload.uid();
    const QString revisionName = current->replicaSetName;
    const QString hash = current->revisionHash;
    p.collectBlocking(pods, [&](const kube::Object &pod) {
        const std::optional<kube::OwnerReference> owner = pod.controllerRef();
        return owner && owner->uid == uid && podAtRevision(pod, revisionName, hash);
    }, now, notReadyAfter, true);
    return p;
}

QList<TimelineStep> rolloutTimeline(const RolloutHistory &history, const QList<kube::Object> &events)
{
    QList<TimelineStep> steps;
    if (history.deployment().isNull())
        return steps;
    // List items may come without kind: name the kinds here.
    QList<std::pair<kube::Object, QString>> subjects{{history.deployment(), history.kind()}};
    for (const RolloutRevision &r : history.revisions()) {
        if (history.isDeployment())
            subjects.append({r.replicaSet, QStringLiteral("ReplicaSet")});
    }
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
