#pragma once
// StatusCategory: how the console colours a status word it shows — a pod's STATUS cell
// ("Running", "CrashLoopBackOff", "Init:0/1"), a node's ("Ready,SchedulingDisabled"), a
// condition's or an event's type. Categories, not colours: the theme picks the colour, and
// screen readers and tests read the category.
//
// Pure functions; any thread. Cost: a few string comparisons.

#include <QStringView>

namespace timonel {

enum class StatusCategory {
    Neutral, // nothing to say ("ClusterIP", a name)
    Good,    // running, ready, complete, bound, active
    Pending, // on its way: pending, creating, terminating, init containers running
    Warning, // needs a look: not ready, unknown, lost, back-off waiting to retry, Warning events
    Error,   // failed: errors, crash loops, image pull failures, evictions, OOMKilled
};

// The category of one status text as kubectl prints it. Comma-separated lists (node status)
// take their worst member.
StatusCategory statusCategory(QStringView status);

// The worse of two categories (Error > Warning > Pending > Good > Neutral).
StatusCategory worse(StatusCategory a, StatusCategory b);

} // namespace timonel
