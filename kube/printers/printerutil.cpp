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

namespace {

// Two or four ASCII digits at text[at]; -1 when any is not a digit.
int digits(std::string_view text, size_t at, size_t count)
{
    int value = 0;
    for (size_t i = at; i < at + count; ++i) {
        const char c = text[i];
        if (c < '0' || c > '9')
            return -1;
        value = value * 10 + (c - '0');
    }
    return value;
}

// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil).
qint64 daysFromCivil(qint64 y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + qint64(doe) - 719468;
}

} // namespace

QDateTime parseTime(std::string_view text)
{
    // The fixed RFC 3339 form in UTC, "YYYY-MM-DDTHH:MM:SSZ"; anything else takes Qt's parser.
    if (text.size() == 20 && text[4] == '-' && text[7] == '-' && text[10] == 'T' && text[13] == ':' && text[16] == ':'
        && text[19] == 'Z') {
        const int year = digits(text, 0, 4), month = digits(text, 5, 2), day = digits(text, 8, 2);
        const int hour = digits(text, 11, 2), minute = digits(text, 14, 2), second = digits(text, 17, 2);
        const bool inRange = month >= 1 && month <= 12 && day >= 1 && day <= QDate(year, month, 1).daysInMonth() && hour >= 0
                             && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59;
        if (year >= 0 && inRange) {
            if (year <= 1)
                return {}; // Go's zero time
            const qint64 seconds = daysFromCivil(year, unsigned(month), unsigned(day)) * 86400 + hour * 3600 + minute * 60 + second;
            return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC);
        }
    }
    if (text.empty())
        return {};
    return parseTime(QJsonValue(QString::fromUtf8(text.data(), qsizetype(text.size()))));
}

QJsonArray Row::cellArray() const
{
    if (!hasStringCells())
        return cells;
    QJsonArray out;
    for (const QByteArray &cell : stringCells)
        out.append(QString::fromUtf8(cell));
    return out;
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
