// The embedded cluster's clock never runs backwards across restarts: a run under --speed leaves
// its clock's reading in <dataDir>/clock and the next start (at any speed) continues from there,
// so nothing it stamped lies in the future.
#include "kube/api/scaledclock.h"
#include "kube/cluster/clockfloor.h"
#include "kube/cluster/embeddedcluster.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace kube;

class TestClockFloor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsWhatItWrote()
    {
        QTemporaryDir dir;
        QVERIFY(!ClockFloor::read(dir.path()));
        const QDateTime t = QDateTime::fromString(u"2031-05-06T07:08:09.123Z"_qs, Qt::ISODateWithMs);
        QVERIFY(ClockFloor::write(dir.path(), t));
        QCOMPARE(*ClockFloor::read(dir.path()), t);
        // Later than real now: the start; earlier: real now.
        const QDateTime real = QDateTime::fromString(u"2030-01-01T00:00:00Z"_qs, Qt::ISODate);
        QCOMPARE(ClockFloor::startFor(dir.path(), real), t);
        QCOMPARE(ClockFloor::startFor(dir.path(), t.addSecs(1)), t.addSecs(1));
    }

    void aDamagedFileIsIgnored()
    {
        QTemporaryDir dir;
        QFile f(ClockFloor::path(dir.path()));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a time\n");
        f.close();
        QVERIFY(!ClockFloor::read(dir.path()));
        const QDateTime real = QDateTime::currentDateTimeUtc();
        QCOMPARE(ClockFloor::startFor(dir.path(), real), real);
    }

    void aRestartContinuesASpedUpClock()
    {
        QTemporaryDir dir;
        ClusterOptions options;
        options.dataDir = dir.path();
        options.controllers = false;
        options.speed = 100;
        QDateTime before;
        {
            EmbeddedCluster fast(options);
            QVERIFY(fast.start().isSuccess());
            QTest::qWait(600); // 60 s of the cluster's clock
            before = fast.clock().now();
            QVERIFY(before.secsTo(QDateTime::currentDateTimeUtc()) < -30);
        }
        // Real time now, but the clock goes on from where the fast run stopped.
        options.speed = 1;
        EmbeddedCluster again(options);
        QVERIFY(again.clock().now() >= before);
        QVERIFY(again.start().isSuccess());
        const QDateTime t1 = again.clock().now();
        QTest::qWait(200);
        const qint64 stepMs = t1.msecsTo(again.clock().now());
        QVERIFY2(stepMs >= 150 && stepMs < 2000, qPrintable(QString::number(stepMs))); // real time's pace
    }

    void aRealTimeClusterStaysOnRealTime()
    {
        QTemporaryDir dir;
        ClusterOptions options;
        options.dataDir = dir.path();
        options.controllers = false;
        {
            EmbeddedCluster cluster(options);
            QVERIFY(cluster.start().isSuccess());
        }
        EmbeddedCluster again(options);
        QVERIFY(qAbs(again.clock().now().msecsTo(QDateTime::currentDateTimeUtc())) < 2000);
        QVERIFY(dynamic_cast<const ScaledClock *>(&again.clock()) == nullptr);
    }
};

QTEST_MAIN(TestClockFloor)
#include "tst_clockfloor.moc"
