// What becomes of a released volume by its reclaim policy and origin, and the volume the
// local-path provisioner makes for a claim.
#include "kube/controllers/volumes/provisioner.h"
#include "kube/controllers/volumes/reclaim.h"

#include <QJsonArray>
#include <QTest>

using namespace kube;

namespace {

using Action = ReclaimDecision::Action;

VolumeInfo releasedVolume(const QString &policy, const QJsonObject &source, const QString &provisionedBy = {})
{
    QJsonObject metadata{{u"name"_qs, u"pv1"_qs}};
    if (!provisionedBy.isEmpty())
        metadata.insert(u"annotations", QJsonObject{{u"pv.kubernetes.io/provisioned-by"_qs, provisionedBy}});
    QJsonObject spec = source;
    spec.insert(u"capacity", QJsonObject{{u"storage"_qs, u"1Gi"_qs}});
    if (!policy.isEmpty())
        spec.insert(u"persistentVolumeReclaimPolicy", policy);
    return VolumeInfo::from(Object::fromJson(QJsonObject{{u"apiVersion"_qs, u"v1"_qs}, {u"kind"_qs, u"PersistentVolume"_qs},
                                                         {u"metadata"_qs, metadata}, {u"spec"_qs, spec},
                                                         {u"status"_qs, QJsonObject{{u"phase"_qs, u"Released"_qs}}}}));
}

QJsonObject hostPath(const QString &path)
{
    return {{u"hostPath"_qs, QJsonObject{{u"path"_qs, path}}}};
}

} // namespace

