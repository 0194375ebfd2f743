#include "kube/api/duration.h"

#include <QTest>

#include <limits>

using namespace kube;

class tst_Duration : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data();
    void parse();
    void parseErrors_data();
    void parseErrors();
    void format_data();
    void format();
    void roundTrip_data();
    void roundTrip();
    void human_data();
    void human();
    void shortHuman_data();
    void shortHuman();
    void chrono();
};

constexpr qint64 ns = Duration::Nanosecond;
constexpr qint64 us = Duration::Microsecond;
constexpr qint64 ms = Duration::Millisecond;
constexpr qint64 sec = Duration::Second;
constexpr qint64 minute = Duration::Minute;
constexpr qint64 hour = Duration::Hour;

// Rows from Go's time.ParseDuration tests.
void tst_Duration::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("nanoseconds");
    QTest::newRow("zero") << "0" << qint64(0);
    QTest::newRow("plus-zero") << "+0" << qint64(0);
    QTest::newRow("minus-zero") << "-0" << qint64(0);
    QTest::newRow("seconds") << "5s" << 5 * sec;
    QTest::newRow("thirty-seconds") << "30s" << 30 * sec;
    QTest::newRow("large-seconds") << "1478s" << 1478 * sec;
    QTest::newRow("negative") << "-5s" << -5 * sec;
    QTest::newRow("plus") << "+5s" << 5 * sec;
    QTest::newRow("zero-seconds") << "0s" << qint64(0);
    QTest::newRow("minus-zero-seconds") << "-0s" << qint64(0);
    QTest::newRow("decimal") << "5.0s" << 5 * sec;
    QTest::newRow("fraction") << "5.6s" << 5 * sec + 600 * ms;
    QTest::newRow("trailing-dot") << "5.s" << 5 * sec;
    QTest::newRow("leading-dot") << ".5s" << 500 * ms;
    QTest::newRow("one-point-zero") << "1.0s" << sec;
    QTest::newRow("one-point-zeros") << "1.00s" << sec;
    QTest::newRow("one-point-four") << "1.004s" << sec + 4 * ms;
    QTest::newRow("one-point-four-zeros") << "1.0040s" << sec + 4 * ms;
    QTest::newRow("hundred-point") << "100.00100s" << 100 * sec + 1 * ms;
    QTest::newRow("milliseconds") << "300ms" << 300 * ms;
    QTest::newRow("negative-hours") << "-1.5h" << -90 * minute;
    QTest::newRow("compound") << "2h45m" << 2 * hour + 45 * minute;
    QTest::newRow("nanoseconds") << "10ns" << 10 * ns;
    QTest::newRow("micro-us") << "11us" << 11 * us;
    QTest::newRow("micro-sign") << u"12\u00b5s"_qs << 12 * us;
    QTest::newRow("greek-mu") << u"12\u03bcs"_qs << 12 * us;
    QTest::newRow("millis") << "13ms" << 13 * ms;
    QTest::newRow("minutes") << "15m" << 15 * minute;
    QTest::newRow("hours") << "16h" << 16 * hour;
    QTest::newRow("hours-minutes") << "3h30m" << 3 * hour + 30 * minute;
    QTest::newRow("many-units") << "10.5s4m" << 4 * minute + 10 * sec + 500 * ms;
    QTest::newRow("negative-compound") << "-2m3.4s" << -(2 * minute + 3 * sec + 400 * ms);
    QTest::newRow("all-units") << "1h2m3s4ms5us6ns" << hour + 2 * minute + 3 * sec + 4 * ms + 5 * us + 6 * ns;
    QTest::newRow("all-units-spaced-order") << "39h9m14.425s" << 39 * hour + 9 * minute + 14 * sec + 425 * ms;
    QTest::newRow("large-ns") << "52763797000ns" << 52763797000 * ns;
    QTest::newRow("fraction-of-hour-precise") << "0.3333333333333333333h" << 20 * minute;
    QTest::newRow("long-zero-fraction-of-hour") << "0.100000000000000000000h" << 6 * minute;
    QTest::newRow("fraction-overflow-check") << "0.830103483285477580700h" << 49 * minute + 48 * sec + 372539827 * ns;
    QTest::newRow("nine-digit-fraction") << "1.000000001s" << sec + 1;
    QTest::newRow("long-fraction-ignored-digits") << "1.00000000100000000000000000000000001s" << sec + 1;
    QTest::newRow("max") << "9223372036854775807ns" << std::numeric_limits<qint64>::max();
    QTest::newRow("max-fraction-us") << "9223372036854775.807us" << std::numeric_limits<qint64>::max();
    QTest::newRow("min") << "-9223372036854775808ns" << std::numeric_limits<qint64>::min();
    QTest::newRow("min-fraction-s") << "-9223372036.854775808s" << std::numeric_limits<qint64>::min();
    QTest::newRow("max-hours-fraction") << "2562047.7880152155h" << qint64(9223372036854775800);
}

