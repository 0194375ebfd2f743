#include "kube/api/quantity.h"

#include <QTest>

using namespace kube;
using F = Quantity::Format;

Q_DECLARE_METATYPE(kube::Quantity::Format)

class tst_Quantity : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void canonical_data();
    void canonical();
    void verbatimVersusCanonical_data();
    void verbatimVersusCanonical();
    void negativeCanonical_data();
    void negativeCanonical();
    void exactValue_data();
    void exactValue();
    void invalid_data();
    void invalid();
    void compare_data();
    void compare();
    void scaledValues_data();
    void scaledValues();
    void addAndSubtract_data();
    void addAndSubtract();
    void sumOfRequests();
    void constructors();
    void approximateDouble();
};

// Upstream String() after ParseQuantity; rows from quantity_test.go (TestQuantityParse,
// TestQuantityString alternates, TestQuantityParseEmit, TestParseQuantity) and the brief.
void tst_Quantity::canonical_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<F>("format");

    QTest::newRow("zero") << "0" << "0" << F::DecimalSI;
    QTest::newRow("zero-nano") << "0n" << "0" << F::DecimalSI;
    QTest::newRow("zero-binary-keeps-format") << "0Ki" << "0" << F::BinarySI;
    QTest::newRow("zero-mega") << "0M" << "0" << F::DecimalSI;
    QTest::newRow("milli-to-unit") << "1000m" << "1" << F::DecimalSI;
    QTest::newRow("mebi-to-gibi") << "1024Mi" << "1Gi" << F::BinarySI;
    QTest::newRow("fractional-gibi") << "1.5Gi" << "1536Mi" << F::BinarySI;
    QTest::newRow("half") << "0.5" << "500m" << F::DecimalSI;
    QTest::newRow("exponent-kept") << "1e3" << "1e3" << F::DecimalExponent;
    QTest::newRow("thousand-to-kilo") << "1000" << "1k" << F::DecimalSI;
    QTest::newRow("mebi-kept") << "100Mi" << "100Mi" << F::BinarySI;
    QTest::newRow("plain-integer") << "1536" << "1536" << F::DecimalSI;
    QTest::newRow("fractional-kibi-not-integral") << "1.1Ki" << "1126400m" << F::BinarySI;
    QTest::newRow("tenth-kibi-below-1024") << "0.1Ki" << "102400m" << F::BinarySI;
    QTest::newRow("kibi") << "1Ki" << "1Ki" << F::BinarySI;
    QTest::newRow("gibi") << "1Gi" << "1Gi" << F::BinarySI;
    QTest::newRow("mega-to-giga") << "1000M" << "1G" << F::DecimalSI;
    QTest::newRow("tiny-kibi-milli") << ".001Ki" << "1024m" << F::BinarySI;
    QTest::newRow("tiny-kibi-micro") << ".000001Ki" << "1024u" << F::DecimalSI;
    QTest::newRow("tiny-kibi-nano") << ".000000001Ki" << "1024n" << F::DecimalSI;
    QTest::newRow("tiny-kibi-rounds-up") << ".000000000001Ki" << "2n" << F::DecimalSI;
    QTest::newRow("gibi-from-mebi-alternate") << "1024Mi" << "1Gi" << F::BinarySI;
    QTest::newRow("mebi-from-kibi") << "307200Ki" << "300Mi" << F::BinarySI;
    QTest::newRow("tebi-from-gibi") << "1024Gi" << "1Ti" << F::BinarySI;
    QTest::newRow("giga-from-tera") << "0.001T" << "1G" << F::DecimalSI;
    QTest::newRow("milli-from-micro") << "1000u" << "1m" << F::DecimalSI;
    QTest::newRow("decimal-fraction") << "1.08" << "1080m" << F::DecimalSI;
    QTest::newRow("nano-digits") << "1080000000n" << "1080m" << F::DecimalSI;
    QTest::newRow("exponent-fraction") << ".001e12" << "1e9" << F::DecimalExponent;
    QTest::newRow("exponent-negative") << "0.001e0" << "1e-3" << F::DecimalExponent;
    QTest::newRow("exponent-nano") << "1000e-12" << "1e-9" << F::DecimalExponent;
    QTest::newRow("exponent-uppercase-kept") << "1E3" << "1E3" << F::DecimalExponent;
    QTest::newRow("exponent-mixed-to-zero") << "1.5e3" << "1500" << F::DecimalExponent;
    QTest::newRow("exponent-plus-sign") << "1.3E+6" << "1300e3" << F::DecimalExponent;
    QTest::newRow("double-zero") << "00" << "0" << F::DecimalSI;
    QTest::newRow("kilo") << "100k" << "100k" << F::DecimalSI;
    QTest::newRow("fraction-kilo") << "0.0005k" << "500m" << F::DecimalSI;
    QTest::newRow("fraction-mega-kept-verbatim") << "10.035M" << "10.035M" << F::DecimalSI;
    QTest::newRow("fraction-mega-not-multiple-of-three") << "10.03M" << "10030k" << F::DecimalSI;
    QTest::newRow("fraction-giga-kept-verbatim") << "6.987654321G" << "6.987654321G" << F::DecimalSI;
    QTest::newRow("fraction-giga-trailing-zeros") << "6.987654000G" << "6987654k" << F::DecimalSI;
    QTest::newRow("exa") << "1E" << "1E" << F::DecimalSI;
    QTest::newRow("twelve-exa") << "12E" << "12E" << F::DecimalSI;
    QTest::newRow("plus-kept-verbatim") << "+1" << "+1" << F::DecimalSI;
    QTest::newRow("leading-zero-kept-verbatim") << "01" << "01" << F::DecimalSI;
    QTest::newRow("trailing-fraction-zeros-kept-verbatim") << "1.500" << "1.500" << F::DecimalSI;
    QTest::newRow("trailing-dot-kept-verbatim") << "1." << "1." << F::DecimalSI;
    QTest::newRow("trailing-dot-giga-kept-verbatim") << "1.G" << "1.G" << F::DecimalSI;
    QTest::newRow("nano-rounds-up") << "3.001n" << "4n" << F::DecimalSI;
    QTest::newRow("sub-nano-rounds-up") << "0.0000000001" << "1n" << F::DecimalSI;
    QTest::newRow("sub-nano-exponent") << "1.1E-9" << "2e-9" << F::DecimalExponent;
    QTest::newRow("micro-rounding") << "0.00000012345" << "124n" << F::DecimalSI;
    QTest::newRow("exbi-caps-at-int64") << "9Ei" << "9223372036854775807" << F::BinarySI;
    QTest::newRow("huge-kibi-caps") << "9223372036854775807Ki" << "9223372036854775807" << F::BinarySI;
    QTest::newRow("binary-fraction") << "100.035Ki" << "102435840m" << F::BinarySI;
    QTest::newRow("half-mebi") << "0.5Mi" << "512Ki" << F::BinarySI;
    QTest::newRow("nineteen-digits") << "9999999999999999999" << "9999999999999999999" << F::DecimalSI;
    QTest::newRow("eighteen-digits-dot-zero") << "999999999999999999.0" << "999999999999999999" << F::DecimalSI;
    QTest::newRow("eighteen-digits-dot-one") << "999999999999999999.1" << "999999999999999999100m" << F::DecimalSI;
    QTest::newRow("int64-max-plus-one") << "9223372036854775808" << "9223372036854775808" << F::DecimalSI;
    QTest::newRow("exa-in-digits") << "1000000000000000000" << "1E" << F::DecimalSI;
    QTest::newRow("ten-exa-in-milli") << "10000000000000000000000m" << "10E" << F::DecimalSI;
    QTest::newRow("exa-with-tenth") << "1.0000000000000000001E" << "1000000000000000000100m" << F::DecimalSI;
    QTest::newRow("beyond-exa-stays-exact") << "1000E" << "1000E" << F::DecimalSI;
    QTest::newRow("no-digits-binary-is-zero") << "Gi" << "0" << F::BinarySI;
    QTest::newRow("dot-is-zero") << "." << "0" << F::DecimalSI;
}

