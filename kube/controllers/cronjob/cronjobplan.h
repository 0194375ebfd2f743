#pragma once
// One reconcile step of a CronJob decided without I/O (upstream cronjob_controllerv2.go sync,
// cleanupFinishedJobs and syncCronJob): from the CronJob, the Jobs it controls and the clock,
// which events to record, which finished Jobs to prune, which active Jobs Replace deletes,
// whether a run starts now and for which scheduled time, the status to write, and when to look
// again. The controller carries the plan out (cronjobcontroller.h) and adds the created Job to
// status.active and lastScheduleTime once the create succeeded.
//
// Events, with upstream's reasons and messages:
//   SawCompletedJob   "Saw completed job: <job>, condition: Complete|Failed"
//   UnexpectedJob     (Warning) an unfinished Job of ours missing from status.active
//   MissingJob        "Active job went missing: <job>"
//   UnknownTimeZone, UnsupportedSchedule, UnparseableSchedule, InvalidSchedule (Warning)
//   TooManyMissedTimes (Warning) more than 100 runs missed
//   MissSchedule      (Warning) "Missed scheduled time to start a job: <RFC 1123Z time>"
//   JobAlreadyActive  concurrencyPolicy Forbid and a run is still active
// (SuccessfulCreate, FailedCreate, SuccessfulDelete and FailedDelete follow the writes.)
//
// Pure function; any thread.

#include "cronjobinfo.h"

#include <QJsonObject>
#include <QList>
#include <QSet>

#include <optional>

namespace kube {

struct CronJobEvent {
    bool warning = false;
    QString reason;
    QString message;
    friend bool operator==(const CronJobEvent &, const CronJobEvent &) = default;
};

struct CronJobPlan {
    QJsonObject status;                      // to write when it differs from the CronJob's
    QList<CronJobEvent> events;              // to record now, in order
    QList<ChildJob> prune;                   // finished Jobs beyond the history limits
    QList<ChildJob> replace;                 // Replace: active Jobs to delete before the run starts
    std::optional<QDateTime> run;            // start the run scheduled at this time
    std::optional<qint64> requeueAfterMs;    // look again then (the next activation + 100 ms)
};

// goneActiveUids: entries of status.active whose Job the API server answered NotFound for.
CronJobPlan planCronJobSync(const CronJobInfo &cronJob, const QList<ChildJob> &jobs, const QSet<QString> &goneActiveUids,
                            const QDateTime &now);

// The status after the run's Job was created: the reference appended to active and
// lastScheduleTime set to the scheduled time.
QJsonObject statusWithRun(QJsonObject status, const Object &job, const QDateTime &scheduled);

} // namespace kube
