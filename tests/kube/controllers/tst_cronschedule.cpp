// CronSchedule: every field form (star, value, range, step, list, names, `?`), the macros, the
// day-of-month / day-of-week OR rule, next activations across month and year ends and leap
// days (UTC, so no DST), time zones from a TZ= prefix or spec.timeZone, and robfig/cron's
// messages for invalid schedules.
#include "kube/api/cronschedule.h"

#include <QTest>

using namespace kube;

namespace {

QDateTime at(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs).toUTC();
}

} // namespace

class tst_CronSchedule : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void next_data();
    void next();
    void timeZoneField();
    void neverFires();
    void invalid_data();
    void invalid();
    void loadLocation();
};

void tst_CronSchedule::next_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QString>("expected");

    QTest::newRow("every-minute") << "* * * * *" << "2026-11-27T10:07:30Z" << "2026-11-27T10:08:00Z";
    QTest::newRow("question-mark-is-star") << "? * * * ?" << "2026-11-27T10:07:00Z" << "2026-11-27T10:08:00Z";
    QTest::newRow("strictly-after") << "*/15 * * * *" << "2026-11-27T10:15:00Z" << "2026-11-27T10:30:00Z";
    QTest::newRow("step-from-star") << "*/15 * * * *" << "2026-11-27T10:07:00Z" << "2026-11-27T10:15:00Z";
    QTest::newRow("step-from-value") << "5/20 * * * *" << "2026-11-27T10:26:00Z" << "2026-11-27T10:45:00Z";
    QTest::newRow("step-wraps-to-next-hour") << "5/20 * * * *" << "2026-11-27T10:45:00Z" << "2026-11-27T11:05:00Z";
    QTest::newRow("step-larger-than-range") << "*/61 * * * *" << "2026-11-27T10:07:00Z" << "2026-11-27T11:00:00Z";
    QTest::newRow("list") << "5,10,55 * * * *" << "2026-11-27T10:11:00Z" << "2026-11-27T10:55:00Z";
    QTest::newRow("range") << "0 9-17 * * *" << "2026-11-27T17:30:00Z" << "2026-11-28T09:00:00Z";
    QTest::newRow("range-with-step") << "30 6-16/4 * * *" << "2026-11-27T10:31:00Z" << "2026-11-27T14:30:00Z";
    QTest::newRow("list-of-ranges") << "0 1-2,22-23 * * *" << "2026-11-27T02:00:00Z" << "2026-11-27T22:00:00Z";
    QTest::newRow("weekdays-skip-weekend") << "30 6-16/4 * * 1-5" << "2026-11-27T17:00:00Z" << "2026-11-30T06:30:00Z";
    QTest::newRow("month-names-any-case") << "0 0 1 JAN,jul *" << "2026-02-01T00:00:00Z" << "2026-07-01T00:00:00Z";
    QTest::newRow("month-name-range") << "0 0 1 oct-dec *" << "2026-01-15T00:00:00Z" << "2026-10-01T00:00:00Z";
    QTest::newRow("day-names") << "0 12 * * sat,Sun" << "2026-11-27T13:00:00Z" << "2026-11-28T12:00:00Z";
    QTest::newRow("sunday-is-zero") << "0 0 * * 0" << "2026-11-27T00:00:00Z" << "2026-11-29T00:00:00Z";
    // Both day fields restricted: either matches (Friday or the 13th).
    QTest::newRow("dom-or-dow-friday") << "0 0 13 * 5" << "2026-11-01T00:00:00Z" << "2026-11-06T00:00:00Z";
    QTest::newRow("dom-or-dow-13th") << "0 0 13 * 5" << "2026-11-06T00:00:00Z" << "2026-11-13T00:00:00Z";
    QTest::newRow("dom-or-dow-after-13th") << "0 0 13 * 5" << "2026-11-13T00:00:00Z" << "2026-11-20T00:00:00Z";
    QTest::newRow("dom-or-dow-stepped-dom") << "0 0 */10 * 1" << "2026-11-21T00:00:00Z" << "2026-11-23T00:00:00Z";
    // A star in either field: both must match (the star matches everything).
    QTest::newRow("dom-with-star-dow") << "0 0 13 * *" << "2026-11-06T00:00:00Z" << "2026-11-13T00:00:00Z";
    QTest::newRow("dow-with-star-dom") << "0 0 * * 5" << "2026-11-06T00:00:00Z" << "2026-11-13T00:00:00Z";
    QTest::newRow("star-step-1-keeps-and") << "0 0 */1 * 5" << "2026-11-06T00:00:00Z" << "2026-11-13T00:00:00Z";
    // Month and year ends.
    QTest::newRow("first-of-next-month") << "0 0 1 * *" << "2026-01-31T12:00:00Z" << "2026-02-01T00:00:00Z";
    QTest::newRow("31st-skips-30-day-month") << "0 12 31 * *" << "2026-04-01T00:00:00Z" << "2026-05-31T12:00:00Z";
    QTest::newRow("30th-skips-february") << "0 0 30 * *" << "2026-01-30T00:00:00Z" << "2026-03-30T00:00:00Z";
    QTest::newRow("new-year") << "0 0 1 1 *" << "2026-12-31T23:59:59.500Z" << "2027-01-01T00:00:00Z";
    QTest::newRow("december-31-late") << "59 23 31 12 *" << "2026-12-31T23:59:00Z" << "2027-12-31T23:59:00Z";
    QTest::newRow("leap-day") << "0 0 29 2 *" << "2026-03-01T00:00:00Z" << "2028-02-29T00:00:00Z";
    QTest::newRow("end-of-day-rolls-over") << "0 0 * * *" << "2026-02-28T23:59:00Z" << "2026-03-01T00:00:00Z";
    // Macros.
    QTest::newRow("hourly") << "@hourly" << "2026-11-27T10:07:00Z" << "2026-11-27T11:00:00Z";
    QTest::newRow("daily") << "@daily" << "2026-11-27T10:07:00Z" << "2026-11-28T00:00:00Z";
    QTest::newRow("midnight") << "@midnight" << "2026-11-27T10:07:00Z" << "2026-11-28T00:00:00Z";
    QTest::newRow("weekly-on-sunday") << "@weekly" << "2026-11-27T10:07:00Z" << "2026-11-29T00:00:00Z";
    QTest::newRow("monthly") << "@monthly" << "2026-11-27T10:07:00Z" << "2026-12-01T00:00:00Z";
    QTest::newRow("yearly") << "@yearly" << "2026-11-27T10:07:00Z" << "2027-01-01T00:00:00Z";
    QTest::newRow("annually") << "@annually" << "2026-11-27T10:07:00Z" << "2027-01-01T00:00:00Z";
    QTest::newRow("every-90m") << "@every 90m" << "2026-11-27T10:07:30.250Z" << "2026-11-27T11:37:30Z";
    QTest::newRow("every-below-a-second") << "@every 10ms" << "2026-11-27T10:07:30Z" << "2026-11-27T10:07:31Z";
    // Zones in the schedule (winter: no DST transition involved).
    QTest::newRow("tz-prefix") << "TZ=Europe/Madrid 0 9 * * *" << "2026-11-27T00:00:00Z" << "2026-11-27T08:00:00Z";
    QTest::newRow("cron-tz-prefix") << "CRON_TZ=Asia/Tokyo 0 9 * * *" << "2026-11-27T01:00:00Z" << "2026-11-28T00:00:00Z";
    QTest::newRow("tz-prefix-utc") << "TZ=UTC 0 9 * * *" << "2026-11-27T00:00:00Z" << "2026-11-27T09:00:00Z";
    QTest::newRow("tz-prefix-macro") << "TZ=America/New_York @daily" << "2026-11-27T10:00:00Z" << "2026-11-28T05:00:00Z";
}

