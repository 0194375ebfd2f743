// The scheduler's VolumeBinding filter (pods whose claims are missing, deleting or unbound are
// not placed; the FailedScheduling text), its per-thread claim lookup as the scheduler runs it,
// and the choice of the default StorageClass by the DefaultStorageClass admission.
#include "kube/apiserver/defaultstorageclass.h"
#include "kube/scheduler/scheduler.h"
#include "kube/scheduler/volumebinding.h"

#include <QJsonArray>
#include <QTest>

using namespace kube;
using namespace kube::scheduler;

namespace {

Object pod(const QStringList &claims)
{
    QJsonArray volumes;
    for (const QString &claim : claims)
        volumes.append(QJsonObject{{u"name"_qs, claim}, {u"persistentVolumeClaim"_qs, QJsonObject{{u"claimName"_qs, claim}}}});
    volumes.append(QJsonObject{{u"name"_qs, u"scratch"_qs}, {u"emptyDir"_qs, QJsonObject()}});
    return Object::fromJson(QJsonObject{
        {u"apiVersion"_qs, u"v1"_qs}, {u"kind"_qs, u"Pod"_qs},
        {u"metadata"_qs, QJsonObject{{u"name"_qs, u"web"_qs}, {u"namespace"_qs, u"shop"_qs}, {u"uid"_qs, u"pod-uid"_qs}}},
        {u"spec"_qs, QJsonObject{{u"containers"_qs, QJsonArray{QJsonObject{{u"name"_qs, u"c"_qs}, {u"image"_qs, u"nginx"_qs}}}},
                                 {u"volumes"_qs, volumes}}}});
}

Object node(const QString &name)
{
    const QJsonObject allocatable{{u"cpu"_qs, u"4"_qs}, {u"memory"_qs, u"8Gi"_qs}, {u"pods"_qs, u"110"_qs}};
    return Object::fromJson(QJsonObject{
        {u"apiVersion"_qs, u"v1"_qs}, {u"kind"_qs, u"Node"_qs}, {u"metadata"_qs, QJsonObject{{u"name"_qs, name}}},
        {u"status"_qs, QJsonObject{{u"allocatable"_qs, allocatable}, {u"capacity"_qs, allocatable},
                                   {u"conditions"_qs, QJsonArray{QJsonObject{{u"type"_qs, u"Ready"_qs}, {u"status"_qs, u"True"_qs}}}}}}});
}

using States = QHash<QString, ClaimState>;

ClaimLookup lookupOf(const States &states)
{
    return [states](const QString &ns, const QString &name) {
        return states.value(ns + u'/' + name, ClaimState::Missing);
    };
}

// Test rows carry the states as {"namespace/claim": state number}.
QJsonObject rows(const States &states)
{
    QJsonObject json;
    for (auto it = states.begin(); it != states.end(); ++it)
        json.insert(it.key(), int(it.value()));
    return json;
}

States fromRows(const QJsonObject &json)
{
    States states;
    for (auto it = json.begin(); it != json.end(); ++it)
        states.insert(it.key(), ClaimState(it.value().toInt()));
    return states;
}

QJsonObject classJson(const QString &name, const QString &created, bool isDefault, bool beta = false)
{
    QJsonObject metadata{{u"name"_qs, name}, {u"creationTimestamp"_qs, created}};
    if (isDefault) {
        metadata.insert(u"annotations", QJsonObject{{beta ? u"storageclass.beta.kubernetes.io/is-default-class"_qs
                                                          : u"storageclass.kubernetes.io/is-default-class"_qs, u"true"_qs}});
    }
    return QJsonObject{{u"apiVersion"_qs, u"storage.k8s.io/v1"_qs}, {u"kind"_qs, u"StorageClass"_qs},
                       {u"metadata"_qs, metadata}, {u"provisioner"_qs, u"example.com/x"_qs}};
}

} // namespace

