#include "ownedpods.h"

namespace kube {

namespace {

QString podKeyOf(const Object &pod)
{
    return pod.namespace_() + u'/' + pod.name();
}

} // namespace

void OwnedPods::erase(const QString &podKey)
{
    const auto at = m_where.constFind(podKey);
    if (at == m_where.constEnd())
        return;
    if (!at->ownerUid.isEmpty()) {
        auto owned = m_owned.find(at->ownerUid);
        if (owned != m_owned.end()) {
            owned->remove(podKey);
            if (owned->isEmpty())
                m_owned.erase(owned);
        }
    } else {
        auto orphans = m_orphans.find(at->namespace_);
        if (orphans != m_orphans.end()) {
            orphans->remove(podKey);
            if (orphans->isEmpty())
                m_orphans.erase(orphans);
        }
    }
    m_where.erase(at);
}

void OwnedPods::upsert(const Object &pod)
{
    const QString podKey = podKeyOf(pod);
    const auto ref = pod.controllerRef();
    if (ref && ref->kind == m_kind) {
        const auto at = m_where.constFind(podKey);
        if (at == m_where.constEnd() || at->ownerUid != ref->uid) {
            erase(podKey);
            m_where.insert(podKey, Place{ref->uid, QString()});
        }
        m_owned[ref->uid].insert(podKey, PodInfo::from(pod));
        return;
    }
    erase(podKey);
    if (ref || pod.isBeingDeleted())
        return; // another kind's pod, or one on its way out: never ours to count or adopt
    m_where.insert(podKey, Place{QString(), pod.namespace_()});
    m_orphans[pod.namespace_()].insert(podKey, pod);
}

void OwnedPods::remove(const Object &pod)
{
    erase(podKeyOf(pod));
}

const QHash<QString, PodInfo> &OwnedPods::controlledBy(const QString &ownerUid) const
{
    static const QHash<QString, PodInfo> none;
    const auto it = m_owned.constFind(ownerUid);
    return it == m_owned.constEnd() ? none : *it;
}

std::optional<bool> OwnedPods::isActive(const Object &pod) const
{
    const QString podKey = podKeyOf(pod);
    const auto at = m_where.constFind(podKey);
    if (at == m_where.constEnd() || at->ownerUid.isEmpty())
        return std::nullopt;
    const auto owned = m_owned.constFind(at->ownerUid);
    if (owned == m_owned.constEnd())
        return std::nullopt;
    const auto info = owned->constFind(podKey);
    return info == owned->constEnd() ? std::nullopt : std::optional<bool>(isPodActive(*info));
}

QList<Object> OwnedPods::orphans(const QString &namespace_) const
{
    const auto it = m_orphans.constFind(namespace_);
    return it == m_orphans.constEnd() ? QList<Object>() : it->values();
}

} // namespace kube
