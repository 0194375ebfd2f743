// The decisions of a DaemonSet sync (kube/controllers/daemonset/daemonsetplan): which nodes get
// a pod and which pods go (manage), which old pods a RollingUpdate replaces within
// maxUnavailable or maxSurge, and the failed-pod back-off.
#include "kube/controllers/daemonset/daemonsetplan.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace kube;

namespace {

const QDateTime Now = QDateTime::fromString(u"2026-01-01T01:00:00Z"_qs, Qt::ISODate);

DaemonSetInfo daemonSet(const QJsonObject &strategy = {}, int minReadySeconds = 0, const QJsonObject &nodeSelector = {})
{
    QJsonObject podSpec{{u"containers"_qs, QJsonArray{QJsonObject{{u"name"_qs, u"agent"_qs}, {u"image"_qs, u"agent:2"_qs}}}}};
    if (!nodeSelector.isEmpty())
        podSpec.insert(u"nodeSelector", nodeSelector);
    QJsonObject spec{
        {u"selector"_qs, QJsonObject{{u"matchLabels"_qs, QJsonObject{{u"app"_qs, u"agent"_qs}}}}},
        {u"template"_qs, QJsonObject{{u"metadata"_qs, QJsonObject{{u"labels"_qs, QJsonObject{{u"app"_qs, u"agent"_qs}}}}},
                                     {u"spec"_qs, podSpec}}},
        {u"minReadySeconds"_qs, minReadySeconds},
    };
    if (!strategy.isEmpty())
        spec.insert(u"updateStrategy", strategy);
    return DaemonSetInfo::from(Object::fromJson(QJsonObject{
        {u"apiVersion"_qs, u"apps/v1"_qs}, {u"kind"_qs, u"DaemonSet"_qs},
        {u"metadata"_qs, QJsonObject{{u"name"_qs, u"agent"_qs}, {u"namespace"_qs, u"default"_qs}, {u"uid"_qs, u"u1"_qs}}},
        {u"spec"_qs, spec}}));
}

QJsonObject rolling(const QJsonValue &maxUnavailable, const QJsonValue &maxSurge)
{
    return {{u"type"_qs, u"RollingUpdate"_qs},
            {u"rollingUpdate"_qs, QJsonObject{{u"maxUnavailable"_qs, maxUnavailable}, {u"maxSurge"_qs, maxSurge}}}};
}

enum class State { Pending, Running, Ready, Failed, Succeeded, Deleting };

// A daemon pod on node, "new" (current hash) or "old", created secondsAgo, ready for as long.
PodInfo pod(const QString &name, const QString &node, const QString &hash, State state, int secondsAgo = 600)
{
    QJsonObject metadata{{u"name"_qs, name}, {u"namespace"_qs, u"default"_qs},
                         {u"creationTimestamp"_qs, Now.addSecs(-secondsAgo).toString(Qt::ISODate)},
                         {u"labels"_qs, QJsonObject{{u"app"_qs, u"agent"_qs}, {u"controller-revision-hash"_qs, hash}}}};
    if (state == State::Deleting)
        metadata.insert(u"deletionTimestamp", Now.toString(Qt::ISODate));
    QJsonObject status;
    switch (state) {
    case State::Pending: status.insert(u"phase", u"Pending"_qs); break;
    case State::Failed: status.insert(u"phase", u"Failed"_qs); break;
    case State::Succeeded: status.insert(u"phase", u"Succeeded"_qs); break;
    case State::Running: status.insert(u"phase", u"Running"_qs); break;
    case State::Ready:
    case State::Deleting:
        status.insert(u"phase", u"Running"_qs);
        status.insert(u"conditions", QJsonArray{QJsonObject{{u"type"_qs, u"Ready"_qs}, {u"status"_qs, u"True"_qs},
                                                            {u"lastTransitionTime"_qs, Now.addSecs(-secondsAgo).toString(Qt::ISODate)}}});
        break;
    }
    return PodInfo::from(Object::fromJson(QJsonObject{{u"apiVersion"_qs, u"v1"_qs}, {u"kind"_qs, u"Pod"_qs}, {u"metadata"_qs, metadata},
                                                      {u"spec"_qs, QJsonObject{{u"nodeName"_qs, node}}}, {u"status"_qs, status}}));
}

QList<DaemonNode> nodes(int count)
{
    QList<DaemonNode> out;
    for (int i = 1; i <= count; ++i)
        out.append({u"n"_qs + QString::number(i), {}, {}});
    return out;
}

// Every node of count with one old ready pod "old-<node>".
NodeToDaemonPods oldEverywhere(int count)
{
    NodeToDaemonPods pods;
    for (int i = 1; i <= count; ++i) {
        const QString node = u"n"_qs + QString::number(i);
        pods[node] = {pod(u"old-"_qs + node, node, u"old"_qs, State::Ready)};
    }
    return pods;
}

} // namespace

