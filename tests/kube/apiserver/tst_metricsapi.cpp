// metrics.k8s.io/v1beta1 in a running embedded cluster (controllers on): discovery advertises
// the group, a deployment's pods get PodMetrics once Running, node usage covers its pods, an
// unknown pod is metrics-server's NotFound; plus the pure model (no metrics unless Running on
// a Ready node).
#include "tests/support/clusterfixture.h"
#include "kube/apiserver/metricsapimodel.h"
#include "kube/client/clustertransport.h"
#include "kube/client/httpmessage.h"
#include "kube/client/restclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace kube;

namespace {

const GroupVersionResource kDeployments{u"apps"_qs, u"v1"_qs, u"deployments"_qs};
constexpr int WaitMs = 60000;

Object deployment(const QString &name, int replicas)
{
    const QJsonObject labels{{u"app"_qs, name}};
    const QJsonObject container{{u"name"_qs, u"nginx"_qs}, {u"image"_qs, u"nginx:1.25"_qs},
                                {u"resources"_qs, QJsonObject{{u"limits"_qs, QJsonObject{{u"memory"_qs, u"64Mi"_qs}}}}}};
    const QJsonObject json{
        {u"apiVersion"_qs, u"apps/v1"_qs}, {u"kind"_qs, u"Deployment"_qs},
        {u"metadata"_qs, QJsonObject{{u"name"_qs, name}}},
        {u"spec"_qs, QJsonObject{
            {u"replicas"_qs, replicas},
            {u"selector"_qs, QJsonObject{{u"matchLabels"_qs, labels}}},
            {u"template"_qs, QJsonObject{
                {u"metadata"_qs, QJsonObject{{u"labels"_qs, labels}}},
                {u"spec"_qs, QJsonObject{{u"containers"_qs, QJsonArray{container}}}}}}}}};
    return Object::fromJson(json);
}

QJsonObject parse(const QString &json)
{
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

qint64 cpuOf(const QJsonObject &usage)
{
    const QString cpu = usage.value(u"cpu"_qs).toString();
    return cpu.endsWith(u'n') ? cpu.chopped(1).toLongLong() : -1;
}

} // namespace

class tst_MetricsApi : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void modelNeedsRunningPodOnReadyNode();
    void discoveryListsTheGroup();
    void deploymentPodsGetMetricsOnceRunning();
    void unknownPodIsNotFound();
    void writesAreRefused();

private:
    struct Reply {
        int status = 0;
        QJsonObject body;
    };
    Reply get(const QByteArray &target, const QByteArray &accept = "application/json")
    {
        HttpRequest request;
        request.target = target;
        request.headers.append(qMakePair(QByteArray("Accept"), accept));
        auto r = awaitResult<Expected<HttpResponse>>([&](RestClient::RawCallback cb) { m_client->request(request, cb); });
        if (!r)
            return {};
        if (!r->ok()) // the transport turns error answers into their Status
            return {r->error().code(), QJsonObject{{u"reason"_qs, r->error().reason()}, {u"message"_qs, r->error().message()}}};
        return {r->value().statusCode, QJsonDocument::fromJson(r->value().body).object()};
    }

    ClusterFixture m_fixture;
    RestClient *m_client = nullptr; // m_fixture's
};

void tst_MetricsApi::initTestCase()
{
    QVERIFY(m_fixture.dir.isValid());
    const Status started = m_fixture.start(ClusterFixture::Controllers::On);
    QVERIFY2(started.isSuccess(), qPrintable(started.message()));
    m_client = m_fixture.client.get();
}

void tst_MetricsApi::cleanupTestCase()
{
    m_fixture.stop();
}