void tst_Quantity::canonical()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QFETCH(F, format);
    const Expected<Quantity> q = Quantity::parse(input);
    QVERIFY2(q.ok(), qPrintable(q.error().message()));
    QCOMPARE(q->toString(), expected);
    QCOMPARE(q->format(), format);
    // The canonical form parses back to the same value.
    const Expected<Quantity> again = Quantity::parse(q->toString());
    QVERIFY(again.ok());
    QCOMPARE(again->compare(*q), 0);
}

// Upstream echoes fast-path input that looks canonical; toCanonicalString() never does.
void tst_Quantity::verbatimVersusCanonical_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("canonical");
    QTest::newRow("plus") << "+1" << "1";
    QTest::newRow("leading-zero") << "01" << "1";
    QTest::newRow("trailing-fraction-zeros") << "1.500" << "1500m";
    QTest::newRow("fraction-mega") << "10.035M" << "10035k";
    QTest::newRow("uppercase-exponent") << "1E3" << "1e3";
    QTest::newRow("trailing-dot-giga") << "1.G" << "1G";
    QTest::newRow("plus-kibi") << "+1Ki" << "1Ki";
    QTest::newRow("already-canonical") << "100Mi" << "100Mi";
}

void tst_Quantity::verbatimVersusCanonical()
{
    QFETCH(QString, input);
    QFETCH(QString, canonical);
    const Quantity q = *Quantity::parse(input);
    QCOMPARE(q.toString(), input);
    QCOMPARE(q.toCanonicalString(), canonical);
    // Arithmetic drops the echoed text.
    QCOMPARE((q + Quantity()).toString(), canonical);
}

