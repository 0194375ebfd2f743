// The CronJob controller's decisions without I/O: which run is due and when to look again,
// missed runs (starting deadline, more than 100 missed), concurrency policies, suspend, history
// pruning, status.active bookkeeping and the events upstream records; and the Job a run creates.
#include "kube/controllers/cronjob/cronjobinfo.h"
#include "kube/controllers/cronjob/cronjobplan.h"
#include "kube/controllers/cronjob/missedschedules.h"

#include <QJsonArray>
#include <QTest>

using namespace kube;

namespace {

QDateTime at(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs).toUTC();
}

const QString Uid = u"cj-uid"_qs;

CronJobInfo cronJob(const QString &schedule, const QJsonObject &extraSpec = {}, const QJsonObject &status = {},
                    const char *created = "2026-11-27T10:00:30Z")
{
    QJsonObject spec{
        {u"schedule"_qs, schedule},
        {u"concurrencyPolicy"_qs, u"Allow"_qs},
        {u"suspend"_qs, false},
        {u"successfulJobsHistoryLimit"_qs, 3},
        {u"failedJobsHistoryLimit"_qs, 1},
        {u"jobTemplate"_qs, QJsonObject{
            {u"metadata"_qs, QJsonObject{{u"labels"_qs, QJsonObject{{u"app"_qs, u"report"_qs}}},
                                         {u"annotations"_qs, QJsonObject{{u"team"_qs, u"ops"_qs}}}}},
            {u"spec"_qs, QJsonObject{{u"template"_qs, QJsonObject{{u"spec"_qs, QJsonObject{{u"restartPolicy"_qs, u"Never"_qs}}}}}}}}},
    };
    for (auto it = extraSpec.begin(); it != extraSpec.end(); ++it)
        spec.insert(it.key(), it.value());
    QJsonObject json{
        {u"apiVersion"_qs, u"batch/v1"_qs}, {u"kind"_qs, u"CronJob"_qs},
        {u"metadata"_qs, QJsonObject{{u"name"_qs, u"report"_qs}, {u"namespace"_qs, u"default"_qs}, {u"uid"_qs, Uid},
                                     {u"resourceVersion"_qs, u"10"_qs}, {u"creationTimestamp"_qs, QString::fromLatin1(created)}}},
        {u"spec"_qs, spec},
    };
    if (!status.isEmpty())
        json.insert(u"status", status);
    return CronJobInfo::from(Object::fromJson(json));
}

// A Job of the CronJob: finished "" (running), "Complete" or "Failed".
ChildJob job(const QString &name, const QString &finished = {}, const char *start = "2026-11-27T10:01:00Z",
             const char *completion = "2026-11-27T10:01:05Z")
{
    QJsonObject status{{u"startTime"_qs, QString::fromLatin1(start)}};
    if (!finished.isEmpty()) {
        status.insert(u"conditions", QJsonArray{QJsonObject{{u"type"_qs, finished}, {u"status"_qs, u"True"_qs},
                                                             {u"lastTransitionTime"_qs, QString::fromLatin1(completion)}}});
        if (finished == u"Complete")
            status.insert(u"completionTime", QString::fromLatin1(completion));
    }
    const QJsonObject json{
        {u"apiVersion"_qs, u"batch/v1"_qs}, {u"kind"_qs, u"Job"_qs},
        {u"metadata"_qs, QJsonObject{{u"name"_qs, name}, {u"namespace"_qs, u"default"_qs}, {u"uid"_qs, name + u"-uid"_qs},
                                     {u"resourceVersion"_qs, u"7"_qs},
                                     {u"ownerReferences"_qs, QJsonArray{QJsonObject{{u"apiVersion"_qs, u"batch/v1"_qs}, {u"kind"_qs, u"CronJob"_qs},
                                                                                     {u"name"_qs, u"report"_qs}, {u"uid"_qs, Uid}, {u"controller"_qs, true}}}}}},
        {u"status"_qs, status},
    };
    return ChildJob::from(Object::fromJson(json));
}