void tst_CronSchedule::next()
{
    QFETCH(QString, spec);
    QFETCH(QString, after);
    QFETCH(QString, expected);
    const auto parsed = CronSchedule::parse(spec);
    QVERIFY2(std::holds_alternative<CronSchedule>(parsed), qPrintable(std::get_if<QString>(&parsed) ? *std::get_if<QString>(&parsed) : QString()));
    const QDateTime next = std::get<CronSchedule>(parsed).next(at(after.toLatin1().constData()));
    QCOMPARE(next.toUTC().toString(Qt::ISODate), at(expected.toLatin1().constData()).toString(Qt::ISODate));
}

void tst_CronSchedule::timeZoneField()
{
    // spec.timeZone becomes a TZ= prefix; a zone in the schedule text wins over it.
    const auto tokyo = CronSchedule::parse(u"0 9 * * *"_qs, u"Asia/Tokyo"_qs);
    QVERIFY(std::holds_alternative<CronSchedule>(tokyo));
    QCOMPARE(std::get<CronSchedule>(tokyo).next(at("2026-11-27T01:00:00Z")), at("2026-11-28T00:00:00Z"));

    const auto textWins = CronSchedule::parse(u"TZ=UTC 0 9 * * *"_qs, u"Asia/Tokyo"_qs);
    QVERIFY(std::holds_alternative<CronSchedule>(textWins));
    QCOMPARE(std::get<CronSchedule>(textWins).next(at("2026-11-27T01:00:00Z")), at("2026-11-27T09:00:00Z"));

    const auto none = CronSchedule::parse(u"0 9 * * *"_qs, std::nullopt);
    QVERIFY(std::holds_alternative<CronSchedule>(none));
    QCOMPARE(std::get<CronSchedule>(none).next(at("2026-11-27T01:00:00Z")), at("2026-11-27T09:00:00Z"));
}

