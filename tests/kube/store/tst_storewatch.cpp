// Watches on the store: from now, from history, expired, after compaction, prefixes and
// filters, slow watchers, the notify callback, and many watchers sharing one event.
#include "kube/store/store.h"
#include "testobjects.h"

#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace kube;
using namespace timonel::test;

class tst_StoreWatch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void startRevision_data();
    void startRevision();
    void expired_data();
    void expired();
    void eventsCarryPrevObject();
    void prefixAndFilter();
    void slowWatcherIsClosed();
    void stopEndsTheWatch();
    void droppedHandleEndsTheWatch();
    void notifyCalledOnWriterThread();
    void watchersShareEventObjects();
    void closingTheStoreClosesWatchers();

private:
    std::unique_ptr<Store> openStore(const StoreOptions &options = {});
    // Writes a: create (1), update (2), b: create (3), a: delete (4).
    void writeHistory(Store &store);
    // Watchers are notified after writers wake, by the fan-out thread: writes a key outside
    // "configmaps" and waits until the fan-out passed it, so every earlier batch was dispatched.
    static void settle(Store &store);
    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_StoreWatch::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_StoreWatch::cleanup()
{
    m_dir.reset();
}

std::unique_ptr<Store> tst_StoreWatch::openStore(const StoreOptions &options)
{
    Expected<std::unique_ptr<Store>> store = Store::open(m_dir->filePath(u"store"_qs), options);
    if (!store) {
        qWarning().noquote() << store.error().message();
        return nullptr;
    }
    return std::move(store).value();
}

void tst_StoreWatch::writeHistory(Store &store)
{
    QVERIFY(store.create(configMapKey(u"a"_qs), configMap(u"a"_qs, u"1"_qs)));
    QVERIFY(store.update(configMapKey(u"a"_qs), configMap(u"a"_qs, u"2"_qs)));
    QVERIFY(store.create(configMapKey(u"b"_qs), configMap(u"b"_qs)));
    QVERIFY(store.remove(configMapKey(u"a"_qs)));
}

void tst_StoreWatch::settle(Store &store)
{
    static int n = 0;
    Expected<Object> written = store.create(StoreKey::make({}, u"settle"_qs, {}, QString::number(++n)), configMap(u"s"_qs));
    QVERIFY(written);
    const qint64 revision = written->resourceVersion().toLongLong();
    QTRY_VERIFY_WITH_TIMEOUT(store.diagnostics().dispatchedRevision >= revision, 5000);
}

void tst_StoreWatch::startRevision_data()
{
    QTest::addColumn<qint64>("from");
    QTest::addColumn<QList<qint64>>("revisions"); // what the watcher sees, history then live (5)
    QTest::newRow("from-now") << qint64(0) << QList<qint64>{5};
    QTest::newRow("from-current") << qint64(4) << QList<qint64>{5};
    QTest::newRow("from-start") << qint64(1) << QList<qint64>{2, 3, 4, 5};
    QTest::newRow("from-middle") << qint64(2) << QList<qint64>{3, 4, 5};
}

void tst_StoreWatch::startRevision()
{
    QFETCH(qint64, from);
    QFETCH(QList<qint64>, revisions);
    auto store = openStore();
    QVERIFY(store);
    writeHistory(*store);
    Expected<std::shared_ptr<Watcher>> w = store->watch(StoreKey::prefix({}, u"configmaps"_qs), from);
    QVERIFY(w);
    QVERIFY(store->create(configMapKey(u"c"_qs), configMap(u"c"_qs)));
    settle(*store);
    QList<qint64> seen;
    for (const StoreEvent &e : (*w)->takeEvents()) {
        seen.append(e.revision);
        QCOMPARE(e.object.resourceVersion(), QString::number(e.revision));
    }
    QCOMPARE(seen, revisions);
    QVERIFY((*w)->position() >= 5);
}

void tst_StoreWatch::expired_data()
{
    QTest::addColumn<int>("window");
    QTest::addColumn<qint64>("compactTo");
    QTest::addColumn<qint64>("from");
    QTest::addColumn<QString>("message"); // empty: the watch starts
    QTest::newRow("window-holds-it") << 3 << qint64(0) << qint64(1) << QString();
    QTest::newRow("older-than-window") << 2 << qint64(0) << qint64(1) << u"too old resource version: 1 (3)"_qs;
    QTest::newRow("at-compaction-horizon") << 10 << qint64(3) << qint64(3) << QString();
    QTest::newRow("below-compaction-horizon") << 10 << qint64(3) << qint64(2) << u"too old resource version: 2 (3)"_qs;
}

