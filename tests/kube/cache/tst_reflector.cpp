// Reflector against the scripted FakeServer: paged list, ordered events, resume without relist
// after drops and restarts, relist on 410, back-off on immediate closes, bookmarks.
#include "fakeclock.h"
#include "fakelistwatch.h"

#include "kube/cache/reflector.h"

#include <QSignalSpy>
#include <QTest>

using namespace std::chrono_literals;
using kube::Object;
using kube::ObjectKey;
using kube::WatchEvent;
using kube::testing::FakeClock;
using kube::testing::FakeListWatch;
using kube::testing::FakeServer;
using kube::testing::makePod;

namespace {

// Records what the Reflector writes, and keeps the resulting state.
class RecordingStore final : public kube::ReflectorStore
{
public:
    void replace(const QList<Object> &items, const QString &rv) override
    {
        ++replaces;
        replacedRvs.append(rv);
        state.clear();
        for (const Object &o : items)
            state.insert(o.key(), o);
    }
    void apply(const QList<WatchEvent> &events) override
    {
        ++applies;
        for (const WatchEvent &e : events) {
            log.append(e);
            if (e.type == WatchEvent::Type::Deleted)
                state.remove(e.object.key());
            else
                state.insert(e.object.key(), e.object);
        }
    }
    int replaces = 0;
    int applies = 0;
    QStringList replacedRvs;
    QList<WatchEvent> log;
    QMap<ObjectKey, Object> state;
};

kube::ReflectorOptions fastOptions(const kube::Clock *clock = nullptr)
{
    kube::ReflectorOptions o;
    o.backoff.initial = 1ms;
    o.backoff.max = 8ms;
    o.backoff.jitter = 0;
    o.minHealthyWatch = 0ms;
    o.clock = clock;
    o.seed = 1234;
    return o;
}

void fill(FakeServer &server, int n)
{
    for (int i = 0; i < n; ++i)
        server.put(makePod(u"ns-%1"_qs.arg(i % 7), u"pod-%1"_qs.arg(i)));
}

} // namespace

class tst_Reflector : public QObject
{
    Q_OBJECT
private slots:
    void pagedInitialList_data();
    void pagedInitialList();
    void eventsInOrder();
    void resumesAfterDropWithoutRelist();
    void normalEndRewatchesAtOnce();
    void relistsOnExpired_data();
    void relistsOnExpired();
    void resumesAfterServerRestart();
    void immediateCloseBacksOff();
    void listFailureBacksOffAndRetries();
    void bookmarkAdvancesResourceVersion();
    void stopClosesWatch();
};

void tst_Reflector::pagedInitialList_data()
{
    QTest::addColumn<int>("objects");
    QTest::addColumn<int>("expectedPages");
    QTest::newRow("empty") << 0 << 1;
    QTest::newRow("one-page-exactly") << 500 << 1;
    QTest::newRow("three-pages") << 1234 << 3;
}

void tst_Reflector::pagedInitialList()
{
    QFETCH(int, objects);
    QFETCH(int, expectedPages);
    FakeServer server;
    fill(server, objects);
    FakeListWatch lw(server);
    RecordingStore store;
    kube::Reflector reflector(lw, store, fastOptions());
    QSignalSpy synced(&reflector, &kube::Reflector::synced);
    reflector.start();
    QTRY_COMPARE(synced.size(), 1);
    QCOMPARE(server.listCalls(), expectedPages);
    QCOMPARE(store.replaces, 1);
    QCOMPARE(store.state.size(), objects);
    QCOMPARE(store.state, server.objects());
    for (const kube::ListRequest &r : server.listRequests()) {
        QCOMPARE(r.limit, 500);
        QCOMPARE(r.resourceVersion, QString());
    }
    QCOMPARE(server.listRequests().first().continueToken, QString());
    QVERIFY(reflector.hasSynced());
    QCOMPARE(reflector.lastSyncResourceVersion(), QString::number(server.revision()));
    QTRY_COMPARE(server.openConnections(), 1);
    const kube::WatchRequest watch = server.watchRequests().first();
    QCOMPARE(watch.resourceVersion, QString::number(server.revision()));
    QVERIFY(watch.allowWatchBookmarks);
    QVERIFY(watch.timeoutSeconds >= 300 && watch.timeoutSeconds < 600);
}

