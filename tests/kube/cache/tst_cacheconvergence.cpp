// Property: whatever the server does — 1,000 random creates/updates/deletes interleaved with two
// dropped connections, a restart and a 410 — the informer's cache and the state its handler
// rebuilds from events both end equal to the server's state. Seeded, data-driven by seed.
#include "fakelistwatch.h"

#include "kube/cache/sharedinformer.h"

#include <QTest>

#include <random>

using namespace std::chrono_literals;
using kube::InformerEvent;
using kube::Object;
using kube::ObjectKey;
using kube::testing::FakeListWatch;
using kube::testing::FakeServer;
using kube::testing::makePod;

class tst_CacheConvergence : public QObject
{
    Q_OBJECT
private slots:
    void randomHistoryConverges_data();
    void randomHistoryConverges();
};

void tst_CacheConvergence::randomHistoryConverges_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::newRow("seed-1") << 1u;
    QTest::newRow("seed-20260127") << 20260127u;
    QTest::newRow("seed-777") << 777u;
}

void tst_CacheConvergence::randomHistoryConverges()
{
    QFETCH(quint32, seed);
    std::mt19937 random(seed);
    FakeServer server;
    server.chunkSize = 7;
    for (int i = 0; i < 40; ++i)
        server.put(makePod(u"ns-%1"_qs.arg(i % 3), u"pod-%1"_qs.arg(i)));

    kube::SharedInformerOptions options;
    options.reflector.pageSize = 16; // several pages per list
    options.reflector.backoff.initial = 1ms;
    options.reflector.backoff.max = 4ms;
    options.reflector.minHealthyWatch = 0ms;
    options.reflector.seed = seed;
    options.deliveryInterval = 2ms;
    kube::SharedInformer informer(std::make_unique<FakeListWatch>(server), options);
    QMap<ObjectKey, Object> rebuilt;
    int finalStateUnknown = 0;
    informer.addBatchHandler(this, [&](const kube::InformerEventBatch &batch) {
        for (const InformerEvent &e : batch) {
            if (e.type == InformerEvent::Type::Added || e.type == InformerEvent::Type::Updated)
                rebuilt.insert(e.object.key(), e.object);
            else if (e.type == InformerEvent::Type::Deleted) {
                QVERIFY(rebuilt.remove(e.object.key()) == 1); // never a deletion of the unknown
                finalStateUnknown += e.deleteState == kube::DeleteState::FinalStateUnknown;
            }
        }
    });
    informer.start();

    std::uniform_int_distribution<int> op(0, 99), name(0, 119), pump(0, 9);
    for (int i = 0; i < 1000; ++i) {
        switch (i) {
        case 150:
        case 650:
            server.dropConnections();
            break;
        case 400:
            server.restart(2);
            break;
        case 800:
            // Disconnected while objects are deleted, then history is compacted: only a relist
            // can tell the cache what went away.
            server.dropConnections();
            for (int k = 0; k < 10; ++k)
                server.remove({u"ns-%1"_qs.arg(k % 3), u"pod-%1"_qs.arg(k)});
            server.expire();
            break;
        default:
            break;
        }
        const int n = name(random);
        const ObjectKey key{u"ns-%1"_qs.arg(n % 3), u"pod-%1"_qs.arg(n)};
        const int what = op(random);
        if (what < 20) {
            server.remove(key);
        } else {
            const kube::Labels labels{{u"step"_qs, QString::number(i)}, {u"app"_qs, n % 2 ? u"web"_qs : u"db"_qs}};
            server.put(makePod(key.namespace_, key.name, {}, labels, u"node-%1"_qs.arg(n % 4)));
        }
        if (pump(random) == 0)
            QCoreApplication::processEvents();
    }

    const auto caughtUp = [&] { return informer.lastSyncResourceVersion() == QString::number(server.revision()); };
    QTRY_VERIFY_WITH_TIMEOUT(caughtUp(), 20000);
    QMap<ObjectKey, Object> expected;
    for (const Object &o : server.objects())
        expected.insert(o.key(), kube::dropManagedFields(o));
    QMap<ObjectKey, Object> cached;
    for (const Object &o : informer.lister().list())
        cached.insert(o.key(), o);
    QCOMPARE(cached.size(), expected.size());
    QVERIFY(cached == expected);
    QTRY_VERIFY_WITH_TIMEOUT(rebuilt == expected, 5000);
    QCOMPARE(informer.reflector().listCount(), 2); // the first list and the 410 relist only
    QVERIFY(finalStateUnknown > 0);
    // The indexes agree with the content.
    int onNodes = 0;
    for (int node = 0; node < 4; ++node)
        onNodes += int(informer.lister().byIndex(u"nodeName"_qs, u"node-%1"_qs.arg(node)).size());
    int expectedOnNodes = 0;
    for (const Object &o : expected)
        expectedOnNodes += o.scalarAt(u"spec.nodeName").has_value();
    QCOMPARE(onNodes, expectedOnNodes);
}

QTEST_GUILESS_MAIN(tst_CacheConvergence)
#include "tst_cacheconvergence.moc"
