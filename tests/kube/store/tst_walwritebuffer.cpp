// The WAL write-gathering VFS: a commit's frames reach the disk in one write (or a few for a
// large one), and what it writes is exactly what SQLite meant — another connection through the
// default VFS reads every row back, also after a transaction larger than one write may carry
// (a store's compaction deletes megabytes of rows in one: it once failed with SQLITE_FULL).
#include "kube/store/sqlitedb.h"
#include "kube/store/store.h"
#include "kube/store/storekey.h"
#include "kube/store/walwritebuffer.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace kube;

class tst_WalWriteBuffer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void oneCommitIsOneWrite();
    void largeTransactionsReadBackThroughTheDefaultVfs();
    void storeCompactsALargeHistory();
};

namespace {

// Rows and the sum of their lengths, read through the default VFS on a fresh connection.
QPair<qint64, qint64> readBack(const QString &path)
{
    sqlite3 *db = nullptr;
    sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt *s = nullptr;
    QPair<qint64, qint64> out{-1, -1};
    if (sqlite3_prepare_v2(db, "SELECT count(*), sum(length(v)) FROM t", -1, &s,
                           nullptr)
            == SQLITE_OK
        && sqlite3_step(s) == SQLITE_ROW)
        out = {sqlite3_column_int64(s, 0), sqlite3_column_int64(s, 1)};
    sqlite3_finalize(s);
    sqlite3_close(db);
    return out;
}

} // namespace

void tst_WalWriteBuffer::oneCommitIsOneWrite()
{
    QVERIFY(walbuffer::vfsName() != nullptr);
    QTemporaryDir dir;
    SqliteDb::OpenResult opened = SqliteDb::open(dir.filePath(u"t.db"_qs), SqliteDb::Mode::ReadWrite);
    QVERIFY2(opened.db, qPrintable(opened.status.message()));
    QVERIFY(opened.db->exec("CREATE TABLE t(v BLOB)").isSuccess());
    const walbuffer::Counts before = walbuffer::counts();
    const int framesBefore = opened.db->walFrames();
    // Eight ~4 KB rows in one transaction: a group commit of eight pods.
    QVERIFY(opened.db->exec("BEGIN; WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 8) "
                            "INSERT INTO t SELECT randomblob(4300) FROM n; COMMIT")
                .isSuccess());
    const walbuffer::Counts after = walbuffer::counts();
    const int frames = opened.db->walFrames() - framesBefore;
    QVERIFY2(frames >= 8, qPrintable(QString::number(frames)));
    // SQLite wrote a header and a page per frame...
    QVERIFY2(after.gathered - before.gathered >= 2ull * unsigned(frames),
             qPrintable(u"%1 writes gathered for %2 frames"_qs.arg(after.gathered - before.gathered).arg(frames)));
    // ...and the disk saw one write for the commit (this batch is under the 120 KiB a write carries).
    QCOMPARE(after.issued - before.issued, 1ull);
    QCOMPARE(readBack(dir.filePath(u"t.db"_qs)).first, qint64(8));
}

void tst_WalWriteBuffer::largeTransactionsReadBackThroughTheDefaultVfs()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"t.db"_qs);
    SqliteDb::OpenResult opened = SqliteDb::open(path, SqliteDb::Mode::ReadWrite);
    QVERIFY2(opened.db, qPrintable(opened.status.message()));
    QVERIFY(opened.db->exec("CREATE TABLE t(v BLOB)").isSuccess());
    // ~1.6 MB in one commit: many writes of the default VFS's maximum size, then a reopen that
    // recovers the WAL written that way and a checkpoint that copies it.
    const Status s = opened.db->exec("BEGIN; WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400) "
                                     "INSERT INTO t SELECT zeroblob(4000) FROM n; COMMIT");
    QVERIFY2(s.isSuccess(), qPrintable(s.message()));
    QCOMPARE(readBack(path), qMakePair(qint64(400), qint64(400 * 4000)));
    QVERIFY(opened.db->checkpoint(SqliteDb::Checkpoint::Passive).isSuccess());
    opened.db.reset();
    QCOMPARE(readBack(path), qMakePair(qint64(400), qint64(400 * 4000)));
}

void tst_WalWriteBuffer::storeCompactsALargeHistory()
{
    QTest::failOnWarning(QRegularExpression(u"compaction stopped"_qs));
    QTemporaryDir dir;
    StoreOptions options;
    options.compactionRetain = 100;
    options.compactionInterval = 100;
    options.compactionChunk = 2000;
    constexpr int keys = 50;
    constexpr int rounds = 20;
    {
        Expected<std::unique_ptr<Store>> opened = Store::open(dir.path(), options);
        QVERIFY(opened);
        Store &store = *opened.value();
        const QString filler(4000, u'x');
        for (int round = 0; round < rounds; ++round) {
            for (int k = 0; k < keys; ++k) {
                const QByteArray key = StoreKey::make(QString(), u"configmaps"_qs, u"default"_qs, u"cm-%1"_qs.arg(k));
                const Object object = Object::fromJson(QJsonObject{
                    {u"apiVersion"_qs, u"v1"_qs}, {u"kind"_qs, u"ConfigMap"_qs},
                    {u"metadata"_qs, QJsonObject{{u"name"_qs, u"cm-%1"_qs.arg(k)}, {u"namespace"_qs, u"default"_qs}}},
                    {u"data"_qs, QJsonObject{{u"v"_qs, filler + QString::number(round)}}}});
                QVERIFY(round == 0 ? store.create(key, object).ok() : store.update(key, object).ok());
            }
        }
        QVERIFY(store.compactedRevision() >= keys * rounds - 200);
        // The superseded rows go in the background, chunk by chunk: wait until the log is small.
        QVERIFY2(QTest::qWaitFor([&] {
            sqlite3 *db = nullptr;
            sqlite3_open_v2(store.diagnostics().databasePath.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
            sqlite3_stmt *s = nullptr;
            qint64 rows = -1;
            if (sqlite3_prepare_v2(db, "SELECT count(*) FROM log", -1, &s, nullptr) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
                rows = sqlite3_column_int64(s, 0);
            sqlite3_finalize(s);
            sqlite3_close(db);
            return rows >= 0 && rows <= keys + 250; // the latest of each key and the last 200 revisions at most
        }, 20000), "the compacted rows were not deleted");
    }
}

QTEST_GUILESS_MAIN(tst_WalWriteBuffer)
#include "tst_walwritebuffer.moc"
