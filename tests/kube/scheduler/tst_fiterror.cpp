// The FailedScheduling text: reasons counted over nodes, sorted as strings, and the preemption
// verdict appended, exactly as upstream writes it.
#include "kube/scheduler/fiterror.h"
#include "schedulerfixtures.h"

#include <QtTest>

using namespace kube;
using namespace kube::scheduler;
using namespace fixtures;

namespace {

using Code = FilterStatus::Code;

FilterStatus status(Code code, QStringList reasons)
{
    return {code, u"Test"_qs, std::move(reasons)};
}

// n nodes rejected with the same status.
QList<FitError::NodeStatus> repeat(int n, const FilterStatus &s, const QString &prefix)
{
    QList<FitError::NodeStatus> out;
    for (int i = 0; i < n; ++i)
        out.append({prefix + QString::number(i), s});
    return out;
}

} // namespace

class tst_FitError : public QObject
{
    Q_OBJECT
private slots:
    void message_data();
    void message();
    void preemptionNeverPolicy();
    void noNodes();
};

void tst_FitError::message_data()
{
    QTest::addColumn<QList<FitError::NodeStatus>>("statuses");
    QTest::addColumn<QString>("expected");

    const FilterStatus controlPlane = status(Code::UnschedulableAndUnresolvable, {u"node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }"_qs});
    const FilterStatus cpu = status(Code::Unschedulable, {u"Insufficient cpu"_qs});
    const FilterStatus cpuAndMemory = status(Code::Unschedulable, {u"Insufficient cpu"_qs, u"Insufficient memory"_qs});
    const FilterStatus affinity = status(Code::UnschedulableAndUnresolvable, {u"node(s) didn't match Pod's node affinity/selector"_qs});
    const FilterStatus cordoned = status(Code::UnschedulableAndUnresolvable, {u"node(s) were unschedulable"_qs});
    const FilterStatus ports = status(Code::Unschedulable, {u"node(s) didn't have free ports for the requested pod ports"_qs});
    const FilterStatus memory = status(Code::Unschedulable, {u"Insufficient memory"_qs});

    QTest::newRow("taint-and-cpu") << repeat(1, controlPlane, u"cp"_qs) + repeat(2, cpu, u"w"_qs)
                                   << u"0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. "
                                      "preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod."_qs;
    QTest::newRow("all-affinity") << repeat(3, affinity, u"n"_qs)
                                  << u"0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. "
                                     "preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling."_qs;
    QTest::newRow("two-reasons-on-one-node-both-counted") << repeat(2, cpuAndMemory, u"n"_qs)
                                                          << u"0/2 nodes are available: 2 Insufficient cpu, 2 Insufficient memory. "
                                                             "preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod."_qs;
    QTest::newRow("unschedulable-and-ports") << repeat(1, cordoned, u"c"_qs) + repeat(1, ports, u"p"_qs)
                                             << u"0/2 nodes are available: 1 node(s) didn't have free ports for the requested pod ports, 1 node(s) were unschedulable. "
                                                "preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling."_qs;
    // Go's sort.Strings compares the rendered "<count> <reason>": "10 …" sorts before "2 …".
    QTest::newRow("sorted-as-strings-not-numbers") << repeat(10, memory, u"m"_qs) + repeat(2, affinity, u"a"_qs)
                                                   << u"0/12 nodes are available: 10 Insufficient memory, 2 node(s) didn't match Pod's node affinity/selector. "
                                                      "preemption: 0/12 nodes are available: 10 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling."_qs;
}

void tst_FitError::message()
{
    QFETCH(QList<FitError::NodeStatus>, statuses);
    QFETCH(QString, expected);

    const auto pod = PodInfo::fromObject(PodFixture{}.object());
    const int all = int(statuses.size());
    const FitError error(all, statuses, FitError::preemptionMessage(*pod, all, statuses));
    QCOMPARE(error.message(), expected);
}

void tst_FitError::preemptionNeverPolicy()
{
    const auto pod = PodInfo::fromObject(PodFixture{.extraSpec = {{u"preemptionPolicy"_qs, u"Never"_qs}}}.object());
    const QList<FitError::NodeStatus> statuses{{u"a"_qs, status(Code::Unschedulable, {u"Insufficient cpu"_qs})}};
    const FitError error(1, statuses, FitError::preemptionMessage(*pod, 1, statuses));
    QCOMPARE(error.message(), u"0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never."_qs);
}

void tst_FitError::noNodes()
{
    QCOMPARE(FitError(0, {}).message(), u"no nodes available to schedule pods"_qs);
}

QTEST_GUILESS_MAIN(tst_FitError)
#include "tst_fiterror.moc"
