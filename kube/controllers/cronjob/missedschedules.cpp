#include "missedschedules.h"

#include <cmath>

namespace kube {

namespace {

constexpr qint64 NextScheduleDeltaMs = 100; // upstream nextScheduleDelta: NTP skew padding
constexpr qint64 ManyMissed = 100;

} // namespace

ScheduleWindow mostRecentScheduleTime(const CronSchedule &schedule, const ScheduleInputs &inputs, const QDateTime &now,
                                      bool includeStartingDeadline)
{
    ScheduleWindow window;
    window.earliest = inputs.lastScheduleTime.value_or(inputs.creationTimestamp);
    if (includeStartingDeadline && inputs.startingDeadlineSeconds) {
        const QDateTime deadline = now.addMSecs(-*inputs.startingDeadlineSeconds * 1000);
        if (deadline > window.earliest)
            window.earliest = deadline;
    }

    const QDateTime t1 = schedule.next(window.earliest);
    if (t1.isValid() && now < t1)
        return window;
    const QDateTime t2 = t1.isValid() ? schedule.next(t1) : QDateTime();
    if (t1.isValid() && (!t2.isValid() || now < t2)) {
        window.mostRecent = t1;
        return window;
    }

    // Two activations a second or less apart: robfig's zero time (never) on both sides.
    const qint64 between = t1.isValid() && t2.isValid() ? std::llround(double(t1.msecsTo(t2)) / 1000.0) : 0;
    if (between < 1) {
        window.error = u"time difference between two schedules is less than 1 second"_qs;
        return window;
    }
    // Estimate how many intervals fit since t1, step back one interval before the estimate and
    // let the schedule find the exact most recent activation (irregular schedules, @every).
    const qint64 elapsed = t1.secsTo(now);
    const qint64 missed = elapsed / between + 1;
    const QDateTime potentialEarliest = t1.addSecs((missed - 2) * between);
    for (QDateTime t = schedule.next(potentialEarliest); t.isValid() && t <= now; t = schedule.next(t))
        window.mostRecent = t;
    window.missed = missed > ManyMissed ? MissedSchedules::Many : MissedSchedules::Few;
    return window;
}

std::optional<qint64> nextScheduleDelayMs(const CronSchedule &schedule, const ScheduleInputs &inputs, const QDateTime &now)
{
    const ScheduleWindow window = mostRecentScheduleTime(schedule, inputs, now, false);
    QDateTime from = now;
    if (window.error.isEmpty()) {
        if (window.mostRecent)
            from = *window.mostRecent;
        else if (window.missed == MissedSchedules::None)
            from = window.earliest;
    }
    const QDateTime next = schedule.next(from);
    if (!next.isValid())
        return std::nullopt;
    return now.msecsTo(next) + NextScheduleDeltaMs;
}

qint64 scheduledTimeInMinutes(const QDateTime &scheduled)
{
    const qint64 seconds = scheduled.toSecsSinceEpoch();
    return seconds / 60;
}

} // namespace kube
