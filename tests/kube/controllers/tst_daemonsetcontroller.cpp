// The DaemonSet controller in a running embedded cluster of three nodes (controllers, scheduler
// and kubelets on): one pod per node, bound by the scheduler through the pod's node affinity;
// taints and nodeSelector keep pods off nodes, and node changes add or remove them; a rolling
// update replaces every pod with at most maxUnavailable nodes down (or, with maxSurge, none
// down), records a second ControllerRevision, and kubectl's undo patch brings revision 1 back
// as revision 3; OnDelete gives the new template only to pods that were deleted; a failed
// daemon pod is replaced on its node.
#include "tests/support/clusterfixture.h"
#include "tests/support/syncclient.h"
#include "kube/client/clustertransport.h"
#include "kube/client/restclient.h"
#include "kube/cluster/embeddedcluster.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace kube;

namespace {

const GroupVersionResource kPods{QString(), u"v1"_qs, u"pods"_qs};
const GroupVersionResource kNodes{QString(), u"v1"_qs, u"nodes"_qs};
const GroupVersionResource kEvents{QString(), u"v1"_qs, u"events"_qs};
const GroupVersionResource kDaemonSets{u"apps"_qs, u"v1"_qs, u"daemonsets"_qs};
const GroupVersionResource kRevisions{u"apps"_qs, u"v1"_qs, u"controllerrevisions"_qs};
const QString kNs = u"default"_qs;
const QStringList kNodeNames{u"timonel-node-1"_qs, u"timonel-node-2"_qs, u"timonel-node-3"_qs};

constexpr int WaitMs = 60000;

Object daemonSet(const QString &name, const QString &image, const QJsonObject &podSpecExtra = {}, const QJsonObject &strategy = {})
{
    const QJsonObject labels{{u"app"_qs, name}};
    QJsonObject podSpec{{u"containers"_qs, QJsonArray{QJsonObject{{u"name"_qs, u"agent"_qs}, {u"image"_qs, image}}}}};
    for (auto it = podSpecExtra.begin(); it != podSpecExtra.end(); ++it)
        podSpec.insert(it.key(), it.value());
    QJsonObject spec{
        {u"selector"_qs, QJsonObject{{u"matchLabels"_qs, labels}}},
        {u"template"_qs, QJsonObject{{u"metadata"_qs, QJsonObject{{u"labels"_qs, labels}}}, {u"spec"_qs, podSpec}}},
    };
    if (!strategy.isEmpty())
        spec.insert(u"updateStrategy", strategy);
    return Object::fromJson(QJsonObject{{u"apiVersion"_qs, u"apps/v1"_qs}, {u"kind"_qs, u"DaemonSet"_qs},
                                        {u"metadata"_qs, QJsonObject{{u"name"_qs, name}}}, {u"spec"_qs, spec}});
}

bool isReady(const QJsonObject &pod)
{
    for (const QJsonValue &c : pod.value(u"status").toObject().value(u"conditions").toArray()) {
        const QJsonObject condition = c.toObject();
        if (condition.value(u"type").toString() == u"Ready")
            return condition.value(u"status").toString() == u"True";
    }
    return false;
}

QString imageOf(const QJsonObject &pod)
{
    return pod.value(u"spec").toObject().value(u"containers").toArray().first().toObject().value(u"image").toString();
}

} // namespace

class tst_DaemonSetController : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void onePodPerNode();
    void taintedNodeGetsNoPod();
    void nodeSelectorFollowsNodeLabels();
    void rollingUpdateKeepsWithinMaxUnavailable();
    void undoRestoresRevisionOne();
    void surgeStartsNewPodBeforeDeletingOld();
    void onDeleteReplacesOnlyDeletedPods();
    void failedPodIsReplacedOnItsNode();

