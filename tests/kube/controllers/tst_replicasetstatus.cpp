// Pods made from a template, the ReplicaSet status counted from them, and the order in which
// surplus pods go.
#include "kube/controllers/podinfo.h"
#include "kube/controllers/replicaset/replicasetstatus.h"

#include <QJsonArray>
#include <QTest>

using namespace kube;

namespace {

const QDateTime t0(QDate(2026, 11, 27), QTime(10, 0), Qt::UTC);

PodInfo pod(const QString &name, const QString &node, const QString &phase, bool ready, int readyForSeconds = 0, int restarts = 0, int ageSeconds = 100)
{
    PodInfo p;
    p.name = name;
    p.nodeName = node;
    p.phase = phase;
    p.ready = ready;
    p.readySince = t0.addSecs(-readyForSeconds);
    p.restarts = restarts;
    p.created = t0.addSecs(-ageSeconds);
    p.object = Object::fromJson(QJsonObject{{u"metadata"_qs, QJsonObject{{u"name"_qs, name}, {u"labels"_qs, QJsonObject{{u"app"_qs, u"web"_qs}}}}}});
    return p;
}

} // namespace

class TestReplicaSetStatus : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void podFromTemplateIsOwned()
    {
        const QJsonObject templ{{u"metadata"_qs, QJsonObject{{u"labels"_qs, QJsonObject{{u"app"_qs, u"web"_qs}}}}},
                                {u"spec"_qs, QJsonObject{{u"containers"_qs, QJsonArray{}}}}};
        const QJsonObject p = podFromTemplate(templ, {u"apps/v1"_qs, u"ReplicaSet"_qs, u"web-abc"_qs, u"rs-uid"_qs, u"default"_qs});
        const QJsonObject meta = p.value(u"metadata").toObject();
        QCOMPARE(meta.value(u"generateName").toString(), u"web-abc-"_qs);
        QCOMPARE(meta.value(u"namespace").toString(), u"default"_qs);
        QCOMPARE(meta.value(u"labels").toObject().value(u"app").toString(), u"web"_qs);
        const QJsonObject owner = meta.value(u"ownerReferences").toArray().first().toObject();
        QCOMPARE(owner.value(u"kind").toString(), u"ReplicaSet"_qs);
        QCOMPARE(owner.value(u"uid").toString(), u"rs-uid"_qs);
        QVERIFY(owner.value(u"controller").toBool());
        QVERIFY(owner.value(u"blockOwnerDeletion").toBool());
    }

    void statusCounts()
    {
        const QList pods{pod(u"a"_qs, u"n1"_qs, u"Running"_qs, true, 60), pod(u"b"_qs, u"n1"_qs, u"Running"_qs, true, 2),
                         pod(u"c"_qs, u""_qs, u"Pending"_qs, false)};
        const QJsonObject status = calculateReplicaSetStatus({}, QJsonObject{{u"app"_qs, u"web"_qs}}, pods, 4, 10, t0);
        QCOMPARE(status.value(u"replicas").toInt(), 3);
        QCOMPARE(status.value(u"fullyLabeledReplicas").toInt(), 3);
        QCOMPARE(status.value(u"readyReplicas").toInt(), 2);
        QCOMPARE(status.value(u"availableReplicas").toInt(), 1); // b is ready for 2 s < minReadySeconds 10
        QCOMPARE(status.value(u"observedGeneration").toInt(), 4);
        const QJsonObject empty = calculateReplicaSetStatus({}, {}, {}, 1, 0, t0);
        QCOMPARE(empty.value(u"replicas").toInt(), 0);
        QVERIFY(empty.contains(u"replicas")); // not omitempty upstream
        QVERIFY(!empty.contains(u"readyReplicas"));
    }

    void deletionOrder()
    {
        QList pods{pod(u"ready-long"_qs, u"n1"_qs, u"Running"_qs, true, 600), pod(u"unscheduled"_qs, u""_qs, u"Pending"_qs, false),
                   pod(u"ready-short"_qs, u"n1"_qs, u"Running"_qs, true, 5), pod(u"pending"_qs, u"n1"_qs, u"Pending"_qs, false),
                   pod(u"not-ready"_qs, u"n1"_qs, u"Running"_qs, false), pod(u"restarting"_qs, u"n1"_qs, u"Running"_qs, false, 0, 5)};
        sortForDeletion(pods);
        QStringList names;
        for (const auto &p : pods)
            names << p.name;
        QCOMPARE(names, (QStringList{u"unscheduled"_qs, u"pending"_qs, u"restarting"_qs, u"not-ready"_qs, u"ready-short"_qs, u"ready-long"_qs}));
    }

    void activeAndAvailable()
    {
        auto p = pod(u"x"_qs, u"n"_qs, u"Succeeded"_qs, false);
        QVERIFY(!isPodActive(p));
        p.phase = u"Running"_qs;
        QVERIFY(isPodActive(p));
        p.deleting = true;
        QVERIFY(!isPodActive(p));
        auto r = pod(u"r"_qs, u"n"_qs, u"Running"_qs, true, 10);
        QVERIFY(isPodAvailable(r, 10, t0));
        QVERIFY(!isPodAvailable(r, 11, t0));
        QVERIFY(isPodAvailable(r, 0, t0));
    }
};

QTEST_GUILESS_MAIN(TestReplicaSetStatus)
#include "tst_replicasetstatus.moc"
