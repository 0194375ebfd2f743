// The status of a DaemonSet (kube/controllers/daemonset/daemonsetstatus): desired, current and
// misscheduled nodes; ready, available, unavailable and updated counts judged by each node's
// oldest pod; observedGeneration only when asked; zero optional counts left out.
#include "kube/controllers/daemonset/daemonsetstatus.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace kube;

namespace {

const QDateTime Now = QDateTime::fromString(u"2026-01-01T01:00:00Z"_qs, Qt::ISODate);

DaemonSetInfo daemonSet(int minReadySeconds, const QJsonObject &status = {})
{
    return DaemonSetInfo::from(Object::fromJson(QJsonObject{
        {u"apiVersion"_qs, u"apps/v1"_qs}, {u"kind"_qs, u"DaemonSet"_qs},
        {u"metadata"_qs, QJsonObject{{u"name"_qs, u"agent"_qs}, {u"namespace"_qs, u"default"_qs}, {u"uid"_qs, u"u1"_qs}, {u"generation"_qs, 4}}},
        {u"spec"_qs, QJsonObject{
            {u"selector"_qs, QJsonObject{{u"matchLabels"_qs, QJsonObject{{u"app"_qs, u"agent"_qs}}}}},
            {u"minReadySeconds"_qs, minReadySeconds},
            {u"template"_qs, QJsonObject{
                {u"metadata"_qs, QJsonObject{{u"labels"_qs, QJsonObject{{u"app"_qs, u"agent"_qs}}}}},
                {u"spec"_qs, QJsonObject{{u"nodeSelector"_qs, QJsonObject{{u"daemon"_qs, u"yes"_qs}}},
                                         {u"containers"_qs, QJsonArray{QJsonObject{{u"name"_qs, u"a"_qs}, {u"image"_qs, u"a"_qs}}}}}}}}}},
        {u"status"_qs, status}}));
}

PodInfo pod(const QString &name, const QString &node, const QString &hash, bool ready, int readyForSeconds, int createdAgo)
{
    QJsonObject status{{u"phase"_qs, u"Running"_qs}};
    if (ready)
        status.insert(u"conditions", QJsonArray{QJsonObject{{u"type"_qs, u"Ready"_qs}, {u"status"_qs, u"True"_qs},
                                                            {u"lastTransitionTime"_qs, Now.addSecs(-readyForSeconds).toString(Qt::ISODate)}}});
    return PodInfo::from(Object::fromJson(QJsonObject{
        {u"apiVersion"_qs, u"v1"_qs}, {u"kind"_qs, u"Pod"_qs},
        {u"metadata"_qs, QJsonObject{{u"name"_qs, name}, {u"creationTimestamp"_qs, Now.addSecs(-createdAgo).toString(Qt::ISODate)},
                                     {u"labels"_qs, QJsonObject{{u"controller-revision-hash"_qs, hash}}}}},
        {u"spec"_qs, QJsonObject{{u"nodeName"_qs, node}}}, {u"status"_qs, status}}));
}

DaemonNode node(const QString &name, bool eligible)
{
    return {name, eligible ? Labels{{u"daemon"_qs, u"yes"_qs}} : Labels{}, {}};
}

} // namespace

class tst_DaemonSetStatus : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void countsNodesAndPods();
    void zeroCountsAreLeftOut();
};

void tst_DaemonSetStatus::countsNodesAndPods()
{
    const DaemonSetInfo ds = daemonSet(30, {{u"collisionCount"_qs, 1}, {u"observedGeneration"_qs, 3}});
    const QList<DaemonNode> nodes{node(u"a"_qs, true), node(u"b"_qs, true), node(u"c"_qs, true), node(u"d"_qs, true),
                                  node(u"x"_qs, false)};
    NodeToDaemonPods pods;
    pods[u"a"_qs] = {pod(u"a1"_qs, u"a"_qs, u"new"_qs, true, 60, 100)};   // ready, available, updated
    pods[u"b"_qs] = {pod(u"b1"_qs, u"b"_qs, u"old"_qs, true, 10, 100)};   // ready, not yet available, old
    // c: the oldest pod decides — old and not ready, though a newer one is ready and new.
    pods[u"c"_qs] = {pod(u"c2"_qs, u"c"_qs, u"new"_qs, true, 60, 50), pod(u"c1"_qs, u"c"_qs, u"old"_qs, false, 0, 100)};
    // d: none yet. x: should not run one, has one.
    pods[u"x"_qs] = {pod(u"x1"_qs, u"x"_qs, u"new"_qs, true, 60, 100)};
    pods[u"gone"_qs] = {pod(u"g1"_qs, u"gone"_qs, u"new"_qs, true, 60, 100)}; // not a node: not counted

    QJsonObject status = calculateDaemonSetStatus(ds, nodes, pods, u"new"_qs, true, Now);
    QCOMPARE(status.value(u"desiredNumberScheduled").toInt(), 4);
    QCOMPARE(status.value(u"currentNumberScheduled").toInt(), 3);
    QCOMPARE(status.value(u"numberMisscheduled").toInt(), 1);
    QCOMPARE(status.value(u"numberReady").toInt(), 2);
    QCOMPARE(status.value(u"numberAvailable").toInt(), 1);
    QCOMPARE(status.value(u"numberUnavailable").toInt(), 3);
    QCOMPARE(status.value(u"updatedNumberScheduled").toInt(), 1);
    QCOMPARE(status.value(u"observedGeneration").toInteger(), 4);
    QCOMPARE(status.value(u"collisionCount").toInt(), 1); // kept

    // Not observing: the old generation stays.
    status = calculateDaemonSetStatus(ds, nodes, pods, u"new"_qs, false, Now);
    QCOMPARE(status.value(u"observedGeneration").toInteger(), 3);
}

void tst_DaemonSetStatus::zeroCountsAreLeftOut()
{
    const DaemonSetInfo ds = daemonSet(0, {{u"numberAvailable"_qs, 2}, {u"updatedNumberScheduled"_qs, 2}});
    const QJsonObject status = calculateDaemonSetStatus(ds, {node(u"x"_qs, false)}, {}, u"h"_qs, true, Now);
    QCOMPARE(status.value(u"desiredNumberScheduled").toInt(), 0);
    QVERIFY(status.contains(u"currentNumberScheduled"));
    QVERIFY(status.contains(u"numberMisscheduled"));
    QVERIFY(status.contains(u"numberReady"));
    QVERIFY(!status.contains(u"numberAvailable"));
    QVERIFY(!status.contains(u"numberUnavailable"));
    QVERIFY(!status.contains(u"updatedNumberScheduled"));
}

QTEST_GUILESS_MAIN(tst_DaemonSetStatus)
#include "tst_daemonsetstatus.moc"
