// The ingress controller against the embedded cluster with its controllers running: the default
// IngressClass exists, an Ingress with two hosts sends each Host to its Service's pods (the
// simulated servers answer with their pod's name), unknown hosts get the default backend's 404,
// Ingresses of another class are ignored, missing backends answer 503, served Ingresses get
// the loopback address and a Sync event, and a class change takes the address away again.
#include "tests/support/clusterfixture.h"
#include "tests/support/plainhttp.h"
#include "tests/support/syncclient.h"
#include "kube/client/clustertransport.h"
#include "kube/client/restclient.h"
#include "kube/cluster/embeddedcluster.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTcpSocket>
#include <QTest>

#include <functional>
#include <memory>

using namespace kube;

namespace {

const GroupVersionResource kPods{QString(), u"v1"_qs, u"pods"_qs};
const GroupVersionResource kServices{QString(), u"v1"_qs, u"services"_qs};
const GroupVersionResource kEndpoints{QString(), u"v1"_qs, u"endpoints"_qs};
const GroupVersionResource kEvents{QString(), u"v1"_qs, u"events"_qs};
const GroupVersionResource kDeployments{u"apps"_qs, u"v1"_qs, u"deployments"_qs};
const GroupVersionResource kIngresses{u"networking.k8s.io"_qs, u"v1"_qs, u"ingresses"_qs};
const GroupVersionResource kIngressClasses{u"networking.k8s.io"_qs, u"v1"_qs, u"ingressclasses"_qs};
const QString kNs = u"default"_qs;

QJsonObject deployment(const QString &name, const QString &image, int port)
{
    const QJsonObject labels{{u"app"_qs, name}};
    const QJsonObject container{{u"name"_qs, u"app"_qs}, {u"image"_qs, image},
                                {u"ports"_qs, QJsonArray{QJsonObject{{u"containerPort"_qs, port}}}}};
    return QJsonObject{{u"apiVersion"_qs, u"apps/v1"_qs}, {u"kind"_qs, u"Deployment"_qs},
                       {u"metadata"_qs, QJsonObject{{u"name"_qs, name}}},
                       {u"spec"_qs, QJsonObject{{u"replicas"_qs, 2}, {u"selector"_qs, QJsonObject{{u"matchLabels"_qs, labels}}},
                                                {u"template"_qs, QJsonObject{{u"metadata"_qs, QJsonObject{{u"labels"_qs, labels}}},
                                                                             {u"spec"_qs, QJsonObject{{u"containers"_qs, QJsonArray{container}}}}}}}}};
}

QJsonObject service(const QString &name, const QString &app, int targetPort)
{
    const QJsonObject port{{u"name"_qs, u"http"_qs}, {u"port"_qs, 80}, {u"targetPort"_qs, targetPort}, {u"protocol"_qs, u"TCP"_qs}};
    return QJsonObject{{u"apiVersion"_qs, u"v1"_qs}, {u"kind"_qs, u"Service"_qs},
                       {u"metadata"_qs, QJsonObject{{u"name"_qs, name}}},
                       {u"spec"_qs, QJsonObject{{u"selector"_qs, QJsonObject{{u"app"_qs, app}}}, {u"ports"_qs, QJsonArray{port}}}}};
}

QJsonObject hostRule(const QString &host, const QString &service, const QJsonObject &port = {{u"number"_qs, 80}})
{
    const QJsonObject path{{u"path"_qs, u"/"_qs}, {u"pathType"_qs, u"Prefix"_qs},
                           {u"backend"_qs, QJsonObject{{u"service"_qs, QJsonObject{{u"name"_qs, service}, {u"port"_qs, port}}}}}};
    return QJsonObject{{u"host"_qs, host}, {u"http"_qs, QJsonObject{{u"paths"_qs, QJsonArray{path}}}}};
}

QJsonObject ingressObject(const QString &name, const QJsonArray &rules, const QString &className = {})
{
    QJsonObject spec{{u"rules"_qs, rules}};
    if (!className.isEmpty())
        spec.insert(u"ingressClassName", className);
    return QJsonObject{{u"apiVersion"_qs, u"networking.k8s.io/v1"_qs}, {u"kind"_qs, u"Ingress"_qs},
                       {u"metadata"_qs, QJsonObject{{u"name"_qs, name}}}, {u"spec"_qs, spec}};
}

QString address(const QJsonObject &ingress)
{
    return ingress.value(u"status").toObject().value(u"loadBalancer").toObject().value(u"ingress").toArray()
        .at(0).toObject().value(u"ip").toString();
}

} // namespace

