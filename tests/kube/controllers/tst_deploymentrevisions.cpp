// A Deployment's ReplicaSets: finding the new one, building it, revision bookkeeping on
// rollbacks, and which old sets revisionHistoryLimit lets go.
#include "kube/controllers/deployment/podtemplatehash.h"
#include "kube/controllers/deployment/revisions.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace kube;

namespace {

QJsonObject podTemplate(const QString &image)
{
    return QJsonObject{{u"metadata"_qs, QJsonObject{{u"labels"_qs, QJsonObject{{u"app"_qs, u"web"_qs}}}}},
                       {u"spec"_qs, QJsonObject{{u"containers"_qs, QJsonArray{QJsonObject{{u"name"_qs, u"web"_qs}, {u"image"_qs, image}}}}}}};
}

DeploymentInfo deployment(const QString &image, const QJsonObject &annotations = {})
{
    QJsonObject metadata{{u"name"_qs, u"web"_qs}, {u"namespace"_qs, u"default"_qs}, {u"uid"_qs, u"d-uid"_qs}, {u"generation"_qs, 3}};
    if (!annotations.isEmpty())
        metadata.insert(u"annotations"_qs, annotations);
    const QJsonObject json{
        {u"apiVersion"_qs, u"apps/v1"_qs}, {u"kind"_qs, u"Deployment"_qs}, {u"metadata"_qs, metadata},
        {u"spec"_qs, QJsonObject{{u"replicas"_qs, 4},
                                 {u"selector"_qs, QJsonObject{{u"matchLabels"_qs, QJsonObject{{u"app"_qs, u"web"_qs}}}}},
                                 {u"template"_qs, podTemplate(image)}}}};
    return DeploymentInfo::from(Object::fromJson(json));
}

ReplicaSetInfo replicaSet(const QString &name, const QString &image, qint64 revision, int replicas, int ageSeconds)
{
    ReplicaSetInfo rs;
    rs.name = name;
    rs.podTemplate = podTemplate(image);
    rs.revision = revision;
    rs.specReplicas = rs.statusReplicas = replicas;
    rs.created = QDateTime(QDate(2026, 11, 27), QTime(10, 0), Qt::UTC).addSecs(-ageSeconds);
    return rs;
}

} // namespace

class TestDeploymentRevisions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void findsTheSetWithTheSameTemplate()
    {
        const auto d = deployment(u"nginx:1.26"_qs);
        const QList sets{replicaSet(u"a"_qs, u"nginx:1.25"_qs, 1, 0, 200), replicaSet(u"b"_qs, u"nginx:1.26"_qs, 2, 4, 100)};
        const auto found = findNewReplicaSet(d, sets);
        QVERIFY(found.has_value());
        QCOMPARE(found->name, u"b"_qs);
        QCOMPARE(maxRevision(oldReplicaSets(sets, u"b"_qs)), 1);
        QVERIFY(!findNewReplicaSet(deployment(u"nginx:1.27"_qs), sets).has_value());
    }

    void buildsTheNewSet()
    {
        const auto d = deployment(u"nginx:1.26"_qs, QJsonObject{{u"kubernetes.io/change-cause"_qs, u"kubectl set image"_qs},
                                                                 {u"kubectl.kubernetes.io/last-applied-configuration"_qs, u"{}"_qs}});
        const QString hash = computePodTemplateHash(d.podTemplate, std::nullopt);
        const QJsonObject rs = buildNewReplicaSet(d, hash, 3, 1);
        const QJsonObject meta = rs.value(u"metadata").toObject();
        QCOMPARE(meta.value(u"name").toString(), u"web-"_qs + hash);
        QCOMPARE(meta.value(u"labels").toObject().value(u"pod-template-hash").toString(), hash);
        const QJsonObject annotations = meta.value(u"annotations").toObject();
        QCOMPARE(annotations.value(u"deployment.kubernetes.io/revision").toString(), u"3"_qs);
        QCOMPARE(annotations.value(u"deployment.kubernetes.io/desired-replicas").toString(), u"4"_qs);
        QCOMPARE(annotations.value(u"deployment.kubernetes.io/max-replicas").toString(), u"5"_qs);
        QCOMPARE(annotations.value(u"kubernetes.io/change-cause").toString(), u"kubectl set image"_qs);
        QVERIFY(!annotations.contains(u"kubectl.kubernetes.io/last-applied-configuration"));
        const QJsonObject owner = meta.value(u"ownerReferences").toArray().first().toObject();
        QCOMPARE(owner.value(u"uid").toString(), u"d-uid"_qs);
        QVERIFY(owner.value(u"controller").toBool());
        const QJsonObject spec = rs.value(u"spec").toObject();
        QCOMPARE(spec.value(u"selector").toObject().value(u"matchLabels").toObject().value(u"pod-template-hash").toString(), hash);
        QCOMPARE(spec.value(u"template").toObject().value(u"metadata").toObject().value(u"labels").toObject().value(u"pod-template-hash").toString(), hash);
        QCOMPARE(spec.value(u"replicas").toInt(), 1);
    }

    void rollbackKeepsRevisionHistory()
    {
        const auto d = deployment(u"nginx:1.25"_qs);
        QJsonObject annotations{{u"deployment.kubernetes.io/revision"_qs, u"1"_qs}};
        QVERIFY(setNewReplicaSetAnnotations(d, annotations, 3, true));
        QCOMPARE(annotations.value(u"deployment.kubernetes.io/revision").toString(), u"3"_qs);
        QCOMPARE(annotations.value(u"deployment.kubernetes.io/revision-history").toString(), u"1"_qs);
        QVERIFY(setNewReplicaSetAnnotations(d, annotations, 5, true));
        QCOMPARE(annotations.value(u"deployment.kubernetes.io/revision-history").toString(), u"1,3"_qs);
        QVERIFY(!setNewReplicaSetAnnotations(d, annotations, 5, true));
    }

    void cleanupBeyondHistoryLimit()
    {
        auto d = deployment(u"nginx:1.26"_qs);
        d.revisionHistoryLimit = 1;
        const QList old{replicaSet(u"r1"_qs, u"a"_qs, 1, 0, 300), replicaSet(u"r2"_qs, u"b"_qs, 2, 0, 200),
                        replicaSet(u"r3"_qs, u"c"_qs, 3, 2, 100)};
        // r3 still has replicas: it is kept even though it is beyond the limit's reach.
        QCOMPARE(replicaSetsToCleanUp(d, old), (QStringList{u"r1"_qs, u"r2"_qs}));
        d.revisionHistoryLimit = 10;
        QVERIFY(replicaSetsToCleanUp(d, old).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDeploymentRevisions)
#include "tst_deploymentrevisions.moc"