private:
    // The set's pods that are not being deleted, as JSON.
    QList<QJsonObject> livePods(const QString &app)
    {
        QList<QJsonObject> pods;
        for (const Object &pod : m_api->list(kPods, kNs, u"app="_qs + app)) {
            if (!pod.isBeingDeleted())
                pods.append(pod.toJson());
        }
        return pods;
    }
    // Node → ready live pods of the set there.
    QHash<QString, int> readyPodsByNode(const QString &app)
    {
        QHash<QString, int> byNode;
        for (const QJsonObject &pod : livePods(app)) {
            if (isReady(pod))
                byNode[pod.value(u"spec").toObject().value(u"nodeName").toString()] += 1;
        }
        return byNode;
    }
    // Every listed node runs exactly one ready pod of the set with image, and no other node runs one.
    bool runsEverywhere(const QString &app, const QStringList &nodes, const QString &image)
    {
        const QList<QJsonObject> pods = livePods(app);
        if (pods.size() != nodes.size())
            return false;
        QSet<QString> seen;
        for (const QJsonObject &pod : pods) {
            const QString node = pod.value(u"spec").toObject().value(u"nodeName").toString();
            if (!nodes.contains(node) || seen.contains(node) || !isReady(pod) || imageOf(pod) != image)
                return false;
            seen.insert(node);
        }
        return true;
    }
    QJsonObject statusOf(const QString &name)
    {
        const auto ds = m_api->get(kDaemonSets, kNs, name);
        return ds ? ds->toJson().value(u"status").toObject() : QJsonObject();
    }
    bool rolledOut(const QString &name, int desired)
    {
        const auto ds = m_api->get(kDaemonSets, kNs, name);
        if (!ds)
            return false;
        const QJsonObject status = ds->toJson().value(u"status").toObject();
        return status.value(u"observedGeneration").toInteger() >= ds->generation()
            && status.value(u"desiredNumberScheduled").toInt() == desired
            && status.value(u"updatedNumberScheduled").toInt() == desired
            && status.value(u"numberAvailable").toInt() == desired;
    }
    QList<Object> revisionsOf(const QString &app)
    {
        return m_api->list(kRevisions, kNs, u"app="_qs + app);
    }
    void setImage(const QString &name, const QString &image)
    {
        const QJsonObject body{{u"spec"_qs, QJsonObject{{u"template"_qs, QJsonObject{{u"spec"_qs, QJsonObject{
            {u"containers"_qs, QJsonArray{QJsonObject{{u"name"_qs, u"agent"_qs}, {u"image"_qs, image}}}}}}}}}}};
        const auto r = m_api->patch(kDaemonSets, kNs, name, PatchType::StrategicMerge, body);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message()));
    }

    ClusterFixture m_fixture;
    RestClient *m_client = nullptr; // m_fixture's
    std::unique_ptr<SyncClient> m_api;
};

void tst_DaemonSetController::initTestCase()
{
    ClusterOptions options;
    options.nodes = 3;
    options.controllers = true;
    const Status started = m_fixture.start(options);
    QVERIFY2(started.isSuccess(), qPrintable(started.message()));
    m_client = m_fixture.client.get();
    m_api = std::make_unique<SyncClient>(m_client);
    QVERIFY2(QTest::qWaitFor([&] { return m_api->list(kNodes, QString()).size() == 3; }, WaitMs), "three nodes did not register");
}

void tst_DaemonSetController::cleanupTestCase()
{
    m_api.reset();
}

