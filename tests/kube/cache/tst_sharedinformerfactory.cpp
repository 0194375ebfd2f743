// SharedInformerFactory: one informer (one list, one watch) per key, shared by every consumer.
#include "fakelistwatch.h"

#include "kube/cache/sharedinformerfactory.h"

#include <QTest>

using namespace std::chrono_literals;
using kube::InformerKey;
using kube::testing::FakeListWatch;
using kube::testing::FakeServer;
using kube::testing::makePod;

class tst_SharedInformerFactory : public QObject
{
    Q_OBJECT
private slots:
    void sameKeySameInformer_data();
    void sameKeySameInformer();
    void sharedInformerServesAllConsumers();
};

void tst_SharedInformerFactory::sameKeySameInformer_data()
{
    QTest::addColumn<InformerKey>("second");
    QTest::addColumn<bool>("shared");
    const InformerKey base{u"pods"_qs, u"default"_qs, QString(), QString()};
    QTest::newRow("identical-key") << base << true;
    QTest::newRow("other-namespace") << InformerKey{u"pods"_qs, u"kube-system"_qs, {}, {}} << false;
    QTest::newRow("all-namespaces") << InformerKey{u"pods"_qs, QString(), {}, {}} << false;
    QTest::newRow("label-selector") << InformerKey{u"pods"_qs, u"default"_qs, u"app=web"_qs, {}} << false;
    QTest::newRow("field-selector") << InformerKey{u"pods"_qs, u"default"_qs, {}, u"spec.nodeName=n1"_qs} << false;
    QTest::newRow("other-resource") << InformerKey{u"services"_qs, u"default"_qs, {}, {}} << false;
}

void tst_SharedInformerFactory::sameKeySameInformer()
{
    QFETCH(InformerKey, second);
    QFETCH(bool, shared);
    FakeServer server;
    int made = 0;
    kube::SharedInformerFactory factory([&](const InformerKey &) {
        ++made;
        return std::make_unique<FakeListWatch>(server);
    });
    kube::SharedInformer *a = factory.informer({u"pods"_qs, u"default"_qs, QString(), QString()});
    kube::SharedInformer *b = factory.informer(second);
    QCOMPARE(a == b, shared);
    QCOMPARE(made, shared ? 1 : 2);
    QCOMPARE(factory.keys().size(), made);
}

void tst_SharedInformerFactory::sharedInformerServesAllConsumers()
{
    FakeServer server;
    server.put(makePod(u"default"_qs, u"a"_qs));
    kube::SharedInformerOptions options;
    options.reflector.minHealthyWatch = 0ms;
    options.deliveryInterval = 0ms;
    kube::SharedInformerFactory factory([&](const InformerKey &) { return std::make_unique<FakeListWatch>(server); }, options);
    const InformerKey key{u"pods"_qs, u"default"_qs, u"app=web"_qs, QString()};
    factory.start();
    int consumerA = 0, consumerB = 0;
    factory.informer(key)->addBatchHandler(this, [&](const kube::InformerEventBatch &b) { consumerA += int(b.size()); });
    factory.informer(key)->addBatchHandler(this, [&](const kube::InformerEventBatch &b) { consumerB += int(b.size()); });
    QTRY_VERIFY(factory.hasSynced());
    QTRY_COMPARE(server.openConnections(), 1);
    server.put(makePod(u"default"_qs, u"b"_qs));
    QTRY_COMPARE(consumerA, 3); // a, Synced, b
    QTRY_COMPARE(consumerB, 3);
    QCOMPARE(server.listCalls(), 1);
    QCOMPARE(server.watchCalls(), 1);
    // The key's selectors travel in the requests.
    QCOMPARE(server.listRequests().first().labelSelector, u"app=web"_qs);
    QCOMPARE(server.watchRequests().first().labelSelector, u"app=web"_qs);
}

QTEST_GUILESS_MAIN(tst_SharedInformerFactory)
#include "tst_sharedinformerfactory.moc"
