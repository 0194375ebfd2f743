// Services and traffic against the embedded cluster with its controllers running: Endpoints and
// EndpointSlices follow pod readiness, node ports answer real HTTP on loopback with the pod that
// served the request, and the course's canary (3 × v1 + 1 × v2 ≈ 25 % v2) and blue-green
// (selector switch moves all traffic) lessons behave as on a real cluster.
#include "tests/support/clusterfixture.h"
#include "tests/support/plainhttp.h"
#include "tests/support/syncclient.h"
#include "kube/client/clustertransport.h"
#include "kube/client/restclient.h"
#include "kube/cluster/embeddedcluster.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

using namespace kube;

namespace {

const GroupVersionResource kPods{QString(), u"v1"_qs, u"pods"_qs};
const GroupVersionResource kServices{QString(), u"v1"_qs, u"services"_qs};
const GroupVersionResource kEndpoints{QString(), u"v1"_qs, u"endpoints"_qs};
const GroupVersionResource kEvents{QString(), u"v1"_qs, u"events"_qs};
const GroupVersionResource kSlices{u"discovery.k8s.io"_qs, u"v1"_qs, u"endpointslices"_qs};
const GroupVersionResource kDeployments{u"apps"_qs, u"v1"_qs, u"deployments"_qs};
const QString kNs = u"default"_qs;


QJsonObject parseJson(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QJsonObject deployment(const QString &name, int replicas, const QJsonObject &labels, const QString &image, int port)
{
    const QJsonObject container{{u"name"_qs, u"app"_qs}, {u"image"_qs, image},
                                {u"ports"_qs, QJsonArray{QJsonObject{{u"name"_qs, u"http"_qs}, {u"containerPort"_qs, port}}}}};
    const QJsonObject podTemplate{{u"metadata"_qs, QJsonObject{{u"labels"_qs, labels}}},
                                  {u"spec"_qs, QJsonObject{{u"containers"_qs, QJsonArray{container}}}}};
    const QJsonObject spec{{u"replicas"_qs, replicas}, {u"selector"_qs, QJsonObject{{u"matchLabels"_qs, labels}}},
                           {u"template"_qs, podTemplate}};
    return QJsonObject{{u"apiVersion"_qs, u"apps/v1"_qs}, {u"kind"_qs, u"Deployment"_qs},
                       {u"metadata"_qs, QJsonObject{{u"name"_qs, name}, {u"labels"_qs, labels}}}, {u"spec"_qs, spec}};
}

QJsonObject service(const QString &name, const QString &type, const QJsonObject &selector, const QJsonValue &targetPort,
                    int nodePort = 0)
{
    QJsonObject port{{u"port"_qs, 80}, {u"targetPort"_qs, targetPort}, {u"protocol"_qs, u"TCP"_qs}};
    if (nodePort)
        port.insert(u"nodePort", nodePort);
    return QJsonObject{{u"apiVersion"_qs, u"v1"_qs}, {u"kind"_qs, u"Service"_qs},
                       {u"metadata"_qs, QJsonObject{{u"name"_qs, name}}},
                       {u"spec"_qs, QJsonObject{{u"type"_qs, type}, {u"selector"_qs, selector}, {u"ports"_qs, QJsonArray{port}}}}};
}

QStringList podNames(const QJsonArray &addresses)
{
    QStringList names;
    for (const QJsonValue &a : addresses)
        names.append(a.toObject().value(u"targetRef").toObject().value(u"name").toString());
    names.sort();
    return names;
}

} // namespace

class tst_ServiceTraffic : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void nodePortNamesPod();
    void endpointsFollowReadiness();
    void selectorlessServiceLeftAlone();
    void canaryRatio();
    void blueGreenSwitch();
    void loadBalancerStatusAndClose();
    void portInUseIsAWarning();

private:
    Expected<Object> create(const GroupVersionResource &gvr, const QJsonObject &json) { return m_api->create(gvr, kNs, json); }
    QJsonObject get(const GroupVersionResource &gvr, const QString &name) { return m_api->json(gvr, kNs, name); }
    QList<QJsonObject> list(const GroupVersionResource &gvr, const QString &labelSelector = {}) { return m_api->jsonList(gvr, kNs, labelSelector); }
    static bool waitUntil(const std::function<bool()> &predicate, int timeoutMs = 60000) { return SyncClient::waitUntil(predicate, timeoutMs); }
    // Waits until Endpoints `name` has exactly these ready pods (by name prefix count).
    bool waitForReady(const QString &service, int count)
    {
        return waitUntil([&] {
            const QJsonArray subsets = get(kEndpoints, service).value(u"subsets").toArray();
            int ready = 0;
            for (const QJsonValue &s : subsets)
                ready += int(s.toObject().value(u"addresses").toArray().size());
            return ready == count;
        });
    }
    // Ready is not listening: without a readiness probe a pod is Ready once started, while its
    // server needs the image's startup time (as on a real cluster). Wait for a run of answers.
    static bool waitForAnswers(int nodePort)
    {
        QElapsedTimer timer;
        timer.start();
        for (int inARow = 0; inARow < 50;) {
            if (timer.elapsed() > 30000)
                return false;
            if (plainHttpGet(nodePort).status == 200) {
                ++inARow;
                continue;
            }
            inARow = 0;
            QTest::qWait(100);
        }
        return true;
    }
    int nodePortOf(const QString &name)
    {
        return get(kServices, name).value(u"spec").toObject().value(u"ports").toArray().at(0).toObject().value(u"nodePort").toInt();
    }

