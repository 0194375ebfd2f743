#pragma once
// The rollout history of DaemonSets and StatefulSets, read as `kubectl rollout history` /
// `rollout undo` read it (kubectl 1.35 polymorphichelpers history_viewer.go, rollback.go): each
// apps/v1 ControllerRevision the workload controls (controller ownerReference UID) is one
// revision — its .revision number, the kubernetes.io/change-cause annotation the controller
// copied, the images and pod template of its data {"spec":{"template":{…,"$patch":"replace"}}},
// its age, and the workload's pods at that revision (their controller-revision-hash label names
// the revision's hash, or for StatefulSets its full name). The current revision is the one whose
// data equals the workload's own template patch (the newest if several); for a StatefulSet
// whose template was never recorded, the one status.updateRevision names.
//
// Undo (RolloutHistory::undo on such a history):
//   --to-revision=0   the second newest revision; "no last revision to roll back to" with fewer
//                     than two
//   unknown N         "unable to find specified revision N in history"
//   already current   "skipped rollback (current template already matches revision N)"
//   otherwise         the revision's data as a strategic merge patch to the workload: the
//                     ControllerRevision's data bytes as the server sent them, as kubectl
//                     sends Data.Raw (rawTopLevelMember)
// There is no pause for these kinds: kubectl refuses `rollout pause` for them.
//
// The entry points are RolloutHistory::fromControllerRevisions() (models/rollouthistory.h) and
// the helpers below. Pure functions; any thread. Cost: one parse per ControllerRevision and per
// pod.

#include "kube/api/object.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace timonel {

// What a ControllerRevision of workload (JSON) stores: {"spec":{"template":{…,"$patch":"replace"}}}.
QJsonObject controllerRevisionData(const QJsonObject &workload);

// The hash that names revision: its controller-revision-hash label, else its name after
// "<workload>-".
QString controllerRevisionHash(const kube::Object &revision, const QString &workloadName);

// Whether pod's controller-revision-hash label names revision (by hash or, as StatefulSet pods
// carry it, by the revision's full name).
bool podAtRevision(const kube::Object &pod, const QString &revisionName, const QString &hash);

// The bytes of the top-level member key of minified JSON (an Object's json()), as they are —
// escapes and key order kept; empty when absent. Cost: one scan up to the member. An escaped
// key is compared as written.
QByteArray rawTopLevelMember(const QByteArray &json, QByteArrayView key);

// "DaemonSet" / "StatefulSet" / "Deployment" for a resource id ("daemonsets.apps"…); empty for
// any other resource.
QString rolloutKindOf(const QString &resourceId);

} // namespace timonel
