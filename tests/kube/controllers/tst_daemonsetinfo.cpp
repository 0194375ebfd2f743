// DaemonSetInfo (kube/controllers/daemonset/daemonsetinfo): which nodes a DaemonSet's pod belongs
// on (nodeName, nodeSelector, required node affinity, taints against the template's tolerations
// plus the automatic daemon ones) and the rolling update's budgets.
#include "kube/controllers/daemonset/daemonsetinfo.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace kube;

namespace {

// An affinity with one required node selector term holding one requirement under list
// ("matchExpressions" or "matchFields").
QJsonObject requiredAffinity(const QString &list, const QJsonObject &requirement)
{
    const QJsonObject term{{list, QJsonArray{requirement}}};
    const QJsonObject required{{u"nodeSelectorTerms"_qs, QJsonArray{term}}};
    const QJsonObject nodeAffinity{{u"requiredDuringSchedulingIgnoredDuringExecution"_qs, required}};
    return QJsonObject{{u"nodeAffinity"_qs, nodeAffinity}};
}

QJsonObject daemonSetJson(const QJsonObject &podSpecExtra = {}, const QJsonObject &strategy = {})
{
    QJsonObject podSpec{{u"containers"_qs, QJsonArray{QJsonObject{{u"name"_qs, u"agent"_qs}, {u"image"_qs, u"agent:1"_qs}}}}};
    for (auto it = podSpecExtra.begin(); it != podSpecExtra.end(); ++it)
        podSpec.insert(it.key(), it.value());
    QJsonObject spec{
        {u"selector"_qs, QJsonObject{{u"matchLabels"_qs, QJsonObject{{u"app"_qs, u"agent"_qs}}}}},
        {u"template"_qs, QJsonObject{{u"metadata"_qs, QJsonObject{{u"labels"_qs, QJsonObject{{u"app"_qs, u"agent"_qs}}}}},
                                     {u"spec"_qs, podSpec}}},
    };
    if (!strategy.isEmpty())
        spec.insert(u"updateStrategy", strategy);
    return {{u"apiVersion"_qs, u"apps/v1"_qs}, {u"kind"_qs, u"DaemonSet"_qs},
            {u"metadata"_qs, QJsonObject{{u"name"_qs, u"agent"_qs}, {u"namespace"_qs, u"default"_qs}, {u"uid"_qs, u"u1"_qs}, {u"generation"_qs, 1}}},
            {u"spec"_qs, spec}};
}

DaemonNode node(const QString &name, const Labels &labels = {}, const QList<scheduler::Taint> &taints = {})
{
    return {name, labels, taints};
}

QJsonObject rolling(const QJsonValue &maxUnavailable, const QJsonValue &maxSurge)
{
    QJsonObject r;
    if (!maxUnavailable.isUndefined())
        r.insert(u"maxUnavailable", maxUnavailable);
    if (!maxSurge.isUndefined())
        r.insert(u"maxSurge", maxSurge);
    return {{u"type"_qs, u"RollingUpdate"_qs}, {u"rollingUpdate"_qs, r}};
}

} // namespace

class tst_DaemonSetInfo : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsTheSpec();
    void nodeShouldRunDaemonPod_data();
    void nodeShouldRunDaemonPod();
    void rollingBudget_data();
    void rollingBudget();
};

void tst_DaemonSetInfo::readsTheSpec()
{
    QJsonObject json = daemonSetJson({}, QJsonObject{{u"type"_qs, u"OnDelete"_qs}});
    QJsonObject metadata = json.value(u"metadata").toObject();
    metadata.insert(u"annotations", QJsonObject{{u"deprecated.daemonset.template.generation"_qs, u"4"_qs}});
    json.insert(u"metadata", metadata);
    QJsonObject spec = json.value(u"spec").toObject();
    spec.insert(u"minReadySeconds", 5);
    spec.insert(u"revisionHistoryLimit", 3);
    json.insert(u"spec", spec);
    json.insert(u"status", QJsonObject{{u"collisionCount"_qs, 2}});
    const DaemonSetInfo ds = DaemonSetInfo::from(Object::fromJson(json));
    QCOMPARE(ds.name, u"agent"_qs);
    QCOMPARE(ds.uid, u"u1"_qs);
    QVERIFY(ds.onDelete);
    QCOMPARE(ds.minReadySeconds, 5);
    QCOMPARE(ds.revisionHistoryLimit, 3);
    QCOMPARE(ds.templateGeneration, std::optional<qint64>(4));
    QCOMPARE(ds.collisionCount, std::optional<int>(2));
    // The automatic daemon tolerations are part of what the set tolerates.
    QCOMPARE(ds.tolerations.size(), 6);

    const DaemonSetInfo defaults = DaemonSetInfo::from(Object::fromJson(daemonSetJson()));
    QVERIFY(!defaults.onDelete);
    QCOMPARE(defaults.revisionHistoryLimit, 10);
    QVERIFY(!defaults.templateGeneration);
    QVERIFY(!defaults.collisionCount);
}