void tst_DaemonSetController::onePodPerNode()
{
    QVERIFY(m_api->create(kDaemonSets, kNs, daemonSet(u"agent"_qs, u"nginx:1.25"_qs)).ok());
    QVERIFY2(QTest::qWaitFor([&] { return runsEverywhere(u"agent"_qs, kNodeNames, u"nginx:1.25"_qs); }, WaitMs),
             "not one ready pod per node");
    QVERIFY2(QTest::qWaitFor([&] { return rolledOut(u"agent"_qs, 3); }, WaitMs), "status never showed the rollout done");
    const QJsonObject status = statusOf(u"agent"_qs);
    QCOMPARE(status.value(u"currentNumberScheduled").toInt(), 3);
    QCOMPARE(status.value(u"numberReady").toInt(), 3);
    QCOMPARE(status.value(u"numberMisscheduled").toInt(), 0);

    const QList<Object> revisions = revisionsOf(u"agent"_qs);
    QCOMPARE(revisions.size(), 1);
    QCOMPARE(revisions.first().toJson().value(u"revision").toInteger(), 1);
    const QString hash = revisions.first().labels().value(u"controller-revision-hash");
    QVERIFY(!hash.isEmpty());
    const QString dsUid = m_api->get(kDaemonSets, kNs, u"agent"_qs)->uid();
    for (const QJsonObject &pod : livePods(u"agent"_qs)) {
        const QJsonObject metadata = pod.value(u"metadata").toObject();
        QVERIFY(metadata.value(u"name").toString().startsWith(u"agent-"));
        QCOMPARE(metadata.value(u"labels").toObject().value(u"controller-revision-hash").toString(), hash);
        QVERIFY(metadata.value(u"labels").toObject().contains(u"pod-template-generation"));
        const QJsonObject ref = metadata.value(u"ownerReferences").toArray().first().toObject();
        QCOMPARE(ref.value(u"uid").toString(), dsUid);
        QVERIFY(ref.value(u"controller").toBool());
        // Bound by the scheduler through the affinity that names its node.
        const QJsonObject spec = pod.value(u"spec").toObject();
        const QJsonArray values = spec.value(u"affinity").toObject().value(u"nodeAffinity").toObject()
                                      .value(u"requiredDuringSchedulingIgnoredDuringExecution").toObject()
                                      .value(u"nodeSelectorTerms").toArray().first().toObject()
                                      .value(u"matchFields").toArray().first().toObject().value(u"values").toArray();
        QCOMPARE(values, QJsonArray{spec.value(u"nodeName")});
        bool toleratesCordon = false;
        for (const QJsonValue &t : spec.value(u"tolerations").toArray())
            toleratesCordon = toleratesCordon || t.toObject().value(u"key").toString() == u"node.kubernetes.io/unschedulable";
        QVERIFY(toleratesCordon);
    }
    bool created = false;
    for (const Object &event : m_api->list(kEvents, kNs)) {
        const QJsonObject e = event.toJson();
        if (e.value(u"reason").toString() == u"SuccessfulCreate" && e.value(u"message").toString().startsWith(u"Created pod: agent-")
            && e.value(u"involvedObject").toObject().value(u"kind").toString() == u"DaemonSet")
            created = true;
    }
    QVERIFY2(created, "no SuccessfulCreate event on the DaemonSet");
}

void tst_DaemonSetController::taintedNodeGetsNoPod()
{
    const QJsonObject taint{{u"spec"_qs, QJsonObject{{u"taints"_qs, QJsonArray{QJsonObject{
        {u"key"_qs, u"dedicated"_qs}, {u"value"_qs, u"db"_qs}, {u"effect"_qs, u"NoSchedule"_qs}}}}}}};
    QVERIFY(m_api->patch(kNodes, QString(), u"timonel-node-3"_qs, PatchType::Merge, taint).ok());
    QVERIFY(m_api->create(kDaemonSets, kNs, daemonSet(u"tainted"_qs, u"nginx:1.25"_qs)).ok());
    const QStringList untainted{u"timonel-node-1"_qs, u"timonel-node-2"_qs};
    QVERIFY2(QTest::qWaitFor([&] { return runsEverywhere(u"tainted"_qs, untainted, u"nginx:1.25"_qs) && rolledOut(u"tainted"_qs, 2); }, WaitMs),
             "pods not on exactly the two untainted nodes");
    QTest::qWait(500); // a wrong pod on node 3 would have been created by now
    QVERIFY(runsEverywhere(u"tainted"_qs, untainted, u"nginx:1.25"_qs));
    QCOMPARE(statusOf(u"tainted"_qs).value(u"desiredNumberScheduled").toInt(), 2);

    // The earlier set's pod on node 3 stays: NoSchedule does not evict.
    QVERIFY(runsEverywhere(u"agent"_qs, kNodeNames, u"nginx:1.25"_qs));

    // Untainted, the node gets its pod.
    QVERIFY(m_api->patch(kNodes, QString(), u"timonel-node-3"_qs, PatchType::Merge, QJsonObject{{u"spec"_qs, QJsonObject{{u"taints"_qs, QJsonValue()}}}}).ok());
    QVERIFY2(QTest::qWaitFor([&] { return runsEverywhere(u"tainted"_qs, kNodeNames, u"nginx:1.25"_qs); }, WaitMs),
             "the untainted node got no pod");
}