    ClusterFixture m_fixture;
    RestClient *m_client = nullptr; // m_fixture's
    std::unique_ptr<SyncClient> m_api;
    bool m_myappCreated = false;
};

void tst_ServiceTraffic::initTestCase()
{
    QVERIFY(m_fixture.dir.isValid());
    const Status started = m_fixture.start(ClusterFixture::Controllers::On);
    QVERIFY2(started.isSuccess(), qPrintable(started.message()));
    m_client = m_fixture.client.get();
    m_api = std::make_unique<SyncClient>(m_client);
}

void tst_ServiceTraffic::cleanupTestCase()
{
    m_api.reset();
    m_fixture.stop();
}

void tst_ServiceTraffic::nodePortNamesPod()
{
    const QJsonObject labels{{u"app"_qs, u"web"_qs}};
    QVERIFY(create(kDeployments, deployment(u"web"_qs, 2, labels, u"nginx:1.25"_qs, 80)).ok());
    QVERIFY(create(kServices, service(u"web"_qs, u"NodePort"_qs, labels, 80)).ok());
    QVERIFY2(waitForReady(u"web"_qs, 2), "Endpoints web never listed two ready pods");

    const QJsonObject endpoints = get(kEndpoints, u"web"_qs);
    const QJsonObject subset = endpoints.value(u"subsets").toArray().at(0).toObject();
    const QStringList pods = podNames(subset.value(u"addresses").toArray());
    QCOMPARE(subset.value(u"ports").toArray().at(0).toObject().value(u"port").toInt(), 80);
    const QJsonObject first = subset.value(u"addresses").toArray().at(0).toObject();
    QVERIFY(first.value(u"ip").toString().startsWith(u"10."));
    QCOMPARE(first.value(u"nodeName").toString(), u"timonel-node-1"_qs);

    // The slice mirrors it.
    const QList<QJsonObject> slices = list(kSlices, u"kubernetes.io/service-name=web"_qs);
    QCOMPARE(slices.size(), 1);
    QVERIFY(slices.at(0).value(u"metadata").toObject().value(u"name").toString().startsWith(u"web-"));
    QCOMPARE(slices.at(0).value(u"addressType").toString(), u"IPv4"_qs);
    const QJsonArray sliceEndpoints = slices.at(0).value(u"endpoints").toArray();
    QCOMPARE(sliceEndpoints.size(), 2);
    for (const QJsonValue &e : sliceEndpoints)
        QCOMPARE(e.toObject().value(u"conditions").toObject().value(u"ready").toBool(), true);

    // A real HTTP client through the node port.
    const int nodePort = nodePortOf(u"web"_qs);
    QVERIFY(nodePort >= 30000 && nodePort <= 32767);
    QVERIFY(waitForAnswers(nodePort));
    QNetworkAccessManager nam;
    QNetworkReply *reply = nam.get(QNetworkRequest(QUrl(u"http://127.0.0.1:%1/"_qs.arg(nodePort))));
    QVERIFY(waitUntil([reply] { return reply->isFinished(); }, 10000));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    const QString body = QString::fromUtf8(reply->readAll());
    reply->deleteLater();
    QVERIFY2(body.contains(u"Welcome to nginx"), qPrintable(body));
    bool named = false;
    for (const QString &pod : pods)
        named = named || body.contains(u"Served by "_qs + pod);
    QVERIFY2(named, qPrintable(body + u" / "_qs + pods.join(u' ')));

    // Writes are minimal: nothing changes while nothing happens.
    const QString rv = get(kEndpoints, u"web"_qs).value(u"metadata").toObject().value(u"resourceVersion").toString();
    const QString sliceRv = list(kSlices, u"kubernetes.io/service-name=web"_qs).value(0).value(u"metadata").toObject().value(u"resourceVersion").toString();
    QTest::qWait(1500);
    QCOMPARE(get(kEndpoints, u"web"_qs).value(u"metadata").toObject().value(u"resourceVersion").toString(), rv);
    QCOMPARE(list(kSlices, u"kubernetes.io/service-name=web"_qs).value(0).value(u"metadata").toObject().value(u"resourceVersion").toString(), sliceRv);
}

