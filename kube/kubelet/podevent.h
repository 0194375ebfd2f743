#pragma once
// PodEvent: one event the simulated kubelet records about a pod (the driver turns it into a
// core/v1 Event with source.component "kubelet"). Plain value type.

#include <QDateTime>
#include <QString>

namespace kube::kubelet {

struct PodEvent {
    QDateTime time;
    QString type;      // "Normal" or "Warning"
    QString reason;    // "Pulling", "Pulled", "Created", "Started", "Killing", "Unhealthy", "BackOff", "Failed"
    QString message;   // upstream wording
    QString fieldPath; // involvedObject.fieldPath: "spec.containers{nginx}"; empty for the pod
};

} // namespace kube::kubelet