void tst_DaemonSetController::nodeSelectorFollowsNodeLabels()
{
    const QJsonObject selector{{u"nodeSelector"_qs, QJsonObject{{u"disk"_qs, u"ssd"_qs}}}};
    QVERIFY(m_api->create(kDaemonSets, kNs, daemonSet(u"ssd"_qs, u"nginx:1.25"_qs, selector)).ok());
    QVERIFY2(QTest::qWaitFor([&] { return m_api->get(kDaemonSets, kNs, u"ssd"_qs)->toJson().value(u"status").toObject().value(u"observedGeneration").toInteger() == 1; }, WaitMs),
             "the set was never synced");
    QVERIFY(livePods(u"ssd"_qs).isEmpty());
    QCOMPARE(statusOf(u"ssd"_qs).value(u"desiredNumberScheduled").toInt(), 0);

    const auto label = [&](const QJsonValue &value) {
        return m_api->patch(kNodes, QString(), u"timonel-node-2"_qs, PatchType::Merge,
                     QJsonObject{{u"metadata"_qs, QJsonObject{{u"labels"_qs, QJsonObject{{u"disk"_qs, value}}}}}}).ok();
    };
    QVERIFY(label(u"ssd"_qs));
    QVERIFY2(QTest::qWaitFor([&] { return runsEverywhere(u"ssd"_qs, {u"timonel-node-2"_qs}, u"nginx:1.25"_qs); }, WaitMs),
             "the labelled node got no pod");
    QVERIFY(label(QJsonValue()));
    QVERIFY2(QTest::qWaitFor([&] { return livePods(u"ssd"_qs).isEmpty(); }, WaitMs), "the pod stayed on a node that no longer matches");
    QVERIFY2(QTest::qWaitFor([&] { return statusOf(u"ssd"_qs).value(u"desiredNumberScheduled").toInt() == 0
                                          && statusOf(u"ssd"_qs).value(u"numberMisscheduled").toInt() == 0; }, WaitMs),
             "status still counts the removed pod");
}

void tst_DaemonSetController::rollingUpdateKeepsWithinMaxUnavailable()
{
    QVERIFY(rolledOut(u"agent"_qs, 3));
    const QString oldHash = revisionsOf(u"agent"_qs).first().labels().value(u"controller-revision-hash");
    QVERIFY(m_api->patch(kDaemonSets, kNs, u"agent"_qs, PatchType::Merge,
                  QJsonObject{{u"metadata"_qs, QJsonObject{{u"annotations"_qs, QJsonObject{{u"kubernetes.io/change-cause"_qs, u"to 1.26"_qs}}}}}}).ok());
    setImage(u"agent"_qs, u"nginx:1.26"_qs);

    // Sample while it rolls: never more than maxUnavailable (1) node without a ready pod.
    int worst = 0;
    QVERIFY2(QTest::qWaitFor([&] {
        const QHash<QString, int> ready = readyPodsByNode(u"agent"_qs);
        int down = 0;
        for (const QString &node : kNodeNames)
            down += ready.value(node) == 0 ? 1 : 0;
        worst = std::max(worst, down);
        return runsEverywhere(u"agent"_qs, kNodeNames, u"nginx:1.26"_qs) && rolledOut(u"agent"_qs, 3);
    }, WaitMs), "the rolling update did not complete");
    QVERIFY2(worst <= 1, qPrintable(u"%1 nodes were down at once"_qs.arg(worst)));
    QCOMPARE(worst, 1); // and it did take pods down one at a time

    const QList<Object> revisions = revisionsOf(u"agent"_qs);
    QCOMPARE(revisions.size(), 2);
    const QString newHash = [&] {
        for (const Object &r : revisions) {
            if (r.toJson().value(u"revision").toInteger() == 2)
                return r.labels().value(u"controller-revision-hash");
        }
        return QString();
    }();
    QVERIFY(!newHash.isEmpty() && newHash != oldHash);
    for (const Object &r : revisions) {
        if (r.toJson().value(u"revision").toInteger() == 2)
            QCOMPARE(r.annotations().value(u"kubernetes.io/change-cause"), u"to 1.26"_qs);
    }
    for (const QJsonObject &pod : livePods(u"agent"_qs))
        QCOMPARE(pod.value(u"metadata").toObject().value(u"labels").toObject().value(u"controller-revision-hash").toString(), newHash);
}

