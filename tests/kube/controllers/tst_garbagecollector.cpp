// The garbage collector and the service account controller in a running embedded cluster
// (controllers on): background, foreground and orphan deletion of a Deployment, collection of
// an object whose owner never existed, and the default ServiceAccount of new namespaces.
#include "tests/support/clusterfixture.h"
#include "tests/support/syncclient.h"
#include "kube/client/clustertransport.h"
#include "kube/client/restclient.h"
#include "kube/cluster/embeddedcluster.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>

#include <functional>
#include <memory>
#include <optional>

using namespace kube;

namespace {

const GroupVersionResource kPods{QString(), u"v1"_qs, u"pods"_qs};
const GroupVersionResource kConfigMaps{QString(), u"v1"_qs, u"configmaps"_qs};
const GroupVersionResource kNamespaces{QString(), u"v1"_qs, u"namespaces"_qs};
const GroupVersionResource kServiceAccounts{QString(), u"v1"_qs, u"serviceaccounts"_qs};
const GroupVersionResource kDeployments{u"apps"_qs, u"v1"_qs, u"deployments"_qs};
const GroupVersionResource kReplicaSets{u"apps"_qs, u"v1"_qs, u"replicasets"_qs};

constexpr int WaitMs = 30000;

// Runs start(callback) and pumps the event loop until the callback ran (or timeoutMs passed).

Object deployment(const QString &name, int replicas)
{
    const QJsonObject labels{{u"app"_qs, name}};
    const QJsonObject json{
        {u"apiVersion"_qs, u"apps/v1"_qs}, {u"kind"_qs, u"Deployment"_qs},
        {u"metadata"_qs, QJsonObject{{u"name"_qs, name}}},
        {u"spec"_qs, QJsonObject{
            {u"replicas"_qs, replicas},
            {u"selector"_qs, QJsonObject{{u"matchLabels"_qs, labels}}},
            {u"template"_qs, QJsonObject{
                {u"metadata"_qs, QJsonObject{{u"labels"_qs, labels}}},
                {u"spec"_qs, QJsonObject{{u"containers"_qs, QJsonArray{QJsonObject{{u"name"_qs, u"c"_qs}, {u"image"_qs, u"nginx"_qs}}}}}}}}}}};
    return Object::fromJson(json);
}

Object configMap(const QString &name, const QJsonArray &ownerReferences)
{
    QJsonObject metadata{{u"name"_qs, name}};
    if (!ownerReferences.isEmpty())
        metadata.insert(u"ownerReferences", ownerReferences);
    return Object::fromJson(QJsonObject{{u"apiVersion"_qs, u"v1"_qs}, {u"kind"_qs, u"ConfigMap"_qs}, {u"metadata"_qs, metadata}});
}

QJsonObject ownerRef(const QString &kind, const QString &name, const QString &uid)
{
    return {{u"apiVersion"_qs, u"v1"_qs}, {u"kind"_qs, kind}, {u"name"_qs, name}, {u"uid"_qs, uid}};
}

} // namespace

class tst_GarbageCollector : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void backgroundDeletionRemovesReplicaSetsAndPods();
    void foregroundDeletionWaitsForDependents();
    void orphanDeletionKeepsReplicaSet();
    void danglingOwnerIsCollected();
    void defaultServiceAccountInNewNamespace();

private:
    // A deployment with its pods created (not necessarily running).
    void createDeploymentWithPods(const QString &name, int replicas)
    {
        QVERIFY(m_api->create(kDeployments, u"default"_qs, deployment(name, replicas)).ok());
        QVERIFY2(QTest::qWaitFor([&] { return m_api->list(kPods, u"default"_qs, u"app="_qs + name).size() == replicas; }, WaitMs),
                 "pods were not created");
        QCOMPARE(m_api->list(kReplicaSets, u"default"_qs, u"app="_qs + name).size(), 1);
    }

    ClusterFixture m_fixture;
    RestClient *m_client = nullptr; // m_fixture's
    std::unique_ptr<SyncClient> m_api;
};

