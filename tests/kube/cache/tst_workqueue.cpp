// WorkQueue: dedup, processing exclusivity, re-add while processing, rate-limited back-off,
// addAfter on a fake clock, shutdown draining, keysReady coalescing.
#include "fakeclock.h"

#include "kube/cache/workqueue.h"

#include <QSignalSpy>
#include <QTest>

using namespace std::chrono_literals;
using kube::testing::FakeClock;

class tst_WorkQueue : public QObject
{
    Q_OBJECT
private slots:
    void dedupWhileQueued();
    void neverTwoWorkersOnOneKey();
    void readdedWhileProcessingRunsAgainAfterDone();
    void keysReadyCoalescedPerTurn();
    void rateLimitedBackoffSequence();
    void forgetResetsBackoff();
    void addAfterWaitsForClock_data();
    void addAfterWaitsForClock();
    void addAfterEarlierWins();
    void addAfterTimerFiresOnRealClock();
    void shutDownDrains();
    void controllerLoop();
};

void tst_WorkQueue::dedupWhileQueued()
{
    kube::WorkQueue q;
    q.add(u"a"_qs);
    q.add(u"b"_qs);
    q.add(u"a"_qs);
    QCOMPARE(q.length(), 2);
    QCOMPARE(q.take(), u"a"_qs);
    QCOMPARE(q.take(), u"b"_qs);
    QCOMPARE(q.take(), std::nullopt);
}

void tst_WorkQueue::neverTwoWorkersOnOneKey()
{
    kube::WorkQueue q;
    q.add(u"a"_qs);
    const auto first = q.take();
    QCOMPARE(first, u"a"_qs);
    q.add(u"a"_qs); // dirty again while a worker holds it
    QCOMPARE(q.length(), 0);
    QCOMPARE(q.take(), std::nullopt); // a second worker gets nothing
    QCOMPARE(q.processingCount(), 1);
}

void tst_WorkQueue::readdedWhileProcessingRunsAgainAfterDone()
{
    kube::WorkQueue q;
    q.add(u"a"_qs);
    q.take();
    q.add(u"a"_qs);
    q.add(u"a"_qs);
    q.done(u"a"_qs);
    QCOMPARE(q.length(), 1);
    QCOMPARE(q.take(), u"a"_qs);
    q.done(u"a"_qs);
    QCOMPARE(q.length(), 0);
    QCOMPARE(q.processingCount(), 0);
}

void tst_WorkQueue::keysReadyCoalescedPerTurn()
{
    kube::WorkQueue q;
    QSignalSpy ready(&q, &kube::WorkQueue::keysReady);
    for (int i = 0; i < 100; ++i)
        q.add(QString::number(i));
    QCOMPARE(ready.size(), 0); // posted, not emitted inside add()
    QTRY_COMPARE(ready.size(), 1);
    QCoreApplication::processEvents();
    QCOMPARE(ready.size(), 1);
}

void tst_WorkQueue::rateLimitedBackoffSequence()
{
    FakeClock clock;
    kube::WorkQueue q({&clock});
    QList<qint64> delays;
    for (int i = 0; i < 20; ++i) {
        q.addRateLimited(u"k"_qs);
        QCOMPARE(q.waitingCount(), 1);
        qint64 waited = 0;
        while (!q.length()) {
            clock.advance(1ms);
            ++waited;
            if (waited % 1000 == 0 || waited < 1000)
                q.releaseDue();
            if (waited > 2'000'000)
                QFAIL("never released");
        }
        delays.append(waited);
        QCOMPARE(q.take(), u"k"_qs);
        q.done(u"k"_qs);
    }
    QCOMPARE(q.numRequeues(u"k"_qs), 20);
    QCOMPARE(delays.mid(0, 8), (QList<qint64>{5, 10, 20, 40, 80, 160, 320, 640}));
    // 5 ms · 2^18 = 1310 s: capped at 1000 s.
    QCOMPARE(delays.at(18), 1'000'000);
    QCOMPARE(delays.at(19), 1'000'000);
}

