// The disruption controller in a running embedded cluster (controllers on): a budget over a
// Deployment's pods reports the Deployment's scale as expectedPods (percentages scale against
// it), counts Ready pods, allows currentHealthy − desiredHealthy disruptions with the
// DisruptionAllowed condition, follows a scale-up, and — after an eviction the API server
// counted (a second eviction is refused with 429 while the replacement cannot run) — drops the
// entry once the pod is being deleted and recovers when the replacement is Ready.
#include "tests/support/clusterfixture.h"
#include "tests/support/syncclient.h"

#include "kube/client/restclient.h"

#include <QJsonArray>
#include <QTest>

using namespace kube;

namespace {

const GroupVersionResource kPods{QString(), u"v1"_qs, u"pods"_qs};
const GroupVersionResource kNodes{QString(), u"v1"_qs, u"nodes"_qs};
const GroupVersionResource kDeployments{u"apps"_qs, u"v1"_qs, u"deployments"_qs};
const GroupVersionResource kBudgets{u"policy"_qs, u"v1"_qs, u"poddisruptionbudgets"_qs};
constexpr int WaitMs = 60000;

QJsonObject deployment(const QString &name, int replicas)
{
    const QJsonObject labels{{u"app"_qs, name}};
    return {{u"apiVersion"_qs, u"apps/v1"_qs}, {u"kind"_qs, u"Deployment"_qs}, {u"metadata"_qs, QJsonObject{{u"name"_qs, name}}},
            {u"spec"_qs, QJsonObject{{u"replicas"_qs, replicas}, {u"selector"_qs, QJsonObject{{u"matchLabels"_qs, labels}}},
                                     {u"template"_qs, QJsonObject{{u"metadata"_qs, QJsonObject{{u"labels"_qs, labels}}},
                                                                  {u"spec"_qs, QJsonObject{{u"containers"_qs, QJsonArray{QJsonObject{
                                                                                               {u"name"_qs, u"c"_qs}, {u"image"_qs, u"nginx"_qs}}}}}}}}}}};
}

QJsonObject budget(const QString &name, const QString &app, const QString &field, const QJsonValue &value)
{
    return {{u"apiVersion"_qs, u"policy/v1"_qs}, {u"kind"_qs, u"PodDisruptionBudget"_qs}, {u"metadata"_qs, QJsonObject{{u"name"_qs, name}}},
            {u"spec"_qs, QJsonObject{{field, value}, {u"selector"_qs, QJsonObject{{u"matchLabels"_qs, QJsonObject{{u"app"_qs, app}}}}}}}};
}

QString counts(const QJsonObject &pdb)
{
    const QJsonObject s = pdb.value(u"status").toObject();
    QString reason;
    for (const auto &c : s.value(u"conditions").toArray()) {
        if (c.toObject().value(u"type").toString() == u"DisruptionAllowed")
            reason = c.toObject().value(u"reason").toString();
    }
    return u"%1 %2 %3 %4 %5"_qs.arg(s.value(u"expectedPods").toInt()).arg(s.value(u"desiredHealthy").toInt())
        .arg(s.value(u"currentHealthy").toInt()).arg(s.value(u"disruptionsAllowed").toInt()).arg(reason);
}

} // namespace

class tst_DisruptionController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        const Status started = m_fixture.start(ClusterFixture::Controllers::On);
        QVERIFY2(started.isSuccess(), qPrintable(started.message()));
        m_api = std::make_unique<SyncClient>(m_fixture.client.get());
    }
    void cleanupTestCase() { m_api.reset(); }
    void statusFollowsDeployment();
    void evictionIsRecordedThenCleared();

private:
    QJsonObject status(const QString &name) { return m_api->json(kBudgets, u"default"_qs, name).value(u"status").toObject(); }
    Expected<Object> evict(const QString &pod)
    {
        const QJsonObject eviction{{u"apiVersion"_qs, u"policy/v1"_qs}, {u"kind"_qs, u"Eviction"_qs},
                                   {u"metadata"_qs, QJsonObject{{u"name"_qs, pod}}}};
        auto r = awaitResult<Expected<Object>>([&](RestClient::ObjectCallback cb) {
            m_fixture.client->create({kPods, u"default"_qs, pod, u"eviction"_qs}, Object::fromJson(eviction), cb);
        });
        return r ? *r : Expected<Object>(Status::internalError(u"timed out"_qs));
    }

    ClusterFixture m_fixture;
    std::unique_ptr<SyncClient> m_api;
};

