#pragma once
// Related objects: what the details pane's Related tab lists for one object, found through a
// lookup callback the app implements with its informer listers.
//  - owners, up the ownerReferences chain (by UID), and owned objects of the usual child kinds
//    (Deployment → ReplicaSets → Pods, CronJob → Jobs → Pods, StatefulSet/DaemonSet/Job/
//    ReplicaSet/ReplicationController → Pods);
//  - Service → Endpoints and EndpointSlices → Pods (selector match, plus endpoint targetRefs),
//    and the Ingresses that route to it;
//  - Pod → Node, the Services selecting it, the PVCs, ConfigMaps, Secrets and ServiceAccount it
//    uses; Node → the Pods on it; PVC ↔ PV, PVC → the Pods using it; Endpoints/EndpointSlice →
//    Service and Pods; Ingress → Services and TLS Secrets.
// A reference to an object the lookup does not return is listed with found = false.
//
// Pure function of its inputs; runs on the caller's thread and calls lookup there (once per
// resource and namespace). Cost: linear in what the lookups return (a byte search per pod for
// nodes and claims), plus a status summary per listed object (~20 µs for a pod), at most
// MaxRelatedPerRelation per relation.

#include "models/statuscategory.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>

namespace kube {
class Object;
}

namespace timonel {

enum class Relation {
    Owner,                 // up the ownerReferences chain
    Owned,                 // down: children, and their children (via)
    Endpoints,             // Service → Endpoints of the same name
    EndpointSlice,         // Service → EndpointSlices labelled kubernetes.io/service-name
    BackendPod,            // Service/Endpoints → the Pods behind it
    Service,               // Pod → Services selecting it; Endpoints/Ingress → Service
    Ingress,               // Service → Ingresses routing to it
    Node,                  // Pod → its node
    PodOnNode,             // Node → Pods scheduled there
    PersistentVolumeClaim, // Pod → claims it mounts; PV → its claim
    PersistentVolume,      // PVC → its volume
    MountedBy,             // PVC → Pods using it
    ConfigMap,             // Pod → config maps in volumes and env
    Secret,                // Pod → secrets in volumes, env, image pull secrets; Ingress → TLS
    ServiceAccount,        // Pod → its service account
};

// "Owner", "Owned", "Backend pod"… translated.
QString relationLabel(Relation relation);

struct RelatedObject {
    Relation relation = Relation::Owned;
    QString kind;
    QString namespace_; // empty for cluster-scoped kinds
    QString name;
    QString resource;   // "pods", "replicasets.apps", "persistentvolumes"
    QString uid;        // empty when not found
    QString via;        // "ReplicaSet/web-7d9f8b6c5" for a grandchild or an owner's owner
    QString status;     // summarizeStatus(), or "Missing" when not found
    StatusCategory category = StatusCategory::Neutral;
    bool found = true;
    // > 0: not an object but a placeholder ("… 120 more") for this many more objects of the
    // relation, left out beyond MaxRelatedPerRelation; kind is empty and found false.
    int omitted = 0;

    friend bool operator==(const RelatedObject &, const RelatedObject &) = default;
};

// Returns the objects of a resource ("pods", "replicasets.apps", "endpointslices.discovery.k8s.io",
// "nodes"…) in a namespace ("" = all namespaces, and what cluster-scoped resources get).
using RelatedLookup = std::function<QList<kube::Object>(const QString &resource, const QString &namespace_)>;

// How many objects one relation lists at most; the rest become one placeholder entry (a
// service in front of 30k pods would otherwise cost ~0.5 s of status summaries).
inline constexpr int MaxRelatedPerRelation = 500;

// now: for the status summaries (invalid = the current time).
QList<RelatedObject> findRelatedObjects(const kube::Object &object, const RelatedLookup &lookup, const QDateTime &now = {});

// The resource id of a kind ("apps/v1", "ReplicaSet" → "replicasets.apps"), from the built-in
// registry; unknown kinds get their lower-case plural guess ("widgets.example.com"). With an
// empty apiVersion the kind alone is resolved as kubectl resolves names ("Deployment" →
// "deployments.apps"; "Event" → "events", the core group first).
QString resourceIdFor(const QString &apiVersion, const QString &kind);

} // namespace timonel
