// The StatefulSet's next steps from what the caches show: ordered creation that waits for each
// member to be Running and Ready, Parallel creation, failed members replaced, scale-down from the
// highest ordinal, rolling updates from the highest ordinal down to the partition, OnDelete,
// maxUnavailable, stale claims and claim owners.
#include "kube/controllers/statefulset/statefulsetplan.h"

#include <QTest>

using namespace kube::statefulset;

namespace {

enum class State { Ready, Pending, NotReady, Terminating, Failed, Succeeded };

MemberState member(int ordinal, State state, const QString &revision = u"new"_qs)
{
    MemberState m;
    m.name = u"web-"_qs + QString::number(ordinal);
    m.uid = u"uid-"_qs + QString::number(ordinal);
    m.ordinal = ordinal;
    m.revision = revision;
    switch (state) {
    case State::Ready:
        m.phase = u"Running"_qs;
        m.runningAndReady = m.available = true;
        break;
    case State::Pending:
        m.phase = u"Pending"_qs;
        break;
    case State::NotReady:
        m.phase = u"Running"_qs;
        break;
    case State::Terminating:
        m.phase = u"Running"_qs;
        m.runningAndReady = m.available = true;
        m.terminating = true;
        break;
    case State::Failed:
        m.phase = u"Failed"_qs;
        break;
    case State::Succeeded:
        m.phase = u"Succeeded"_qs;
        break;
    }
    return m;
}

PlanInput input(int replicas, QList<MemberState> members)
{
    PlanInput in;
    in.replicas = replicas;
    in.updateRevision = u"new"_qs;
    in.members = std::move(members);
    return in;
}

PlanInput parallel(PlanInput in)
{
    in.parallel = true;
    return in;
}

// "create 1 current", "delete 2 scale-down", "fix-pod 0", "fix-claims 1".
QStringList describe(const Plan &plan)
{
    QStringList out;
    for (const PlanStep &s : plan.steps) {
        const QString ordinal = QString::number(s.ordinal);
        switch (s.kind) {
        case PlanStep::Kind::CreatePod:
            out.append(u"create "_qs + ordinal + (s.atUpdateRevision ? u" update"_qs : u" current"_qs));
            break;
        case PlanStep::Kind::DeletePod: {
            const QString why = s.reason == PlanStep::Reason::Failed ? u"failed"_qs
                : s.reason == PlanStep::Reason::ScaleDown            ? u"scale-down"_qs
                                                                     : u"update"_qs;
            out.append(u"delete "_qs + ordinal + u' ' + why);
            if (s.podName != u"web-"_qs + ordinal || s.podUid != u"uid-"_qs + ordinal)
                out.append(u"(wrong pod named)"_qs);
            break;
        }
        case PlanStep::Kind::FixPod:
            out.append(u"fix-pod "_qs + ordinal);
            break;
        case PlanStep::Kind::FixClaims:
            out.append(u"fix-claims "_qs + ordinal);
            break;
        }
    }
    return out;
}

} // namespace

Q_DECLARE_METATYPE(kube::statefulset::PlanInput)

