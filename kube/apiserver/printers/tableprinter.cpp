#include "tableprinter.h"

#include "jsonpath.h"
#include "rowprinters.h"

#include "kube/api/object.h"
#include "kube/api/typeregistry.h"

#include <QHash>

namespace kube {

using namespace printers;

namespace printers {

RowFunction rowFunction(QStringView group, QStringView kind)
{
    static const QHash<QString, RowFunction> functions = {
        {u"/Pod"_qs, printPod},
        {u"/ReplicationController"_qs, printReplicationController},
        {u"/Service"_qs, printService},
        {u"/Endpoints"_qs, printEndpoints},
        {u"/Namespace"_qs, printNamespace},
        {u"/Node"_qs, printNode},
        {u"/Event"_qs, printEvent},
        {u"/ConfigMap"_qs, printConfigMap},
        {u"/Secret"_qs, printSecret},
        {u"/ServiceAccount"_qs, printServiceAccount},
        {u"/PersistentVolume"_qs, printPersistentVolume},
        {u"/PersistentVolumeClaim"_qs, printPersistentVolumeClaim},
        {u"/ResourceQuota"_qs, printResourceQuota},
        {u"apps/Deployment"_qs, printDeployment},
        {u"apps/ReplicaSet"_qs, printReplicaSet},
        {u"apps/StatefulSet"_qs, printStatefulSet},
        {u"apps/DaemonSet"_qs, printDaemonSet},
        {u"apps/ControllerRevision"_qs, printControllerRevision},
        {u"batch/Job"_qs, printJob},
        {u"batch/CronJob"_qs, printCronJob},
        {u"autoscaling/HorizontalPodAutoscaler"_qs, printHorizontalPodAutoscaler},
        {u"coordination.k8s.io/Lease"_qs, printLease},
        {u"discovery.k8s.io/EndpointSlice"_qs, printEndpointSlice},
        {u"events.k8s.io/Event"_qs, printEventsV1Event},
        {u"networking.k8s.io/Ingress"_qs, printIngress},
        {u"networking.k8s.io/IngressClass"_qs, printIngressClass},
        {u"networking.k8s.io/NetworkPolicy"_qs, printNetworkPolicy},
        {u"policy/PodDisruptionBudget"_qs, printPodDisruptionBudget},
        {u"rbac.authorization.k8s.io/RoleBinding"_qs, printRoleBinding},
        {u"rbac.authorization.k8s.io/ClusterRoleBinding"_qs, printRoleBinding},
        {u"storage.k8s.io/StorageClass"_qs, printStorageClass},
    };
    return functions.value(group.toString() + u'/' + kind.toString(), nullptr);
}

} // namespace printers

namespace {

QJsonObject columnJson(const QString &name, const QString &type, const QString &format, const QString &description, int priority)
{
    return {{u"name"_qs, name}, {u"type"_qs, type}, {u"format"_qs, format}, {u"description"_qs, description}, {u"priority"_qs, priority}};
}

// rest.NewDefaultTableConvertor's columns, for kinds without a print handler.
QJsonArray defaultColumns()
{
    return {columnJson(u"Name"_qs, u"string"_qs, u"name"_qs,
                       u"The object's name, unique within its namespace (or the cluster for cluster-scoped kinds)."_qs, 0),
            columnJson(u"Created At"_qs, u"date"_qs, QString(),
                       u"When the object was created, as an RFC 3339 time in UTC."_qs, 0)};
}

// A built-in kind whose registry columns have a row function to fill them.
RowFunction builtinRowFunction(const KindInfo &kind)
{
    if (kind.isCustom || kind.printerColumns.isEmpty())
        return nullptr;
    return rowFunction(kind.gvk.group, kind.gvk.kind);
}

bool usesDefaultConvertor(const KindInfo &kind)
{
    return !kind.isCustom && !builtinRowFunction(kind);
}

QJsonArray defaultCells(const QJsonObject &object)
{
    const QJsonObject metadata = obj(object, u"metadata");
    const QDateTime created = parseTime(metadata.value(u"creationTimestamp"));
    // Go formats the zero time as year 1.
    const QString createdAt = created.isValid() ? created.toUTC().toString(Qt::ISODate) : u"0001-01-01T00:00:00Z"_qs;
    return {str(metadata, u"name"), createdAt};
}

// metav1.Time.UnmarshalQueryParameter, then ConvertToHumanReadableDateType.
QJsonValue dateCell(const QJsonValue &value, const QDateTime &now)
{
    const QString text = value.toString();
    if (text.isEmpty() || text == u"null")
        return u"<unknown>"_qs;
    if (!text.contains(u'T') || !QDateTime::fromString(text, Qt::ISODateWithMs).isValid())
        return u"<invalid>"_qs;
    return translateTimestampSince(value, now);
}

// The CRD table convertor's cellForJSONValue (and PrintResults for string columns).
QJsonValue customCell(const PrinterColumn &column, const QJsonObject &object, const QDateTime &now)
{
    bool ok = false;
    const QList<QJsonValue> results = evaluateJsonPath(object, column.jsonPath, &ok);
    if (!ok || results.isEmpty())
        return QJsonValue::Null;
    const QJsonValue value = results.first();
    if (column.type == u"string")
        return value.isNull() ? u"<no value>"_qs : jsonPathText(value);
    if (value.isNull())
        return QJsonValue::Null;
    if (column.type == u"integer" && value.isDouble())
        return qint64(value.toDouble());
    if (column.type == u"number" && value.isDouble())
        return value.toDouble();
    if (column.type == u"boolean" && value.isBool())
        return value;
    if (column.type == u"date" && value.isString())
        return dateCell(value, now);
    return QJsonValue::Null;
}

QJsonArray customCells(const KindInfo &kind, const QJsonObject &object, const QDateTime &now)
{
    QJsonArray cells;
    for (qsizetype i = 0; i < kind.printerColumns.size(); ++i) {
        if (i == 0) {
            cells.append(name(object)); // the Name column is the object's name, not a path
            continue;
        }
        cells.append(customCell(kind.printerColumns.at(i), object, now));
    }
    return cells;
}

Row computeRow(const KindInfo &kind, const QJsonObject &object, const QDateTime &now)
{
    if (kind.isCustom)
        return {customCells(kind, object, now), {}};
    const RowFunction function = builtinRowFunction(kind);
    if (!function)
        return {defaultCells(object), {}};
    Row row = function(object, now);
    // The row functions are written against the registry's columns (tst_printers checks every
    // kind); a mismatch must still give kubectl a well-formed table.
    while (row.cells.size() < kind.printerColumns.size())
        row.cells.append(QJsonValue::Null);
    while (row.cells.size() > kind.printerColumns.size())
        row.cells.removeLast();
    return row;
}

QJsonValue rowObject(const QJsonObject &object, TableIncludeObject include)
{
    switch (include) {
    case TableIncludeObject::None:
        return QJsonValue::Null;
    case TableIncludeObject::Object:
        return object;
    case TableIncludeObject::Metadata:
        break;
    }
    return QJsonObject{{u"kind"_qs, u"PartialObjectMetadata"_qs},
                       {u"apiVersion"_qs, u"meta.k8s.io/v1"_qs},
                       {u"metadata"_qs, object.value(u"metadata")}};
}

} // namespace

std::optional<TableIncludeObject> parseTableIncludeObject(QStringView text)
{
    if (text.isEmpty() || text == u"Metadata")
        return TableIncludeObject::Metadata;
    if (text == u"None")
        return TableIncludeObject::None;
    if (text == u"Object")
        return TableIncludeObject::Object;
    return std::nullopt;
}

QJsonArray tableColumnDefinitions(const KindInfo &kind)
{
    if (usesDefaultConvertor(kind))
        return defaultColumns();
    QJsonArray columns;
    for (const PrinterColumn &c : kind.printerColumns)
        columns.append(columnJson(c.name, c.type, c.format, c.description, c.priority));
    return columns;
}

QJsonArray tableRowCells(const KindInfo &kind, const Object &object, const QDateTime &now)
{
    return computeRow(kind, object.toJson(), now.isValid() ? now : QDateTime::currentDateTimeUtc()).cells;
}

QJsonObject printTable(const KindInfo &kind, const QList<Object> &objects, const TablePrintOptions &options)
{
    const QDateTime now = options.now.isValid() ? options.now : QDateTime::currentDateTimeUtc();
    // The default convertor appends to a nil slice (rows: null when empty); handlers make one.
    QJsonValue rowsValue = QJsonValue::Null;
    if (!objects.isEmpty() || !usesDefaultConvertor(kind)) {
        QJsonArray rows;
        for (const Object &o : objects) {
            const QJsonObject object = o.toJson();
            const Row row = computeRow(kind, object, now);
            QJsonObject rowJson{{u"cells"_qs, row.cells}, {u"object"_qs, rowObject(object, options.includeObject)}};
            if (!row.conditions.isEmpty())
                rowJson.insert(u"conditions"_qs, row.conditions);
            rows.append(rowJson);
        }
        rowsValue = rows;
    }
    return {{u"kind"_qs, u"Table"_qs},
            {u"apiVersion"_qs, u"meta.k8s.io/v1"_qs},
            {u"metadata"_qs, QJsonObject()},
            {u"columnDefinitions"_qs, options.includeColumnDefinitions ? QJsonValue(tableColumnDefinitions(kind)) : QJsonValue::Null},
            {u"rows"_qs, rowsValue}};
}

} // namespace kube