class TestPersistentVolumeReclaim : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void decide_data()
    {
        QTest::addColumn<QString>("policy");
        QTest::addColumn<QJsonObject>("source");
        QTest::addColumn<QString>("provisionedBy");
        QTest::addColumn<int>("action");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("message");

        const QJsonObject nfs{{u"nfs"_qs, QJsonObject{{u"server"_qs, u"nfs.example"_qs}, {u"path"_qs, u"/exports"_qs}}}};
        QTest::newRow("retain-keeps") << u"Retain"_qs << hostPath(u"/mnt/data"_qs) << QString() << int(Action::Keep) << QString() << QString();
        QTest::newRow("no-policy-means-retain") << QString() << hostPath(u"/mnt/data"_qs) << QString() << int(Action::Keep) << QString() << QString();
        QTest::newRow("delete-provisioned-by-us") << u"Delete"_qs << hostPath(u"/var/timonel/pv/pvc-1_default_data"_qs)
                                                 << u"timonel.dev/local-path"_qs << int(Action::Delete) << QString() << QString();
        QTest::newRow("delete-other-external-provisioner") << u"Delete"_qs << nfs << u"nfs.csi.k8s.io"_qs
                                                           << int(Action::WaitForExternal) << QString() << QString();
        QTest::newRow("delete-hostpath-under-tmp") << u"Delete"_qs << hostPath(u"/tmp/data"_qs) << QString()
                                                   << int(Action::Delete) << QString() << QString();
        QTest::newRow("delete-hostpath-elsewhere-fails")
            << u"Delete"_qs << hostPath(u"/mnt/data"_qs) << QString() << int(Action::Fail) << u"VolumeFailedDelete"_qs
            << u"host_path deleter only supports /tmp/.+ but received provided /mnt/data"_qs;
        QTest::newRow("delete-tmp-itself-fails") << u"Delete"_qs << hostPath(u"/tmp/"_qs) << QString() << int(Action::Fail)
                                                 << u"VolumeFailedDelete"_qs
                                                 << u"host_path deleter only supports /tmp/.+ but received provided /tmp/"_qs;
        QTest::newRow("delete-without-plugin-fails")
            << u"Delete"_qs << nfs << QString() << int(Action::Fail) << u"VolumeFailedDelete"_qs
            << u"error getting deleter volume plugin for volume \"pv1\": no deletable volume plugin matched"_qs;
        QTest::newRow("recycle-is-retained-with-a-warning") << u"Recycle"_qs << hostPath(u"/tmp/data"_qs) << QString()
                                                            << int(Action::KeepWithWarning) << u"VolumeFailedRecycle"_qs << QString();
        QTest::newRow("unknown-policy-fails") << u"Shred"_qs << hostPath(u"/tmp/data"_qs) << QString() << int(Action::Fail)
                                              << u"VolumeUnknownReclaimPolicy"_qs
                                              << u"Volume has unrecognized PersistentVolumeReclaimPolicy"_qs;
    }

    void decide()
    {
        QFETCH(QString, policy);
        QFETCH(QJsonObject, source);
        QFETCH(QString, provisionedBy);
        QFETCH(int, action);
        QFETCH(QString, reason);
        QFETCH(QString, message);
        const ReclaimDecision decision = decideReclaim(releasedVolume(policy, source, provisionedBy));
        QCOMPARE(int(decision.action), action);
        QCOMPARE(decision.reason, reason);
        if (!message.isEmpty())
            QCOMPARE(decision.message, message);
    }

    void provisionedVolume()
    {
        const QJsonObject claimJson{
            {u"apiVersion"_qs, u"v1"_qs}, {u"kind"_qs, u"PersistentVolumeClaim"_qs},
            {u"metadata"_qs, QJsonObject{{u"name"_qs, u"data"_qs}, {u"namespace"_qs, u"shop"_qs}, {u"uid"_qs, u"0b5e"_qs},
                                         {u"resourceVersion"_qs, u"12"_qs}}},
            {u"spec"_qs, QJsonObject{{u"accessModes"_qs, QJsonArray{u"ReadWriteOnce"_qs}},
                                     {u"storageClassName"_qs, u"standard"_qs},
                                     {u"resources"_qs, QJsonObject{{u"requests"_qs, QJsonObject{{u"storage"_qs, u"2Gi"_qs}}}}}}}};
        const ClaimInfo claim = ClaimInfo::from(Object::fromJson(claimJson));
        const StorageClassInfo standard = StorageClassInfo::from(Object::fromJson(QJsonObject{
            {u"apiVersion"_qs, u"storage.k8s.io/v1"_qs}, {u"kind"_qs, u"StorageClass"_qs},
            {u"metadata"_qs, QJsonObject{{u"name"_qs, u"standard"_qs}}}, {u"provisioner"_qs, u"timonel.dev/local-path"_qs},
            {u"reclaimPolicy"_qs, u"Retain"_qs}, {u"mountOptions"_qs, QJsonArray{u"noatime"_qs}}}));
        const QJsonObject pv = buildProvisionedVolume(claim, standard);
        const QJsonObject metadata = pv.value(u"metadata").toObject();
        QCOMPARE(metadata.value(u"name").toString(), u"pvc-0b5e"_qs);
        QCOMPARE(metadata.value(u"annotations").toObject().value(u"pv.kubernetes.io/provisioned-by").toString(), u"timonel.dev/local-path"_qs);
        QCOMPARE(metadata.value(u"finalizers").toArray(), QJsonArray{u"kubernetes.io/pv-protection"_qs});
        const QJsonObject spec = pv.value(u"spec").toObject();
        QCOMPARE(spec.value(u"capacity").toObject().value(u"storage").toString(), u"2Gi"_qs);
        QCOMPARE(spec.value(u"accessModes").toArray(), QJsonArray{u"ReadWriteOnce"_qs});
        QCOMPARE(spec.value(u"storageClassName").toString(), u"standard"_qs);
        QCOMPARE(spec.value(u"persistentVolumeReclaimPolicy").toString(), u"Retain"_qs);
        QCOMPARE(spec.value(u"volumeMode").toString(), u"Filesystem"_qs);
        QCOMPARE(spec.value(u"mountOptions").toArray(), QJsonArray{u"noatime"_qs});
        QCOMPARE(spec.value(u"hostPath").toObject().value(u"path").toString(), u"/var/timonel/pv/pvc-0b5e_shop_data"_qs);
        const QJsonObject ref = spec.value(u"claimRef").toObject();
        QCOMPARE(ref.value(u"namespace").toString(), u"shop"_qs);
        QCOMPARE(ref.value(u"name").toString(), u"data"_qs);
        QCOMPARE(ref.value(u"uid").toString(), u"0b5e"_qs);
        QCOMPARE(ref.value(u"resourceVersion").toString(), u"12"_qs);

        // Deleting it later is ours to do when the class says Delete.
        StorageClassInfo deleting = standard;
        deleting.reclaimPolicy = u"Delete"_qs;
        const VolumeInfo made = VolumeInfo::from(Object::fromJson(buildProvisionedVolume(claim, deleting)));
        QCOMPARE(int(decideReclaim(made).action), int(Action::Delete));
    }
};

QTEST_GUILESS_MAIN(TestPersistentVolumeReclaim)
#include "tst_persistentvolumereclaim.moc"