void tst_Quantity::negativeCanonical_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("negative-integer") << "-2" << "-2";
    QTest::newRow("negative-gibi") << "-1.5Gi" << "-1536Mi";
    QTest::newRow("negative-milli") << "-0.5" << "-500m";
    QTest::newRow("negative-nano-rounds-away-from-zero") << "-3.001n" << "-4n";
    QTest::newRow("negative-exbi-caps") << "-9Ei" << "-9223372036854775807";
    QTest::newRow("negative-tiny-kibi") << "-.000000000001Ki" << "-2n";
    QTest::newRow("negative-zero") << "-0" << "0";
    QTest::newRow("negative-kilo") << "-1000" << "-1k";
}

void tst_Quantity::negativeCanonical()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const Expected<Quantity> q = Quantity::parse(input);
    QVERIFY2(q.ok(), qPrintable(q.error().message()));
    QCOMPARE(q->toString(), expected);
}

// The exact value, checked through milliValue()/value() and scaledValue(-9).
void tst_Quantity::exactValue_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<qint64>("nano");
    QTest::newRow("one") << "1" << qint64(1'000'000'000);
    QTest::newRow("milli") << "500m" << qint64(500'000'000);
    QTest::newRow("kibi") << "1Ki" << qint64(1024'000'000'000);
    QTest::newRow("fraction-kibi") << "0.5Ki" << qint64(512'000'000'000);
    QTest::newRow("exponent-negative") << "2E-3" << qint64(2'000'000);
    QTest::newRow("micro") << "4u" << qint64(4'000);
    QTest::newRow("nano") << "5n" << qint64(5);
    QTest::newRow("fraction-kilo") << "8.1k" << qint64(8'100'000'000'000);
    QTest::newRow("negative") << "-2" << qint64(-2'000'000'000);
    QTest::newRow("plus-sign") << "+1" << qint64(1'000'000'000);
    QTest::newRow("tenth-kibi") << "0.1Ki" << qint64(102'400'000'000);
    QTest::newRow("leading-dot") << ".001" << qint64(1'000'000);
    QTest::newRow("leading-dot-kilo") << ".0001k" << qint64(100'000'000);
    QTest::newRow("exponent-half") << "0.5e-2" << qint64(5'000'000);
}

void tst_Quantity::exactValue()
{
    QFETCH(QString, input);
    QFETCH(qint64, nano);
    const Expected<Quantity> q = Quantity::parse(input);
    QVERIFY2(q.ok(), qPrintable(q.error().message()));
    QCOMPARE(q->scaledValue(-9), nano);
}

void tst_Quantity::invalid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("message");
    const QString regex = u"quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"_qs;
    const QString suffix = u"unable to parse quantity's suffix"_qs;
    const QString numeric = u"unable to parse numeric part of quantity"_qs;
    QTest::newRow("empty") << "" << regex;
    QTest::newRow("two-dots") << "1.2.3" << regex;
    QTest::newRow("space-before-suffix") << "1 Gi" << regex;
    QTest::newRow("bytes-suffix") << "1GiB" << regex;
    QTest::newRow("double-sign") << "--1" << suffix;
    QTest::newRow("exponent-without-digits") << "1e" << suffix;
    QTest::newRow("exponent-sign-only") << "-3.01e-" << suffix;
    QTest::newRow("dot-mega") << "1.1.M" << regex;
    QTest::newRow("sign-inside") << "1+1.0M" << regex;
    QTest::newRow("milli-i") << "0.1mi" << suffix;
    QTest::newRow("atto") << "0.1am" << regex;
    QTest::newRow("word") << "aoeu" << regex;
    QTest::newRow("bare-i") << "1i" << suffix;
    QTest::newRow("dot-i") << ".5i" << suffix;
    QTest::newRow("leading-space") << " 1" << regex;
    QTest::newRow("trailing-space") << "1 " << regex;
    QTest::newRow("lower-kibi") << "1ki" << suffix;
    QTest::newRow("no-digits-exbi") << "Ei" << numeric;
    QTest::newRow("no-digits-pebi") << "-Pi" << numeric;
}

void tst_Quantity::invalid()
{
    QFETCH(QString, input);
    QFETCH(QString, message);
    const Expected<Quantity> q = Quantity::parse(input);
    QVERIFY(!q.ok());
    QCOMPARE(q.error().code(), 400);
    QVERIFY(q.error().is(reason::BadRequest));
    QCOMPARE(q.error().message(), message);
}

void tst_Quantity::compare_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<int>("expected");
    QTest::newRow("zero-zero") << "0" << "0" << 0;
    QTest::newRow("milli-greater") << "100m" << "50m" << 1;
    QTest::newRow("milli-less") << "50m" << "100m" << -1;
    QTest::newRow("tera-vs-gibi") << "10000T" << "100Gi" << 1;
    QTest::newRow("same-value-different-format") << "1Ki" << "1024" << 0;
    QTest::newRow("same-value-exponent") << "1e3" << "1k" << 0;
    QTest::newRow("negative-vs-positive") << "-1" << "1m" << -1;
    QTest::newRow("negatives") << "-2" << "-1" << -1;
    QTest::newRow("close-digits") << "15" << "15.1" << -1;
    QTest::newRow("huge-vs-tiny") << "1e30" << "1n" << 1;
    QTest::newRow("zero-formats") << "0Mi" << "0m" << 0;
}

void tst_Quantity::compare()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(int, expected);
    const Quantity qa = *Quantity::parse(a);
    const Quantity qb = *Quantity::parse(b);
    QCOMPARE(qa.compare(qb), expected);
    QCOMPARE(qb.compare(qa), -expected);
    QCOMPARE(qa == qb, expected == 0);
    QCOMPARE(qa < qb, expected < 0);
}

void tst_Quantity::scaledValues_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<qint64>("value");
    QTest::addColumn<qint64>("milli");
    QTest::newRow("milli-rounds-up-to-one") << "1m" << qint64(1) << qint64(1);
    QTest::newRow("one-and-a-half") << "1.5" << qint64(2) << qint64(1500);
    QTest::newRow("negative-rounds-away") << "-1.5" << qint64(-2) << qint64(-1500);
    QTest::newRow("nano-rounds-up-in-milli") << "1n" << qint64(1) << qint64(1);
    QTest::newRow("gibi") << "1Gi" << qint64(1073741824) << qint64(1073741824000);
    QTest::newRow("cpu") << "250m" << qint64(1) << qint64(250);
    QTest::newRow("saturates") << "1e30" << qint64(std::numeric_limits<qint64>::max()) << qint64(std::numeric_limits<qint64>::max());
    QTest::newRow("saturates-negative") << "-1e30" << qint64(std::numeric_limits<qint64>::min()) << qint64(std::numeric_limits<qint64>::min());
    QTest::newRow("exa") << "9E" << qint64(9'000'000'000'000'000'000) << qint64(std::numeric_limits<qint64>::max());
}

void tst_Quantity::scaledValues()
{
    QFETCH(QString, input);
    QFETCH(qint64, value);
    QFETCH(qint64, milli);
    const Quantity q = *Quantity::parse(input);
    QCOMPARE(q.value(), value);
    QCOMPARE(q.milliValue(), milli);
}

void tst_Quantity::addAndSubtract_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<QString>("sum");
    QTest::addColumn<QString>("difference");
    QTest::newRow("decimal") << "10" << "10" << "20" << "0";
    QTest::newRow("decimal-plus-binary-keeps-left-format") << "10" << "1Ki" << "1034" << "-1014";
    QTest::newRow("binary-plus-decimal") << "1Ki" << "1Ki" << "2Ki" << "0";
    QTest::newRow("milli-cpu") << "500m" << "250m" << "750m" << "250m";
    QTest::newRow("mixed-scales") << "1" << "1n" << "1000000001n" << "999999999n";
    QTest::newRow("zero-takes-right-format") << "0" << "1Gi" << "1Gi" << "-1Gi";
    QTest::newRow("binary-fraction-prints-decimal") << "1Gi" << "500m" << "1073741824500m" << "1073741823500m";
    QTest::newRow("exponent") << "1e3" << "1e3" << "2e3" << "0";
}

void tst_Quantity::addAndSubtract()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(QString, sum);
    QFETCH(QString, difference);
    const Quantity qa = *Quantity::parse(a);
    const Quantity qb = *Quantity::parse(b);
    QCOMPARE((qa + qb).toString(), sum);
    QCOMPARE((qa - qb).toString(), difference);
    // Round trip: (a + b) - b == a.
    QCOMPARE(((qa + qb) - qb).compare(qa), 0);
}

