#include "kube/apiserver/discovery.h"
#include "kube/api/typeregistry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace kube;

class tst_Discovery : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void negotiate_data();
    void negotiate();
    void aggregatedCoreHasPodsWithSubresources();
    void aggregatedGroupsCarryResponseKinds();
    void legacyResourceListForApps();
    void legacyUnknownGroupVersion();
    void legacyGroupListPrefersFirstVersion();

private:
    static QJsonObject parse(const QByteArray &bytes) { return QJsonDocument::fromJson(bytes).object(); }
    static QJsonObject find(const QJsonArray &array, const QString &key, const QString &value)
    {
        for (const QJsonValue &v : array) {
            if (v.toObject().value(key).toString() == value)
                return v.toObject();
        }
        return {};
    }
};

void tst_Discovery::negotiate_data()
{
    QTest::addColumn<QByteArray>("accept");
    QTest::addColumn<int>("format");
    QTest::newRow("client-go-1.35") << QByteArray("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json")
                                    << int(DiscoveryFormat::AggregatedV2);
    QTest::newRow("params-reordered") << QByteArray("application/json;as=APIGroupDiscoveryList;v=v2;g=apidiscovery.k8s.io")
                                      << int(DiscoveryFormat::AggregatedV2);
    QTest::newRow("v2beta1-only") << QByteArray("application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json")
                                  << int(DiscoveryFormat::AggregatedV2Beta1);
    QTest::newRow("plain-json") << QByteArray("application/json") << int(DiscoveryFormat::Legacy);
    QTest::newRow("plain-json-first") << QByteArray("application/json, application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList")
                                      << int(DiscoveryFormat::Legacy);
    QTest::newRow("no-accept") << QByteArray() << int(DiscoveryFormat::Legacy);
    QTest::newRow("unknown-version") << QByteArray("application/json;g=apidiscovery.k8s.io;v=v9;as=APIGroupDiscoveryList")
                                     << int(DiscoveryFormat::Legacy);
}

void tst_Discovery::negotiate()
{
    QFETCH(QByteArray, accept);
    QFETCH(int, format);
    QCOMPARE(int(negotiateDiscovery(accept)), format);
}

void tst_Discovery::aggregatedCoreHasPodsWithSubresources()
{
    const QJsonObject doc = parse(aggregatedDiscovery(TypeRegistry::builtin(), true, DiscoveryFormat::AggregatedV2));
    QCOMPARE(doc.value(u"kind").toString(), u"APIGroupDiscoveryList"_qs);
    QCOMPARE(doc.value(u"apiVersion").toString(), u"apidiscovery.k8s.io/v2"_qs);
    const QJsonArray items = doc.value(u"items").toArray();
    QCOMPARE(items.size(), 1);
    QVERIFY(!items[0].toObject().value(u"metadata").toObject().contains(u"name"));
    const QJsonObject v1 = items[0].toObject().value(u"versions").toArray()[0].toObject();
    QCOMPARE(v1.value(u"version").toString(), u"v1"_qs);
    const QJsonObject pods = find(v1.value(u"resources").toArray(), u"resource"_qs, u"pods"_qs);
    QCOMPARE(pods.value(u"scope").toString(), u"Namespaced"_qs);
    QCOMPARE(pods.value(u"responseKind").toObject().value(u"kind").toString(), u"Pod"_qs);
    QVERIFY(pods.value(u"shortNames").toArray().contains(u"po"_qs));
    QVERIFY(pods.value(u"categories").toArray().contains(u"all"_qs));
    const QJsonObject eviction = find(pods.value(u"subresources").toArray(), u"subresource"_qs, u"eviction"_qs);
    QCOMPARE(eviction.value(u"responseKind").toObject().value(u"group").toString(), u"policy"_qs);
    const QJsonObject nodes = find(v1.value(u"resources").toArray(), u"resource"_qs, u"nodes"_qs);
    QCOMPARE(nodes.value(u"scope").toString(), u"Cluster"_qs);
}