class tst_DaemonSetPlan : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void manageCreatesOnNodesWithoutPods();
    void manageDeletesWhereNotWanted();
    void manageReplacesFinishedPods();
    void manageKeepsOldestOfSeveral();
    void manageWithSurgeKeepsOldUntilNewAvailable();
    void rollingWithoutSurge_data();
    void rollingWithoutSurge();
    void rollingWithSurge();
    void rollingWithSurgeDeletesOldOnceNewAvailable();
    void failedPodBackoff();
};

void tst_DaemonSetPlan::manageCreatesOnNodesWithoutPods()
{
    NodeToDaemonPods pods;
    pods[u"n2"_qs] = {pod(u"a"_qs, u"n2"_qs, u"h"_qs, State::Ready)};
    const ManagePlan plan = planManage(daemonSet(), nodes(3), pods, u"h"_qs, Now);
    QCOMPARE(plan.nodesNeedingPods, (QStringList{u"n1"_qs, u"n3"_qs}));
    QVERIFY(plan.podsToDelete.isEmpty());
    QVERIFY(plan.failedPods.isEmpty());
}

void tst_DaemonSetPlan::manageDeletesWhereNotWanted()
{
    const DaemonSetInfo ds = daemonSet({}, 0, {{u"role"_qs, u"edge"_qs}});
    QList<DaemonNode> cluster{{u"edge"_qs, {{u"role"_qs, u"edge"_qs}}, {}}, {u"core"_qs, {}, {}}};
    NodeToDaemonPods pods;
    pods[u"core"_qs] = {pod(u"misplaced"_qs, u"core"_qs, u"h"_qs, State::Ready),
                        pod(u"leaving"_qs, u"core"_qs, u"h"_qs, State::Deleting)};
    pods[u"gone"_qs] = {pod(u"orphaned"_qs, u"gone"_qs, u"h"_qs, State::Ready)}; // its node was deleted
    const ManagePlan plan = planManage(ds, cluster, pods, u"h"_qs, Now);
    QCOMPARE(plan.nodesNeedingPods, QStringList{u"edge"_qs});
    QCOMPARE(plan.podsToDelete, (QStringList{u"misplaced"_qs, u"orphaned"_qs}));
}

void tst_DaemonSetPlan::manageReplacesFinishedPods()
{
    NodeToDaemonPods pods;
    pods[u"n1"_qs] = {pod(u"crashed"_qs, u"n1"_qs, u"h"_qs, State::Failed)};
    pods[u"n2"_qs] = {pod(u"done"_qs, u"n2"_qs, u"h"_qs, State::Succeeded)};
    const ManagePlan plan = planManage(daemonSet(), nodes(2), pods, u"h"_qs, Now);
    QCOMPARE(plan.failedPods.size(), 1);
    QCOMPARE(plan.failedPods.first().name, u"crashed"_qs);
    QCOMPARE(plan.failedPods.first().node, u"n1"_qs);
    QCOMPARE(plan.podsToDelete, QStringList{u"done"_qs});
    // Without surge the replacement waits until the finished pod is gone.
    QVERIFY(plan.nodesNeedingPods.isEmpty());

    // With surge it starts at once.
    const ManagePlan surging = planManage(daemonSet(rolling(0, 1)), nodes(2), pods, u"h"_qs, Now);
    QCOMPARE(surging.nodesNeedingPods, (QStringList{u"n1"_qs, u"n2"_qs}));
}

void tst_DaemonSetPlan::manageKeepsOldestOfSeveral()
{
    NodeToDaemonPods pods;
    pods[u"n1"_qs] = {pod(u"newest"_qs, u"n1"_qs, u"h"_qs, State::Ready, 10),
                      pod(u"oldest"_qs, u"n1"_qs, u"h"_qs, State::Ready, 900),
                      pod(u"middle"_qs, u"n1"_qs, u"h"_qs, State::Pending, 300)};
    const ManagePlan plan = planManage(daemonSet(), nodes(1), pods, u"h"_qs, Now);
    QCOMPARE(plan.podsToDelete, (QStringList{u"middle"_qs, u"newest"_qs}));
    QVERIFY(plan.nodesNeedingPods.isEmpty());
}

