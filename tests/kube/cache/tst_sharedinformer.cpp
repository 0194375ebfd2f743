// SharedInformer over the FakeServer: initial state then Synced, ordered and batched delivery,
// relist deletions (FinalStateUnknown), managedFields dropped, late handlers, delivery thread.
#include "fakelistwatch.h"

#include "kube/cache/sharedinformer.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace std::chrono_literals;
using kube::InformerEvent;
using kube::Object;
using kube::ObjectKey;
using kube::testing::FakeListWatch;
using kube::testing::FakeServer;
using kube::testing::makePod;

namespace {

kube::SharedInformerOptions fastOptions(std::chrono::milliseconds interval = 0ms)
{
    kube::SharedInformerOptions o;
    o.reflector.backoff.initial = 1ms;
    o.reflector.backoff.max = 4ms;
    o.reflector.minHealthyWatch = 0ms;
    o.reflector.seed = 99;
    o.deliveryInterval = interval;
    return o;
}

// What a consumer rebuilds from the events it is handed.
struct Recorder {
    QList<kube::InformerEventBatch> batches;
    QList<InformerEvent> events;
    QMap<ObjectKey, Object> state;
    bool synced = false;
    void take(const kube::InformerEventBatch &batch)
    {
        batches.append(batch);
        for (const InformerEvent &e : batch) {
            events.append(e);
            switch (e.type) {
            case InformerEvent::Type::Added:
            case InformerEvent::Type::Updated:
                state.insert(e.object.key(), e.object);
                break;
            case InformerEvent::Type::Deleted:
                state.remove(e.object.key());
                break;
            case InformerEvent::Type::Synced:
                synced = true;
                break;
            }
        }
    }
};

QMap<ObjectKey, Object> slim(const QMap<ObjectKey, Object> &objects)
{
    QMap<ObjectKey, Object> out;
    for (auto it = objects.cbegin(); it != objects.cend(); ++it)
        out.insert(it.key(), kube::dropManagedFields(it.value()));
    return out;
}

} // namespace

class tst_SharedInformer : public QObject
{
    Q_OBJECT
private slots:
    void initialListThenSynced();
    void stormIsBatchedAndOrdered();
    void relistDeliversDeletionsForGoneObjects();
    void managedFieldsDropped_data();
    void managedFieldsDropped();
    void lateHandlerGetsSnapshot();
    void removedHandlerGetsNothing();
    void deliversOnContextThread();
    void perEventHandler();
};

void tst_SharedInformer::initialListThenSynced()
{
    FakeServer server;
    for (int i = 0; i < 30; ++i)
        server.put(makePod(u"d"_qs, u"p%1"_qs.arg(i)));
    kube::SharedInformer informer(std::make_unique<FakeListWatch>(server), fastOptions());
    Recorder r;
    informer.addBatchHandler(this, [&r](const kube::InformerEventBatch &b) { r.take(b); });
    QSignalSpy synced(&informer, &kube::SharedInformer::synced);
    QVERIFY(!informer.hasSynced());
    informer.start();
    QTRY_VERIFY(r.synced);
    QCOMPARE(synced.size(), 1);
    QVERIFY(informer.hasSynced());
    QCOMPARE(r.events.size(), 31);
    QCOMPARE(r.events.last().type, InformerEvent::Type::Synced);
    QCOMPARE(r.state, slim(server.objects()));
    QCOMPARE(informer.lister().size(), 30);
}