QJsonObject activeRef(const QString &name)
{
    return QJsonObject{{u"apiVersion"_qs, u"batch/v1"_qs}, {u"kind"_qs, u"Job"_qs}, {u"name"_qs, name},
                       {u"namespace"_qs, u"default"_qs}, {u"uid"_qs, name + u"-uid"_qs}, {u"resourceVersion"_qs, u"7"_qs}};
}

QStringList reasons(const CronJobPlan &plan)
{
    QStringList out;
    for (const CronJobEvent &e : plan.events)
        out << e.reason;
    return out;
}

QStringList names(const QList<ChildJob> &jobs)
{
    QStringList out;
    for (const ChildJob &j : jobs)
        out << j.name;
    return out;
}

} // namespace

class tst_CronJobPlan : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void notDueYetRequeuesForNextActivation();
    void dueRunStarts();
    void runAlreadyStartedIsNotRepeated();
    void suspendedStartsNothing();
    void forbidWithActiveRun();
    void allowKeepsActiveRuns();
    void replaceDeletesActiveRuns();
    void completedRunLeavesActive();
    void unexpectedAndMissingJobs();
    void historyLimitsPruneOldest();
    void startingDeadlineSkipsLateRuns();
    void manyMissedRuns();
    void invalidSchedulesAndZones();
    void deletingCronJobOnlyUpdatesStatus();
    void missedSchedulesWindow();
    void jobFromTemplateCarriesRunIdentity();
    void statusWithRunRecordsTheJob();
};

void tst_CronJobPlan::notDueYetRequeuesForNextActivation()
{
    const CronJobPlan plan = planCronJobSync(cronJob(u"*/5 * * * *"_qs), {}, {}, at("2026-11-27T10:03:00Z"));
    QVERIFY(!plan.run);
    QVERIFY(plan.events.isEmpty());
    QCOMPARE(plan.requeueAfterMs, std::optional<qint64>(2 * 60 * 1000 + 100)); // 10:05:00 + 100 ms
}

void tst_CronJobPlan::dueRunStarts()
{
    const CronJobPlan plan = planCronJobSync(cronJob(u"*/5 * * * *"_qs), {}, {}, at("2026-11-27T10:05:02Z"));
    QCOMPARE(plan.run, std::optional<QDateTime>(at("2026-11-27T10:05:00Z")));
    QVERIFY(plan.events.isEmpty());
    // The next look is at 10:10:00.100, counted from the run just started.
    QCOMPARE(plan.requeueAfterMs, std::optional<qint64>(4 * 60 * 1000 + 58 * 1000 + 100));
    QCOMPARE(jobNameFor(cronJob(u"*/5 * * * *"_qs), *plan.run), u"report-%1"_qs.arg(at("2026-11-27T10:05:00Z").toSecsSinceEpoch() / 60));
}

void tst_CronJobPlan::runAlreadyStartedIsNotRepeated()
{
    const QJsonObject status{{u"lastScheduleTime"_qs, u"2026-11-27T10:05:00Z"_qs}};
    const CronJobPlan plan = planCronJobSync(cronJob(u"*/5 * * * *"_qs, {}, status), {}, {}, at("2026-11-27T10:06:00Z"));
    QVERIFY(!plan.run);
    QCOMPARE(plan.requeueAfterMs, std::optional<qint64>(4 * 60 * 1000 + 100));
}

void tst_CronJobPlan::suspendedStartsNothing()
{
    const CronJobPlan plan = planCronJobSync(cronJob(u"*/5 * * * *"_qs, {{u"suspend"_qs, true}}), {}, {}, at("2026-11-27T10:05:02Z"));
    QVERIFY(!plan.run);
    QVERIFY(!plan.requeueAfterMs); // resuming is an update, which syncs again
}

