// A StatefulSet member's identity: ordinals parsed from pod names, the pod built for an ordinal
// (name, hostname, subdomain, labels, owner, claim volumes) and its claims (names, labels, spec),
// and the identity check that restores edited labels.
#include "kube/controllers/statefulset/statefulsetpods.h"

#include <QJsonArray>
#include <QTest>

using namespace kube;
using namespace kube::statefulset;

namespace {

QJsonObject claimTemplate(const QString &name)
{
    return QJsonObject{
        {u"metadata"_qs, QJsonObject{{u"name"_qs, name}, {u"labels"_qs, QJsonObject{{u"tier"_qs, u"data"_qs}, {u"app"_qs, u"other"_qs}}}}},
        {u"spec"_qs, QJsonObject{{u"accessModes"_qs, QJsonArray{u"ReadWriteOnce"_qs}},
                                 {u"resources"_qs, QJsonObject{{u"requests"_qs, QJsonObject{{u"storage"_qs, u"1Gi"_qs}}}}}}},
    };
}

QJsonObject set()
{
    const QJsonObject labels{{u"app"_qs, u"nginx"_qs}};
    const QJsonObject podSpec{
        {u"containers"_qs, QJsonArray{QJsonObject{{u"name"_qs, u"nginx"_qs}, {u"image"_qs, u"nginx:1.25"_qs}}}},
        {u"volumes"_qs, QJsonArray{QJsonObject{{u"name"_qs, u"www"_qs}, {u"emptyDir"_qs, QJsonObject()}},
                                   QJsonObject{{u"name"_qs, u"config"_qs}, {u"emptyDir"_qs, QJsonObject()}}}},
    };
    return QJsonObject{
        {u"apiVersion"_qs, u"apps/v1"_qs},
        {u"kind"_qs, u"StatefulSet"_qs},
        {u"metadata"_qs, QJsonObject{{u"name"_qs, u"web"_qs}, {u"namespace"_qs, u"shop"_qs}, {u"uid"_qs, u"set-uid"_qs}}},
        {u"spec"_qs, QJsonObject{
            {u"serviceName"_qs, u"nginx"_qs},
            {u"replicas"_qs, 3},
            {u"selector"_qs, QJsonObject{{u"matchLabels"_qs, labels}}},
            {u"template"_qs, QJsonObject{{u"metadata"_qs, QJsonObject{{u"labels"_qs, labels}}}, {u"spec"_qs, podSpec}}},
            {u"volumeClaimTemplates"_qs, QJsonArray{claimTemplate(u"www"_qs), claimTemplate(u"logs"_qs)}},
        }},
    };
}

} // namespace