class TestStatefulSetPlan : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void steps_data()
    {
        QTest::addColumn<PlanInput>("in");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("ordered-from-nothing-creates-only-ordinal-0") << input(3, {}) << QStringList{u"create 0 update"_qs};
        QTest::newRow("ordered-waits-for-pending-0") << input(3, {member(0, State::Pending)}) << QStringList{};
        QTest::newRow("ordered-waits-for-running-but-unready-0") << input(3, {member(0, State::NotReady)}) << QStringList{};
        QTest::newRow("ordered-0-ready-creates-1") << input(3, {member(0, State::Ready)}) << QStringList{u"create 1 update"_qs};
        QTest::newRow("ordered-fills-a-gap-first") << input(3, {member(0, State::Ready), member(2, State::Ready)})
                                                   << QStringList{u"create 1 update"_qs};
        QTest::newRow("parallel-creates-all") << parallel(input(3, {}))
                                              << QStringList{u"create 0 update"_qs, u"create 1 update"_qs, u"create 2 update"_qs};
        QTest::newRow("parallel-does-not-wait-for-pending") << parallel(input(3, {member(0, State::Pending)}))
                                                            << QStringList{u"create 1 update"_qs, u"create 2 update"_qs};
        QTest::newRow("failed-member-is-deleted-and-ordered-stops")
            << input(3, {member(0, State::Ready), member(1, State::Failed)}) << QStringList{u"delete 1 failed"_qs};
        QTest::newRow("succeeded-member-is-deleted-too") << input(1, {member(0, State::Succeeded)}) << QStringList{u"delete 0 failed"_qs};
        QTest::newRow("parallel-replaces-failed-and-creates") << parallel(input(3, {member(0, State::Failed), member(1, State::Ready)}))
                                                              << QStringList{u"delete 0 failed"_qs, u"create 2 update"_qs};
        QTest::newRow("ordered-waits-for-terminating-member") << input(3, {member(0, State::Ready), member(1, State::Terminating)})
                                                              << QStringList{};

        QTest::newRow("scale-down-deletes-highest-first")
            << input(1, {member(0, State::Ready), member(1, State::Ready), member(2, State::Ready)}) << QStringList{u"delete 2 scale-down"_qs};
        QTest::newRow("scale-down-waits-for-terminating-highest")
            << input(1, {member(0, State::Ready), member(1, State::Ready), member(2, State::Terminating)}) << QStringList{};
        QTest::newRow("scale-down-waits-for-members-in-range")
            << input(2, {member(0, State::Ready), member(1, State::NotReady), member(2, State::Ready)}) << QStringList{};
        QTest::newRow("scale-down-takes-the-first-unhealthy")
            << input(1, {member(0, State::Ready), member(1, State::Ready), member(2, State::NotReady)}) << QStringList{u"delete 2 scale-down"_qs};
        QTest::newRow("scale-down-blocked-by-a-lower-unhealthy")
            << input(1, {member(0, State::Ready), member(1, State::NotReady), member(2, State::NotReady)}) << QStringList{};
        QTest::newRow("parallel-scale-down-deletes-all")
            << parallel(input(1, {member(0, State::Ready), member(1, State::Ready), member(2, State::Ready)}))
            << QStringList{u"delete 2 scale-down"_qs, u"delete 1 scale-down"_qs};
        QTest::newRow("scale-to-zero-deletes-highest")
            << input(0, {member(0, State::Ready), member(1, State::Ready)}) << QStringList{u"delete 1 scale-down"_qs};

        const QList<MemberState> old{member(0, State::Ready, u"old"_qs), member(1, State::Ready, u"old"_qs), member(2, State::Ready, u"old"_qs)};
        QTest::newRow("rolling-update-deletes-highest-old") << input(3, old) << QStringList{u"delete 2 update"_qs};
        QTest::newRow("rolling-update-waits-for-updated-member")
            << input(3, {member(0, State::Ready, u"old"_qs), member(1, State::Ready, u"old"_qs), member(2, State::Pending)}) << QStringList{};
        QTest::newRow("rolling-update-continues-down")
            << input(3, {member(0, State::Ready, u"old"_qs), member(1, State::Ready, u"old"_qs), member(2, State::Ready)})
            << QStringList{u"delete 1 update"_qs};
        QTest::newRow("parallel-rolling-update-waits-for-unavailable")
            << parallel(input(3, {member(0, State::Ready, u"old"_qs), member(1, State::Ready, u"old"_qs), member(2, State::Pending)}))
            << QStringList{};
        {
            PlanInput in = input(3, old);
            in.partition = 2;
            QTest::newRow("partition-2-updates-only-ordinal-2") << in << QStringList{u"delete 2 update"_qs};
            in.members[2] = member(2, State::Ready);
            QTest::newRow("partition-2-leaves-ordinals-below") << in << QStringList{};
            in.members.removeAt(1);
            QTest::newRow("partition-recreates-below-at-current") << in << QStringList{u"create 1 current"_qs};
            in.partition = 5;
            in.members = old;
            QTest::newRow("partition-beyond-replicas-updates-nothing") << in << QStringList{};
        }
        {
            PlanInput in = input(3, old);
            in.onDelete = true;
            QTest::newRow("on-delete-does-not-roll") << in << QStringList{};
            in.members.removeAt(2);
            QTest::newRow("on-delete-recreates-at-update") << in << QStringList{u"create 2 update"_qs};
        }
        {
            PlanInput in = input(3, old);
            in.maxUnavailable = 2;
            QTest::newRow("max-unavailable-2-deletes-two") << in << QStringList{u"delete 2 update"_qs, u"delete 1 update"_qs};
        }

        {
            PlanInput in = input(2, {member(0, State::Ready)});
            in.staleClaimOrdinals = {1};
            QTest::newRow("stale-claim-holds-the-member-back") << in << QStringList{};
        }
        {
            MemberState renamed = member(0, State::Ready);
            renamed.identityOk = false;
            QTest::newRow("identity-restored") << input(1, {renamed}) << QStringList{u"fix-pod 0"_qs};
            MemberState pending = member(0, State::Pending);
            pending.claimsMissing = true;
            QTest::newRow("pending-member-gets-its-missing-claims") << input(2, {pending}) << QStringList{u"fix-claims 0"_qs};
            MemberState condemned = member(1, State::Ready);
            condemned.claimOwnersOk = false;
            QTest::newRow("condemned-claims-get-owners-before-delete") << input(1, {member(0, State::Ready), condemned})
                                                                       << QStringList{u"fix-claims 1"_qs};
        }
        {
            PlanInput in = input(3, {member(0, State::Failed)});
            in.beingDeleted = true;
            QTest::newRow("set-being-deleted-takes-no-step") << in << QStringList{};
        }
    }

    void steps()
    {
        QFETCH(PlanInput, in);
        QFETCH(QStringList, expected);
        QCOMPARE(describe(planStatefulSet(in)), expected);
    }

    void countsUpdateDeletions()
    {
        PlanInput in = input(3, {member(0, State::Ready, u"old"_qs), member(1, State::Ready, u"old"_qs), member(2, State::Ready, u"old"_qs)});
        in.maxUnavailable = 3;
        QCOMPARE(planStatefulSet(in).updateDeletions, 3);
        in.partition = 1;
        QCOMPARE(planStatefulSet(in).updateDeletions, 2);
    }

    void startOrdinalShiftsTheRange()
    {
        PlanInput in = input(2, {member(3, State::Ready), member(5, State::Ready)});
        in.startOrdinal = 3;
        QCOMPARE(describe(planStatefulSet(in)), (QStringList{u"create 4 update"_qs}));
        in.members.append(member(4, State::Ready));
        QCOMPARE(describe(planStatefulSet(in)), (QStringList{u"delete 5 scale-down"_qs}));
    }
};

QTEST_GUILESS_MAIN(TestStatefulSetPlan)
#include "tst_statefulsetplan.moc"
