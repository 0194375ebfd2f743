// The store on disk: durability settings read back, the single-process lock, damaged files moved
// aside (never deleted), newer formats refused, compaction really deleting rows, and a commit
// that fails (file size limit standing in for a full disk) leaving the store usable.
#include "kube/store/store.h"
#include "testobjects.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sqlite3.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace kube;
using namespace timonel::test;

class tst_StoreFiles : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void pragmasReadBack();
    void folderIsPrivate();
    void lockPreventsSecondOpen();
    void damagedStoreIsMovedAside_data();
    void damagedStoreIsMovedAside();
    void damagedStoreCanStartFresh();
    void newerFormatIsRefused();
    void compactionDeletesSupersededRows();
    void laterCompactionsDeleteRowsSupersededSince();
    void failedCommitLeavesStoreUsable();

private:
    QString storeDir() const { return m_dir->filePath(u"store"_qs); }
    std::unique_ptr<Store> openStore(const StoreOptions &options = {});
    // Runs SQL on store.db directly (the store must be closed); returns the first column of the
    // first row.
    qint64 sqlValue(const char *sql);
    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_StoreFiles::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_StoreFiles::cleanup()
{
    m_dir.reset();
}

std::unique_ptr<Store> tst_StoreFiles::openStore(const StoreOptions &options)
{
    Expected<std::unique_ptr<Store>> store = Store::open(storeDir(), options);
    if (!store) {
        qWarning().noquote() << store.error().message();
        return nullptr;
    }
    return std::move(store).value();
}

qint64 tst_StoreFiles::sqlValue(const char *sql)
{
    sqlite3 *db = nullptr;
    sqlite3_open(QFile::encodeName(storeDir() + u"/store.db"_qs).constData(), &db);
    sqlite3_stmt *stmt = nullptr;
    qint64 value = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
        value = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return value;
}

void tst_StoreFiles::pragmasReadBack()
{
    auto store = openStore();
    QVERIFY(store);
    const StoreDiagnostics d = store->diagnostics();
    QCOMPARE(d.journalMode, u"wal"_qs);
    QCOMPARE(d.synchronous, 2); // FULL
    QCOMPARE(d.databasePath, QDir(storeDir()).absoluteFilePath(u"store.db"_qs));
}

void tst_StoreFiles::folderIsPrivate()
{
    auto store = openStore();
    QVERIFY(store);
    QCOMPARE(QFile::permissions(storeDir()) & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteOther),
             QFileDevice::Permissions());
}

void tst_StoreFiles::lockPreventsSecondOpen()
{
    auto first = openStore();
    QVERIFY(first);
    Expected<std::unique_ptr<Store>> second = Store::open(storeDir());
    QVERIFY(!second);
    QVERIFY(second.error().message().contains(u"already open"_qs));
    QVERIFY2(second.error().message().contains(u"process %1"_qs.arg(::getpid())), qPrintable(second.error().message()));
    first.reset();
    QVERIFY(openStore()); // released with the first store
}

void tst_StoreFiles::damagedStoreIsMovedAside_data()
{
    QTest::addColumn<qint64>("offset"); // where garbage overwrites store.db; -1: truncate it to nothing
    QTest::newRow("not-a-database") << qint64(0);
    QTest::newRow("damaged-page") << qint64(4096 * 3);
    QTest::newRow("empty-database-beside-wal") << qint64(-1);
}

void tst_StoreFiles::damagedStoreIsMovedAside()
{
    QFETCH(qint64, offset);
    {
        auto store = openStore();
        QVERIFY(store);
        for (int i = 0; i < 200; ++i)
            QVERIFY(store->create(configMapKey(u"k%1"_qs.arg(i)), configMap(u"k"_qs, QString(500, u'x'))));
    }
    QFile db(storeDir() + u"/store.db"_qs);
    QVERIFY(db.size() > offset + 8192);
    if (offset < 0) {
        QVERIFY(db.resize(0));
    } else {
        QVERIFY(db.open(QIODevice::ReadWrite));
        QVERIFY(db.seek(offset));
        db.write(QByteArray(8192, '\x5a'));
        db.close();
    }
    // A WAL next to it must be kept, not deleted.
    QFile wal(storeDir() + u"/store.db-wal"_qs);
    QVERIFY(wal.open(QIODevice::WriteOnly));
    wal.write("leftover");
    wal.close();

    Expected<std::unique_ptr<Store>> store = Store::open(storeDir());
    QVERIFY(!store);
    const QString message = store.error().message();
    QVERIFY2(message.contains(u"damaged"_qs), qPrintable(message));
    QVERIFY2(message.contains(u"store.db, store.db-wal"_qs), qPrintable(message));
    QVERIFY2(message.contains(u"not deleted"_qs), qPrintable(message));
    const QStringList aside = QDir(storeDir()).entryList({u"damaged-*"_qs}, QDir::Dirs);
    QCOMPARE(aside.size(), 1);
    QVERIFY(message.contains(aside.first()));
    QVERIFY(QFile::exists(storeDir() + u'/' + aside.first() + u"/store.db"_qs));
    QVERIFY(QFile::exists(storeDir() + u'/' + aside.first() + u"/store.db-wal"_qs));
    QVERIFY(!QFile::exists(storeDir() + u"/store.db"_qs));
}

void tst_StoreFiles::damagedStoreCanStartFresh()
{
    QDir().mkpath(storeDir());
    QFile db(storeDir() + u"/store.db"_qs);
    QVERIFY(db.open(QIODevice::WriteOnly));
    db.write(QByteArray(10000, 'g'));
    db.close();
    StoreOptions options;
    options.onDamage = DamagedStorePolicy::StartFresh;
    auto store = openStore(options);
    QVERIFY(store);
    QVERIFY(store->diagnostics().recoveryNotice.contains(u"moved, not deleted"_qs));
    QCOMPARE(store->currentRevision(), 0);
    QVERIFY(store->create(configMapKey(u"a"_qs), configMap(u"a"_qs)));
}

