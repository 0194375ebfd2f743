#pragma once
// VolumeBinding: upstream's plugin of that name, as far as this scheduler needs it — a pod whose
// PersistentVolumeClaims are missing, being deleted or not yet bound is not placed anywhere:
//   persistentvolumeclaim "data" not found
//   persistentvolumeclaim "data" is being deleted
//   pod has unbound immediate PersistentVolumeClaims
//   node(s) didn't find available persistent volumes to bind   (WaitForFirstConsumer claims,
//                                                                until the PV controller binds them)
// (upstream rejects in PreFilter, so its FailedScheduling text lacks the per-node count ours has:
// "0/1 nodes are available: 1 pod has unbound immediate PersistentVolumeClaims. …").
// Volumes are not topology-constrained here, so a bound claim fits every node.
//
// The claims come from a ClaimLookup. The scheduler's filters see only the pod and the node, so
// the component that watches claims (the PV controller, on the controllers' thread) installs
// the lookup for its thread with ScopedClaimLookup; on a thread without one every pod passes,
// as with a scheduler that lacks the plugin. checkPodClaims() itself is pure.
//
// Thread affinity: the lookup is per thread. Cost: pods without claims cost one byte search;
// others one parse of the pod plus a lookup per claim.

#include "filters.h"
#include "nodeinfo.h"
#include "podinfo.h"

#include <functional>

namespace kube::scheduler {

enum class ClaimState { Missing, Deleting, Unbound, UnboundWaitForFirstConsumer, Bound };

// The state of claim `name` in namespace `ns`.
using ClaimLookup = std::function<ClaimState(const QString &ns, const QString &name)>;

namespace volumereason {
inline constexpr auto UnboundImmediate = "pod has unbound immediate PersistentVolumeClaims";
inline constexpr auto BindConflict = "node(s) didn't find available persistent volumes to bind";
} // namespace volumereason

FilterStatus checkPodClaims(const PodInfo &pod, const ClaimLookup &lookup);

// The filter runFilters() calls: checkPodClaims with this thread's lookup.
FilterStatus filterVolumeBinding(const PodInfo &pod, const NodeInfo &node);

// The lookup installed for the calling thread (empty when none): a component that runs the
// scheduler on another thread installs the same lookup there (it must read thread-safe caches).
ClaimLookup currentClaimLookup();

// Installs lookup for the calling thread while it lives (the previous one comes back after).
class ScopedClaimLookup
{
public:
    explicit ScopedClaimLookup(ClaimLookup lookup);
    ~ScopedClaimLookup();
    ScopedClaimLookup(const ScopedClaimLookup &) = delete;
    ScopedClaimLookup &operator=(const ScopedClaimLookup &) = delete;

private:
    ClaimLookup m_previous;
};

} // namespace kube::scheduler
