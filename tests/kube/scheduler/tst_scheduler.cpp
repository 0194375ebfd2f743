// End to end over the cache: which node a pod lands on, or the exact FailedScheduling text; the
// spreading of replicas; assumed pods taking capacity; the Binding.
#include "kube/scheduler/binding.h"
#include "kube/scheduler/scheduler.h"
#include "schedulerfixtures.h"

#include <QtTest>

using namespace kube;
using namespace kube::scheduler;
using namespace fixtures;

class tst_Scheduler : public QObject
{
    Q_OBJECT
private slots:
    void schedule_data();
    void schedule();
    void spreadsReplicas_data();
    void spreadsReplicas();
    void assumedPodsTakeCapacity();
    void nodeRemovalFreesCapacity();
    void tiesFollowTheSeed();
    void noNodes();
    void binding();
};

namespace {

void load(SchedulerCache &cache, const QJsonArray &nodes, const QJsonArray &pods)
{
    for (const QJsonValue &n : nodes)
        cache.addNode(Object::fromJson(n.toObject()));
    for (const QJsonValue &p : pods)
        cache.addPod(Object::fromJson(p.toObject()));
}

QJsonObject zoneAffinityPreferring(const QString &zone)
{
    const QJsonObject term{{u"weight"_qs, 50}, {u"preference"_qs, QJsonObject{{u"matchExpressions"_qs, QJsonArray{expression(u"zone"_qs, u"In"_qs, {zone})}}}}};
    return QJsonObject{{u"nodeAffinity"_qs, QJsonObject{{u"preferredDuringSchedulingIgnoredDuringExecution"_qs, QJsonArray{term}}}}};
}

} // namespace