void tst_Discovery::aggregatedGroupsCarryResponseKinds()
{
    const QJsonObject doc = parse(aggregatedDiscovery(TypeRegistry::builtin(), false, DiscoveryFormat::AggregatedV2));
    const QJsonArray items = doc.value(u"items").toArray();
    QVERIFY(items.size() >= 10);
    for (const QJsonValue &item : items) {
        const QString group = item.toObject().value(u"metadata").toObject().value(u"name").toString();
        QVERIFY2(!group.isEmpty(), "every group item is named");
        for (const QJsonValue &version : item.toObject().value(u"versions").toArray()) {
            for (const QJsonValue &r : version.toObject().value(u"resources").toArray()) {
                const QJsonObject res = r.toObject();
                // client-go drops resources and subresources without a responseKind.
                QVERIFY2(!res.value(u"responseKind").toObject().value(u"kind").toString().isEmpty(), qPrintable(res.value(u"resource").toString()));
                for (const QJsonValue &s : res.value(u"subresources").toArray())
                    QVERIFY(!s.toObject().value(u"responseKind").toObject().value(u"kind").toString().isEmpty());
            }
        }
    }
    bool sawScale = false;
    for (const QJsonValue &item : items) {
        if (item.toObject().value(u"metadata").toObject().value(u"name").toString() != u"apps")
            continue;
        const QJsonArray resources = item.toObject().value(u"versions").toArray()[0].toObject().value(u"resources").toArray();
        const QJsonObject deployments = find(resources, u"resource"_qs, u"deployments"_qs);
        const QJsonObject scale = find(deployments.value(u"subresources").toArray(), u"subresource"_qs, u"scale"_qs);
        QCOMPARE(scale.value(u"responseKind").toObject().value(u"group").toString(), u"autoscaling"_qs);
        QCOMPARE(scale.value(u"responseKind").toObject().value(u"kind").toString(), u"Scale"_qs);
        sawScale = true;
    }
    QVERIFY(sawScale);
}

void tst_Discovery::legacyResourceListForApps()
{
    const auto list = legacyResourceList(TypeRegistry::builtin(), {u"apps"_qs, u"v1"_qs});
    QVERIFY(list.has_value());
    const QJsonObject doc = parse(*list);
    QCOMPARE(doc.value(u"groupVersion").toString(), u"apps/v1"_qs);
    const QJsonArray resources = doc.value(u"resources").toArray();
    const QJsonObject deployments = find(resources, u"name"_qs, u"deployments"_qs);
    QCOMPARE(deployments.value(u"kind").toString(), u"Deployment"_qs);
    QCOMPARE(deployments.value(u"namespaced").toBool(), true);
    const QJsonObject scale = find(resources, u"name"_qs, u"deployments/scale"_qs);
    QCOMPARE(scale.value(u"group").toString(), u"autoscaling"_qs);
    QCOMPARE(scale.value(u"version").toString(), u"v1"_qs);
    QCOMPARE(scale.value(u"kind").toString(), u"Scale"_qs);
    const QJsonObject status = find(resources, u"name"_qs, u"deployments/status"_qs);
    QCOMPARE(status.value(u"kind").toString(), u"Deployment"_qs);
    QVERIFY(!status.contains(u"group"));
}

void tst_Discovery::legacyUnknownGroupVersion()
{
    QVERIFY(!legacyResourceList(TypeRegistry::builtin(), {u"apps"_qs, u"v1beta1"_qs}).has_value());
    QVERIFY(!legacyGroup(TypeRegistry::builtin(), u"nope.example.com"_qs).has_value());
}

void tst_Discovery::legacyGroupListPrefersFirstVersion()
{
    const QJsonObject doc = parse(legacyGroupList(TypeRegistry::builtin()));
    QCOMPARE(doc.value(u"kind").toString(), u"APIGroupList"_qs);
    const QJsonObject apps = find(doc.value(u"groups").toArray(), u"name"_qs, u"apps"_qs);
    QCOMPARE(apps.value(u"preferredVersion").toObject().value(u"groupVersion").toString(), u"apps/v1"_qs);
    const auto group = legacyGroup(TypeRegistry::builtin(), u"apps"_qs);
    QVERIFY(group.has_value());
    QCOMPARE(parse(*group).value(u"kind").toString(), u"APIGroup"_qs);
}

QTEST_GUILESS_MAIN(tst_Discovery)
#include "tst_discovery.moc"