class tst_IngressController : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void defaultClassAtStart();
    void twoHostsRouteToTheirServices();
    void otherClassIgnored();
    void missingBackendsAnswer503();
    void classChangeTakesTheAddressAway();

private:
    Expected<Object> create(const GroupVersionResource &gvr, const QJsonObject &json, const QString &ns = kNs) { return m_api->create(gvr, ns, json); }
    QJsonObject get(const GroupVersionResource &gvr, const QString &name, const QString &ns = kNs) { return m_api->json(gvr, ns, name); }
    QList<QJsonObject> list(const GroupVersionResource &gvr, const QString &labelSelector = {}) { return m_api->jsonList(gvr, kNs, labelSelector); }
    static bool waitUntil(const std::function<bool()> &predicate, int timeoutMs = 60000) { return SyncClient::waitUntil(predicate, timeoutMs); }
    QStringList podsOf(const QString &app)
    {
        QStringList names;
        for (const QJsonObject &p : list(kPods, u"app="_qs + app))
            names.append(p.value(u"metadata").toObject().value(u"name").toString());
        return names;
    }
    // The pod a body names ("Served by web-abc-123 (…)" or "Hello from web-abc-123, …").
    static QString servedBy(const QByteArray &body, const QStringList &candidates)
    {
        for (const QString &pod : candidates) {
            if (body.contains(pod.toUtf8()))
                return pod;
        }
        return {};
    }

    ClusterFixture m_fixture;
    RestClient *m_client = nullptr; // m_fixture's
    std::unique_ptr<SyncClient> m_api;
    int m_port = 0;
};

void tst_IngressController::initTestCase()
{
    QVERIFY(m_fixture.dir.isValid());
    const Status started = m_fixture.start(ClusterFixture::Controllers::On);
    QVERIFY2(started.isSuccess(), qPrintable(started.message()));
    m_port = m_fixture.cluster->ingressPort();
    QVERIFY(m_port > 0);
    m_client = m_fixture.client.get();
    m_api = std::make_unique<SyncClient>(m_client);
}

void tst_IngressController::cleanupTestCase()
{
    m_api.reset();
    m_fixture.stop();
}

void tst_IngressController::defaultClassAtStart()
{
    const QJsonObject ingressClass = get(kIngressClasses, u"timonel"_qs, QString());
    QCOMPARE(ingressClass.value(u"spec").toObject().value(u"controller").toString(), u"timonel.dev/ingress-controller"_qs);
    const QJsonObject annotations = ingressClass.value(u"metadata").toObject().value(u"annotations").toObject();
    QCOMPARE(annotations.value(u"ingressclass.kubernetes.io/is-default-class").toString(), u"true"_qs);
    QCOMPARE(annotations.value(u"timonel.dev/ingress-port").toString(), QString::number(m_port));
    // The controller listens there: with no Ingress yet, every request is the default backend's.
    QVERIFY(waitUntil([&] { return plainHttpGet(m_port, "/", "anything.test").status == 404; }, 20000));
    QCOMPARE(plainHttpGet(m_port, "/", "anything.test").body, QByteArray("default backend - 404\n"));
}