void tst_Scheduler::schedule_data()
{
    QTest::addColumn<QJsonArray>("nodes");
    QTest::addColumn<QJsonArray>("pods"); // already bound
    QTest::addColumn<QJsonObject>("pod");
    QTest::addColumn<QString>("node");    // expected node, or empty
    QTest::addColumn<QString>("message"); // expected FailedScheduling text when no node

    const QJsonObject a = NodeFixture{.name = u"node-a"_qs}.json();
    const QJsonObject b = NodeFixture{.name = u"node-b"_qs}.json();
    const QJsonObject c = NodeFixture{.name = u"node-c"_qs}.json();
    const QJsonObject pending = PodFixture{.cpu = u"100m"_qs}.json();
    const QJsonObject cordonedA = NodeFixture{.name = u"node-a"_qs, .unschedulable = true}.json();

    QTest::newRow("single-node") << QJsonArray{a} << QJsonArray{} << pending << u"node-a"_qs << QString();
    QTest::newRow("cordoned-node-skipped") << QJsonArray{cordonedA, b} << QJsonArray{} << pending << u"node-b"_qs << QString();
    QTest::newRow("tolerated-taint")
        << QJsonArray{NodeFixture{.name = u"node-a"_qs, .taints = {taint(u"dedicated"_qs, u"db"_qs, u"NoSchedule"_qs)}}.json(),
                      NodeFixture{.name = u"node-b"_qs, .unschedulable = true}.json()}
        << QJsonArray{} << PodFixture{.cpu = u"100m"_qs, .tolerations = {toleration(u"dedicated"_qs, u"Equal"_qs, u"db"_qs, u"NoSchedule"_qs)}}.json()
        << u"node-a"_qs << QString();
    const QJsonObject softA = NodeFixture{.name = u"node-a"_qs, .taints = {taint(u"soft"_qs, {}, u"PreferNoSchedule"_qs)}}.json();
    QTest::newRow("prefer-no-schedule-avoided") << QJsonArray{softA, b} << QJsonArray{} << pending << u"node-b"_qs << QString();
    QTest::newRow("prefer-no-schedule-when-nothing-else")
        << QJsonArray{softA, NodeFixture{.name = u"node-b"_qs, .unschedulable = true}.json()} << QJsonArray{} << pending << u"node-a"_qs << QString();
    QTest::newRow("host-port-conflict-goes-elsewhere")
        << QJsonArray{a, b} << QJsonArray{PodFixture{.name = u"web-0"_qs, .ports = {hostPort(8080)}, .nodeName = u"node-b"_qs, .phase = u"Running"_qs}.json()}
        << PodFixture{.ports = {hostPort(8080)}}.json() << u"node-a"_qs << QString();
    QTest::newRow("pod-with-node-name") << QJsonArray{a, b, c} << QJsonArray{} << PodFixture{.nodeName = u"node-b"_qs}.json() << u"node-b"_qs << QString();
    QTest::newRow("not-ready-node-skipped") << QJsonArray{NodeFixture{.name = u"node-a"_qs, .ready = u"False"_qs}.json(), b} << QJsonArray{} << pending << u"node-b"_qs
                                            << QString();
    QTest::newRow("preferred-affinity")
        << QJsonArray{NodeFixture{.name = u"node-a"_qs, .labels = {{u"zone"_qs, u"x"_qs}}}.json(), NodeFixture{.name = u"node-b"_qs, .labels = {{u"zone"_qs, u"y"_qs}}}.json()}
        << QJsonArray{} << PodFixture{.cpu = u"100m"_qs, .affinity = zoneAffinityPreferring(u"y"_qs)}.json() << u"node-b"_qs << QString();
    QTest::newRow("least-allocated") << QJsonArray{a, b} << QJsonArray{PodFixture{.name = u"big"_qs, .cpu = u"3"_qs, .nodeName = u"node-a"_qs, .phase = u"Running"_qs}.json()}
                                     << pending << u"node-b"_qs << QString();
    QTest::newRow("init-container-requests-decide-fit")
        << QJsonArray{NodeFixture{.name = u"node-a"_qs, .cpu = u"2"_qs}.json(), NodeFixture{.name = u"node-b"_qs, .cpu = u"4"_qs, .unschedulable = false}.json()}
        << QJsonArray{PodFixture{.name = u"filler"_qs, .cpu = u"1"_qs, .nodeName = u"node-b"_qs, .phase = u"Running"_qs}.json()}
        << PodFixture{.cpu = u"100m"_qs, .initContainers = {container(u"migrate"_qs, requests(u"2500m"_qs, {}))}}.json() << u"node-b"_qs << QString();

    // Failures: the exact event text.
    const QJsonObject controlPlane = NodeFixture{.name = u"cp"_qs, .taints = {taint(u"node-role.kubernetes.io/control-plane"_qs, {}, u"NoSchedule"_qs)}}.json();
    QTest::newRow("fail-taint-and-cpu")
        << QJsonArray{controlPlane, NodeFixture{.name = u"w1"_qs, .cpu = u"1"_qs}.json(), NodeFixture{.name = u"w2"_qs, .cpu = u"1"_qs}.json()} << QJsonArray{}
        << PodFixture{.cpu = u"2"_qs}.json() << QString()
        << u"0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. "
           "preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod."_qs;
    QTest::newRow("fail-insufficient-memory") << QJsonArray{a, b} << QJsonArray{} << PodFixture{.memory = u"16Gi"_qs}.json() << QString()
                                              << u"0/2 nodes are available: 2 Insufficient memory. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod."_qs;
    QTest::newRow("fail-node-selector") << QJsonArray{a, b, c} << QJsonArray{} << PodFixture{.nodeSelector = {{u"disk"_qs, u"ssd"_qs}}}.json() << QString()
                                        << u"0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. "
                                           "preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling."_qs;
    QTest::newRow("fail-host-port") << QJsonArray{a}
                                    << QJsonArray{PodFixture{.name = u"web-0"_qs, .ports = {hostPort(80)}, .nodeName = u"node-a"_qs, .phase = u"Running"_qs}.json()}
                                    << PodFixture{.ports = {hostPort(80)}}.json() << QString()
                                    << u"0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports. "
                                       "preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod."_qs;
    QTest::newRow("fail-not-ready") << QJsonArray{NodeFixture{.name = u"node-a"_qs, .ready = u"Unknown"_qs}.json()} << QJsonArray{} << pending << QString()
                                    << u"0/1 nodes are available: 1 node(s) were not ready. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling."_qs;
    QTest::newRow("fail-not-ready-with-taint")
        << QJsonArray{NodeFixture{.name = u"node-a"_qs, .taints = {taint(u"node.kubernetes.io/not-ready"_qs, {}, u"NoSchedule"_qs)}, .ready = u"False"_qs}.json()}
        << QJsonArray{} << pending << QString()
        << u"0/1 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/not-ready: }. "
           "preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling."_qs;
    QTest::newRow("fail-node-name-unknown") << QJsonArray{a, b} << QJsonArray{} << PodFixture{.nodeName = u"node-z"_qs}.json() << QString()
                                            << u"0/2 nodes are available: 2 node(s) didn't match the requested node name. "
                                               "preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling."_qs;
    QTest::newRow("fail-too-many-pods")
        << QJsonArray{NodeFixture{.name = u"node-a"_qs, .pods = 1}.json()}
        << QJsonArray{PodFixture{.name = u"only"_qs, .nodeName = u"node-a"_qs, .phase = u"Running"_qs}.json()} << pending << QString()
        << u"0/1 nodes are available: 1 Too many pods. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod."_qs;
    QTest::newRow("fail-every-reason")
        << QJsonArray{cordonedA,
                      NodeFixture{.name = u"node-b"_qs, .labels = {{u"disk"_qs, u"hdd"_qs}}}.json(),
                      NodeFixture{.name = u"node-c"_qs, .labels = {{u"disk"_qs, u"ssd"_qs}}, .taints = {taint(u"gpu"_qs, u"true"_qs, u"NoExecute"_qs)}}.json(),
                      NodeFixture{.name = u"node-d"_qs, .labels = {{u"disk"_qs, u"ssd"_qs}}}.json(),
                      NodeFixture{.name = u"node-e"_qs, .memory = u"1Gi"_qs, .labels = {{u"disk"_qs, u"ssd"_qs}}}.json(),
                      NodeFixture{.name = u"node-f"_qs, .memory = u"1Gi"_qs, .labels = {{u"disk"_qs, u"ssd"_qs}}}.json()}
        << QJsonArray{PodFixture{.name = u"web-0"_qs, .ports = {hostPort(443)}, .nodeName = u"node-d"_qs, .phase = u"Running"_qs}.json()}
        << PodFixture{.memory = u"2Gi"_qs, .ports = {hostPort(443)}, .nodeSelector = {{u"disk"_qs, u"ssd"_qs}}}.json() << QString()
        << u"0/6 nodes are available: 1 node(s) didn't have free ports for the requested pod ports, 1 node(s) didn't match Pod's node affinity/selector, "
           "1 node(s) had untolerated taint {gpu: true}, 1 node(s) were unschedulable, 2 Insufficient memory. "
           "preemption: 0/6 nodes are available: 3 No preemption victims found for incoming pod, 3 Preemption is not helpful for scheduling."_qs;
}