void tst_DaemonSetController::undoRestoresRevisionOne()
{
    // kubectl rollout undo --to-revision=1: the revision's data is the strategic merge patch.
    QJsonObject revisionOne;
    for (const Object &r : revisionsOf(u"agent"_qs)) {
        if (r.toJson().value(u"revision").toInteger() == 1)
            revisionOne = r.toJson();
    }
    QVERIFY(!revisionOne.isEmpty());
    const QString oldName = revisionOne.value(u"metadata").toObject().value(u"name").toString();
    QVERIFY(m_api->patch(kDaemonSets, kNs, u"agent"_qs, PatchType::StrategicMerge, revisionOne.value(u"data").toObject()).ok());
    const QString image = m_api->get(kDaemonSets, kNs, u"agent"_qs)->toJson().value(u"spec").toObject().value(u"template").toObject()
                              .value(u"spec").toObject().value(u"containers").toArray().first().toObject().value(u"image").toString();
    QCOMPARE(image, u"nginx:1.25"_qs);

    QVERIFY2(QTest::qWaitFor([&] { return runsEverywhere(u"agent"_qs, kNodeNames, u"nginx:1.25"_qs) && rolledOut(u"agent"_qs, 3); }, WaitMs),
             "the undo did not roll out");
    // The old revision was reused and renumbered, not copied.
    QVERIFY2(QTest::qWaitFor([&] {
        const QList<Object> revisions = revisionsOf(u"agent"_qs);
        if (revisions.size() != 2)
            return false;
        for (const Object &r : revisions) {
            if (r.name() == oldName)
                return r.toJson().value(u"revision").toInteger() == 3;
        }
        return false;
    }, WaitMs), "revision 1 was not renumbered to 3");
    const QString hash = m_api->get(kRevisions, kNs, oldName)->labels().value(u"controller-revision-hash");
    for (const QJsonObject &pod : livePods(u"agent"_qs))
        QCOMPARE(pod.value(u"metadata").toObject().value(u"labels").toObject().value(u"controller-revision-hash").toString(), hash);
}

void tst_DaemonSetController::surgeStartsNewPodBeforeDeletingOld()
{
    const QJsonObject strategy{{u"type"_qs, u"RollingUpdate"_qs},
                               {u"rollingUpdate"_qs, QJsonObject{{u"maxUnavailable"_qs, 0}, {u"maxSurge"_qs, 1}}}};
    QVERIFY(m_api->create(kDaemonSets, kNs, daemonSet(u"surge"_qs, u"nginx:1.25"_qs, {}, strategy)).ok());
    QVERIFY2(QTest::qWaitFor([&] { return runsEverywhere(u"surge"_qs, kNodeNames, u"nginx:1.25"_qs) && rolledOut(u"surge"_qs, 3); }, WaitMs),
             "not one ready pod per node");
    setImage(u"surge"_qs, u"nginx:1.26"_qs);
    int worstDown = 0;
    int mostOnOneNode = 0;
    QVERIFY2(QTest::qWaitFor([&] {
        QHash<QString, int> onNode;
        for (const QJsonObject &pod : livePods(u"surge"_qs))
            onNode[pod.value(u"spec").toObject().value(u"nodeName").toString()] += 1;
        for (int n : std::as_const(onNode))
            mostOnOneNode = std::max(mostOnOneNode, n);
        const QHash<QString, int> ready = readyPodsByNode(u"surge"_qs);
        int down = 0;
        for (const QString &node : kNodeNames)
            down += ready.value(node) == 0 ? 1 : 0;
        worstDown = std::max(worstDown, down);
        return runsEverywhere(u"surge"_qs, kNodeNames, u"nginx:1.26"_qs) && rolledOut(u"surge"_qs, 3);
    }, WaitMs), "the surge update did not complete");
    QCOMPARE(worstDown, 0);
    QCOMPARE(mostOnOneNode, 2);
}