void tst_GarbageCollector::initTestCase()
{
    QVERIFY(m_fixture.dir.isValid());
    const Status started = m_fixture.start(ClusterFixture::Controllers::On);
    QVERIFY2(started.isSuccess(), qPrintable(started.message()));
    m_client = m_fixture.client.get();
    m_api = std::make_unique<SyncClient>(m_client);
}

void tst_GarbageCollector::cleanupTestCase()
{
    m_api.reset();
    m_fixture.stop();
}

void tst_GarbageCollector::backgroundDeletionRemovesReplicaSetsAndPods()
{
    createDeploymentWithPods(u"bg"_qs, 2);
    QVERIFY(m_api->remove(kDeployments, u"default"_qs, u"bg"_qs, PropagationPolicy::Default).ok());
    QVERIFY(m_api->isGone(kDeployments, u"default"_qs, u"bg"_qs)); // default: at once
    QVERIFY2(QTest::qWaitFor([&] { return m_api->list(kReplicaSets, u"default"_qs, u"app=bg"_qs).isEmpty(); }, WaitMs),
             "the ReplicaSet was not collected");
    QVERIFY2(QTest::qWaitFor([&] { return m_api->list(kPods, u"default"_qs, u"app=bg"_qs).isEmpty(); }, WaitMs),
             "the pods were not collected");
}

void tst_GarbageCollector::foregroundDeletionWaitsForDependents()
{
    createDeploymentWithPods(u"fg"_qs, 2);
    const auto marked = m_api->remove(kDeployments, u"default"_qs, u"fg"_qs, PropagationPolicy::Foreground);
    QVERIFY(marked.ok());
    QVERIFY(marked->isBeingDeleted());
    QVERIFY(marked->finalizers().contains(u"foregroundDeletion"_qs));

    // Until it goes, the Deployment is still readable with its finalizer; once it has gone,
    // none of its dependents may remain.
    bool sawDeleting = false;
    QVERIFY2(QTest::qWaitFor([&] {
        const auto d = m_api->get(kDeployments, u"default"_qs, u"fg"_qs);
        if (d.ok()) {
            sawDeleting = sawDeleting || d->finalizers().contains(u"foregroundDeletion"_qs);
            return false;
        }
        return d.error().is(reason::NotFound);
    }, WaitMs), "the Deployment was never removed");
    QVERIFY(sawDeleting);
    QVERIFY(m_api->list(kReplicaSets, u"default"_qs, u"app=fg"_qs).isEmpty());
    QVERIFY(m_api->list(kPods, u"default"_qs, u"app=fg"_qs).isEmpty());
}

void tst_GarbageCollector::orphanDeletionKeepsReplicaSet()
{
    createDeploymentWithPods(u"orphan"_qs, 2);
    const QString deploymentUid = m_api->get(kDeployments, u"default"_qs, u"orphan"_qs)->uid();
    QVERIFY(m_api->remove(kDeployments, u"default"_qs, u"orphan"_qs, PropagationPolicy::Orphan).ok());
    QVERIFY2(QTest::qWaitFor([&] { return m_api->isGone(kDeployments, u"default"_qs, u"orphan"_qs); }, WaitMs),
             "the Deployment kept its orphan finalizer");
    const QList<Object> sets = m_api->list(kReplicaSets, u"default"_qs, u"app=orphan"_qs);
    QCOMPARE(sets.size(), 1);
    QVERIFY(sets.first().ownerReferences().isEmpty());
    QVERIFY(!sets.first().isBeingDeleted());
    // Give a wrong collection time to happen, then check the pods are still there and kept.
    QTest::qWait(1500);
    const QList<Object> pods = m_api->list(kPods, u"default"_qs, u"app=orphan"_qs);
    QCOMPARE(pods.size(), 2);
    for (const Object &pod : pods) {
        QVERIFY(!pod.isBeingDeleted());
        QVERIFY(pod.controllerRef());
        QCOMPARE(pod.controllerRef()->uid, sets.first().uid());
        QVERIFY(pod.controllerRef()->uid != deploymentUid);
    }
    QVERIFY(m_api->list(kReplicaSets, u"default"_qs, u"app=orphan"_qs).size() == 1);
}