void tst_StoreWatch::expired()
{
    QFETCH(int, window);
    QFETCH(qint64, compactTo);
    QFETCH(qint64, from);
    QFETCH(QString, message);
    StoreOptions options;
    options.historyWindow = window;
    auto store = openStore(options);
    QVERIFY(store);
    writeHistory(*store);
    if (compactTo > 0)
        QVERIFY(store->compact(compactTo).isSuccess());
    Expected<std::shared_ptr<Watcher>> w = store->watch(StoreKey::prefix({}, u"configmaps"_qs), from);
    if (message.isEmpty()) {
        QVERIFY2(w, qPrintable(w.error().message()));
        QCOMPARE((*w)->takeEvents().size(), 4 - from);
        return;
    }
    QVERIFY(!w);
    QCOMPARE(w.error().code(), 410);
    QCOMPARE(w.error().reason(), u"Expired"_qs);
    QCOMPARE(w.error().message(), message);
}

void tst_StoreWatch::eventsCarryPrevObject()
{
    auto store = openStore();
    QVERIFY(store);
    writeHistory(*store);
    Expected<std::shared_ptr<Watcher>> h = store->watch(configMapKey(u"a"_qs), 1);
    QVERIFY(h);
    const QList<StoreEvent> events = (*h)->takeEvents();
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.at(0).type, StoreEvent::Type::Modified);
    QCOMPARE(valueOf(events.at(0).object), u"2"_qs);
    QCOMPARE(valueOf(events.at(0).prevObject), u"1"_qs);
    QCOMPARE(events.at(1).type, StoreEvent::Type::Deleted);
    QCOMPARE(events.at(1).object.resourceVersion(), u"4"_qs);
    QCOMPARE(valueOf(events.at(1).object), u"2"_qs);
    QCOMPARE(events.at(1).prevObject.resourceVersion(), u"2"_qs);
}

void tst_StoreWatch::prefixAndFilter()
{
    auto store = openStore();
    QVERIFY(store);
    WatchOptions options;
    options.filter = [](const StoreEvent &e) { return e.object.name() != u"skip"_qs; };
    Expected<std::shared_ptr<Watcher>> w = store->watch(StoreKey::prefix({}, u"configmaps"_qs, u"ns1"_qs), 0, options);
    QVERIFY(w);
    QVERIFY(store->create(configMapKey(u"a"_qs, u"ns1"_qs), configMap(u"a"_qs, {}, u"ns1"_qs)));
    QVERIFY(store->create(configMapKey(u"a"_qs, u"ns10"_qs), configMap(u"a"_qs, {}, u"ns10"_qs)));
    QVERIFY(store->create(configMapKey(u"skip"_qs, u"ns1"_qs), configMap(u"skip"_qs, {}, u"ns1"_qs)));
    QVERIFY(store->create(configMapKey(u"b"_qs, u"ns1"_qs), configMap(u"b"_qs, {}, u"ns1"_qs)));
    settle(*store);
    const QList<StoreEvent> events = (*w)->takeEvents();
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.at(0).object.name(), u"a"_qs);
    QCOMPARE(events.at(1).object.name(), u"b"_qs);
    QVERIFY((*w)->position() >= 4); // filtered events still advance the position
}

void tst_StoreWatch::slowWatcherIsClosed()
{
    auto store = openStore();
    QVERIFY(store);
    std::atomic<int> notified = 0;
    WatchOptions options;
    options.queueLimit = 3;
    options.notify = [&notified] { ++notified; };
    Expected<std::shared_ptr<Watcher>> w = store->watch(StoreKey::prefix({}, u"configmaps"_qs), 0, options);
    QVERIFY(w);
    for (int i = 0; i < 5; ++i)
        QVERIFY(store->create(configMapKey(u"k%1"_qs.arg(i)), configMap(u"k"_qs)));
    // The fan-out runs on its own thread: a create returns once durable, before delivery.
    QTRY_COMPARE_WITH_TIMEOUT((*w)->state(), Watcher::State::TooSlow, 5000);
    QCOMPARE((*w)->closeStatus().code(), 410);
    QVERIFY((*w)->closeStatus().message().contains(u"fell behind"_qs));
    QTRY_COMPARE_WITH_TIMEOUT(notified.load(), 4, 5000); // three events, then the close
    QCOMPARE((*w)->takeEvents().size(), 3); // what was queued is still delivered
    settle(*store);
    QCOMPARE(store->diagnostics().watchers, 0); // the hub forgot it
}

