// OwnedPods, the replica set controller's per-owner pod bookkeeping: pods grouped by their
// controller's uid follow adds, status changes, a change of controller, release to orphan,
// deletion marks and removal; orphans are kept per namespace; other kinds' pods are ignored.
#include "kube/controllers/replicaset/ownedpods.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace kube;

namespace {

Object pod(const QString &ns, const QString &name, const QString &ownerKind, const QString &ownerUid,
           const QString &phase = u"Pending"_qs, bool ready = false, bool deleting = false)
{
    QJsonObject metadata{{u"name"_qs, name}, {u"namespace"_qs, ns}, {u"uid"_qs, u"pod-"_qs + name},
                         {u"labels"_qs, QJsonObject{{u"app"_qs, u"web"_qs}}}};
    if (!ownerKind.isEmpty()) {
        metadata.insert(u"ownerReferences", QJsonArray{QJsonObject{{u"apiVersion"_qs, u"apps/v1"_qs}, {u"kind"_qs, ownerKind},
                                                                   {u"name"_qs, u"owner"_qs}, {u"uid"_qs, ownerUid},
                                                                   {u"controller"_qs, true}}});
    }
    if (deleting)
        metadata.insert(u"deletionTimestamp", u"2026-01-01T00:00:00Z"_qs);
    QJsonObject status{{u"phase"_qs, phase}};
    if (ready) {
        status.insert(u"conditions", QJsonArray{QJsonObject{{u"type"_qs, u"Ready"_qs}, {u"status"_qs, u"True"_qs},
                                                            {u"lastTransitionTime"_qs, u"2026-01-01T00:00:00Z"_qs}}});
    }
    return Object::fromJson(QJsonObject{{u"apiVersion"_qs, u"v1"_qs}, {u"kind"_qs, u"Pod"_qs}, {u"metadata"_qs, metadata},
                                        {u"spec"_qs, QJsonObject{{u"nodeName"_qs, u"node-1"_qs}}}, {u"status"_qs, status}});
}

int readyCount(const QHash<QString, PodInfo> &pods)
{
    int n = 0;
    for (const PodInfo &p : pods)
        n += p.ready ? 1 : 0;
    return n;
}

} // namespace

class tst_OwnedPods : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void groupsByControllerUid();
    void statusChangesReplaceTheEntry();
    void controllerChangeMovesThePod();
    void releasedPodBecomesOrphanAndBack();
    void deletingOrphansAndOtherKindsAreNotHeld();
    void removeForgetsEverywhere();
    void activenessIsReported();
};

void tst_OwnedPods::groupsByControllerUid()
{
    OwnedPods pods(u"ReplicaSet"_qs);
    for (int i = 0; i < 5; ++i)
        pods.upsert(pod(u"default"_qs, u"a-%1"_qs.arg(i), u"ReplicaSet"_qs, u"uid-a"_qs));
    for (int i = 0; i < 3; ++i)
        pods.upsert(pod(u"default"_qs, u"b-%1"_qs.arg(i), u"ReplicaSet"_qs, u"uid-b"_qs));
    QCOMPARE(pods.controlledBy(u"uid-a"_qs).size(), 5);
    QCOMPARE(pods.controlledBy(u"uid-b"_qs).size(), 3);
    QCOMPARE(pods.controlledBy(u"uid-none"_qs).size(), 0);
    QVERIFY(pods.controlledBy(u"uid-a"_qs).contains(u"default/a-3"_qs));
    QCOMPARE(pods.size(), 8);
}

void tst_OwnedPods::statusChangesReplaceTheEntry()
{
    OwnedPods pods(u"ReplicaSet"_qs);
    for (int i = 0; i < 100; ++i)
        pods.upsert(pod(u"default"_qs, u"p-%1"_qs.arg(i), u"ReplicaSet"_qs, u"uid"_qs));
    QCOMPARE(readyCount(pods.controlledBy(u"uid"_qs)), 0);
    // A burst: every pod becomes Running and ready, some twice.
    for (int i = 0; i < 100; ++i)
        pods.upsert(pod(u"default"_qs, u"p-%1"_qs.arg(i), u"ReplicaSet"_qs, u"uid"_qs, u"Running"_qs, true));
    for (int i = 0; i < 10; ++i)
        pods.upsert(pod(u"default"_qs, u"p-%1"_qs.arg(i), u"ReplicaSet"_qs, u"uid"_qs, u"Running"_qs, false));
    const auto &held = pods.controlledBy(u"uid"_qs);
    QCOMPARE(held.size(), 100);
    QCOMPARE(readyCount(held), 90);
    QCOMPARE(held.value(u"default/p-50"_qs).phase, u"Running"_qs);
    QCOMPARE(held.value(u"default/p-5"_qs).ready, false);
}

