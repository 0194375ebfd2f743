#pragma once
// RolloutHistory: a Deployment's revisions as `kubectl rollout history` lists them, read from
// the ReplicaSets it controls (controller ownerReference UID): each set is one revision
// (deployment.kubernetes.io/revision), with its change-cause (kubernetes.io/change-cause), the
// images per container, age, replica counts, and its pod template without the
// pod-template-hash label (as YAML, for diffing two revisions). The current revision is the set
// whose template equals the Deployment's (the deployment controller's FindNewReplicaSet: oldest
// first), else the Deployment's own revision annotation.
//
// Also the requests kubectl makes for the rollout commands, so the cluster sees the same change:
//   undo --to-revision=N  JSON patch (RFC 6902), two "replace" operations: /spec/template with
//                         the revision's template minus the hash label, and /metadata/annotations
//                         with the revision's set's annotations, except the ones kubectl never
//                         copies from a set (last-applied-configuration, revision,
//                         revision-history, desired-replicas, max-replicas,
//                         deprecated.deployment.rollback.to), which keep the Deployment's values.
//                         Refused on a paused Deployment; skipped when the template already
//                         matches (kubectl 1.35 polymorphichelpers/rollback.go).
//   set image             strategic merge patch of the container's image, with the container
//                         order ($setElementOrder) and a kubernetes.io/change-cause annotation.
//   pause / resume        strategic merge patch spec.paused true / null (kubectl clears it).
//
// DaemonSets and StatefulSets keep their revisions as ControllerRevisions instead
// (fromControllerRevisions(), models/workloadhistory.h): there the "set" fields of a revision
// name the ControllerRevision and count the pods at that revision, and undo is the strategic
// merge patch kubectl sends (the revision's data).
//
// Pure functions over immutable objects; any thread. Cost: one parse per ReplicaSet, plus a
// YAML rendering per revision's template.

#include "kube/api/object.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace timonel {

struct RolloutRevision {
    qint64 number = 0;
    QString changeCause;         // empty when none ("<none>" in kubectl)
    QStringList images;          // "container=image", containers then init containers
    QDateTime created;           // the ReplicaSet's creationTimestamp
    QString replicaSetName;      // DaemonSet/StatefulSet: the ControllerRevision's name
    QString replicaSetUid;
    int replicas = 0;            // spec.replicas of the set (DaemonSet/StatefulSet: pods at the revision)
    int readyReplicas = 0;
    int availableReplicas = 0;
    bool current = false;
    QJsonObject podTemplate;     // spec.template without the pod-template-hash label
    kube::Object replicaSet;     // DaemonSet/StatefulSet: the ControllerRevision
    QString revisionHash;        // DaemonSet/StatefulSet: its controller-revision-hash
};

class RolloutHistory
{
    Q_DECLARE_TR_FUNCTIONS(RolloutHistory)
public:
    // The sets controlled by the Deployment (others in the list are ignored).
    static RolloutHistory from(const kube::Object &deployment, const QList<kube::Object> &replicaSets);
    // A DaemonSet's or StatefulSet's (kind: "DaemonSet" / "StatefulSet") revisions from the
    // ControllerRevisions it controls; pods: any pods (its own are counted per revision).
    // Defined in workloadhistory.cpp.
    static RolloutHistory fromControllerRevisions(const kube::Object &workload, const QString &kind,
                                                  const QList<kube::Object> &revisions, const QList<kube::Object> &pods = {});

    // The workload (for a DaemonSet or StatefulSet too).
    const kube::Object &deployment() const { return m_deployment; }
    const kube::Object &workload() const { return m_deployment; }
    // "Deployment", "DaemonSet" or "StatefulSet".
    const QString &kind() const { return m_kind; }
    bool isDeployment() const { return m_kind == u"Deployment"; }
    // Ascending by number; sets without a revision annotation are left out (as kubectl does).
    const QList<RolloutRevision> &revisions() const { return m_revisions; }
    qint64 currentRevision() const { return m_current; }
    const RolloutRevision *revision(qint64 number) const;
    // kubectl's choice for --to-revision=0: the second newest revision; 0 when none.
    qint64 previousRevision() const;

    struct Undo {
        enum class Outcome { Patch, AlreadyCurrent, Paused, NotFound };
        Outcome outcome = Outcome::NotFound;
        QByteArray body;   // the JSON patch (Outcome::Patch)
        QString message;   // kubectl's words for the other outcomes
        // DaemonSet/StatefulSet: body is a strategic merge patch (the revision's data).
        bool strategicMerge = false;
    };
    // `kubectl rollout undo --to-revision=toRevision` (0: the previous revision).
    Undo undo(qint64 toRevision) const;

private:
    Undo controllerRevisionUndo(qint64 toRevision) const; // workloadhistory.cpp

    kube::Object m_deployment;
    QString m_kind = QStringLiteral("Deployment");
    QList<RolloutRevision> m_revisions;
    qint64 m_current = 0;
};

// Whether set is controlled by deployment (controller ownerReference with its UID).
bool controlledBy(const kube::Object &set, const kube::Object &deployment);
// The template without the pod-template-hash label (labels removed when it was the only one).
QJsonObject withoutTemplateHash(QJsonObject podTemplate);
// The template as `kubectl get -o yaml` prints it, for the revision diff.
QString podTemplateYaml(const QJsonObject &podTemplate);
// "container=image" for the template's containers, then its init containers.
QStringList templateImages(const QJsonObject &podTemplate);

// The set-image strategic merge patch for one container (or init container) of the
// Deployment; changeCause empty: no annotation. Empty when the container does not exist.
QByteArray setImagePatch(const kube::Object &deployment, const QString &container, const QString &image,
                         const QString &changeCause);
// spec.paused true, or cleared (null) on resume.
QByteArray pausePatch(bool pause);

} // namespace timonel
