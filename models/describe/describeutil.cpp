#include "describeutil.h"

#include "kube/api/duration.h"
#include "kube/api/labelselector.h"
#include "kube/printers/printerutil.h"


#include <cmath>

namespace timonel::describe {

qint64 integer(const QJsonObject &o, QStringView key, qint64 fallback)
{
    return kube::printers::integer(o, key, fallback);
}

QString scalarText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String: return value.toString();
    case QJsonValue::Bool: return value.toBool() ? u"true"_qs : u"false"_qs;
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (std::floor(d) == d && std::abs(d) < 9.0e15)
            return QString::number(qint64(d));
        return QString::number(d);
    }
    default: return {};
    }
}

QString intOrString(const QJsonValue &value)
{
    return kube::printers::intOrString(value);
}

QString joined(const QJsonArray &strings, QStringView separator)
{
    QStringList parts;
    for (const QJsonValue &v : strings)
        parts.append(scalarText(v));
    return parts.join(separator);
}

QString none()
{
    return Tr::tr("<none>");
}

QDateTime parseTime(const QJsonValue &value)
{
    return kube::printers::parseTime(value);
}

QString age(const QDateTime &t, const QDateTime &now)
{
    if (!t.isValid())
        return {};
    return kube::Duration(t.msecsTo(now) * kube::Duration::Millisecond).toHumanString();
}

QString timestampText(const QJsonValue &value, const QDateTime &now)
{
    const QDateTime t = parseTime(value);
    if (!t.isValid())
        return {};
    const QString absolute = t.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss");
    return Tr::tr("%1 (%2 ago)").arg(absolute, age(t, now));
}

DescriptionRow row(const QString &label, const QString &value, StatusCategory category)
{
    DescriptionRow r;
    r.label = label;
    r.value = value;
    r.category = category;
    return r;
}

void addIfSet(QList<DescriptionRow> &rows, const QString &label, const QString &value)
{
    if (!value.isEmpty())
        rows.append(row(label, value));
}

DescriptionRow mapRow(const QString &label, const QJsonObject &map)
{
    DescriptionRow r = row(label, none());
    QStringList pairs;
    for (auto it = map.begin(); it != map.end(); ++it) {
        const QString value = scalarText(it.value());
        pairs.append(it.key() + u'=' + value);
        r.children.append(row(it.key(), value));
    }
    if (!pairs.isEmpty())
        r.value = pairs.join(u", ");
    return r;
}

QString labelSelectorText(const QJsonValue &selector)
{
    const auto parsed = kube::LabelSelector::fromLabelSelectorJson(selector.toObject());
    if (!parsed)
        return Tr::tr("<invalid>");
    const QString text = parsed->toString();
    return text.isEmpty() ? none() : text;
}

QString mapSelectorText(const QJsonObject &selector)
{
    QStringList pairs;
    for (auto it = selector.begin(); it != selector.end(); ++it)
        pairs.append(it.key() + u'=' + it.value().toString());
    return pairs.isEmpty() ? none() : pairs.join(u',');
}

QString quantityText(const QJsonValue &value)
{
    return kube::printers::quantityString(value);
}

DescriptionRow resourceListRow(const QString &label, const QJsonObject &resources)
{
    DescriptionRow r = row(label, none());
    QStringList parts;
    for (auto it = resources.begin(); it != resources.end(); ++it) {
        const QString q = quantityText(it.value());
        parts.append(it.key() + u": "_qs + q);
        r.children.append(row(it.key(), q));
    }
    if (!parts.isEmpty())
        r.value = parts.join(u", ");
    return r;
}

StatusCategory conditionCategory(QStringView type, QStringView status)
{
    static const QStringList badWhenTrue = {u"MemoryPressure"_qs, u"DiskPressure"_qs, u"PIDPressure"_qs,
                                            u"NetworkUnavailable"_qs, u"Failed"_qs, u"ReplicaFailure"_qs,
                                            u"FailureTarget"_qs, u"KernelDeadlock"_qs, u"ReadonlyFilesystem"_qs,
                                            u"Degraded"_qs, u"Stalled"_qs};
    const bool bad = badWhenTrue.contains(type.toString());
    if (status == u"True")
        return bad ? StatusCategory::Error : StatusCategory::Good;
    if (status == u"False")
        return bad ? StatusCategory::Good : StatusCategory::Warning;
    return StatusCategory::Warning;
}

DescriptionTable conditionsTable(const QJsonArray &conditions, const QDateTime &now)
{
    DescriptionTable table;
    if (conditions.isEmpty())
        return table;
    table.columns = {Tr::tr("Type"), Tr::tr("Status"), Tr::tr("Reason"), Tr::tr("Message"), Tr::tr("Last transition")};
    for (const QJsonValue &v : conditions) {
        const QJsonObject c = v.toObject();
        const QString type = str(c, u"type");
        const QString status = str(c, u"status");
        const StatusCategory category = conditionCategory(type, status);
        QString since = age(parseTime(c.value(u"lastTransitionTime")), now);
        if (since.isEmpty())
            since = age(parseTime(c.value(u"lastUpdateTime")), now);
        table.rows.append({{type, category}, {status, category}, {str(c, u"reason")}, {str(c, u"message")}, {since}});
    }
    return table;
}

void addConditionsSection(ObjectDescription &d, const QJsonArray &conditions, const QDateTime &now)
{
    if (conditions.isEmpty())
        return;
    addSection(d, Tr::tr("Conditions")).table = conditionsTable(conditions, now);
}

DescriptionSection &addSection(ObjectDescription &d, const QString &title)
{
    d.sections.append(DescriptionSection{title, {}, {}});
    return d.sections.last();
}

} // namespace timonel::describe
