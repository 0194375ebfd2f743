// Each filter plugin alone: the pod/node pair, whether it passes, and the reason text and code
// upstream gives when it does not.
#include "kube/scheduler/filters.h"
#include "kube/scheduler/nodeinfo.h"
#include "kube/scheduler/podinfo.h"
#include "schedulerfixtures.h"

#include <QtTest>

using namespace kube;
using namespace kube::scheduler;
using namespace fixtures;

using Filter = FilterStatus (*)(const PodInfo &, const NodeInfo &);
Q_DECLARE_METATYPE(Filter)

class tst_Filters : public QObject
{
    Q_OBJECT
private slots:
    void filter_data();
    void filter();
    void resourcesCountPodsAlreadyOnNode();
    void hostPortsInUse_data();
    void hostPortsInUse();
    void runFiltersStopsAtFirstRejection();
};

void tst_Filters::filter_data()
{
    QTest::addColumn<Filter>("filter");
    QTest::addColumn<QJsonObject>("node");
    QTest::addColumn<QJsonObject>("pod");
    QTest::addColumn<QString>("reason"); // empty: passes
    QTest::addColumn<bool>("unresolvable");

    const QJsonObject plainNode = NodeFixture{}.json();
    const QJsonObject plainPod = PodFixture{}.json();
    const QString noTaintReason;

    // NodeName
    QTest::newRow("node-name-unset") << Filter(filterNodeName) << plainNode << plainPod << QString() << false;
    QTest::newRow("node-name-match") << Filter(filterNodeName) << plainNode << PodFixture{.nodeName = u"node-a"_qs}.json() << QString() << false;
    QTest::newRow("node-name-other") << Filter(filterNodeName) << plainNode << PodFixture{.nodeName = u"node-b"_qs}.json()
                                     << u"node(s) didn't match the requested node name"_qs << true;

    // NodeUnschedulable
    const QJsonObject cordoned = NodeFixture{.unschedulable = true}.json();
    QTest::newRow("unschedulable-no") << Filter(filterNodeUnschedulable) << plainNode << plainPod << QString() << false;
    QTest::newRow("unschedulable-cordoned") << Filter(filterNodeUnschedulable) << cordoned << plainPod << u"node(s) were unschedulable"_qs << true;
    QTest::newRow("unschedulable-tolerated") << Filter(filterNodeUnschedulable) << cordoned
                                             << PodFixture{.tolerations = {toleration(u"node.kubernetes.io/unschedulable"_qs, u"Exists"_qs, {}, u"NoSchedule"_qs)}}.json()
                                             << QString() << false;
    QTest::newRow("unschedulable-toleration-wrong-effect") << Filter(filterNodeUnschedulable) << cordoned
                                                           << PodFixture{.tolerations = {toleration(u"node.kubernetes.io/unschedulable"_qs, u"Exists"_qs, {}, u"NoExecute"_qs)}}.json()
                                                           << u"node(s) were unschedulable"_qs << true;

    // NodeReady
    QTest::newRow("ready-true") << Filter(filterNodeReady) << plainNode << plainPod << QString() << false;
    QTest::newRow("ready-no-condition") << Filter(filterNodeReady) << NodeFixture{.ready = {}}.json() << plainPod << QString() << false;
    QTest::newRow("ready-false") << Filter(filterNodeReady) << NodeFixture{.ready = u"False"_qs}.json() << plainPod << u"node(s) were not ready"_qs << true;
    QTest::newRow("ready-unknown") << Filter(filterNodeReady) << NodeFixture{.ready = u"Unknown"_qs}.json() << plainPod << u"node(s) were not ready"_qs << true;
    QTest::newRow("ready-false-with-taint-left-to-taints")
        << Filter(filterNodeReady) << NodeFixture{.taints = {taint(u"node.kubernetes.io/not-ready"_qs, {}, u"NoSchedule"_qs)}, .ready = u"False"_qs}.json()
        << plainPod << QString() << false;

    // TaintToleration
    const QJsonObject controlPlane = NodeFixture{.taints = {taint(u"node-role.kubernetes.io/control-plane"_qs, {}, u"NoSchedule"_qs)}}.json();
    const QJsonObject gpuNode = NodeFixture{.taints = {taint(u"gpu"_qs, u"true"_qs, u"NoExecute"_qs)}}.json();
    QTest::newRow("taint-none") << Filter(filterTaintToleration) << plainNode << plainPod << QString() << false;
    QTest::newRow("taint-noschedule-untolerated") << Filter(filterTaintToleration) << controlPlane << plainPod
                                                  << u"node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }"_qs << true;
    QTest::newRow("taint-noexecute-with-value") << Filter(filterTaintToleration) << gpuNode << plainPod << u"node(s) had untolerated taint {gpu: true}"_qs << true;
    QTest::newRow("taint-prefernoschedule-ignored")
        << Filter(filterTaintToleration) << NodeFixture{.taints = {taint(u"soft"_qs, {}, u"PreferNoSchedule"_qs)}}.json() << plainPod << QString() << false;
    QTest::newRow("taint-tolerated-exists") << Filter(filterTaintToleration) << controlPlane
                                            << PodFixture{.tolerations = {toleration(u"node-role.kubernetes.io/control-plane"_qs, u"Exists"_qs, {}, {})}}.json()
                                            << QString() << false;
    QTest::newRow("taint-tolerated-equal") << Filter(filterTaintToleration) << gpuNode
                                           << PodFixture{.tolerations = {toleration(u"gpu"_qs, u"Equal"_qs, u"true"_qs, u"NoExecute"_qs)}}.json() << QString() << false;
    QTest::newRow("taint-equal-wrong-value") << Filter(filterTaintToleration) << gpuNode
                                             << PodFixture{.tolerations = {toleration(u"gpu"_qs, {}, u"false"_qs, {})}}.json()
                                             << u"node(s) had untolerated taint {gpu: true}"_qs << true;
    QTest::newRow("taint-wrong-effect") << Filter(filterTaintToleration) << gpuNode
                                        << PodFixture{.tolerations = {toleration(u"gpu"_qs, u"Exists"_qs, {}, u"NoSchedule"_qs)}}.json()
                                        << u"node(s) had untolerated taint {gpu: true}"_qs << true;
    QTest::newRow("taint-empty-key-exists-tolerates-all") << Filter(filterTaintToleration) << gpuNode
                                                          << PodFixture{.tolerations = {toleration({}, u"Exists"_qs, {}, {})}}.json() << QString() << false;
    QTest::newRow("taint-first-untolerated-named")
        << Filter(filterTaintToleration)
        << NodeFixture{.taints = {taint(u"a"_qs, u"1"_qs, u"NoSchedule"_qs), taint(u"b"_qs, u"2"_qs, u"NoSchedule"_qs)}}.json()
        << PodFixture{.tolerations = {toleration(u"a"_qs, u"Exists"_qs, {}, {})}}.json() << u"node(s) had untolerated taint {b: 2}"_qs << true;

    // NodeAffinity
    const QJsonObject zoned = NodeFixture{.labels = {{u"zone"_qs, u"a"_qs}, {u"cores"_qs, u"8"_qs}}}.json();
    const QString affinityReason = u"node(s) didn't match Pod's node affinity/selector"_qs;
    const auto withTerms = [](const QJsonArray &terms) { return PodFixture{.affinity = requiredAffinity(terms)}.json(); };
    const auto term = [](const QJsonArray &expressions) { return QJsonObject{{u"matchExpressions"_qs, expressions}}; };
    QTest::newRow("affinity-selector-match") << Filter(filterNodeAffinity) << zoned << PodFixture{.nodeSelector = {{u"zone"_qs, u"a"_qs}}}.json() << QString() << false;
    QTest::newRow("affinity-selector-mismatch") << Filter(filterNodeAffinity) << zoned << PodFixture{.nodeSelector = {{u"zone"_qs, u"b"_qs}}}.json() << affinityReason << true;
    QTest::newRow("affinity-selector-missing-label") << Filter(filterNodeAffinity) << plainNode << PodFixture{.nodeSelector = {{u"zone"_qs, u"a"_qs}}}.json() << affinityReason << true;
    QTest::newRow("affinity-in") << Filter(filterNodeAffinity) << zoned << withTerms({term({expression(u"zone"_qs, u"In"_qs, {u"a"_qs, u"b"_qs})})}) << QString() << false;
    QTest::newRow("affinity-in-miss") << Filter(filterNodeAffinity) << zoned << withTerms({term({expression(u"zone"_qs, u"In"_qs, {u"c"_qs})})}) << affinityReason << true;
    QTest::newRow("affinity-notin") << Filter(filterNodeAffinity) << zoned << withTerms({term({expression(u"zone"_qs, u"NotIn"_qs, {u"a"_qs})})}) << affinityReason << true;
    QTest::newRow("affinity-notin-absent-key") << Filter(filterNodeAffinity) << plainNode << withTerms({term({expression(u"zone"_qs, u"NotIn"_qs, {u"a"_qs})})}) << QString() << false;
    QTest::newRow("affinity-exists") << Filter(filterNodeAffinity) << zoned << withTerms({term({expression(u"zone"_qs, u"Exists"_qs)})}) << QString() << false;
    QTest::newRow("affinity-doesnotexist") << Filter(filterNodeAffinity) << zoned << withTerms({term({expression(u"zone"_qs, u"DoesNotExist"_qs)})}) << affinityReason << true;
    QTest::newRow("affinity-gt") << Filter(filterNodeAffinity) << zoned << withTerms({term({expression(u"cores"_qs, u"Gt"_qs, {u"4"_qs})})}) << QString() << false;
    QTest::newRow("affinity-gt-miss") << Filter(filterNodeAffinity) << zoned << withTerms({term({expression(u"cores"_qs, u"Gt"_qs, {u"8"_qs})})}) << affinityReason << true;
    QTest::newRow("affinity-lt") << Filter(filterNodeAffinity) << zoned << withTerms({term({expression(u"cores"_qs, u"Lt"_qs, {u"16"_qs})})}) << QString() << false;
    QTest::newRow("affinity-expressions-anded") << Filter(filterNodeAffinity) << zoned
                                                << withTerms({term({expression(u"zone"_qs, u"In"_qs, {u"a"_qs}), expression(u"cores"_qs, u"Lt"_qs, {u"4"_qs})})})
                                                << affinityReason << true;
    QTest::newRow("affinity-terms-ored") << Filter(filterNodeAffinity) << zoned
                                         << withTerms({term({expression(u"zone"_qs, u"In"_qs, {u"z"_qs})}), term({expression(u"cores"_qs, u"Exists"_qs)})})
                                         << QString() << false;
    QTest::newRow("affinity-match-fields-name") << Filter(filterNodeAffinity) << plainNode
                                                << withTerms({QJsonObject{{u"matchFields"_qs, QJsonArray{expression(u"metadata.name"_qs, u"In"_qs, {u"node-a"_qs})}}}})
                                                << QString() << false;
    QTest::newRow("affinity-match-fields-other-name") << Filter(filterNodeAffinity) << plainNode
                                                      << withTerms({QJsonObject{{u"matchFields"_qs, QJsonArray{expression(u"metadata.name"_qs, u"In"_qs, {u"node-b"_qs})}}}})
                                                      << affinityReason << true;
    QTest::newRow("affinity-empty-term-matches-nothing") << Filter(filterNodeAffinity) << plainNode << withTerms({QJsonObject{}}) << affinityReason << true;

    // NodePorts (ports of pods already on the node: hostPortsInUse)
    QTest::newRow("ports-free") << Filter(filterNodePorts) << plainNode << PodFixture{.ports = {hostPort(80)}}.json() << QString() << false;

    // NodeResourcesFit
    QTest::newRow("fit-no-requests") << Filter(filterNodeResourcesFit) << plainNode << plainPod << QString() << false;
    QTest::newRow("fit-exact") << Filter(filterNodeResourcesFit) << plainNode << PodFixture{.cpu = u"4"_qs, .memory = u"8Gi"_qs}.json() << QString() << false;
    QTest::newRow("fit-cpu") << Filter(filterNodeResourcesFit) << plainNode << PodFixture{.cpu = u"4001m"_qs}.json() << u"Insufficient cpu"_qs << false;
    QTest::newRow("fit-memory") << Filter(filterNodeResourcesFit) << plainNode << PodFixture{.memory = u"9Gi"_qs}.json() << u"Insufficient memory"_qs << false;
    QTest::newRow("fit-cpu-and-memory") << Filter(filterNodeResourcesFit) << plainNode << PodFixture{.cpu = u"5"_qs, .memory = u"9Gi"_qs}.json()
                                        << u"Insufficient cpu|Insufficient memory"_qs << false;
    QTest::newRow("fit-ephemeral-storage") << Filter(filterNodeResourcesFit) << plainNode
                                           << PodFixture{.containers = {container(u"c"_qs, {{u"ephemeral-storage"_qs, u"1Gi"_qs}})}}.json()
                                           << u"Insufficient ephemeral-storage"_qs << false;
    QTest::newRow("fit-extended-resource-missing") << Filter(filterNodeResourcesFit) << plainNode
                                                   << PodFixture{.containers = {container(u"c"_qs, {{u"example.com/gpu"_qs, u"1"_qs}})}}.json()
                                                   << u"Insufficient example.com/gpu"_qs << false;
    QTest::newRow("fit-extended-resource-present") << Filter(filterNodeResourcesFit)
                                                   << NodeFixture{.extraAllocatable = {{u"example.com/gpu"_qs, u"2"_qs}}}.json()
                                                   << PodFixture{.containers = {container(u"c"_qs, {{u"example.com/gpu"_qs, u"2"_qs}})}}.json() << QString() << false;
    QTest::newRow("fit-zero-pods-allowed") << Filter(filterNodeResourcesFit) << NodeFixture{.pods = 0}.json() << plainPod << u"Too many pods"_qs << false;
}

