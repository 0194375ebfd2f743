#pragma once
// Workload readiness as the canary and blue-green wizards read it from informer caches: whether
// a Deployment has finished rolling out, since when a pod is Ready, a per-Deployment summary
// (desired / updated / ready / available replicas, restarts of its pods, its image and version
// label) and which pods a Service's Endpoints currently send traffic to.
//
// Pure functions over objects; any thread. Cost: one JSON parse per object read.

#include "kube/api/object.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace timonel {

// The label that tells the versions of one application apart (the course's convention).
inline constexpr QStringView kVersionLabel = u"version";

struct WorkloadHealth {
    QString deployment;
    QString version;    // the pod template's version label ("" when it has none)
    QString image;      // the first container's image
    int desired = 0;
    int updated = 0;
    int ready = 0;
    int available = 0;
    int pods = 0;       // pods the Deployment's selector matches that are not terminating
    int restarts = 0;   // sum of their containers' restart counts
    bool rolledOut = false;
    bool exists = false;
};

// kubectl rollout status's "successfully rolled out": the controller saw this generation and
// every replica is updated, ready and available, with no old replica left.
bool isRolledOut(const kube::Object &deployment);

// When the pod's Ready condition last became True; nullopt when it is not Ready (or terminating).
std::optional<QDateTime> readySince(const kube::Object &pod);

// pods: the pods of the Deployment's namespace (the summary selects them by its selector).
WorkloadHealth workloadHealth(const kube::Object &deployment, const QList<kube::Object> &pods);

// The names of the pods the Endpoints object lists as ready, and the number listed not ready.
QStringList readyEndpointPods(const kube::Object &endpoints);
int notReadyEndpointCount(const kube::Object &endpoints);

} // namespace timonel
