#pragma once
// Which run of a CronJob is due, and which were missed (upstream pkg/controller/cronjob
// utils.go mostRecentScheduleTime, nextScheduleTimeDuration). A CronJob starts at most one Job
// per sync: the most recent activation in (earliest, now], where earliest is the last schedule
// time (or the CronJob's creation), raised to now − startingDeadlineSeconds when that is set.
// Older activations in the window are missed; more than 100 of them is "many", which the
// controller reports as TooManyMissedTimes.
//
// Pure functions over the schedule and times; any thread. Cost: a few CronSchedule::next()
// calls (the count of missed runs is estimated from the interval, not enumerated).

#include "kube/api/cronschedule.h"

#include <QDateTime>

#include <optional>

namespace kube {

enum class MissedSchedules { None, Few, Many };

struct ScheduleWindow {
    QDateTime earliest;                   // last schedule time, creation, or the starting deadline
    std::optional<QDateTime> mostRecent;  // the latest activation in (earliest, now]
    MissedSchedules missed = MissedSchedules::None;
    // Set when two activations are less than a second apart, i.e. never come ("0 0 30 2 *"):
    // "time difference between two schedules is less than 1 second".
    QString error;
};

struct ScheduleInputs {
    QDateTime creationTimestamp;
    std::optional<QDateTime> lastScheduleTime;
    std::optional<qint64> startingDeadlineSeconds;
};

// mostRecentScheduleTime; the starting deadline counts only when includeStartingDeadline.
ScheduleWindow mostRecentScheduleTime(const CronSchedule &schedule, const ScheduleInputs &inputs, const QDateTime &now,
                                      bool includeStartingDeadline);

// nextScheduleTimeDuration: milliseconds from now until 100 ms after the next activation that
// follows the window; nullopt when the schedule never fires again.
std::optional<qint64> nextScheduleDelayMs(const CronSchedule &schedule, const ScheduleInputs &inputs, const QDateTime &now);

// The run name suffix: the scheduled time in minutes since the epoch (getTimeHashInMinutes).
qint64 scheduledTimeInMinutes(const QDateTime &scheduled);

} // namespace kube