void tst_IngressController::twoHostsRouteToTheirServices()
{
    QVERIFY(create(kDeployments, deployment(u"alpha"_qs, u"nginx:1.25"_qs, 80)).ok());
    QVERIFY(create(kDeployments, deployment(u"beta"_qs, u"learnk8s/app:1.0.0"_qs, 8080)).ok());
    QVERIFY(create(kServices, service(u"svc-a"_qs, u"alpha"_qs, 80)).ok());
    QVERIFY(create(kServices, service(u"svc-b"_qs, u"beta"_qs, 8080)).ok());
    // No class: the default class "timonel" serves it.
    QVERIFY(create(kIngresses, ingressObject(u"demo"_qs, {hostRule(u"a.test"_qs, u"svc-a"_qs), hostRule(u"b.test"_qs, u"svc-b"_qs)})).ok());

    QVERIFY2(waitUntil([&] { return address(get(kIngresses, u"demo"_qs)) == u"127.0.0.1"; }), "the Ingress never got its address");
    // Created without a class, it was given the default one (DefaultIngressClass admission).
    QCOMPARE(get(kIngresses, u"demo"_qs).value(u"spec").toObject().value(u"ingressClassName").toString(), u"timonel"_qs);
    // The address comes as soon as the controller sees the Ingress; the pods may come later.
    QVERIFY(waitUntil([&] { return podsOf(u"alpha"_qs).size() == 2 && podsOf(u"beta"_qs).size() == 2; }));
    const QStringList alpha = podsOf(u"alpha"_qs);
    const QStringList beta = podsOf(u"beta"_qs);
    // Ready is not listening yet (the image's start-up time): wait for both hosts to answer.
    QVERIFY(waitUntil([&] { return plainHttpGet(m_port, "/", "a.test").status == 200 && plainHttpGet(m_port, "/", "b.test").status == 200; }));
    QVERIFY(waitUntil([&] {
        for (int i = 0; i < 20; ++i) {
            if (plainHttpGet(m_port, "/", "a.test").status != 200 || plainHttpGet(m_port, "/", "b.test").status != 200)
                return false;
        }
        return true;
    }, 30000));

    QSet<QString> seenA, seenB;
    for (int i = 0; i < 40; ++i) {
        const HttpResult a = plainHttpGet(m_port, "/index.html", i % 2 ? "a.test" : "A.TEST:" + QByteArray::number(m_port));
        QCOMPARE(a.status, 200);
        QVERIFY2(!servedBy(a.body, alpha).isEmpty(), a.body.constData());
        QVERIFY2(servedBy(a.body, beta).isEmpty(), a.body.constData());
        seenA.insert(servedBy(a.body, alpha));
        const HttpResult b = plainHttpGet(m_port, "/", "b.test");
        QCOMPARE(b.status, 200);
        QVERIFY2(!servedBy(b.body, beta).isEmpty(), b.body.constData());
        QVERIFY2(servedBy(b.body, alpha).isEmpty(), b.body.constData());
        seenB.insert(servedBy(b.body, beta));
    }
    // A random ready endpoint each time: both pods of each Service answer.
    QCOMPARE(seenA.size(), 2);
    QCOMPARE(seenB.size(), 2);

    const HttpResult unknown = plainHttpGet(m_port, "/", "c.test");
    QCOMPARE(unknown.status, 404);
    QCOMPARE(unknown.body, QByteArray("default backend - 404\n"));

    // ingress-nginx's event on the Ingress, once.
    QVERIFY(waitUntil([&] {
        for (const QJsonObject &e : list(kEvents)) {
            if (e.value(u"involvedObject").toObject().value(u"name").toString() == u"demo" && e.value(u"reason").toString() == u"Sync"
                && e.value(u"message").toString() == u"Scheduled for sync" && e.value(u"type").toString() == u"Normal")
                return true;
        }
        return false;
    }, 10000));
    // Nothing is written while nothing changes.
    const QString rv = get(kIngresses, u"demo"_qs).value(u"metadata").toObject().value(u"resourceVersion").toString();
    QTest::qWait(1500);
    QCOMPARE(get(kIngresses, u"demo"_qs).value(u"metadata").toObject().value(u"resourceVersion").toString(), rv);
}

