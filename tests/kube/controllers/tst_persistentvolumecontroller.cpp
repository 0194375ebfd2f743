// Persistent volumes in a running embedded cluster (controllers on): the default StorageClass and
// its admission, dynamic provisioning of a claim without a class, static binding to the smallest
// fitting volume, Delete vs Retain when the claim goes, a claim with no volume and no class, and a
// pod that waits for its claim, runs once it is bound, and holds the claim while it runs.
#include "tests/support/clusterfixture.h"
#include "tests/support/syncclient.h"
#include "kube/client/clustertransport.h"
#include "kube/client/restclient.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace kube;

namespace {

const GroupVersionResource kClaims{QString(), u"v1"_qs, u"persistentvolumeclaims"_qs};
const GroupVersionResource kVolumes{QString(), u"v1"_qs, u"persistentvolumes"_qs};
const GroupVersionResource kClasses{u"storage.k8s.io"_qs, u"v1"_qs, u"storageclasses"_qs};
const GroupVersionResource kPods{QString(), u"v1"_qs, u"pods"_qs};
const GroupVersionResource kEvents{QString(), u"v1"_qs, u"events"_qs};
const QString kNs = u"default"_qs;

constexpr int WaitMs = 30000;

Object claim(const QString &name, const QString &size, const QJsonValue &storageClass = QJsonValue::Undefined)
{
    QJsonObject spec{{u"accessModes"_qs, QJsonArray{u"ReadWriteOnce"_qs}},
                     {u"resources"_qs, QJsonObject{{u"requests"_qs, QJsonObject{{u"storage"_qs, size}}}}}};
    if (!storageClass.isUndefined())
        spec.insert(u"storageClassName", storageClass);
    return Object::fromJson(QJsonObject{{u"apiVersion"_qs, u"v1"_qs}, {u"kind"_qs, u"PersistentVolumeClaim"_qs},
                                        {u"metadata"_qs, QJsonObject{{u"name"_qs, name}}}, {u"spec"_qs, spec}});
}

Object volume(const QString &name, const QString &size, const QString &storageClass, const QString &policy)
{
    const QJsonObject spec{{u"capacity"_qs, QJsonObject{{u"storage"_qs, size}}},
                           {u"accessModes"_qs, QJsonArray{u"ReadWriteOnce"_qs}},
                           {u"storageClassName"_qs, storageClass},
                           {u"persistentVolumeReclaimPolicy"_qs, policy},
                           {u"hostPath"_qs, QJsonObject{{u"path"_qs, u"/mnt/"_qs + name}}}};
    return Object::fromJson(QJsonObject{{u"apiVersion"_qs, u"v1"_qs}, {u"kind"_qs, u"PersistentVolume"_qs},
                                        {u"metadata"_qs, QJsonObject{{u"name"_qs, name}}}, {u"spec"_qs, spec}});
}

Object podWithClaim(const QString &name, const QString &claimName)
{
    const QJsonObject container{{u"name"_qs, u"web"_qs}, {u"image"_qs, u"nginx"_qs},
                                {u"volumeMounts"_qs, QJsonArray{QJsonObject{{u"name"_qs, u"data"_qs}, {u"mountPath"_qs, u"/data"_qs}}}}};
    const QJsonObject spec{{u"containers"_qs, QJsonArray{container}},
                           {u"volumes"_qs, QJsonArray{QJsonObject{{u"name"_qs, u"data"_qs},
                                                                  {u"persistentVolumeClaim"_qs, QJsonObject{{u"claimName"_qs, claimName}}}}}}};
    return Object::fromJson(QJsonObject{{u"apiVersion"_qs, u"v1"_qs}, {u"kind"_qs, u"Pod"_qs},
                                        {u"metadata"_qs, QJsonObject{{u"name"_qs, name}}}, {u"spec"_qs, spec}});
}

QString at(const Object &object, QStringView path)
{
    return object.scalarAt(path).value_or(QString());
}

} // namespace

