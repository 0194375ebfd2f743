#include "jobcontroller.h"

#include "indexedjob.h"
#include "jobdeadlines.h"
#include "jobsuspension.h"

#include "kube/api/clock.h"
#include "kube/cache/sharedinformer.h"
#include "kube/client/restclient.h"
#include "kube/controllers/eventrecorder.h"
#include "kube/controllers/podinfo.h"
#include "kube/controllers/replicaset/replicasetstatus.h"

#include <QJsonArray>

#include <algorithm>

namespace kube {

namespace {

GroupVersionResource jobsResource() { return {u"batch"_qs, u"v1"_qs, u"jobs"_qs}; }

// A timer further out than this is re-armed by the sync it triggers (QTimer takes int ms).
constexpr qint64 MaxRequeueMs = 24LL * 3600 * 1000;

bool hasCondition(const QJsonObject &status, const QString &type)
{
    for (const auto &c : status.value(u"conditions").toArray()) {
        const QJsonObject condition = c.toObject();
        if (condition.value(u"type").toString() == type && condition.value(u"status").toString() == u"True")
            return true;
    }
    return false;
}

QJsonObject condition(const QString &type, const QString &reason, const QString &message, const QString &now)
{
    return QJsonObject{{u"type"_qs, type}, {u"status"_qs, u"True"_qs}, {u"lastProbeTime"_qs, now},
                       {u"lastTransitionTime"_qs, now}, {u"reason"_qs, reason}, {u"message"_qs, message}};
}

Status ignoreNotFound(const Expected<Object> &r)
{
    return r.ok() || r.error().is(reason::NotFound) ? Status() : r.error();
}

} // namespace

JobController::JobController(const ControllerContext &context, QObject *parent)
    : Controller(u"job-controller"_qs, context, parent)
    , m_jobs(context.informer(jobsResource()))
    , m_pods(context.informer(gvr::pods()))
    , m_expectations(context.realClock()) // a guard against lost watch events: real time under --speed
{
    ResourceEventHandler jobs;
    jobs.added = [this](const Object &o) { enqueue(o); };
    jobs.updated = [this](const Object &, const Object &o) { enqueue(o); };
    jobs.deleted = [this](const Object &o, DeleteState) { m_expectations.forget(queueKey(o.namespace_(), o.name())); };
    m_jobs->addEventHandler(this, jobs);

    ResourceEventHandler pods;
    pods.added = [this](const Object &p) { podChanged(p, false); };
    pods.updated = [this](const Object &, const Object &p) { podChanged(p, false); };
    pods.deleted = [this](const Object &p, DeleteState) { podChanged(p, true); };
    m_pods->addEventHandler(this, pods);
}

void JobController::podChanged(const Object &pod, bool deleted)
{
    const auto ref = pod.controllerRef();
    if (!ref || ref->kind != u"Job")
        return;
    const QString key = queueKey(pod.namespace_(), ref->name);
    // Any sighting of a pod counts as its creation observed: an expectation below zero is
    // still satisfied, and a pod seen again (updated) must not hold the Job back.
    if (deleted)
        m_expectations.deletionObserved(key);
    else
        m_expectations.creationObserved(key);
    enqueue(key);
}

void JobController::requeueAt(const QString &key, const QDateTime &when)
{
    const qint64 ms = m_context.clock->now().msecsTo(when);
    enqueueAfter(key, std::clamp<qint64>(ms + 1, 0, MaxRequeueMs));
}

void JobController::syncFinished(const QString &key, const Object &job, const QJsonObject &spec, const QJsonObject &status, Done done)
{
    // ttlSecondsAfterFinished: delete the Job (foreground: its pods go first) once it expired.
    const std::optional<QDateTime> expiry = ttlExpiry(spec, status);
    if (!expiry) {
        done({});
        return;
    }
    if (m_context.clock->now() < *expiry) {
        requeueAt(key, *expiry);
        done({});
        return;
    }
    DeleteOptions options;
    options.propagationPolicy = PropagationPolicy::Foreground;
    options.preconditionUid = job.uid();
    m_context.client->remove({jobsResource(), job.namespace_(), job.name(), QString()},
                             [done](Expected<Object> r) { done(ignoreNotFound(r)); }, options);
}

void JobController::sync(const QString &key, Done done)
{
    const auto [ns, jobName] = splitQueueKey(key);
    const std::optional<Object> job = m_jobs->lister().get(ns, jobName);
    if (!job || job->isBeingDeleted()) {
        done({});
        return;
    }
    const QJsonObject json = job->toJson();
    const QJsonObject spec = json.value(u"spec").toObject();
    const QJsonObject oldStatus = json.value(u"status").toObject();
    if (hasCondition(oldStatus, u"Complete"_qs) || hasCondition(oldStatus, u"Failed"_qs)) {
        syncFinished(key, *job, spec, oldStatus, std::move(done));
        return;
    }
    const bool suspended = spec.value(u"suspend").toBool();
    const int parallelism = spec.value(u"parallelism").toInt(1);
    const bool workQueue = !spec.contains(u"completions");
    const int completions = spec.value(u"completions").toInt(1);
    const int backoffLimit = spec.value(u"backoffLimit").toInt(6);
    const bool indexed = spec.value(u"completionMode").toString() == u"Indexed" && !workQueue;
    const QDateTime nowTime = m_context.clock->now();
    const QString now = formatKubeTime(nowTime);

    QList<PodInfo> active;
    QList<int> succeededIndexes;
    int succeeded = 0;
    int failed = 0;
    for (const Object &pod : m_pods->lister().byIndex(u"ownerUid"_qs, job->uid())) {
        const auto ref = pod.controllerRef();
        if (!ref || ref->uid != job->uid())
            continue;
        PodInfo info = PodInfo::from(pod);
        if (info.phase == u"Succeeded") {
            ++succeeded;
            if (const int index = completionIndexOf(info); indexed && index >= 0 && index < completions)
                succeededIndexes.append(index);
        } else if (info.phase == u"Failed") {
            ++failed;
        } else if (!info.deleting) {
            failed += info.restarts; // restartPolicy OnFailure: restarts count against backoffLimit
            active.append(std::move(info));
        }
    }

    auto join = std::make_shared<WriteJoin>(std::move(done));
    const auto removePod = [&](const QString &podName) {
        auto report = join->expect();
        m_context.client->remove({gvr::pods(), ns, podName, QString()}, [report](Expected<Object> r) { report(ignoreNotFound(r)); });
    };

    // Indexed: each index counts once; extra pods for an index, or without one, are removed.
    CompletionIndexes completed;
    if (indexed) {
        std::sort(succeededIndexes.begin(), succeededIndexes.end());
        completed = CompletionIndexes::parse(oldStatus.value(u"completedIndexes").toString(), completions).withIndexes(succeededIndexes);
        QList<PodInfo> keep;
        for (const PodInfo &pod : podsToRemoveForIndexes(active, completions, &keep))
            removePod(pod.name);
        active = keep;
    }
    int ready = int(std::count_if(active.begin(), active.end(), [](const PodInfo &p) { return p.ready; }));

    QJsonObject status = oldStatus;
    if (!status.contains(u"startTime") && !suspended) // a suspended Job's clock has not started
        status.insert(u"startTime", now);
    QJsonArray conditions = status.value(u"conditions").toArray();

    const int completedCount = indexed ? completed.total() : succeeded;
    const std::optional<QDateTime> deadline = suspended ? std::nullopt : activeDeadline(spec, status);
    QString failureReason;
    QString failureMessage;
    if (failed > backoffLimit) {
        failureReason = u"BackoffLimitExceeded"_qs;
        failureMessage = u"Job has reached the specified backoff limit"_qs;
    } else if (deadline && nowTime >= *deadline) {
        failureReason = u"DeadlineExceeded"_qs;
        failureMessage = u"Job was active longer than specified deadline"_qs;
    } else if (deadline) {
        requeueAt(key, *deadline);
    }
    const bool complete = workQueue ? (succeeded > 0 && active.isEmpty()) : completedCount >= completions;
    if (!failureReason.isEmpty() || complete) {
        // Whatever still runs is no longer wanted.
        for (const auto &pod : active)
            removePod(pod.name);
        active.clear();
        if (!failureReason.isEmpty()) {
            conditions.append(condition(u"FailureTarget"_qs, failureReason, failureMessage, now));
            conditions.append(condition(u"Failed"_qs, failureReason, failureMessage, now));
            m_context.events->record(*job, EventRecorder::Type::Warning, failureReason, failureMessage, name());
        } else {
            conditions.append(condition(u"SuccessCriteriaMet"_qs, u"CompletionsReached"_qs, u"Reached expected number of succeeded pods"_qs, now));
            conditions.append(condition(u"Complete"_qs, u"CompletionsReached"_qs, u"Reached expected number of succeeded pods"_qs, now));
            status.insert(u"completionTime", now);
            m_context.events->record(*job, EventRecorder::Type::Normal, u"Completed"_qs, u"Job completed"_qs, name());
        }
        status.insert(u"conditions", conditions);
    } else if (m_expectations.satisfied(key) && suspended) {
        // Suspended: every active pod goes (the kubelet gives each its grace period).
        for (const auto &pod : active)
            removePod(pod.name);
        active.clear();
        ready = 0;
        const jobsuspension::Change change = jobsuspension::ensureCondition(conditions, true, now);
        if (change.changed) {
            status.insert(u"conditions", conditions);
            m_context.events->record(*job, EventRecorder::Type::Normal, change.eventReason, change.eventMessage, name());
        }
    } else if (m_expectations.satisfied(key)) {
        if (const jobsuspension::Change change = jobsuspension::ensureCondition(conditions, false, now); change.changed) {
            // Resumed: the clock (activeDeadlineSeconds) starts again from now.
            status.insert(u"conditions", conditions);
            status.insert(u"startTime", now);
            m_context.events->record(*job, EventRecorder::Type::Normal, change.eventReason, change.eventMessage, name());
        }
        const int wanted = workQueue ? (succeeded > 0 ? 0 : parallelism) : std::min(parallelism, completions - completedCount);
        const int missing = wanted - int(active.size());
        if (missing > 0) {
            const OwnerInfo owner{u"batch/v1"_qs, u"Job"_qs, jobName, job->uid(), ns};
            const QJsonObject podTemplate = spec.value(u"template").toObject();
            QList<QJsonObject> pods;
            if (indexed) {
                QList<int> activeIndexes;
                for (const PodInfo &pod : active)
                    activeIndexes.append(completionIndexOf(pod));
                for (int index : firstPendingIndexes(activeIndexes, completed, missing, completions)) {
                    QJsonObject pod = podFromTemplate(podTemplateForIndex(podTemplate, jobName, index), owner);
                    QJsonObject metadata = pod.value(u"metadata").toObject();
                    metadata.insert(u"generateName", podGenerateNameWithIndex(jobName, index));
                    pod.insert(u"metadata", metadata);
                    pods.append(pod);
                }
            } else {
                pods = QList<QJsonObject>(missing, podFromTemplate(podTemplate, owner));
            }
            m_expectations.expect(key, int(pods.size()), 0);
            for (const QJsonObject &pod : pods) {
                auto report = join->expect();
                m_context.client->create({gvr::pods(), ns, QString(), QString()}, Object::fromJson(pod),
                    [this, key, job = *job, report](Expected<Object> created) {
                        if (!created) {
                            m_expectations.creationObserved(key);
                            m_context.events->record(job, EventRecorder::Type::Warning, u"FailedCreate"_qs,
                                                     u"Error creating: "_qs + created.error().message(), name());
                            report(created.error());
                            return;
                        }
                        m_context.events->record(job, EventRecorder::Type::Normal, u"SuccessfulCreate"_qs,
                                                 u"Created pod: "_qs + created->name(), name());
                        report({});
                    });
            }
        }
    }

    const auto setCount = [&status](const char *field, int value) {
        if (value > 0)
            status.insert(QLatin1StringView(field), value);
        else
            status.remove(QLatin1StringView(field));
    };
    setCount("active", int(active.size()));
    setCount("succeeded", succeeded);
    setCount("failed", failed);
    status.insert(u"ready", ready);
    if (indexed && completed.total() > 0)
        status.insert(u"completedIndexes", completed.toString());
    else
        status.remove(u"completedIndexes");
    if (!status.contains(u"uncountedTerminatedPods"))
        status.insert(u"uncountedTerminatedPods", QJsonObject());
    status.insert(u"terminating", 0);
    if (status == oldStatus)
        return;
    QJsonObject updated = json;
    updated.insert(u"status", status);
    auto report = join->expect();
    m_context.client->update({jobsResource(), ns, jobName, u"status"_qs}, Object::fromJson(updated),
                             [report](Expected<Object> r) { report(ignoreNotFound(r)); });
}

} // namespace kube
