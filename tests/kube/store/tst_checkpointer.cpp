// The background checkpointer: it folds the WAL into the database file beside the writer, and a
// busy store hands its checkpoints to it (its commits no longer wait for them) while the WAL stays
// bounded and every acknowledged write survives a reopen.
#include "kube/store/checkpointer.h"
#include "kube/store/sqlitedb.h"
#include "kube/store/store.h"
#include "kube/store/storekey.h"
#include "testobjects.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace kube;
using namespace timonel::test;

class tst_Checkpointer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void copiesTheWalIntoTheDatabase();
    void busyStoreCheckpointsInTheBackground();
};

void tst_Checkpointer::copiesTheWalIntoTheDatabase()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"t.db"_qs);
    SqliteDb::OpenResult opened = SqliteDb::open(path, SqliteDb::Mode::ReadWrite);
    QVERIFY2(opened.db, qPrintable(opened.status.message()));
    SqliteDb &db = *opened.db;
    QVERIFY(db.exec("CREATE TABLE t(v BLOB)").isSuccess());
    QVERIFY(db.exec("PRAGMA wal_checkpoint(TRUNCATE)").isSuccess());
    const qint64 before = QFileInfo(path).size();
    const Status inserted = db.exec("BEGIN; WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) "
                                    "INSERT INTO t SELECT randomblob(4000) FROM n; COMMIT");
    QVERIFY2(inserted.isSuccess(), qPrintable(inserted.message()));
    QVERIFY(db.walFrames() > 200);
    QCOMPARE(QFileInfo(path).size(), before); // the rows are only in the WAL so far

    Expected<std::unique_ptr<Checkpointer>> checkpointer = Checkpointer::start(path);
    QVERIFY2(checkpointer, checkpointer ? "" : qPrintable(checkpointer.error().message()));
    QCOMPARE(checkpointer.value()->checkpoints(), 0);
    checkpointer.value()->request();
    checkpointer.value()->waitIdle();
    QCOMPARE(checkpointer.value()->checkpoints(), 1);
    QVERIFY2(QFileInfo(path).size() > before + 200 * 4000,
             qPrintable(u"database file %1 bytes after the checkpoint"_qs.arg(QFileInfo(path).size())));
}

void tst_Checkpointer::busyStoreCheckpointsInTheBackground()
{
    QTemporaryDir dir;
    StoreOptions options;
    options.busyCheckpointFrames = 32;
    options.idleCheckpointFrames = 1 << 30; // only busy checkpoints in this test
    constexpr int writers = 4;
    constexpr int perWriter = 150;
    const QString big(3000, u'x'); // a page or so per object: the WAL grows quickly
    int maxFrames = 0;
    {
        Expected<std::unique_ptr<Store>> opened = Store::open(dir.path(), options);
        QVERIFY(opened);
        Store &store = *opened.value();
        std::atomic<int> failures = 0;
        std::atomic<int> frames = 0;
        std::vector<std::thread> threads;
        for (int w = 0; w < writers; ++w) {
            threads.emplace_back([&, w] {
                for (int i = 0; i < perWriter; ++i) {
                    const QString name = u"cm-%1-%2"_qs.arg(w).arg(i);
                    if (!store.create(configMapKey(name), configMap(name, big)))
                        ++failures;
                    const int now = store.diagnostics().walFrames;
                    int seen = frames.load();
                    while (now > seen && !frames.compare_exchange_weak(seen, now)) {
                    }
                }
            });
        }
        for (std::thread &t : threads)
            t.join();
        QCOMPARE(failures.load(), 0);
        maxFrames = frames.load();
        const StoreDiagnostics d = store.diagnostics();
        QVERIFY2(d.backgroundCheckpoints > 0, "the busy store never asked the checkpointer");
        // Bounded: past 4x the busy threshold the commits checkpoint themselves between batches
        // (a few batches more while the checkpointer holds the checkpoint lock).
        QVERIFY2(maxFrames < 8 * options.busyCheckpointFrames, qPrintable(u"WAL reached %1 frames"_qs.arg(maxFrames)));
    }
    Expected<std::unique_ptr<Store>> reopened = Store::open(dir.path(), options);
    QVERIFY(reopened);
    QCOMPARE(reopened.value()->currentRevision(), qint64(writers * perWriter));
    for (int w = 0; w < writers; ++w) {
        for (int i = 0; i < perWriter; ++i) {
            const QString name = u"cm-%1-%2"_qs.arg(w).arg(i);
            Expected<Object> got = reopened.value()->get(configMapKey(name));
            QVERIFY2(got, qPrintable(name));
            QCOMPARE(valueOf(*got), big);
        }
    }
}

QTEST_GUILESS_MAIN(tst_Checkpointer)
#include "tst_checkpointer.moc"
