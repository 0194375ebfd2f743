#include "cronschedule.h"

#include "kube/api/duration.h"
#include "kube/api/namevalidation.h"

#include <QRegularExpression>
#include <QStringList>

#include <array>

namespace kube {

using validation::goQuoted;

namespace {

constexpr quint64 StarBit = quint64(1) << 63;

struct Bounds {
    quint64 min;
    quint64 max;
    const std::array<const char *, 12> *names = nullptr; // names[i] is worth min + i
};

constexpr std::array<const char *, 12> MonthNames{"jan", "feb", "mar", "apr", "may", "jun",
                                                  "jul", "aug", "sep", "oct", "nov", "dec"};
constexpr std::array<const char *, 12> DayNames{"sun", "mon", "tue", "wed", "thu", "fri", "sat",
                                                nullptr, nullptr, nullptr, nullptr, nullptr};

const Bounds Minutes{0, 59};
const Bounds Hours{0, 23};
const Bounds DaysOfMonth{1, 31};
const Bounds Months{1, 12, &MonthNames};
const Bounds DaysOfWeek{0, 6, &DayNames};

using Parsed = std::variant<quint64, QString>; // bits, or the error

quint64 bitsBetween(quint64 min, quint64 max, quint64 step)
{
    quint64 bits = 0;
    for (quint64 i = min; i <= max; i += step)
        bits |= quint64(1) << i;
    return bits;
}

quint64 all(const Bounds &b)
{
    return bitsBetween(b.min, b.max, 1) | StarBit;
}

// strconv.Atoi followed by robfig's negative check.
std::variant<quint64, QString> parseInt(const QString &expr)
{
    static const QRegularExpression digits(u"^[+-]?[0-9]+$"_qs);
    const QString syntax = u"failed to parse int from %1: strconv.Atoi: parsing %2: invalid syntax"_qs.arg(expr, goQuoted(expr));
    if (!digits.match(expr).hasMatch())
        return syntax;
    bool ok = false;
    const qlonglong value = expr.toLongLong(&ok);
    if (!ok)
        return u"failed to parse int from %1: strconv.Atoi: parsing %2: value out of range"_qs.arg(expr, goQuoted(expr));
    if (value < 0)
        return u"negative number (%1) not allowed: %2"_qs.arg(value).arg(expr);
    return quint64(value);
}

std::variant<quint64, QString> parseIntOrName(const QString &expr, const Bounds &bounds)
{
    if (bounds.names) {
        const QString lower = expr.toLower();
        for (size_t i = 0; i < bounds.names->size(); ++i) {
            const char *name = (*bounds.names)[i];
            if (name && lower == QLatin1StringView(name))
                return bounds.min + quint64(i);
        }
    }
    return parseInt(expr);
}

// getRange: number | number "-" number [ "/" number ], or a star with an optional step.
Parsed parseRange(const QString &expr, const Bounds &bounds)
{
    const QStringList rangeAndStep = expr.split(u'/');
    const QStringList lowAndHigh = rangeAndStep.first().split(u'-');
    const bool singleDigit = lowAndHigh.size() == 1;
    quint64 start = 0;
    quint64 end = 0;
    quint64 extra = 0;
    if (lowAndHigh.first() == u"*" || lowAndHigh.first() == u"?") {
        start = bounds.min;
        end = bounds.max;
        extra = StarBit;
    } else {
        const auto low = parseIntOrName(lowAndHigh.first(), bounds);
        if (const QString *error = std::get_if<QString>(&low))
            return *error;
        start = std::get<quint64>(low);
        if (lowAndHigh.size() == 1) {
            end = start;
        } else if (lowAndHigh.size() == 2) {
            const auto high = parseIntOrName(lowAndHigh.at(1), bounds);
            if (const QString *error = std::get_if<QString>(&high))
                return *error;
            end = std::get<quint64>(high);
        } else {
            return u"too many hyphens: "_qs + expr;
        }
    }

    quint64 step = 1;
    if (rangeAndStep.size() == 2) {
        const auto parsed = parseInt(rangeAndStep.at(1));
        if (const QString *error = std::get_if<QString>(&parsed))
            return *error;
        step = std::get<quint64>(parsed);
        if (singleDigit)
            end = bounds.max; // "N/step" means "N-max/step"
        if (step > 1)
            extra = 0;
    } else if (rangeAndStep.size() > 2) {
        return u"too many slashes: "_qs + expr;
    }

    if (start < bounds.min)
        return u"beginning of range (%1) below minimum (%2): %3"_qs.arg(start).arg(bounds.min).arg(expr);
    if (end > bounds.max)
        return u"end of range (%1) above maximum (%2): %3"_qs.arg(end).arg(bounds.max).arg(expr);
    if (start > end)
        return u"beginning of range (%1) beyond end of range (%2): %3"_qs.arg(start).arg(end).arg(expr);
    if (step == 0)
        return u"step of range should be a positive number: "_qs + expr;
    return bitsBetween(start, end, step) | extra;
}

// getField: a comma-separated list of ranges (empty items are skipped, as strings.FieldsFunc does).
Parsed parseField(const QString &field, const Bounds &bounds)
{
    quint64 bits = 0;
    for (const QString &expr : field.split(u',', Qt::SkipEmptyParts)) {
        const Parsed range = parseRange(expr, bounds);
        if (const QString *error = std::get_if<QString>(&range))
            return *error;
        bits |= std::get<quint64>(range);
    }
    return bits;
}

// Go's %s of a []string: "[a b c]".
QString goStringSlice(const QStringList &items)
{
    return u'[' + items.join(u' ') + u']';
}

bool has(quint64 bits, int value)
{
    return (bits >> value) & 1;
}

} // namespace

std::variant<QTimeZone, QString> CronSchedule::loadLocation(const QString &name)
{
    if (name.isEmpty() || name == u"UTC")
        return QTimeZone::utc();
    if (name == u"Local")
        return QTimeZone::systemTimeZone();
    // Qt also accepts offset names ("UTC+01:00") that Go's tz database does not know.
    static const QRegularExpression offsetName(u"^UTC[+-]"_qs);
    const QByteArray id = name.toUtf8();
    if (offsetName.match(name).hasMatch() || !QTimeZone::isTimeZoneIdAvailable(id))
        return u"unknown time zone "_qs + name;
    QTimeZone zone(id);
    if (!zone.isValid())
        return u"unknown time zone "_qs + name;
    return zone;
}

std::variant<CronSchedule, QString> CronSchedule::parse(const QString &spec, const std::optional<QString> &timeZone)
{
    if (spec.contains(u"TZ") || !timeZone)
        return parse(spec);
    if (std::holds_alternative<QString>(loadLocation(*timeZone)))
        return parse(spec);
    return parse(u"TZ="_qs + *timeZone + u' ' + spec);
}

std::variant<CronSchedule, QString> CronSchedule::parse(const QString &specText)
{
    if (specText.isEmpty())
        return u"empty spec string"_qs;
    QString spec = specText;
    CronSchedule schedule;
    if (spec.startsWith(u"TZ=") || spec.startsWith(u"CRON_TZ=")) {
        const qsizetype eq = spec.indexOf(u'=');
        const qsizetype space = spec.indexOf(u' ');
        const QString name = space < 0 ? spec.mid(eq + 1) : spec.mid(eq + 1, space - eq - 1);
        const auto zone = loadLocation(name);
        if (const QString *error = std::get_if<QString>(&zone))
            return u"provided bad location %1: %2"_qs.arg(name, *error);
        schedule.m_zone = std::get<QTimeZone>(zone);
        spec = space < 0 ? QString() : spec.mid(space).trimmed();
    }

    if (spec.startsWith(u'@')) {
        schedule.m_minute = 1;
        schedule.m_hour = 1;
        schedule.m_dom = all(DaysOfMonth);
        schedule.m_month = all(Months);
        schedule.m_dow = all(DaysOfWeek);
        if (spec == u"@yearly" || spec == u"@annually") {
            schedule.m_dom = quint64(1) << DaysOfMonth.min;
            schedule.m_month = quint64(1) << Months.min;
        } else if (spec == u"@monthly") {
            schedule.m_dom = quint64(1) << DaysOfMonth.min;
        } else if (spec == u"@weekly") {
            schedule.m_dow = quint64(1) << DaysOfWeek.min;
        } else if (spec == u"@daily" || spec == u"@midnight") { // the defaults above
        } else if (spec == u"@hourly") {
            schedule.m_hour = all(Hours);
        } else if (spec.startsWith(u"@every ")) {
            const auto duration = Duration::parse(QStringView(spec).mid(7));
            if (!duration)
                return u"failed to parse duration %1: %2"_qs.arg(spec, duration.error().message());
            // robfig's Every: at least a second, whole seconds.
            schedule.m_everySeconds = std::max<qint64>(1, duration->nanoseconds() / Duration::Second);
        } else {
            return u"unrecognized descriptor: "_qs + spec;
        }
        return schedule;
    }

    static const QRegularExpression whitespace(u"\\s+"_qs);
    const QStringList fields = spec.split(whitespace, Qt::SkipEmptyParts);
    if (fields.size() != 5)
        return u"expected exactly 5 fields, found %1: %2"_qs.arg(fields.size()).arg(goStringSlice(fields));
    const Bounds *bounds[] = {&Minutes, &Hours, &DaysOfMonth, &Months, &DaysOfWeek};
    quint64 *targets[] = {&schedule.m_minute, &schedule.m_hour, &schedule.m_dom, &schedule.m_month, &schedule.m_dow};
    for (int i = 0; i < 5; ++i) {
        const Parsed field = parseField(fields.at(i), *bounds[i]);
        if (const QString *error = std::get_if<QString>(&field))
            return *error;
        *targets[i] = std::get<quint64>(field);
    }
    return schedule;
}

QDateTime CronSchedule::next(const QDateTime &after) const
{
    const qint64 afterMs = after.toMSecsSinceEpoch();
    if (m_everySeconds > 0) {
        const qint64 wholeSecond = afterMs - ((afterMs % 1000) + 1000) % 1000;
        return QDateTime::fromMSecsSinceEpoch(wholeSecond + m_everySeconds * 1000, Qt::UTC);
    }
    // The first whole minute strictly after `after`, as wall-clock time in the zone.
    const qint64 minuteMs = 60 * 1000;
    const qint64 floorMinute = afterMs - ((afterMs % minuteMs) + minuteMs) % minuteMs;
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(floorMinute + minuteMs, m_zone);
    QDate day = start.date();
    int firstHour = start.time().hour();
    int firstMinute = start.time().minute();
    const int yearLimit = day.year() + 5;

    const auto dayMatches = [this](const QDate &d) {
        const bool domMatch = has(m_dom, d.day());
        const bool dowMatch = has(m_dow, d.dayOfWeek() % 7); // Qt: Monday 1 … Sunday 7; cron: Sunday 0
        if ((m_dom & StarBit) || (m_dow & StarBit))
            return domMatch && dowMatch;
        return domMatch || dowMatch;
    };

    while (day.year() <= yearLimit) {
        if (!has(m_month, day.month())) {
            day = QDate(day.year(), day.month(), 1).addMonths(1);
            firstHour = firstMinute = 0;
            continue;
        }
        if (dayMatches(day)) {
            for (int h = firstHour; h < 24; ++h) {
                if (!has(m_hour, h))
                    continue;
                for (int m = h == firstHour ? firstMinute : 0; m < 60; ++m) {
                    if (!has(m_minute, m))
                        continue;
                    const QDateTime candidate(day, QTime(h, m), m_zone);
                    if (candidate.isValid() && candidate > after)
                        return candidate.toUTC();
                }
            }
        }
        day = day.addDays(1);
        firstHour = firstMinute = 0;
    }
    return {};
}

} // namespace kube
