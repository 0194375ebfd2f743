#pragma once
// RolloutProgress: where a Deployment's rollout stands, as the rollout panel shows it —
// desired / updated / ready / available (the Deployment's status, as `kubectl rollout status`
// reads it), the new ReplicaSet and the old ones side by side, the Deployment's conditions, and
// whether the rollout is stuck and why:
//   - Progressing=False with reason ProgressDeadlineExceeded (the controller gave up waiting);
//   - pods of the new ReplicaSet waiting in CrashLoopBackOff, ImagePullBackOff, ErrImagePull,
//     CreateContainerConfigError or InvalidImageName;
//   - pods of the new ReplicaSet running but not Ready for longer than notReadyAfter (failing
//     readiness probes).
// The blocking pods are named; the first cause in that order is the headline reason.
//
// rolloutTimeline(): the Deployment's and its ReplicaSets' events (ScalingReplicaSet,
// SuccessfulCreate…), oldest first — the steps of the rollout.
//
// DaemonSets and StatefulSets (a history from RolloutHistory::fromControllerRevisions): the
// counts come from their status (DaemonSet: desired/current/updated/ready/available number
// scheduled per node), statusMessage is `kubectl rollout status`'s sentence for the kind, the
// "new set" is the pods at the current revision and the old sets the pods at older revisions
// (by controller-revision-hash label); blocking pods are those at the current revision.
//
// Pure functions; any thread. Cost: one parse of the Deployment, each set and each pod of the
// new set; the timeline costs objectevents' selection per object.

#include "models/objectevents.h"
#include "models/rollouthistory.h"

#include <chrono>
#include <functional>

namespace timonel {

struct RolloutCondition {
    QString type;    // "Available", "Progressing", "ReplicaFailure"
    QString status;  // "True", "False", "Unknown"
    QString reason;
    QString message;
    QDateTime lastUpdate;
};

struct ReplicaSetSummary {
    QString name;
    qint64 revision = 0;
    int desired = 0;   // spec.replicas
    int current = 0;   // status.replicas
    int ready = 0;
    int available = 0;
    QStringList images;
};

struct BlockingPod {
    QString name;
    QString reason;   // "CrashLoopBackOff", "ImagePullBackOff", "NotReady"…
    QString message;  // the waiting state's message, when any
};

struct RolloutProgress {
    Q_DECLARE_TR_FUNCTIONS(RolloutProgress)
public:
    enum class Stuck { No, ProgressDeadlineExceeded, PodsFailing, PodsNotReady };

    int desired = 0;     // spec.replicas
    int current = 0;     // status.replicas (all sets)
    int updated = 0;     // status.updatedReplicas
    int ready = 0;       // status.readyReplicas
    int available = 0;   // status.availableReplicas
    int unavailable = 0; // status.unavailableReplicas
    bool paused = false;
    bool observed = true; // status.observedGeneration >= metadata.generation
    // updated == desired == available, the old sets are empty and the status is observed
    // (kubectl rollout status's "successfully rolled out").
    bool complete = false;
    std::optional<ReplicaSetSummary> newReplicaSet;
    QList<ReplicaSetSummary> oldReplicaSets; // with pods or replicas only, newest first
    QList<RolloutCondition> conditions;
    Stuck stuck = Stuck::No;
    QString stuckReason;  // the headline: "ProgressDeadlineExceeded", "ImagePullBackOff"…
    QString stuckMessage; // a sentence for the banner
    QList<BlockingPod> blockingPods;
    // DaemonSet/StatefulSet: kubectl rollout status's words (no trailing newline); empty for a
    // Deployment (the panel words it).
    QString statusMessage;
    QString updateRevision;  // StatefulSet: status.updateRevision
    QString currentRevision; // StatefulSet: status.currentRevision

    // pods: any pods (those of the new set are picked by owner UID); now: for "not ready for
    // long".
    static RolloutProgress from(const RolloutHistory &history, const QList<kube::Object> &pods, const QDateTime &now,
                                std::chrono::seconds notReadyAfter = std::chrono::seconds(120));

private:
    static RolloutProgress fromControllerRevisions(const RolloutHistory &history, const QList<kube::Object> &pods,
                                                   const QDateTime &now, std::chrono::seconds notReadyAfter);
    // Sorts failing and not-ready pods into blockingPods and sets stuck* (what: the pods' group
    // in the message).
    void collectBlocking(const QList<kube::Object> &pods, const std::function<bool(const kube::Object &)> &isNew,
                         const QDateTime &now, std::chrono::seconds notReadyAfter, bool workloadRevision);
};

// The container waiting reasons that block a rollout.
bool isBlockingWaitingReason(QStringView reason);

struct TimelineStep {
    QDateTime time;
    QString objectKind; // "Deployment", "ReplicaSet"
    QString objectName;
    ObjectEvent event;
};

// The events of the Deployment and of its sets, oldest first (ties: by object, then reason).
QList<TimelineStep> rolloutTimeline(const RolloutHistory &history, const QList<kube::Object> &events);

} // namespace timonel
