// TokenBucket with a fake clock: burst, refill at qps, waits booked in order.
#include "kube/client/tokenbucket.h"

#include "kube/api/clock.h"

#include <QTest>
#include <QTimeZone>

using namespace kube;

namespace {
struct FakeClock : Clock {
    QDateTime t = QDateTime::fromMSecsSinceEpoch(1'700'000'000'000, Qt::UTC);
    QDateTime now() const override { return t; }
};
} // namespace

class tst_TokenBucket : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void waits_data();
    void waits();
    void refillsOverTime();
};

void tst_TokenBucket::waits_data()
{
    QTest::addColumn<double>("qps");
    QTest::addColumn<int>("burst");
    QTest::addColumn<QList<qint64>>("delays");
    QTest::newRow("burst-3-then-200ms-apart-at-5qps") << 5.0 << 3 << QList<qint64>{0, 0, 0, 200, 400, 600};
    QTest::newRow("burst-1-at-10qps") << 10.0 << 1 << QList<qint64>{0, 100, 200};
    QTest::newRow("unlimited") << 0.0 << 1 << QList<qint64>{0, 0, 0, 0};
}

void tst_TokenBucket::waits()
{
    QFETCH(double, qps);
    QFETCH(int, burst);
    QFETCH(QList<qint64>, delays);
    FakeClock clock;
    TokenBucket bucket(qps, burst, clock);
    QList<qint64> got;
    for (qsizetype i = 0; i < delays.size(); ++i)
        got.append(bucket.reserve());
    QCOMPARE(got, delays);
}

void tst_TokenBucket::refillsOverTime()
{
    FakeClock clock;
    TokenBucket bucket(2, 2, clock);
    QCOMPARE(bucket.reserve(), 0);
    QCOMPARE(bucket.reserve(), 0);
    QCOMPARE(bucket.reserve(), 500);
    clock.t = clock.t.addMSecs(500); // the booked token has now been paid for
    QCOMPARE(bucket.reserve(), 500);
    clock.t = clock.t.addSecs(60);   // a long idle time refills only up to burst
    QCOMPARE(bucket.reserve(), 0);
    QCOMPARE(bucket.reserve(), 0);
    QCOMPARE(bucket.reserve(), 500);
}

QTEST_GUILESS_MAIN(tst_TokenBucket)
#include "tst_tokenbucket.moc"