void tst_CronJobPlan::forbidWithActiveRun()
{
    const QJsonObject status{{u"active"_qs, QJsonArray{activeRef(u"report-1"_qs)}}, {u"lastScheduleTime"_qs, u"2026-11-27T10:00:00Z"_qs}};
    const CronJobInfo cj = cronJob(u"*/5 * * * *"_qs, {{u"concurrencyPolicy"_qs, u"Forbid"_qs}}, status);
    const CronJobPlan plan = planCronJobSync(cj, {job(u"report-1"_qs)}, {}, at("2026-11-27T10:05:01Z"));
    QVERIFY(!plan.run);
    QCOMPARE(reasons(plan), QStringList{u"JobAlreadyActive"_qs});
    QCOMPARE(plan.events.first().message, u"Not starting job because prior execution is running and concurrency policy is Forbid"_qs);
    QVERIFY(!plan.events.first().warning);
    QCOMPARE(plan.status.value(u"active").toArray().size(), 1);

    // Once that run completed, the next activation starts.
    const CronJobPlan after = planCronJobSync(cj, {job(u"report-1"_qs, u"Complete"_qs)}, {}, at("2026-11-27T10:05:01Z"));
    QVERIFY(after.run);
    QCOMPARE(reasons(after), QStringList{u"SawCompletedJob"_qs});
}

void tst_CronJobPlan::allowKeepsActiveRuns()
{
    const QJsonObject status{{u"active"_qs, QJsonArray{activeRef(u"report-1"_qs)}}, {u"lastScheduleTime"_qs, u"2026-11-27T10:00:00Z"_qs}};
    const CronJobPlan plan = planCronJobSync(cronJob(u"*/5 * * * *"_qs, {}, status), {job(u"report-1"_qs)}, {}, at("2026-11-27T10:05:01Z"));
    QVERIFY(plan.run);
    QVERIFY(plan.replace.isEmpty());
    QCOMPARE(plan.status.value(u"active").toArray(), QJsonArray{activeRef(u"report-1"_qs)});
}

void tst_CronJobPlan::replaceDeletesActiveRuns()
{
    const QJsonObject status{{u"active"_qs, QJsonArray{activeRef(u"report-1"_qs)}}, {u"lastScheduleTime"_qs, u"2026-11-27T10:00:00Z"_qs}};
    const CronJobInfo cj = cronJob(u"*/5 * * * *"_qs, {{u"concurrencyPolicy"_qs, u"Replace"_qs}}, status);
    const CronJobPlan plan = planCronJobSync(cj, {job(u"report-1"_qs)}, {}, at("2026-11-27T10:05:01Z"));
    QVERIFY(plan.run);
    QCOMPARE(names(plan.replace), QStringList{u"report-1"_qs});
    QCOMPARE(plan.replace.first().uid, u"report-1-uid"_qs);
    QVERIFY(!plan.status.contains(u"active"));
}

void tst_CronJobPlan::completedRunLeavesActive()
{
    const QJsonObject status{{u"active"_qs, QJsonArray{activeRef(u"report-1"_qs), activeRef(u"report-2"_qs)}},
                             {u"lastScheduleTime"_qs, u"2026-11-27T10:00:00Z"_qs},
                             {u"lastSuccessfulTime"_qs, u"2026-11-27T09:00:00Z"_qs}};
    const CronJobPlan plan = planCronJobSync(cronJob(u"*/5 * * * *"_qs, {}, status),
                                             {job(u"report-1"_qs, u"Complete"_qs), job(u"report-2"_qs, u"Failed"_qs)}, {},
                                             at("2026-11-27T10:02:00Z"));
    QCOMPARE(reasons(plan), (QStringList{u"SawCompletedJob"_qs, u"SawCompletedJob"_qs}));
    QCOMPARE(plan.events.at(0).message, u"Saw completed job: report-1, condition: Complete"_qs);
    QCOMPARE(plan.events.at(1).message, u"Saw completed job: report-2, condition: Failed"_qs);
    QVERIFY(!plan.status.contains(u"active"));
    QCOMPARE(plan.status.value(u"lastSuccessfulTime").toString(), u"2026-11-27T10:01:05Z"_qs);
    QCOMPARE(plan.status.value(u"lastScheduleTime").toString(), u"2026-11-27T10:00:00Z"_qs);
}