class tst_PersistentVolumeController : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void defaultStorageClass();
    void dynamicProvisioningAndDelete();
    void staticBindingAndRetain();
    void noVolumeAndNoClass();
    void podWaitsForItsClaimAndHoldsIt();

private:
    // The field at path of the object, once it equals want (empty when it never did).
    bool waitFor(const GroupVersionResource &gvr, const QString &ns, const QString &name, QStringView path, const QString &want)
    {
        return QTest::qWaitFor([&] {
            const auto o = m_api->get(gvr, ns, name);
            return o && at(*o, path) == want;
        }, WaitMs);
    }
    // "reason: message" of every event about the object.
    QStringList eventsAbout(const QString &kind, const QString &name)
    {
        auto r = awaitResult<Expected<ListPage>>([&](RestClient::ListCallback cb) { m_client->list({kEvents, kNs, QString(), QString()}, {}, cb); });
        QStringList found;
        if (!r || !*r)
            return found;
        for (const Object &e : (*r)->items) {
            if (at(e, u"involvedObject.kind") == kind && at(e, u"involvedObject.name") == name)
                found.append(at(e, u"reason") + u": "_qs + at(e, u"message"));
        }
        return found;
    }

    ClusterFixture m_fixture;
    RestClient *m_client = nullptr; // m_fixture's
    std::unique_ptr<SyncClient> m_api;
};

void tst_PersistentVolumeController::initTestCase()
{
    QVERIFY(m_fixture.dir.isValid());
    const Status started = m_fixture.start(ClusterFixture::Controllers::On);
    QVERIFY2(started.isSuccess(), qPrintable(started.message()));
    m_client = m_fixture.client.get();
    m_api = std::make_unique<SyncClient>(m_client);
}

void tst_PersistentVolumeController::cleanupTestCase()
{
    m_api.reset();
    m_fixture.stop();
}

void tst_PersistentVolumeController::defaultStorageClass()
{
    const auto standard = m_api->get(kClasses, QString(), u"standard"_qs);
    QVERIFY2(standard.ok(), "no default StorageClass");
    QCOMPARE(standard->annotations().value(u"storageclass.kubernetes.io/is-default-class"), u"true"_qs);
    QCOMPARE(at(*standard, u"provisioner"), u"timonel.dev/local-path"_qs);
    QCOMPARE(at(*standard, u"reclaimPolicy"), u"Delete"_qs);
    QCOMPARE(at(*standard, u"volumeBindingMode"), u"Immediate"_qs);
}