void tst_DaemonSetController::onDeleteReplacesOnlyDeletedPods()
{
    QVERIFY(m_api->create(kDaemonSets, kNs, daemonSet(u"manual"_qs, u"nginx:1.25"_qs, {}, QJsonObject{{u"type"_qs, u"OnDelete"_qs}})).ok());
    QVERIFY2(QTest::qWaitFor([&] { return runsEverywhere(u"manual"_qs, kNodeNames, u"nginx:1.25"_qs); }, WaitMs),
             "not one ready pod per node");
    setImage(u"manual"_qs, u"nginx:1.26"_qs);
    QVERIFY2(QTest::qWaitFor([&] {
        const auto ds = m_api->get(kDaemonSets, kNs, u"manual"_qs);
        return ds && ds->toJson().value(u"status").toObject().value(u"observedGeneration").toInteger() == ds->generation()
            && revisionsOf(u"manual"_qs).size() == 2;
    }, WaitMs), "the new template was not observed");
    QTest::qWait(1000); // a rolling update would have started by now
    QVERIFY(runsEverywhere(u"manual"_qs, kNodeNames, u"nginx:1.25"_qs));
    QCOMPARE(statusOf(u"manual"_qs).value(u"updatedNumberScheduled").toInt(), 0);

    const QJsonObject victim = livePods(u"manual"_qs).first();
    const QString victimName = victim.value(u"metadata").toObject().value(u"name").toString();
    const QString node = victim.value(u"spec").toObject().value(u"nodeName").toString();
    auto removed = awaitResult<Expected<Object>>([&](RestClient::ObjectCallback cb) { m_client->remove({kPods, kNs, victimName, QString()}, cb); });
    QVERIFY(removed && removed->ok());
    QVERIFY2(QTest::qWaitFor([&] {
        QHash<QString, QString> imageByNode;
        for (const QJsonObject &pod : livePods(u"manual"_qs)) {
            if (!isReady(pod) || pod.value(u"metadata").toObject().value(u"name").toString() == victimName)
                return false;
            imageByNode.insert(pod.value(u"spec").toObject().value(u"nodeName").toString(), imageOf(pod));
        }
        if (imageByNode.size() != 3)
            return false;
        for (const QString &n : kNodeNames) {
            if (imageByNode.value(n) != (n == node ? u"nginx:1.26"_qs : u"nginx:1.25"_qs))
                return false;
        }
        return true;
    }, WaitMs), "the deleted pod's replacement did not get the new template, or others changed");
    QVERIFY2(QTest::qWaitFor([&] { return statusOf(u"manual"_qs).value(u"updatedNumberScheduled").toInt() == 1; }, WaitMs),
             "updatedNumberScheduled is not 1");
}

void tst_DaemonSetController::failedPodIsReplacedOnItsNode()
{
    QVERIFY(runsEverywhere(u"agent"_qs, kNodeNames, u"nginx:1.25"_qs));
    const QList<QJsonObject> pods = livePods(u"agent"_qs);
    const QJsonObject victim = pods.first();
    const QString victimName = victim.value(u"metadata").toObject().value(u"name").toString();
    const QString node = victim.value(u"spec").toObject().value(u"nodeName").toString();
    QJsonObject failed = victim;
    QJsonObject status = failed.value(u"status").toObject();
    status.insert(u"phase", u"Failed"_qs);
    status.insert(u"conditions", QJsonArray{});
    failed.insert(u"status", status);
    auto r = awaitResult<Expected<Object>>([&](RestClient::ObjectCallback cb) {
        m_client->update({kPods, kNs, victimName, u"status"_qs}, Object::fromJson(failed), cb);
    });
    QVERIFY(r && r->ok());
    QVERIFY2(QTest::qWaitFor([&] {
        for (const QJsonObject &pod : livePods(u"agent"_qs)) {
            if (pod.value(u"metadata").toObject().value(u"name").toString() == victimName)
                return false;
        }
        return runsEverywhere(u"agent"_qs, kNodeNames, u"nginx:1.25"_qs);
    }, WaitMs), "the failed pod was not replaced");
    QVERIFY(readyPodsByNode(u"agent"_qs).value(node) == 1);
    bool warned = false;
    for (const Object &event : m_api->list(kEvents, kNs)) {
        const QJsonObject e = event.toJson();
        warned = warned || (e.value(u"reason").toString() == u"FailedDaemonPod" && e.value(u"message").toString().contains(victimName));
    }
    QVERIFY(warned);
}

QTEST_GUILESS_MAIN(tst_DaemonSetController)
#include "tst_daemonsetcontroller.moc"
