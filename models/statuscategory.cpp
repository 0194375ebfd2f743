#include "statuscategory.h"

#include <QStringList>

namespace timonel {

namespace {

int severity(StatusCategory c)
{
    switch (c) {
    case StatusCategory::Neutral: return 0;
    case StatusCategory::Good: return 1;
    case StatusCategory::Pending: return 2;
    case StatusCategory::Warning: return 3;
    case StatusCategory::Error: return 4;
    }
    return 0;
}

bool oneOf(QStringView s, std::initializer_list<const char *> words)
{
    for (const char *w : words) {
        if (s.compare(QLatin1StringView(w), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

StatusCategory single(QStringView s)
{
    s = s.trimmed();
    if (s.isEmpty())
        return StatusCategory::Neutral;
    if (oneOf(s, {"Running", "Ready", "Completed", "Complete", "Succeeded", "Bound", "Active", "Available", "True",
                  "Normal", "Healthy", "Deployed", "Progressing"}))
        return StatusCategory::Good;
    if (oneOf(s, {"Pending", "ContainerCreating", "PodInitializing", "Terminating", "Waiting", "Released",
                  "SchedulingDisabled", "Suspended", "pending-install", "pending-upgrade", "pending-rollback"}))
        return StatusCategory::Pending;
    // "Init:0/1" is progress; "Init:CrashLoopBackOff" or "Init:Error" is the reason that follows.
    if (s.startsWith(QLatin1StringView("Init:"), Qt::CaseInsensitive)) {
        const QStringView rest = s.mid(5);
        const bool progress = !rest.isEmpty() && rest.front().isDigit();
        return progress ? StatusCategory::Pending : worse(StatusCategory::Warning, single(rest));
    }
    if (s.startsWith(QLatin1StringView("Signal:"), Qt::CaseInsensitive) ||
        s.startsWith(QLatin1StringView("ExitCode:"), Qt::CaseInsensitive))
        return StatusCategory::Error;
    if (oneOf(s, {"CrashLoopBackOff", "Error", "Failed", "ErrImagePull", "ImagePullBackOff", "InvalidImageName",
                  "ErrImageNeverPull", "CreateContainerConfigError", "CreateContainerError", "RunContainerError",
                  "OOMKilled", "Evicted", "ContainerStatusUnknown", "DeadlineExceeded", "BackoffLimitExceeded",
                  "False", "Lost", "failed"}))
        return StatusCategory::Error;
    if (oneOf(s, {"NotReady", "Unknown", "Warning", "NodeLost", "Unschedulable", "Shutdown", "Terminated",
                  "superseded", "uninstalling"}))
        return StatusCategory::Warning;
    return StatusCategory::Neutral;
}

} // namespace

StatusCategory worse(StatusCategory a, StatusCategory b)
{
    return severity(a) >= severity(b) ? a : b;
}

StatusCategory statusCategory(QStringView status)
{
    if (!status.contains(u','))
        return single(status);
    StatusCategory result = StatusCategory::Neutral;
    for (QStringView part : status.tokenize(u','))
        result = worse(result, single(part));
    return result;
}

} // namespace timonel
