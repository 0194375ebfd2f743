// persistentVolumeClaimRetentionPolicy as the owner references of a member's claims, for every
// combination of whenDeleted and whenScaled, members in range and scaled down; stale claims.
#include "kube/controllers/statefulset/statefulsetclaims.h"

#include <QTest>

using namespace kube::statefulset;

namespace {

const ClaimOwner kSet{u"apps/v1"_qs, u"StatefulSet"_qs, u"web"_qs, u"set-uid"_qs};
const ClaimOwner kPod{u"v1"_qs, u"Pod"_qs, u"web-2"_qs, u"pod-uid"_qs};

QJsonObject ref(const ClaimOwner &owner)
{
    return {{u"apiVersion"_qs, owner.apiVersion}, {u"kind"_qs, owner.kind}, {u"name"_qs, owner.name}, {u"uid"_qs, owner.uid}};
}

QStringList uids(const QJsonArray &refs)
{
    QStringList out;
    for (const auto &r : refs)
        out.append(r.toObject().value(u"uid").toString());
    return out;
}

} // namespace

class TestStatefulSetClaims : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void policyFromSpec()
    {
        const auto retain = ClaimRetentionPolicy::from({});
        QVERIFY(!retain.deleteWhenDeleted && !retain.deleteWhenScaled);
        const auto policy = ClaimRetentionPolicy::from(QJsonObject{{u"persistentVolumeClaimRetentionPolicy"_qs,
                                                                    QJsonObject{{u"whenDeleted"_qs, u"Delete"_qs}, {u"whenScaled"_qs, u"Retain"_qs}}}});
        QVERIFY(policy.deleteWhenDeleted && !policy.deleteWhenScaled);
    }

    void owners_data()
    {
        QTest::addColumn<bool>("whenDeleted");
        QTest::addColumn<bool>("whenScaled");
        QTest::addColumn<bool>("scaledDown");
        QTest::addColumn<QStringList>("expected");
        // Each row starts from a claim owned by both the set and the pod, plus an unrelated owner.
        QTest::newRow("retain-retain-in-range") << false << false << false << QStringList{u"other"_qs};
        QTest::newRow("retain-retain-scaled-down") << false << false << true << QStringList{u"other"_qs};
        QTest::newRow("deleted-delete-in-range") << true << false << false << QStringList{u"other"_qs, u"set-uid"_qs};
        QTest::newRow("deleted-delete-scaled-down") << true << false << true << QStringList{u"other"_qs, u"set-uid"_qs};
        QTest::newRow("scaled-delete-in-range") << false << true << false << QStringList{u"other"_qs};
        QTest::newRow("scaled-delete-scaled-down") << false << true << true << QStringList{u"other"_qs, u"pod-uid"_qs};
        QTest::newRow("both-delete-in-range") << true << true << false << QStringList{u"other"_qs, u"set-uid"_qs};
        QTest::newRow("both-delete-scaled-down") << true << true << true << QStringList{u"other"_qs, u"pod-uid"_qs};
    }
    void owners()
    {
        QFETCH(bool, whenDeleted);
        QFETCH(bool, whenScaled);
        QFETCH(bool, scaledDown);
        QFETCH(QStringList, expected);
        const ClaimRetentionPolicy policy{whenDeleted, whenScaled};
        const QJsonArray start{QJsonObject{{u"kind"_qs, u"Widget"_qs}, {u"name"_qs, u"w"_qs}, {u"uid"_qs, u"other"_qs}}, ref(kSet), ref(kPod)};
        QStringList got = uids(claimOwnerReferences(start, policy, kSet, kPod, scaledDown));
        got.sort();
        QCOMPARE(got, expected);

        // From a claim without owners the same references appear, as plain (non-controller) ones.
        const QJsonArray fresh = claimOwnerReferences({}, policy, kSet, kPod, scaledDown);
        QStringList freshUids = uids(fresh);
        freshUids.prepend(u"other"_qs);
        freshUids.sort();
        QCOMPARE(freshUids, expected);
        for (const auto &r : fresh) {
            QVERIFY(!r.toObject().contains(u"controller"));
            QVERIFY(r.toObject() == ref(kSet) || r.toObject() == ref(kPod));
        }
        // Applying the policy twice changes nothing more.
        const QJsonArray once = claimOwnerReferences(start, policy, kSet, kPod, scaledDown);
        QCOMPARE(claimOwnerReferences(once, policy, kSet, kPod, scaledDown), once);
    }

    void aPodNotCreatedYetIsNoOwner()
    {
        const ClaimOwner unborn{u"v1"_qs, u"Pod"_qs, u"web-2"_qs, QString()};
        QVERIFY(claimOwnerReferences({}, ClaimRetentionPolicy{true, true}, kSet, unborn, true).isEmpty());
    }

    void staleClaims()
    {
        const QJsonArray ownedByOldPod{ref(kPod)};
        const ClaimRetentionPolicy scaled{false, true};
        QVERIFY(claimIsStale(ownedByOldPod, scaled, u"web-2"_qs, QString()));
        QVERIFY(claimIsStale(ownedByOldPod, scaled, u"web-2"_qs, u"new-uid"_qs));
        QVERIFY(!claimIsStale(ownedByOldPod, scaled, u"web-2"_qs, u"pod-uid"_qs));
        QVERIFY(!claimIsStale(QJsonArray{ref(kSet)}, scaled, u"web-2"_qs, QString()));
        QVERIFY(!claimIsStale(ownedByOldPod, ClaimRetentionPolicy{true, false}, u"web-2"_qs, QString()));
    }
};

QTEST_GUILESS_MAIN(TestStatefulSetClaims)
#include "tst_statefulsetclaims.moc"
