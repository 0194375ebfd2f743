#include "cronjobinfo.h"

#include "kube/api/cronschedule.h"
#include "missedschedules.h"

#include <QJsonArray>

#include <algorithm>
#include <cstdlib>

namespace kube {

namespace {

std::optional<qint64> optionalInteger(const QJsonObject &object, QLatin1StringView key)
{
    const QJsonValue value = object.value(key);
    if (!value.isDouble())
        return std::nullopt;
    return value.toInteger();
}

// byJobStartTime.
bool startedEarlier(const ChildJob &a, const ChildJob &b)
{
    if (a.startTime.isValid() != b.startTime.isValid())
        return a.startTime.isValid();
    if (a.startTime == b.startTime)
        return a.name < b.name;
    return a.startTime < b.startTime;
}

void appendOldest(QList<ChildJob> jobs, std::optional<int> limit, QList<ChildJob> &out)
{
    if (!limit || jobs.size() <= *limit)
        return;
    std::sort(jobs.begin(), jobs.end(), startedEarlier);
    out += jobs.mid(0, jobs.size() - std::max(0, *limit));
}

// Go's time.RFC3339 in a zone: "Z" for a zero offset, else "+01:00".
QString rfc3339In(const QDateTime &time, const QTimeZone &zone)
{
    const QDateTime local = time.toTimeZone(zone);
    const int offset = local.offsetFromUtc();
    QString text = local.toString(u"yyyy-MM-ddTHH:mm:ss"_qs);
    if (offset == 0)
        return text + u'Z';
    const int minutes = std::abs(offset) / 60;
    return text + (offset < 0 ? u'-' : u'+') + u"%1:%2"_qs.arg(minutes / 60, 2, 10, QLatin1Char('0')).arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

QDateTime parseKubeTime(const QJsonValue &value)
{
    if (!value.isString())
        return {};
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (!time.isValid())
        return {};
    return time.toUTC();
}

CronJobInfo CronJobInfo::from(const Object &cronJob)
{
    const QJsonObject json = cronJob.toJson();
    const QJsonObject metadata = json.value(u"metadata").toObject();
    const QJsonObject spec = json.value(u"spec").toObject();
    CronJobInfo info;
    info.object = cronJob;
    info.name = cronJob.name();
    info.namespace_ = cronJob.namespace_();
    info.uid = cronJob.uid();
    info.created = parseKubeTime(metadata.value(u"creationTimestamp"));
    info.deleting = cronJob.isBeingDeleted();
    info.schedule = spec.value(u"schedule").toString();
    if (spec.value(u"timeZone").isString())
        info.timeZone = spec.value(u"timeZone").toString();
    info.suspend = spec.value(u"suspend").toBool();
    info.concurrencyPolicy = spec.value(u"concurrencyPolicy").toString(u"Allow"_qs);
    info.startingDeadlineSeconds = optionalInteger(spec, QLatin1StringView("startingDeadlineSeconds"));
    if (const auto limit = optionalInteger(spec, QLatin1StringView("successfulJobsHistoryLimit")))
        info.successfulJobsHistoryLimit = int(*limit);
    if (const auto limit = optionalInteger(spec, QLatin1StringView("failedJobsHistoryLimit")))
        info.failedJobsHistoryLimit = int(*limit);
    info.jobTemplate = spec.value(u"jobTemplate").toObject();
    info.status = json.value(u"status").toObject();
    return info;
}

ChildJob ChildJob::from(const Object &job)
{
    const QJsonObject status = job.toJson().value(u"status").toObject();
    ChildJob info;
    info.object = job;
    info.name = job.name();
    info.namespace_ = job.namespace_();
    info.uid = job.uid();
    info.startTime = parseKubeTime(status.value(u"startTime"));
    info.completionTime = parseKubeTime(status.value(u"completionTime"));
    for (const QJsonValue &c : status.value(u"conditions").toArray()) {
        const QJsonObject condition = c.toObject();
        if (condition.value(u"status").toString() != u"True")
            continue;
        const QString type = condition.value(u"type").toString();
        if (type == u"Complete" || type == u"Failed") {
            info.finished = type == u"Complete" ? Finished::Complete : Finished::Failed;
            break;
        }
    }
    return info;
}

QString jobNameFor(const CronJobInfo &cronJob, const QDateTime &scheduled)
{
    return cronJob.name + u'-' + QString::number(scheduledTimeInMinutes(scheduled));
}

QJsonObject jobFromTemplate(const CronJobInfo &cronJob, const QDateTime &scheduled)
{
    const QJsonObject templateMeta = cronJob.jobTemplate.value(u"metadata").toObject();
    QJsonObject annotations = templateMeta.value(u"annotations").toObject();
    QTimeZone zone = QTimeZone::utc();
    if (const auto loaded = CronSchedule::loadLocation(cronJob.timeZone.value_or(QString())); std::holds_alternative<QTimeZone>(loaded))
        zone = std::get<QTimeZone>(loaded);
    annotations.insert(QLatin1StringView(cronjobannotation::ScheduledTimestamp), rfc3339In(scheduled, zone));

    QJsonObject metadata{
        {u"name"_qs, jobNameFor(cronJob, scheduled)},
        {u"namespace"_qs, cronJob.namespace_},
        {u"annotations"_qs, annotations},
        {u"ownerReferences"_qs, QJsonArray{QJsonObject{
             {u"apiVersion"_qs, u"batch/v1"_qs},
             {u"kind"_qs, u"CronJob"_qs},
             {u"name"_qs, cronJob.name},
             {u"uid"_qs, cronJob.uid},
             {u"controller"_qs, true},
             {u"blockOwnerDeletion"_qs, true},
         }}},
    };
    if (templateMeta.contains(u"labels"))
        metadata.insert(u"labels", templateMeta.value(u"labels"));
    return QJsonObject{
        {u"apiVersion"_qs, u"batch/v1"_qs},
        {u"kind"_qs, u"Job"_qs},
        {u"metadata"_qs, metadata},
        {u"spec"_qs, cronJob.jobTemplate.value(u"spec")},
    };
}

QJsonObject jobReference(const Object &job)
{
    return QJsonObject{
        {u"apiVersion"_qs, u"batch/v1"_qs},
        {u"kind"_qs, u"Job"_qs},
        {u"name"_qs, job.name()},
        {u"namespace"_qs, job.namespace_()},
        {u"uid"_qs, job.uid()},
        {u"resourceVersion"_qs, job.resourceVersion()},
    };
}

QList<ChildJob> jobsBeyondHistoryLimits(const CronJobInfo &cronJob, const QList<ChildJob> &jobs)
{
    QList<ChildJob> succeeded;
    QList<ChildJob> failed;
    for (const ChildJob &job : jobs) {
        if (job.finished == ChildJob::Finished::Complete)
            succeeded.append(job);
        else if (job.finished == ChildJob::Finished::Failed)
            failed.append(job);
    }
    QList<ChildJob> out;
    appendOldest(succeeded, cronJob.successfulJobsHistoryLimit, out);
    appendOldest(failed, cronJob.failedJobsHistoryLimit, out);
    return out;
}

} // namespace kube
