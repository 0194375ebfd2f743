// The cache's bookkeeping through node and pod events: each row plays a script of events and
// compares every listed node's summed CPU requests and pod count ("name=milliCPU/pods").
#include "kube/scheduler/schedulercache.h"
#include "schedulerfixtures.h"

#include <QtTest>

using namespace kube;
using namespace kube::scheduler;
using namespace fixtures;

class tst_SchedulerCache : public QObject
{
    Q_OBJECT
private slots:
    void events_data();
    void events();
    void assumeTwiceConflicts();
    void assumeOnUnknownNodeFails();
    void nodeUpdateKeepsPods();
    void portsAndOwnersFollowPods();
};

namespace {

Object pod(const QString &name, const QString &cpu, const QString &nodeName = {}, const QString &phase = u"Running"_qs)
{
    return PodFixture{.name = name, .cpu = cpu, .nodeName = nodeName, .phase = phase}.object();
}

// One event: "node a 4", "cordon a", "rmnode a", "assume p a 500m", "bind p a 500m",
// "pending p", "finish p a 500m", "forget p", "rmpod p".
void play(SchedulerCache &cache, const QString &event)
{
    const QStringList w = event.split(u' ');
    const QString &verb = w[0];
    if (verb == u"node")
        cache.addNode(NodeFixture{.name = w[1], .cpu = w[2]}.object());
    else if (verb == u"cordon")
        cache.updateNode(NodeFixture{.name = w[1], .unschedulable = true}.object());
    else if (verb == u"rmnode")
        cache.removeNode(w[1]);
    else if (verb == u"assume")
        QVERIFY(cache.assumePod(pod(w[1], w[3]), w[2]).isSuccess());
    else if (verb == u"bind")
        cache.addPod(pod(w[1], w[3], w[2]));
    else if (verb == u"pending")
        cache.updatePod(pod(w[1], u"1"_qs, {}, u"Pending"_qs));
    else if (verb == u"finish")
        cache.updatePod(pod(w[1], w[3], w[2], u"Succeeded"_qs));
    else if (verb == u"forget")
        cache.forgetPod(u"default/"_qs + w[1]);
    else if (verb == u"rmpod")
        cache.removePod(u"default/"_qs + w[1]);
    else
        QFAIL(qPrintable(u"unknown event "_qs + event));
}

QString summary(const SchedulerCache &cache)
{
    QStringList parts;
    for (const NodeInfo *node : cache.nodes())
        parts.append(u"%1=%2/%3"_qs.arg(node->name()).arg(node->requested().milliCpu).arg(node->podCount()));
    return parts.join(u',');
}

} // namespace

void tst_SchedulerCache::events_data()
{
    QTest::addColumn<QStringList>("script");
    QTest::addColumn<QString>("expected");

    QTest::newRow("nodes-sorted-by-name") << QStringList{u"node b 4"_qs, u"node a 4"_qs} << u"a=0/0,b=0/0"_qs;
    QTest::newRow("assumed-pods-counted") << QStringList{u"node a 4"_qs, u"assume p1 a 500m"_qs, u"assume p2 a 1"_qs} << u"a=1500/2"_qs;
    QTest::newRow("bind-confirms-assumed-once") << QStringList{u"node a 4"_qs, u"assume p1 a 500m"_qs, u"bind p1 a 500m"_qs} << u"a=500/1"_qs;
    QTest::newRow("bound-elsewhere-moves") << QStringList{u"node a 4"_qs, u"node b 4"_qs, u"assume p1 a 500m"_qs, u"bind p1 b 500m"_qs} << u"a=0/0,b=500/1"_qs;
    QTest::newRow("forget-undoes-assume") << QStringList{u"node a 4"_qs, u"assume p1 a 500m"_qs, u"forget p1"_qs} << u"a=0/0"_qs;
    QTest::newRow("forget-ignores-bound") << QStringList{u"node a 4"_qs, u"bind p1 a 500m"_qs, u"forget p1"_qs} << u"a=500/1"_qs;
    QTest::newRow("pending-update-keeps-assumption") << QStringList{u"node a 4"_qs, u"assume p1 a 500m"_qs, u"pending p1"_qs} << u"a=500/1"_qs;
    QTest::newRow("remove-pod-frees") << QStringList{u"node a 4"_qs, u"bind p1 a 500m"_qs, u"bind p2 a 1"_qs, u"rmpod p1"_qs} << u"a=1000/1"_qs;
    QTest::newRow("finished-pod-frees") << QStringList{u"node a 4"_qs, u"bind p1 a 500m"_qs, u"finish p1 a 500m"_qs} << u"a=0/0"_qs;
    QTest::newRow("remove-node-frees-capacity") << QStringList{u"node a 4"_qs, u"bind p1 a 4"_qs, u"rmnode a"_qs, u"node a 4"_qs} << u"a=0/0"_qs;
    QTest::newRow("remove-node-drops-it") << QStringList{u"node a 4"_qs, u"node b 4"_qs, u"rmnode a"_qs} << u"b=0/0"_qs;
    QTest::newRow("pod-before-node-waits-in-ghost") << QStringList{u"bind p1 a 500m"_qs} << QString();
    QTest::newRow("ghost-pods-counted-when-node-arrives") << QStringList{u"bind p1 a 500m"_qs, u"node a 4"_qs} << u"a=500/1"_qs;
    QTest::newRow("remove-unknown-things-is-harmless") << QStringList{u"rmnode x"_qs, u"rmpod nope"_qs, u"forget nope"_qs, u"node a 1"_qs} << u"a=0/0"_qs;
}

