#pragma once
// CronSchedule: a CronJob's spec.schedule, parsed as kube-controller-manager parses it
// (robfig/cron v3 ParseStandard): five fields — minute, hour, day of month, month, day of week —
// each a comma list of `*`, `?`, `n`, `a-b`, with an optional `/step`; month and weekday names
// (jan…dec, sun…sat, any case); the macros @yearly/@annually, @monthly, @weekly, @daily/@midnight,
// @hourly and `@every <Go duration>`; an optional `TZ=<zone> ` or `CRON_TZ=<zone> ` prefix.
// Day of month and day of week combine with OR when both are restricted, AND when either is `*`.
// Errors carry robfig's wording ("expected exactly 5 fields, found 1: [foo]"), which the API
// server returns in its 422 and the controller in its events.
//
// A schedule without a zone runs in UTC (the embedded controller manager's zone); next() walks
// wall-clock time in the schedule's zone and answers an instant.
//
// Plain value type; any thread. Cost: parse is linear in the text; next() visits at most one
// step per day over five years (about 1,830), then at most 24 hours and 60 minutes.

#include <QDateTime>
#include <QString>
#include <QTimeZone>

#include <optional>
#include <variant>

namespace kube {

class CronSchedule
{
public:
    // The schedule, or robfig's error message.
    static std::variant<CronSchedule, QString> parse(const QString &spec);
    // The schedule with spec.timeZone applied as upstream formatSchedule does: a zone in the
    // schedule text wins; otherwise a loadable timeZone becomes a "TZ=<zone> " prefix.
    static std::variant<CronSchedule, QString> parse(const QString &spec, const std::optional<QString> &timeZone);

    // The first activation strictly after `after`; invalid when none comes within five years
    // (robfig's zero time), e.g. "0 0 30 2 *".
    QDateTime next(const QDateTime &after) const;

    const QTimeZone &timeZone() const { return m_zone; }

    // time.LoadLocation's answer for an IANA name: the zone, or Go's error text
    // ("unknown time zone Mars/Base"). "" and "UTC" are UTC; "Local" is the system zone.
    static std::variant<QTimeZone, QString> loadLocation(const QString &name);

private:
    CronSchedule() = default;

    // Bit i set: value i matches. Bit 63: the field was a star (`*`/`?` without a step > 1).
    quint64 m_minute = 0;
    quint64 m_hour = 0;
    quint64 m_dom = 0;
    quint64 m_month = 0;
    quint64 m_dow = 0;
    qint64 m_everySeconds = 0; // @every: a constant delay instead of the fields
    QTimeZone m_zone = QTimeZone::utc();
};

} // namespace kube