class TestPersistentVolumeScheduling : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void claimsDecide_data()
    {
        QTest::addColumn<QStringList>("claims");
        QTest::addColumn<QJsonObject>("states");
        QTest::addColumn<QString>("reason"); // empty: fits

        QTest::newRow("no-claims") << QStringList() << QJsonObject() << QString();
        QTest::newRow("bound") << QStringList{u"data"_qs} << rows(States{{u"shop/data"_qs, ClaimState::Bound}}) << QString();
        QTest::newRow("missing") << QStringList{u"data"_qs} << QJsonObject()
                                 << u"persistentvolumeclaim \"data\" not found"_qs;
        QTest::newRow("other-namespace-does-not-count")
            << QStringList{u"data"_qs} << rows(States{{u"default/data"_qs, ClaimState::Bound}})
            << u"persistentvolumeclaim \"data\" not found"_qs;
        QTest::newRow("deleting") << QStringList{u"data"_qs} << rows(States{{u"shop/data"_qs, ClaimState::Deleting}})
                                  << u"persistentvolumeclaim \"data\" is being deleted"_qs;
        QTest::newRow("unbound-immediate") << QStringList{u"data"_qs, u"logs"_qs}
                                           << rows(States{{u"shop/data"_qs, ClaimState::Bound}, {u"shop/logs"_qs, ClaimState::Unbound}})
                                           << u"pod has unbound immediate PersistentVolumeClaims"_qs;
        QTest::newRow("missing-wins-over-unbound")
            << QStringList{u"logs"_qs, u"data"_qs} << rows(States{{u"shop/logs"_qs, ClaimState::Unbound}})
            << u"persistentvolumeclaim \"data\" not found"_qs;
        QTest::newRow("wait-for-first-consumer")
            << QStringList{u"data"_qs} << rows(States{{u"shop/data"_qs, ClaimState::UnboundWaitForFirstConsumer}})
            << u"node(s) didn't find available persistent volumes to bind"_qs;
    }

    void claimsDecide()
    {
        QFETCH(QStringList, claims);
        QFETCH(QJsonObject, states);
        QFETCH(QString, reason);
        const FilterStatus status = checkPodClaims(*PodInfo::fromObject(pod(claims)), lookupOf(fromRows(states)));
        QCOMPARE(status.isSuccess(), reason.isEmpty());
        if (reason.isEmpty())
            return;
        QCOMPARE(status.code, FilterStatus::Code::UnschedulableAndUnresolvable);
        QCOMPARE(status.plugin, u"VolumeBinding"_qs);
        QCOMPARE(status.reasons, QStringList{reason});
    }

    // The scheduler runs the filter with the lookup installed for its thread, and without one
    // lets every pod through.
    void schedulerUsesThreadLookup()
    {
        SchedulerCache cache;
        cache.addNode(node(u"node-1"_qs));
        Scheduler scheduler(&cache, 1);
        const Object waiting = pod({u"data"_qs});
        QVERIFY(scheduler.schedule(waiting).isScheduled());
        {
            ScopedClaimLookup installed(lookupOf({{u"shop/data"_qs, ClaimState::Unbound}}));
            const ScheduleResult result = scheduler.schedule(waiting);
            QVERIFY(!result.isScheduled());
            QCOMPARE(result.message(), u"0/1 nodes are available: 1 pod has unbound immediate PersistentVolumeClaims. "
                                       "preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling."_qs);
            {
                ScopedClaimLookup nested(lookupOf({{u"shop/data"_qs, ClaimState::Bound}}));
                QVERIFY(scheduler.schedule(waiting).isScheduled());
            }
            QVERIFY(!scheduler.schedule(waiting).isScheduled()); // the outer lookup is back
        }
        QVERIFY(scheduler.schedule(waiting).isScheduled());
    }

    void defaultClass_data()
    {
        QTest::addColumn<QJsonArray>("classes");
        QTest::addColumn<QString>("expected");
        const QString older = u"2026-11-27T10:00:00Z"_qs;
        const QString newer = u"2026-11-27T11:00:00Z"_qs;
        QTest::newRow("none") << QJsonArray() << QString();
        QTest::newRow("no-default") << QJsonArray{classJson(u"a"_qs, older, false)} << QString();
        QTest::newRow("the-default") << QJsonArray{classJson(u"a"_qs, older, false), classJson(u"standard"_qs, older, true)}
                                     << u"standard"_qs;
        QTest::newRow("beta-annotation") << QJsonArray{classJson(u"old"_qs, older, true, true)} << u"old"_qs;
        QTest::newRow("newest-default-wins") << QJsonArray{classJson(u"first"_qs, older, true), classJson(u"second"_qs, newer, true)}
                                             << u"second"_qs;
        QTest::newRow("same-age-first-by-name") << QJsonArray{classJson(u"zeta"_qs, older, true), classJson(u"alpha"_qs, older, true)}
                                                << u"alpha"_qs;
    }

    void defaultClass()
    {
        QFETCH(QJsonArray, classes);
        QFETCH(QString, expected);
        QList<Object> objects;
        for (const QJsonValue &c : classes)
            objects.append(Object::fromJson(c.toObject()));
        QCOMPARE(defaultStorageClassName(objects), expected);
    }
};

QTEST_GUILESS_MAIN(TestPersistentVolumeScheduling)
#include "tst_persistentvolumescheduling.moc"