class TestStatefulSetPods : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void memberNames_data()
    {
        QTest::addColumn<QString>("pod");
        QTest::addColumn<QString>("parent");
        QTest::addColumn<int>("ordinal");
        QTest::newRow("first") << u"web-0"_qs << u"web"_qs << 0;
        QTest::newRow("two-digits") << u"web-12"_qs << u"web"_qs << 12;
        QTest::newRow("dashes-in-the-set-name") << u"my-app-3"_qs << u"my-app"_qs << 3;
        QTest::newRow("no-ordinal") << u"web"_qs << QString() << -1;
        QTest::newRow("trailing-dash") << u"web-"_qs << QString() << -1;
        QTest::newRow("letters-after-the-dash") << u"web-x1"_qs << QString() << -1;
        QTest::newRow("deployment-style-name") << u"web-7d9f8-abcde"_qs << QString() << -1;
        QTest::newRow("ordinal-beyond-int32") << u"web-99999999999"_qs << u"web"_qs << -1;
    }
    void memberNames()
    {
        QFETCH(QString, pod);
        QFETCH(QString, parent);
        QFETCH(int, ordinal);
        const MemberName name = parseMemberName(pod);
        QCOMPARE(name.parent, parent);
        QCOMPARE(name.ordinal, ordinal);
    }

    void podForOrdinal()
    {
        const QJsonObject pod = newStatefulSetPod(set(), 2, u"web-5d8c9"_qs);
        const QJsonObject metadata = pod.value(u"metadata").toObject();
        QCOMPARE(metadata.value(u"name").toString(), u"web-2"_qs);
        QCOMPARE(metadata.value(u"namespace").toString(), u"shop"_qs);
        const QJsonObject labels = metadata.value(u"labels").toObject();
        QCOMPARE(labels.value(u"app").toString(), u"nginx"_qs);
        QCOMPARE(labels.value(u"statefulset.kubernetes.io/pod-name").toString(), u"web-2"_qs);
        QCOMPARE(labels.value(u"apps.kubernetes.io/pod-index").toString(), u"2"_qs);
        QCOMPARE(labels.value(u"controller-revision-hash").toString(), u"web-5d8c9"_qs);
        const QJsonObject owner = metadata.value(u"ownerReferences").toArray().first().toObject();
        QCOMPARE(owner.value(u"kind").toString(), u"StatefulSet"_qs);
        QCOMPARE(owner.value(u"uid").toString(), u"set-uid"_qs);
        QVERIFY(owner.value(u"controller").toBool());

        const QJsonObject spec = pod.value(u"spec").toObject();
        QCOMPARE(spec.value(u"hostname").toString(), u"web-2"_qs);
        QCOMPARE(spec.value(u"subdomain").toString(), u"nginx"_qs);
        // Claim volumes first, in template order; the template's "www" volume is replaced.
        const QJsonArray volumes = spec.value(u"volumes").toArray();
        QCOMPARE(volumes.size(), 3);
        QCOMPARE(volumes.at(0).toObject().value(u"name").toString(), u"www"_qs);
        QCOMPARE(volumes.at(0).toObject().value(u"persistentVolumeClaim").toObject().value(u"claimName").toString(), u"www-web-2"_qs);
        QVERIFY(!volumes.at(0).toObject().contains(u"emptyDir"));
        QCOMPARE(volumes.at(1).toObject().value(u"persistentVolumeClaim").toObject().value(u"claimName").toString(), u"logs-web-2"_qs);
        QCOMPARE(volumes.at(2).toObject().value(u"name").toString(), u"config"_qs);
        QVERIFY(volumes.at(2).toObject().contains(u"emptyDir"));
        QCOMPARE(spec.value(u"containers").toArray().first().toObject().value(u"image").toString(), u"nginx:1.25"_qs);
    }

    void podWithoutServiceOrClaims()
    {
        QJsonObject plain = set();
        QJsonObject spec = plain.value(u"spec").toObject();
        spec.remove(u"serviceName");
        spec.remove(u"volumeClaimTemplates");
        QJsonObject podTemplate = spec.value(u"template").toObject();
        QJsonObject podSpec = podTemplate.value(u"spec").toObject();
        podSpec.remove(u"volumes");
        podTemplate.insert(u"spec", podSpec);
        spec.insert(u"template", podTemplate);
        plain.insert(u"spec", spec);
        const QJsonObject pod = newStatefulSetPod(plain, 0, u"r"_qs).value(u"spec").toObject();
        QVERIFY(!pod.contains(u"subdomain"));
        QVERIFY(!pod.contains(u"volumes"));
        QVERIFY(claimsForOrdinal(plain, 0).isEmpty());
    }

    void claimsOfAnOrdinal()
    {
        const QList<QJsonObject> claims = claimsForOrdinal(set(), 1);
        QCOMPARE(claims.size(), 2);
        const QJsonObject www = claims.first();
        QCOMPARE(www.value(u"kind").toString(), u"PersistentVolumeClaim"_qs);
        const QJsonObject metadata = www.value(u"metadata").toObject();
        QCOMPARE(metadata.value(u"name").toString(), u"www-web-1"_qs);
        QCOMPARE(metadata.value(u"namespace").toString(), u"shop"_qs);
        // The template's labels plus the selector's matchLabels, which win.
        QCOMPARE(metadata.value(u"labels").toObject(), (QJsonObject{{u"tier"_qs, u"data"_qs}, {u"app"_qs, u"nginx"_qs}}));
        QVERIFY(!metadata.contains(u"ownerReferences"));
        QCOMPARE(www.value(u"spec"), claimTemplate(u"www"_qs).value(u"spec"));
        QCOMPARE(claims.at(1).value(u"metadata").toObject().value(u"name").toString(), u"logs-web-1"_qs);
    }

    void identity()
    {
        const QJsonObject pod = newStatefulSetPod(set(), 1, u"r"_qs);
        QVERIFY(identityMatches(set(), Object::fromJson(pod)));

        QJsonObject edited = pod;
        QJsonObject metadata = edited.value(u"metadata").toObject();
        QJsonObject labels = metadata.value(u"labels").toObject();
        labels.remove(u"apps.kubernetes.io/pod-index");
        labels.insert(u"statefulset.kubernetes.io/pod-name", u"someone-else"_qs);
        metadata.insert(u"labels", labels);
        edited.insert(u"metadata", metadata);
        QVERIFY(!identityMatches(set(), Object::fromJson(edited)));
        const QJsonObject restored = withIdentity(set(), edited);
        QVERIFY(identityMatches(set(), Object::fromJson(restored)));
        QCOMPARE(restored.value(u"metadata").toObject().value(u"labels").toObject(), pod.value(u"metadata").toObject().value(u"labels").toObject());

        QJsonObject stranger = pod;
        metadata = stranger.value(u"metadata").toObject();
        metadata.insert(u"name", u"db-1"_qs);
        stranger.insert(u"metadata", metadata);
        QVERIFY(!identityMatches(set(), Object::fromJson(stranger)));
    }

    void startOrdinal()
    {
        QCOMPARE(kube::statefulset::startOrdinal(set()), 0);
        QJsonObject shifted = set();
        QJsonObject spec = shifted.value(u"spec").toObject();
        spec.insert(u"ordinals", QJsonObject{{u"start"_qs, 5}});
        shifted.insert(u"spec", spec);
        QCOMPARE(kube::statefulset::startOrdinal(shifted), 5);
    }
};

QTEST_GUILESS_MAIN(TestStatefulSetPods)
#include "tst_statefulsetpods.moc"