void tst_MetricsApi::modelNeedsRunningPodOnReadyNode()
{
    const Object node = Object::fromJson(parse(uR"({"apiVersion":"v1","kind":"Node","metadata":{"name":"n1"},
        "status":{"conditions":[{"type":"Ready","status":"True"}]}})"_qs));
    const Object notReady = Object::fromJson(parse(uR"({"apiVersion":"v1","kind":"Node","metadata":{"name":"n2"},
        "status":{"conditions":[{"type":"Ready","status":"False"}]}})"_qs));
    QCOMPARE(metrics::readyNodeNames({node, notReady}), QStringList{u"n1"_qs});
    const QString pod = uR"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","namespace":"ns","labels":{"app":"a"}},
        "spec":{"nodeName":"%1","containers":[{"name":"c","image":"redis:7"},{"name":"side","image":"busybox"}]},
        "status":{"phase":"%2","containerStatuses":[{"name":"c","state":{"running":{"startedAt":"2026-01-01T00:00:00Z"}}},
                                                     {"name":"side","state":{"waiting":{"reason":"CrashLoopBackOff"}}}]}})"_qs;
    const QDateTime scrape = metrics::scrapeTime(QDateTime::fromString(u"2026-01-01T00:10:07Z"_qs, Qt::ISODate));
    QCOMPARE(scrape, QDateTime::fromString(u"2026-01-01T00:10:00Z"_qs, Qt::ISODate));
    const QStringList ready{u"n1"_qs};
    QVERIFY(!metrics::podMetrics(Object::fromJson(parse(pod.arg(u"n1", u"Pending"))), ready, scrape, 1));
    QVERIFY(!metrics::podMetrics(Object::fromJson(parse(pod.arg(u"n2", u"Running"))), ready, scrape, 1));
    metrics::Usage usage;
    const auto m = metrics::podMetrics(Object::fromJson(parse(pod.arg(u"n1", u"Running"))), ready, scrape, 1, &usage);
    QVERIFY(m);
    const QJsonArray containers = m->value(u"containers"_qs).toArray();
    QCOMPARE(containers.size(), 1); // only the running container is measured
    QCOMPARE(containers[0][u"name"_qs].toString(), u"c"_qs);
    QCOMPARE(cpuOf(containers[0][u"usage"_qs].toObject()), usage.cpuNanocores);
    QCOMPARE(m->value(u"metadata"_qs)[u"labels"_qs][u"app"_qs].toString(), u"a"_qs);
    QCOMPARE(m->value(u"window"_qs).toString(), u"20s"_qs);
    QCOMPARE(m->value(u"timestamp"_qs).toString(), u"2026-01-01T00:10:00Z"_qs);
    const QJsonObject n = metrics::nodeMetrics(node, usage, scrape, 1);
    QVERIFY(cpuOf(n.value(u"usage"_qs).toObject()) > usage.cpuNanocores); // pods plus the system's own
    QVERIFY(n.value(u"usage"_qs)[u"memory"_qs].toString().endsWith(u"Ki"_qs));
}

void tst_MetricsApi::discoveryListsTheGroup()
{
    const Reply groups = get("/apis");
    QCOMPARE(groups.status, 200);
    bool found = false;
    for (const QJsonValue &g : groups.body.value(u"groups"_qs).toArray())
        found |= g[u"name"_qs].toString() == u"metrics.k8s.io" && g[u"preferredVersion"_qs][u"version"_qs].toString() == u"v1beta1";
    QVERIFY(found);

    const Reply aggregated = get("/apis", "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json");
    QCOMPARE(aggregated.status, 200);
    QStringList resources;
    for (const QJsonValue &g : aggregated.body.value(u"items"_qs).toArray()) {
        if (g[u"metadata"_qs][u"name"_qs].toString() != u"metrics.k8s.io")
            continue;
        for (const QJsonValue &r : g[u"versions"_qs][0][u"resources"_qs].toArray())
            resources.append(r[u"resource"_qs].toString() + u'/' + r[u"responseKind"_qs][u"kind"_qs].toString() + u'/' + r[u"scope"_qs].toString());
    }
    QCOMPARE(resources, (QStringList{u"nodes/NodeMetrics/Cluster"_qs, u"pods/PodMetrics/Namespaced"_qs}));

    const Reply list = get("/apis/metrics.k8s.io/v1beta1");
    QCOMPARE(list.status, 200);
    QCOMPARE(list.body.value(u"groupVersion"_qs).toString(), u"metrics.k8s.io/v1beta1"_qs);
    QCOMPARE(list.body.value(u"resources"_qs).toArray().size(), 2);
    QCOMPARE(get("/apis/metrics.k8s.io").body.value(u"kind"_qs).toString(), u"APIGroup"_qs);
    QCOMPARE(get("/apis/metrics.k8s.io/v1").status, 404);
}

