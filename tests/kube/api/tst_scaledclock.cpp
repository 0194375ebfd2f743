// ScaledClock: the --speed arithmetic over an injected base clock — clock time runs speed times
// faster than the base from the moment of construction, real waits are clock waits / speed
// (rounded up), real durations × speed are clock ones, speeds outside 1..MaxSpeed are clamped,
// and parseSpeed accepts what `timonel-cluster --speed` should accept.
#include "kube/api/scaledclock.h"

#include <QTest>

#include <atomic>

using namespace kube;

namespace {

class ManualClock final : public Clock
{
public:
    QDateTime now() const override { return QDateTime::fromMSecsSinceEpoch(m_ms.load(), Qt::UTC); }
    void advance(qint64 ms) { m_ms += ms; }

private:
    std::atomic<qint64> m_ms = 1'800'000'000'000;
};

} // namespace

class tst_ScaledClock : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void startsAtTheBaseTime();
    void runsSpeedTimesFaster_data();
    void runsSpeedTimesFaster();
    void realMsecs_data();
    void realMsecs();
    void clockMsecs();
    void speedIsClamped();
    void parseSpeed_data();
    void parseSpeed();
    void monotonicClockAdvancesScaled();
};

void tst_ScaledClock::startsAtTheBaseTime()
{
    ManualClock base;
    const QDateTime start = base.now();
    const ScaledClock clock(20, base);
    QCOMPARE(clock.now(), start);
    QCOMPARE(&clock.base(), &base);
}

void tst_ScaledClock::runsSpeedTimesFaster_data()
{
    QTest::addColumn<double>("speed");
    QTest::addColumn<qint64>("realMs");
    QTest::addColumn<qint64>("clockMs");
    QTest::newRow("real-time") << 1.0 << qint64(1500) << qint64(1500);
    QTest::newRow("speed-20-one-second") << 20.0 << qint64(1000) << qint64(20000);
    QTest::newRow("speed-20-half-a-second-is-a-probe-period") << 20.0 << qint64(500) << qint64(10000);
    QTest::newRow("speed-2.5") << 2.5 << qint64(400) << qint64(1000);
    QTest::newRow("speed-100-one-hour") << 100.0 << qint64(3'600'000) << qint64(360'000'000);
}

void tst_ScaledClock::runsSpeedTimesFaster()
{
    QFETCH(double, speed);
    QFETCH(qint64, realMs);
    QFETCH(qint64, clockMs);
    ManualClock base;
    const ScaledClock clock(speed, base);
    const QDateTime start = clock.now();
    base.advance(realMs);
    QCOMPARE(start.msecsTo(clock.now()), clockMs);
    base.advance(realMs); // keeps the same rate, measured from the start
    QCOMPARE(start.msecsTo(clock.now()), 2 * clockMs);
}

void tst_ScaledClock::realMsecs_data()
{
    QTest::addColumn<double>("speed");
    QTest::addColumn<qint64>("clockMs");
    QTest::addColumn<qint64>("realMs");
    QTest::newRow("real-time-is-identity") << 1.0 << qint64(10000) << qint64(10000);
    QTest::newRow("probe-period-10s-at-20") << 20.0 << qint64(10000) << qint64(500);
    QTest::newRow("lease-renewal-10s-at-100") << 100.0 << qint64(10000) << qint64(100);
    QTest::newRow("rounds-up-so-a-wait-is-never-early") << 20.0 << qint64(1001) << qint64(51);
    QTest::newRow("one-clock-ms-is-one-real-ms") << 100.0 << qint64(1) << qint64(1);
    QTest::newRow("zero-stays-zero") << 50.0 << qint64(0) << qint64(0);
    QTest::newRow("past-deadline-is-zero") << 50.0 << qint64(-300) << qint64(0);
}

void tst_ScaledClock::realMsecs()
{
    QFETCH(double, speed);
    QFETCH(qint64, clockMs);
    QFETCH(qint64, realMs);
    ManualClock base;
    const ScaledClock clock(speed, base);
    QCOMPARE(clock.realMsecs(clockMs), realMs);
    QCOMPARE(clock.realDelay(std::chrono::milliseconds(clockMs)).count(), realMs);
    // A timer armed for the real wait finds the clock deadline reached, not earlier.
    if (clockMs > 0) {
        const QDateTime deadline = clock.now().addMSecs(clockMs);
        base.advance(realMs - 1);
        QVERIFY(clock.now() < deadline);
        base.advance(1);
        QVERIFY(clock.now() >= deadline);
    }
}

