#include "resourcerow.h"

#include "cellsortkey.h"

#include "kube/api/duration.h"
#include "kube/printers/tableprinter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace timonel {

namespace {

bool isEventKind(const kube::KindInfo &kind)
{
    return kind.gvk.kind == u"Event" && (kind.gvk.group.isEmpty() || kind.gvk.group == u"events.k8s.io");
}

// A custom resource's AGE is a date column over metadata.creationTimestamp; a built-in's is the
// column named Age.
bool isAgeColumn(const kube::KindInfo &kind, int column, const ResourceColumn &c)
{
    if (!kind.isCustom)
        return c.name.compare(u"Age", Qt::CaseInsensitive) == 0;
    if (column >= kind.printerColumns.size())
        return false;
    const kube::PrinterColumn &pc = kind.printerColumns.at(column);
    return pc.type == u"date" && pc.jsonPath == u".metadata.creationTimestamp";
}

// kubectl prints cells with fmt's %v: nil as <none>, integers without a fraction, and only the
// first line of multi-line text followed by "...".
QString cellText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String: {
        QString text = value.toString();
        if (const qsizetype newline = text.indexOf(u'\n'); newline >= 0)
            text = text.left(newline) + QStringLiteral("...");
        return text;
    }
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (std::trunc(d) == d && std::fabs(d) < 9.0e15)
            return QString::number(qint64(d));
        return QString::number(d);
    }
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("<none>");
}

} // namespace

ResourceColumns ResourceColumns::forKind(const kube::KindInfoPtr &kind)
{
    ResourceColumns columns;
    columns.kind = kind;
    const QJsonArray definitions = kube::tableColumnDefinitions(*kind);
    for (const QJsonValue &v : definitions) {
        const QJsonObject d = v.toObject();
        columns.cells.append({d.value(u"name").toString(), d.value(u"type").toString(),
                              d.value(u"description").toString(), d.value(u"priority").toInt() > 0});
    }
    const QStringView statusName = isEventKind(*kind) ? u"Type" : u"Status";
    for (int i = 0; i < columns.cells.size(); ++i) {
        const ResourceColumn &c = columns.cells.at(i);
        if (columns.ageCell < 0 && isAgeColumn(*kind, i, c))
            columns.ageCell = i;
        if (columns.statusCell < 0 && c.name.compare(statusName, Qt::CaseInsensitive) == 0)
            columns.statusCell = i;
    }
    return columns;
}

void ResourceRow::assign(const kube::Object &newObject, const ResourceColumns &columns, const QDateTime &now)
{
    object = newObject;
    key = newObject.key().toString();
    namespace_ = newObject.namespace_();
    const QDateTime created = QDateTime::fromString(newObject.creationTimestamp(), Qt::ISODateWithMs);
    createdMsecs = created.isValid() ? created.toMSecsSinceEpoch() : noTime;

    const QJsonArray printed = kube::tableRowCells(*columns.kind, newObject, now);
    const qsizetype count = columns.cells.size();
    cells.resize(count);
    numbers.resize(count);
    QString search = namespace_;
    search.reserve(128);
    for (qsizetype i = 0; i < count; ++i) {
        if (i == columns.ageCell) {
            cells[i] = QString();
            // Ascending AGE is youngest first: the key grows with age and never changes.
            numbers[i] = createdMsecs == noTime ? std::nan("") : -double(createdMsecs) / 1000.0;
            continue;
        }
        cells[i] = i < printed.size() ? cellText(printed.at(i)) : QStringLiteral("<none>");
        numbers[i] = cellSortNumber(cells.at(i));
        search += u'\n';
        search += cells.at(i);
    }
    searchText = std::move(search).toCaseFolded();
    status = columns.statusCell >= 0 ? statusCategory(cells.at(columns.statusCell)) : StatusCategory::Neutral;
}

QString ageText(qint64 createdMsecs, qint64 nowMsecs)
{
    if (createdMsecs == ResourceRow::noTime)
        return QStringLiteral("<unknown>");
    return kube::Duration(std::chrono::milliseconds(nowMsecs - createdMsecs)).toHumanString();
}

} // namespace timonel
