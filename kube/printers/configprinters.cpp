// Rows of configuration and policy kinds: ConfigMap, Secret, ServiceAccount, ResourceQuota,
// RoleBinding/ClusterRoleBinding, PodDisruptionBudget, HorizontalPodAutoscaler.

#include "rowprinters.h"

#include <QStringList>

#include <algorithm>

namespace kube::printers {

namespace {

// One HPA metric as formatHPAMetrics writes it (autoscaling/v2 JSON).
QString hpaMetric(const QJsonObject &spec, const QJsonObject &status, bool hasStatus)
{
    const QString type = str(spec, u"type");
    auto source = [](QStringView type) -> QString {
        if (type == u"External")
            return u"external"_qs;
        if (type == u"Pods")
            return u"pods"_qs;
        if (type == u"Object")
            return u"object"_qs;
        if (type == u"Resource")
            return u"resource"_qs;
        if (type == u"ContainerResource")
            return u"containerResource"_qs;
        return QString();
    }(type);
    if (source.isEmpty())
        return u"<unknown type>"_qs;

    const QJsonObject metric = obj(spec, source);
    const QJsonObject target = obj(metric, u"target");
    const bool statusSet = hasStatus && has(status, source);
    const QJsonObject current = obj(obj(status, source), u"current");

    if (type == u"Pods") {
        const QString now = statusSet ? quantityPtrString(current.value(u"averageValue")) : u"<unknown>"_qs;
        return u"%1/%2"_qs.arg(now, quantityPtrString(target.value(u"averageValue")));
    }
    if (type == u"External" || type == u"Object") {
        if (has(target, u"averageValue")) {
            const QString now = statusSet && has(current, u"averageValue")
                ? quantityPtrString(current.value(u"averageValue"))
                : u"<unknown>"_qs;
            return u"%1/%2 (avg)"_qs.arg(now, quantityPtrString(target.value(u"averageValue")));
        }
        const QString now = statusSet ? quantityPtrString(current.value(u"value")) : u"<unknown>"_qs;
        return u"%1/%2"_qs.arg(now, quantityPtrString(target.value(u"value")));
    }
    // Resource and ContainerResource.
    const QString resourceName = str(metric, u"name");
    if (has(target, u"averageValue")) {
        const QString now = statusSet ? quantityPtrString(current.value(u"averageValue")) : u"<unknown>"_qs;
        return u"%1: %2/%3"_qs.arg(resourceName, now, quantityPtrString(target.value(u"averageValue")));
    }
    const QString now = statusSet && has(current, u"averageUtilization")
        ? u"%1%"_qs.arg(integer(current, u"averageUtilization"))
        : u"<unknown>"_qs;
    const QString goal = has(target, u"averageUtilization") ? u"%1%"_qs.arg(integer(target, u"averageUtilization")) : u"<auto>"_qs;
    return u"%1: %2/%3"_qs.arg(resourceName, now, goal);
}

QString formatHPAMetrics(QJsonArray specs, const QJsonArray &statuses)
{
    if (specs.isEmpty())
        return u"<none>"_qs;
    constexpr int max = 2;
    QStringList list;
    for (qsizetype i = 0; i < specs.size(); ++i) {
        const bool hasStatus = i < statuses.size();
        list.append(hpaMetric(specs.at(i).toObject(), hasStatus ? statuses.at(i).toObject() : QJsonObject(), hasStatus));
    }
    const int count = int(list.size());
    if (count <= max)
        return list.join(u", ");
    return u"%1 + %2 more..."_qs.arg(list.mid(0, max).join(u", ")).arg(count - max);
}

} // namespace

Row printConfigMap(const QJsonObject &object, const QDateTime &now)
{
    Row row;
    row.cells = {name(object), mapSize(object, u"data") + mapSize(object, u"binaryData"), age(object, now)};
    return row;
}

Row printSecret(const QJsonObject &object, const QDateTime &now)
{
    // Defaulting sets type Opaque.
    const QString type = str(object, u"type").isEmpty() ? u"Opaque"_qs : str(object, u"type");
    Row row;
    row.cells = {name(object), type, mapSize(object, u"data"), age(object, now)};
    return row;
}

Row printServiceAccount(const QJsonObject &object, const QDateTime &now)
{
    Row row;
    row.cells = {name(object), qint64(arr(object, u"secrets").size()), age(object, now)};
    return row;
}

Row printResourceQuota(const QJsonObject &object, const QDateTime &now)
{
    const QJsonObject status = obj(object, u"status");
    const QJsonObject hard = obj(status, u"hard");
    const QJsonObject used = obj(status, u"used");
    QStringList resources = hard.keys();
    std::sort(resources.begin(), resources.end(), [](const QString &a, const QString &b) { return a.toUtf8() < b.toUtf8(); });
    QStringList requests;
    QStringList limits;
    for (const QString &resource : std::as_const(resources)) {
        const QString entry = u"%1: %2/%3"_qs.arg(resource, quantityString(used.value(resource)), quantityString(hard.value(resource)));
        const QStringList pieces = resource.split(u'.');
        if (pieces.size() > 1 && pieces.first() == u"limits")
            limits.append(entry);
        else
            requests.append(entry);
    }
    Row row;
    row.cells = {name(object), requests.join(u", "), limits.join(u", "), age(object, now)};
    return row;
}

Row printRoleBinding(const QJsonObject &object, const QDateTime &now)
{
    const QJsonObject roleRef = obj(object, u"roleRef");
    QStringList users;
    QStringList groups;
    QStringList serviceAccounts;
    for (const QJsonValue &v : arr(object, u"subjects")) {
        const QJsonObject subject = v.toObject();
        const QString kind = str(subject, u"kind");
        if (kind == u"ServiceAccount")
            serviceAccounts.append(str(subject, u"namespace") + u'/' + str(subject, u"name"));
        else if (kind == u"User")
            users.append(str(subject, u"name"));
        else if (kind == u"Group")
            groups.append(str(subject, u"name"));
    }
    Row row;
    row.cells = {name(object), str(roleRef, u"kind") + u'/' + str(roleRef, u"name"), age(object, now),
                 users.join(u", "), groups.join(u", "), serviceAccounts.join(u", ")};
    return row;
}

Row printPodDisruptionBudget(const QJsonObject &object, const QDateTime &now)
{
    const QJsonObject spec = obj(object, u"spec");
    const QString minAvailable = has(spec, u"minAvailable") ? intOrString(spec.value(u"minAvailable")) : u"N/A"_qs;
    const QString maxUnavailable = has(spec, u"maxUnavailable") ? intOrString(spec.value(u"maxUnavailable")) : u"N/A"_qs;
    Row row;
    row.cells = {name(object), minAvailable, maxUnavailable, integer(obj(object, u"status"), u"disruptionsAllowed"), age(object, now)};
    return row;
}

Row printHorizontalPodAutoscaler(const QJsonObject &object, const QDateTime &now)
{
    const QJsonObject spec = obj(object, u"spec");
    const QJsonObject status = obj(object, u"status");
    const QJsonObject ref = obj(spec, u"scaleTargetRef");
    // autoscaling/v2 defaulting: minReplicas 1; no metrics means CPU at 80% utilisation.
    QJsonArray metrics = arr(spec, u"metrics");
    if (metrics.isEmpty()) {
        metrics.append(QJsonObject{{u"type"_qs, u"Resource"_qs},
                                   {u"resource"_qs, QJsonObject{{u"name"_qs, u"cpu"_qs},
                                                                {u"target"_qs, QJsonObject{{u"type"_qs, u"Utilization"_qs}, {u"averageUtilization"_qs, 80}}}}}});
    }
    Row row;
    row.cells = {name(object),
                 str(ref, u"kind") + u'/' + str(ref, u"name"),
                 formatHPAMetrics(metrics, arr(status, u"currentMetrics")),
                 QString::number(integer(spec, u"minReplicas", 1)),
                 integer(spec, u"maxReplicas"),
                 integer(status, u"currentReplicas"),
                 age(object, now)};
    return row;
}

} // namespace kube::printers