void tst_CronJobPlan::unexpectedAndMissingJobs()
{
    const QJsonObject status{{u"active"_qs, QJsonArray{activeRef(u"gone"_qs), activeRef(u"unseen"_qs)}},
                             {u"lastScheduleTime"_qs, u"2026-11-27T10:00:00Z"_qs}};
    // "manual" runs but status does not list it; "gone" was answered NotFound; "unseen" is
    // only missing from the cache, so it stays.
    const CronJobPlan plan = planCronJobSync(cronJob(u"*/5 * * * *"_qs, {}, status), {job(u"manual"_qs)},
                                             {u"gone-uid"_qs}, at("2026-11-27T10:02:00Z"));
    QCOMPARE(reasons(plan), (QStringList{u"UnexpectedJob"_qs, u"MissingJob"_qs}));
    QCOMPARE(plan.events.at(0).message, u"Saw a job that the controller did not create or forgot: manual"_qs);
    QVERIFY(plan.events.at(0).warning);
    QCOMPARE(plan.events.at(1).message, u"Active job went missing: gone"_qs);
    QCOMPARE(plan.status.value(u"active").toArray(), QJsonArray{activeRef(u"unseen"_qs)});
}

void tst_CronJobPlan::historyLimitsPruneOldest()
{
    const QList<ChildJob> jobs{
        job(u"ok-c"_qs, u"Complete"_qs, "2026-11-27T10:03:00Z"),
        job(u"ok-a"_qs, u"Complete"_qs, "2026-11-27T10:01:00Z"),
        job(u"ok-e"_qs, u"Complete"_qs, "2026-11-27T10:05:00Z"),
        job(u"ok-b"_qs, u"Complete"_qs, "2026-11-27T10:02:00Z"),
        job(u"ok-d"_qs, u"Complete"_qs, "2026-11-27T10:04:00Z"),
        job(u"bad-b"_qs, u"Failed"_qs, "2026-11-27T10:02:00Z"),
        job(u"bad-a"_qs, u"Failed"_qs, "2026-11-27T10:01:00Z"),
        job(u"running"_qs, QString(), "2026-11-27T09:00:00Z"),
    };
    const QJsonObject status{{u"active"_qs, QJsonArray{activeRef(u"running"_qs)}}, {u"lastScheduleTime"_qs, u"2026-11-27T10:05:00Z"_qs}};
    const CronJobPlan plan = planCronJobSync(cronJob(u"*/5 * * * *"_qs, {}, status), jobs, {}, at("2026-11-27T10:06:00Z"));
    QCOMPARE(names(plan.prune), (QStringList{u"ok-a"_qs, u"ok-b"_qs, u"bad-a"_qs}));

    const CronJobPlan keepAll = planCronJobSync(cronJob(u"*/5 * * * *"_qs, {{u"successfulJobsHistoryLimit"_qs, 10}, {u"failedJobsHistoryLimit"_qs, 0}}, status),
                                                jobs, {}, at("2026-11-27T10:06:00Z"));
    QCOMPARE(names(keepAll.prune), (QStringList{u"bad-a"_qs, u"bad-b"_qs}));
}

void tst_CronJobPlan::startingDeadlineSkipsLateRuns()
{
    // The 10:05 run was missed; at 10:07:30 it is past a 60 s starting deadline: nothing starts,
    // the next look is at 10:10.
    const QJsonObject status{{u"lastScheduleTime"_qs, u"2026-11-27T10:00:00Z"_qs}};
    const CronJobInfo cj = cronJob(u"*/5 * * * *"_qs, {{u"startingDeadlineSeconds"_qs, 60}}, status);
    const CronJobPlan late = planCronJobSync(cj, {}, {}, at("2026-11-27T10:07:30Z"));
    QVERIFY(!late.run);
    QCOMPARE(late.requeueAfterMs, std::optional<qint64>(2 * 60 * 1000 + 30 * 1000 + 100));
    // Within the deadline it still starts.
    const CronJobPlan inTime = planCronJobSync(cj, {}, {}, at("2026-11-27T10:05:50Z"));
    QCOMPARE(inTime.run, std::optional<QDateTime>(at("2026-11-27T10:05:00Z")));
}

