#pragma once
// PodInfo: what the scheduler needs of a pod, parsed once from its JSON — effective requests
// (upstream's resource.PodRequests: max(sum of app containers + sidecars, largest init step) +
// overhead), the non-zero requests scoring uses (100m CPU / 200Mi memory for a container that
// requests none), host ports, tolerations, node selector and affinity, controller owner, priority.
//
// Immutable after fromObject(); shared between the scheduler and the cache through
// PodInfoPtr. Usable from any thread. fromObject() costs one JSON parse of the pod.

#include "hostport.h"
#include "nodeselector.h"
#include "resources.h"
#include "taints.h"

#include "kube/api/labels.h"
#include "kube/api/object.h"

#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace kube::scheduler {

// upstream's schedutil.DefaultMilliCPURequest and DefaultMemoryRequest.
inline constexpr qint64 DefaultMilliCpuRequest = 100;
inline constexpr qint64 DefaultMemoryRequest = 200 * 1024 * 1024;

struct PodInfo {
    Object object;
    QString key;       // "namespace/name": the cache's identity of the pod
    QString namespace_;
    QString name;
    QString uid;
    QString nodeName;  // spec.nodeName; empty while pending
    QString phase;     // status.phase
    Labels labels;
    QString controllerUid; // the controller owner's uid, for spreading; empty when none
    int priority = 0;
    bool preemptionNever = false; // spec.preemptionPolicy: Never

    Resources requests;        // for fit
    Resources nonZeroRequests; // cpu and memory only, with defaults, for scoring
    QList<HostPort> hostPorts;
    QList<Toleration> tolerations;
    Labels nodeSelector; // spec.nodeSelector
    std::optional<NodeSelector> requiredNodeAffinity;
    QList<PreferredSchedulingTerm> preferredNodeAffinity;

    bool isTerminal() const { return phase == u"Succeeded" || phase == u"Failed"; }

    static std::shared_ptr<const PodInfo> fromObject(const Object &pod);
};

using PodInfoPtr = std::shared_ptr<const PodInfo>;

} // namespace kube::scheduler