void tst_StoreWatch::stopEndsTheWatch()
{
    auto store = openStore();
    QVERIFY(store);
    Expected<std::shared_ptr<Watcher>> w = store->watch(StoreKey::prefix({}, u"configmaps"_qs), 0);
    QVERIFY(w);
    QVERIFY(store->create(configMapKey(u"a"_qs), configMap(u"a"_qs)));
    settle(*store);
    (*w)->stop();
    QVERIFY(store->create(configMapKey(u"b"_qs), configMap(u"b"_qs)));
    settle(*store);
    QCOMPARE((*w)->state(), Watcher::State::Stopped);
    QVERIFY((*w)->closeStatus().isSuccess());
    QVERIFY((*w)->takeEvents().isEmpty());
    QCOMPARE(store->diagnostics().watchers, 0);
}

void tst_StoreWatch::droppedHandleEndsTheWatch()
{
    auto store = openStore();
    QVERIFY(store);
    {
        Expected<std::shared_ptr<Watcher>> w = store->watch(StoreKey::prefix({}, u"configmaps"_qs), 0);
        QVERIFY(w);
        QCOMPARE(store->diagnostics().watchers, 1);
    }
    QVERIFY(store->create(configMapKey(u"a"_qs), configMap(u"a"_qs)));
    settle(*store);
    QCOMPARE(store->diagnostics().watchers, 0);
}

void tst_StoreWatch::notifyCalledOnWriterThread()
{
    auto store = openStore();
    QVERIFY(store);
    std::atomic<bool> onOtherThread = false;
    std::atomic<int> calls = 0;
    const auto self = std::this_thread::get_id();
    WatchOptions options;
    options.notify = [&] {
        onOtherThread = std::this_thread::get_id() != self;
        ++calls;
    };
    Expected<std::shared_ptr<Watcher>> w = store->watch(StoreKey::prefix({}, u"configmaps"_qs), 0, options);
    QVERIFY(w);
    QVERIFY(store->create(configMapKey(u"a"_qs), configMap(u"a"_qs)));
    // Notification follows the caller's wake-up: wait for it without sleeping blindly.
    QTRY_COMPARE_WITH_TIMEOUT(calls.load(), 1, 5000);
    QVERIFY(onOtherThread);
}

void tst_StoreWatch::watchersShareEventObjects()
{
    auto store = openStore();
    QVERIFY(store);
    std::vector<std::shared_ptr<Watcher>> watchers;
    for (int i = 0; i < 50; ++i) {
        Expected<std::shared_ptr<Watcher>> w = store->watch(StoreKey::prefix({}, u"configmaps"_qs), 0);
        QVERIFY(w);
        watchers.push_back(*w);
    }
    QVERIFY(store->create(configMapKey(u"a"_qs), configMap(u"a"_qs)));
    QVERIFY(store->create(configMapKey(u"b"_qs), configMap(u"b"_qs)));
    settle(*store);
    const QList<StoreEvent> first = watchers.front()->takeEvents();
    QCOMPARE(first.size(), 2);
    for (size_t i = 1; i < watchers.size(); ++i) {
        const QList<StoreEvent> events = watchers[i]->takeEvents();
        QCOMPARE(events.size(), 2);
        // The same bytes, not a copy: one encoding per revision.
        QCOMPARE(events.at(0).object.json().constData(), first.at(0).object.json().constData());
    }
}

void tst_StoreWatch::closingTheStoreClosesWatchers()
{
    auto store = openStore();
    QVERIFY(store);
    Expected<std::shared_ptr<Watcher>> w = store->watch(StoreKey::prefix({}, u"configmaps"_qs), 0);
    QVERIFY(w);
    store.reset();
    QCOMPARE((*w)->state(), Watcher::State::StoreClosed);
    QCOMPARE((*w)->closeStatus().code(), 503);
}

QTEST_GUILESS_MAIN(tst_StoreWatch)
#include "tst_storewatch.moc"
