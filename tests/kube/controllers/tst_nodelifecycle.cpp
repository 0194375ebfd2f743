// The node lifecycle's pure decisions: when a silent kubelet's node goes stale, the conditions
// and taints it then gets (and loses on recovery), when the taint manager evicts a pod, and the
// DefaultTolerationSeconds admission that gives pods their five minutes.
#include "kube/api/clock.h"
#include "kube/api/kindinfo.h"
#include "kube/apiserver/defaulttolerations.h"
#include "kube/controllers/nodelifecycle/nodehealth.h"
#include "kube/controllers/nodelifecycle/tainteviction.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace kube;
using namespace kube::nodelifecycle;
using namespace std::chrono_literals;

namespace {

const QDateTime t0(QDate(2026, 11, 27), QTime(10, 0), Qt::UTC);

QString at(int seconds) { return formatKubeTime(t0.addSecs(seconds)); }

Object node(int createdAt)
{
    return Object::fromJson(QJsonObject{{u"apiVersion"_qs, u"v1"_qs}, {u"kind"_qs, u"Node"_qs},
                                        {u"metadata"_qs, QJsonObject{{u"name"_qs, u"n1"_qs}, {u"creationTimestamp"_qs, at(createdAt)}}}});
}

Object lease(int renewedAt)
{
    return Object::fromJson(QJsonObject{{u"metadata"_qs, QJsonObject{{u"name"_qs, u"n1"_qs}, {u"namespace"_qs, u"kube-node-lease"_qs}}},
                                        {u"spec"_qs, QJsonObject{{u"renewTime"_qs, formatKubeMicroTime(t0.addSecs(renewedAt))}}}});
}

QJsonObject taint(const QString &key, const QString &effect, const QString &timeAdded = {})
{
    QJsonObject t{{u"key"_qs, key}, {u"effect"_qs, effect}};
    if (!timeAdded.isEmpty())
        t.insert(u"timeAdded", timeAdded);
    return t;
}

QJsonObject toleration(const QString &key, const QString &effect, std::optional<int> seconds)
{
    QJsonObject t{{u"key"_qs, key}, {u"operator"_qs, u"Exists"_qs}};
    if (!effect.isEmpty())
        t.insert(u"effect", effect);
    if (seconds)
        t.insert(u"tolerationSeconds", *seconds);
    return t;
}

const QString Unreachable = u"node.kubernetes.io/unreachable"_qs;
const QString NotReady = u"node.kubernetes.io/not-ready"_qs;

QJsonObject readyCondition(const QString &status)
{
    return {{u"type"_qs, u"Ready"_qs}, {u"status"_qs, status}, {u"reason"_qs, u"KubeletReady"_qs},
            {u"lastHeartbeatTime"_qs, at(-100)}, {u"lastTransitionTime"_qs, at(-100)}};
}

KindInfo kindOf(const QString &group, const QString &kind)
{
    KindInfo info;
    info.gvk = {group, u"v1"_qs, kind};
    return info;
}

} // namespace