void tst_GarbageCollector::danglingOwnerIsCollected()
{
    const auto owner = m_api->create(kConfigMaps, u"default"_qs, configMap(u"owner"_qs, {}));
    QVERIFY(owner.ok());
    const QString ghostUid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QVERIFY(m_api->create(kConfigMaps, u"default"_qs, configMap(u"kept"_qs, {ownerRef(u"ConfigMap"_qs, u"owner"_qs, owner->uid())})).ok());
    QVERIFY(m_api->create(kConfigMaps, u"default"_qs, configMap(u"ghosted"_qs, {ownerRef(u"ConfigMap"_qs, u"ghost"_qs, ghostUid)})).ok());
    // Two owners, one of them absent: the object stays and drops the dangling reference.
    QVERIFY(m_api->create(kConfigMaps, u"default"_qs, configMap(u"both"_qs, {ownerRef(u"ConfigMap"_qs, u"owner"_qs, owner->uid()),
                                                                      ownerRef(u"ConfigMap"_qs, u"ghost"_qs, ghostUid)})).ok());
    QVERIFY2(QTest::qWaitFor([&] { return m_api->isGone(kConfigMaps, u"default"_qs, u"ghosted"_qs); }, WaitMs),
             "the ConfigMap of an absent owner was not collected");
    QVERIFY2(QTest::qWaitFor([&] {
        const auto both = m_api->get(kConfigMaps, u"default"_qs, u"both"_qs);
        return both.ok() && both->ownerReferences().size() == 1 && both->ownerReferences().first().uid == owner->uid();
    }, WaitMs), "the dangling reference was not dropped");
    QVERIFY(m_api->get(kConfigMaps, u"default"_qs, u"kept"_qs).ok());

    // The owner goes: both its dependents follow.
    QVERIFY(m_api->remove(kConfigMaps, u"default"_qs, u"owner"_qs, PropagationPolicy::Default).ok());
    QVERIFY2(QTest::qWaitFor([&] { return m_api->isGone(kConfigMaps, u"default"_qs, u"kept"_qs) && m_api->isGone(kConfigMaps, u"default"_qs, u"both"_qs); }, WaitMs),
             "the dependents of a deleted owner were not collected");
}

void tst_GarbageCollector::defaultServiceAccountInNewNamespace()
{
    QVERIFY2(QTest::qWaitFor([&] { return m_api->get(kServiceAccounts, u"default"_qs, u"default"_qs).ok(); }, WaitMs),
             "no default ServiceAccount in namespace default");
    const Object ns = Object::fromJson(QJsonObject{{u"apiVersion"_qs, u"v1"_qs}, {u"kind"_qs, u"Namespace"_qs},
                                                   {u"metadata"_qs, QJsonObject{{u"name"_qs, u"gc-fresh"_qs}}}});
    QVERIFY(m_api->create(kNamespaces, QString(), ns).ok());
    QVERIFY2(QTest::qWaitFor([&] { return m_api->get(kServiceAccounts, u"gc-fresh"_qs, u"default"_qs).ok(); }, WaitMs),
             "no default ServiceAccount in a new namespace");
    const QString firstUid = m_api->get(kServiceAccounts, u"gc-fresh"_qs, u"default"_qs)->uid();
    QVERIFY(m_api->remove(kServiceAccounts, u"gc-fresh"_qs, u"default"_qs, PropagationPolicy::Default).ok());
    QVERIFY2(QTest::qWaitFor([&] {
        const auto sa = m_api->get(kServiceAccounts, u"gc-fresh"_qs, u"default"_qs);
        return sa.ok() && sa->uid() != firstUid;
    }, WaitMs), "the deleted default ServiceAccount was not recreated");
}

QTEST_GUILESS_MAIN(tst_GarbageCollector)
#include "tst_garbagecollector.moc"
