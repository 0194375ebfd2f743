// A pod's effective requests (app containers, init containers, sidecars, overhead, limits
// standing for requests), the non-zero requests scoring uses, and the other parsed facts.
#include "kube/scheduler/podinfo.h"
#include "schedulerfixtures.h"

#include <QtTest>

using namespace kube;
using namespace kube::scheduler;
using namespace fixtures;

class tst_PodInfo : public QObject
{
    Q_OBJECT
private slots:
    void effectiveRequests_data();
    void effectiveRequests();
    void hostPortsDefaults();
    void schedulingFacts();
};

void tst_PodInfo::effectiveRequests_data()
{
    QTest::addColumn<QJsonObject>("pod");
    QTest::addColumn<qint64>("milliCpu");
    QTest::addColumn<qint64>("memory");
    QTest::addColumn<qint64>("nonZeroMilliCpu");
    QTest::addColumn<qint64>("nonZeroMemory");

    constexpr qint64 Mi = 1024 * 1024;
    const auto sidecar = [](const QString &name, const QJsonObject &r) {
        QJsonObject c = container(name, r);
        c.insert(u"restartPolicy"_qs, u"Always"_qs);
        return c;
    };

    QTest::newRow("no-requests-defaults-for-scoring") << PodFixture{}.json() << qint64(0) << qint64(0) << qint64(100) << 200 * Mi;
    QTest::newRow("one-container") << PodFixture{.cpu = u"250m"_qs, .memory = u"64Mi"_qs}.json() << qint64(250) << 64 * Mi << qint64(250) << 64 * Mi;
    QTest::newRow("cpu-only-memory-defaulted-for-scoring") << PodFixture{.cpu = u"1"_qs}.json() << qint64(1000) << qint64(0) << qint64(1000) << 200 * Mi;
    QTest::newRow("explicit-zero-stays-zero") << PodFixture{.cpu = u"0"_qs, .memory = u"0"_qs}.json() << qint64(0) << qint64(0) << qint64(0) << qint64(0);
    QTest::newRow("app-containers-summed")
        << PodFixture{.containers = {container(u"a"_qs, requests(u"100m"_qs, u"128Mi"_qs)), container(u"b"_qs, requests(u"200m"_qs, u"64Mi"_qs))}}.json()
        << qint64(300) << 192 * Mi << qint64(300) << 192 * Mi;
    QTest::newRow("init-container-larger-wins")
        << PodFixture{.cpu = u"100m"_qs, .memory = u"64Mi"_qs, .initContainers = {container(u"init"_qs, requests(u"2"_qs, u"32Mi"_qs))}}.json()
        << qint64(2000) << 64 * Mi << qint64(2000) << 64 * Mi;
    QTest::newRow("init-containers-max-not-sum")
        << PodFixture{.cpu = u"100m"_qs, .initContainers = {container(u"i1"_qs, requests(u"500m"_qs, {})), container(u"i2"_qs, requests(u"700m"_qs, {}))}}.json()
        << qint64(700) << qint64(0) << qint64(700) << 200 * Mi;
    QTest::newRow("sidecar-adds-to-app-and-later-inits")
        << PodFixture{.cpu = u"100m"_qs,
                      .initContainers = {sidecar(u"proxy"_qs, requests(u"200m"_qs, {})), container(u"migrate"_qs, requests(u"1"_qs, {}))}}.json()
        << qint64(1200) << qint64(0) << qint64(1200) << 400 * Mi; // app and sidecar each default to 200Mi
    QTest::newRow("overhead-added")
        << PodFixture{.cpu = u"100m"_qs, .memory = u"10Mi"_qs, .extraSpec = {{u"overhead"_qs, QJsonObject{{u"cpu"_qs, u"250m"_qs}, {u"memory"_qs, u"120Mi"_qs}}}}}.json()
        << qint64(350) << 130 * Mi << qint64(350) << 130 * Mi;
    QJsonObject limitsOnly{{u"name"_qs, u"c"_qs}, {u"resources"_qs, QJsonObject{{u"limits"_qs, requests(u"1"_qs, u"1Gi"_qs)}}}};
    QTest::newRow("limits-stand-for-requests") << PodFixture{.containers = {limitsOnly}}.json() << qint64(1000) << 1024 * Mi << qint64(1000) << 1024 * Mi;
}

void tst_PodInfo::effectiveRequests()
{
    QFETCH(QJsonObject, pod);
    QFETCH(qint64, milliCpu);
    QFETCH(qint64, memory);
    QFETCH(qint64, nonZeroMilliCpu);
    QFETCH(qint64, nonZeroMemory);

    const auto info = PodInfo::fromObject(Object::fromJson(pod));
    QCOMPARE(info->requests.milliCpu, milliCpu);
    QCOMPARE(info->requests.memory, memory);
    QCOMPARE(info->nonZeroRequests.milliCpu, nonZeroMilliCpu);
    QCOMPARE(info->nonZeroRequests.memory, nonZeroMemory);
}

void tst_PodInfo::hostPortsDefaults()
{
    const auto info = PodInfo::fromObject(PodFixture{.ports = {hostPort(80), hostPort(53, u"UDP"_qs, u"10.0.0.1"_qs),
                                                                QJsonObject{{u"containerPort"_qs, 8080}}}}.object());
    QCOMPARE(info->hostPorts.size(), 2); // a containerPort alone claims nothing on the host
    QCOMPARE(info->hostPorts[0], (HostPort{u"0.0.0.0"_qs, u"TCP"_qs, 80}));
    QCOMPARE(info->hostPorts[1], (HostPort{u"10.0.0.1"_qs, u"UDP"_qs, 53}));
}

void tst_PodInfo::schedulingFacts()
{
    const auto info = PodInfo::fromObject(PodFixture{.name = u"web-1"_qs, .namespace_ = u"shop"_qs, .nodeName = u"node-b"_qs, .ownerUid = u"rs-uid"_qs,
                                                     .phase = u"Succeeded"_qs,
                                                     .extraSpec = {{u"priority"_qs, 1000}, {u"preemptionPolicy"_qs, u"Never"_qs}}}.object());
    QCOMPARE(info->key, u"shop/web-1"_qs);
    QCOMPARE(info->nodeName, u"node-b"_qs);
    QCOMPARE(info->controllerUid, u"rs-uid"_qs);
    QCOMPARE(info->priority, 1000);
    QVERIFY(info->preemptionNever);
    QVERIFY(info->isTerminal());
}

QTEST_GUILESS_MAIN(tst_PodInfo)
#include "tst_podinfo.moc"