void tst_Reflector::eventsInOrder()
{
    FakeServer server;
    fill(server, 3);
    FakeListWatch lw(server);
    RecordingStore store;
    kube::Reflector reflector(lw, store, fastOptions());
    reflector.start();
    QTRY_COMPARE(server.openConnections(), 1);
    server.put(makePod(u"x"_qs, u"a"_qs));
    server.put(makePod(u"x"_qs, u"a"_qs, {}, {{u"v"_qs, u"2"_qs}}));
    server.remove({u"ns-0"_qs, u"pod-0"_qs});
    server.put(makePod(u"x"_qs, u"b"_qs));
    QTRY_COMPARE(store.log.size(), 4);
    const QList<WatchEvent::Type> types{WatchEvent::Type::Added, WatchEvent::Type::Modified, WatchEvent::Type::Deleted, WatchEvent::Type::Added};
    for (int i = 0; i < 4; ++i)
        QCOMPARE(store.log[i].type, types[i]);
    QCOMPARE(store.log[1].object.labels().value(u"v"), u"2"_qs);
    QCOMPARE(store.state, server.objects());
    QCOMPARE(reflector.lastSyncResourceVersion(), QString::number(server.revision()));
}

void tst_Reflector::resumesAfterDropWithoutRelist()
{
    FakeServer server;
    fill(server, 5);
    FakeListWatch lw(server);
    RecordingStore store;
    kube::Reflector reflector(lw, store, fastOptions());
    QSignalSpy retries(&reflector, &kube::Reflector::retryScheduled);
    reflector.start();
    QTRY_COMPARE(server.openConnections(), 1);
    server.put(makePod(u"x"_qs, u"seen"_qs));
    QTRY_COMPARE(store.log.size(), 1);
    const QString seen = reflector.lastSyncResourceVersion();

    server.dropConnections();
    // Changes while nobody watches are replayed from the log on resume.
    server.put(makePod(u"x"_qs, u"missed"_qs));
    server.remove({u"ns-1"_qs, u"pod-1"_qs});
    QTRY_COMPARE(server.openConnections(), 1);
    QTRY_COMPARE(store.state, server.objects());
    QCOMPARE(server.listCalls(), 1);
    QCOMPARE(store.replaces, 1);
    QCOMPARE(retries.size(), 1);
    QCOMPARE(server.watchRequests().last().resourceVersion, seen);
}

void tst_Reflector::normalEndRewatchesAtOnce()
{
    FakeServer server;
    FakeListWatch lw(server);
    RecordingStore store;
    kube::Reflector reflector(lw, store, fastOptions());
    QSignalSpy retries(&reflector, &kube::Reflector::retryScheduled);
    reflector.start();
    QTRY_COMPARE(server.openConnections(), 1);
    server.closeNormally();
    QTRY_COMPARE(server.watchCalls(), 2);
    QCOMPARE(retries.size(), 0);
    QCOMPARE(server.listCalls(), 1);
    // Fresh random timeouts within [300, 600).
    for (const kube::WatchRequest &r : server.watchRequests())
        QVERIFY(r.timeoutSeconds >= 300 && r.timeoutSeconds < 600);
}

void tst_Reflector::relistsOnExpired_data()
{
    QTest::addColumn<FakeServer::ExpiryDelivery>("delivery");
    QTest::newRow("error-event") << FakeServer::ExpiryDelivery::ErrorEvent;
    QTest::newRow("closed-with-410") << FakeServer::ExpiryDelivery::ClosedStatus;
}

void tst_Reflector::relistsOnExpired()
{
    QFETCH(FakeServer::ExpiryDelivery, delivery);
    FakeServer server;
    fill(server, 10);
    FakeListWatch lw(server);
    RecordingStore store;
    kube::Reflector reflector(lw, store, fastOptions());
    QSignalSpy listed(&reflector, &kube::Reflector::listed);
    reflector.start();
    QTRY_COMPARE(server.openConnections(), 1);
    server.dropConnections();
    server.remove({u"ns-2"_qs, u"pod-2"_qs});
    server.put(makePod(u"y"_qs, u"new"_qs));
    server.expire(delivery); // the resumed watch's RV is now too old
    QTRY_COMPARE(listed.size(), 2);
    QCOMPARE(store.replaces, 2);
    QCOMPARE(store.state, server.objects());
    QVERIFY(!store.state.contains({u"ns-2"_qs, u"pod-2"_qs}));
    QTRY_COMPARE(server.openConnections(), 1);
    QCOMPARE(server.watchRequests().last().resourceVersion, QString::number(server.revision()));
}

