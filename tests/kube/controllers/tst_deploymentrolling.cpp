// The rollout arithmetic and status of the deployment controller: how far new and old
// ReplicaSets move in one step, the pod-template-hash, and the Progressing/Available conditions.
#include "kube/controllers/deployment/podtemplatehash.h"
#include "kube/controllers/deployment/progress.h"
#include "kube/controllers/deployment/rolling.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace kube;

namespace {

ReplicaSetInfo rs(const QString &name, int spec, int available, int secondsOld = 0)
{
    ReplicaSetInfo info;
    info.name = name;
    info.specReplicas = spec;
    info.statusReplicas = spec;
    info.readyReplicas = available;
    info.availableReplicas = available;
    info.created = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).addSecs(-secondsOld);
    return info;
}

DeploymentInfo deployment(int replicas, QJsonValue surge, QJsonValue unavailable)
{
    DeploymentInfo d;
    d.name = u"web"_qs;
    d.replicas = replicas;
    d.maxSurge = surge;
    d.maxUnavailable = unavailable;
    d.generation = 2;
    return d;
}

const QDateTime t0(QDate(2026, 11, 27), QTime(10, 0), Qt::UTC);

} // namespace

class TestDeploymentRolling : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fenceposts_data()
    {
        QTest::addColumn<int>("replicas");
        QTest::addColumn<QJsonValue>("surge");
        QTest::addColumn<QJsonValue>("unavailable");
        QTest::addColumn<int>("expectedSurge");
        QTest::addColumn<int>("expectedUnavailable");
        QTest::newRow("defaults-25-percent-of-4") << 4 << QJsonValue() << QJsonValue() << 1 << 1;
        QTest::newRow("surge-rounds-up-unavailable-down") << 10 << QJsonValue(u"25%"_qs) << QJsonValue(u"25%"_qs) << 3 << 2;
        QTest::newRow("both-zero-gives-unavailable-1") << 3 << QJsonValue(0) << QJsonValue(0) << 0 << 1;
        QTest::newRow("integers-as-written") << 3 << QJsonValue(2) << QJsonValue(0) << 2 << 0;
        QTest::newRow("percent-of-1-replica") << 1 << QJsonValue(u"25%"_qs) << QJsonValue(u"25%"_qs) << 1 << 0;
    }
    void fenceposts()
    {
        QFETCH(int, replicas);
        QFETCH(QJsonValue, surge);
        QFETCH(QJsonValue, unavailable);
        const auto f = resolveFenceposts(deployment(replicas, surge, unavailable));
        QVERIFY(f.ok());
        QFETCH(int, expectedSurge);
        QFETCH(int, expectedUnavailable);
        QCOMPARE(f->maxSurge, expectedSurge);
        QCOMPARE(f->maxUnavailable, expectedUnavailable);
    }

    void steps_data()
    {
        QTest::addColumn<int>("replicas");
        QTest::addColumn<QJsonValue>("surge");
        QTest::addColumn<QJsonValue>("unavailable");
        QTest::addColumn<QList<ReplicaSetInfo>>("old");
        QTest::addColumn<ReplicaSetInfo>("newRS");
        QTest::addColumn<std::optional<ScaleStep>>("expectedNew");
        QTest::addColumn<QList<ScaleStep>>("expectedOld");

        QTest::newRow("max-surge-1-from-zero")
            << 4 << QJsonValue(1) << QJsonValue(1) << QList{rs(u"old"_qs, 4, 4, 60)} << rs(u"new"_qs, 0, 0)
            << std::optional<ScaleStep>(ScaleStep{u"new"_qs, 0, 1}) << QList{ScaleStep{u"old"_qs, 4, 3}};
        QTest::newRow("surge-used-up-new-not-available-old-waits")
            << 4 << QJsonValue(1) << QJsonValue(0) << QList{rs(u"old"_qs, 4, 4, 60)} << rs(u"new"_qs, 1, 0)
            << std::optional<ScaleStep>() << QList<ScaleStep>{};
        QTest::newRow("new-available-old-shrinks")
            << 4 << QJsonValue(1) << QJsonValue(0) << QList{rs(u"old"_qs, 4, 4, 60)} << rs(u"new"_qs, 1, 1)
            << std::optional<ScaleStep>() << QList{ScaleStep{u"old"_qs, 4, 3}};
        QTest::newRow("unhealthy-old-replicas-removed-first")
            << 3 << QJsonValue(1) << QJsonValue(0) << QList{rs(u"old"_qs, 3, 1, 60)} << rs(u"new"_qs, 1, 1)
            << std::optional<ScaleStep>() << QList{ScaleStep{u"old"_qs, 3, 2}};
        QTest::newRow("oldest-set-scaled-down-first")
            << 4 << QJsonValue(0) << QJsonValue(2) << QList{rs(u"newer-old"_qs, 2, 2, 60), rs(u"oldest"_qs, 2, 2, 120)} << rs(u"new"_qs, 0, 0)
            << std::optional<ScaleStep>() << QList{ScaleStep{u"oldest"_qs, 2, 0}};
        QTest::newRow("new-above-desired-scaled-down")
            << 2 << QJsonValue(1) << QJsonValue(1) << QList<ReplicaSetInfo>{} << rs(u"new"_qs, 5, 5)
            << std::optional<ScaleStep>(ScaleStep{u"new"_qs, 5, 2}) << QList<ScaleStep>{};
        QTest::newRow("fresh-deployment-scales-straight-up")
            << 3 << QJsonValue() << QJsonValue() << QList<ReplicaSetInfo>{} << rs(u"new"_qs, 0, 0)
            << std::optional<ScaleStep>(ScaleStep{u"new"_qs, 0, 3}) << QList<ScaleStep>{};
    }
    void steps()
    {
        QFETCH(int, replicas);
        QFETCH(QJsonValue, surge);
        QFETCH(QJsonValue, unavailable);
        QFETCH(QList<ReplicaSetInfo>, old);
        QFETCH(ReplicaSetInfo, newRS);
        QFETCH(std::optional<ScaleStep>, expectedNew);
        QFETCH(QList<ScaleStep>, expectedOld);
        const DeploymentInfo d = deployment(replicas, surge, unavailable);
        QList<ReplicaSetInfo> all = old;
        all.append(newRS);
        const auto newStep = reconcileNewReplicaSet(d, all, newRS);
        QCOMPARE(newStep.has_value(), expectedNew.has_value());
        if (newStep)
            QCOMPARE(*newStep, *expectedNew);
        QCOMPARE(reconcileOldReplicaSets(d, old, newRS), expectedOld);
    }

    void recreateTakesAllReplicasAtOnce()
    {
        DeploymentInfo d = deployment(3, QJsonValue(), QJsonValue());
        d.recreate = true;
        QCOMPARE(newReplicaSetReplicas(d, {rs(u"new"_qs, 0, 0)}, rs(u"new"_qs, 0, 0)), 3);
        QCOMPARE(maxUnavailable(d), 0);
    }

    void podTemplateHash()
    {
        const QJsonObject a{{u"metadata"_qs, QJsonObject{{u"labels"_qs, QJsonObject{{u"app"_qs, u"web"_qs}}}}},
                            {u"spec"_qs, QJsonObject{{u"containers"_qs, QJsonArray{QJsonObject{{u"name"_qs, u"web"_qs}, {u"image"_qs, u"nginx:1.25"_qs}}}}}}};
        QJsonObject b = a;
        b.insert(u"spec"_qs, QJsonObject{{u"containers"_qs, QJsonArray{QJsonObject{{u"name"_qs, u"web"_qs}, {u"image"_qs, u"nginx:1.26"_qs}}}}});
        const QString hash = computePodTemplateHash(a, std::nullopt);
        QVERIFY(!hash.isEmpty());
        QCOMPARE(computePodTemplateHash(a, std::nullopt), hash);
        QVERIFY(computePodTemplateHash(b, std::nullopt) != hash);
        QVERIFY(computePodTemplateHash(a, 1) != hash);
        for (QChar c : hash)
            QVERIFY2(QStringLiteral("bcdfghjklmnpqrstvwxz2456789").contains(c), qPrintable(hash));
        // The label the controller adds does not change which template it is.
        QJsonObject labelled = a;
        QJsonObject meta = labelled.value(u"metadata").toObject();
        QJsonObject labels = meta.value(u"labels").toObject();
        labels.insert(u"pod-template-hash"_qs, hash);
        meta.insert(u"labels"_qs, labels);
        labelled.insert(u"metadata"_qs, meta);
        QVERIFY(templatesEqualIgnoringHash(a, labelled));
        QCOMPARE(computePodTemplateHash(labelled, std::nullopt), hash);
        QVERIFY(!templatesEqualIgnoringHash(a, b));
    }

    void progressConditions()
    {
        DeploymentInfo d = deployment(2, QJsonValue(), QJsonValue());
        d.progressDeadlineSeconds = 600;
        ReplicaSetInfo newRS = rs(u"web-abc"_qs, 2, 0);
        // Pods created but not available: progressing, Available=False.
        auto first = rolloutStatus(d, {newRS}, &newRS, t0);
        QCOMPARE(deploymentCondition(first.status, u"Available"_qs).value(u"reason").toString(), u"MinimumReplicasUnavailable"_qs);
        QCOMPARE(deploymentCondition(first.status, u"Progressing"_qs).value(u"reason").toString(), u"ReplicaSetUpdated"_qs);
        QCOMPARE(deploymentCondition(first.status, u"Progressing"_qs).value(u"message").toString(), u"ReplicaSet \"web-abc\" is progressing."_qs);
        QVERIFY(first.recheckAfterMs.has_value());

        // No progress for longer than the deadline: ProgressDeadlineExceeded.
        d.status = first.status;
        auto stuck = rolloutStatus(d, {newRS}, &newRS, t0.addSecs(601));
        QCOMPARE(deploymentCondition(stuck.status, u"Progressing"_qs).value(u"status").toString(), u"False"_qs);
        QCOMPARE(deploymentCondition(stuck.status, u"Progressing"_qs).value(u"reason").toString(), u"ProgressDeadlineExceeded"_qs);

        // Everything available: complete.
        d.status = first.status;
        newRS.availableReplicas = newRS.readyReplicas = 2;
        auto done = rolloutStatus(d, {newRS}, &newRS, t0.addSecs(30));
        QVERIFY(deploymentComplete(d, done.status));
        QCOMPARE(deploymentCondition(done.status, u"Progressing"_qs).value(u"reason").toString(), u"NewReplicaSetAvailable"_qs);
        QCOMPARE(deploymentCondition(done.status, u"Available"_qs).value(u"status").toString(), u"True"_qs);
        QCOMPARE(done.status.value(u"observedGeneration").toInt(), 2);
        QVERIFY(!done.recheckAfterMs.has_value());
    }
};

QTEST_GUILESS_MAIN(TestDeploymentRolling)
#include "tst_deploymentrolling.moc"
