// No lost update: two writers each do 1,000 read-modify-write cycles on one counter, with the
// read revision as precondition, retrying on Conflict. The counter must end at exactly 2,000,
// with one revision per successful write. Also: many writers sharing group commits get
// distinct, gap-free revisions.
#include "kube/store/store.h"
#include "testobjects.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace kube;
using namespace timonel::test;

class tst_StoreConcurrency : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void noLostUpdate_data();
    void noLostUpdate();
    void concurrentCreatesGetDistinctRevisions();
};

void tst_StoreConcurrency::noLostUpdate_data()
{
    QTest::addColumn<bool>("guaranteed"); // through guaranteedUpdate rather than by hand
    QTest::newRow("update-with-precondition") << false;
    QTest::newRow("guaranteed-update") << true;
}

void tst_StoreConcurrency::noLostUpdate()
{
    QFETCH(bool, guaranteed);
    QTemporaryDir dir;
    Expected<std::unique_ptr<Store>> opened = Store::open(dir.filePath(u"store"_qs));
    QVERIFY(opened);
    Store &store = **opened;
    const QByteArray key = configMapKey(u"counter"_qs);
    QVERIFY(store.create(key, configMap(u"counter"_qs, u"0"_qs)));

    constexpr int cycles = 1000;
    std::atomic<int> conflicts = 0;
    std::atomic<int> failures = 0;
    const auto increment = [](const Object &current) -> Expected<Object> {
        return configMap(u"counter"_qs, QString::number(valueOf(current).toInt() + 1));
    };
    const auto writer = [&] {
        for (int i = 0; i < cycles; ++i) {
            if (guaranteed) {
                if (!store.guaranteedUpdate(key, increment))
                    ++failures;
                continue;
            }
            for (;;) {
                const std::optional<KeyEntry> current = store.entry(key);
                Expected<Object> r = store.update(key, *increment(current->object), current->modRevision);
                if (r)
                    break;
                if (!r.error().is(reason::Conflict)) {
                    ++failures;
                    break;
                }
                ++conflicts;
            }
        }
    };
    std::thread a(writer);
    std::thread b(writer);
    a.join();
    b.join();
    QCOMPARE(failures.load(), 0);
    QCOMPARE(valueOf(*store.get(key)), QString::number(2 * cycles));
    QCOMPARE(store.currentRevision(), 1 + 2 * cycles);
    qInfo() << "conflicts retried:" << conflicts.load();
}

void tst_StoreConcurrency::concurrentCreatesGetDistinctRevisions()
{
    QTemporaryDir dir;
    Expected<std::unique_ptr<Store>> opened = Store::open(dir.filePath(u"store"_qs));
    QVERIFY(opened);
    Store &store = **opened;
    constexpr int threads = 8;
    constexpr int perThread = 200;
    std::vector<std::vector<qint64>> revisions(threads);
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) {
        pool.emplace_back([&, t] {
            for (int i = 0; i < perThread; ++i) {
                Expected<Object> r = store.create(configMapKey(u"t%1-%2"_qs.arg(t).arg(i)), configMap(u"x"_qs));
                revisions[t].push_back(r ? r->resourceVersion().toLongLong() : -1);
            }
        });
    }
    for (std::thread &t : pool)
        t.join();
    QSet<qint64> all;
    for (const std::vector<qint64> &mine : revisions) {
        for (size_t i = 0; i < mine.size(); ++i) {
            QVERIFY(mine[i] > 0);
            if (i > 0)
                QVERIFY(mine[i] > mine[i - 1]); // one caller's writes are ordered
            all.insert(mine[i]);
        }
    }
    QCOMPARE(all.size(), threads * perThread);
    QCOMPARE(*std::max_element(all.begin(), all.end()), threads * perThread);
    QCOMPARE(store.currentRevision(), threads * perThread);
}

QTEST_GUILESS_MAIN(tst_StoreConcurrency)
#include "tst_storeconcurrency.moc"