void tst_Scheduler::schedule()
{
    QFETCH(QJsonArray, nodes);
    QFETCH(QJsonArray, pods);
    QFETCH(QJsonObject, pod);
    QFETCH(QString, node);
    QFETCH(QString, message);

    SchedulerCache cache;
    load(cache, nodes, pods);
    Scheduler scheduler(&cache, 1);
    const ScheduleResult result = scheduler.schedule(Object::fromJson(pod));
    QCOMPARE(result.message(), message);
    QCOMPARE(result.nodeName, node);
    QCOMPARE(result.isScheduled(), !node.isEmpty());
}

void tst_Scheduler::spreadsReplicas_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<QString>("ownerUid");
    QTest::addColumn<QString>("cpu");

    QTest::newRow("replicaset-seed-1") << 1u << u"rs-web"_qs << u"100m"_qs;
    QTest::newRow("replicaset-seed-42") << 42u << u"rs-web"_qs << u"100m"_qs;
    QTest::newRow("replicaset-no-requests") << 7u << u"rs-web"_qs << QString();
    QTest::newRow("bare-pods-by-load") << 3u << QString() << u"500m"_qs;
}

void tst_Scheduler::spreadsReplicas()
{
    QFETCH(quint32, seed);
    QFETCH(QString, ownerUid);
    QFETCH(QString, cpu);

    SchedulerCache cache;
    for (const QString &name : {u"node-a"_qs, u"node-b"_qs, u"node-c"_qs})
        cache.addNode(NodeFixture{.name = name}.object());
    Scheduler scheduler(&cache, seed);
    for (int i = 0; i < 9; ++i) {
        const ScheduleResult result = scheduler.scheduleAndAssume(PodFixture{.name = u"web-%1"_qs.arg(i), .cpu = cpu, .ownerUid = ownerUid}.object());
        QVERIFY2(result.isScheduled(), qPrintable(result.message()));
    }
    for (const NodeInfo *node : cache.nodes())
        QCOMPARE(node->podCount(), 3);
}

