#include "cronjobplan.h"

#include "kube/api/cronschedule.h"
#include "missedschedules.h"

#include "kube/api/clock.h"
#include "kube/api/namevalidation.h"

#include <QJsonArray>
#include <QLocale>

namespace kube {

using validation::goQuoted;

namespace {

// The status under construction: status.active kept as a list while the plan edits it.
class ActiveList
{
public:
    explicit ActiveList(const QJsonObject &status) : m_refs(status.value(u"active").toArray()) {}

    bool hasUid(const QString &uid) const { return indexOf(u"uid", uid) >= 0; }
    bool hasName(const QString &name) const { return indexOf(u"name", name) >= 0; }
    bool isEmpty() const { return m_refs.isEmpty(); }
    const QJsonArray &refs() const { return m_refs; }
    void removeUid(const QString &uid)
    {
        for (qsizetype i = indexOf(u"uid", uid); i >= 0; i = indexOf(u"uid", uid))
            m_refs.removeAt(i);
    }
    void writeTo(QJsonObject &status) const
    {
        if (m_refs.isEmpty())
            status.remove(u"active"); // upstream's empty slice is omitted
        else
            status.insert(u"active", m_refs);
    }

private:
    qsizetype indexOf(QStringView key, const QString &value) const
    {
        for (qsizetype i = 0; i < m_refs.size(); ++i)
            if (m_refs.at(i).toObject().value(key).toString() == value)
                return i;
        return -1;
    }
    QJsonArray m_refs;
};

CronJobEvent normal(const QString &reason, const QString &message)
{
    return {false, reason, message};
}

CronJobEvent warning(const QString &reason, const QString &message)
{
    return {true, reason, message};
}

// Go's time.RFC1123Z: "Mon, 02 Jan 2006 15:04:05 -0700", here always in UTC.
QString rfc1123z(const QDateTime &time)
{
    return QLocale::c().toString(time.toUTC(), u"ddd, dd MMM yyyy HH:mm:ss"_qs) + u" +0000"_qs;
}

// The Jobs' part of the sync: finished Jobs leave status.active, successes move
// lastSuccessfulTime, Jobs of ours that status forgot are reported, vanished ones dropped.
void reconcileJobs(const QList<ChildJob> &jobs, const QSet<QString> &goneActiveUids, ActiveList &active,
                   QJsonObject &status, CronJobPlan &plan)
{
    QSet<QString> children;
    for (const ChildJob &job : jobs) {
        children.insert(job.uid);
        const bool found = active.hasUid(job.uid);
        if (!found && job.finished == ChildJob::Finished::No) {
            plan.events.append(warning(u"UnexpectedJob"_qs, u"Saw a job that the controller did not create or forgot: "_qs + job.name));
            continue;
        }
        if (job.finished == ChildJob::Finished::No)
            continue;
        if (found) {
            active.removeUid(job.uid);
            const QString condition = job.finished == ChildJob::Finished::Complete ? u"Complete"_qs : u"Failed"_qs;
            plan.events.append(normal(u"SawCompletedJob"_qs, u"Saw completed job: %1, condition: %2"_qs.arg(job.name, condition)));
        }
        if (job.finished == ChildJob::Finished::Complete && job.completionTime.isValid()) {
            const QDateTime last = parseKubeTime(status.value(u"lastSuccessfulTime"));
            if (!last.isValid() || job.completionTime > last)
                status.insert(u"lastSuccessfulTime", formatKubeTime(job.completionTime));
        }
    }
    for (const QJsonValue &ref : QJsonArray(active.refs())) {
        const QJsonObject r = ref.toObject();
        const QString uid = r.value(u"uid").toString();
        if (children.contains(uid) || !goneActiveUids.contains(uid))
            continue;
        plan.events.append(normal(u"MissingJob"_qs, u"Active job went missing: "_qs + r.value(u"name").toString()));
        active.removeUid(uid);
    }
}

} // namespace

CronJobPlan planCronJobSync(const CronJobInfo &cronJob, const QList<ChildJob> &jobs, const QSet<QString> &goneActiveUids,
                            const QDateTime &now)
{
    CronJobPlan plan;
    QJsonObject status = cronJob.status;
    ActiveList active(status);
    const auto finish = [&]() -> CronJobPlan & {
        active.writeTo(status);
        plan.status = status;
        return plan;
    };

    // cleanupFinishedJobs
    if (cronJob.successfulJobsHistoryLimit || cronJob.failedJobsHistoryLimit) {
        plan.prune = jobsBeyondHistoryLimits(cronJob, jobs);
        for (const ChildJob &job : plan.prune)
            active.removeUid(job.uid);
    }
    reconcileJobs(jobs, goneActiveUids, active, status, plan);

    if (cronJob.deleting)
        return finish();
    if (cronJob.timeZone) {
        const auto zone = CronSchedule::loadLocation(*cronJob.timeZone);
        if (const QString *error = std::get_if<QString>(&zone)) {
            plan.events.append(warning(u"UnknownTimeZone"_qs, u"invalid timeZone: %1: %2"_qs.arg(goQuoted(*cronJob.timeZone), *error)));
            return finish();
        }
    }
    if (cronJob.suspend)
        return finish();
    if (cronJob.schedule.contains(u"TZ")) {
        plan.events.append(warning(u"UnsupportedSchedule"_qs,
            u"CRON_TZ or TZ used in schedule %1 is not officially supported, see "
            "https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details"_qs.arg(goQuoted(cronJob.schedule))));
    }
    const auto parsed = CronSchedule::parse(cronJob.schedule, cronJob.timeZone);
    if (const QString *error = std::get_if<QString>(&parsed)) {
        plan.events.append(warning(u"UnparseableSchedule"_qs, u"unparseable schedule: %1 : %2"_qs.arg(goQuoted(cronJob.schedule), *error)));
        return finish();
    }
    const CronSchedule &schedule = std::get<CronSchedule>(parsed);

    ScheduleInputs inputs{cronJob.created, std::nullopt, cronJob.startingDeadlineSeconds};
    const QDateTime lastScheduleTime = parseKubeTime(cronJob.status.value(u"lastScheduleTime"));
    if (lastScheduleTime.isValid())
        inputs.lastScheduleTime = lastScheduleTime;
    const ScheduleWindow window = mostRecentScheduleTime(schedule, inputs, now, true);
    if (!window.mostRecent || *window.mostRecent > now) {
        if (!window.error.isEmpty()) {
            plan.events.append(warning(u"InvalidSchedule"_qs, u"invalid schedule: %1 : %2"_qs.arg(cronJob.schedule, window.error)));
            return finish();
        }
        plan.requeueAfterMs = nextScheduleDelayMs(schedule, inputs, now);
        return finish();
    }
    const QDateTime scheduled = *window.mostRecent;
    if (window.missed == MissedSchedules::Many) {
        plan.events.append(warning(u"TooManyMissedTimes"_qs,
            u"too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew"_qs));
    }
    plan.requeueAfterMs = nextScheduleDelayMs(schedule, inputs, now);

    if (cronJob.startingDeadlineSeconds && scheduled.addSecs(*cronJob.startingDeadlineSeconds) < now) {
        plan.events.append(warning(u"MissSchedule"_qs, u"Missed scheduled time to start a job: "_qs + rfc1123z(scheduled)));
        return finish();
    }
    if (active.hasName(jobNameFor(cronJob, scheduled)) || lastScheduleTime == scheduled)
        return finish(); // this run was started already
    if (cronJob.concurrencyPolicy == u"Forbid" && !active.isEmpty()) {
        plan.events.append(normal(u"JobAlreadyActive"_qs, u"Not starting job because prior execution is running and concurrency policy is Forbid"_qs));
        return finish();
    }
    if (cronJob.concurrencyPolicy == u"Replace") {
        for (const QJsonValue &ref : active.refs()) {
            const QJsonObject r = ref.toObject();
            ChildJob victim;
            victim.name = r.value(u"name").toString();
            victim.namespace_ = r.value(u"namespace").toString(cronJob.namespace_);
            victim.uid = r.value(u"uid").toString();
            plan.replace.append(victim);
        }
        for (const ChildJob &victim : plan.replace)
            active.removeUid(victim.uid);
    }
    plan.run = scheduled;
    inputs.lastScheduleTime = scheduled;
    plan.requeueAfterMs = nextScheduleDelayMs(schedule, inputs, now);
    return finish();
}

QJsonObject statusWithRun(QJsonObject status, const Object &job, const QDateTime &scheduled)
{
    QJsonArray active = status.value(u"active").toArray();
    active.append(jobReference(job));
    status.insert(u"active", active);
    status.insert(u"lastScheduleTime", formatKubeTime(scheduled));
    return status;
}

} // namespace kube