void tst_WorkQueue::forgetResetsBackoff()
{
    kube::ItemExponentialRateLimiter limiter;
    QCOMPARE(limiter.when(u"a"_qs), 5ms);
    QCOMPARE(limiter.when(u"a"_qs), 10ms);
    QCOMPARE(limiter.when(u"b"_qs), 5ms); // per key
    limiter.forget(u"a"_qs);
    QCOMPARE(limiter.numRequeues(u"a"_qs), 0);
    QCOMPARE(limiter.when(u"a"_qs), 5ms);
}

void tst_WorkQueue::addAfterWaitsForClock_data()
{
    QTest::addColumn<int>("delayMs");
    QTest::addColumn<int>("advanceMs");
    QTest::addColumn<bool>("ready");
    QTest::newRow("not-yet") << 100 << 99 << false;
    QTest::newRow("exactly-due") << 100 << 100 << true;
    QTest::newRow("overdue") << 100 << 5000 << true;
    QTest::newRow("zero-delay-is-add") << 0 << 0 << true;
}

void tst_WorkQueue::addAfterWaitsForClock()
{
    QFETCH(int, delayMs);
    QFETCH(int, advanceMs);
    QFETCH(bool, ready);
    FakeClock clock;
    kube::WorkQueue q({&clock});
    q.addAfter(u"a"_qs, std::chrono::milliseconds(delayMs));
    clock.advance(std::chrono::milliseconds(advanceMs));
    q.releaseDue();
    QCOMPARE(q.length(), ready ? 1 : 0);
    QCOMPARE(q.waitingCount(), ready ? 0 : 1);
}

void tst_WorkQueue::addAfterEarlierWins()
{
    FakeClock clock;
    kube::WorkQueue q({&clock});
    q.addAfter(u"a"_qs, 1s);
    q.addAfter(u"a"_qs, 10s); // later: ignored
    q.addAfter(u"a"_qs, 100ms);
    QCOMPARE(q.waitingCount(), 1);
    clock.advance(100ms);
    q.releaseDue();
    QCOMPARE(q.take(), u"a"_qs);
    q.done(u"a"_qs);
    clock.advance(10s);
    q.releaseDue();
    QCOMPARE(q.length(), 0);
}

void tst_WorkQueue::addAfterTimerFiresOnRealClock()
{
    kube::WorkQueue q;
    QSignalSpy ready(&q, &kube::WorkQueue::keysReady);
    q.addAfter(u"a"_qs, 5ms);
    QTRY_COMPARE(ready.size(), 1);
    QCOMPARE(q.take(), u"a"_qs);
}

void tst_WorkQueue::shutDownDrains()
{
    FakeClock clock;
    kube::WorkQueue q({&clock});
    QSignalSpy drained(&q, &kube::WorkQueue::drained);
    q.add(u"a"_qs);
    q.add(u"b"_qs);
    q.addAfter(u"later"_qs, 1s);
    QCOMPARE(q.take(), u"a"_qs);
    q.shutDown();
    QVERIFY(q.isShuttingDown());
    q.add(u"c"_qs); // ignored
    QCOMPARE(q.waitingCount(), 0);
    QCOMPARE(q.take(), u"b"_qs); // queued keys still handed out
    QCOMPARE(q.take(), std::nullopt);
    QCoreApplication::processEvents();
    QCOMPARE(drained.size(), 0); // a and b still processing
    q.done(u"a"_qs);
    q.done(u"b"_qs);
    QTRY_COMPARE(drained.size(), 1);
}

void tst_WorkQueue::controllerLoop()
{
    // The intended single-threaded use: a slot drains the queue; a failing key is retried with
    // back-off until it succeeds, then forgotten.
    kube::WorkQueue q;
    QStringList synced;
    int failuresLeft = 2;
    connect(&q, &kube::WorkQueue::keysReady, this, [&] {
        while (auto key = q.take()) {
            synced.append(*key);
            if (*key == u"flaky" && failuresLeft-- > 0)
                q.addRateLimited(*key);
            else
                q.forget(*key);
            q.done(*key);
        }
    });
    q.add(u"ok"_qs);
    q.add(u"flaky"_qs);
    QTRY_COMPARE(synced.size(), 4);
    QCOMPARE(synced, (QStringList{u"ok"_qs, u"flaky"_qs, u"flaky"_qs, u"flaky"_qs}));
    QCOMPARE(q.numRequeues(u"flaky"_qs), 0);
}

QTEST_GUILESS_MAIN(tst_WorkQueue)
#include "tst_workqueue.moc"