void tst_CronJobPlan::manyMissedRuns()
{
    // Down for three hours with a per-minute schedule: only the most recent run starts, and the
    // warning says to set a starting deadline.
    const QJsonObject status{{u"lastScheduleTime"_qs, u"2026-11-27T07:00:00Z"_qs}};
    const CronJobPlan plan = planCronJobSync(cronJob(u"* * * * *"_qs, {}, status), {}, {}, at("2026-11-27T10:00:30Z"));
    QCOMPARE(plan.run, std::optional<QDateTime>(at("2026-11-27T10:00:00Z")));
    QCOMPARE(reasons(plan), QStringList{u"TooManyMissedTimes"_qs});
    QVERIFY(plan.events.first().warning);
    QCOMPARE(plan.events.first().message, u"too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew"_qs);

    // A few missed: the latest starts, no warning.
    const QJsonObject recent{{u"lastScheduleTime"_qs, u"2026-11-27T09:55:00Z"_qs}};
    const CronJobPlan few = planCronJobSync(cronJob(u"* * * * *"_qs, {}, recent), {}, {}, at("2026-11-27T10:00:30Z"));
    QCOMPARE(few.run, std::optional<QDateTime>(at("2026-11-27T10:00:00Z")));
    QVERIFY(few.events.isEmpty());
}

void tst_CronJobPlan::invalidSchedulesAndZones()
{
    const CronJobPlan unparseable = planCronJobSync(cronJob(u"61 * * * *"_qs), {}, {}, at("2026-11-27T10:05:00Z"));
    QCOMPARE(reasons(unparseable), QStringList{u"UnparseableSchedule"_qs});
    QCOMPARE(unparseable.events.first().message, u"unparseable schedule: \"61 * * * *\" : end of range (61) above maximum (59): 61"_qs);
    QVERIFY(!unparseable.run && !unparseable.requeueAfterMs);

    const CronJobPlan zone = planCronJobSync(cronJob(u"* * * * *"_qs, {{u"timeZone"_qs, u"Mars/Base"_qs}}), {}, {}, at("2026-11-27T10:05:00Z"));
    QCOMPARE(reasons(zone), QStringList{u"UnknownTimeZone"_qs});
    QCOMPARE(zone.events.first().message, u"invalid timeZone: \"Mars/Base\": unknown time zone Mars/Base"_qs);

    const CronJobPlan never = planCronJobSync(cronJob(u"0 0 30 2 *"_qs), {}, {}, at("2026-11-27T10:05:00Z"));
    QCOMPARE(reasons(never), QStringList{u"InvalidSchedule"_qs});
    QCOMPARE(never.events.first().message, u"invalid schedule: 0 0 30 2 * : time difference between two schedules is less than 1 second"_qs);

    const CronJobPlan tz = planCronJobSync(cronJob(u"TZ=UTC */5 * * * *"_qs), {}, {}, at("2026-11-27T10:05:01Z"));
    QCOMPARE(reasons(tz), QStringList{u"UnsupportedSchedule"_qs});
    QVERIFY(tz.run); // still honoured
}

void tst_CronJobPlan::deletingCronJobOnlyUpdatesStatus()
{
    CronJobInfo cj = cronJob(u"*/5 * * * *"_qs, {}, {{u"active"_qs, QJsonArray{activeRef(u"report-1"_qs)}}});
    cj.deleting = true;
    const CronJobPlan plan = planCronJobSync(cj, {job(u"report-1"_qs, u"Complete"_qs)}, {}, at("2026-11-27T10:05:01Z"));
    QVERIFY(!plan.run && !plan.requeueAfterMs);
    QVERIFY(!plan.status.contains(u"active"));
}

