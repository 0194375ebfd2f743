#include "printerutil.h"

#include "kube/api/duration.h"
#include "kube/api/labelselector.h"
#include "kube/api/quantity.h"

#include <QStringList>

#include <algorithm>

namespace kube::printers {

qint64 integer(const QJsonObject &o, QStringView key, qint64 fallback)
{
    const QJsonValue v = o.value(key);
    if (!v.isDouble())
        return fallback;
    return v.toInteger(fallback);
}

QDateTime parseTime(const QJsonValue &value)
{
    const QString text = value.toString();
    if (text.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        return {};
    // Go's zero time (year 1) is "not set", as metav1.Time.IsZero() reads it.
    if (t.date().year() <= 1)
        return {};
    return t;
}

QString humanDurationBetween(const QDateTime &from, const QDateTime &to)
{
    return Duration(from.msecsTo(to) * Duration::Millisecond).toHumanString();
}

QString translateTimestampSince(const QJsonValue &timestamp, const QDateTime &now)
{
    const QDateTime t = parseTime(timestamp);
    if (!t.isValid())
        return u"<unknown>"_qs;
    return humanDurationBetween(t, now);
}

QString formatLabels(const QJsonValue &map)
{
    const QJsonObject labels = map.toObject();
    if (labels.isEmpty())
        return u"<none>"_qs;
    // QJsonObject iterates its keys sorted, as labels.Set.String() sorts them.
    QStringList pairs;
    for (auto it = labels.begin(); it != labels.end(); ++it)
        pairs.append(it.key() + u'=' + it.value().toString());
    return pairs.join(u',');
}

QString formatLabelSelector(const QJsonValue &selector)
{
    const Expected<LabelSelector> parsed = LabelSelector::fromLabelSelectorJson(selector);
    if (!parsed)
        return u"<error>"_qs;
    const QString text = parsed->toString();
    return text.isEmpty() ? u"<none>"_qs : text;
}

QString labelSelectorString(const QJsonValue &selector)
{
    const Expected<LabelSelector> parsed = LabelSelector::fromLabelSelectorJson(selector);
    if (!parsed)
        return u"<invalid>"_qs;
    return parsed->toString();
}

std::pair<QString, QString> layoutContainerCells(const QJsonArray &containers)
{
    QStringList names;
    QStringList images;
    for (const QJsonValue &c : containers) {
        const QJsonObject container = c.toObject();
        names.append(str(container, u"name"));
        images.append(str(container, u"image"));
    }
    return {names.join(u','), images.join(u',')};
}

QString quantityString(const QJsonValue &value)
{
    if (value.isUndefined() || value.isNull())
        return u"0"_qs;
    const QString text = value.isDouble() ? QString::number(value.toDouble(), 'g', 17) : value.toString();
    const Expected<Quantity> q = Quantity::parse(text);
    return q ? q->toString() : text;
}

QString quantityPtrString(const QJsonValue &value)
{
    if (value.isUndefined() || value.isNull())
        return u"<nil>"_qs;
    return quantityString(value);
}

QString intOrString(const QJsonValue &value)
{
    if (value.isDouble())
        return QString::number(value.toInteger());
    return value.toString();
}

QString accessModesString(const QJsonArray &modes)
{
    static const std::pair<const char16_t *, const char16_t *> order[] = {
        {u"ReadWriteOnce", u"RWO"}, {u"ReadOnlyMany", u"ROX"}, {u"ReadWriteMany", u"RWX"}, {u"ReadWriteOncePod", u"RWOP"}};
    QStringList out;
    for (const auto &[mode, abbreviation] : order) {
        if (modes.contains(QJsonValue(QString::fromUtf16(mode))))
            out.append(QString::fromUtf16(abbreviation));
    }
    return out.join(u',');
}

QString joinStrings(const QJsonArray &values, QStringView sep)
{
    QStringList out;
    for (const QJsonValue &v : values)
        out.append(v.toString());
    return out.join(sep);
}

QString boolPtrString(const QJsonObject &o, QStringView key)
{
    const QJsonValue v = o.value(key);
    if (!v.isBool())
        return u"<unset>"_qs;
    return v.toBool() ? u"True"_qs : u"False"_qs;
}

QString listWithMoreString(const QStringList &list, bool more, int count, int max)
{
    const QString joined = list.join(u',');
    if (more)
        return u"%1 + %2 more..."_qs.arg(joined).arg(count - max);
    return joined.isEmpty() ? u"<unset>"_qs : joined;
}

} // namespace kube::printers