void tst_Duration::parse()
{
    QFETCH(QString, text);
    QFETCH(qint64, nanoseconds);
    const Expected<Duration> d = Duration::parse(text);
    QVERIFY2(d.ok(), qPrintable(d.error().message()));
    QCOMPARE(d->nanoseconds(), nanoseconds);
}

void tst_Duration::parseErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << "" << R"(time: invalid duration "")";
    QTest::newRow("number-without-unit") << "3" << R"(time: missing unit in duration "3")";
    QTest::newRow("negative-without-unit") << "-1" << R"(time: missing unit in duration "-1")";
    QTest::newRow("sign-only") << "-" << R"(time: invalid duration "-")";
    QTest::newRow("unit-only") << "s" << R"(time: invalid duration "s")";
    QTest::newRow("dot-only") << "." << R"(time: invalid duration ".")";
    QTest::newRow("minus-dot") << "-." << R"(time: invalid duration "-.")";
    QTest::newRow("dot-unit") << ".s" << R"(time: invalid duration ".s")";
    QTest::newRow("plus-dot-unit") << "+.s" << R"(time: invalid duration "+.s")";
    QTest::newRow("days-unknown") << "1d" << R"(time: unknown unit "d" in duration "1d")";
    QTest::newRow("seconds-word") << "10sec" << R"(time: unknown unit "sec" in duration "10sec")";
    QTest::newRow("space") << "1 s" << R"(time: unknown unit " s" in duration "1 s")";
    QTest::newRow("overflow") << "9223372036854775808ns" << R"(time: invalid duration "9223372036854775808ns")";
    QTest::newRow("overflow-sum") << "9223372036854775807ns1ns" << R"(time: invalid duration "9223372036854775807ns1ns")";
    QTest::newRow("overflow-fraction") << "9223372036854775.808us" << R"(time: invalid duration "9223372036854775.808us")";
    QTest::newRow("overflow-hours") << "2562048h" << R"(time: invalid duration "2562048h")";
    QTest::newRow("overflow-negative") << "-9223372036854775809ns" << R"(time: invalid duration "-9223372036854775809ns")";
    QTest::newRow("non-ascii-quoted-as-bytes") << u"1\u00e9"_qs << R"(time: unknown unit "\xc3\xa9" in duration "1\xc3\xa9")";
    QTest::newRow("quote-escaped") << "1\"" << R"(time: unknown unit "\"" in duration "1\"")";
}

void tst_Duration::parseErrors()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    const Expected<Duration> d = Duration::parse(text);
    QVERIFY(!d.ok());
    QCOMPARE(d.error().code(), 400);
    QCOMPARE(d.error().message(), message);
}

