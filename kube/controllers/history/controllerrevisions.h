#pragma once
// ControllerRevision history of DaemonSets and StatefulSets (upstream pkg/controller/history and
// the controllers' own revision helpers): each distinct pod template a workload has had is kept
// as an apps/v1 ControllerRevision named "<workload>-<hash>", owned by the workload, whose data
// is the strategic merge patch {"spec":{"template":{…,"$patch":"replace"}}} — the very patch
// `kubectl rollout undo` sends back. Revision numbers grow; re-applying an old template bumps
// that revision's number instead of creating a twin. Pure functions over JSON; any thread.

#include "kube/api/object.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace kube::history {

inline constexpr auto ControllerRevisionHashLabel = "controller-revision-hash";

// What a revision stores for workload (a DaemonSet or StatefulSet as JSON).
QJsonObject templatePatch(const QJsonObject &workload);

// upstream HashControllerRevision: FNV-32a over the data's canonical JSON, then the collision
// count when set, spelled with the vowel-free alphabet of pod-template-hash.
QString revisionHash(const QJsonObject &data, std::optional<int> collisionCount);

// A new ControllerRevision for workload (kind "DaemonSet" or "StatefulSet"): name
// "<workload>-<hash>", the workload's namespace, its template's labels plus
// controller-revision-hash, a controller ownerReference (blockOwnerDeletion), data, revision.
QJsonObject newRevision(const QJsonObject &workload, const QString &kind, qint64 revision,
                        std::optional<int> collisionCount);

// The revisions whose controller ownerReference has ownerUid, ascending by .revision (then name).
QList<Object> ownedRevisions(const QList<Object> &revisions, const QString &ownerUid);

// The owned revision whose data equals templatePatch(workload) (the newest if several); none when
// the workload's current template was never recorded.
std::optional<Object> matchingRevision(const QList<Object> &owned, const QJsonObject &workload);

// One more than the highest .revision among owned (1 when none).
qint64 nextRevisionNumber(const QList<Object> &owned);

// The revisions to delete so that at most historyLimit remain besides the ones in use (the
// current and update revisions, and any revision a live pod's controller-revision-hash label
// names); oldest first.
QList<Object> revisionsToPrune(const QList<Object> &owned, qint64 historyLimit, const QStringList &inUseNames);

} // namespace kube::history
