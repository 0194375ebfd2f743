#include "statefulsetclaims.h"

namespace kube::statefulset {

namespace {

bool hasOwner(const QJsonArray &refs, const QString &uid)
{
    if (uid.isEmpty())
        return false;
    for (const auto &r : refs) {
        if (r.toObject().value(u"uid").toString() == uid)
            return true;
    }
    return false;
}

QJsonArray withOwner(QJsonArray refs, const ClaimOwner &owner)
{
    if (owner.uid.isEmpty() || hasOwner(refs, owner.uid))
        return refs;
    refs.append(QJsonObject{{u"apiVersion"_qs, owner.apiVersion}, {u"kind"_qs, owner.kind}, {u"name"_qs, owner.name}, {u"uid"_qs, owner.uid}});
    return refs;
}

QJsonArray withoutOwner(const QJsonArray &refs, const QString &uid)
{
    if (!hasOwner(refs, uid))
        return refs;
    QJsonArray kept;
    for (const auto &r : refs) {
        if (r.toObject().value(u"uid").toString() != uid)
            kept.append(r);
    }
    return kept;
}

} // namespace

ClaimRetentionPolicy ClaimRetentionPolicy::from(const QJsonObject &setSpec)
{
    const QJsonObject policy = setSpec.value(u"persistentVolumeClaimRetentionPolicy").toObject();
    return {policy.value(u"whenDeleted").toString() == u"Delete", policy.value(u"whenScaled").toString() == u"Delete"};
}

QJsonArray claimOwnerReferences(const QJsonArray &current, const ClaimRetentionPolicy &policy, const ClaimOwner &set,
                                const ClaimOwner &pod, bool podScaledDown)
{
    // The set owns in-range claims when deletion of the set deletes them, unless the pod owns
    // the claim of a scaled-down member (whenScaled Delete).
    const bool podOwns = policy.deleteWhenScaled && podScaledDown;
    const bool setOwns = policy.deleteWhenDeleted && !podOwns;
    QJsonArray refs = setOwns ? withOwner(current, set) : withoutOwner(current, set.uid);
    return podOwns ? withOwner(refs, pod) : withoutOwner(refs, pod.uid);
}

bool claimIsStale(const QJsonArray &ownerReferences, const ClaimRetentionPolicy &policy, const QString &podName,
                  const QString &podUid)
{
    if (!policy.deleteWhenScaled)
        return false; // claims are meant to be reused
    for (const auto &r : ownerReferences) {
        const QJsonObject ref = r.toObject();
        if (ref.value(u"name").toString() == podName && ref.value(u"uid").toString() != podUid)
            return true;
    }
    return false;
}

} // namespace kube::statefulset
