// The node lifecycle in a running embedded cluster (two nodes, controllers on, a 6 s grace
// period): a node whose kubelet is stopped by annotation goes Unknown/NotReady and gets the
// unreachable taints; a pod tolerating them for 0 s is evicted at once, a Deployment's pods
// (tolerating 2 s) are evicted and replaced on the other node, a pod with the default 300 s
// stays (marked not ready); removing the annotation brings the node back Ready and untainted.
#include "tests/support/clusterfixture.h"
#include "tests/support/syncclient.h"
#include "kube/client/clustertransport.h"
#include "kube/client/restclient.h"
#include "kube/cluster/embeddedcluster.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace kube;
using namespace std::chrono_literals;

namespace {

const GroupVersionResource kPods{QString(), u"v1"_qs, u"pods"_qs};
const GroupVersionResource kNodes{QString(), u"v1"_qs, u"nodes"_qs};
const GroupVersionResource kEvents{QString(), u"v1"_qs, u"events"_qs};
const GroupVersionResource kDeployments{u"apps"_qs, u"v1"_qs, u"deployments"_qs};
const QString kStopped = u"timonel-node-2"_qs;
const QString kHealthy = u"timonel-node-1"_qs;
const QString kUnreachable = u"node.kubernetes.io/unreachable"_qs;

constexpr int WaitMs = 40000;

QJsonObject unreachableToleration(int seconds)
{
    return {{u"key"_qs, kUnreachable}, {u"operator"_qs, u"Exists"_qs}, {u"effect"_qs, u"NoExecute"_qs},
            {u"tolerationSeconds"_qs, seconds}};
}

QJsonObject container()
{
    return {{u"name"_qs, u"c"_qs}, {u"image"_qs, u"nginx"_qs},
            {u"resources"_qs, QJsonObject{{u"requests"_qs, QJsonObject{{u"cpu"_qs, u"500m"_qs}}}}}};
}

Object pod(const QString &name, const QString &node, const QJsonArray &tolerations)
{
    QJsonObject spec{{u"nodeName"_qs, node}, {u"containers"_qs, QJsonArray{container()}}};
    if (!tolerations.isEmpty())
        spec.insert(u"tolerations", tolerations);
    return Object::fromJson(QJsonObject{{u"apiVersion"_qs, u"v1"_qs}, {u"kind"_qs, u"Pod"_qs},
                                        {u"metadata"_qs, QJsonObject{{u"name"_qs, name}}}, {u"spec"_qs, spec}});
}

Object deployment(const QString &name, int replicas, const QJsonArray &tolerations)
{
    const QJsonObject labels{{u"app"_qs, name}};
    return Object::fromJson(QJsonObject{
        {u"apiVersion"_qs, u"apps/v1"_qs}, {u"kind"_qs, u"Deployment"_qs},
        {u"metadata"_qs, QJsonObject{{u"name"_qs, name}}},
        {u"spec"_qs, QJsonObject{
            {u"replicas"_qs, replicas},
            {u"selector"_qs, QJsonObject{{u"matchLabels"_qs, labels}}},
            {u"template"_qs, QJsonObject{
                {u"metadata"_qs, QJsonObject{{u"labels"_qs, labels}}},
                {u"spec"_qs, QJsonObject{{u"containers"_qs, QJsonArray{container()}}, {u"tolerations"_qs, tolerations}}}}}}}});
}

QJsonObject condition(const Object &object, const QString &type)
{
    for (const QJsonValue &v : object.toJson().value(u"status").toObject().value(u"conditions").toArray()) {
        if (v.toObject().value(u"type").toString() == type)
            return v.toObject();
    }
    return {};
}

QJsonArray taintsOf(const Object &node)
{
    return node.toJson().value(u"spec").toObject().value(u"taints").toArray();
}

bool hasTaint(const Object &node, const QString &key, const QString &effect)
{
    for (const QJsonValue &v : taintsOf(node)) {
        if (v.toObject().value(u"key").toString() == key && v.toObject().value(u"effect").toString() == effect)
            return true;
    }
    return false;
}

} // namespace

class tst_NodeLifecycleController : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void podsGetDefaultTolerations();
    void stoppedKubeletEvictsAndRecovers();

