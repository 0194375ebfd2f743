#pragma once
// OwnedPods: the replica set controller's bookkeeping of pods by controlling owner, kept up to
// date from the pod informer's events instead of rebuilt on every sync. Each pod of the watched
// kind's owners is held as a PodInfo (read once per pod event, in one simdjson pass), grouped
// by its controller's uid; pods with no controller at all are kept per namespace as orphans
// (candidates for adoption). A sync then reads the few fields it needs from the set's own
// entries — no listing of the namespace, no parse per pod per sync.
//
// Thread affinity: the owning controller's thread. Memory: one PodInfo per tracked pod (its
// Object shares the informer's bytes). Cost: upsert/remove O(1) plus one PodInfo::from.

#include "kube/controllers/podinfo.h"

#include <QHash>
#include <QString>

#include <optional>

namespace kube {

class OwnedPods
{
public:
    // kind: the controller kind whose pods are tracked ("ReplicaSet", "ReplicationController").
    explicit OwnedPods(QString kind) : m_kind(std::move(kind)) {}

    // Records the pod's current state (after an add or an update).
    void upsert(const Object &pod);
    void remove(const Object &pod);

    // The pods controlled by the owner with this uid, by "namespace/name".
    const QHash<QString, PodInfo> &controlledBy(const QString &ownerUid) const;
    // Pods of the namespace without a controller reference, not being deleted.
    QList<Object> orphans(const QString &namespace_) const;

    // Whether the recorded state of this pod (by its key) is active; nullopt when it is not
    // held as a controlled pod.
    std::optional<bool> isActive(const Object &pod) const;

    qsizetype size() const { return m_where.size(); }

private:
    struct Place {
        QString ownerUid;   // set: in m_owned[ownerUid]
        QString namespace_; // ownerUid empty: in m_orphans[namespace_]
    };
    void erase(const QString &podKey);

    const QString m_kind;
    QHash<QString, QHash<QString, PodInfo>> m_owned; // owner uid → pod key → info
    QHash<QString, QHash<QString, Object>> m_orphans; // namespace → pod key → pod
    QHash<QString, Place> m_where;                   // pod key → where it is held
};

} // namespace kube
