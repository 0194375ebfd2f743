// Which volume a claim binds to (class, size, access modes, smallest fit, selector, volume mode,
// pre-binding), whether a named volume satisfies its claim, and the object edits of binding.
#include "kube/controllers/volumes/bindingupdates.h"
#include "kube/controllers/volumes/persistentvolumebinder.h"

#include <QJsonArray>
#include <QTest>

using namespace kube;

// Rows name only the fields they care about; the rest keep their defaults on purpose, which
// GCC 12's -Wextra still reports.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace {

struct VolumeSpec {
    QString name;
    QString size;
    QStringList modes = {u"ReadWriteOnce"_qs};
    QString storageClass;
    QString phase = u"Available"_qs;
    QJsonObject labels;
    QJsonObject claimRef; // empty: none
    QString volumeMode;
    bool deleting = false;
};

VolumeInfo volume(const VolumeSpec &v)
{
    QJsonObject metadata{{u"name"_qs, v.name}, {u"resourceVersion"_qs, u"7"_qs}};
    if (!v.labels.isEmpty())
        metadata.insert(u"labels", v.labels);
    if (v.deleting)
        metadata.insert(u"deletionTimestamp", u"2026-11-27T10:00:00Z"_qs);
    QJsonObject spec{{u"capacity"_qs, QJsonObject{{u"storage"_qs, v.size}}}, {u"accessModes"_qs, QJsonArray::fromStringList(v.modes)},
                     {u"hostPath"_qs, QJsonObject{{u"path"_qs, u"/data/"_qs + v.name}}}};
    if (!v.storageClass.isEmpty())
        spec.insert(u"storageClassName", v.storageClass);
    if (!v.claimRef.isEmpty())
        spec.insert(u"claimRef", v.claimRef);
    if (!v.volumeMode.isEmpty())
        spec.insert(u"volumeMode", v.volumeMode);
    return VolumeInfo::from(Object::fromJson(QJsonObject{{u"apiVersion"_qs, u"v1"_qs}, {u"kind"_qs, u"PersistentVolume"_qs},
                                                         {u"metadata"_qs, metadata}, {u"spec"_qs, spec},
                                                         {u"status"_qs, QJsonObject{{u"phase"_qs, v.phase}}}}));
}

struct ClaimSpec {
    QString size = u"1Gi"_qs;
    QStringList modes = {u"ReadWriteOnce"_qs};
    QJsonValue storageClass = u""_qs; // undefined: not set
    QJsonObject selector;
    QString volumeName;
    QString volumeMode;
};

ClaimInfo claim(const ClaimSpec &c)
{
    QJsonObject spec{{u"accessModes"_qs, QJsonArray::fromStringList(c.modes)},
                     {u"resources"_qs, QJsonObject{{u"requests"_qs, QJsonObject{{u"storage"_qs, c.size}}}}}};
    if (!c.storageClass.isUndefined())
        spec.insert(u"storageClassName", c.storageClass);
    if (!c.selector.isEmpty())
        spec.insert(u"selector", c.selector);
    if (!c.volumeName.isEmpty())
        spec.insert(u"volumeName", c.volumeName);
    if (!c.volumeMode.isEmpty())
        spec.insert(u"volumeMode", c.volumeMode);
    const QJsonObject metadata{{u"name"_qs, u"data"_qs}, {u"namespace"_qs, u"default"_qs}, {u"uid"_qs, u"claim-uid"_qs},
                               {u"resourceVersion"_qs, u"42"_qs}};
    return ClaimInfo::from(Object::fromJson(QJsonObject{{u"apiVersion"_qs, u"v1"_qs}, {u"kind"_qs, u"PersistentVolumeClaim"_qs},
                                                        {u"metadata"_qs, metadata}, {u"spec"_qs, spec},
                                                        {u"status"_qs, QJsonObject{{u"phase"_qs, u"Pending"_qs}}}}));
}

QJsonObject refTo(const QString &name, const QString &uid = {})
{
    QJsonObject ref{{u"kind"_qs, u"PersistentVolumeClaim"_qs}, {u"namespace"_qs, u"default"_qs}, {u"name"_qs, name}};
    if (!uid.isEmpty())
        ref.insert(u"uid", uid);
    return ref;
}

