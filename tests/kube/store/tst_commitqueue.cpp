// CommitQueue on its own, with a committer that records what it is given: every request is
// committed exactly once, by one leader at a time, in batches no larger than the bound; callers
// sharing the queue share batches; idle work runs when nothing is queued; a closed queue refuses.
#include "kube/store/commitqueue.h"

#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace kube;

namespace {

class RecordingCommitter final : public CommitQueue::Committer
{
public:
    void commitBatch(const std::vector<WriteRequest *> &batch) override
    {
        if (m_inside.exchange(true))
            m_overlapped = true;
        ++batches;
        largest = std::max<qsizetype>(largest, qsizetype(batch.size()));
        for (WriteRequest *r : batch)
            r->result = Expected<Object>(Object());
        committed += qsizetype(batch.size());
        m_inside = false;
    }
    bool afterBatch() override { return wantIdle.load(); }

    // Only the token holder touches these (the test reads them after every caller returned).
    qsizetype batches = 0;
    qsizetype largest = 0;
    qsizetype committed = 0;
    std::atomic<bool> wantIdle = false;
    bool overlapped() const { return m_overlapped; }

private:
    std::atomic<bool> m_inside = false;
    bool m_overlapped = false;
};

} // namespace

class tst_CommitQueue : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyRequestCommittedOnce_data();
    void everyRequestCommittedOnce();
    void idleWorkRunsWhenQuiet();
    void closedQueueRefuses();
};

void tst_CommitQueue::everyRequestCommittedOnce_data()
{
    QTest::addColumn<int>("threads");
    QTest::addColumn<int>("maxBatch");
    QTest::addColumn<int>("windowMicros");
    QTest::newRow("one-caller") << 1 << 16 << 200;
    QTest::newRow("eight-callers") << 8 << 16 << 200;
    QTest::newRow("eight-callers-batch-of-3") << 8 << 3 << 200;
    QTest::newRow("eight-callers-no-coalescing") << 8 << 16 << 0;
}

void tst_CommitQueue::everyRequestCommittedOnce()
{
    QFETCH(int, threads);
    QFETCH(int, maxBatch);
    QFETCH(int, windowMicros);
    RecordingCommitter committer;
    CommitQueue queue(committer, maxBatch, std::chrono::microseconds(windowMicros));
    constexpr int perThread = 500;
    std::atomic<int> failures = 0;
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) {
        pool.emplace_back([&] {
            for (int i = 0; i < perThread; ++i) {
                WriteRequest request;
                if (!queue.submit(request))
                    ++failures;
            }
        });
    }
    for (std::thread &t : pool)
        t.join();
    QCOMPARE(failures.load(), 0);
    QCOMPARE(committer.committed, qsizetype(threads) * perThread);
    QVERIFY(!committer.overlapped());
    QVERIFY(committer.largest <= maxBatch);
    if (threads == 1)
        QCOMPARE(committer.batches, qsizetype(perThread));
}

void tst_CommitQueue::idleWorkRunsWhenQuiet()
{
    RecordingCommitter committer;
    CommitQueue queue(committer, 16, std::chrono::microseconds(200));
    std::atomic<int> idleRuns = 0;
    std::thread housekeeper([&] {
        while (queue.runIdle([&] {
            ++idleRuns;
            return false;
        })) {
        }
    });
    committer.wantIdle = true;
    WriteRequest first;
    QVERIFY(queue.submit(first));
    QTRY_VERIFY_WITH_TIMEOUT(idleRuns.load() >= 1, 5000);
    committer.wantIdle = false;
    const int runs = idleRuns.load();
    WriteRequest second;
    QVERIFY(queue.submit(second));
    queue.close();
    housekeeper.join(); // returns once closed: no idle run was asked for after `second`
    QCOMPARE(idleRuns.load(), runs);
}

void tst_CommitQueue::closedQueueRefuses()
{
    RecordingCommitter committer;
    CommitQueue queue(committer, 16, std::chrono::microseconds(200));
    queue.close();
    WriteRequest request;
    const Expected<Object> result = queue.submit(request);
    QVERIFY(!result);
    QCOMPARE(result.error().code(), 503);
    QCOMPARE(committer.batches, qsizetype(0));
}

QTEST_GUILESS_MAIN(tst_CommitQueue)
#include "tst_commitqueue.moc"
