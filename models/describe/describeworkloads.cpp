// Workloads: what `kubectl describe` shows for Deployments, ReplicaSets, ReplicationControllers,
// StatefulSets, DaemonSets, Jobs and CronJobs — replicas, strategy, selector, conditions, and
// the pod template.

#include "describeutil.h"

namespace timonel::describe {

namespace {

QString number(const QJsonObject &o, QStringView key, qint64 fallback = 0)
{
    return QString::number(integer(o, key, fallback));
}

QString revisionOf(const QJsonObject &object)
{
    return str(obj(obj(object, u"metadata"), u"annotations"), u"deployment.kubernetes.io/revision");
}

void addJobSpecRows(QList<DescriptionRow> &rows, const QJsonObject &spec)
{
    rows.append(row(Tr::tr("Parallelism"), number(spec, u"parallelism", 1)));
    rows.append(row(Tr::tr("Completions"), has(spec, u"completions") ? number(spec, u"completions") : Tr::tr("<unset>")));
    addIfSet(rows, Tr::tr("Completion mode"), str(spec, u"completionMode"));
    rows.append(row(Tr::tr("Suspend"), spec.value(u"suspend").toBool() ? u"true"_qs : u"false"_qs));
    rows.append(row(Tr::tr("Backoff limit"), number(spec, u"backoffLimit", 6)));
    if (has(spec, u"activeDeadlineSeconds"))
        rows.append(row(Tr::tr("Active deadline seconds"), Tr::tr("%1s").arg(integer(spec, u"activeDeadlineSeconds"))));
    if (has(spec, u"ttlSecondsAfterFinished"))
        rows.append(row(Tr::tr("TTL after finished"), Tr::tr("%1s").arg(integer(spec, u"ttlSecondsAfterFinished"))));
}

} // namespace

void describeDeployment(ObjectDescription &d, const QJsonObject &object, const Context &context)
{
    const QJsonObject spec = obj(object, u"spec");
    const QJsonObject status = obj(object, u"status");
    QList<DescriptionRow> rows;
    rows.append(row(Tr::tr("Selector"), labelSelectorText(spec.value(u"selector"))));
    const qint64 unavailable = integer(status, u"unavailableReplicas");
    rows.append(row(Tr::tr("Replicas"),
                    Tr::tr("%1 desired | %2 updated | %3 total | %4 available | %5 unavailable")
                        .arg(number(spec, u"replicas", 1), number(status, u"updatedReplicas"), number(status, u"replicas"),
                             number(status, u"availableReplicas"), QString::number(unavailable)),
                    unavailable > 0 ? StatusCategory::Pending : StatusCategory::Neutral));
    const QJsonObject strategy = obj(spec, u"strategy");
    QString type = str(strategy, u"type");
    if (type.isEmpty())
        type = u"RollingUpdate"_qs;
    rows.append(row(Tr::tr("Strategy"), type));
    if (type == u"RollingUpdate") {
        const QJsonObject rolling = obj(strategy, u"rollingUpdate");
        const QString maxUnavailable = has(rolling, u"maxUnavailable") ? intOrString(rolling.value(u"maxUnavailable")) : u"25%"_qs;
        const QString maxSurge = has(rolling, u"maxSurge") ? intOrString(rolling.value(u"maxSurge")) : u"25%"_qs;
        DescriptionRow r = row(Tr::tr("Rolling update"), Tr::tr("%1 max unavailable, %2 max surge").arg(maxUnavailable, maxSurge));
        r.children.append(row(Tr::tr("Max unavailable"), maxUnavailable));
        r.children.append(row(Tr::tr("Max surge"), maxSurge));
        rows.append(r);
    }
    rows.append(row(Tr::tr("Min ready seconds"), number(spec, u"minReadySeconds")));
    addIfSet(rows, Tr::tr("Revision"), revisionOf(object));
    rows.append(row(Tr::tr("Progress deadline"), Tr::tr("%1s").arg(integer(spec, u"progressDeadlineSeconds", 600))));
    rows.append(row(Tr::tr("Revision history limit"), number(spec, u"revisionHistoryLimit", 10)));
    if (spec.value(u"paused").toBool())
        rows.append(row(Tr::tr("Paused"), u"true"_qs, StatusCategory::Pending));
    addSection(d, Tr::tr("Deployment")).rows = rows;
    addConditionsSection(d, arr(status, u"conditions"), context.now);
    appendPodTemplate(d, obj(spec, u"template"), context);
}

void describeReplicaSet(ObjectDescription &d, const QJsonObject &object, const Context &context)
{
    const QJsonObject spec = obj(object, u"spec");
    const QJsonObject status = obj(object, u"status");
    QList<DescriptionRow> rows;
    rows.append(row(Tr::tr("Selector"), labelSelectorText(spec.value(u"selector"))));
    rows.append(row(Tr::tr("Replicas"), Tr::tr("%1 current / %2 desired").arg(number(status, u"replicas"), number(spec, u"replicas", 1))));
    rows.append(row(Tr::tr("Ready"), number(status, u"readyReplicas")));
    rows.append(row(Tr::tr("Available"), number(status, u"availableReplicas")));
    addIfSet(rows, Tr::tr("Revision"), revisionOf(object));
    addSection(d, Tr::tr("Replica set")).rows = rows;
    addConditionsSection(d, arr(status, u"conditions"), context.now);
    appendPodTemplate(d, obj(spec, u"template"), context);
}

void describeReplicationController(ObjectDescription &d, const QJsonObject &object, const Context &context)
{
    const QJsonObject spec = obj(object, u"spec");
    const QJsonObject status = obj(object, u"status");
    QList<DescriptionRow> rows;
    rows.append(row(Tr::tr("Selector"), mapSelectorText(obj(spec, u"selector"))));
    rows.append(row(Tr::tr("Replicas"), Tr::tr("%1 current / %2 desired").arg(number(status, u"replicas"), number(spec, u"replicas", 1))));
    rows.append(row(Tr::tr("Ready"), number(status, u"readyReplicas")));
    rows.append(row(Tr::tr("Available"), number(status, u"availableReplicas")));
    addSection(d, Tr::tr("Replication controller")).rows = rows;
    addConditionsSection(d, arr(status, u"conditions"), context.now);
    appendPodTemplate(d, obj(spec, u"template"), context);
}

void describeStatefulSet(ObjectDescription &d, const QJsonObject &object, const Context &context)
{
    const QJsonObject spec = obj(object, u"spec");
    const QJsonObject status = obj(object, u"status");
    QList<DescriptionRow> rows;
    rows.append(row(Tr::tr("Selector"), labelSelectorText(spec.value(u"selector"))));
    rows.append(row(Tr::tr("Replicas"), Tr::tr("%1 desired | %2 total").arg(number(spec, u"replicas", 1), number(status, u"replicas"))));
    rows.append(row(Tr::tr("Ready"), number(status, u"readyReplicas")));
    rows.append(row(Tr::tr("Current"), number(status, u"currentReplicas")));
    rows.append(row(Tr::tr("Updated"), number(status, u"updatedReplicas")));
    addIfSet(rows, Tr::tr("Service name"), str(spec, u"serviceName"));
    QString policy = str(spec, u"podManagementPolicy");
    rows.append(row(Tr::tr("Pod management policy"), policy.isEmpty() ? u"OrderedReady"_qs : policy));
    const QJsonObject strategy = obj(spec, u"updateStrategy");
    QString type = str(strategy, u"type");
    DescriptionRow update = row(Tr::tr("Update strategy"), type.isEmpty() ? u"RollingUpdate"_qs : type);
    const QJsonObject rolling = obj(strategy, u"rollingUpdate");
    if (has(rolling, u"partition"))
        update.children.append(row(Tr::tr("Partition"), number(rolling, u"partition")));
    if (has(rolling, u"maxUnavailable"))
        update.children.append(row(Tr::tr("Max unavailable"), intOrString(rolling.value(u"maxUnavailable"))));
    rows.append(update);
    addIfSet(rows, Tr::tr("Current revision"), str(status, u"currentRevision"));
    addIfSet(rows, Tr::tr("Update revision"), str(status, u"updateRevision"));
    const QJsonArray claims = arr(spec, u"volumeClaimTemplates");
    if (!claims.isEmpty()) {
        DescriptionRow templates = row(Tr::tr("Volume claims"), QString::number(claims.size()));
        for (const QJsonValue &v : claims) {
            const QJsonObject claimSpec = obj(v.toObject(), u"spec");
            QString storageClass = str(claimSpec, u"storageClassName");
            if (storageClass.isEmpty())
                storageClass = Tr::tr("<default>");
            const QString size = quantityText(obj(obj(claimSpec, u"resources"), u"requests").value(u"storage"));
            templates.children.append(row(str(obj(v.toObject(), u"metadata"), u"name"),
                                          Tr::tr("%1, storage class %2, %3").arg(size, storageClass, joined(arr(claimSpec, u"accessModes"), u","))));
        }
        rows.append(templates);
    }
    addSection(d, Tr::tr("Stateful set")).rows = rows;
    addConditionsSection(d, arr(status, u"conditions"), context.now);
    appendPodTemplate(d, obj(spec, u"template"), context);
}

void describeDaemonSet(ObjectDescription &d, const QJsonObject &object, const Context &context)
{
    const QJsonObject spec = obj(object, u"spec");
    const QJsonObject status = obj(object, u"status");
    QList<DescriptionRow> rows;
    rows.append(row(Tr::tr("Selector"), labelSelectorText(spec.value(u"selector"))));
    rows.append(row(Tr::tr("Desired nodes"), number(status, u"desiredNumberScheduled")));
    rows.append(row(Tr::tr("Current nodes"), number(status, u"currentNumberScheduled")));
    rows.append(row(Tr::tr("Up-to-date nodes"), number(status, u"updatedNumberScheduled")));
    rows.append(row(Tr::tr("Available nodes"), number(status, u"numberAvailable")));
    rows.append(row(Tr::tr("Ready nodes"), number(status, u"numberReady")));
    const qint64 misscheduled = integer(status, u"numberMisscheduled");
    rows.append(row(Tr::tr("Misscheduled nodes"), QString::number(misscheduled), misscheduled > 0 ? StatusCategory::Warning : StatusCategory::Neutral));
    const QJsonObject strategy = obj(spec, u"updateStrategy");
    const QString type = str(strategy, u"type");
    DescriptionRow update = row(Tr::tr("Update strategy"), type.isEmpty() ? u"RollingUpdate"_qs : type);
    const QJsonObject rolling = obj(strategy, u"rollingUpdate");
    if (has(rolling, u"maxUnavailable"))
        update.children.append(row(Tr::tr("Max unavailable"), intOrString(rolling.value(u"maxUnavailable"))));
    if (has(rolling, u"maxSurge"))
        update.children.append(row(Tr::tr("Max surge"), intOrString(rolling.value(u"maxSurge"))));
    rows.append(update);
    rows.append(row(Tr::tr("Min ready seconds"), number(spec, u"minReadySeconds")));
    addSection(d, Tr::tr("Daemon set")).rows = rows;
    addConditionsSection(d, arr(status, u"conditions"), context.now);
    appendPodTemplate(d, obj(spec, u"template"), context);
}

void describeJob(ObjectDescription &d, const QJsonObject &object, const Context &context)
{
    const QJsonObject spec = obj(object, u"spec");
    const QJsonObject status = obj(object, u"status");
    QList<DescriptionRow> rows;
    rows.append(row(Tr::tr("Selector"), labelSelectorText(spec.value(u"selector"))));
    addJobSpecRows(rows, spec);
    addIfSet(rows, Tr::tr("Start time"), timestampText(status.value(u"startTime"), context.now));
    addIfSet(rows, Tr::tr("Completed at"), timestampText(status.value(u"completionTime"), context.now));
    const QDateTime start = parseTime(status.value(u"startTime"));
    const QDateTime end = parseTime(status.value(u"completionTime"));
    if (start.isValid() && end.isValid())
        rows.append(row(Tr::tr("Duration"), age(start, end)));
    const qint64 failed = integer(status, u"failed");
    rows.append(row(Tr::tr("Pods"),
                    Tr::tr("%1 active (%2 ready) / %3 succeeded / %4 failed")
                        .arg(number(status, u"active"), number(status, u"ready"), number(status, u"succeeded"), QString::number(failed)),
                    failed > 0 ? StatusCategory::Warning : StatusCategory::Neutral));
    addSection(d, Tr::tr("Job")).rows = rows;
    addConditionsSection(d, arr(status, u"conditions"), context.now);
    appendPodTemplate(d, obj(spec, u"template"), context);
}

void describeCronJob(ObjectDescription &d, const QJsonObject &object, const Context &context)
{
    const QJsonObject spec = obj(object, u"spec");
    const QJsonObject status = obj(object, u"status");
    QList<DescriptionRow> rows;
    rows.append(row(Tr::tr("Schedule"), str(spec, u"schedule")));
    addIfSet(rows, Tr::tr("Time zone"), str(spec, u"timeZone"));
    const QString policy = str(spec, u"concurrencyPolicy");
    rows.append(row(Tr::tr("Concurrency policy"), policy.isEmpty() ? u"Allow"_qs : policy));
    const bool suspended = spec.value(u"suspend").toBool();
    rows.append(row(Tr::tr("Suspend"), suspended ? u"true"_qs : u"false"_qs, suspended ? StatusCategory::Pending : StatusCategory::Neutral));
    rows.append(row(Tr::tr("Successful job history limit"), number(spec, u"successfulJobsHistoryLimit", 3)));
    rows.append(row(Tr::tr("Failed job history limit"), number(spec, u"failedJobsHistoryLimit", 1)));
    if (has(spec, u"startingDeadlineSeconds"))
        rows.append(row(Tr::tr("Starting deadline"), Tr::tr("%1s").arg(integer(spec, u"startingDeadlineSeconds"))));
    rows.append(row(Tr::tr("Last schedule time"), has(status, u"lastScheduleTime") ? timestampText(status.value(u"lastScheduleTime"), context.now)
                                                                                   : none()));
    addIfSet(rows, Tr::tr("Last successful time"), timestampText(status.value(u"lastSuccessfulTime"), context.now));
    DescriptionRow active = row(Tr::tr("Active jobs"), none());
    QStringList names;
    for (const QJsonValue &v : arr(status, u"active"))
        names.append(str(v.toObject(), u"name"));
    if (!names.isEmpty())
        active.value = names.join(u", ");
    rows.append(active);
    addSection(d, Tr::tr("Cron job")).rows = rows;

    const QJsonObject jobSpec = obj(obj(spec, u"jobTemplate"), u"spec");
    QList<DescriptionRow> jobRows;
    addJobSpecRows(jobRows, jobSpec);
    addSection(d, Tr::tr("Job template")).rows = jobRows;
    appendPodTemplate(d, obj(jobSpec, u"template"), context);
}

} // namespace timonel::describe