void tst_DaemonSetPlan::manageWithSurgeKeepsOldUntilNewAvailable()
{
    const DaemonSetInfo ds = daemonSet(rolling(0, 1), 30);
    NodeToDaemonPods pods;
    // n1: the new pod is ready but not yet for minReadySeconds: both stay.
    pods[u"n1"_qs] = {pod(u"old1"_qs, u"n1"_qs, u"old"_qs, State::Ready, 900), pod(u"new1"_qs, u"n1"_qs, u"h"_qs, State::Ready, 10)};
    // n2: the new pod is available: the old one goes.
    pods[u"n2"_qs] = {pod(u"old2"_qs, u"n2"_qs, u"old"_qs, State::Ready, 900), pod(u"new2"_qs, u"n2"_qs, u"h"_qs, State::Ready, 60)};
    // n3: the old pod is not ready: it goes at once; a third pod is excess.
    pods[u"n3"_qs] = {pod(u"old3"_qs, u"n3"_qs, u"old"_qs, State::Running, 900), pod(u"new3"_qs, u"n3"_qs, u"h"_qs, State::Pending, 5),
                      pod(u"new3b"_qs, u"n3"_qs, u"h"_qs, State::Pending, 4)};
    const ManagePlan plan = planManage(ds, nodes(3), pods, u"h"_qs, Now);
    QCOMPARE(plan.podsToDelete, (QStringList{u"old2"_qs, u"new3b"_qs, u"old3"_qs}));
    QVERIFY(plan.nodesNeedingPods.isEmpty());
}

void tst_DaemonSetPlan::rollingWithoutSurge_data()
{
    QTest::addColumn<QJsonObject>("strategy");
    QTest::addColumn<NodeToDaemonPods>("pods");
    QTest::addColumn<QStringList>("deleted");

    QTest::newRow("max-unavailable-1-deletes-one") << rolling(1, 0) << oldEverywhere(4) << QStringList{u"old-n1"_qs};
    QTest::newRow("max-unavailable-2-deletes-two") << rolling(2, 0) << oldEverywhere(4) << QStringList{u"old-n1"_qs, u"old-n2"_qs};
    QTest::newRow("percent-rounds-up") << rolling(u"30%"_qs, 0) << oldEverywhere(4) << QStringList{u"old-n1"_qs, u"old-n2"_qs};

    NodeToDaemonPods oneNewUnavailable = oldEverywhere(4);
    oneNewUnavailable[u"n1"_qs] = {pod(u"new-n1"_qs, u"n1"_qs, u"h"_qs, State::Pending)};
    QTest::newRow("new-pod-not-ready-uses-the-budget") << rolling(1, 0) << oneNewUnavailable << QStringList{};

    NodeToDaemonPods oneNewReady = oldEverywhere(4);
    oneNewReady[u"n1"_qs] = {pod(u"new-n1"_qs, u"n1"_qs, u"h"_qs, State::Ready)};
    QTest::newRow("new-pod-ready-next-one") << rolling(1, 0) << oneNewReady << QStringList{u"old-n2"_qs};

    NodeToDaemonPods missing = oldEverywhere(4);
    missing.remove(u"n1"_qs); // being replaced: nothing there yet
    QTest::newRow("node-without-pod-counts-unavailable") << rolling(1, 0) << missing << QStringList{};

    NodeToDaemonPods oldBroken = oldEverywhere(4);
    oldBroken[u"n3"_qs] = {pod(u"old-n3"_qs, u"n3"_qs, u"old"_qs, State::Running)};
    oldBroken[u"n4"_qs] = {pod(u"old-n4"_qs, u"n4"_qs, u"old"_qs, State::Running)};
    QTest::newRow("unavailable-old-pods-always-replaced") << rolling(1, 0) << oldBroken << QStringList{u"old-n3"_qs, u"old-n4"_qs};

    NodeToDaemonPods updated;
    for (int i = 1; i <= 4; ++i)
        updated[u"n"_qs + QString::number(i)] = {pod(u"new"_qs + QString::number(i), u"n"_qs + QString::number(i), u"h"_qs, State::Ready)};
    QTest::newRow("all-updated-nothing-to-do") << rolling(1, 0) << updated << QStringList{};
}