class TestNodeLifecycle : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void health_data()
    {
        QTest::addColumn<std::optional<int>>("renewedAt"); // seconds from t0; nullopt: no Lease
        QTest::addColumn<int>("createdAt");
        QTest::addColumn<int>("monitorStart");
        QTest::addColumn<int>("now");
        QTest::addColumn<bool>("stale");
        QTest::addColumn<int>("deadline");
        QTest::newRow("renewed-10s-ago-is-healthy") << std::optional<int>(-10) << -1000 << -1000 << 0 << false << 30;
        QTest::newRow("renewed-exactly-grace-ago-is-stale") << std::optional<int>(-40) << -1000 << -1000 << 0 << true << 0;
        QTest::newRow("renewed-41s-ago-is-stale") << std::optional<int>(-41) << -1000 << -1000 << 0 << true << -1;
        QTest::newRow("no-lease-counts-from-creation") << std::optional<int>() << -20 << -1000 << 0 << false << 20;
        QTest::newRow("no-lease-old-node-is-stale") << std::optional<int>() << -50 << -1000 << 0 << true << -10;
        QTest::newRow("controller-restart-gives-a-whole-grace") << std::optional<int>(-3600) << -7200 << -5 << 0 << false << 35;
    }
    void health()
    {
        QFETCH(std::optional<int>, renewedAt);
        QFETCH(int, createdAt);
        QFETCH(int, monitorStart);
        QFETCH(int, now);
        QFETCH(bool, stale);
        QFETCH(int, deadline);
        const std::optional<Object> l = renewedAt ? std::optional<Object>(lease(*renewedAt)) : std::nullopt;
        const NodeHealth h = evaluateHealth(lastHeartbeat(node(createdAt), l, t0.addSecs(monitorStart)), t0.addSecs(now), 40s);
        QCOMPARE(h.stale, stale);
        QCOMPARE(h.deadline, t0.addSecs(deadline));
    }

    void conditionsGoUnknownOnce()
    {
        const QJsonObject network{{u"type"_qs, u"NetworkUnavailable"_qs}, {u"status"_qs, u"False"_qs}};
        const QJsonObject memory{{u"type"_qs, u"MemoryPressure"_qs}, {u"status"_qs, u"False"_qs}};
        const auto marked = markConditionsUnknown(QJsonArray{readyCondition(u"True"_qs), network, memory}, t0);
        QVERIFY(marked);
        QCOMPARE(marked->size(), 3);
        const QJsonObject ready = marked->at(0).toObject();
        QCOMPARE(ready.value(u"status").toString(), u"Unknown"_qs);
        QCOMPARE(ready.value(u"reason").toString(), u"NodeStatusUnknown"_qs);
        QCOMPARE(ready.value(u"message").toString(), u"Kubelet stopped posting node status."_qs);
        QCOMPARE(ready.value(u"lastTransitionTime").toString(), at(0));
        QCOMPARE(ready.value(u"lastHeartbeatTime").toString(), at(-100)); // the last one heard
        QCOMPARE(marked->at(1).toObject(), network); // not the kubelet's
        QCOMPARE(marked->at(2).toObject().value(u"status").toString(), u"Unknown"_qs);
        QCOMPARE(conditionStatus(*marked, u"Ready"), u"Unknown"_qs);
        QVERIFY(!markConditionsUnknown(*marked, t0.addSecs(5))); // already: nothing to write
    }

    void taints_data()
    {
        QTest::addColumn<QJsonArray>("before");
        QTest::addColumn<QString>("ready");
        QTest::addColumn<QJsonArray>("after"); // empty with unchanged: no write
        QTest::addColumn<bool>("changed");
        const QJsonObject custom = taint(u"dedicated"_qs, u"NoSchedule"_qs);
        const QJsonArray unreachable{taint(Unreachable, u"NoSchedule"_qs), taint(Unreachable, u"NoExecute"_qs, at(0))};
        QTest::newRow("unknown-adds-unreachable-noschedule-and-noexecute")
            << QJsonArray{custom} << u"Unknown"_qs << QJsonArray{custom, unreachable[0], unreachable[1]} << true;
        QTest::newRow("unknown-already-tainted-is-left-alone")
            << QJsonArray{taint(Unreachable, u"NoExecute"_qs, at(-30)), taint(Unreachable, u"NoSchedule"_qs)} << u"Unknown"_qs << QJsonArray() << false;
        QTest::newRow("false-swaps-unreachable-for-not-ready")
            << unreachable << u"False"_qs << QJsonArray{taint(NotReady, u"NoSchedule"_qs), taint(NotReady, u"NoExecute"_qs, at(0))} << true;
        QTest::newRow("ready-removes-condition-taints-keeps-others")
            << QJsonArray{unreachable[0], custom, unreachable[1]} << u"True"_qs << QJsonArray{custom} << true;
        QTest::newRow("ready-untainted-no-write") << QJsonArray{custom} << u"True"_qs << QJsonArray() << false;
        QTest::newRow("no-ready-condition-no-write") << unreachable << QString() << QJsonArray() << false;
    }
    void taints()
    {
        QFETCH(QJsonArray, before);
        QFETCH(QString, ready);
        QFETCH(QJsonArray, after);
        QFETCH(bool, changed);
        const auto result = reconcileConditionTaints(before, ready, t0);
        QCOMPARE(result.has_value(), changed);
        if (changed)
            QCOMPARE(*result, after);
    }

    void eviction_data()
    {
        QTest::addColumn<QJsonArray>("taints");
        QTest::addColumn<QJsonArray>("tolerations");
        QTest::addColumn<int>("action"); // EvictionDecision::Action
        QTest::addColumn<int>("atSeconds");
        const int keep = int(EvictionDecision::Action::Keep);
        const int now = int(EvictionDecision::Action::EvictNow);
        const int later = int(EvictionDecision::Action::EvictAt);
        const QJsonObject noExecute = taint(Unreachable, u"NoExecute"_qs, at(-100));
        QTest::newRow("no-noexecute-taint-keeps") << QJsonArray{taint(Unreachable, u"NoSchedule"_qs)} << QJsonArray() << keep << 0;
        QTest::newRow("untolerated-goes-at-once") << QJsonArray{noExecute} << QJsonArray() << now << 0;
        QTest::newRow("noschedule-toleration-does-not-count")
            << QJsonArray{noExecute} << QJsonArray{toleration(Unreachable, u"NoSchedule"_qs, 600)} << now << 0;
        QTest::newRow("default-300s-counts-from-timeadded")
            << QJsonArray{noExecute} << QJsonArray{toleration(Unreachable, u"NoExecute"_qs, 300)} << later << 200;
        QTest::newRow("toleration-expired-goes-now")
            << QJsonArray{noExecute} << QJsonArray{toleration(Unreachable, u"NoExecute"_qs, 60)} << now << 0;
        QTest::newRow("zero-seconds-goes-now")
            << QJsonArray{taint(Unreachable, u"NoExecute"_qs, at(0))} << QJsonArray{toleration(Unreachable, u"NoExecute"_qs, 0)} << now << 0;
        QTest::newRow("unbounded-toleration-keeps")
            << QJsonArray{noExecute} << QJsonArray{toleration(Unreachable, u"NoExecute"_qs, std::nullopt)} << keep << 0;
        QTest::newRow("empty-key-exists-tolerates-everything")
            << QJsonArray{noExecute, taint(u"other"_qs, u"NoExecute"_qs)} << QJsonArray{toleration(QString(), QString(), std::nullopt)} << keep << 0;
        QTest::newRow("one-untolerated-of-two-goes-now")
            << QJsonArray{noExecute, taint(u"other"_qs, u"NoExecute"_qs)} << QJsonArray{toleration(Unreachable, u"NoExecute"_qs, 300)} << now << 0;
        QTest::newRow("shortest-of-two-wins")
            << QJsonArray{noExecute, taint(NotReady, u"NoExecute"_qs, at(-10))}
            << QJsonArray{toleration(Unreachable, u"NoExecute"_qs, 300), toleration(NotReady, u"NoExecute"_qs, 20)} << later << 10;
        QTest::newRow("no-timeadded-counts-from-first-sighting")
            << QJsonArray{taint(Unreachable, u"NoExecute"_qs)} << QJsonArray{toleration(Unreachable, u"NoExecute"_qs, 30)} << later << 25;
    }
    void eviction()
    {
        QFETCH(QJsonArray, taints);
        QFETCH(QJsonArray, tolerations);
        QFETCH(int, action);
        QFETCH(int, atSeconds);
        const auto firstSeen = [](const QJsonObject &) { return t0.addSecs(-5); };
        const EvictionDecision d = decideEviction(taints, tolerations, t0, firstSeen);
        QCOMPARE(int(d.action), action);
        if (d.action == EvictionDecision::Action::EvictAt)
            QCOMPARE(d.at, t0.addSecs(atSeconds));
    }

    void noExecuteChangesAreNoticed()
    {
        const QJsonArray a{taint(u"x"_qs, u"NoSchedule"_qs)};
        const QJsonArray b{taint(u"x"_qs, u"NoSchedule"_qs), taint(Unreachable, u"NoExecute"_qs, at(0))};
        QVERIFY(noExecuteTaintsDiffer(a, b));
        QVERIFY(!noExecuteTaintsDiffer(a, QJsonArray{taint(u"y"_qs, u"NoSchedule"_qs)}));
        QVERIFY(hasConditionTaint(b));
        QVERIFY(!hasConditionTaint(a));
    }

    void defaultTolerations_data()
    {
        QTest::addColumn<QJsonArray>("given");
        QTest::addColumn<QStringList>("addedKeys");
        QTest::newRow("none-gets-both") << QJsonArray() << QStringList{NotReady, Unreachable};
        QTest::newRow("own-unreachable-kept-gets-not-ready")
            << QJsonArray{toleration(Unreachable, u"NoExecute"_qs, 10)} << QStringList{NotReady};
        QTest::newRow("effect-empty-counts") << QJsonArray{toleration(NotReady, QString(), std::nullopt)} << QStringList{Unreachable};
        QTest::newRow("noschedule-does-not-count") << QJsonArray{toleration(Unreachable, u"NoSchedule"_qs, std::nullopt)}
                                                   << QStringList{NotReady, Unreachable};
        QTest::newRow("tolerate-everything-gets-none") << QJsonArray{toleration(QString(), QString(), std::nullopt)} << QStringList();
    }
    void defaultTolerations()
    {
        QFETCH(QJsonArray, given);
        QFETCH(QStringList, addedKeys);
        QJsonObject pod{{u"spec"_qs, QJsonObject{{u"tolerations"_qs, given}}}};
        admitDefaultTolerationSeconds(pod, kindOf(QString(), u"Pod"_qs));
        const QJsonArray tolerations = pod.value(u"spec").toObject().value(u"tolerations").toArray();
        QCOMPARE(tolerations.size(), given.size() + addedKeys.size());
        for (qsizetype i = 0; i < given.size(); ++i)
            QCOMPARE(tolerations.at(i), given.at(i)); // the pod's own come first, unchanged
        for (qsizetype i = 0; i < addedKeys.size(); ++i) {
            const QJsonObject added = tolerations.at(given.size() + i).toObject();
            QCOMPARE(added, (QJsonObject{{u"key"_qs, addedKeys.at(i)}, {u"operator"_qs, u"Exists"_qs},
                                         {u"effect"_qs, u"NoExecute"_qs}, {u"tolerationSeconds"_qs, 300}}));
        }
        // Idempotent: a second write adds nothing.
        QJsonObject again = pod;
        admitDefaultTolerationSeconds(again, kindOf(QString(), u"Pod"_qs));
        QCOMPARE(again, pod);
    }

    void defaultTolerationsOnlyForPods()
    {
        QJsonObject other{{u"spec"_qs, QJsonObject()}};
        admitDefaultTolerationSeconds(other, kindOf(u"apps"_qs, u"Deployment"_qs));
        QCOMPARE(other, (QJsonObject{{u"spec"_qs, QJsonObject()}}));
    }
};

QTEST_GUILESS_MAIN(TestNodeLifecycle)
#include "tst_nodelifecycle.moc"
