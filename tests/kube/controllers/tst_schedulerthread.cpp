// The scheduler and the kubelets run on threads of their own (ControllerManager): while the
// controllers' thread is busy (blocked here for seconds, as a long ReplicaSet sync would), a new
// pod is still bound to a node and run by its kubelet; the scheduler and the kubelets are not
// on the controllers' thread.
#include "tests/support/clusterfixture.h"
#include "tests/support/syncclient.h"
#include "kube/api/clock.h"
#include "kube/client/clustertransport.h"
#include "kube/client/restclient.h"
#include "kube/cluster/embeddedcluster.h"
#include "kube/controllers/controllermanager.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

using namespace kube;

namespace {

const GroupVersionResource kPods{QString(), u"v1"_qs, u"pods"_qs};

constexpr int BlockMs = 15000;

Object barePod(const QString &name)
{
    return Object::fromJson(QJsonObject{
        {u"apiVersion"_qs, u"v1"_qs}, {u"kind"_qs, u"Pod"_qs},
        {u"metadata"_qs, QJsonObject{{u"name"_qs, name}}},
        {u"spec"_qs, QJsonObject{{u"containers"_qs, QJsonArray{QJsonObject{{u"name"_qs, u"web"_qs}, {u"image"_qs, u"nginx:1.25"_qs}}}}}}});
}

} // namespace

class tst_SchedulerThread : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void bindsWhileControllersThreadIsBlocked();

private:
    QString nodeOf(const QString &pod)
    {
        return m_api->json(kPods, u"default"_qs, pod).value(u"spec").toObject().value(u"nodeName").toString();
    }
    QString phaseOf(const QString &pod)
    {
        return m_api->json(kPods, u"default"_qs, pod).value(u"status").toObject().value(u"phase").toString();
    }

    ClusterFixture m_fixture; // the API alone: the controllers run below, on a thread of this test
    QThread m_controllersThread;
    ControllerManager *m_manager = nullptr;
    RestClient *m_client = nullptr; // m_fixture's
    std::unique_ptr<SyncClient> m_api;
};

void tst_SchedulerThread::initTestCase()
{
    QVERIFY(m_fixture.dir.isValid());
    const Status started = m_fixture.start(ClusterFixture::Controllers::Off);
    QVERIFY2(started.isSuccess(), qPrintable(started.message()));
    m_client = m_fixture.client.get();
    m_api = std::make_unique<SyncClient>(m_client);

    ControllerManagerOptions options{m_fixture.cluster->url(), m_fixture.cluster->caCertificate(), m_fixture.cluster->token(), 1};
    m_manager = new ControllerManager(options, Clock::system());
    m_controllersThread.setObjectName(u"controllers"_qs);
    m_manager->moveToThread(&m_controllersThread);
    m_controllersThread.start();
    QMetaObject::invokeMethod(m_manager, &ControllerManager::start, Qt::QueuedConnection);
}

void tst_SchedulerThread::cleanupTestCase()
{
    if (m_manager) {
        QMetaObject::invokeMethod(m_manager, [manager = m_manager] { delete manager; }, Qt::BlockingQueuedConnection);
        m_controllersThread.quit();
        m_controllersThread.wait();
    }
    m_api.reset();
    m_fixture.stop();
}

void tst_SchedulerThread::bindsWhileControllersThreadIsBlocked()
{
    // Everything works first: a pod is bound and run by the kubelet.
    QVERIFY(m_api->create(kPods, u"default"_qs, barePod(u"warm-up"_qs)).ok());
    QVERIFY2(SyncClient::waitUntil([&] { return phaseOf(u"warm-up"_qs) == u"Running"; }, 60000), "the warm-up pod did not run");

    // The controllers' thread (kubelets, replica sets…) is now stuck for BlockMs.
    std::atomic<bool> blocked = false;
    QMetaObject::invokeMethod(m_manager, [&blocked] {
        blocked = true;
        QThread::msleep(BlockMs);
    }, Qt::QueuedConnection);
    QVERIFY(SyncClient::waitUntil([&] { return blocked.load(); }, 10000));
    QElapsedTimer sinceBlocked;
    sinceBlocked.start();

    QVERIFY(m_api->create(kPods, u"default"_qs, barePod(u"during"_qs)).ok());
    QVERIFY2(SyncClient::waitUntil([&] { return !nodeOf(u"during"_qs).isEmpty(); }, BlockMs - 2000),
             "the pod was not bound while the controllers' thread was blocked");
    QVERIFY2(sinceBlocked.elapsed() < BlockMs, "bound only after the controllers' thread was free");
    // Its kubelet has a thread of its own too: the pod runs while the controllers' thread is
    // still blocked (a pull of ~1 s, then create and start).
    QVERIFY2(SyncClient::waitUntil([&] { return phaseOf(u"during"_qs) == u"Running"; }, BlockMs - 1000),
             "the pod did not run while the controllers' thread was blocked");
    QVERIFY2(sinceBlocked.elapsed() < BlockMs, "ran only after the controllers' thread was free");
}

QTEST_GUILESS_MAIN(tst_SchedulerThread)
#include "tst_schedulerthread.moc"
