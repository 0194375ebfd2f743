#include "persistentvolumebinder.h"

#include <algorithm>

namespace kube {

namespace {

// FindMatchingVolume over one access-mode group.
qsizetype findMatchingVolume(const ClaimInfo &claim, const QList<VolumeInfo> &volumes, const QList<qsizetype> &group,
                             bool delayBinding)
{
    qsizetype smallest = -1;
    for (qsizetype i : group) {
        const VolumeInfo &volume = volumes.at(i);
        if (volume.claimRef && !isVolumeBoundToClaim(volume, claim))
            continue;
        if (volume.capacity < claim.request)
            continue;
        if (volume.volumeMode != claim.volumeMode || volume.deleting)
            continue;
        if (isVolumeBoundToClaim(volume, claim))
            return i; // pre-bound by the user, or provisioned for this claim
        if (delayBinding)
            continue;
        // Volumes not yet Available are skipped: the controller makes them so first, and
        // binding one now would likely conflict with that write.
        if (volume.phase != u"Available")
            continue;
        if (claim.selector && !claim.selector->matches(volume.labels))
            continue;
        if (volume.storageClass != claim.storageClass)
            continue;
        if (smallest < 0 || volumes.at(smallest).capacity > volume.capacity)
            smallest = i;
    }
    return smallest;
}

} // namespace

bool isVolumeBoundToClaim(const VolumeInfo &volume, const ClaimInfo &claim)
{
    if (!volume.claimRef)
        return false;
    if (volume.claimRef->name != claim.name || volume.claimRef->namespace_ != claim.namespace_)
        return false;
    return volume.claimRef->uid.isEmpty() || volume.claimRef->uid == claim.uid;
}

qsizetype findBestMatchForClaim(const ClaimInfo &claim, const QList<VolumeInfo> &volumes, bool delayBinding)
{
    // The index's groups: one per distinct set of access modes that includes the claim's.
    QList<AccessModes> groups;
    for (const VolumeInfo &volume : volumes) {
        if (volume.accessModes.containsAll(claim.accessModes) && !groups.contains(volume.accessModes))
            groups.append(volume.accessModes);
    }
    // Fewest modes first, so the claim gets what is closest to what it asked for. Upstream
    // leaves ties in map order; ours are broken by the modes themselves, for repeatability.
    std::sort(groups.begin(), groups.end(), [](AccessModes a, AccessModes b) {
        return a.count() != b.count() ? a.count() < b.count() : a.bits() < b.bits();
    });
    for (AccessModes modes : std::as_const(groups)) {
        QList<qsizetype> group;
        for (qsizetype i = 0; i < volumes.size(); ++i) {
            if (volumes.at(i).accessModes == modes)
                group.append(i);
        }
        const qsizetype match = findMatchingVolume(claim, volumes, group, delayBinding);
        if (match >= 0)
            return match;
    }
    return -1;
}

QString checkVolumeSatisfyClaim(const VolumeInfo &volume, const ClaimInfo &claim)
{
    if (volume.deleting)
        return u"the volume is marked for deletion \"%1\""_qs.arg(volume.name);
    if (volume.capacity.value() < claim.request.value())
        return u"requested PV is too small"_qs;
    if (volume.storageClass != claim.storageClass)
        return u"storageClassName does not match"_qs;
    if (volume.volumeMode != claim.volumeMode)
        return u"incompatible volumeMode"_qs;
    if (!volume.accessModes.containsAll(claim.accessModes))
        return u"incompatible accessMode"_qs;
    return {};
}

} // namespace kube