void tst_ServiceTraffic::endpointsFollowReadiness()
{
    const auto pod = [](const QString &name, bool failing) {
        QJsonArray env;
        if (failing)
            env.append(QJsonObject{{u"name"_qs, u"TIMONEL_FAIL_READINESS_AFTER"_qs}, {u"value"_qs, u"6s"_qs}});
        return QJsonObject{
            {u"apiVersion"_qs, u"v1"_qs}, {u"kind"_qs, u"Pod"_qs},
            {u"metadata"_qs, QJsonObject{{u"name"_qs, name}, {u"labels"_qs, QJsonObject{{u"app"_qs, u"flaky"_qs}}}}},
            {u"spec"_qs, QJsonObject{{u"containers"_qs, QJsonArray{QJsonObject{
                {u"name"_qs, u"app"_qs}, {u"image"_qs, u"learnk8s/app:1.0.0"_qs}, {u"env"_qs, env},
                {u"ports"_qs, QJsonArray{QJsonObject{{u"name"_qs, u"web"_qs}, {u"containerPort"_qs, 8080}}}},
                {u"readinessProbe"_qs, QJsonObject{{u"httpGet"_qs, QJsonObject{{u"path"_qs, u"/health"_qs}, {u"port"_qs, 8080}}},
                                                    {u"periodSeconds"_qs, 1}, {u"failureThreshold"_qs, 1}}}}}}}}};
    };
    QVERIFY(create(kPods, pod(u"steady"_qs, false)).ok());
    QVERIFY(create(kPods, pod(u"flaky"_qs, true)).ok());
    // A named targetPort, resolved through the pods' container port "web".
    QVERIFY(create(kServices, service(u"flaky"_qs, u"NodePort"_qs, QJsonObject{{u"app"_qs, u"flaky"_qs}}, u"web"_qs)).ok());

    const auto addresses = [this](const char *field) {
        QStringList names;
        for (const QJsonValue &s : get(kEndpoints, u"flaky"_qs).value(u"subsets").toArray())
            names += podNames(s.toObject().value(QLatin1String(field)).toArray());
        return names;
    };
    // Both become ready first, then flaky's readiness fails.
    QVERIFY2(waitUntil([&] { return addresses("addresses").size() == 2; }), qPrintable(addresses("notReadyAddresses").join(u',')));
    QVERIFY2(waitUntil([&] { return addresses("addresses") == QStringList{u"steady"_qs} && addresses("notReadyAddresses") == QStringList{u"flaky"_qs}; }),
             qPrintable(addresses("addresses").join(u',')));
    QCOMPARE(get(kEndpoints, u"flaky"_qs).value(u"subsets").toArray().at(0).toObject().value(u"ports").toArray().at(0).toObject()
                 .value(u"port").toInt(), 8080);

    const QList<QJsonObject> slices = list(kSlices, u"kubernetes.io/service-name=flaky"_qs);
    QCOMPARE(slices.size(), 1);
    for (const QJsonValue &e : slices.at(0).value(u"endpoints").toArray()) {
        const QJsonObject o = e.toObject();
        const bool isFlaky = o.value(u"targetRef").toObject().value(u"name").toString() == u"flaky";
        QCOMPARE(o.value(u"conditions").toObject().value(u"ready").toBool(), !isFlaky);
        QCOMPARE(o.value(u"conditions").toObject().value(u"terminating").toBool(), false);
    }

    // The not-ready pod gets no traffic.
    const int nodePort = nodePortOf(u"flaky"_qs);
    for (int i = 0; i < 30; ++i) {
        const HttpResult r = plainHttpGet(nodePort);
        QCOMPARE(r.status, 200);
        QVERIFY2(r.body.startsWith("Hello from steady, version 1.0.0"), r.body.constData());
    }

    // Nobody ready: a 503 that says why.
    auto removed = awaitResult<Expected<Object>>([&](auto cb) { m_client->remove({kPods, kNs, u"steady"_qs, QString()}, cb); });
    QVERIFY(removed && removed->ok());
    QVERIFY(waitUntil([&] { return addresses("addresses").isEmpty(); }));
    const HttpResult none = plainHttpGet(nodePort);
    QCOMPARE(none.status, 503);
    QVERIFY2(none.body.contains("no ready endpoints for service default/flaky"), none.body.constData());
}