void tst_SchedulerCache::events()
{
    QFETCH(QStringList, script);
    QFETCH(QString, expected);

    SchedulerCache cache;
    for (const QString &event : std::as_const(script))
        play(cache, event);
    QCOMPARE(summary(cache), expected);
}

void tst_SchedulerCache::assumeTwiceConflicts()
{
    SchedulerCache cache;
    cache.addNode(NodeFixture{}.object());
    QVERIFY(cache.assumePod(pod(u"p"_qs, u"1"_qs), u"node-a"_qs).isSuccess());
    QVERIFY(cache.isAssumed(u"default/p"_qs));
    QVERIFY(cache.assumePod(pod(u"p"_qs, u"1"_qs), u"node-a"_qs).is(reason::Conflict));
    QCOMPARE(cache.node(u"node-a"_qs)->requested().milliCpu, 1000);
}

void tst_SchedulerCache::assumeOnUnknownNodeFails()
{
    SchedulerCache cache;
    QVERIFY(cache.assumePod(pod(u"p"_qs, u"1"_qs), u"nowhere"_qs).is(reason::NotFound));
    QCOMPARE(cache.podCount(), 0);
}

void tst_SchedulerCache::nodeUpdateKeepsPods()
{
    SchedulerCache cache;
    cache.addNode(NodeFixture{}.object());
    cache.addPod(pod(u"p"_qs, u"1"_qs, u"node-a"_qs));
    cache.updateNode(NodeFixture{.unschedulable = true}.object());
    const NodeInfo *node = cache.node(u"node-a"_qs);
    QVERIFY(node->isUnschedulable());
    QCOMPARE(node->podCount(), 1);
    QCOMPARE(node->requested().milliCpu, 1000);
}

void tst_SchedulerCache::portsAndOwnersFollowPods()
{
    SchedulerCache cache;
    cache.addNode(NodeFixture{}.object());
    cache.addPod(PodFixture{.name = u"a"_qs, .ports = {hostPort(80)}, .nodeName = u"node-a"_qs, .ownerUid = u"rs1"_qs, .phase = u"Running"_qs}.object());
    cache.addPod(PodFixture{.name = u"b"_qs, .nodeName = u"node-a"_qs, .ownerUid = u"rs1"_qs, .phase = u"Running"_qs}.object());
    const NodeInfo *node = cache.node(u"node-a"_qs);
    QCOMPARE(node->usedPorts().size(), 1);
    QCOMPARE(node->podsOfController(u"rs1"_qs), 2);
    cache.removePod(u"default/a"_qs);
    QCOMPARE(node->usedPorts().size(), 0);
    QCOMPARE(node->podsOfController(u"rs1"_qs), 1);
    QCOMPARE(node->nonZeroRequested().milliCpu, 100);
}

QTEST_GUILESS_MAIN(tst_SchedulerCache)
#include "tst_schedulercache.moc"
