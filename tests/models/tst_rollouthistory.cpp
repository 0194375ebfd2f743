// RolloutHistory and RolloutProgress: revisions read from a Deployment's ReplicaSets as kubectl
// lists them, the undo / set-image / pause request bodies kubectl sends, stuck-rollout
// detection and the timeline.
#include "models/rollouthistory.h"
#include "models/modelroles.h"
#include "models/rolloutprogress.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using namespace timonel;

namespace {

kube::Object obj(const QByteArray &json)
{
    auto o = kube::Object::parse(json);
    if (!o.ok())
        qFatal("bad fixture: %s", qPrintable(o.error().message()));
    return *o;
}

QJsonObject parseObject(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

const QByteArray kTemplateV1 =
    R"({"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"web","image":"nginx:1.25"},{"name":"log","image":"busybox"}]}})";
const QByteArray kTemplateV2 =
    R"({"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"web","image":"nginx:1.26"},{"name":"log","image":"busybox"}]}})";

QByteArray withHash(QByteArray templ, const char *hash)
{
    // (No raw strings here: moc 6.4 misreads this one.)
    return templ.replace("\"app\":\"web\"", "\"app\":\"web\",\"pod-template-hash\":\"" + QByteArray(hash) + "\"");
}

kube::Object deployment(const QByteArray &templ, const QByteArray &extraSpec = {}, const QByteArray &status = "{}")
{
    return obj(R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"default","uid":"d-1","generation":3,
        "annotations":{"deployment.kubernetes.io/revision":"2","kubernetes.io/change-cause":"set image v2",
        "kubectl.kubernetes.io/last-applied-configuration":"{}","team":"blue"}},
        "spec":{"replicas":3,)" + extraSpec + R"("selector":{"matchLabels":{"app":"web"}},"template":)" + templ + R"(},"status":)" + status + "}");
}

kube::Object replicaSet(const char *name, const char *uid, int revision, const QByteArray &templ, int replicas, const char *created,
                        const char *owner = "d-1", const char *cause = nullptr)
{
    QByteArray annotations = R"("deployment.kubernetes.io/revision":")" + QByteArray::number(revision)
                           + R"(","deployment.kubernetes.io/desired-replicas":"3","deployment.kubernetes.io/max-replicas":"4")";
    if (cause)
        annotations += R"(,"kubernetes.io/change-cause":")" + QByteArray(cause) + "\"";
    return obj(R"({"apiVersion":"apps/v1","kind":"ReplicaSet","metadata":{"name":")" + QByteArray(name) + R"(","namespace":"default","uid":")"
               + uid + R"(","creationTimestamp":")" + created + R"(","annotations":{)" + annotations
               + R"(},"ownerReferences":[{"apiVersion":"apps/v1","kind":"Deployment","name":"web","uid":")" + owner
               + R"(","controller":true}]},"spec":{"replicas":)" + QByteArray::number(replicas) + R"(,"template":)" + templ
               + R"(},"status":{"replicas":)" + QByteArray::number(replicas) + R"(,"readyReplicas":)" + QByteArray::number(replicas)
               + R"(,"availableReplicas":)" + QByteArray::number(replicas) + "}}");
}

QList<kube::Object> twoRevisions()
{
    return {replicaSet("web-bbb", "rs-2", 2, withHash(kTemplateV2, "bbb"), 3, "2026-01-01T10:05:00Z", "d-1", "set image v2"),
            replicaSet("web-aaa", "rs-1", 1, withHash(kTemplateV1, "aaa"), 0, "2026-01-01T10:00:00Z"),
            // Another Deployment's set with the same template: not ours.
            replicaSet("other-aaa", "rs-x", 7, withHash(kTemplateV1, "aaa"), 1, "2026-01-01T09:00:00Z", "d-other")};
}

kube::Object pod(const char *name, const char *ownerUid, const QByteArray &status)
{
    return obj(R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":")" + QByteArray(name)
               + R"(","namespace":"default","creationTimestamp":"2026-01-01T10:05:00Z","ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"rs","uid":")"
               + ownerUid + R"(","controller":true}]},"status":)" + status + "}");
}

} // namespace