void tst_CronJobPlan::missedSchedulesWindow()
{
    const auto parsed = CronSchedule::parse(u"0 * * * *"_qs);
    const CronSchedule &hourly = std::get<CronSchedule>(parsed);
    const ScheduleInputs created{at("2026-11-27T10:30:00Z"), std::nullopt, std::nullopt};

    ScheduleWindow w = mostRecentScheduleTime(hourly, created, at("2026-11-27T10:59:00Z"), true);
    QVERIFY(!w.mostRecent);
    QCOMPARE(w.missed, MissedSchedules::None);
    QCOMPARE(w.earliest, at("2026-11-27T10:30:00Z"));

    w = mostRecentScheduleTime(hourly, created, at("2026-11-27T11:00:00Z"), true);
    QCOMPARE(w.mostRecent, std::optional<QDateTime>(at("2026-11-27T11:00:00Z")));
    QCOMPARE(w.missed, MissedSchedules::None);

    w = mostRecentScheduleTime(hourly, created, at("2026-11-27T15:20:00Z"), true);
    QCOMPARE(w.mostRecent, std::optional<QDateTime>(at("2026-11-27T15:00:00Z")));
    QCOMPARE(w.missed, MissedSchedules::Few);

    w = mostRecentScheduleTime(hourly, created, at("2026-12-07T15:20:00Z"), true); // 245 hours
    QCOMPARE(w.mostRecent, std::optional<QDateTime>(at("2026-12-07T15:00:00Z")));
    QCOMPARE(w.missed, MissedSchedules::Many);

    // The starting deadline raises the window's start.
    const ScheduleInputs deadline{at("2026-11-27T10:30:00Z"), std::nullopt, 600};
    w = mostRecentScheduleTime(hourly, deadline, at("2026-11-27T15:20:00Z"), true);
    QVERIFY(!w.mostRecent);
    QCOMPARE(w.earliest, at("2026-11-27T15:10:00Z"));
    QCOMPARE(nextScheduleDelayMs(hourly, deadline, at("2026-11-27T15:20:00Z")), std::optional<qint64>(40 * 60 * 1000 + 100));
}

void tst_CronJobPlan::jobFromTemplateCarriesRunIdentity()
{
    const CronJobInfo cj = cronJob(u"*/5 * * * *"_qs, {{u"timeZone"_qs, u"Europe/Madrid"_qs}});
    const QDateTime scheduled = at("2026-11-27T10:05:00Z");
    const QJsonObject job = jobFromTemplate(cj, scheduled);
    const QJsonObject metadata = job.value(u"metadata").toObject();
    QCOMPARE(metadata.value(u"name").toString(), u"report-%1"_qs.arg(scheduled.toSecsSinceEpoch() / 60));
    QCOMPARE(metadata.value(u"namespace").toString(), u"default"_qs);
    QCOMPARE(metadata.value(u"labels").toObject(), (QJsonObject{{u"app"_qs, u"report"_qs}}));
    const QJsonObject annotations = metadata.value(u"annotations").toObject();
    QCOMPARE(annotations.value(u"team").toString(), u"ops"_qs);
    QCOMPARE(annotations.value(u"batch.kubernetes.io/cronjob-scheduled-timestamp").toString(), u"2026-11-27T11:05:00+01:00"_qs);
    const QJsonObject owner = metadata.value(u"ownerReferences").toArray().first().toObject();
    QCOMPARE(owner.value(u"kind").toString(), u"CronJob"_qs);
    QCOMPARE(owner.value(u"uid").toString(), Uid);
    QVERIFY(owner.value(u"controller").toBool());
    QVERIFY(owner.value(u"blockOwnerDeletion").toBool());
    QCOMPARE(job.value(u"spec").toObject(), cj.jobTemplate.value(u"spec").toObject());

    const QJsonObject utc = jobFromTemplate(cronJob(u"*/5 * * * *"_qs), scheduled);
    QCOMPARE(utc.value(u"metadata").toObject().value(u"annotations").toObject().value(u"batch.kubernetes.io/cronjob-scheduled-timestamp").toString(),
             u"2026-11-27T10:05:00Z"_qs);
}

void tst_CronJobPlan::statusWithRunRecordsTheJob()
{
    const ChildJob created = job(u"report-29412345"_qs);
    const QJsonObject status = statusWithRun(QJsonObject{{u"active"_qs, QJsonArray{activeRef(u"report-1"_qs)}}}, created.object,
                                             at("2026-11-27T10:05:00Z"));
    QCOMPARE(status.value(u"lastScheduleTime").toString(), u"2026-11-27T10:05:00Z"_qs);
    const QJsonArray active = status.value(u"active").toArray();
    QCOMPARE(active.size(), 2);
    QCOMPARE(active.at(1).toObject(), activeRef(u"report-29412345"_qs));
}

QTEST_GUILESS_MAIN(tst_CronJobPlan)
#include "tst_cronjobplan.moc"