void tst_PersistentVolumeController::dynamicProvisioningAndDelete()
{
    const auto created = m_api->create(kClaims, kNs, claim(u"dynamic"_qs, u"3Gi"_qs));
    QVERIFY2(created.ok(), qPrintable(created ? QString() : created.error().message()));
    QCOMPARE(at(*created, u"spec.storageClassName"), u"standard"_qs); // DefaultStorageClass admission

    QVERIFY2(waitFor(kClaims, kNs, u"dynamic"_qs, u"status.phase", u"Bound"_qs), "the claim was not bound");
    const Object bound = *m_api->get(kClaims, kNs, u"dynamic"_qs);
    const QString volumeName = u"pvc-"_qs + created->uid();
    QCOMPARE(at(bound, u"spec.volumeName"), volumeName);
    QCOMPARE(at(bound, u"status.capacity.storage"), u"3Gi"_qs);
    const Labels notes = bound.annotations();
    QCOMPARE(notes.value(u"pv.kubernetes.io/bind-completed"), u"yes"_qs);
    QCOMPARE(notes.value(u"pv.kubernetes.io/bound-by-controller"), u"yes"_qs);
    QCOMPARE(notes.value(u"volume.kubernetes.io/storage-provisioner"), u"timonel.dev/local-path"_qs);
    QVERIFY(bound.finalizers().contains(u"kubernetes.io/pvc-protection"_qs));

    QVERIFY2(waitFor(kVolumes, QString(), volumeName, u"status.phase", u"Bound"_qs), "the volume is not Bound");
    const Object pv = *m_api->get(kVolumes, QString(), volumeName);
    QCOMPARE(at(pv, u"spec.claimRef.uid"), created->uid());
    QCOMPARE(at(pv, u"spec.claimRef.name"), u"dynamic"_qs);
    QCOMPARE(at(pv, u"spec.capacity.storage"), u"3Gi"_qs);
    QCOMPARE(at(pv, u"spec.persistentVolumeReclaimPolicy"), u"Delete"_qs);
    QCOMPARE(at(pv, u"spec.storageClassName"), u"standard"_qs);
    QCOMPARE(pv.annotations().value(u"pv.kubernetes.io/provisioned-by"), u"timonel.dev/local-path"_qs);
    QVERIFY(pv.finalizers().contains(u"kubernetes.io/pv-protection"_qs));
    const QStringList events = eventsAbout(u"PersistentVolumeClaim"_qs, u"dynamic"_qs);
    QVERIFY2(events.contains(u"ProvisioningSucceeded: Successfully provisioned volume "_qs + volumeName), qPrintable(events.join(u'\n')));
    QVERIFY2(std::any_of(events.begin(), events.end(), [](const QString &e) { return e.startsWith(u"ExternalProvisioning: Waiting for a volume"); }),
             qPrintable(events.join(u'\n')));

    // Delete policy: the claim goes, and so does its volume.
    QVERIFY(m_api->remove(kClaims, kNs, u"dynamic"_qs).ok());
    QVERIFY2(QTest::qWaitFor([&] { return m_api->isGone(kClaims, kNs, u"dynamic"_qs); }, WaitMs), "the claim stayed");
    QVERIFY2(QTest::qWaitFor([&] { return m_api->isGone(kVolumes, QString(), volumeName); }, WaitMs), "the volume was not deleted");
}

void tst_PersistentVolumeController::staticBindingAndRetain()
{
    QVERIFY(m_api->create(kVolumes, QString(), volume(u"manual-10g"_qs, u"10Gi"_qs, u"manual"_qs, u"Retain"_qs)).ok());
    QVERIFY(m_api->create(kVolumes, QString(), volume(u"manual-5g"_qs, u"5Gi"_qs, u"manual"_qs, u"Retain"_qs)).ok());
    QVERIFY(m_api->create(kVolumes, QString(), volume(u"other-3g"_qs, u"3Gi"_qs, u"other"_qs, u"Retain"_qs)).ok());
    QVERIFY2(waitFor(kVolumes, QString(), u"manual-5g"_qs, u"status.phase", u"Available"_qs), "the volume never became Available");

    const auto created = m_api->create(kClaims, kNs, claim(u"static"_qs, u"2Gi"_qs, u"manual"_qs));
    QVERIFY(created.ok());
    QVERIFY2(waitFor(kClaims, kNs, u"static"_qs, u"status.phase", u"Bound"_qs), "the claim was not bound");
    QCOMPARE(at(*m_api->get(kClaims, kNs, u"static"_qs), u"spec.volumeName"), u"manual-5g"_qs); // the smallest that fits
    QVERIFY2(waitFor(kVolumes, QString(), u"manual-5g"_qs, u"status.phase", u"Bound"_qs), "the volume is not Bound");
    const Object pv = *m_api->get(kVolumes, QString(), u"manual-5g"_qs);
    QCOMPARE(at(pv, u"spec.claimRef.uid"), created->uid());
    QCOMPARE(pv.annotations().value(u"pv.kubernetes.io/bound-by-controller"), u"yes"_qs);
    QCOMPARE(at(*m_api->get(kVolumes, QString(), u"manual-10g"_qs), u"status.phase"), u"Available"_qs);
    QCOMPARE(at(*m_api->get(kVolumes, QString(), u"other-3g"_qs), u"status.phase"), u"Available"_qs);

    // Retain: the claim goes, the volume stays Released with its claimRef.
    QVERIFY(m_api->remove(kClaims, kNs, u"static"_qs).ok());
    QVERIFY2(waitFor(kVolumes, QString(), u"manual-5g"_qs, u"status.phase", u"Released"_qs), "the volume was not Released");
    QTest::qWait(1000); // a wrong deletion would have happened by now
    const auto released = m_api->get(kVolumes, QString(), u"manual-5g"_qs);
    QVERIFY(released.ok());
    QCOMPARE(at(*released, u"status.phase"), u"Released"_qs);
    QCOMPARE(at(*released, u"spec.claimRef.uid"), created->uid());

    // A new claim of the same name does not get the released volume back.
    QVERIFY(m_api->create(kClaims, kNs, claim(u"static"_qs, u"2Gi"_qs, u"manual"_qs)).ok());
    QVERIFY2(waitFor(kClaims, kNs, u"static"_qs, u"spec.volumeName", u"manual-10g"_qs), "the new claim did not get the free volume");
}