void tst_DaemonSetInfo::nodeShouldRunDaemonPod_data()
{
    using scheduler::Taint;
    QTest::addColumn<QJsonObject>("podSpec");
    QTest::addColumn<DaemonNode>("target");
    QTest::addColumn<bool>("shouldRun");
    QTest::addColumn<bool>("shouldContinueRunning");

    const QJsonObject none;
    const QJsonObject diskSelector{{u"nodeSelector"_qs, QJsonObject{{u"disk"_qs, u"ssd"_qs}}}};
    const QJsonObject zoneAffinity{{u"affinity"_qs, requiredAffinity(u"matchExpressions"_qs, QJsonObject{
        {u"key"_qs, u"zone"_qs}, {u"operator"_qs, u"In"_qs}, {u"values"_qs, QJsonArray{u"a"_qs}}})}};
    const QJsonObject toleratesGpu{{u"tolerations"_qs, QJsonArray{QJsonObject{{u"key"_qs, u"gpu"_qs}, {u"operator"_qs, u"Exists"_qs}}}}};

    QTest::newRow("plain-node") << none << node(u"n1"_qs) << true << true;
    QTest::newRow("node-selector-matches") << diskSelector << node(u"n1"_qs, {{u"disk"_qs, u"ssd"_qs}}) << true << true;
    QTest::newRow("node-selector-misses") << diskSelector << node(u"n1"_qs, {{u"disk"_qs, u"hdd"_qs}}) << false << false;
    QTest::newRow("affinity-matches") << zoneAffinity << node(u"n1"_qs, {{u"zone"_qs, u"a"_qs}}) << true << true;
    QTest::newRow("affinity-misses") << zoneAffinity << node(u"n1"_qs, {{u"zone"_qs, u"b"_qs}}) << false << false;
    QTest::newRow("template-names-another-node") << QJsonObject{{u"nodeName"_qs, u"n2"_qs}} << node(u"n1"_qs) << false << false;
    QTest::newRow("untolerated-noschedule-keeps-running-pods")
        << none << node(u"n1"_qs, {}, {Taint{u"gpu"_qs, u"yes"_qs, u"NoSchedule"_qs}}) << false << true;
    QTest::newRow("untolerated-noexecute-evicts")
        << none << node(u"n1"_qs, {}, {Taint{u"gpu"_qs, u"yes"_qs, u"NoExecute"_qs}}) << false << false;
    QTest::newRow("prefer-noschedule-ignored")
        << none << node(u"n1"_qs, {}, {Taint{u"gpu"_qs, u"yes"_qs, u"PreferNoSchedule"_qs}}) << true << true;
    QTest::newRow("tolerated-taint") << toleratesGpu << node(u"n1"_qs, {}, {Taint{u"gpu"_qs, u"yes"_qs, u"NoExecute"_qs}}) << true << true;
    QTest::newRow("cordoned-node-keeps-daemons")
        << none << node(u"n1"_qs, {}, {Taint{u"node.kubernetes.io/unschedulable"_qs, {}, u"NoSchedule"_qs}}) << true << true;
    QTest::newRow("not-ready-node-keeps-daemons")
        << none << node(u"n1"_qs, {}, {Taint{u"node.kubernetes.io/not-ready"_qs, {}, u"NoExecute"_qs}}) << true << true;
    QTest::newRow("network-unavailable-only-for-host-network")
        << none << node(u"n1"_qs, {}, {Taint{u"node.kubernetes.io/network-unavailable"_qs, {}, u"NoSchedule"_qs}}) << false << true;
    QTest::newRow("network-unavailable-host-network")
        << QJsonObject{{u"hostNetwork"_qs, true}}
        << node(u"n1"_qs, {}, {Taint{u"node.kubernetes.io/network-unavailable"_qs, {}, u"NoSchedule"_qs}}) << true << true;
}

void tst_DaemonSetInfo::nodeShouldRunDaemonPod()
{
    QFETCH(QJsonObject, podSpec);
    QFETCH(DaemonNode, target);
    QFETCH(bool, shouldRun);
    QFETCH(bool, shouldContinueRunning);
    const DaemonSetInfo ds = DaemonSetInfo::from(Object::fromJson(daemonSetJson(podSpec)));
    const NodeVerdict verdict = kube::nodeShouldRunDaemonPod(ds, target);
    QCOMPARE(verdict.shouldRun, shouldRun);
    QCOMPARE(verdict.shouldContinueRunning, shouldContinueRunning);
}

void tst_DaemonSetInfo::rollingBudget_data()
{
    QTest::addColumn<QJsonObject>("strategy");
    QTest::addColumn<int>("desired");
    QTest::addColumn<int>("maxSurge");
    QTest::addColumn<int>("maxUnavailable");
    const QJsonValue absent(QJsonValue::Undefined);
    QTest::newRow("defaults-unavailable-1") << rolling(absent, absent) << 3 << 0 << 1;
    QTest::newRow("unavailable-2") << rolling(2, 0) << 3 << 0 << 2;
    QTest::newRow("percent-rounds-up") << rolling(u"50%"_qs, 0) << 3 << 0 << 2;
    QTest::newRow("surge-percent-rounds-up") << rolling(0, u"10%"_qs) << 3 << 1 << 0;
    QTest::newRow("both-zero-gives-unavailable-1") << rolling(0, 0) << 3 << 0 << 1;
    QTest::newRow("both-zero-no-nodes") << rolling(0, 0) << 0 << 0 << 0;
    QTest::newRow("on-delete-has-none") << QJsonObject{{u"type"_qs, u"OnDelete"_qs}} << 3 << 0 << 0;
}

void tst_DaemonSetInfo::rollingBudget()
{
    QFETCH(QJsonObject, strategy);
    QFETCH(int, desired);
    QFETCH(int, maxSurge);
    QFETCH(int, maxUnavailable);
    const DaemonSetInfo ds = DaemonSetInfo::from(Object::fromJson(daemonSetJson({}, strategy)));
    const RollingBudget budget = kube::rollingBudget(ds, desired);
    QCOMPARE(budget.maxSurge, maxSurge);
    QCOMPARE(budget.maxUnavailable, maxUnavailable);
    QCOMPARE(allowsSurge(ds), maxSurge > 0);
}

QTEST_GUILESS_MAIN(tst_DaemonSetInfo)
#include "tst_daemonsetinfo.moc"
