#pragma once
// spec.persistentVolumeClaimRetentionPolicy as owner references on a member's claims (upstream
// stateful_set_utils.go claimOwnerMatchesSetAndPod / updateClaimOwnerRefForSetAndPod, KEP-1847):
//   whenDeleted Retain, whenScaled Retain  → no reference to the set or the pod: claims stay
//   whenDeleted Delete                     → the set owns the claims of members in range
//   whenScaled Delete                      → the pod owns the claim once its ordinal is out of
//                                            range (scaled down), so the garbage collector takes
//                                            the claim with the pod
// The references are plain (not controller) owner references. A claim still owned by a pod of
// the member's name but another UID is stale: the member waits for it to go before it is created
// again. Pure functions over JSON; any thread.

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace kube::statefulset {

struct ClaimRetentionPolicy {
    bool deleteWhenDeleted = false;
    bool deleteWhenScaled = false;

    // Read from a StatefulSet's spec; an absent or unknown value means Retain.
    static ClaimRetentionPolicy from(const QJsonObject &setSpec);
};

// Whom an owner reference names.
struct ClaimOwner {
    QString apiVersion; // "apps/v1" / "v1"
    QString kind;       // "StatefulSet" / "Pod"
    QString name;
    QString uid;        // empty for a pod not created yet
};

// The claim's ownerReferences as the policy wants them for the member pod; podScaledDown: the
// pod's ordinal is outside the set's range. References to other owners are kept as they are.
QJsonArray claimOwnerReferences(const QJsonArray &current, const ClaimRetentionPolicy &policy, const ClaimOwner &set,
                                const ClaimOwner &pod, bool podScaledDown);

// PodClaimIsStale: with whenScaled Delete, a reference to a pod named podName whose UID is not
// podUid (empty: the pod does not exist) means the claim belongs to a deleted member.
bool claimIsStale(const QJsonArray &ownerReferences, const ClaimRetentionPolicy &policy, const QString &podName,
                  const QString &podUid);

} // namespace kube::statefulset