void tst_PersistentVolumeController::noVolumeAndNoClass()
{
    QVERIFY(m_api->create(kClaims, kNs, claim(u"nothing"_qs, u"100Gi"_qs, u""_qs)).ok());
    const QString expected = u"FailedBinding: no persistent volumes available for this claim and no storage class is set"_qs;
    QVERIFY2(QTest::qWaitFor([&] { return eventsAbout(u"PersistentVolumeClaim"_qs, u"nothing"_qs).contains(expected); }, WaitMs),
             qPrintable(eventsAbout(u"PersistentVolumeClaim"_qs, u"nothing"_qs).join(u'\n')));
    const auto pending = m_api->get(kClaims, kNs, u"nothing"_qs);
    QCOMPARE(at(*pending, u"status.phase"), u"Pending"_qs);
    QCOMPARE(at(*pending, u"spec.volumeName"), QString());
}

void tst_PersistentVolumeController::podWaitsForItsClaimAndHoldsIt()
{
    // The pod comes first: its claim does not exist yet.
    QVERIFY(m_api->create(kPods, kNs, podWithClaim(u"web"_qs, u"web-data"_qs)).ok());
    QVERIFY2(QTest::qWaitFor([&] {
        const auto p = m_api->get(kPods, kNs, u"web"_qs);
        return p && p->json().contains(R"(persistentvolumeclaim \"web-data\" not found)");
    }, WaitMs), "the pod was not held back for its missing claim");
    QCOMPARE(at(*m_api->get(kPods, kNs, u"web"_qs), u"spec.nodeName"), QString());

    QVERIFY(m_api->create(kClaims, kNs, claim(u"web-data"_qs, u"1Gi"_qs)).ok());
    QVERIFY2(waitFor(kPods, kNs, u"web"_qs, u"status.phase", u"Running"_qs), "the pod did not run once its claim was bound");
    QCOMPARE(at(*m_api->get(kClaims, kNs, u"web-data"_qs), u"status.phase"), u"Bound"_qs);

    // While the pod runs, a deleted claim stays, Terminating.
    QVERIFY(m_api->remove(kClaims, kNs, u"web-data"_qs).ok());
    QTest::qWait(1000);
    const auto held = m_api->get(kClaims, kNs, u"web-data"_qs);
    QVERIFY2(held.ok(), "the claim went while a pod used it");
    QVERIFY(held->isBeingDeleted());
    QVERIFY(held->finalizers().contains(u"kubernetes.io/pvc-protection"_qs));

    QVERIFY(m_api->remove(kPods, kNs, u"web"_qs).ok());
    QVERIFY2(QTest::qWaitFor([&] { return m_api->isGone(kClaims, kNs, u"web-data"_qs); }, 60000), "the claim outlived its pod");
}

QTEST_GUILESS_MAIN(tst_PersistentVolumeController)
#include "tst_persistentvolumecontroller.moc"
