#pragma once
// PodInfo: what controllers read from a Pod (phase, node, readiness and since when, restarts),
// extracted once from its bytes; the predicates upstream's controller utilities define on it
// (IsPodActive, IsPodReady, IsPodAvailable) and the order in which surplus pods are deleted
// (ActivePods: unscheduled, pending, not ready, recently ready, restarting, newest first).
// Plain value types and functions; any thread. PodInfo::from reads the fields in one simdjson
// on-demand pass over the pod's bytes (no JSON tree): controllers call it for every pod of a
// set on every sync.

#include "kube/api/object.h"

#include <QDateTime>
#include <QList>

namespace kube {

struct PodInfo {
    Object object;
    QString name;
    QString nodeName;
    QString phase;          // Pending, Running, Succeeded, Failed, Unknown ("" counts as Pending)
    bool ready = false;     // condition Ready=True
    QDateTime readySince;   // that condition's lastTransitionTime
    int restarts = 0;       // summed over containers
    QDateTime created;
    bool deleting = false;

    static PodInfo from(const Object &pod);
};

// Not finished and not being deleted.
bool isPodActive(const PodInfo &pod);
// Ready for at least minReadySeconds at `now`.
bool isPodAvailable(const PodInfo &pod, int minReadySeconds, const QDateTime &now);
// Most deletable first (upstream controller.ActivePods ordering).
void sortForDeletion(QList<PodInfo> &pods);

} // namespace kube