void tst_CronSchedule::neverFires()
{
    const auto parsed = CronSchedule::parse(u"0 0 30 2 *"_qs);
    QVERIFY(std::holds_alternative<CronSchedule>(parsed)); // valid grammar, impossible date
    QVERIFY(!std::get<CronSchedule>(parsed).next(at("2026-11-27T00:00:00Z")).isValid());
}

void tst_CronSchedule::invalid_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("message");

    QTest::newRow("empty") << "" << "empty spec string";
    QTest::newRow("one-field") << "foo" << "expected exactly 5 fields, found 1: [foo]";
    QTest::newRow("four-fields") << "* * * *" << "expected exactly 5 fields, found 4: [* * * *]";
    QTest::newRow("six-fields") << "0 * * * * *" << "expected exactly 5 fields, found 6: [0 * * * * *]";
    QTest::newRow("minute-60") << "60 * * * *" << "end of range (60) above maximum (59): 60";
    QTest::newRow("hour-24") << "0 24 * * *" << "end of range (24) above maximum (23): 24";
    QTest::newRow("day-0") << "0 0 0 * *" << "beginning of range (0) below minimum (1): 0";
    QTest::newRow("day-32") << "0 0 32 * *" << "end of range (32) above maximum (31): 32";
    QTest::newRow("month-13") << "0 0 1 13 *" << "end of range (13) above maximum (12): 13";
    QTest::newRow("weekday-7") << "0 0 * * 7" << "end of range (7) above maximum (6): 7";
    QTest::newRow("range-backwards") << "5-2 * * * *" << "beginning of range (5) beyond end of range (2): 5-2";
    QTest::newRow("step-zero") << "*/0 * * * *" << "step of range should be a positive number: */0";
    QTest::newRow("too-many-hyphens") << "1-2-3 * * * *" << "too many hyphens: 1-2-3";
    QTest::newRow("too-many-slashes") << "*/2/3 * * * *" << "too many slashes: */2/3";
    QTest::newRow("not-a-number") << "x * * * *" << "failed to parse int from x: strconv.Atoi: parsing \"x\": invalid syntax";
    QTest::newRow("unknown-month-name") << "0 0 1 foo *" << "failed to parse int from foo: strconv.Atoi: parsing \"foo\": invalid syntax";
    QTest::newRow("negative") << "-1 * * * *" << "failed to parse int from : strconv.Atoi: parsing \"\": invalid syntax";
    QTest::newRow("bad-step") << "*/x * * * *" << "failed to parse int from x: strconv.Atoi: parsing \"x\": invalid syntax";
    QTest::newRow("unknown-descriptor") << "@fortnightly" << "unrecognized descriptor: @fortnightly";
    QTest::newRow("every-bad-unit") << "@every 1d" << "failed to parse duration @every 1d: time: unknown unit \"d\" in duration \"1d\"";
    QTest::newRow("bad-location") << "TZ=Mars/Base * * * * *" << "provided bad location Mars/Base: unknown time zone Mars/Base";
}

void tst_CronSchedule::invalid()
{
    QFETCH(QString, spec);
    QFETCH(QString, message);
    const auto parsed = CronSchedule::parse(spec);
    QVERIFY2(std::holds_alternative<QString>(parsed), "the schedule should be rejected");
    QCOMPARE(std::get<QString>(parsed), message);
}

void tst_CronSchedule::loadLocation()
{
    QVERIFY(std::holds_alternative<QTimeZone>(CronSchedule::loadLocation(u"Europe/Madrid"_qs)));
    QCOMPARE(std::get<QTimeZone>(CronSchedule::loadLocation(QString())), QTimeZone::utc());
    QCOMPARE(std::get<QTimeZone>(CronSchedule::loadLocation(u"UTC"_qs)), QTimeZone::utc());
    QCOMPARE(std::get<QString>(CronSchedule::loadLocation(u"Europe/Pariss"_qs)), u"unknown time zone Europe/Pariss"_qs);
    QCOMPARE(std::get<QString>(CronSchedule::loadLocation(u"UTC+01:00"_qs)), u"unknown time zone UTC+01:00"_qs);
}

QTEST_GUILESS_MAIN(tst_CronSchedule)
#include "tst_cronschedule.moc"
