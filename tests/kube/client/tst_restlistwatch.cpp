// RestListWatch against the embedded cluster: list, watch from a revision, bookmarks with
// initial events, resuming, 410 Expired after compaction, normal end on timeoutSeconds.
#include "tests/support/clusterfixture.h"
#include "kube/store/store.h"

#include "kube/client/restclient.h"
#include "kube/client/restlistwatch.h"

#include <QSignalSpy>
#include <QTest>

using namespace kube;


namespace {

const GroupVersionResource kConfigMaps{QString(), u"v1"_qs, u"configmaps"_qs};

Object configMap(const QString &name, const QString &value)
{
    return Object::parse(QStringLiteral(R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"%1"},"data":{"k":"%2"}})").arg(name, value).toUtf8())
        .value();
}

// Collects what a watch emits.
struct Recorder {
    QList<WatchEvent> events;
    std::optional<Status> closedWith;
    int closedCount = 0;
    void attach(WatchConnection *w)
    {
        QObject::connect(w, &WatchConnection::eventsReceived, w, [this](const QList<WatchEvent> &e) { events += e; });
        QObject::connect(w, &WatchConnection::closed, w, [this](const Status &s) {
            closedWith = s;
            ++closedCount;
        });
    }
};

} // namespace

class tst_RestListWatch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void listThenWatchFromRevision();
    void initialEventsEndWithBookmark();
    void resumesFromOldRevision();
    void expiredRevisionIsAnErrorEvent();
    void timeoutEndsNormally();
    void describes();

private:
    Object create(const QString &name, const QString &value = u"1"_qs)
    {
        auto r = awaitResult<Expected<Object>>([&](auto cb) { m_client->create({kConfigMaps, m_namespace, QString(), QString()}, configMap(name, value), cb); });
        return r && r->ok() ? r->value() : Object();
    }
    ClusterFixture m_fixture;
    std::unique_ptr<ClusterTransport> m_transport;
    std::unique_ptr<RestClient> m_client;
    std::unique_ptr<RestListWatch> m_lw;
    QString m_namespace = u"default"_qs;
};

void tst_RestListWatch::initTestCase()
{
    const Status s = m_fixture.start();
    QVERIFY2(s.isSuccess(), qPrintable(s.message()));
    m_transport = std::make_unique<ClusterTransport>(m_fixture.config());
    m_client = std::make_unique<RestClient>(m_transport.get());
    m_lw = std::make_unique<RestListWatch>(m_transport.get(), kConfigMaps, m_namespace);
}

void tst_RestListWatch::listThenWatchFromRevision()
{
    QVERIFY(!create(u"lw-a"_qs).isNull());
    auto page = awaitResult<Expected<ListPage>>([&](auto cb) { m_lw->list({}, cb); });
    QVERIFY(page && page->ok());
    QVERIFY(!page->value().resourceVersion.isEmpty());
    QVERIFY(std::any_of(page->value().items.begin(), page->value().items.end(), [](const Object &o) { return o.name() == u"lw-a"; }));

    WatchRequest request;
    request.resourceVersion = page->value().resourceVersion;
    auto watch = m_lw->watch(request);
    Recorder rec;
    rec.attach(watch.get());
    const Object b = create(u"lw-b"_qs);
    QVERIFY(!b.isNull());
    auto updated = awaitResult<Expected<Object>>([&](auto cb) {
        m_client->update({kConfigMaps, m_namespace, u"lw-b"_qs, QString()}, configMap(u"lw-b"_qs, u"2"_qs).withResourceVersion(b.resourceVersion()), cb);
    });
    QVERIFY(updated && updated->ok());
    auto deleted = awaitResult<Expected<Object>>([&](auto cb) { m_client->remove({kConfigMaps, m_namespace, u"lw-b"_qs, QString()}, cb); });
    QVERIFY(deleted && deleted->ok());
    QTRY_COMPARE_WITH_TIMEOUT(rec.events.size(), 3, 10000);
    QCOMPARE(rec.events[0].type, WatchEvent::Type::Added);
    QCOMPARE(rec.events[0].object.name(), u"lw-b"_qs);
    QCOMPARE(rec.events[1].type, WatchEvent::Type::Modified);
    QCOMPARE(rec.events[2].type, WatchEvent::Type::Deleted);
    QCOMPARE(rec.closedCount, 0);
    watch->stop();
    QTest::qWait(50);
    QCOMPARE(rec.closedCount, 0); // stop() closes silently
}

