#include "tableprinter.h"

#include "jsonbytes.h"
#include "jsonpath.h"
#include "jsonview.h"
#include "rowprinters.h"

#include "kube/api/object.h"
#include "kube/api/protoscalar.h"
#include "kube/api/typeregistry.h"

#include <QHash>
#include <QJsonDocument>

namespace kube {

using namespace printers;

namespace printers {

RowPrinter rowPrinter(QStringView group, QStringView kind)
{
    if (group.isEmpty() && kind == u"Pod")
        return {nullptr, printPod};
    static const QHash<QString, RowFunction> functions = {
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
    return {functions.value(group.toString() + u'/' + kind.toString(), nullptr), nullptr};
}

} // namespace printers

namespace {

struct Column {
    QString name, type, format, description;
    int priority = 0;
};

// rest.NewDefaultTableConvertor's columns, for kinds without a print handler.
QList<Column> defaultColumns()
{
    return {{u"Name"_qs, u"string"_qs, u"name"_qs,
             u"The object's name, unique within its namespace (or the cluster for cluster-scoped kinds)."_qs, 0},
            {u"Created At"_qs, u"date"_qs, QString(), u"When the object was created, as an RFC 3339 time in UTC."_qs, 0}};
}

// A built-in kind whose registry columns have a row printer to fill them.
RowPrinter builtinRowPrinter(const KindInfo &kind)
{
    if (kind.isCustom || kind.printerColumns.isEmpty())
        return {};
    return rowPrinter(kind.gvk.group, kind.gvk.kind);
}

bool usesDefaultConvertor(const KindInfo &kind)
{
    return !kind.isCustom && !builtinRowPrinter(kind);
}

QList<Column> columns(const KindInfo &kind)
{
    if (usesDefaultConvertor(kind))
        return defaultColumns();
    QList<Column> out;
    out.reserve(kind.printerColumns.size());
    for (const PrinterColumn &c : kind.printerColumns)
        out.append({c.name, c.type, c.format, c.description, c.priority});
    return out;
}

// Name and Created At come from the metadata Object already extracted: no parse at all.
QJsonArray defaultCells(const Object &object)
{
    const QDateTime created = parseTime(QJsonValue(object.creationTimestamp()));
    // Go formats the zero time as year 1.
    const QString createdAt = created.isValid() ? created.toUTC().toString(Qt::ISODate) : u"0001-01-01T00:00:00Z"_qs;
    return {object.name(), createdAt};
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

Row computeRow(const KindInfo &kind, const Object &object, const QDateTime &now)
{
    if (kind.isCustom)
        return {customCells(kind, object.toJson(), now), {}, {}};
    const RowPrinter printer = builtinRowPrinter(kind);
    if (!printer)
        return {defaultCells(object), {}, {}};
    Row row = printer.fromView ? printer.fromView(parseForPrinting(object.json()), now) : printer.fromJson(object.toJson(), now);
    // The row functions are written against the registry's columns (tst_printers checks every
    // kind); a mismatch must still give kubectl a well-formed table.
    if (row.hasStringCells()) {
        row.stringCells.resize(kind.printerColumns.size()); // (missing cells read as "")
        return row;
    }
    while (row.cells.size() < kind.printerColumns.size())
        row.cells.append(QJsonValue::Null);
    while (row.cells.size() > kind.printerColumns.size())
        row.cells.removeLast();
    return row;
}

void appendColumns(QByteArray &out, const QList<Column> &columns)
{
    out += '[';
    for (qsizetype i = 0; i < columns.size(); ++i) {
        const Column &c = columns.at(i);
        out += i > 0 ? ",{\"name\":" : "{\"name\":";
        appendJsonString(out, c.name);
        out += ",\"type\":";
        appendJsonString(out, c.type);
        out += ",\"format\":";
        appendJsonString(out, c.format);
        out += ",\"description\":";
        appendJsonString(out, c.description);
        out += ",\"priority\":";
        out += QByteArray::number(c.priority);
        out += '}';
    }
    out += ']';
}

// row.object: the stored bytes themselves, or a PartialObjectMetadata around the raw metadata
// member; a tree is built only for metadata the byte scan cannot find (an escaped key).
void appendRowObject(QByteArray &out, const Object &object, TableIncludeObject include)
{
    switch (include) {
    case TableIncludeObject::None:
        out += "null";
        return;
    case TableIncludeObject::Object:
        out += object.json();
        return;
    case TableIncludeObject::Metadata:
        break;
    }
    out += R"({"kind":"PartialObjectMetadata","apiVersion":"meta.k8s.io/v1")";
    const QByteArrayView metadata = topLevelMember(object.json(), "metadata");
    if (!metadata.isEmpty()) {
        out += ",\"metadata\":";
        out += metadata;
    } else if (const QJsonValue tree = object.toJson().value(u"metadata"); !tree.isUndefined()) {
        out += ",\"metadata\":";
        appendJsonValue(out, tree);
    }
    out += '}';
}

void appendRow(QByteArray &out, const Row &row, const Object &object, TableIncludeObject include)
{
    out += "{\"cells\":[";
    for (qsizetype i = 0; i < row.stringCells.size(); ++i) {
        if (i > 0)
            out += ',';
        kube::appendJsonString(out, row.stringCells.at(i));
    }
    for (qsizetype i = 0; i < row.cells.size(); ++i) {
        if (i > 0)
            out += ',';
        appendJsonValue(out, row.cells.at(i));
    }
    out += ']';
    if (!row.conditions.isEmpty()) {
        out += ",\"conditions\":";
        appendJsonValue(out, row.conditions);
    }
    out += ",\"object\":";
    appendRowObject(out, object, include);
    out += '}';
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
    QJsonArray out;
    for (const Column &c : columns(kind)) {
        out.append(QJsonObject{{u"name"_qs, c.name},
                               {u"type"_qs, c.type},
                               {u"format"_qs, c.format},
                               {u"description"_qs, c.description},
                               {u"priority"_qs, c.priority}});
    }
    return out;
}

QJsonArray tableRowCells(const KindInfo &kind, const Object &object, const QDateTime &now)
{
    return computeRow(kind, object, now.isValid() ? now : QDateTime::currentDateTimeUtc()).cellArray();
}

QByteArray printTableJson(const KindInfo &kind, const QList<Object> &objects, const TablePrintOptions &options, const TableListMeta &meta)
{
    const QDateTime now = options.now.isValid() ? options.now : QDateTime::currentDateTimeUtc();
    QByteArray out;
    // A metadata-only pod row is about 1.4 KB; growing by doubling from there is cheap.
    out.reserve(512 + objects.size() * (options.includeObject == TableIncludeObject::Object ? 5000 : 1500));
    out += R"({"kind":"Table","apiVersion":"meta.k8s.io/v1","metadata":{)";
    if (!meta.resourceVersion.isEmpty()) {
        out += "\"resourceVersion\":";
        appendJsonString(out, meta.resourceVersion);
    }
    if (!meta.continueToken.isEmpty()) {
        out += meta.resourceVersion.isEmpty() ? "\"continue\":" : ",\"continue\":";
        appendJsonString(out, meta.continueToken);
    }
    out += "},\"columnDefinitions\":";
    if (options.includeColumnDefinitions)
        appendColumns(out, columns(kind));
    else
        out += "null";
    out += ",\"rows\":";
    // The default convertor appends to a nil slice (rows: null when empty); handlers make one.
    if (objects.isEmpty() && usesDefaultConvertor(kind)) {
        out += "null}";
        return out;
    }
    out += '[';
    for (qsizetype i = 0; i < objects.size(); ++i) {
        if (i > 0)
            out += ',';
        const Object &object = objects.at(i);
        appendRow(out, computeRow(kind, object, now), object, options.includeObject);
    }
    out += "]}";
    return out;
}

QJsonObject printTable(const KindInfo &kind, const QList<Object> &objects, const TablePrintOptions &options)
{
    return QJsonDocument::fromJson(printTableJson(kind, objects, options)).object();
}

} // namespace kube