void tst_SharedInformer::stormIsBatchedAndOrdered()
{
    FakeServer server;
    server.chunkSize = 10;
    kube::SharedInformer informer(std::make_unique<FakeListWatch>(server), fastOptions(50ms));
    Recorder r;
    const auto id = informer.addBatchHandler(this, [&r](const kube::InformerEventBatch &b) { r.take(b); });
    informer.start();
    QTRY_VERIFY(r.synced);
    QTRY_COMPARE(server.openConnections(), 1);
    const int deliveriesBefore = informer.deliveryCount(id);
    // 2,000 changes arrive in 200 chunks.
    for (int i = 0; i < 1000; ++i)
        server.put(makePod(u"d"_qs, u"p%1"_qs.arg(i % 100), {}, {{u"gen"_qs, QString::number(i)}}));
    for (int i = 0; i < 1000; ++i)
        server.put(makePod(u"d"_qs, u"p%1"_qs.arg(i % 100), {}, {{u"gen"_qs, QString::number(1000 + i)}}));
    QTRY_COMPARE(r.events.size(), 2001);
    const int deliveries = informer.deliveryCount(id) - deliveriesBefore;
    QVERIFY2(deliveries <= 20, qPrintable(u"%1 deliveries for 200 chunks"_qs.arg(deliveries)));
    // In order: the first 100 are adds, then updates whose old object is the previous state.
    for (int i = 1; i < 2001; ++i) {
        const InformerEvent &e = r.events[i];
        QCOMPARE(e.object.labels().value(u"gen"), QString::number(i - 1));
        QCOMPARE(e.type, i <= 100 ? InformerEvent::Type::Added : InformerEvent::Type::Updated);
        if (i > 100)
            QCOMPARE(e.oldObject.labels().value(u"gen"), QString::number(i - 101));
    }
    QCOMPARE(r.state, slim(server.objects()));
}

void tst_SharedInformer::relistDeliversDeletionsForGoneObjects()
{
    FakeServer server;
    for (int i = 0; i < 5; ++i)
        server.put(makePod(u"d"_qs, u"p%1"_qs.arg(i)));
    kube::SharedInformer informer(std::make_unique<FakeListWatch>(server), fastOptions());
    Recorder r;
    informer.addBatchHandler(this, [&r](const kube::InformerEventBatch &b) { r.take(b); });
    informer.start();
    QTRY_COMPARE(server.openConnections(), 1);
    QTRY_VERIFY(r.synced);
    server.dropConnections();
    server.remove({u"d"_qs, u"p1"_qs});
    server.remove({u"d"_qs, u"p3"_qs});
    server.put(makePod(u"d"_qs, u"p2"_qs, {}, {{u"changed"_qs, u"yes"_qs}}));
    server.put(makePod(u"d"_qs, u"p9"_qs));
    server.expire();
    r.events.clear();
    QTRY_COMPARE(informer.reflector().listCount(), 2);
    QTRY_COMPARE(r.state, slim(server.objects()));
    QMap<QString, QString> seen; // name → what happened
    for (const InformerEvent &e : std::as_const(r.events)) {
        QString what = e.type == InformerEvent::Type::Added ? u"added"_qs
            : e.type == InformerEvent::Type::Updated       ? u"updated"_qs
            : e.deleteState == kube::DeleteState::FinalStateUnknown ? u"deleted-final-state-unknown"_qs
                                                                   : u"deleted"_qs;
        seen.insert(e.object.name(), what);
    }
    const QMap<QString, QString> expected{{u"p1"_qs, u"deleted-final-state-unknown"_qs},
                                          {u"p3"_qs, u"deleted-final-state-unknown"_qs},
                                          {u"p2"_qs, u"updated"_qs},
                                          {u"p9"_qs, u"added"_qs}};
    QCOMPARE(seen, expected); // p0, p4 unchanged: no event
}

void tst_SharedInformer::managedFieldsDropped_data()
{
    QTest::addColumn<bool>("keepEverything");
    QTest::newRow("default-transform-drops") << false;
    QTest::newRow("null-transform-keeps") << true;
}

void tst_SharedInformer::managedFieldsDropped()
{
    QFETCH(bool, keepEverything);
    FakeServer server;
    server.put(makePod(u"d"_qs, u"listed"_qs));
    kube::SharedInformerOptions options = fastOptions();
    if (keepEverything)
        options.transform = nullptr;
    kube::SharedInformer informer(std::make_unique<FakeListWatch>(server), options);
    informer.start();
    QTRY_COMPARE(server.openConnections(), 1);
    server.put(makePod(u"d"_qs, u"watched"_qs));
    QTRY_COMPARE(informer.lister().size(), 2);
    for (const Object &o : informer.lister().list()) {
        QCOMPARE(o.json().contains("managedFields"), keepEverything);
        QCOMPARE(o.name().isEmpty(), false);
    }
}