void tst_ServiceTraffic::selectorlessServiceLeftAlone()
{
    QJsonObject svc = service(u"external"_qs, u"ClusterIP"_qs, {}, 80);
    QJsonObject spec = svc.value(u"spec").toObject();
    spec.remove(u"selector");
    svc.insert(u"spec", spec);
    QVERIFY(create(kServices, svc).ok());
    const QJsonObject manual = parseJson(uR"({"apiVersion":"v1","kind":"Endpoints","metadata":{"name":"external"},
        "subsets":[{"addresses":[{"ip":"192.0.2.10"}],"ports":[{"port":80,"protocol":"TCP"}]}]})"_qs);
    QVERIFY(create(kEndpoints, manual).ok());
    QTest::qWait(1500);
    const QJsonObject stored = get(kEndpoints, u"external"_qs);
    QCOMPARE(stored.value(u"subsets").toArray().at(0).toObject().value(u"addresses").toArray().at(0).toObject().value(u"ip").toString(),
             u"192.0.2.10"_qs);
    QVERIFY(list(kSlices, u"kubernetes.io/service-name=external"_qs).isEmpty());
}

void tst_ServiceTraffic::canaryRatio()
{
    QVERIFY(create(kDeployments, deployment(u"myapp-v1"_qs, 3, {{u"app"_qs, u"myapp"_qs}, {u"version"_qs, u"1.0.0"_qs}},
                                            u"learnk8s/app:1.0.0"_qs, 8080)).ok());
    QVERIFY(create(kDeployments, deployment(u"myapp-v2"_qs, 1, {{u"app"_qs, u"myapp"_qs}, {u"version"_qs, u"2.0.0"_qs}},
                                            u"learnk8s/app:2.0.0"_qs, 8080)).ok());
    m_myappCreated = true;
    QVERIFY(create(kServices, service(u"myapp"_qs, u"NodePort"_qs, {{u"app"_qs, u"myapp"_qs}}, 8080)).ok());
    QVERIFY2(waitForReady(u"myapp"_qs, 4), "Endpoints myapp never listed four ready pods");

    const int nodePort = nodePortOf(u"myapp"_qs);
    QVERIFY(waitForAnswers(nodePort));
    int v1 = 0, v2 = 0, other = 0;
    QByteArray unexpected;
    for (int i = 0; i < 1000; ++i) {
        const HttpResult r = plainHttpGet(nodePort);
        if (r.status == 200 && r.body.contains("version 2.0.0"))
            ++v2;
        else if (r.status == 200 && r.body.contains("version 1.0.0"))
            ++v1;
        else {
            ++other;
            unexpected = QByteArray::number(r.status) + ' ' + r.body;
        }
    }
    qInfo("canary: %d of 1000 requests reached v2 (%.1f %%), %d v1, %d other", v2, v2 / 10.0, v1, other);
    QVERIFY2(other == 0, unexpected.constData());
    QVERIFY2(v2 >= 200 && v2 <= 300, qPrintable(u"v2 share %1 / 1000"_qs.arg(v2)));
}