void tst_Reflector::resumesAfterServerRestart()
{
    FakeServer server;
    fill(server, 4);
    FakeListWatch lw(server);
    RecordingStore store;
    kube::Reflector reflector(lw, store, fastOptions());
    QSignalSpy retries(&reflector, &kube::Reflector::retryScheduled);
    reflector.start();
    QTRY_COMPARE(server.openConnections(), 1);
    server.restart(3); // drop + refuse 3 connection attempts
    server.put(makePod(u"z"_qs, u"after-restart"_qs));
    QTRY_COMPARE(server.openConnections(), 1);
    QTRY_COMPARE(store.state, server.objects());
    QCOMPARE(retries.size(), 4); // the drop, then 3 refusals
    QCOMPARE(server.listCalls(), 1);
}

void tst_Reflector::immediateCloseBacksOff()
{
    FakeClock clock; // never advances: every watch ends "at once"
    FakeServer server;
    FakeListWatch lw(server);
    RecordingStore store;
    kube::ReflectorOptions options = fastOptions(&clock);
    options.minHealthyWatch = 1s;
    kube::Reflector reflector(lw, store, options);
    QSignalSpy retries(&reflector, &kube::Reflector::retryScheduled);
    server.setCloseImmediately(true);
    // After six failures the server behaves again (before the seventh watch opens).
    connect(&reflector, &kube::Reflector::retryScheduled, this, [&] {
        if (retries.size() == 6)
            server.setCloseImmediately(false);
    });
    reflector.start();
    QTRY_COMPARE(server.openConnections(), 1);
    QCOMPARE(retries.size(), 6);
    QList<qint64> delays;
    for (const auto &args : std::as_const(retries))
        delays.append(args.at(0).toLongLong());
    QCOMPARE(delays, (QList<qint64>{1, 2, 4, 8, 8, 8}));
    QCOMPARE(server.listCalls(), 1);

    // Healthy again: a normal end after events rewatches without backing off.
    const auto before = retries.size();
    server.put(makePod(u"a"_qs, u"b"_qs));
    QTRY_COMPARE(store.log.size(), 1);
    server.closeNormally();
    QTRY_COMPARE(server.openConnections(), 1);
    QCOMPARE(retries.size(), before);
}

void tst_Reflector::listFailureBacksOffAndRetries()
{
    FakeServer server;
    fill(server, 700);
    server.restart(2); // the first two lists are refused
    FakeListWatch lw(server);
    RecordingStore store;
    kube::Reflector reflector(lw, store, fastOptions());
    QSignalSpy retries(&reflector, &kube::Reflector::retryScheduled);
    reflector.start();
    QTRY_VERIFY(reflector.hasSynced());
    QCOMPARE(retries.size(), 2);
    QCOMPARE(store.state.size(), 700);
    QCOMPARE(server.listCalls(), 4); // two refused, then two pages
}

void tst_Reflector::bookmarkAdvancesResourceVersion()
{
    FakeServer server;
    fill(server, 2);
    FakeListWatch lw(server);
    RecordingStore store;
    kube::Reflector reflector(lw, store, fastOptions());
    reflector.start();
    QTRY_COMPARE(server.openConnections(), 1);
    server.bumpRevision(40);
    server.bookmark();
    QTRY_COMPARE(reflector.lastSyncResourceVersion(), QString::number(server.revision()));
    QCOMPARE(store.applies, 0); // bookmarks are not changes
    server.dropConnections();
    QTRY_COMPARE(server.openConnections(), 1);
    QCOMPARE(server.watchRequests().last().resourceVersion, QString::number(server.revision()));
}

void tst_Reflector::stopClosesWatch()
{
    FakeServer server;
    FakeListWatch lw(server);
    RecordingStore store;
    kube::Reflector reflector(lw, store, fastOptions());
    reflector.start();
    QTRY_COMPARE(server.openConnections(), 1);
    reflector.stop();
    QCOMPARE(server.openConnections(), 0);
    QCOMPARE(reflector.phase(), kube::Reflector::Phase::Stopped);
    server.put(makePod(u"a"_qs, u"b"_qs));
    QTest::qWait(5);
    QCOMPARE(store.log.size(), 0);
}

QTEST_GUILESS_MAIN(tst_Reflector)
#include "tst_reflector.moc"