// Rows from Go's Duration.String tests.
void tst_Duration::format_data()
{
    QTest::addColumn<qint64>("nanoseconds");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << qint64(0) << "0s";
    QTest::newRow("one-ns") << qint64(1) << "1ns";
    QTest::newRow("micro") << 1100 * ns << u"1.1\u00b5s"_qs;
    QTest::newRow("milli") << 2200 * us << "2.2ms";
    QTest::newRow("seconds-fraction") << 3300 * ms << "3.3s";
    QTest::newRow("minutes") << 4 * minute + 5 * sec << "4m5s";
    QTest::newRow("minutes-fraction") << 4 * minute + 5001 * ms << "4m5.001s";
    QTest::newRow("hours") << 5 * hour + 6 * minute + 7001 * ms << "5h6m7.001s";
    QTest::newRow("minutes-ns") << 8 * minute + 1 << "8m0.000000001s";
    QTest::newRow("one-hour") << hour << "1h0m0s";
    QTest::newRow("ninety-minutes") << 90 * minute << "1h30m0s";
    QTest::newRow("one-and-a-half-seconds") << 1500 * ms << "1.5s";
    QTest::newRow("three-hundred-ms") << 300 * ms << "300ms";
    QTest::newRow("one-microsecond") << us << u"1\u00b5s"_qs;
    QTest::newRow("negative") << -1500 * ms << "-1.5s";
    QTest::newRow("negative-ns") << qint64(-1) << "-1ns";
    QTest::newRow("max") << std::numeric_limits<qint64>::max() << "2562047h47m16.854775807s";
    QTest::newRow("min") << std::numeric_limits<qint64>::min() << "-2562047h47m16.854775808s";
}

void tst_Duration::format()
{
    QFETCH(qint64, nanoseconds);
    QFETCH(QString, text);
    QCOMPARE(Duration(nanoseconds).toString(), text);
}

void tst_Duration::roundTrip_data()
{
    QTest::addColumn<qint64>("nanoseconds");
    QTest::newRow("zero") << qint64(0);
    QTest::newRow("odd") << qint64(123456789012345);
    QTest::newRow("negative") << qint64(-987654321);
    QTest::newRow("micro") << qint64(1234);
    QTest::newRow("max") << std::numeric_limits<qint64>::max();
    QTest::newRow("min") << std::numeric_limits<qint64>::min();
}

void tst_Duration::roundTrip()
{
    QFETCH(qint64, nanoseconds);
    const Expected<Duration> back = Duration::parse(Duration(nanoseconds).toString());
    QVERIFY2(back.ok(), qPrintable(back.error().message()));
    QCOMPARE(back->nanoseconds(), nanoseconds);
}

// Rows from apimachinery util/duration TestHumanDuration and TestHumanDurationBoundaries.
void tst_Duration::human_data()
{
    QTest::addColumn<qint64>("nanoseconds");
    QTest::addColumn<QString>("text");
    const qint64 day = 24 * hour;
    const qint64 year = 365 * day;
    QTest::newRow("one-second") << sec << "1s";
    QTest::newRow("seventy-seconds") << 70 * sec << "70s";
    QTest::newRow("190-seconds") << 190 * sec << "3m10s";
    QTest::newRow("seventy-minutes") << 70 * minute << "70m";
    QTest::newRow("47-hours") << 47 * hour << "47h";
    QTest::newRow("49-hours") << 49 * hour << "2d1h";
    QTest::newRow("eight-days-two-hours") << (8 * 24 + 2) * hour << "8d";
    QTest::newRow("367-days") << 367 * day << "367d";
    QTest::newRow("two-years-one-day") << (365 * 2 * 24 + 25) * hour << "2y1d";
    QTest::newRow("eight-years") << (365 * 8 * 24 + 2) * hour << "8y";
    QTest::newRow("minus-two-seconds-invalid") << -2 * sec << "<invalid>";
    QTest::newRow("almost-minus-two-is-now") << -2 * sec + 1 << "0s";
    QTest::newRow("zero") << qint64(0) << "0s";
    QTest::newRow("under-a-second") << sec - ms << "0s";
    QTest::newRow("under-two-minutes") << 2 * minute - ms << "119s";
    QTest::newRow("two-minutes") << 2 * minute << "2m";
    QTest::newRow("two-minutes-one") << 2 * minute + sec << "2m1s";
    QTest::newRow("under-ten-minutes") << 10 * minute - ms << "9m59s";
    QTest::newRow("ten-minutes") << 10 * minute << "10m";
    QTest::newRow("ten-minutes-one") << 10 * minute + sec << "10m";
    QTest::newRow("under-three-hours") << 3 * hour - ms << "179m";
    QTest::newRow("three-hours") << 3 * hour << "3h";
    QTest::newRow("three-hours-one") << 3 * hour + minute << "3h1m";
    QTest::newRow("under-eight-hours") << 8 * hour - ms << "7h59m";
    QTest::newRow("eight-hours") << 8 * hour << "8h";
    QTest::newRow("eight-hours-59") << 8 * hour + 59 * minute << "8h";
    QTest::newRow("under-two-days") << 2 * day - ms << "47h";
    QTest::newRow("two-days") << 2 * day << "2d";
    QTest::newRow("two-days-one-hour") << 2 * day + hour << "2d1h";
    QTest::newRow("under-eight-days") << 8 * day - ms << "7d23h";
    QTest::newRow("eight-days") << 8 * day << "8d";
    QTest::newRow("eight-days-23h") << 8 * day + 23 * hour << "8d";
    QTest::newRow("under-two-years") << 2 * year - ms << "729d";
    QTest::newRow("two-years") << 2 * year << "2y";
    QTest::newRow("two-years-23h") << 2 * year + 23 * hour << "2y";
    QTest::newRow("two-years-almost-a-day") << 2 * year + day - ms << "2y";
    QTest::newRow("two-years-one-day-exact") << 2 * year + day << "2y1d";
    QTest::newRow("three-years") << 3 * year << "3y";
    QTest::newRow("three-years-45-days") << 3 * year + 45 * day << "3y45d";
    QTest::newRow("seven-years") << 7 * year << "7y";
    QTest::newRow("under-eight-years") << 8 * year - ms << "7y364d";
    QTest::newRow("eight-years-exact") << 8 * year << "8y";
    QTest::newRow("eight-years-364-days") << 8 * year + 364 * day << "8y";
    QTest::newRow("nine-years") << 9 * year << "9y";
}

