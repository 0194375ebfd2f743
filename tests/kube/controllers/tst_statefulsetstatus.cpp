// The status a StatefulSet reports: member counts per readiness and revision, the rolling update
// completing (currentRevision becomes updateRevision), OnDelete never completing, deletions for
// the update taken off currentReplicas, and upstream's omitempty fields.
#include "kube/controllers/statefulset/statefulsetstatus.h"

#include <QJsonArray>
#include <QTest>

using namespace kube::statefulset;

namespace {

MemberState member(int ordinal, const QString &revision, bool ready, bool terminating = false, bool available = true)
{
    MemberState m;
    m.name = u"web-"_qs + QString::number(ordinal);
    m.ordinal = ordinal;
    m.phase = u"Running"_qs;
    m.revision = revision;
    m.runningAndReady = ready;
    m.available = ready && available;
    m.terminating = terminating;
    return m;
}

StatusInput rolling(int updateDeletions = 0)
{
    StatusInput in;
    in.generation = 4;
    in.currentRevision = u"web-old"_qs;
    in.updateRevision = u"web-new"_qs;
    in.updateDeletions = updateDeletions;
    return in;
}

} // namespace

class TestStatefulSetStatus : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void countsMembers()
    {
        const QList<MemberState> members{
            member(0, u"web-old"_qs, true),
            member(1, u"web-new"_qs, true, false, false), // ready, not yet available (minReadySeconds)
            member(2, u"web-new"_qs, false),
            member(3, u"web-old"_qs, true, true), // terminating: counted, but at no revision
        };
        const QJsonObject status = statefulSetStatus({}, members, rolling());
        QCOMPARE(status.value(u"replicas").toInt(), 4);
        QCOMPARE(status.value(u"readyReplicas").toInt(), 3);
        QCOMPARE(status.value(u"availableReplicas").toInt(), 2);
        QCOMPARE(status.value(u"currentReplicas").toInt(), 1);
        QCOMPARE(status.value(u"updatedReplicas").toInt(), 2);
        QCOMPARE(status.value(u"currentRevision").toString(), u"web-old"_qs);
        QCOMPARE(status.value(u"updateRevision").toString(), u"web-new"_qs);
        QCOMPARE(status.value(u"observedGeneration").toInteger(), 4);
        QCOMPARE(status.value(u"collisionCount").toInt(), 0);
    }

    void rollingUpdateCompletes()
    {
        const QList<MemberState> members{member(0, u"web-new"_qs, true), member(1, u"web-new"_qs, true)};
        const QJsonObject status = statefulSetStatus({}, members, rolling());
        QCOMPARE(status.value(u"currentRevision").toString(), u"web-new"_qs);
        QCOMPARE(status.value(u"currentReplicas").toInt(), 2);
        QCOMPARE(status.value(u"updatedReplicas").toInt(), 2);
    }

    void rollingUpdateNotCompleteWhileAMemberIsUnready()
    {
        const QList<MemberState> members{member(0, u"web-new"_qs, true), member(1, u"web-new"_qs, false)};
        const QJsonObject status = statefulSetStatus({}, members, rolling());
        QCOMPARE(status.value(u"currentRevision").toString(), u"web-old"_qs);
        QVERIFY(!status.contains(u"currentReplicas")); // omitempty: zero is left out
    }

    void onDeleteNeverCompletes()
    {
        StatusInput in = rolling();
        in.rollingUpdate = false;
        const QJsonObject status = statefulSetStatus({}, {member(0, u"web-new"_qs, true)}, in);
        QCOMPARE(status.value(u"currentRevision").toString(), u"web-old"_qs);
    }

    void updateDeletionsLeaveCurrentReplicas()
    {
        const QList<MemberState> members{member(0, u"web-old"_qs, true), member(1, u"web-old"_qs, true), member(2, u"web-old"_qs, true)};
        QCOMPARE(statefulSetStatus({}, members, rolling(1)).value(u"currentReplicas").toInt(), 2);
        QCOMPARE(statefulSetStatus({}, members, rolling(5)).value(u"currentReplicas").toInt(), 0);
    }

    void emptySetAndCarriedConditions()
    {
        const QJsonArray conditions{QJsonObject{{u"type"_qs, u"Custom"_qs}, {u"status"_qs, u"True"_qs}}};
        const QJsonObject status = statefulSetStatus(QJsonObject{{u"conditions"_qs, conditions}}, {}, rolling());
        QCOMPARE(status.value(u"replicas").toInt(), 0);
        QVERIFY(status.contains(u"replicas"));
        QVERIFY(status.contains(u"availableReplicas"));
        QVERIFY(!status.contains(u"readyReplicas"));
        QVERIFY(!status.contains(u"updatedReplicas"));
        QCOMPARE(status.value(u"conditions").toArray(), conditions);
    }
};

QTEST_GUILESS_MAIN(TestStatefulSetStatus)
#include "tst_statefulsetstatus.moc"