void tst_Filters::filter()
{
    QFETCH(Filter, filter);
    QFETCH(QJsonObject, node);
    QFETCH(QJsonObject, pod);
    QFETCH(QString, reason);
    QFETCH(bool, unresolvable);

    NodeInfo info(node.value(u"metadata").toObject().value(u"name").toString());
    info.setNode(Object::fromJson(node));
    const FilterStatus status = filter(*PodInfo::fromObject(Object::fromJson(pod)), info);
    if (reason.isEmpty()) {
        QVERIFY2(status.isSuccess(), qPrintable(status.reasons.join(u", ")));
        return;
    }
    QVERIFY(!status.isSuccess());
    QCOMPARE(status.reasons.join(u'|'), reason);
    QCOMPARE(status.code == FilterStatus::Code::UnschedulableAndUnresolvable, unresolvable);
}

void tst_Filters::resourcesCountPodsAlreadyOnNode()
{
    NodeInfo info(u"node-a"_qs);
    info.setNode(NodeFixture{.pods = 2}.object());
    info.addPod(PodInfo::fromObject(PodFixture{.name = u"a"_qs, .cpu = u"3"_qs, .nodeName = u"node-a"_qs}.object()));
    const auto pod = PodInfo::fromObject(PodFixture{.cpu = u"1500m"_qs}.object());
    QCOMPARE(filterNodeResourcesFit(*pod, info).reasons, QStringList{u"Insufficient cpu"_qs});

    info.addPod(PodInfo::fromObject(PodFixture{.name = u"b"_qs, .nodeName = u"node-a"_qs}.object()));
    QCOMPARE(filterNodeResourcesFit(*pod, info).reasons, (QStringList{u"Too many pods"_qs, u"Insufficient cpu"_qs}));

    info.removePod(u"default/a"_qs);
    info.removePod(u"default/b"_qs);
    QVERIFY(filterNodeResourcesFit(*pod, info).isSuccess());
}