void tst_OwnedPods::controllerChangeMovesThePod()
{
    OwnedPods pods(u"ReplicaSet"_qs);
    pods.upsert(pod(u"default"_qs, u"p"_qs, u"ReplicaSet"_qs, u"uid-old"_qs));
    pods.upsert(pod(u"default"_qs, u"p"_qs, u"ReplicaSet"_qs, u"uid-new"_qs));
    QCOMPARE(pods.controlledBy(u"uid-old"_qs).size(), 0);
    QCOMPARE(pods.controlledBy(u"uid-new"_qs).size(), 1);
    QCOMPARE(pods.size(), 1);
}

void tst_OwnedPods::releasedPodBecomesOrphanAndBack()
{
    OwnedPods pods(u"ReplicaSet"_qs);
    pods.upsert(pod(u"default"_qs, u"p"_qs, u"ReplicaSet"_qs, u"uid"_qs));
    pods.upsert(pod(u"default"_qs, u"p"_qs, QString(), QString())); // owner reference removed
    QCOMPARE(pods.controlledBy(u"uid"_qs).size(), 0);
    QCOMPARE(pods.orphans(u"default"_qs).size(), 1);
    QCOMPARE(pods.orphans(u"other"_qs).size(), 0);
    pods.upsert(pod(u"default"_qs, u"p"_qs, u"ReplicaSet"_qs, u"uid"_qs)); // adopted
    QCOMPARE(pods.orphans(u"default"_qs).size(), 0);
    QCOMPARE(pods.controlledBy(u"uid"_qs).size(), 1);
}

void tst_OwnedPods::deletingOrphansAndOtherKindsAreNotHeld()
{
    OwnedPods pods(u"ReplicaSet"_qs);
    pods.upsert(pod(u"default"_qs, u"orphan"_qs, QString(), QString()));
    pods.upsert(pod(u"default"_qs, u"orphan"_qs, QString(), QString(), u"Pending"_qs, false, true)); // now being deleted
    pods.upsert(pod(u"default"_qs, u"job-pod"_qs, u"Job"_qs, u"uid-job"_qs));
    QCOMPARE(pods.orphans(u"default"_qs).size(), 0);
    QCOMPARE(pods.controlledBy(u"uid-job"_qs).size(), 0);
    QCOMPARE(pods.size(), 0);
    // A controlled pod being deleted stays held (the controller counts it out as inactive).
    pods.upsert(pod(u"default"_qs, u"p"_qs, u"ReplicaSet"_qs, u"uid"_qs, u"Running"_qs, true, true));
    QCOMPARE(pods.controlledBy(u"uid"_qs).size(), 1);
    QVERIFY(pods.controlledBy(u"uid"_qs).value(u"default/p"_qs).deleting);
}

void tst_OwnedPods::removeForgetsEverywhere()
{
    OwnedPods pods(u"ReplicaSet"_qs);
    pods.upsert(pod(u"default"_qs, u"p"_qs, u"ReplicaSet"_qs, u"uid"_qs));
    pods.upsert(pod(u"default"_qs, u"q"_qs, QString(), QString()));
    pods.remove(pod(u"default"_qs, u"p"_qs, u"ReplicaSet"_qs, u"uid"_qs));
    pods.remove(pod(u"default"_qs, u"q"_qs, QString(), QString()));
    pods.remove(pod(u"default"_qs, u"never"_qs, QString(), QString()));
    QCOMPARE(pods.controlledBy(u"uid"_qs).size(), 0);
    QCOMPARE(pods.orphans(u"default"_qs).size(), 0);
    QCOMPARE(pods.size(), 0);
}

void tst_OwnedPods::activenessIsReported()
{
    OwnedPods pods(u"ReplicaSet"_qs);
    const Object running = pod(u"default"_qs, u"p"_qs, u"ReplicaSet"_qs, u"uid"_qs, u"Running"_qs, true);
    QVERIFY(!pods.isActive(running).has_value());
    pods.upsert(running);
    QCOMPARE(pods.isActive(running), std::optional<bool>(true));
    pods.upsert(pod(u"default"_qs, u"p"_qs, u"ReplicaSet"_qs, u"uid"_qs, u"Failed"_qs));
    QCOMPARE(pods.isActive(running), std::optional<bool>(false));
}

QTEST_GUILESS_MAIN(tst_OwnedPods)
#include "tst_ownedpods.moc"