// The inverse: how much clock time passes in a real duration (the node grace floor uses it).
void tst_ScaledClock::clockMsecs()
{
    ManualClock base;
    QCOMPARE(ScaledClock(1, base).clockMsecs(40000), qint64(40000));
    QCOMPARE(ScaledClock(50, base).clockMsecs(40000), qint64(2'000'000));
    QCOMPARE(ScaledClock(2.5, base).clockMsecs(3), qint64(8)); // 7.5 rounds to nearest
    const ScaledClock clock(20, base);
    const QDateTime start = clock.now();
    base.advance(1234);
    QCOMPARE(start.msecsTo(clock.now()), clock.clockMsecs(1234));
}

void tst_ScaledClock::speedIsClamped()
{
    ManualClock base;
    QCOMPARE(ScaledClock(0.5, base).speed(), 1.0);
    QCOMPARE(ScaledClock(-3, base).speed(), 1.0);
    QCOMPARE(ScaledClock(qQNaN(), base).speed(), 1.0);
    QCOMPARE(ScaledClock(1e9, base).speed(), ScaledClock::MaxSpeed);
    QCOMPARE(ScaledClock(42, base).speed(), 42.0);
}

void tst_ScaledClock::parseSpeed_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<double>("speed"); // 0: refused
    QTest::newRow("one") << u"1"_qs << 1.0;
    QTest::newRow("twenty") << u"20"_qs << 20.0;
    QTest::newRow("fraction") << u"2.5"_qs << 2.5;
    QTest::newRow("spaces") << u" 50 "_qs << 50.0;
    QTest::newRow("the-maximum") << u"100"_qs << 100.0;
    QTest::newRow("above-the-maximum") << u"101"_qs << 0.0;
    QTest::newRow("slower-than-real-time") << u"0.5"_qs << 0.0;
    QTest::newRow("zero") << u"0"_qs << 0.0;
    QTest::newRow("negative") << u"-2"_qs << 0.0;
    QTest::newRow("a-word") << u"fast"_qs << 0.0;
    QTest::newRow("a-suffix") << u"20x"_qs << 0.0;
    QTest::newRow("empty") << QString() << 0.0;
    QTest::newRow("infinity") << u"inf"_qs << 0.0;
    QTest::newRow("nan") << u"nan"_qs << 0.0;
}

void tst_ScaledClock::parseSpeed()
{
    QFETCH(QString, text);
    QFETCH(double, speed);
    const std::optional<double> parsed = ScaledClock::parseSpeed(text);
    if (speed == 0) {
        QVERIFY2(!parsed, qPrintable(u"accepted %1"_qs.arg(parsed.value_or(0))));
        return;
    }
    QVERIFY(parsed);
    QCOMPARE(*parsed, speed);
}

// The monotonic source (no base): 50 real ms at speed 40 are ~2 clock seconds.
void tst_ScaledClock::monotonicClockAdvancesScaled()
{
    const ScaledClock clock(40);
    QCOMPARE(&clock.base(), &Clock::system());
    const QDateTime before = clock.now();
    QElapsedTimer real;
    real.start();
    QTest::qSleep(50);
    const QDateTime after = clock.now();
    const qint64 realMs = real.elapsed();
    const qint64 clockMs = before.msecsTo(after);
    QVERIFY2(clockMs >= 40 * 50 - 40, qPrintable(u"clock advanced %1 ms in %2 real ms"_qs.arg(clockMs).arg(realMs)));
    QVERIFY2(clockMs <= 40 * (realMs + 2), qPrintable(u"clock advanced %1 ms in %2 real ms"_qs.arg(clockMs).arg(realMs)));
    // It starts at the real time of its construction.
    QVERIFY(qAbs(before.msecsTo(QDateTime::currentDateTimeUtc())) < 2000);
}

QTEST_GUILESS_MAIN(tst_ScaledClock)
#include "tst_scaledclock.moc"