void tst_ServiceTraffic::blueGreenSwitch()
{
    if (!m_myappCreated)
        QSKIP("needs canaryRatio's deployments");
    QVERIFY(create(kServices, service(u"bluegreen"_qs, u"NodePort"_qs, {{u"app"_qs, u"myapp"_qs}, {u"version"_qs, u"1.0.0"_qs}}, 8080)).ok());
    QVERIFY(waitForReady(u"bluegreen"_qs, 3));
    const int nodePort = nodePortOf(u"bluegreen"_qs);
    QVERIFY(waitForAnswers(nodePort));
    for (int i = 0; i < 50; ++i) {
        const HttpResult r = plainHttpGet(nodePort);
        QCOMPARE(r.status, 200);
        QVERIFY2(r.body.contains("version 1.0.0"), r.body.constData());
    }
    auto patched = awaitResult<Expected<Object>>([&](auto cb) {
        m_client->patch({kServices, kNs, u"bluegreen"_qs, QString()}, PatchType::Merge,
                        R"({"spec":{"selector":{"app":"myapp","version":"2.0.0"}}})", cb);
    });
    QVERIFY(patched && patched->ok());
    QVERIFY(waitForReady(u"bluegreen"_qs, 1));
    for (int i = 0; i < 50; ++i) {
        const HttpResult r = plainHttpGet(nodePort);
        QCOMPARE(r.status, 200);
        QVERIFY2(r.body.contains("version 2.0.0"), r.body.constData());
    }
}

void tst_ServiceTraffic::loadBalancerStatusAndClose()
{
    QVERIFY(create(kServices, service(u"web-lb"_qs, u"LoadBalancer"_qs, {{u"app"_qs, u"web"_qs}}, 80)).ok());
    QVERIFY(waitUntil([&] {
        return get(kServices, u"web-lb"_qs).value(u"status").toObject().value(u"loadBalancer").toObject().value(u"ingress").toArray()
               == QJsonArray{QJsonObject{{u"ip"_qs, u"127.0.0.1"_qs}}};
    }));
    const int nodePort = nodePortOf(u"web-lb"_qs);
    QVERIFY(waitUntil([&] { return plainHttpGet(nodePort).status == 200; }, 20000));
    QVERIFY(plainHttpGet(nodePort).body.contains("Served by web-"));

    auto removed = awaitResult<Expected<Object>>([&](auto cb) { m_client->remove({kServices, kNs, u"web-lb"_qs, QString()}, cb); });
    QVERIFY(removed && removed->ok());
    // The listener closes: the connection is refused.
    QVERIFY(waitUntil([&] { return plainHttpGet(nodePort).status == 0; }, 20000));
    QVERIFY(waitUntil([&] { return get(kEndpoints, u"web-lb"_qs).isEmpty(); }, 20000));
}

void tst_ServiceTraffic::portInUseIsAWarning()
{
    // A node port some other program holds.
    QTcpServer squatter;
    int port = 0;
    for (int p = 32767; p > 32000 && !port; --p) {
        if (squatter.listen(QHostAddress::LocalHost, quint16(p)))
            port = p;
    }
    QVERIFY(port);
    QVERIFY(create(kServices, service(u"squatted"_qs, u"NodePort"_qs, {{u"app"_qs, u"web"_qs}}, 80, port)).ok());
    QVERIFY(waitUntil([&] {
        for (const QJsonObject &e : list(kEvents)) {
            if (e.value(u"involvedObject").toObject().value(u"name").toString() == u"squatted"
                && e.value(u"reason").toString() == u"FailedToListenOnNodePort" && e.value(u"type").toString() == u"Warning")
                return true;
        }
        return false;
    }, 20000));
    // The cluster keeps serving.
    QVERIFY(plainHttpGet(nodePortOf(u"web"_qs)).status == 200);
}

QTEST_MAIN(tst_ServiceTraffic)
#include "tst_servicetraffic.moc"