void tst_Filters::hostPortsInUse_data()
{
    QTest::addColumn<QJsonObject>("used");
    QTest::addColumn<QJsonObject>("wanted");
    QTest::addColumn<bool>("conflict");

    QTest::newRow("same-port-tcp") << hostPort(80) << hostPort(80) << true;
    QTest::newRow("other-port") << hostPort(80) << hostPort(81) << false;
    QTest::newRow("same-port-other-protocol") << hostPort(53, u"TCP"_qs) << hostPort(53, u"UDP"_qs) << false;
    QTest::newRow("empty-protocol-is-tcp") << hostPort(80, u"TCP"_qs) << hostPort(80) << true;
    QTest::newRow("different-ips") << hostPort(80, {}, u"10.0.0.1"_qs) << hostPort(80, {}, u"10.0.0.2"_qs) << false;
    QTest::newRow("same-ip") << hostPort(80, {}, u"10.0.0.1"_qs) << hostPort(80, {}, u"10.0.0.1"_qs) << true;
    QTest::newRow("wanted-wildcard-vs-ip") << hostPort(80, {}, u"10.0.0.1"_qs) << hostPort(80, {}, u"0.0.0.0"_qs) << true;
    QTest::newRow("used-wildcard-vs-ip") << hostPort(80) << hostPort(80, {}, u"10.0.0.1"_qs) << true;
}