void tst_MetricsApi::deploymentPodsGetMetricsOnceRunning()
{
    auto created = awaitResult<Expected<Object>>([&](RestClient::ObjectCallback cb) {
        m_client->create({kDeployments, u"default"_qs, QString(), QString()}, deployment(u"web"_qs, 2), cb);
    });
    QVERIFY(created && created->ok());

    Reply pods;
    QTRY_VERIFY_WITH_TIMEOUT((pods = get("/apis/metrics.k8s.io/v1beta1/namespaces/default/pods?labelSelector=app%3Dweb"),
                              pods.body.value(u"items"_qs).toArray().size() == 2), WaitMs);
    QCOMPARE(pods.body.value(u"kind"_qs).toString(), u"PodMetricsList"_qs);
    qint64 podsCpu = 0;
    for (const QJsonValue &item : pods.body.value(u"items"_qs).toArray()) {
        const QJsonArray containers = item[u"containers"_qs].toArray();
        QCOMPARE(containers.size(), 1);
        QCOMPARE(containers[0][u"name"_qs].toString(), u"nginx"_qs);
        const QString memory = containers[0][u"usage"_qs][u"memory"_qs].toString();
        QVERIFY(memory.endsWith(u"Ki"_qs));
        QVERIFY(memory.chopped(2).toLongLong() < 64 * 1024); // under the 64Mi limit
        QVERIFY(cpuOf(containers[0][u"usage"_qs].toObject()) > 0);
        podsCpu += cpuOf(containers[0][u"usage"_qs].toObject());
    }
    // Another label selects nothing; a field selector picks one by name.
    QCOMPARE(get("/apis/metrics.k8s.io/v1beta1/pods?labelSelector=app%3Dother").body.value(u"items"_qs).toArray().size(), 0);
    const QString first = pods.body.value(u"items"_qs)[0][u"metadata"_qs][u"name"_qs].toString();
    const Reply byName = get("/apis/metrics.k8s.io/v1beta1/pods?fieldSelector=metadata.name%3D" + first.toUtf8());
    QCOMPARE(byName.body.value(u"items"_qs).toArray().size(), 1);
    const Reply one = get("/apis/metrics.k8s.io/v1beta1/namespaces/default/pods/" + first.toUtf8());
    QCOMPARE(one.status, 200);
    QCOMPARE(one.body.value(u"kind"_qs).toString(), u"PodMetrics"_qs);

    const Reply nodes = get("/apis/metrics.k8s.io/v1beta1/nodes");
    QCOMPARE(nodes.status, 200);
    const QJsonArray nodeItems = nodes.body.value(u"items"_qs).toArray();
    QVERIFY(!nodeItems.isEmpty());
    qint64 nodesCpu = 0;
    for (const QJsonValue &n : nodeItems)
        nodesCpu += cpuOf(n[u"usage"_qs].toObject());
    QVERIFY(nodesCpu > podsCpu); // nodes carry their pods plus their own use
    const QString nodeName = nodeItems[0][u"metadata"_qs][u"name"_qs].toString();
    QCOMPARE(get("/apis/metrics.k8s.io/v1beta1/nodes/" + nodeName.toUtf8()).body.value(u"kind"_qs).toString(), u"NodeMetrics"_qs);
}

void tst_MetricsApi::unknownPodIsNotFound()
{
    const Reply r = get("/apis/metrics.k8s.io/v1beta1/namespaces/default/pods/nope");
    QCOMPARE(r.status, 404);
    QCOMPARE(r.body.value(u"reason"_qs).toString(), u"NotFound"_qs);
    QCOMPARE(r.body.value(u"message"_qs).toString(), u"podmetrics.metrics.k8s.io \"default/nope\" not found"_qs);
    QCOMPARE(get("/apis/metrics.k8s.io/v1beta1/nodes/nope").status, 404);
    QCOMPARE(get("/apis/metrics.k8s.io/v1beta1/pods?fieldSelector=spec.nodeName%3Dx").status, 400);
}

void tst_MetricsApi::writesAreRefused()
{
    HttpRequest request;
    request.method = "DELETE";
    request.target = "/apis/metrics.k8s.io/v1beta1/nodes/x";
    auto r = awaitResult<Expected<HttpResponse>>([&](RestClient::RawCallback cb) { m_client->request(request, cb); });
    QVERIFY(r);
    QCOMPARE(r->ok() ? r->value().statusCode : r->error().code(), 405);
}

QTEST_GUILESS_MAIN(tst_MetricsApi)
#include "tst_metricsapi.moc"