private:
    // The object, or an empty one when it cannot be read (gone, or a transient failure).
    Object fetch(const GroupVersionResource &gvr, const QString &ns, const QString &name)
    {
        const auto r = m_api->get(gvr, ns, name);
        return r.ok() ? r.value() : Object::fromJson(QJsonObject{{u"metadata"_qs, QJsonObject()}});
    }
    Expected<Object> annotateNode(const QString &name, const QJsonValue &value)
    {
        const QJsonObject patch{{u"metadata"_qs, QJsonObject{{u"annotations"_qs, QJsonObject{{u"timonel.dev/kubelet"_qs, value}}}}}};
        auto r = awaitResult<Expected<Object>>([&](RestClient::ObjectCallback cb) {
            m_client->patch({kNodes, QString(), name, QString()}, PatchType::Merge, QJsonDocument(patch).toJson(), cb);
        });
        return r ? *r : Expected<Object>(Status::internalError(u"timed out"_qs));
    }
    // Events about the object named name with that reason.
    QList<QJsonObject> events(const QString &ns, const QString &name, const QString &reason)
    {
        QList<QJsonObject> out;
        for (const Object &e : m_api->list(kEvents, ns)) {
            const QJsonObject json = e.toJson();
            if (json.value(u"reason").toString() == reason
                && json.value(u"involvedObject").toObject().value(u"name").toString() == name)
                out.append(json);
        }
        return out;
    }

    ClusterFixture m_fixture;
    RestClient *m_client = nullptr; // m_fixture's
    std::unique_ptr<SyncClient> m_api;
};

void tst_NodeLifecycleController::initTestCase()
{
    ClusterOptions options;
    options.nodes = 2;
    options.nodeMonitorGracePeriod = 6s;
    const Status started = m_fixture.start(options);
    QVERIFY2(started.isSuccess(), qPrintable(started.message()));
    m_client = m_fixture.client.get();
    m_api = std::make_unique<SyncClient>(m_client);
}

void tst_NodeLifecycleController::cleanupTestCase()
{
    m_api.reset();
}

void tst_NodeLifecycleController::podsGetDefaultTolerations()
{
    const auto created = m_api->create(kPods, u"default"_qs, pod(u"plain"_qs, kHealthy, {}));
    QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message()));
    const QJsonArray tolerations = created->toJson().value(u"spec").toObject().value(u"tolerations").toArray();
    QCOMPARE(tolerations.size(), 2);
    QCOMPARE(tolerations.at(0).toObject().value(u"key").toString(), u"node.kubernetes.io/not-ready"_qs);
    QCOMPARE(tolerations.at(1).toObject().value(u"key").toString(), kUnreachable);
    for (const QJsonValue &t : tolerations) {
        QCOMPARE(t.toObject().value(u"effect").toString(), u"NoExecute"_qs);
        QCOMPARE(t.toObject().value(u"operator").toString(), u"Exists"_qs);
        QCOMPARE(t.toObject().value(u"tolerationSeconds").toInt(), 300);
    }
}

