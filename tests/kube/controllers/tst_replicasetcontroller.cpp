// The ReplicaSet controller in a running embedded cluster (controllers on), as its per-owner
// bookkeeping (OwnedPods, fed by pod events) and its batched syncs must keep it: the status
// counts every pod after a burst of pod status changes (all pods becoming ready together),
// pods deleted in a burst are replaced, orphans matching the selector are adopted (and the
// surplus deleted), and a scale-down leaves exactly the requested pods, all counted.
#include "tests/support/clusterfixture.h"
#include "tests/support/syncclient.h"
#include "kube/client/clustertransport.h"
#include "kube/client/restclient.h"
#include "kube/cluster/embeddedcluster.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <memory>

using namespace kube;

namespace {

const GroupVersionResource kPods{QString(), u"v1"_qs, u"pods"_qs};
const GroupVersionResource kReplicaSets{u"apps"_qs, u"v1"_qs, u"replicasets"_qs};

constexpr int WaitMs = 90000;

QJsonObject podSpec()
{
    return QJsonObject{{u"terminationGracePeriodSeconds"_qs, 0},
                       {u"containers"_qs, QJsonArray{QJsonObject{{u"name"_qs, u"web"_qs}, {u"image"_qs, u"nginx:1.25"_qs}}}}};
}

Object replicaSet(const QString &name, int replicas)
{
    const QJsonObject labels{{u"app"_qs, name}};
    return Object::fromJson(QJsonObject{
        {u"apiVersion"_qs, u"apps/v1"_qs}, {u"kind"_qs, u"ReplicaSet"_qs},
        {u"metadata"_qs, QJsonObject{{u"name"_qs, name}}},
        {u"spec"_qs, QJsonObject{
            {u"replicas"_qs, replicas},
            {u"selector"_qs, QJsonObject{{u"matchLabels"_qs, labels}}},
            {u"template"_qs, QJsonObject{{u"metadata"_qs, QJsonObject{{u"labels"_qs, labels}}}, {u"spec"_qs, podSpec()}}}}}});
}

Object barePod(const QString &name, const QString &app)
{
    return Object::fromJson(QJsonObject{
        {u"apiVersion"_qs, u"v1"_qs}, {u"kind"_qs, u"Pod"_qs},
        {u"metadata"_qs, QJsonObject{{u"name"_qs, name}, {u"labels"_qs, QJsonObject{{u"app"_qs, app}}}}},
        {u"spec"_qs, podSpec()}});
}

bool isReady(const QJsonObject &pod)
{
    for (const auto &c : pod.value(u"status").toObject().value(u"conditions").toArray()) {
        const QJsonObject condition = c.toObject();
        if (condition.value(u"type").toString() == u"Ready")
            return condition.value(u"status").toString() == u"True";
    }
    return false;
}

} // namespace

class tst_ReplicaSetController : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void statusCountsEveryPodAfterABurst();
    void burstOfDeletionsIsReplaced();
    void orphansAreAdoptedAndSurplusDeleted();
    void scaleDownKeepsCountsExact();

private:
    // Active (not terminating) pods of app=name, and those of them that are ready.
    QPair<int, int> activeAndReady(const QString &name)
    {
        int active = 0;
        int ready = 0;
        for (const QJsonObject &pod : m_api->jsonList(kPods, u"default"_qs, u"app="_qs + name)) {
            if (pod.value(u"metadata").toObject().contains(u"deletionTimestamp"))
                continue;
            ++active;
            ready += isReady(pod) ? 1 : 0;
        }
        return {active, ready};
    }
    // Waits until the set's status reports `replicas` pods, all ready and available, and the
    // pods themselves agree.
    bool settles(const QString &name, int replicas)
    {
        return SyncClient::waitUntil([&] {
            const QJsonObject status = m_api->json(kReplicaSets, u"default"_qs, name).value(u"status").toObject();
            if (status.value(u"replicas").toInt() != replicas || status.value(u"readyReplicas").toInt() != replicas
                || status.value(u"availableReplicas").toInt() != replicas)
                return false;
            return activeAndReady(name) == qMakePair(replicas, replicas);
        }, WaitMs);
    }

    ClusterFixture m_fixture;
    RestClient *m_client = nullptr; // m_fixture's
    std::unique_ptr<SyncClient> m_api;
};