class TestRolloutHistory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void revisionsFromOwnedReplicaSets()
    {
        const RolloutHistory h = RolloutHistory::from(deployment(kTemplateV2), twoRevisions());
        QCOMPARE(h.revisions().size(), 2);
        QCOMPARE(h.currentRevision(), 2);
        QCOMPARE(h.previousRevision(), 1);
        const RolloutRevision &r1 = h.revisions().at(0);
        QCOMPARE(r1.number, 1);
        QCOMPARE(r1.replicaSetName, QStringLiteral("web-aaa"));
        QVERIFY(r1.changeCause.isEmpty());
        QCOMPARE(r1.images, (QStringList{u"web=nginx:1.25"_qs, u"log=busybox"_qs}));
        QVERIFY(!r1.current);
        QCOMPARE(r1.created, QDateTime(QDate(2026, 1, 1), QTime(10, 0), Qt::UTC));
        const RolloutRevision &r2 = h.revisions().at(1);
        QCOMPARE(r2.number, 2);
        QCOMPARE(r2.changeCause, QStringLiteral("set image v2"));
        QVERIFY(r2.current);
        QCOMPARE(r2.replicas, 3);
        QCOMPARE(r2.readyReplicas, 3);
        // The template for diffing has no pod-template-hash.
        QVERIFY(!r2.podTemplate[u"metadata"][u"labels"].toObject().contains(u"pod-template-hash"));
        const QString yaml = podTemplateYaml(r2.podTemplate);
        QVERIFY(yaml.contains(u"image: nginx:1.26"));
        QVERIFY(!yaml.contains(u"pod-template-hash"));
    }

    void currentIsTheSetMatchingTheTemplate()
    {
        // Rolled back to v1's template, the controller has not yet bumped the revision: the set
        // with v1's template is current.
        const RolloutHistory h = RolloutHistory::from(deployment(kTemplateV1), twoRevisions());
        QCOMPARE(h.currentRevision(), 1);
        QVERIFY(h.revision(1)->current);
        QVERIFY(!h.revision(2)->current);
        // No set matches yet (a template just changed): the Deployment's annotation.
        const RolloutHistory pending = RolloutHistory::from(deployment(R"({"spec":{"containers":[{"name":"web","image":"nginx:2"}]}})"),
                                                            twoRevisions());
        QCOMPARE(pending.currentRevision(), 2);
        QVERIFY(!pending.revision(1)->current && !pending.revision(2)->current);
    }

    void undoIsKubectlsJsonPatch()
    {
        const RolloutHistory h = RolloutHistory::from(deployment(kTemplateV2), twoRevisions());
        const RolloutHistory::Undo undo = h.undo(1);
        QCOMPARE(undo.outcome, RolloutHistory::Undo::Outcome::Patch);
        // What kubectl 1.35 sends for `rollout undo --to-revision=1` (polymorphichelpers/
        // rollback.go): the set's template without the hash label; the annotations of the set
        // except the skipped ones, which keep the Deployment's values (revision,
        // last-applied-configuration); the Deployment's other annotations (team, change-cause)
        // are replaced by the set's.
        const QJsonArray expected = QJsonDocument::fromJson(R"([
            {"op":"replace","path":"/spec/template","value":)" + kTemplateV1 + R"(},
            {"op":"replace","path":"/metadata/annotations","value":{
                "deployment.kubernetes.io/revision":"2",
                "kubectl.kubernetes.io/last-applied-configuration":"{}"}}])").array();
        QCOMPARE(QJsonDocument::fromJson(undo.body).array(), expected);

        // --to-revision=0 is the previous revision.
        QCOMPARE(h.undo(0).body, undo.body);
    }

    void undoBodyIsWhatKubectl135Sent()
    {
        // Captured from the real kubectl v1.35.2 against timonel-cluster (`kubectl rollout undo
        // deployment/web --to-revision=1 --dry-run=server -v=8`, "Request Body" of the PATCH,
        // sent as application/json-patch+json); the objects are what it read (managedFields
        // and status dropped).
        const kube::Object d = obj(R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{"deployment.kubernetes.io/revision":"2","kubernetes.io/change-cause":"first","team":"blue"},"creationTimestamp":"2026-11-27T08:44:36Z","generation":2,"labels":{"app":"web"},"name":"web","namespace":"default","resourceVersion":"109","uid":"e9a0c771-e7ee-4a19-86d9-b1559fbc91be"},"spec":{"progressDeadlineSeconds":600,"replicas":2,"revisionHistoryLimit":10,"selector":{"matchLabels":{"app":"web"}},"strategy":{"rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"},"type":"RollingUpdate"},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"image":"nginx:1.26","imagePullPolicy":"IfNotPresent","name":"nginx","resources":{},"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File"}],"dnsPolicy":"ClusterFirst","enableServiceLinks":true,"restartPolicy":"Always","schedulerName":"default-scheduler","securityContext":{},"terminationGracePeriodSeconds":30}}}})");
        const QList<kube::Object> sets{obj(R"({"apiVersion":"apps/v1","kind":"ReplicaSet","metadata":{"annotations":{"deployment.kubernetes.io/desired-replicas":"2","deployment.kubernetes.io/max-replicas":"3","deployment.kubernetes.io/revision":"2","kubernetes.io/change-cause":"first","team":"blue"},"creationTimestamp":"2026-11-27T08:44:40Z","generation":2,"labels":{"app":"web","pod-template-hash":"7989497b58"},"name":"web-7989497b58","namespace":"default","ownerReferences":[{"apiVersion":"apps/v1","blockOwnerDeletion":true,"controller":true,"kind":"Deployment","name":"web","uid":"e9a0c771-e7ee-4a19-86d9-b1559fbc91be"}],"resourceVersion":"102","uid":"2885c861-43a9-4d87-8776-457d498fb6d0"},"spec":{"minReadySeconds":0,"replicas":2,"selector":{"matchLabels":{"app":"web","pod-template-hash":"7989497b58"}},"template":{"metadata":{"labels":{"app":"web","pod-template-hash":"7989497b58"}},"spec":{"containers":[{"image":"nginx:1.26","imagePullPolicy":"IfNotPresent","name":"nginx","resources":{},"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File"}],"dnsPolicy":"ClusterFirst","enableServiceLinks":true,"restartPolicy":"Always","schedulerName":"default-scheduler","securityContext":{},"terminationGracePeriodSeconds":30}}}})"),
                                       obj(R"({"apiVersion":"apps/v1","kind":"ReplicaSet","metadata":{"annotations":{"deployment.kubernetes.io/desired-replicas":"2","deployment.kubernetes.io/max-replicas":"3","deployment.kubernetes.io/revision":"1","kubernetes.io/change-cause":"first","team":"blue"},"creationTimestamp":"2026-11-27T08:44:36Z","generation":3,"labels":{"app":"web","pod-template-hash":"d88c78859"},"name":"web-d88c78859","namespace":"default","ownerReferences":[{"apiVersion":"apps/v1","blockOwnerDeletion":true,"controller":true,"kind":"Deployment","name":"web","uid":"e9a0c771-e7ee-4a19-86d9-b1559fbc91be"}],"resourceVersion":"107","uid":"c5584670-911d-44ca-b797-6bcea6940977"},"spec":{"minReadySeconds":0,"replicas":0,"selector":{"matchLabels":{"app":"web","pod-template-hash":"d88c78859"}},"template":{"metadata":{"labels":{"app":"web","pod-template-hash":"d88c78859"}},"spec":{"containers":[{"image":"nginx:1.25","imagePullPolicy":"IfNotPresent","name":"nginx","resources":{},"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File"}],"dnsPolicy":"ClusterFirst","enableServiceLinks":true,"restartPolicy":"Always","schedulerName":"default-scheduler","securityContext":{},"terminationGracePeriodSeconds":30}}}})")};
        const QByteArray kubectlBody = R"([{"op":"replace","path":"/spec/template","value":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25","resources":{},"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","imagePullPolicy":"IfNotPresent"}],"restartPolicy":"Always","terminationGracePeriodSeconds":30,"dnsPolicy":"ClusterFirst","securityContext":{},"schedulerName":"default-scheduler","enableServiceLinks":true}}},{"op":"replace","path":"/metadata/annotations","value":{"deployment.kubernetes.io/revision":"2","kubernetes.io/change-cause":"first","team":"blue"}}])";
        const RolloutHistory::Undo undo = RolloutHistory::from(d, sets).undo(1);
        QCOMPARE(undo.outcome, RolloutHistory::Undo::Outcome::Patch);
        QCOMPARE(QJsonDocument::fromJson(undo.body).array(), QJsonDocument::fromJson(kubectlBody).array());
    }

    void undoCopiesTheSetsChangeCause()
    {
        const RolloutHistory h = RolloutHistory::from(deployment(kTemplateV1), twoRevisions());
        const QJsonArray patch = QJsonDocument::fromJson(h.undo(2).body).array();
        const QJsonObject annotations = patch.at(1)[u"value"].toObject();
        QCOMPARE(annotations[u"kubernetes.io/change-cause"].toString(), QStringLiteral("set image v2"));
        QVERIFY(!annotations.contains(u"deployment.kubernetes.io/desired-replicas"));
        QVERIFY(!annotations.contains(u"team"));
        QCOMPARE(patch.at(0)[u"value"].toObject(), parseObject(kTemplateV2));
    }

    void undoRefusals()
    {
        const RolloutHistory h = RolloutHistory::from(deployment(kTemplateV2), twoRevisions());
        QCOMPARE(h.undo(2).outcome, RolloutHistory::Undo::Outcome::AlreadyCurrent);
        QVERIFY(h.undo(2).body.isEmpty());
        QCOMPARE(h.undo(5).outcome, RolloutHistory::Undo::Outcome::NotFound);
        QVERIFY(h.undo(5).message.contains(u"5"));
        const RolloutHistory paused = RolloutHistory::from(deployment(kTemplateV2, R"("paused":true,)"), twoRevisions());
        QCOMPARE(paused.undo(1).outcome, RolloutHistory::Undo::Outcome::Paused);
        const RolloutHistory single = RolloutHistory::from(deployment(kTemplateV2), twoRevisions().mid(0, 1));
        QCOMPARE(single.undo(0).outcome, RolloutHistory::Undo::Outcome::NotFound);
    }

    void setImagePatch_data()
    {
        QTest::addColumn<QString>("container");
        QTest::addColumn<QString>("cause");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("second-container-with-cause")
            << u"log"_qs << u"upgrade busybox"_qs
            << QByteArray(R"({"metadata":{"annotations":{"kubernetes.io/change-cause":"upgrade busybox"}},"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"web"},{"name":"log"}],"containers":[{"image":"busybox:2","name":"log"}]}}}})");
        QTest::newRow("no-cause-no-annotation")
            << u"web"_qs << QString()
            << QByteArray(R"({"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"web"},{"name":"log"}],"containers":[{"image":"busybox:2","name":"web"}]}}}})");
        QTest::newRow("unknown-container") << u"nope"_qs << QString() << QByteArray();
    }

    void setImagePatch()
    {
        QFETCH(QString, container);
        QFETCH(QString, cause);
        QFETCH(QByteArray, expected);
        QCOMPARE(timonel::setImagePatch(deployment(kTemplateV2), container, u"busybox:2"_qs, cause), expected);
    }

    void pauseAndResume()
    {
        QCOMPARE(pausePatch(true), QByteArray(R"({"spec":{"paused":true}})"));
        QCOMPARE(pausePatch(false), QByteArray(R"({"spec":{"paused":null}})"));
    }

    void progressCountsAndSets()
    {
        const QByteArray status = R"({"observedGeneration":3,"replicas":4,"updatedReplicas":2,"readyReplicas":3,"availableReplicas":3,"unavailableReplicas":1,
            "conditions":[{"type":"Progressing","status":"True","reason":"ReplicaSetUpdated","message":"ReplicaSet web-bbb is progressing."}]})";
        QList<kube::Object> sets = twoRevisions();
        sets[1] = replicaSet("web-aaa", "rs-1", 1, withHash(kTemplateV1, "aaa"), 2, "2026-01-01T10:00:00Z");
        const RolloutHistory h = RolloutHistory::from(deployment(kTemplateV2, {}, status), sets);
        const RolloutProgress p = RolloutProgress::from(h, {}, QDateTime::currentDateTimeUtc());
        QCOMPARE(p.desired, 3);
        QCOMPARE(p.updated, 2);
        QCOMPARE(p.ready, 3);
        QCOMPARE(p.available, 3);
        QCOMPARE(p.current, 4);
        QVERIFY(!p.complete);
        QVERIFY(p.newReplicaSet);
        QCOMPARE(p.newReplicaSet->name, QStringLiteral("web-bbb"));
        QCOMPARE(p.oldReplicaSets.size(), 1);
        QCOMPARE(p.oldReplicaSets.front().name, QStringLiteral("web-aaa"));
        QCOMPARE(p.oldReplicaSets.front().desired, 2);
        QCOMPARE(p.conditions.size(), 1);
        QCOMPARE(p.stuck, RolloutProgress::Stuck::No);

        const QByteArray done = R"({"observedGeneration":3,"replicas":3,"updatedReplicas":3,"readyReplicas":3,"availableReplicas":3})";
        const RolloutProgress complete = RolloutProgress::from(RolloutHistory::from(deployment(kTemplateV2, {}, done), twoRevisions()), {},
                                                               QDateTime::currentDateTimeUtc());
        QVERIFY(complete.complete);
        QVERIFY(complete.oldReplicaSets.isEmpty());
        // Not observed yet: not complete whatever the counts say.
        const QByteArray stale = R"({"observedGeneration":2,"replicas":3,"updatedReplicas":3,"readyReplicas":3,"availableReplicas":3})";
        QVERIFY(!RolloutProgress::from(RolloutHistory::from(deployment(kTemplateV2, {}, stale), twoRevisions()), {},
                                       QDateTime::currentDateTimeUtc()).complete);
    }

    void stuckDetection_data()
    {
        QTest::addColumn<QByteArray>("deploymentStatus");
        QTest::addColumn<QList<kube::Object>>("pods");
        QTest::addColumn<int>("stuck");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QStringList>("blocking");

        const QByteArray progressing = R"({"observedGeneration":3})";
        const QByteArray running = R"({"phase":"Running","conditions":[{"type":"Ready","status":"True"}],
            "containerStatuses":[{"name":"web","ready":true,"state":{"running":{}}}]})";
        const QByteArray crash = R"({"phase":"Running","conditions":[{"type":"Ready","status":"False","lastTransitionTime":"2026-01-01T10:05:10Z"}],
            "containerStatuses":[{"name":"web","state":{"waiting":{"reason":"CrashLoopBackOff","message":"back-off 10s restarting failed container"}}}]})";
        const QByteArray pull = R"({"phase":"Pending","containerStatuses":[{"name":"web","state":{"waiting":{"reason":"ImagePullBackOff"}}}]})";
        const QByteArray errPull = R"({"phase":"Pending","initContainerStatuses":[{"name":"init","state":{"waiting":{"reason":"ErrImagePull"}}}]})";
        const QByteArray notReadyLong = R"({"phase":"Running","conditions":[{"type":"Ready","status":"False","lastTransitionTime":"2026-01-01T10:05:00Z","message":"containers with unready status: [web]"}]})";
        const QByteArray notReadyShort = R"({"phase":"Running","conditions":[{"type":"Ready","status":"False","lastTransitionTime":"2026-01-01T10:09:30Z"}]})";

        QTest::newRow("healthy") << progressing << QList<kube::Object>{pod("p1", "rs-2", running)} << int(RolloutProgress::Stuck::No)
                                 << QString() << QStringList();
        QTest::newRow("deadline-exceeded")
            << QByteArray(R"({"conditions":[{"type":"Progressing","status":"False","reason":"ProgressDeadlineExceeded","message":"ReplicaSet web-bbb has timed out progressing."}]})")
            << QList<kube::Object>{pod("p2", "rs-2", pull)} << int(RolloutProgress::Stuck::ProgressDeadlineExceeded)
            << u"ProgressDeadlineExceeded"_qs << QStringList{u"p2"_qs};
        QTest::newRow("crash-loop") << progressing << QList<kube::Object>{pod("p1", "rs-2", running), pod("p3", "rs-2", crash)}
                                    << int(RolloutProgress::Stuck::PodsFailing) << u"CrashLoopBackOff"_qs << QStringList{u"p3"_qs};
        QTest::newRow("image-pull-backoff-and-err-image-pull-in-init")
            << progressing << QList<kube::Object>{pod("p5", "rs-2", errPull), pod("p4", "rs-2", pull)}
            << int(RolloutProgress::Stuck::PodsFailing) << u"ImagePullBackOff"_qs << QStringList{u"p4"_qs, u"p5"_qs};
        QTest::newRow("old-set-failing-pods-do-not-block")
            << progressing << QList<kube::Object>{pod("old", "rs-1", crash)} << int(RolloutProgress::Stuck::No) << QString() << QStringList();
        QTest::newRow("not-ready-for-five-minutes")
            << progressing << QList<kube::Object>{pod("p6", "rs-2", notReadyLong)} << int(RolloutProgress::Stuck::PodsNotReady)
            << u"NotReady"_qs << QStringList{u"p6"_qs};
        QTest::newRow("not-ready-for-thirty-seconds")
            << progressing << QList<kube::Object>{pod("p7", "rs-2", notReadyShort)} << int(RolloutProgress::Stuck::No) << QString() << QStringList();
    }

    void stuckDetection()
    {
        QFETCH(QByteArray, deploymentStatus);
        QFETCH(QList<kube::Object>, pods);
        QFETCH(int, stuck);
        QFETCH(QString, reason);
        QFETCH(QStringList, blocking);
        const RolloutHistory h = RolloutHistory::from(deployment(kTemplateV2, {}, deploymentStatus), twoRevisions());
        const QDateTime now(QDate(2026, 1, 1), QTime(10, 10), Qt::UTC);
        const RolloutProgress p = RolloutProgress::from(h, pods, now, std::chrono::seconds(120));
        QCOMPARE(int(p.stuck), stuck);
        QCOMPARE(p.stuckReason, reason);
        QStringList names;
        for (const BlockingPod &b : p.blockingPods)
            names.append(b.name);
        QCOMPARE(names, blocking);
        if (stuck != int(RolloutProgress::Stuck::No))
            QVERIFY(!p.stuckMessage.isEmpty());
    }

    void timelineMergesDeploymentAndSetEvents()
    {
        const RolloutHistory h = RolloutHistory::from(deployment(kTemplateV2), twoRevisions());
        const auto event = [](const char *name, const char *kind, const char *objectName, const char *uid, const char *reason, const char *time) {
            return obj(R"({"apiVersion":"v1","kind":"Event","metadata":{"name":")" + QByteArray(name) + R"(","namespace":"default","uid":")" + name
                       + R"("},"involvedObject":{"kind":")" + kind + R"(","namespace":"default","name":")" + objectName + R"(","uid":")" + uid
                       + R"("},"reason":")" + reason + R"(","message":"m","type":"Normal","lastTimestamp":")" + time + R"("})");
        };
        const QList<kube::Object> events{
            event("e3", "Deployment", "web", "d-1", "ScalingReplicaSet", "2026-01-01T10:05:02Z"),
            event("e1", "Deployment", "web", "d-1", "ScalingReplicaSet", "2026-01-01T10:00:00Z"),
            event("e2", "ReplicaSet", "web-aaa", "rs-1", "SuccessfulCreate", "2026-01-01T10:00:01Z"),
            event("e4", "ReplicaSet", "other-aaa", "rs-x", "SuccessfulCreate", "2026-01-01T10:00:01Z"),
        };
        const QList<TimelineStep> steps = rolloutTimeline(h, events);
        QCOMPARE(steps.size(), 3);
        QCOMPARE(steps.at(0).event.key, QStringLiteral("e1"));
        QCOMPARE(steps.at(1).objectKind, QStringLiteral("ReplicaSet"));
        QCOMPARE(steps.at(1).objectName, QStringLiteral("web-aaa"));
        QCOMPARE(steps.at(2).event.key, QStringLiteral("e3"));
    }
};

QTEST_GUILESS_MAIN(TestRolloutHistory)
#include "tst_rollouthistory.moc"