void tst_NodeLifecycleController::stoppedKubeletEvictsAndRecovers()
{
    // Both nodes Ready before anything happens (their kubelets post it and renew Leases).
    for (const QString &n : {kHealthy, kStopped})
        QVERIFY(QTest::qWaitFor([&] { return condition(fetch(kNodes, QString(), n), u"Ready"_qs).value(u"status").toString() == u"True"; }, WaitMs));

    QVERIFY(m_api->create(kPods, u"default"_qs, pod(u"at-once"_qs, kStopped, {unreachableToleration(0)})).ok());
    QVERIFY(m_api->create(kPods, u"default"_qs, pod(u"patient"_qs, kStopped, {})).ok());
    QVERIFY(m_api->create(kDeployments, u"default"_qs, deployment(u"web"_qs, 4, {unreachableToleration(2)})).ok());
    QStringList webOnStopped;
    QVERIFY2(QTest::qWaitFor([&] {
        const QList<Object> pods = m_api->list(kPods, u"default"_qs, u"app=web"_qs);
        webOnStopped.clear();
        int ready = 0;
        for (const Object &p : pods) {
            ready += condition(p, u"Ready"_qs).value(u"status").toString() == u"True" ? 1 : 0;
            if (p.nodeName() == kStopped)
                webOnStopped.append(p.name());
        }
        return pods.size() == 4 && ready == 4;
    }, WaitMs), "the Deployment's pods never became ready");
    QVERIFY2(!webOnStopped.isEmpty(), "the scheduler put no web pod on the node to stop");
    QVERIFY(QTest::qWaitFor([&] { return condition(fetch(kPods, u"default"_qs, u"patient"_qs), u"Ready"_qs).value(u"status").toString() == u"True"; }, WaitMs));

    // Stop the kubelet; within the grace period (6 s) and a little the node is Unknown.
    QVERIFY(annotateNode(kStopped, u"stopped"_qs).ok());
    QElapsedTimer stoppedFor;
    stoppedFor.start();
    Object node;
    QVERIFY2(QTest::qWaitFor([&] {
        node = fetch(kNodes, QString(), kStopped);
        return condition(node, u"Ready"_qs).value(u"status").toString() == u"Unknown" && hasTaint(node, kUnreachable, u"NoExecute"_qs);
    }, WaitMs), "the node never went Unknown and tainted");
    QVERIFY2(stoppedFor.elapsed() >= 3000, "the node went Unknown well before its grace period ended");
    const QJsonObject ready = condition(node, u"Ready"_qs);
    QCOMPARE(ready.value(u"reason").toString(), u"NodeStatusUnknown"_qs);
    QCOMPARE(ready.value(u"message").toString(), u"Kubelet stopped posting node status."_qs);
    QVERIFY(hasTaint(node, kUnreachable, u"NoSchedule"_qs));
    // The healthy node is untouched.
    const Object healthy = fetch(kNodes, QString(), kHealthy);
    QCOMPARE(condition(healthy, u"Ready"_qs).value(u"status").toString(), u"True"_qs);
    QVERIFY(taintsOf(healthy).isEmpty());

    // tolerationSeconds 0: marked for deletion at once (it stays Terminating: its kubelet is down).
    QVERIFY2(QTest::qWaitFor([&] { return fetch(kPods, u"default"_qs, u"at-once"_qs).isBeingDeleted(); }, 5000),
             "the pod not tolerating the taint was not evicted at once");
    QVERIFY(QTest::qWaitFor([&] {
        const auto e = events(u"default"_qs, u"at-once"_qs, u"TaintManagerEviction"_qs);
        return !e.isEmpty() && e.first().value(u"message").toString() == u"Marking for deletion Pod default/at-once"_qs;
    }, 5000));

    // The Deployment's pods on the stopped node go after 2 s and come back on the healthy node.
    QVERIFY2(QTest::qWaitFor([&] {
        int running = 0;
        for (const Object &p : m_api->list(kPods, u"default"_qs, u"app=web"_qs)) {
            if (p.isBeingDeleted())
                continue;
            if (p.nodeName() != kHealthy || condition(p, u"Ready"_qs).value(u"status").toString() != u"True")
                return false;
            ++running;
        }
        return running == 4;
    }, WaitMs), "the evicted pods were not replaced on the healthy node");
    for (const QString &name : std::as_const(webOnStopped))
        QVERIFY2(fetch(kPods, u"default"_qs, name).isBeingDeleted(), qPrintable(name + u" was not evicted"_qs));

    // The default 300 s toleration: still there, marked not ready, with a NodeNotReady warning.
    const Object patient = fetch(kPods, u"default"_qs, u"patient"_qs);
    QVERIFY(!patient.isBeingDeleted());
    QVERIFY(QTest::qWaitFor([&] { return condition(fetch(kPods, u"default"_qs, u"patient"_qs), u"Ready"_qs).value(u"status").toString() == u"False"; }, 5000));
    QVERIFY(QTest::qWaitFor([&] {
        const auto e = events(u"default"_qs, u"patient"_qs, u"NodeNotReady"_qs);
        return !e.isEmpty() && e.first().value(u"message").toString() == u"Node is not ready"_qs
               && e.first().value(u"type").toString() == u"Warning"_qs;
    }, 5000));
    QVERIFY(!events(QString(), kStopped, u"NodeNotReady"_qs).isEmpty());

    // Resume: Ready again, taints gone, the terminating pods finish, the patient pod is ready.
    QVERIFY(annotateNode(kStopped, QJsonValue::Null).ok());
    QVERIFY2(QTest::qWaitFor([&] {
        node = fetch(kNodes, QString(), kStopped);
        return condition(node, u"Ready"_qs).value(u"status").toString() == u"True" && taintsOf(node).isEmpty();
    }, WaitMs), "the node did not come back Ready and untainted");
    QVERIFY2(QTest::qWaitFor([&] {
        const auto p = m_api->get(kPods, u"default"_qs, u"at-once"_qs);
        return !p.ok() && p.error().is(reason::NotFound);
    }, WaitMs),
             "the resumed kubelet did not finish the evicted pod");
    QVERIFY(QTest::qWaitFor([&] { return condition(fetch(kPods, u"default"_qs, u"patient"_qs), u"Ready"_qs).value(u"status").toString() == u"True"; }, WaitMs));
    QVERIFY(!fetch(kPods, u"default"_qs, u"patient"_qs).isBeingDeleted());
}

QTEST_GUILESS_MAIN(tst_NodeLifecycleController)
#include "tst_nodelifecyclecontroller.moc"