void tst_ReplicaSetController::initTestCase()
{
    QVERIFY(m_fixture.dir.isValid());
    const Status started = m_fixture.start(ClusterFixture::Controllers::On);
    QVERIFY2(started.isSuccess(), qPrintable(started.message()));
    m_client = m_fixture.client.get();
    m_api = std::make_unique<SyncClient>(m_client);
}

void tst_ReplicaSetController::cleanupTestCase()
{
    m_api.reset();
    m_fixture.stop();
}

void tst_ReplicaSetController::statusCountsEveryPodAfterABurst()
{
    QVERIFY(m_api->create(kReplicaSets, u"default"_qs, replicaSet(u"burst"_qs, 40)).ok());
    QVERIFY2(settles(u"burst"_qs, 40), "the status did not reach 40 ready pods");
    const QJsonObject status = m_api->json(kReplicaSets, u"default"_qs, u"burst"_qs).value(u"status").toObject();
    QCOMPARE(status.value(u"fullyLabeledReplicas").toInt(), 40);
    QCOMPARE(status.value(u"observedGeneration").toInt(), 1);
}

void tst_ReplicaSetController::burstOfDeletionsIsReplaced()
{
    QVERIFY(settles(u"burst"_qs, 40));
    const QList<Object> pods = m_api->list(kPods, u"default"_qs, u"app=burst"_qs);
    QCOMPARE(pods.size(), 40);
    QSet<QString> deleted;
    DeleteOptions now;
    now.gracePeriodSeconds = 0;
    for (int i = 0; i < 15; ++i) {
        QVERIFY(m_api->remove(kPods, u"default"_qs, pods.at(i).name(), now).ok());
        deleted.insert(pods.at(i).name());
    }
    QVERIFY2(settles(u"burst"_qs, 40), "the deleted pods were not replaced, or the status is off");
    for (const Object &pod : m_api->list(kPods, u"default"_qs, u"app=burst"_qs))
        QVERIFY2(!deleted.contains(pod.name()), qPrintable(pod.name()));
}

void tst_ReplicaSetController::orphansAreAdoptedAndSurplusDeleted()
{
    QVERIFY(m_api->create(kReplicaSets, u"default"_qs, replicaSet(u"adopt"_qs, 4)).ok());
    QVERIFY(settles(u"adopt"_qs, 4));
    const auto set = m_api->get(kReplicaSets, u"default"_qs, u"adopt"_qs);
    QVERIFY(set.ok());
    for (int i = 0; i < 3; ++i)
        QVERIFY(m_api->create(kPods, u"default"_qs, barePod(u"stray-%1"_qs.arg(i), u"adopt"_qs)).ok());
    // Every surviving pod is controlled by the set, and there are exactly 4 of them.
    QVERIFY2(SyncClient::waitUntil([&] {
        int controlled = 0;
        for (const Object &pod : m_api->list(kPods, u"default"_qs, u"app=adopt"_qs)) {
            if (pod.isBeingDeleted())
                continue;
            const auto ref = pod.controllerRef();
            if (!ref || ref->uid != set->uid())
                return false;
            ++controlled;
        }
        return controlled == 4;
    }, WaitMs), "the orphans were not adopted, or the surplus not deleted");
    QVERIFY(settles(u"adopt"_qs, 4));
}

void tst_ReplicaSetController::scaleDownKeepsCountsExact()
{
    QVERIFY(settles(u"burst"_qs, 40));
    QVERIFY(m_api->patch(kReplicaSets, u"default"_qs, u"burst"_qs, PatchType::Merge,
                         QJsonObject{{u"spec"_qs, QJsonObject{{u"replicas"_qs, 7}}}}).ok());
    QVERIFY2(settles(u"burst"_qs, 7), "the scale-down did not settle at 7 counted pods");
}

QTEST_GUILESS_MAIN(tst_ReplicaSetController)
#include "tst_replicasetcontroller.moc"
