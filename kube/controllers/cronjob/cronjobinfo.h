#pragma once
// What the CronJob controller reads from a CronJob and from the Jobs it controls, extracted once
// from their JSON, and the Job a scheduled run creates (upstream getJobFromTemplate2):
//  - name "<cronjob>-<scheduled time in minutes since the epoch>", so a run is created once;
//  - the template's labels and annotations, plus batch.kubernetes.io/cronjob-scheduled-timestamp
//    (RFC 3339 in the CronJob's time zone);
//  - a controller owner reference to the CronJob that blocks its deletion;
//  - the template's spec.
// `kubectl create job --from=cronjob/x` makes the same kind of Job itself (annotation
// cronjob.kubernetes.io/instantiate: manual); the controller then counts it as one of its own.
//
// Plain value types and functions; any thread.

#include "kube/api/object.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>

#include <optional>

namespace kube {

namespace cronjobannotation {
inline constexpr auto ScheduledTimestamp = "batch.kubernetes.io/cronjob-scheduled-timestamp";
inline constexpr auto Instantiate = "cronjob.kubernetes.io/instantiate";
} // namespace cronjobannotation

struct CronJobInfo {
    Object object;
    QString name;
    QString namespace_;
    QString uid;
    QDateTime created;
    bool deleting = false;

    QString schedule;
    std::optional<QString> timeZone;
    bool suspend = false;
    QString concurrencyPolicy;                    // Allow (default), Forbid, Replace
    std::optional<qint64> startingDeadlineSeconds;
    std::optional<int> successfulJobsHistoryLimit; // defaulted to 3 by the API
    std::optional<int> failedJobsHistoryLimit;     // defaulted to 1 by the API
    QJsonObject jobTemplate;
    QJsonObject status;

    static CronJobInfo from(const Object &cronJob);
};

// A Job controlled by a CronJob.
struct ChildJob {
    enum class Finished { No, Complete, Failed };

    Object object;
    QString name;
    QString namespace_;
    QString uid;
    Finished finished = Finished::No; // the first Complete/Failed condition that is True
    QDateTime startTime;              // invalid when not started
    QDateTime completionTime;         // invalid when not complete

    static ChildJob from(const Object &job);
};

// Parses a metav1.Time; invalid when absent or malformed.
QDateTime parseKubeTime(const QJsonValue &value);

// The Job for the run scheduled at `scheduled`.
QString jobNameFor(const CronJobInfo &cronJob, const QDateTime &scheduled);
QJsonObject jobFromTemplate(const CronJobInfo &cronJob, const QDateTime &scheduled);

// An entry of status.active (an ObjectReference to the Job).
QJsonObject jobReference(const Object &job);

// The names of finished jobs beyond the history limits, oldest first (by start time, unstarted
// last, name breaking ties — upstream byJobStartTime): successful ones beyond
// successfulJobsHistoryLimit, failed ones beyond failedJobsHistoryLimit.
QList<ChildJob> jobsBeyondHistoryLimits(const CronJobInfo &cronJob, const QList<ChildJob> &jobs);

} // namespace kube