void tst_SharedInformer::lateHandlerGetsSnapshot()
{
    FakeServer server;
    for (int i = 0; i < 3; ++i)
        server.put(makePod(u"d"_qs, u"p%1"_qs.arg(i)));
    kube::SharedInformer informer(std::make_unique<FakeListWatch>(server), fastOptions());
    informer.start();
    QTRY_VERIFY(informer.hasSynced());
    Recorder r;
    informer.addBatchHandler(this, [&r](const kube::InformerEventBatch &b) { r.take(b); });
    QTRY_VERIFY(r.synced);
    QCOMPARE(r.events.size(), 4);
    QCOMPARE(r.state, slim(server.objects()));
}

void tst_SharedInformer::removedHandlerGetsNothing()
{
    FakeServer server;
    kube::SharedInformer informer(std::make_unique<FakeListWatch>(server), fastOptions());
    Recorder r;
    const auto id = informer.addBatchHandler(this, [&r](const kube::InformerEventBatch &b) { r.take(b); });
    informer.start();
    QTRY_VERIFY(r.synced);
    QTRY_COMPARE(server.openConnections(), 1);
    informer.removeEventHandler(id);
    server.put(makePod(u"d"_qs, u"p"_qs));
    QTRY_COMPARE(informer.lister().size(), 1);
    QCoreApplication::processEvents();
    QCOMPARE(r.events.size(), 1);
}

void tst_SharedInformer::deliversOnContextThread()
{
    FakeServer server;
    server.put(makePod(u"d"_qs, u"p"_qs));
    QThread consumerThread;
    QObject consumer;
    consumer.moveToThread(&consumerThread);
    consumerThread.start();
    kube::SharedInformer informer(std::make_unique<FakeListWatch>(server), fastOptions());
    std::atomic<QThread *> deliveredOn = nullptr;
    std::atomic<int> events = 0;
    informer.addBatchHandler(&consumer, [&](const kube::InformerEventBatch &b) {
        deliveredOn = QThread::currentThread();
        events += int(b.size());
    });
    informer.start();
    QTRY_COMPARE(events.load(), 2); // Added + Synced
    QCOMPARE(deliveredOn.load(), &consumerThread);
    consumerThread.quit();
    consumerThread.wait();
}

void tst_SharedInformer::perEventHandler()
{
    FakeServer server;
    server.put(makePod(u"d"_qs, u"a"_qs));
    kube::SharedInformer informer(std::make_unique<FakeListWatch>(server), fastOptions());
    QStringList calls;
    kube::ResourceEventHandler handler;
    handler.added = [&](const Object &o) { calls.append(u"added "_qs + o.name()); };
    handler.updated = [&](const Object &old, const Object &now) { calls.append(u"updated %1 %2→%3"_qs.arg(now.name(), old.resourceVersion(), now.resourceVersion())); };
    handler.deleted = [&](const Object &o, kube::DeleteState s) { calls.append(u"deleted %1 %2"_qs.arg(o.name()).arg(s == kube::DeleteState::Observed ? u"observed"_qs : u"unknown"_qs)); };
    handler.synced = [&] { calls.append(u"synced"_qs); };
    informer.addEventHandler(this, handler);
    informer.start();
    QTRY_COMPARE(server.openConnections(), 1);
    server.put(makePod(u"d"_qs, u"a"_qs, {}, {{u"x"_qs, u"y"_qs}}));
    server.remove({u"d"_qs, u"a"_qs});
    QTRY_COMPARE(calls.size(), 4);
    QCOMPARE(calls, (QStringList{u"added a"_qs, u"synced"_qs, u"updated a 101→102"_qs, u"deleted a observed"_qs}));
}

QTEST_GUILESS_MAIN(tst_SharedInformer)
#include "tst_sharedinformer.moc"
