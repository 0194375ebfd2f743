// Backoff: growth, cap, jitter bounds and the reset after a healthy period, on a fake clock.
#include "fakeclock.h"

#include "kube/cache/backoff.h"

#include <QTest>

using namespace std::chrono_literals;
using kube::testing::FakeClock;

class tst_Backoff : public QObject
{
    Q_OBJECT
private slots:
    void sequence_data();
    void sequence();
    void jitterStaysWithinBounds();
    void resetsAfterHealthyPeriod();
    void sameSeedSameDelays();
};

void tst_Backoff::sequence_data()
{
    QTest::addColumn<qint64>("initial");
    QTest::addColumn<qint64>("max");
    QTest::addColumn<QList<qint64>>("expected");
    QTest::newRow("client-go-defaults-no-jitter") << qint64(800) << qint64(30'000)
        << QList<qint64>{800, 1600, 3200, 6400, 12'800, 25'600, 30'000, 30'000};
    QTest::newRow("small-test-delays") << qint64(1) << qint64(8) << QList<qint64>{1, 2, 4, 8, 8};
}

void tst_Backoff::sequence()
{
    QFETCH(qint64, initial);
    QFETCH(qint64, max);
    QFETCH(QList<qint64>, expected);
    FakeClock clock;
    kube::BackoffPolicy policy;
    policy.initial = std::chrono::milliseconds(initial);
    policy.max = std::chrono::milliseconds(max);
    policy.jitter = 0;
    kube::Backoff backoff(policy, clock, 1);
    QList<qint64> delays;
    for (qsizetype i = 0; i < expected.size(); ++i) {
        delays.append(backoff.next().count());
        clock.advance(std::chrono::milliseconds(delays.last()));
    }
    QCOMPARE(delays, expected);
}

void tst_Backoff::jitterStaysWithinBounds()
{
    FakeClock clock;
    kube::Backoff backoff({}, clock, 42);
    qint64 base = 800;
    for (int i = 0; i < 10; ++i) {
        const qint64 d = backoff.next().count();
        QVERIFY2(d >= base && d <= std::min<qint64>(2 * base, 30'000), qPrintable(QString::number(d)));
        base = std::min<qint64>(base * 2, 30'000);
        clock.advance(1s);
    }
}

void tst_Backoff::resetsAfterHealthyPeriod()
{
    FakeClock clock;
    kube::BackoffPolicy policy;
    policy.jitter = 0;
    kube::Backoff backoff(policy, clock, 1);
    backoff.next();
    backoff.next();
    QCOMPARE(backoff.next(), 3200ms);
    clock.advance(2min); // exactly resetAfter: not yet healthy
    QCOMPARE(backoff.next(), 6400ms);
    clock.advance(2min + 1ms);
    QCOMPARE(backoff.next(), 800ms);
}

void tst_Backoff::sameSeedSameDelays()
{
    FakeClock clock;
    kube::Backoff a({}, clock, 7), b({}, clock, 7);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(a.next(), b.next());
}

QTEST_GUILESS_MAIN(tst_Backoff)
#include "tst_backoff.moc"