void tst_Duration::human()
{
    QFETCH(qint64, nanoseconds);
    QFETCH(QString, text);
    QCOMPARE(Duration(nanoseconds).toHumanString(), text);
}

// Rows from apimachinery util/duration TestShortHumanDurationBoundaries.
void tst_Duration::shortHuman_data()
{
    QTest::addColumn<qint64>("nanoseconds");
    QTest::addColumn<QString>("text");
    const qint64 day = 24 * hour;
    const qint64 year = 365 * day;
    QTest::newRow("minus-two-invalid") << -2 * sec << "<invalid>";
    QTest::newRow("almost-minus-two") << -2 * sec + 1 << "0s";
    QTest::newRow("zero") << qint64(0) << "0s";
    QTest::newRow("under-a-second") << sec - ms << "0s";
    QTest::newRow("one-second") << sec << "1s";
    QTest::newRow("under-two-seconds") << 2 * sec - ms << "1s";
    QTest::newRow("under-a-minute") << minute - ms << "59s";
    QTest::newRow("one-minute") << minute << "1m";
    QTest::newRow("under-two-minutes") << 2 * minute - ms << "1m";
    QTest::newRow("under-an-hour") << hour - ms << "59m";
    QTest::newRow("one-hour") << hour << "1h";
    QTest::newRow("under-two-hours") << 2 * hour - ms << "1h";
    QTest::newRow("under-a-day") << day - ms << "23h";
    QTest::newRow("one-day") << day << "1d";
    QTest::newRow("under-two-days") << 2 * day - ms << "1d";
    QTest::newRow("under-a-year") << year - ms << "364d";
    QTest::newRow("one-year") << year << "1y";
    QTest::newRow("under-two-years") << 2 * year - ms << "1y";
    QTest::newRow("two-years") << 2 * year << "2y";
}

void tst_Duration::shortHuman()
{
    QFETCH(qint64, nanoseconds);
    QFETCH(QString, text);
    QCOMPARE(Duration(nanoseconds).toShortHumanString(), text);
}

void tst_Duration::chrono()
{
    using namespace std::chrono_literals;
    QCOMPARE(Duration(90s).nanoseconds(), 90 * sec);
    QCOMPARE(Duration(250ms).toString(), u"250ms"_qs);
    QVERIFY(Duration(1s) < Duration(1001ms));
    QCOMPARE(Duration(1500ms).seconds(), 1.5);
    QCOMPARE(Duration(3 * sec).toChrono(), std::chrono::nanoseconds(3s));
}

QTEST_GUILESS_MAIN(tst_Duration)
#include "tst_duration.moc"