void tst_Filters::hostPortsInUse()
{
    QFETCH(QJsonObject, used);
    QFETCH(QJsonObject, wanted);
    QFETCH(bool, conflict);

    NodeInfo info(u"node-a"_qs);
    info.setNode(NodeFixture{}.object());
    info.addPod(PodInfo::fromObject(PodFixture{.name = u"running"_qs, .ports = {used}, .nodeName = u"node-a"_qs}.object()));
    const FilterStatus status = filterNodePorts(*PodInfo::fromObject(PodFixture{.ports = {wanted}}.object()), info);
    QCOMPARE(!status.isSuccess(), conflict);
    if (conflict) {
        QCOMPARE(status.reasons, QStringList{u"node(s) didn't have free ports for the requested pod ports"_qs});
        QCOMPARE(status.code, FilterStatus::Code::Unschedulable);
    }
    info.removePod(u"default/running"_qs);
    QVERIFY(filterNodePorts(*PodInfo::fromObject(PodFixture{.ports = {wanted}}.object()), info).isSuccess());
}

void tst_Filters::runFiltersStopsAtFirstRejection()
{
    // Cordoned, tainted and too small: only the first plugin in profile order is reported.
    NodeInfo info(u"node-a"_qs);
    info.setNode(NodeFixture{.cpu = u"1"_qs, .taints = {taint(u"x"_qs, {}, u"NoSchedule"_qs)}, .unschedulable = true}.object());
    const auto pod = PodInfo::fromObject(PodFixture{.cpu = u"2"_qs}.object());
    const FilterStatus status = runFilters(*pod, info);
    QCOMPARE(status.plugin, u"NodeUnschedulable"_qs);
    QCOMPARE(status.reasons, QStringList{u"node(s) were unschedulable"_qs});
}

QTEST_GUILESS_MAIN(tst_Filters)
#include "tst_filters.moc"