QString match(const ClaimSpec &c, const QList<VolumeSpec> &specs, bool delayBinding = false)
{
    QList<VolumeInfo> volumes;
    for (const VolumeSpec &v : specs)
        volumes.append(volume(v));
    const qsizetype i = findBestMatchForClaim(claim(c), volumes, delayBinding);
    return i < 0 ? u"(none)"_qs : volumes.at(i).name;
}

QJsonObject annotationsOf(const QJsonObject &object)
{
    return object.value(u"metadata").toObject().value(u"annotations").toObject();
}

} // namespace

Q_DECLARE_METATYPE(ClaimSpec)
Q_DECLARE_METATYPE(VolumeSpec)

class TestPersistentVolumeBinder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void findBestMatch_data()
    {
        QTest::addColumn<ClaimSpec>("claim");
        QTest::addColumn<QList<VolumeSpec>>("volumes");
        QTest::addColumn<bool>("delayBinding");
        QTest::addColumn<QString>("expected");

        const QList<VolumeSpec> sizes{{u"pv-10g"_qs, u"10Gi"_qs}, {u"pv-5g"_qs, u"5Gi"_qs}, {u"pv-1g"_qs, u"1Gi"_qs}};
        QTest::newRow("smallest-that-fits") << ClaimSpec{u"3Gi"_qs} << sizes << false << u"pv-5g"_qs;
        QTest::newRow("exact-size-fits") << ClaimSpec{u"1Gi"_qs} << sizes << false << u"pv-1g"_qs;
        QTest::newRow("decimal-vs-binary-units") << ClaimSpec{u"1G"_qs} << QList<VolumeSpec>{{u"pv-1g"_qs, u"1Gi"_qs}} << false << u"pv-1g"_qs;
        QTest::newRow("none-big-enough") << ClaimSpec{u"20Gi"_qs} << sizes << false << u"(none)"_qs;

        const QList<VolumeSpec> classes{{u"pv-fast"_qs, u"5Gi"_qs, {u"ReadWriteOnce"_qs}, u"fast"_qs},
                                        {u"pv-noclass"_qs, u"10Gi"_qs}};
        QTest::newRow("class-empty-only-classless") << ClaimSpec{} << classes << false << u"pv-noclass"_qs;
        ClaimSpec fast;
        fast.storageClass = u"fast"_qs;
        QTest::newRow("class-fast") << fast << classes << false << u"pv-fast"_qs;
        ClaimSpec slow;
        slow.storageClass = u"slow"_qs;
        QTest::newRow("class-unknown-none") << slow << classes << false << u"(none)"_qs;

        const QList<VolumeSpec> modes{{u"pv-rwo"_qs, u"1Gi"_qs, {u"ReadWriteOnce"_qs}},
                                      {u"pv-rwx"_qs, u"5Gi"_qs, {u"ReadWriteOnce"_qs, u"ReadWriteMany"_qs}}};
        ClaimSpec rwx;
        rwx.modes = {u"ReadWriteMany"_qs};
        QTest::newRow("access-mode-must-be-offered") << rwx << modes << false << u"pv-rwx"_qs;
        ClaimSpec rox;
        rox.modes = {u"ReadOnlyMany"_qs};
        QTest::newRow("access-mode-nowhere") << rox << modes << false << u"(none)"_qs;
        ClaimSpec both;
        both.modes = {u"ReadWriteOnce"_qs, u"ReadWriteMany"_qs};
        QTest::newRow("all-requested-modes") << both << modes << false << u"pv-rwx"_qs;
        // The group with the fewest modes is searched first, even though its volume is larger.
        const QList<VolumeSpec> groups{{u"pv-many-small"_qs, u"1Gi"_qs, {u"ReadWriteOnce"_qs, u"ReadOnlyMany"_qs, u"ReadWriteMany"_qs}},
                                       {u"pv-rwo-large"_qs, u"10Gi"_qs, {u"ReadWriteOnce"_qs}}};
        QTest::newRow("fewest-modes-group-first") << ClaimSpec{} << groups << false << u"pv-rwo-large"_qs;

        VolumeSpec ssd{u"pv-ssd"_qs, u"10Gi"_qs};
        ssd.labels = QJsonObject{{u"type"_qs, u"ssd"_qs}};
        VolumeSpec hdd{u"pv-hdd"_qs, u"2Gi"_qs};
        hdd.labels = QJsonObject{{u"type"_qs, u"hdd"_qs}};
        ClaimSpec wantsSsd;
        wantsSsd.selector = QJsonObject{{u"matchLabels"_qs, QJsonObject{{u"type"_qs, u"ssd"_qs}}}};
        QTest::newRow("selector-match-labels") << wantsSsd << QList{ssd, hdd} << false << u"pv-ssd"_qs;
        ClaimSpec notHdd;
        notHdd.selector = QJsonObject{{u"matchExpressions"_qs, QJsonArray{QJsonObject{
            {u"key"_qs, u"type"_qs}, {u"operator"_qs, u"NotIn"_qs}, {u"values"_qs, QJsonArray{u"ssd"_qs}}}}}};
        QTest::newRow("selector-match-expressions") << notHdd << QList{ssd, hdd} << false << u"pv-hdd"_qs;
        ClaimSpec nvme;
        nvme.selector = QJsonObject{{u"matchLabels"_qs, QJsonObject{{u"type"_qs, u"nvme"_qs}}}};
        QTest::newRow("selector-nothing-matches") << nvme << QList{ssd, hdd} << false << u"(none)"_qs;

        VolumeSpec preBound{u"pv-reserved"_qs, u"5Gi"_qs};
        preBound.claimRef = refTo(u"data"_qs);
        preBound.phase = u"Available"_qs;
        QTest::newRow("pre-bound-by-name-wins") << ClaimSpec{} << QList{VolumeSpec{u"pv-1g"_qs, u"1Gi"_qs}, preBound} << false << u"pv-reserved"_qs;
        VolumeSpec provisioned{u"pvc-claim-uid"_qs, u"1Gi"_qs};
        provisioned.claimRef = refTo(u"data"_qs, u"claim-uid"_qs);
        provisioned.phase = u"Pending"_qs; // just created: pre-bound volumes need not be Available
        QTest::newRow("provisioned-for-the-claim") << ClaimSpec{} << QList{provisioned} << false << u"pvc-claim-uid"_qs;
        VolumeSpec otherUid = provisioned;
        otherUid.claimRef = refTo(u"data"_qs, u"an-older-claim"_qs);
        QTest::newRow("pre-bound-to-same-name-other-uid") << ClaimSpec{} << QList{otherUid} << false << u"(none)"_qs;
        VolumeSpec elsewhere{u"pv-taken"_qs, u"1Gi"_qs};
        elsewhere.claimRef = refTo(u"other"_qs, u"other-uid"_qs);
        elsewhere.phase = u"Bound"_qs;
        QTest::newRow("bound-elsewhere-skipped") << ClaimSpec{} << QList{elsewhere, VolumeSpec{u"pv-free"_qs, u"2Gi"_qs}} << false << u"pv-free"_qs;

        VolumeSpec released{u"pv-released"_qs, u"1Gi"_qs};
        released.phase = u"Released"_qs;
        VolumeSpec pending{u"pv-pending"_qs, u"1Gi"_qs};
        pending.phase = u"Pending"_qs;
        QTest::newRow("only-available-volumes") << ClaimSpec{} << QList{released, pending} << false << u"(none)"_qs;
        VolumeSpec deleting{u"pv-deleting"_qs, u"1Gi"_qs};
        deleting.deleting = true;
        QTest::newRow("deleting-skipped") << ClaimSpec{} << QList{deleting} << false << u"(none)"_qs;
        VolumeSpec block{u"pv-block"_qs, u"1Gi"_qs};
        block.volumeMode = u"Block"_qs;
        QTest::newRow("volume-mode-filesystem-vs-block") << ClaimSpec{} << QList{block} << false << u"(none)"_qs;
        ClaimSpec wantsBlock;
        wantsBlock.volumeMode = u"Block"_qs;
        QTest::newRow("volume-mode-block") << wantsBlock << QList{block, VolumeSpec{u"pv-fs"_qs, u"1Gi"_qs}} << false << u"pv-block"_qs;

        QTest::newRow("delay-binding-ignores-free-volumes") << ClaimSpec{} << sizes << true << u"(none)"_qs;
        QTest::newRow("delay-binding-keeps-pre-bound") << ClaimSpec{} << QList{VolumeSpec{u"pv-1g"_qs, u"1Gi"_qs}, preBound} << true << u"pv-reserved"_qs;
    }

    void findBestMatch()
    {
        QFETCH(ClaimSpec, claim);
        QFETCH(QList<VolumeSpec>, volumes);
        QFETCH(bool, delayBinding);
        QFETCH(QString, expected);
        QCOMPARE(match(claim, volumes, delayBinding), expected);
    }

    void namedVolumeMustSatisfyClaim_data()
    {
        QTest::addColumn<ClaimSpec>("claim");
        QTest::addColumn<VolumeSpec>("volume");
        QTest::addColumn<QString>("reason");
        QTest::newRow("fits") << ClaimSpec{} << VolumeSpec{u"pv"_qs, u"1Gi"_qs} << QString();
        QTest::newRow("too-small") << ClaimSpec{u"2Gi"_qs} << VolumeSpec{u"pv"_qs, u"1Gi"_qs} << u"requested PV is too small"_qs;
        QTest::newRow("class") << ClaimSpec{} << VolumeSpec{u"pv"_qs, u"1Gi"_qs, {u"ReadWriteOnce"_qs}, u"fast"_qs}
                               << u"storageClassName does not match"_qs;
        VolumeSpec block{u"pv"_qs, u"1Gi"_qs};
        block.volumeMode = u"Block"_qs;
        QTest::newRow("volume-mode") << ClaimSpec{} << block << u"incompatible volumeMode"_qs;
        QTest::newRow("access-mode") << ClaimSpec{u"1Gi"_qs, {u"ReadWriteMany"_qs}} << VolumeSpec{u"pv"_qs, u"1Gi"_qs}
                                     << u"incompatible accessMode"_qs;
    }

    void namedVolumeMustSatisfyClaim()
    {
        QFETCH(ClaimSpec, claim);
        QFETCH(VolumeSpec, volume);
        QFETCH(QString, reason);
        QCOMPARE(checkVolumeSatisfyClaim(::volume(volume), ::claim(claim)), reason);
    }

    void bindingAFreeVolume()
    {
        const VolumeInfo pv = volume({u"pv1"_qs, u"5Gi"_qs, {u"ReadWriteOnce"_qs, u"ReadOnlyMany"_qs}});
        const ClaimInfo pvc = claim({});
        const auto boundPv = bindVolumeToClaim(pv, pvc);
        QVERIFY(boundPv);
        const QJsonObject ref = boundPv->value(u"spec").toObject().value(u"claimRef").toObject();
        QCOMPARE(ref.value(u"name").toString(), u"data"_qs);
        QCOMPARE(ref.value(u"namespace").toString(), u"default"_qs);
        QCOMPARE(ref.value(u"uid").toString(), u"claim-uid"_qs);
        QCOMPARE(ref.value(u"resourceVersion").toString(), u"42"_qs);
        QCOMPARE(ref.value(u"kind").toString(), u"PersistentVolumeClaim"_qs);
        QCOMPARE(annotationsOf(*boundPv).value(u"pv.kubernetes.io/bound-by-controller").toString(), u"yes"_qs);
        QVERIFY(!bindVolumeToClaim(VolumeInfo::from(Object::fromJson(*boundPv)), pvc)); // nothing left to write

        const auto boundClaim = bindClaimToVolume(pvc, u"pv1"_qs);
        QVERIFY(boundClaim);
        QCOMPARE(boundClaim->value(u"spec").toObject().value(u"volumeName").toString(), u"pv1"_qs);
        QCOMPARE(annotationsOf(*boundClaim).value(u"pv.kubernetes.io/bind-completed").toString(), u"yes"_qs);
        QCOMPARE(annotationsOf(*boundClaim).value(u"pv.kubernetes.io/bound-by-controller").toString(), u"yes"_qs);
        QVERIFY(!bindClaimToVolume(ClaimInfo::from(Object::fromJson(*boundClaim)), u"pv1"_qs));

        const auto status = claimWithStatus(*boundClaim, u"Bound"_qs, &*boundPv);
        QVERIFY(status);
        const QJsonObject s = status->value(u"status").toObject();
        QCOMPARE(s.value(u"phase").toString(), u"Bound"_qs);
        QCOMPARE(s.value(u"capacity").toObject().value(u"storage").toString(), u"5Gi"_qs);
        QCOMPARE(s.value(u"accessModes").toArray(), (QJsonArray{u"ReadWriteOnce"_qs, u"ReadOnlyMany"_qs}));
        QVERIFY(!claimWithStatus(*status, u"Bound"_qs, &*boundPv));
        const auto lost = claimWithStatus(*status, u"Lost"_qs, nullptr);
        QVERIFY(lost);
        QVERIFY(!lost->value(u"status").toObject().contains(u"capacity"));
    }

    void bindingAPreBoundVolume()
    {
        // A user reserved the volume by name: the controller adds the uid, not bound-by-controller.
        VolumeSpec reserved{u"pv1"_qs, u"1Gi"_qs};
        reserved.claimRef = refTo(u"data"_qs);
        const auto bound = bindVolumeToClaim(volume(reserved), claim({}));
        QVERIFY(bound);
        QCOMPARE(bound->value(u"spec").toObject().value(u"claimRef").toObject().value(u"uid").toString(), u"claim-uid"_qs);
        QVERIFY(!annotationsOf(*bound).contains(u"pv.kubernetes.io/bound-by-controller"));
        // The claim named the volume itself: bind-completed only.
        ClaimSpec named;
        named.volumeName = u"pv1"_qs;
        const auto boundClaim = bindClaimToVolume(claim(named), u"pv1"_qs);
        QVERIFY(boundClaim);
        QVERIFY(annotationsOf(*boundClaim).contains(u"pv.kubernetes.io/bind-completed"));
        QVERIFY(!annotationsOf(*boundClaim).contains(u"pv.kubernetes.io/bound-by-controller"));
    }

    void unbinding()
    {
        // Pre-bound by a user (no bound-by-controller): keeps the claim's name, loses its uid.
        VolumeSpec byUser{u"pv1"_qs, u"1Gi"_qs};
        byUser.claimRef = refTo(u"data"_qs, u"claim-uid"_qs);
        const QJsonObject reserved = unbindVolume(volume(byUser));
        const QJsonObject ref = reserved.value(u"spec").toObject().value(u"claimRef").toObject();
        QCOMPARE(ref.value(u"name").toString(), u"data"_qs);
        QVERIFY(!ref.contains(u"uid"));

        // Bound by the controller: the claimRef and the annotation go.
        const VolumeInfo controllerBound = VolumeInfo::from(Object::fromJson(*bindVolumeToClaim(volume({u"pv2"_qs, u"1Gi"_qs}), claim({}))));
        QVERIFY(controllerBound.hasAnnotation(volumeannotation::BoundByController));
        const QJsonObject freed = unbindVolume(controllerBound);
        QVERIFY(!freed.value(u"spec").toObject().contains(u"claimRef"));
        QVERIFY(!annotationsOf(freed).contains(u"pv.kubernetes.io/bound-by-controller"));
    }

    void phasesAndFinalizers()
    {
        const QDateTime now(QDate(2026, 11, 27), QTime(10, 0), Qt::UTC);
        const VolumeInfo pv = volume({u"pv1"_qs, u"1Gi"_qs});
        QVERIFY(!volumeWithPhase(pv.json, u"Available"_qs, {}, now));
        const auto failed = volumeWithPhase(pv.json, u"Failed"_qs, u"no deleter"_qs, now);
        QVERIFY(failed);
        QCOMPARE(failed->value(u"status").toObject().value(u"message").toString(), u"no deleter"_qs);
        QCOMPARE(failed->value(u"status").toObject().value(u"lastPhaseTransitionTime").toString(), u"2026-11-27T10:00:00Z"_qs);

        const auto protectedPv = withFinalizer(pv.json, u"kubernetes.io/pv-protection"_qs, true);
        QVERIFY(protectedPv);
        QCOMPARE(protectedPv->value(u"metadata").toObject().value(u"finalizers").toArray(), QJsonArray{u"kubernetes.io/pv-protection"_qs});
        QVERIFY(!withFinalizer(*protectedPv, u"kubernetes.io/pv-protection"_qs, true));
        const auto unprotected = withFinalizer(*protectedPv, u"kubernetes.io/pv-protection"_qs, false);
        QVERIFY(unprotected);
        QVERIFY(!unprotected->value(u"metadata").toObject().contains(u"finalizers"));
    }
};

QTEST_GUILESS_MAIN(TestPersistentVolumeBinder)
#include "tst_persistentvolumebinder.moc"