void tst_Quantity::sumOfRequests()
{
    // What a scheduler does: sum container requests of mixed spellings.
    Quantity cpu;
    for (const char16_t *s : {u"100m", u"0.25", u"1", u"1500m"})
        cpu += *Quantity::parse(QStringView(s));
    QCOMPARE(cpu.milliValue(), qint64(2850));
    QCOMPARE(cpu.toString(), u"2850m"_qs);

    Quantity memory;
    for (const char16_t *s : {u"128Mi", u"384Mi", u"512Mi"})
        memory += *Quantity::parse(QStringView(s));
    QCOMPARE(memory.toString(), u"1Gi"_qs);
    QCOMPARE(memory.value(), qint64(1) << 30);
}

void tst_Quantity::constructors()
{
    QCOMPARE(Quantity::fromMilli(1500).toString(), u"1500m"_qs);
    QCOMPARE(Quantity::fromMilli(2000).toString(), u"2"_qs);
    QCOMPARE(Quantity::fromValue(1024, F::BinarySI).toString(), u"1Ki"_qs);
    QCOMPARE(Quantity::fromValue(5, F::BinarySI).toString(), u"5"_qs);
    QCOMPARE(Quantity::fromMilli(500, F::BinarySI).toString(), u"500m"_qs);
    QCOMPARE(Quantity::fromScaled(1234567, 6).toString(), u"1234567M"_qs);
    QCOMPARE(Quantity::fromScaled(10800, -10).toString(), u"1080n"_qs);
    QCOMPARE(Quantity::fromScaled(80, -3, F::DecimalExponent).toString(), u"80e-3"_qs);
    QCOMPARE(Quantity::fromScaled(300, 6, F::DecimalExponent).toString(), u"300e6"_qs);
    QCOMPARE(Quantity::fromValue(1025, F::BinarySI).toString(), u"1025"_qs);
    QCOMPARE(Quantity().toString(), u"0"_qs);
    QCOMPARE((-Quantity::fromValue(3)).toString(), u"-3"_qs);
}

void tst_Quantity::approximateDouble()
{
    QCOMPARE(Quantity::parse(u"1.5Gi")->asApproximateDouble(), 1.5 * 1024 * 1024 * 1024);
    QCOMPARE(Quantity::parse(u"250m")->asApproximateDouble(), 0.25);
    QCOMPARE(Quantity::parse(u"-1e3")->asApproximateDouble(), -1000.0);
}

QTEST_GUILESS_MAIN(tst_Quantity)
#include "tst_quantity.moc"