void tst_Scheduler::assumedPodsTakeCapacity()
{
    SchedulerCache cache;
    cache.addNode(NodeFixture{.cpu = u"1"_qs}.object());
    Scheduler scheduler(&cache, 1);
    QVERIFY(scheduler.scheduleAndAssume(PodFixture{.name = u"p1"_qs, .cpu = u"600m"_qs}.object()).isScheduled());
    const ScheduleResult second = scheduler.scheduleAndAssume(PodFixture{.name = u"p2"_qs, .cpu = u"600m"_qs}.object());
    QCOMPARE(second.message(), u"0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod."_qs);
    cache.forgetPod(u"default/p1"_qs); // the binding of p1 failed
    QCOMPARE(scheduler.schedule(PodFixture{.name = u"p2"_qs, .cpu = u"600m"_qs}.object()).nodeName, u"node-a"_qs);
}

void tst_Scheduler::nodeRemovalFreesCapacity()
{
    SchedulerCache cache;
    cache.addNode(NodeFixture{.name = u"node-a"_qs, .cpu = u"1"_qs}.object());
    cache.addPod(PodFixture{.name = u"hog"_qs, .cpu = u"1"_qs, .nodeName = u"node-a"_qs, .phase = u"Running"_qs}.object());
    Scheduler scheduler(&cache, 1);
    const Object pod = PodFixture{.cpu = u"500m"_qs}.object();
    QVERIFY(!scheduler.schedule(pod).isScheduled());

    cache.removeNode(u"node-a"_qs);
    QCOMPARE(scheduler.schedule(pod).message(), u"no nodes available to schedule pods"_qs);
    cache.addNode(NodeFixture{.name = u"node-a"_qs, .cpu = u"1"_qs}.object()); // the node re-registers, empty
    QCOMPARE(scheduler.schedule(pod).nodeName, u"node-a"_qs);
}

void tst_Scheduler::tiesFollowTheSeed()
{
    // Equal nodes, pods that do not change the scores (never assumed): the seed alone decides.
    const auto picks = [](quint32 seed) {
        SchedulerCache cache;
        for (int i = 0; i < 5; ++i)
            cache.addNode(NodeFixture{.name = u"node-%1"_qs.arg(i)}.object());
        Scheduler scheduler(&cache, seed);
        QStringList out;
        for (int i = 0; i < 20; ++i)
            out.append(scheduler.schedule(PodFixture{}.object()).nodeName);
        return out;
    };
    const QStringList first = picks(7);
    QCOMPARE(picks(7), first);
    QStringList distinct = first;
    distinct.removeDuplicates();
    QVERIFY(distinct.size() > 1); // ties are not always settled the same way
}

void tst_Scheduler::noNodes()
{
    SchedulerCache cache;
    Scheduler scheduler(&cache, 1);
    const ScheduleResult result = scheduler.schedule(PodFixture{}.object());
    QVERIFY(!result.isScheduled());
    QCOMPARE(result.message(), u"no nodes available to schedule pods"_qs);
}

void tst_Scheduler::binding()
{
    const Object pod = PodFixture{.name = u"web-\"0\""_qs, .namespace_ = u"shop"_qs}.object();
    const QByteArray expected = R"({"apiVersion":"v1","kind":"Binding","metadata":{"name":"web-\"0\"","namespace":"shop"},)"
                                R"("target":{"apiVersion":"v1","kind":"Node","name":"node-b"}})";
    QCOMPARE(makeBinding(pod, u"node-b"_qs).json(), expected);
}

QTEST_GUILESS_MAIN(tst_Scheduler)
#include "tst_scheduler.moc"