void tst_DaemonSetPlan::rollingWithoutSurge()
{
    QFETCH(QJsonObject, strategy);
    QFETCH(NodeToDaemonPods, pods);
    QFETCH(QStringList, deleted);
    const RollingPlan plan = planRollingUpdate(daemonSet(strategy), nodes(4), pods, u"h"_qs, Now);
    QCOMPARE(plan.podsToDelete, deleted);
    QVERIFY(plan.nodesToCreate.isEmpty());
}

void tst_DaemonSetPlan::rollingWithSurge()
{
    // maxSurge 1: one new pod at a time next to an old one, no deletion until it is available.
    const DaemonSetInfo ds = daemonSet(rolling(0, 1));
    RollingPlan plan = planRollingUpdate(ds, nodes(3), oldEverywhere(3), u"h"_qs, Now);
    QCOMPARE(plan.nodesToCreate, QStringList{u"n1"_qs});
    QVERIFY(plan.podsToDelete.isEmpty());

    NodeToDaemonPods surging = oldEverywhere(3);
    surging[u"n1"_qs].append(pod(u"new-n1"_qs, u"n1"_qs, u"h"_qs, State::Pending));
    plan = planRollingUpdate(ds, nodes(3), surging, u"h"_qs, Now);
    QVERIFY(plan.nodesToCreate.isEmpty());
    QVERIFY(plan.podsToDelete.isEmpty());

    // An old pod that is down gets its replacement beside it regardless of the budget.
    surging[u"n3"_qs] = {pod(u"old-n3"_qs, u"n3"_qs, u"old"_qs, State::Running)};
    plan = planRollingUpdate(ds, nodes(3), surging, u"h"_qs, Now);
    QCOMPARE(plan.nodesToCreate, QStringList{u"n3"_qs});
}

void tst_DaemonSetPlan::rollingWithSurgeDeletesOldOnceNewAvailable()
{
    const DaemonSetInfo ds = daemonSet(rolling(0, 1));
    NodeToDaemonPods pods = oldEverywhere(3);
    pods[u"n1"_qs].append(pod(u"new-n1"_qs, u"n1"_qs, u"h"_qs, State::Ready));
    const RollingPlan plan = planRollingUpdate(ds, nodes(3), pods, u"h"_qs, Now);
    QCOMPARE(plan.podsToDelete, QStringList{u"old-n1"_qs});
    QCOMPARE(plan.nodesToCreate, QStringList{u"n2"_qs}); // the freed surge goes to the next node
}

void tst_DaemonSetPlan::failedPodBackoff()
{
    FailedPodBackoff backoff;
    QVERIFY(!backoff.inBackoff(u"k"_qs, Now));
    backoff.next(u"k"_qs, Now);
    QVERIFY(backoff.inBackoff(u"k"_qs, Now.addMSecs(999)));
    QCOMPARE(backoff.remainingMs(u"k"_qs, Now.addMSecs(400)), 600);
    QVERIFY(!backoff.inBackoff(u"k"_qs, Now.addMSecs(1000)));
    QVERIFY(!backoff.inBackoff(u"other"_qs, Now));

    backoff.next(u"k"_qs, Now.addSecs(1));
    QCOMPARE(backoff.remainingMs(u"k"_qs, Now.addSecs(1)), 2000); // doubled
    backoff.next(u"k"_qs, Now.addSecs(3));
    QCOMPARE(backoff.remainingMs(u"k"_qs, Now.addSecs(3)), 4000);
    for (int i = 0; i < 20; ++i)
        backoff.next(u"k"_qs, Now.addSecs(10 + i));
    QCOMPARE(backoff.remainingMs(u"k"_qs, Now.addSecs(29)), FailedPodBackoff::MaxMs); // capped

    // After a quiet period of twice the maximum it starts over, and is collected.
    const QDateTime later = Now.addSecs(29).addMSecs(2 * FailedPodBackoff::MaxMs + 1);
    backoff.next(u"k"_qs, later);
    QCOMPARE(backoff.remainingMs(u"k"_qs, later), FailedPodBackoff::InitialMs);
    backoff.collect(later.addMSecs(2 * FailedPodBackoff::MaxMs + 1));
    QVERIFY(!backoff.inBackoff(u"k"_qs, later));
}

QTEST_GUILESS_MAIN(tst_DaemonSetPlan)
#include "tst_daemonsetplan.moc"
