#pragma once
// Which PersistentVolume a claim gets (upstream persistentVolumeOrderedIndex.findByClaim and
// component-helpers' FindMatchingVolume): volumes are grouped by their set of access modes;
// the groups whose modes include all the claim asks for are searched fewest modes first, and in
// each group a volume pre-bound to the claim (claimRef naming it) wins, else the smallest
// Available one with the claim's class, volume mode, enough capacity and labels its selector
// matches, not bound elsewhere and not being deleted.
//
// Pure functions; any thread. findBestMatchForClaim is O(volumes).

#include "volumeinfo.h"

#include <QList>
#include <QString>

namespace kube {

// IsVolumeBoundToClaim: claimRef names the claim (and its uid, when the ref has one).
bool isVolumeBoundToClaim(const VolumeInfo &volume, const ClaimInfo &claim);

// The index in volumes of the best match, or -1. delayBinding (WaitForFirstConsumer before a
// consumer exists): only volumes pre-bound to the claim match.
qsizetype findBestMatchForClaim(const ClaimInfo &claim, const QList<VolumeInfo> &volumes, bool delayBinding = false);

// checkVolumeSatisfyClaim, for a claim that names its volume: empty when the volume fits,
// else upstream's reason ("requested PV is too small", "storageClassName does not match",
// "incompatible volumeMode", "incompatible accessMode", "the volume is marked for deletion…").
QString checkVolumeSatisfyClaim(const VolumeInfo &volume, const ClaimInfo &claim);

} // namespace kube