void tst_StoreFiles::newerFormatIsRefused()
{
    {
        auto store = openStore();
        QVERIFY(store);
    }
    sqlValue("UPDATE meta SET value = 99 WHERE name = 'schema_version'");
    QCOMPARE(sqlValue("SELECT value FROM meta WHERE name = 'schema_version'"), 99);
    Expected<std::unique_ptr<Store>> store = Store::open(storeDir());
    QVERIFY(!store);
    QVERIFY2(store.error().message().contains(u"newer"_qs), qPrintable(store.error().message()));
    QVERIFY(QFile::exists(storeDir() + u"/store.db"_qs)); // not treated as damage
}

void tst_StoreFiles::compactionDeletesSupersededRows()
{
    {
        auto store = openStore();
        QVERIFY(store);
        const QByteArray key = configMapKey(u"a"_qs);
        QVERIFY(store->create(key, configMap(u"a"_qs)));
        for (int i = 0; i < 20; ++i)
            QVERIFY(store->update(key, configMap(u"a"_qs, QString::number(i))));
        QVERIFY(store->create(configMapKey(u"b"_qs), configMap(u"b"_qs)));
        QVERIFY(store->remove(configMapKey(u"b"_qs)));
        QVERIFY(store->create(configMapKey(u"c"_qs), configMap(u"c"_qs)));
        QCOMPARE(store->currentRevision(), 24);
        QVERIFY(store->compact(23).isSuccess());
    }
    QCOMPARE(sqlValue("SELECT count(*) FROM log"), 2); // a's latest row and c
    QCOMPARE(sqlValue("SELECT value FROM meta WHERE name = 'compacted'"), 23);
    QCOMPARE(sqlValue("SELECT value FROM meta WHERE name = 'revision'"), 24);
}

// A row that was a key's latest when one compaction ran, and was superseded after it, goes at a
// later compaction (it once stayed forever: each compaction only looked at its own range).
void tst_StoreFiles::laterCompactionsDeleteRowsSupersededSince()
{
    {
        auto store = openStore();
        QVERIFY(store);
        QVERIFY(store->create(configMapKey(u"a"_qs), configMap(u"a"_qs, u"1"_qs)));        // 1
        QVERIFY(store->create(configMapKey(u"b"_qs), configMap(u"b"_qs)));                 // 2
        QVERIFY(store->compact(2).isSuccess());                                             // both still latest
        QVERIFY(store->update(configMapKey(u"a"_qs), configMap(u"a"_qs, u"2"_qs)));        // 3 supersedes 1
        QVERIFY(store->remove(configMapKey(u"b"_qs)));                                      // 4 deletes b
        QVERIFY(store->create(configMapKey(u"c"_qs), configMap(u"c"_qs)));                 // 5
        QVERIFY(store->compact(4).isSuccess());
        QVERIFY(QTest::qWaitFor([&] { return store->diagnostics().compactedRevision == 4; }));
    }
    // Left: a's row 3 and c's row 5; gone: a's row 1, and b (its row 2 and its deletion, 4).
    QCOMPARE(sqlValue("SELECT count(*) FROM log"), 2);
    QCOMPARE(sqlValue("SELECT count(*) FROM log WHERE rev IN (3, 5)"), 2);
}

void tst_StoreFiles::failedCommitLeavesStoreUsable()
{
    auto store = openStore();
    QVERIFY(store);
    const QByteArray key = configMapKey(u"a"_qs);
    QVERIFY(store->create(key, configMap(u"a"_qs, u"before"_qs)));

    // No room to grow any file: the next commits fail like on a full disk.
    QLoggingCategory::setFilterRules(u"timonel.store.warning=false"_qs);
    std::signal(SIGXFSZ, SIG_IGN);
    rlimit old{};
    QVERIFY(getrlimit(RLIMIT_FSIZE, &old) == 0);
    const qint64 wal = QFileInfo(storeDir() + u"/store.db-wal"_qs).size();
    rlimit tight = old;
    tight.rlim_cur = rlim_t(wal);
    QVERIFY(setrlimit(RLIMIT_FSIZE, &tight) == 0);
    int refused = 0;
    for (int i = 0; i < 50; ++i) {
        Expected<Object> r = store->create(configMapKey(u"big%1"_qs.arg(i)), configMap(u"big"_qs, QString(20000, u'x')));
        if (!r) {
            QCOMPARE(r.error().code(), 500);
            QCOMPARE(r.error().reason(), u"InternalError"_qs);
            ++refused;
        }
    }
    QVERIFY(setrlimit(RLIMIT_FSIZE, &old) == 0);
    QLoggingCategory::setFilterRules(QString());
    QVERIFY(refused > 0);
    const qint64 revision = store->currentRevision();
    QCOMPARE(store->list(StoreKey::prefix({}, u"configmaps"_qs))->items.size(), 1 + 50 - refused);
    QCOMPARE(valueOf(*store->get(key)), u"before"_qs);

    // Space is back: the store works on, and its revisions continue without a gap.
    Expected<Object> after = store->update(key, configMap(u"a"_qs, u"after"_qs));
    QVERIFY2(after, qPrintable(after.error().message()));
    QCOMPARE(after->resourceVersion(), QString::number(revision + 1));
    store.reset();
    store = openStore();
    QVERIFY(store);
    QCOMPARE(valueOf(*store->get(key)), u"after"_qs);
    QCOMPARE(store->currentRevision(), revision + 1);
}

QTEST_GUILESS_MAIN(tst_StoreFiles)
#include "tst_storefiles.moc"