void tst_IngressController::otherClassIgnored()
{
    QVERIFY(create(kIngresses, ingressObject(u"elsewhere"_qs, {hostRule(u"c.test"_qs, u"svc-a"_qs)}, u"nginx"_qs)).ok());
    // A served Ingress created after it gets its address; by then the other would have had one.
    QVERIFY(create(kIngresses, ingressObject(u"marker"_qs, {hostRule(u"m.test"_qs, u"svc-a"_qs)}, u"timonel"_qs)).ok());
    QVERIFY(waitUntil([&] { return address(get(kIngresses, u"marker"_qs)) == u"127.0.0.1"; }));
    QVERIFY(waitUntil([&] { return plainHttpGet(m_port, "/", "m.test").status == 200; }, 10000));
    QCOMPARE(address(get(kIngresses, u"elsewhere"_qs)), QString());
    QCOMPARE(plainHttpGet(m_port, "/", "c.test").status, 404);
}

void tst_IngressController::missingBackendsAnswer503()
{
    QVERIFY(create(kServices, service(u"svc-empty"_qs, u"nobody"_qs, 80)).ok());
    const QJsonArray rules{hostRule(u"empty.test"_qs, u"svc-empty"_qs, QJsonObject{{u"name"_qs, u"http"_qs}}),
                           hostRule(u"gone.test"_qs, u"svc-gone"_qs),
                           hostRule(u"badport.test"_qs, u"svc-a"_qs, QJsonObject{{u"number"_qs, 9999}})};
    QVERIFY(create(kIngresses, ingressObject(u"broken"_qs, rules)).ok());
    QVERIFY(waitUntil([&] { return plainHttpGet(m_port, "/", "empty.test").status == 503; }, 10000));
    QVERIFY2(plainHttpGet(m_port, "/", "empty.test").body.contains("no ready endpoints for service default/svc-empty (port http)"),
             plainHttpGet(m_port, "/", "empty.test").body.constData());
    const HttpResult gone = plainHttpGet(m_port, "/", "gone.test");
    QCOMPARE(gone.status, 503);
    QVERIFY2(gone.body.contains("service default/svc-gone not found"), gone.body.constData());
    const HttpResult badPort = plainHttpGet(m_port, "/", "badport.test");
    QCOMPARE(badPort.status, 503);
    QVERIFY2(badPort.body.contains("service default/svc-a has no port 9999"), badPort.body.constData());
}

void tst_IngressController::classChangeTakesTheAddressAway()
{
    // "timonel" stops being the default: an Ingress created without a class from then on keeps
    // none (nothing to default to) and is not served; those naming the class still are.
    QJsonObject ingressClass = get(kIngressClasses, u"timonel"_qs, QString());
    QJsonObject metadata = ingressClass.value(u"metadata").toObject();
    QJsonObject annotations = metadata.value(u"annotations").toObject();
    annotations.remove(u"ingressclass.kubernetes.io/is-default-class");
    metadata.insert(u"annotations", annotations);
    ingressClass.insert(u"metadata", metadata);
    auto updated = awaitResult<Expected<Object>>([&](auto cb) {
        m_client->update({kIngressClasses, QString(), u"timonel"_qs, QString()}, Object::fromJson(ingressClass), cb);
    });
    QVERIFY(updated && updated->ok());
    QVERIFY(create(kIngresses, ingressObject(u"classless"_qs, {hostRule(u"c.test"_qs, u"svc-a"_qs)})).ok());
    QVERIFY(!get(kIngresses, u"classless"_qs).value(u"spec").toObject().contains(u"ingressClassName"));
    QTest::qWait(1500); // time the controller would have needed to take it
    QVERIFY(address(get(kIngresses, u"classless"_qs)).isEmpty());
    QCOMPARE(plainHttpGet(m_port, "/", "c.test").status, 404);
    // The Ingresses that name the class (demo got it from admission) are still served.
    QCOMPARE(address(get(kIngresses, u"demo"_qs)), u"127.0.0.1"_qs);
    QCOMPARE(plainHttpGet(m_port, "/", "a.test").status, 200);
    QCOMPARE(address(get(kIngresses, u"marker"_qs)), u"127.0.0.1"_qs);
    QCOMPARE(plainHttpGet(m_port, "/", "m.test").status, 200);
}

QTEST_GUILESS_MAIN(tst_IngressController)
#include "tst_ingresscontroller.moc"
