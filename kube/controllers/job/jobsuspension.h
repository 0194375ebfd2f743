#pragma once
// Job suspension as upstream's job controller keeps it in status: the Suspended condition set
// True ("JobSuspended", "Job suspended") while spec.suspend is true, turned False ("JobResumed",
// "Job resumed") when it is resumed — never added as False to a Job that was never suspended —
// with the event the controller records for each change. The controller itself deletes a
// suspended Job's active pods, creates none, does not start its clock (status.startTime) and
// restarts it on resume, so activeDeadlineSeconds counts only time the Job was running.
//
// Pure functions of their inputs; any thread. Cost: one pass over the conditions.

#include <QJsonArray>
#include <QString>

namespace kube::jobsuspension {

struct Change {
    bool changed = false;
    QString eventReason; // "Suspended" or "Resumed" when changed
    QString eventMessage;
};

// Makes conditions say whether the Job is suspended (upstream's ensureJobConditionStatus for
// the Suspended type); now stamps a changed condition's lastProbeTime and lastTransitionTime.
Change ensureCondition(QJsonArray &conditions, bool suspended, const QString &now);

} // namespace kube::jobsuspension