void tst_DisruptionController::statusFollowsDeployment()
{
    QVERIFY(m_api->create(kDeployments, u"default"_qs, deployment(u"web"_qs, 3)).ok());
    // 34 % of 3, rounded up: 2 may be unavailable, so 1 must stay healthy.
    QVERIFY(m_api->create(kBudgets, u"default"_qs, budget(u"web-pct"_qs, u"web"_qs, u"maxUnavailable"_qs, u"34%"_qs)).ok());
    QVERIFY(m_api->create(kBudgets, u"default"_qs, budget(u"web-min"_qs, u"web"_qs, u"minAvailable"_qs, 2)).ok());
    QTRY_COMPARE_WITH_TIMEOUT(counts(m_api->json(kBudgets, u"default"_qs, u"web-pct"_qs)), u"3 1 3 2 SufficientPods"_qs, WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(counts(m_api->json(kBudgets, u"default"_qs, u"web-min"_qs)), u"3 2 3 1 SufficientPods"_qs, WaitMs);
    const QJsonObject pdb = m_api->json(kBudgets, u"default"_qs, u"web-min"_qs);
    QCOMPARE(pdb.value(u"status").toObject().value(u"observedGeneration").toInt(),
             pdb.value(u"metadata").toObject().value(u"generation").toInt());

    // Scaled to 5: the percentage follows the Deployment's replicas (ceil(1.7) = 2 unavailable).
    QVERIFY(m_api->patch(kDeployments, u"default"_qs, u"web"_qs, PatchType::Merge, QJsonObject{{u"spec"_qs, QJsonObject{{u"replicas"_qs, 5}}}}).ok());
    QTRY_COMPARE_WITH_TIMEOUT(counts(m_api->json(kBudgets, u"default"_qs, u"web-pct"_qs)), u"5 3 5 2 SufficientPods"_qs, WaitMs);

    // A budget nothing can satisfy: InsufficientPods, no disruption allowed.
    QVERIFY(m_api->create(kBudgets, u"default"_qs, budget(u"web-all"_qs, u"web"_qs, u"minAvailable"_qs, 9)).ok());
    QTRY_COMPARE_WITH_TIMEOUT(counts(m_api->json(kBudgets, u"default"_qs, u"web-all"_qs)), u"5 9 5 0 InsufficientPods"_qs, WaitMs);
}

void tst_DisruptionController::evictionIsRecordedThenCleared()
{
    QVERIFY(m_api->create(kDeployments, u"default"_qs, deployment(u"api"_qs, 2)).ok());
    QVERIFY(m_api->create(kBudgets, u"default"_qs, budget(u"api"_qs, u"api"_qs, u"minAvailable"_qs, 1)).ok());
    QTRY_COMPARE_WITH_TIMEOUT(counts(m_api->json(kBudgets, u"default"_qs, u"api"_qs)), u"2 1 2 1 SufficientPods"_qs, WaitMs);
    const QList<Object> pods = m_api->list(kPods, u"default"_qs, u"app=api"_qs);
    QCOMPARE(pods.size(), 2);
    // No node takes the replacement yet: the budget stays spent until the test says so.
    const QJsonObject cordon{{u"spec"_qs, QJsonObject{{u"unschedulable"_qs, true}}}};
    QVERIFY(m_api->patch(kNodes, QString(), u"timonel-node-1"_qs, PatchType::Merge, cordon).ok());

    QVERIFY(evict(pods[0].name()).ok());
    QCOMPARE(status(u"api"_qs).value(u"disruptionsAllowed").toInt(), 0);
    // The evicted pod is being deleted: its entry in disruptedPods goes, it is not healthy.
    QTRY_VERIFY_WITH_TIMEOUT(status(u"api"_qs).value(u"currentHealthy").toInt() == 1
                                 && !status(u"api"_qs).contains(u"disruptedPods")
                                 && counts(m_api->json(kBudgets, u"default"_qs, u"api"_qs)).endsWith(u" 0 InsufficientPods"_qs),
                             WaitMs);
    const Expected<Object> refused = evict(pods[1].name());
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code(), 429);

    // The replacement runs once the node takes pods again: one disruption allowed again.
    QVERIFY(m_api->patch(kNodes, QString(), u"timonel-node-1"_qs, PatchType::Merge,
                         QJsonObject{{u"spec"_qs, QJsonObject{{u"unschedulable"_qs, QJsonValue::Null}}}}).ok());
    QTRY_COMPARE_WITH_TIMEOUT(counts(m_api->json(kBudgets, u"default"_qs, u"api"_qs)), u"2 1 2 1 SufficientPods"_qs, WaitMs);
    QCOMPARE(m_api->get(kPods, u"default"_qs, pods[1].name()).ok(), true);
}

QTEST_GUILESS_MAIN(tst_DisruptionController)
#include "tst_disruptioncontroller.moc"
