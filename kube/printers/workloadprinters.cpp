// Rows of the workload kinds: Deployment, ReplicaSet, ReplicationController, StatefulSet,
// DaemonSet, Job, CronJob, ControllerRevision — kube-apiserver's print handlers for them.
// Replica counts that defaulting always sets (spec.replicas = 1, a Job's completions and
// parallelism = 1) read as the default when a stored object lacks them.

#include "rowprinters.h"

namespace kube::printers {

namespace {

QJsonArray podTemplateContainers(const QJsonObject &spec)
{
    return arr(obj(obj(spec, u"template"), u"spec"), u"containers");
}

void appendContainers(QJsonArray &cells, const QJsonArray &containers)
{
    const auto [names, images] = layoutContainerCells(containers);
    cells.append(names);
    cells.append(images);
}

// hasJobCondition: the first condition of that type decides.
bool hasJobCondition(const QJsonArray &conditions, QStringView type)
{
    for (const QJsonValue &v : conditions) {
        const QJsonObject c = v.toObject();
        if (str(c, u"type") == type)
            return str(c, u"status") == u"True";
    }
    return false;
}

QString jobStatus(const QJsonObject &job)
{
    const QJsonArray conditions = arr(obj(job, u"status"), u"conditions");
    if (hasJobCondition(conditions, u"Complete"))
        return u"Complete"_qs;
    if (hasJobCondition(conditions, u"Failed"))
        return u"Failed"_qs;
    if (has(obj(job, u"metadata"), u"deletionTimestamp"))
        return u"Terminating"_qs;
    if (hasJobCondition(conditions, u"Suspended"))
        return u"Suspended"_qs;
    if (hasJobCondition(conditions, u"FailureTarget"))
        return u"FailureTarget"_qs;
    return u"Running"_qs;
}

QString jobCompletions(const QJsonObject &spec, const QJsonObject &status)
{
    const qint64 succeeded = integer(status, u"succeeded");
    // Defaulting: with neither set, completions and parallelism are 1; parallelism alone is 1.
    const bool neither = !has(spec, u"completions") && !has(spec, u"parallelism");
    if (has(spec, u"completions") || neither)
        return u"%1/%2"_qs.arg(succeeded).arg(integer(spec, u"completions", 1));
    const qint64 parallelism = integer(spec, u"parallelism", 1);
    if (parallelism > 1)
        return u"%1/1 of %2"_qs.arg(succeeded).arg(parallelism);
    return u"%1/1"_qs.arg(succeeded);
}

QString jobDuration(const QJsonObject &status, const QDateTime &now)
{
    const QDateTime start = parseTime(status.value(u"startTime"));
    if (!start.isValid())
        return QString();
    const QDateTime completion = parseTime(status.value(u"completionTime"));
    return humanDurationBetween(start, completion.isValid() ? completion : now);
}

} // namespace

Row printDeployment(const QJsonObject &object, const QDateTime &now)
{
    const QJsonObject spec = obj(object, u"spec");
    const QJsonObject status = obj(object, u"status");
    Row row;
    row.cells = {name(object),
                 u"%1/%2"_qs.arg(integer(status, u"readyReplicas")).arg(integer(spec, u"replicas", 1)),
                 integer(status, u"updatedReplicas"),
                 integer(status, u"availableReplicas"),
                 age(object, now)};
    appendContainers(row.cells, podTemplateContainers(spec));
    row.cells.append(labelSelectorString(spec.value(u"selector")));
    return row;
}

Row printReplicaSet(const QJsonObject &object, const QDateTime &now)
{
    const QJsonObject spec = obj(object, u"spec");
    const QJsonObject status = obj(object, u"status");
    Row row;
    row.cells = {name(object), integer(spec, u"replicas", 1), integer(status, u"replicas"),
                 integer(status, u"readyReplicas"), age(object, now)};
    appendContainers(row.cells, podTemplateContainers(spec));
    row.cells.append(formatLabelSelector(spec.value(u"selector")));
    return row;
}

Row printReplicationController(const QJsonObject &object, const QDateTime &now)
{
    const QJsonObject spec = obj(object, u"spec");
    const QJsonObject status = obj(object, u"status");
    Row row;
    row.cells = {name(object), integer(spec, u"replicas", 1), integer(status, u"replicas"),
                 integer(status, u"readyReplicas"), age(object, now)};
    appendContainers(row.cells, podTemplateContainers(spec));
    row.cells.append(formatLabels(spec.value(u"selector")));
    return row;
}

Row printStatefulSet(const QJsonObject &object, const QDateTime &now)
{
    const QJsonObject spec = obj(object, u"spec");
    const QJsonObject status = obj(object, u"status");
    Row row;
    row.cells = {name(object),
                 u"%1/%2"_qs.arg(integer(status, u"readyReplicas")).arg(integer(spec, u"replicas", 1)),
                 age(object, now)};
    appendContainers(row.cells, podTemplateContainers(spec));
    return row;
}

Row printDaemonSet(const QJsonObject &object, const QDateTime &now)
{
    const QJsonObject spec = obj(object, u"spec");
    const QJsonObject status = obj(object, u"status");
    Row row;
    row.cells = {name(object),
                 integer(status, u"desiredNumberScheduled"),
                 integer(status, u"currentNumberScheduled"),
                 integer(status, u"numberReady"),
                 integer(status, u"updatedNumberScheduled"),
                 integer(status, u"numberAvailable"),
                 formatLabels(obj(obj(spec, u"template"), u"spec").value(u"nodeSelector")),
                 age(object, now)};
    appendContainers(row.cells, podTemplateContainers(spec));
    row.cells.append(formatLabelSelector(spec.value(u"selector")));
    return row;
}

Row printJob(const QJsonObject &object, const QDateTime &now)
{
    const QJsonObject spec = obj(object, u"spec");
    const QJsonObject status = obj(object, u"status");
    Row row;
    row.cells = {name(object), jobStatus(object), jobCompletions(spec, status), jobDuration(status, now), age(object, now)};
    appendContainers(row.cells, podTemplateContainers(spec));
    row.cells.append(formatLabelSelector(spec.value(u"selector")));
    return row;
}

Row printCronJob(const QJsonObject &object, const QDateTime &now)
{
    const QJsonObject spec = obj(object, u"spec");
    const QJsonObject status = obj(object, u"status");
    const QJsonObject jobSpec = obj(obj(spec, u"jobTemplate"), u"spec");
    const QString lastSchedule = has(status, u"lastScheduleTime")
        ? translateTimestampSince(status.value(u"lastScheduleTime"), now)
        : u"<none>"_qs;
    const QString timeZone = has(spec, u"timeZone") ? str(spec, u"timeZone") : u"<none>"_qs;
    // spec.suspend defaults to false.
    const QString suspend = has(spec, u"suspend") ? boolPtrString(spec, u"suspend") : u"False"_qs;
    Row row;
    row.cells = {name(object), str(spec, u"schedule"), timeZone, suspend,
                 qint64(arr(status, u"active").size()), lastSchedule, age(object, now)};
    appendContainers(row.cells, podTemplateContainers(jobSpec));
    row.cells.append(formatLabelSelector(jobSpec.value(u"selector")));
    return row;
}

Row printControllerRevision(const QJsonObject &object, const QDateTime &now)
{
    // metav1.GetControllerOf, then formatResourceName(kind.group, name): "statefulset.apps/web".
    QString controller = u"<none>"_qs;
    for (const QJsonValue &v : arr(obj(object, u"metadata"), u"ownerReferences")) {
        const QJsonObject ref = v.toObject();
        if (!ref.value(u"controller").toBool(false))
            continue;
        const QString apiVersion = str(ref, u"apiVersion");
        const qsizetype slash = apiVersion.indexOf(u'/');
        const QString group = slash < 0 ? QString() : apiVersion.left(slash);
        const QString kind = str(ref, u"kind");
        QString groupKind = group.isEmpty() ? kind : kind + u'.' + group;
        controller = groupKind.isEmpty() ? str(ref, u"name") : groupKind.toLower() + u'/' + str(ref, u"name");
        break;
    }
    Row row;
    row.cells = {name(object), controller, integer(object, u"revision"), age(object, now)};
    return row;
}

} // namespace kube::printers