void tst_RestListWatch::initialEventsEndWithBookmark()
{
    QVERIFY(!create(u"lw-initial"_qs).isNull());
    WatchRequest request;
    request.sendInitialEvents = true;
    auto watch = m_lw->watch(request);
    Recorder rec;
    rec.attach(watch.get());
    QTRY_VERIFY_WITH_TIMEOUT(!rec.events.isEmpty() && rec.events.last().type == WatchEvent::Type::Bookmark, 10000);
    const WatchEvent &bookmark = rec.events.last();
    QVERIFY(!bookmark.object.resourceVersion().isEmpty());
    QCOMPARE(bookmark.object.annotations().value(u"k8s.io/initial-events-end"_qs), u"true"_qs);
    QVERIFY(std::any_of(rec.events.begin(), rec.events.end(),
                        [](const WatchEvent &e) { return e.type == WatchEvent::Type::Added && e.object.name() == u"lw-initial"; }));
}

void tst_RestListWatch::resumesFromOldRevision()
{
    const Object first = create(u"lw-r1"_qs);
    QVERIFY(!first.isNull());
    QVERIFY(!create(u"lw-r2"_qs).isNull());
    QVERIFY(!create(u"lw-r3"_qs).isNull());
    WatchRequest request;
    request.resourceVersion = first.resourceVersion();
    auto watch = m_lw->watch(request);
    Recorder rec;
    rec.attach(watch.get());
    QTRY_COMPARE_WITH_TIMEOUT(rec.events.size(), 2, 10000);
    QCOMPARE(rec.events[0].object.name(), u"lw-r2"_qs);
    QCOMPARE(rec.events[1].object.name(), u"lw-r3"_qs);
}

void tst_RestListWatch::expiredRevisionIsAnErrorEvent()
{
    const Object old = create(u"lw-old"_qs);
    QVERIFY(!create(u"lw-new"_qs).isNull());
    kube::Store *store = m_fixture.cluster->store();
    QVERIFY(store->compact(store->currentRevision()).isSuccess());
    WatchRequest request;
    request.resourceVersion = old.resourceVersion();
    auto watch = m_lw->watch(request);
    Recorder rec;
    rec.attach(watch.get());
    // Upstream sends the 410 as an ERROR event, then ends the stream.
    QTRY_VERIFY_WITH_TIMEOUT(rec.closedCount == 1, 10000);
    const bool errorEvent = !rec.events.isEmpty() && rec.events.last().type == WatchEvent::Type::Error;
    const Status why = errorEvent ? rec.events.last().error : *rec.closedWith;
    QCOMPARE(why.code(), 410);
    QVERIFY(why.is(reason::Expired) || why.is(reason::Gone));
    QVERIFY(errorEvent);
    QTest::qWait(50);
    QCOMPARE(rec.closedCount, 1);
}

void tst_RestListWatch::timeoutEndsNormally()
{
    WatchRequest request;
    request.timeoutSeconds = 1;
    auto watch = m_lw->watch(request);
    Recorder rec;
    rec.attach(watch.get());
    QTRY_COMPARE_WITH_TIMEOUT(rec.closedCount, 1, 10000);
    QVERIFY2(rec.closedWith->isSuccess(), qPrintable(rec.closedWith->message()));
}

void tst_RestListWatch::describes()
{
    QCOMPARE(m_lw->describe(), u"configmaps in namespace default"_qs);
    RestListWatch deployments(m_transport.get(), {u"apps"_qs, u"v1"_qs, u"deployments"_qs}, QString());
    QCOMPARE(deployments.describe(), u"deployments.apps"_qs);
    WatchRequest r;
    r.resourceVersion = u"5"_qs;
    r.labelSelector = u"a in (b,c)"_qs;
    QCOMPARE(deployments.watchTarget(r), QByteArray("/apis/apps/v1/deployments?watch=1&allowWatchBookmarks=true&labelSelector=a%20in%20%28b%2Cc%29&resourceVersion=5"));
}

QTEST_GUILESS_MAIN(tst_RestListWatch)
#include "tst_restlistwatch.moc"
