// DiscoveryClient against the embedded cluster, aggregated and legacy.
#include "tests/support/clusterfixture.h"

#include "kube/client/discoveryclient.h"

#include <QSignalSpy>
#include <QTest>

using namespace kube;

class tst_DiscoveryClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void discovers_data();
    void discovers();
    void concurrentRefreshesShareOne();
    void failureKeepsNothingLoaded();

private:
    ClusterFixture m_fixture;
    std::unique_ptr<ClusterTransport> m_transport;
};

void tst_DiscoveryClient::initTestCase()
{
    const Status s = m_fixture.start();
    QVERIFY2(s.isSuccess(), qPrintable(s.message()));
    m_transport = std::make_unique<ClusterTransport>(m_fixture.config());
}

void tst_DiscoveryClient::discovers_data()
{
    QTest::addColumn<int>("negotiation");
    QTest::addColumn<int>("format");
    QTest::newRow("aggregated") << int(DiscoveryClient::Negotiation::PreferAggregated) << int(DiscoveryClient::Format::Aggregated);
    QTest::newRow("legacy") << int(DiscoveryClient::Negotiation::LegacyOnly) << int(DiscoveryClient::Format::Legacy);
}

void tst_DiscoveryClient::discovers()
{
    QFETCH(int, negotiation);
    QFETCH(int, format);
    DiscoveryClient discovery(m_transport.get());
    discovery.setNegotiation(DiscoveryClient::Negotiation(negotiation));
    QSignalSpy refreshed(&discovery, &DiscoveryClient::refreshed);
    auto status = awaitResult<Status>([&](auto cb) { discovery.refresh(cb); });
    QVERIFY(status);
    QVERIFY2(status->isSuccess(), qPrintable(status->message()));
    QVERIFY(discovery.isLoaded());
    QCOMPARE(int(discovery.format()), format);
    QCOMPARE(refreshed.size(), 1);

    auto deploy = discovery.find(u"deploy"_qs);
    QVERIFY(deploy);
    QCOMPARE(deploy->gvr, (GroupVersionResource{u"apps"_qs, u"v1"_qs, u"deployments"_qs}));
    QCOMPARE(deploy->kind, u"Deployment"_qs);
    QVERIFY(deploy->namespaced);
    QVERIFY(deploy->hasVerb(u"watch"));
    QVERIFY(deploy->subresources.contains(u"scale"_qs));
    QVERIFY(deploy->categories.contains(u"all"_qs));

    auto pods = discovery.resourceForKind({QString(), u"v1"_qs, u"Pod"_qs});
    QVERIFY(pods);
    QCOMPARE(pods->gvr.resource, u"pods"_qs);
    QVERIFY(pods->shortNames.contains(u"po"_qs));
    QVERIFY(pods->subresources.contains(u"status"_qs));

    auto nodes = discovery.find(u"nodes"_qs);
    QVERIFY(nodes);
    QVERIFY(!nodes->namespaced);
    QVERIFY(discovery.find(u"deployments.apps"_qs));
    QVERIFY(!discovery.find(u"nosuchthing"_qs));
    QVERIFY(!discovery.inCategory(u"all"_qs).isEmpty());
}

void tst_DiscoveryClient::concurrentRefreshesShareOne()
{
    DiscoveryClient discovery(m_transport.get());
    QSignalSpy refreshed(&discovery, &DiscoveryClient::refreshed);
    int calls = 0;
    discovery.refresh([&](Status s) { calls += s.isSuccess(); });
    discovery.refresh([&](Status s) { calls += s.isSuccess(); });
    QTRY_COMPARE(calls, 2);
    QCOMPARE(refreshed.size(), 1);
}

void tst_DiscoveryClient::failureKeepsNothingLoaded()
{
    RestConfig config = m_fixture.config();
    config.bearerToken = "not-the-token";
    ClusterTransport transport(config);
    DiscoveryClient discovery(&transport);
    auto status = awaitResult<Status>([&](auto cb) { discovery.refresh(cb); });
    QVERIFY(status);
    QCOMPARE(status->code(), 401);
    QVERIFY(!discovery.isLoaded());
}

QTEST_GUILESS_MAIN(tst_DiscoveryClient)
#include "tst_discoveryclient.moc"
