#include "cronjobcontroller.h"

#include "cronjobinfo.h"
#include "cronjobplan.h"
#include "kube/api/cronschedule.h"
#include "missedschedules.h"

#include "kube/api/clock.h"
#include "kube/cache/sharedinformer.h"
#include "kube/client/restclient.h"
#include "kube/controllers/eventrecorder.h"

#include <QJsonArray>
#include <QPointer>

namespace kube {

namespace {

GroupVersionResource cronJobsResource() { return {u"batch"_qs, u"v1"_qs, u"cronjobs"_qs}; }
GroupVersionResource jobsResource() { return {u"batch"_qs, u"v1"_qs, u"jobs"_qs}; }

// A timer further out than this is re-armed by the sync it triggers (QTimer takes int ms).
constexpr qint64 MaxRequeueMs = 24LL * 3600 * 1000;

// What one sync carries from write to write.
struct SyncRun {
    CronJobInfo cronJob;
    CronJobPlan plan;
    QJsonObject status;
    Status error;
    bool replaceFailed = false;
};

Status ignoreNotFound(const Expected<Object> &r)
{
    return r.ok() || r.error().is(reason::NotFound) ? Status() : r.error();
}

} // namespace

CronJobController::CronJobController(const ControllerContext &context, QObject *parent)
    : Controller(u"cronjob-controller"_qs, context, parent)
    , m_cronJobs(context.informer(cronJobsResource()))
    , m_jobs(context.informer(jobsResource()))
{
    ResourceEventHandler cronJobs;
    cronJobs.added = [this](const Object &o) { enqueue(o); };
    cronJobs.updated = [this](const Object &o, const Object &n) { cronJobUpdated(o, n); };
    cronJobs.deleted = [this](const Object &o, DeleteState) { enqueue(o); };
    m_cronJobs->addEventHandler(this, cronJobs);

    ResourceEventHandler jobs;
    jobs.added = [this](const Object &j) { jobChanged(j); };
    jobs.updated = [this](const Object &, const Object &j) { jobChanged(j); };
    jobs.deleted = [this](const Object &j, DeleteState) { jobChanged(j); };
    m_jobs->addEventHandler(this, jobs);
}

void CronJobController::cronJobUpdated(const Object &oldCronJob, const Object &newCronJob)
{
    const CronJobInfo before = CronJobInfo::from(oldCronJob);
    const CronJobInfo after = CronJobInfo::from(newCronJob);
    if (before.schedule == after.schedule && before.timeZone == after.timeZone) {
        enqueue(newCronJob);
        return;
    }
    // A new schedule takes effect from its next activation, not from a run it would have missed.
    const auto parsed = CronSchedule::parse(after.schedule, after.timeZone);
    if (std::holds_alternative<QString>(parsed)) {
        m_context.events->record(newCronJob, EventRecorder::Type::Warning, u"UnParseableCronJobSchedule"_qs,
                                 u"unparseable schedule for cronjob: "_qs + after.schedule, name());
        return;
    }
    ScheduleInputs inputs{after.created, std::nullopt, after.startingDeadlineSeconds};
    if (const QDateTime last = parseKubeTime(after.status.value(u"lastScheduleTime")); last.isValid())
        inputs.lastScheduleTime = last;
    const auto delay = nextScheduleDelayMs(std::get<CronSchedule>(parsed), inputs, m_context.clock->now());
    if (delay)
        enqueueAfter(queueKey(after.namespace_, after.name), std::clamp<qint64>(*delay, 0, MaxRequeueMs));
}

void CronJobController::jobChanged(const Object &job)
{
    const auto ref = job.controllerRef();
    if (!ref || ref->kind != u"CronJob")
        return;
    const std::optional<Object> owner = m_cronJobs->lister().get(job.namespace_(), ref->name);
    if (owner && owner->uid() == ref->uid)
        enqueue(*owner);
}

void CronJobController::sync(const QString &key, Done done)
{
    const auto [ns, cronJobName] = splitQueueKey(key);
    const std::optional<Object> object = m_cronJobs->lister().get(ns, cronJobName);
    if (!object) {
        m_writtenVersions.remove(key);
        done({});
        return;
    }
    if (auto written = m_writtenVersions.find(key); written != m_writtenVersions.end()) {
        bool numeric = false;
        const qint64 cached = object->resourceVersion().toLongLong(&numeric);
        if (numeric && cached < *written) {
            done({}); // our status write is on its way; its update event syncs again
            return;
        }
        m_writtenVersions.erase(written);
    }
    const CronJobInfo cronJob = CronJobInfo::from(*object);

    // getJobsToBeReconciled: every Job whose controller is this CronJob.
    QList<ChildJob> jobs;
    QSet<QString> uids;
    for (const Object &job : m_jobs->lister().list(ns)) {
        const auto ref = job.controllerRef();
        if (!ref || ref->kind != u"CronJob" || ref->name != cronJobName)
            continue;
        jobs.append(ChildJob::from(job));
        uids.insert(job.uid());
    }

    // Active Jobs the cache does not show may be too new for it: ask the API server.
    QList<QJsonObject> unseen;
    for (const QJsonValue &ref : cronJob.status.value(u"active").toArray()) {
        if (!uids.contains(ref.toObject().value(u"uid").toString()))
            unseen.append(ref.toObject());
    }
    if (unseen.isEmpty()) {
        syncWithJobs(key, cronJob, jobs, {}, std::move(done));
        return;
    }
    auto gone = std::make_shared<QSet<QString>>();
    QPointer<CronJobController> self(this);
    auto join = std::make_shared<WriteJoin>([self, key, cronJob, jobs, gone, done](const Status &status) {
        if (!self)
            return;
        if (!status.isSuccess()) {
            done(status);
            return;
        }
        self->syncWithJobs(key, cronJob, jobs, *gone, done);
    });
    for (const QJsonObject &ref : unseen) {
        auto report = join->expect();
        const QString uid = ref.value(u"uid").toString();
        m_context.client->get({jobsResource(), ns, ref.value(u"name").toString(), QString()},
            [gone, uid, report](Expected<Object> r) {
                if (!r && r.error().is(reason::NotFound))
                    gone->insert(uid);
                else if (r && r->uid() != uid)
                    gone->insert(uid); // the name now belongs to another Job
                report(ignoreNotFound(r));
            });
    }
}

void CronJobController::syncWithJobs(const QString &key, const CronJobInfo &cronJob, const QList<ChildJob> &jobs,
                                     const QSet<QString> &goneActiveUids, Done done)
{
    auto run = std::make_shared<SyncRun>();
    run->cronJob = cronJob;
    run->plan = planCronJobSync(cronJob, jobs, goneActiveUids, m_context.clock->now());
    run->status = run->plan.status;
    for (const CronJobEvent &e : run->plan.events)
        m_context.events->record(cronJob.object, e.warning ? EventRecorder::Type::Warning : EventRecorder::Type::Normal,
                                 e.reason, e.message, name());
    if (run->plan.requeueAfterMs)
        enqueueAfter(key, std::clamp<qint64>(*run->plan.requeueAfterMs, 0, MaxRequeueMs));

    QPointer<CronJobController> self(this);
    // Last step: write status when it changed, then report.
    auto writeStatus = [self, key, run, done]() {
        if (!self)
            return;
        if (run->status == run->cronJob.status) {
            done(run->error);
            return;
        }
        QJsonObject updated = run->cronJob.object.toJson();
        updated.insert(u"status", run->status);
        self->m_context.client->update({cronJobsResource(), run->cronJob.namespace_, run->cronJob.name, u"status"_qs},
            Object::fromJson(updated), [self, key, run, done](Expected<Object> r) {
                if (!self)
                    return;
                if (r) {
                    bool numeric = false;
                    const qint64 version = r->resourceVersion().toLongLong(&numeric);
                    if (numeric)
                        self->m_writtenVersions.insert(key, version);
                }
                const Status status = ignoreNotFound(r);
                done(run->error.isSuccess() ? status : run->error);
            });
    };

    // Second step: start the run, unless Replace could not remove what still runs.
    auto startRun = [self, run, writeStatus](const Status &) {
        if (!self)
            return;
        if (!run->plan.run || run->replaceFailed) {
            writeStatus();
            return;
        }
        const QDateTime scheduled = *run->plan.run;
        const Object job = Object::fromJson(jobFromTemplate(run->cronJob, scheduled));
        self->m_context.client->create({jobsResource(), run->cronJob.namespace_, QString(), QString()}, job,
            [self, run, writeStatus, scheduled, jobName = job.name()](Expected<Object> created) {
                if (!self)
                    return;
                if (created) {
                    self->m_context.events->record(run->cronJob.object, EventRecorder::Type::Normal, u"SuccessfulCreate"_qs,
                                                   u"Created job "_qs + created->name(), self->name());
                    run->status = statusWithRun(run->status, *created, scheduled);
                    writeStatus();
                    return;
                }
                if (!created.error().is(reason::AlreadyExists)) {
                    self->m_context.events->record(run->cronJob.object, EventRecorder::Type::Warning, u"FailedCreate"_qs,
                                                   u"Error creating job: "_qs + created.error().message(), self->name());
                    run->error = created.error();
                    writeStatus();
                    return;
                }
                // Created before, but status never recorded it: record it now if it is ours.
                self->m_context.client->get({jobsResource(), run->cronJob.namespace_, jobName, QString()},
                    [self, run, writeStatus, scheduled](Expected<Object> existing) {
                        if (!self)
                            return;
                        if (!existing) {
                            run->error = existing.error();
                        } else if (const auto ref = existing->controllerRef(); ref && ref->uid == run->cronJob.uid) {
                            const bool listed = [&] {
                                for (const QJsonValue &a : run->status.value(u"active").toArray())
                                    if (a.toObject().value(u"uid").toString() == existing->uid())
                                        return true;
                                return false;
                            }();
                            if (!listed)
                                run->status = statusWithRun(run->status, *existing, scheduled);
                        }
                        writeStatus();
                    });
            });
    };

    // First step: prune history and, under Replace, delete the active runs (in parallel).
    auto join = std::make_shared<WriteJoin>(startRun);
    const QJsonArray originalActive = cronJob.status.value(u"active").toArray();
    const auto remove = [&](const ChildJob &job, bool replacing) {
        auto report = join->expect();
        DeleteOptions options;
        options.propagationPolicy = PropagationPolicy::Background;
        m_context.client->remove({jobsResource(), job.namespace_.isEmpty() ? cronJob.namespace_ : job.namespace_, job.name, QString()},
            [self, run, job, replacing, originalActive, report](Expected<Object> r) {
                if (!self)
                    return;
                if (r) {
                    self->m_context.events->record(run->cronJob.object, EventRecorder::Type::Normal, u"SuccessfulDelete"_qs,
                                                   u"Deleted job "_qs + job.name, self->name());
                } else if (!r.error().is(reason::NotFound)) {
                    self->m_context.events->record(run->cronJob.object, EventRecorder::Type::Warning, u"FailedDelete"_qs,
                                                   u"Deleted job: "_qs + r.error().message(), self->name());
                    if (replacing) {
                        // Still running: it stays in status.active and no run starts.
                        run->replaceFailed = true;
                        QJsonArray active = run->status.value(u"active").toArray();
                        for (const QJsonValue &ref : originalActive)
                            if (ref.toObject().value(u"uid").toString() == job.uid)
                                active.append(ref);
                        run->status.insert(u"active", active);
                        run->error = r.error();
                    }
                }
                report({});
            }, options);
    };
    for (const ChildJob &job : run->plan.prune)
        remove(job, false);
    for (const ChildJob &job : run->plan.replace)
        remove(job, true);
}

} // namespace kube
