// DaemonSet and StatefulSet rollouts from ControllerRevisions: the revisions kubectl rollout
// history lists, the current one, the strategic merge patch kubectl rollout undo sends (bytes),
// its refusals, and the progress sentences of kubectl rollout status for both kinds.
#include "models/rollouthistory.h"
#include "models/rolloutprogress.h"
#include "models/workloadhistory.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace timonel;

namespace {

kube::Object obj(const QByteArray &json)
{
    auto o = kube::Object::parse(json);
    if (!o.ok())
        qFatal("bad fixture: %s", qPrintable(o.error().message()));
    return *o;
}

QByteArray templ(const char *image)
{
    return R"({"metadata":{"labels":{"app":"agent"}},"spec":{"containers":[{"name":"agent","image":")" + QByteArray(image) + R"("}]}})";
}

kube::Object workload(const char *kind, const char *image, const QByteArray &status = "{}", const QByteArray &extraSpec = {},
                      const char *cause = "set image agent:2")
{
    return obj(R"({"apiVersion":"apps/v1","kind":")" + QByteArray(kind) + R"(","metadata":{"name":"agent","namespace":"default",
        "uid":"w-1","generation":2,"annotations":{"kubernetes.io/change-cause":")" + cause + R"("}},"spec":{)" + extraSpec
               + R"("selector":{"matchLabels":{"app":"agent"}},"template":)" + templ(image) + R"(},"status":)" + status + "}");
}

kube::Object revision(const char *hash, int number, const char *image, const char *cause, const char *owner = "w-1",
                      const char *created = "2026-01-01T10:00:00Z")
{
    QByteArray data = templ(image);
    data.insert(1, R"("$patch":"replace",)");
    return obj(R"({"apiVersion":"apps/v1","kind":"ControllerRevision","metadata":{"name":"agent-)" + QByteArray(hash)
               + R"(","namespace":"default","uid":"cr-)" + hash + R"(","creationTimestamp":")" + created
               + R"(","labels":{"app":"agent","controller-revision-hash":")" + hash
               + R"("},"annotations":{"kubernetes.io/change-cause":")" + cause
               + R"("},"ownerReferences":[{"apiVersion":"apps/v1","kind":"DaemonSet","name":"agent","uid":")" + owner
               + R"(","controller":true}]},"revision":)" + QByteArray::number(number) + R"(,"data":{"spec":{"template":)" + data
               + "}}}");
}

kube::Object pod(const char *name, const char *revisionLabel, bool ready, const QByteArray &containerStatuses = "[]")
{
    return obj(R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":")" + QByteArray(name)
               + R"(","namespace":"default","uid":"p-)" + name + R"(","creationTimestamp":"2026-01-01T10:00:00Z",
        "labels":{"app":"agent","controller-revision-hash":")" + revisionLabel
               + R"("},"ownerReferences":[{"apiVersion":"apps/v1","kind":"DaemonSet","name":"agent","uid":"w-1","controller":true}]},
        "status":{"phase":"Running","conditions":[{"type":"Ready","status":")" + (ready ? "True" : "False")
               + R"(","lastTransitionTime":"2026-01-01T10:00:00Z"}],"containerStatuses":)" + containerStatuses + "}}");
}

const QDateTime kNow = QDateTime::fromString(u"2026-01-01T10:01:00Z"_qs, Qt::ISODate);

} // namespace

class TestWorkloadHistory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void daemonSetRevisionsFromControllerRevisions()
    {
        const QList<kube::Object> revisions{revision("bbb", 2, "agent:2", "set image agent:2"),
                                            revision("aaa", 1, "agent:1", "create agent"),
                                            revision("zzz", 5, "agent:9", "someone else's", "other-uid")};
        const QList<kube::Object> pods{pod("agent-x", "bbb", true), pod("agent-y", "bbb", false), pod("agent-z", "aaa", true)};
        const RolloutHistory h = RolloutHistory::fromControllerRevisions(workload("DaemonSet", "agent:2"), u"DaemonSet"_qs, revisions, pods);
        QCOMPARE(h.kind(), u"DaemonSet"_qs);
        QVERIFY(!h.isDeployment());
        QCOMPARE(h.revisions().size(), 2);
        QCOMPARE(h.revisions().at(0).number, 1);
        QCOMPARE(h.revisions().at(1).number, 2);
        QCOMPARE(h.revisions().at(0).changeCause, u"create agent"_qs);
        QCOMPARE(h.revisions().at(1).images, QStringList{u"agent=agent:2"_qs});
        QCOMPARE(h.revisions().at(1).replicaSetName, u"agent-bbb"_qs);
        QCOMPARE(h.revisions().at(1).revisionHash, u"bbb"_qs);
        QCOMPARE(h.revisions().at(1).replicas, 2);
        QCOMPARE(h.revisions().at(1).readyReplicas, 1);
        QCOMPARE(h.revisions().at(0).replicas, 1);
        // The template of a revision is the data's, without "$patch".
        QVERIFY(!h.revisions().at(0).podTemplate.contains(u"$patch"));
        QCOMPARE(h.revisions().at(0).podTemplate, QJsonDocument::fromJson(templ("agent:1")).object());
        QCOMPARE(h.currentRevision(), 2);
        QVERIFY(h.revisions().at(1).current);
        QVERIFY(!h.revisions().at(0).current);
        QCOMPARE(h.previousRevision(), 1);
    }

    void undoSendsTheRevisionDataAsStrategicMergePatch()
    {
        const QList<kube::Object> revisions{revision("aaa", 1, "agent:1", "create agent"), revision("bbb", 2, "agent:2", "v2")};
        const RolloutHistory h = RolloutHistory::fromControllerRevisions(workload("DaemonSet", "agent:2"), u"DaemonSet"_qs, revisions);
        for (qint64 to : {qint64(1), qint64(0)}) {
            const RolloutHistory::Undo u = h.undo(to);
            QCOMPARE(u.outcome, RolloutHistory::Undo::Outcome::Patch);
            QVERIFY(u.strategicMerge);
            QCOMPARE(u.body, QByteArray(R"({"spec":{"template":{"$patch":"replace","metadata":{"labels":{"app":"agent"}},)"
                                        R"("spec":{"containers":[{"name":"agent","image":"agent:1"}]}}}})"));
        }
        const RolloutHistory::Undo same = h.undo(2);
        QCOMPARE(same.outcome, RolloutHistory::Undo::Outcome::AlreadyCurrent);
        QCOMPARE(same.message, u"skipped rollback (current template already matches revision 2)"_qs);
        QVERIFY(same.body.isEmpty());
        const RolloutHistory::Undo missing = h.undo(7);
        QCOMPARE(missing.outcome, RolloutHistory::Undo::Outcome::NotFound);
        QCOMPARE(missing.message, u"unable to find specified revision 7 in history"_qs);

        const RolloutHistory single = RolloutHistory::fromControllerRevisions(workload("DaemonSet", "agent:1"), u"DaemonSet"_qs,
                                                                              {revision("aaa", 1, "agent:1", "c")});
        QCOMPARE(single.undo(0).outcome, RolloutHistory::Undo::Outcome::NotFound);
        QCOMPARE(single.undo(0).message, u"no last revision to roll back to"_qs);
        // The data kubectl compares with is the workload's template patch.
        QCOMPARE(controllerRevisionData(workload("DaemonSet", "agent:1").toJson()),
                 revision("aaa", 1, "agent:1", "c").toJson().value(u"data").toObject());
    }

    void deploymentsKeepTheirJsonPatch()
    {
        const kube::Object d = obj(R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"default","uid":"d"},
            "spec":{"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"web","image":"b"}]}}}})");
        const RolloutHistory h = RolloutHistory::from(d, {});
        QCOMPARE(h.kind(), u"Deployment"_qs);
        QVERIFY(h.isDeployment());
        QVERIFY(!h.undo(0).strategicMerge);
        QCOMPARE(h.undo(0).message, u"no rollout history found for deployment \"web\""_qs);
    }

    void statefulSetCurrentFromUpdateRevisionAndPodsByFullName()
    {
        // The template changed but no revision records it yet: status.updateRevision names the current one.
        const kube::Object sts = workload("StatefulSet", "agent:3", R"({"updateRevision":"agent-bbb","currentRevision":"agent-aaa"})",
                                          R"("replicas":3,)");
        const QList<kube::Object> revisions{revision("aaa", 1, "agent:1", "c1"), revision("bbb", 2, "agent:2", "c2")};
        const QList<kube::Object> pods{pod("agent-0", "agent-bbb", true), pod("agent-1", "agent-aaa", true), pod("agent-2", "agent-aaa", true)};
        const RolloutHistory h = RolloutHistory::fromControllerRevisions(sts, u"StatefulSet"_qs, revisions, pods);
        QCOMPARE(h.currentRevision(), 2);
        QCOMPARE(h.revision(2)->replicas, 1);
        QCOMPARE(h.revision(1)->replicas, 2);
        const RolloutHistory::Undo u = h.undo(1);
        QCOMPARE(u.outcome, RolloutHistory::Undo::Outcome::Patch);
        QVERIFY(u.body.contains(R"("image":"agent:1")"));
        QVERIFY(u.strategicMerge);
    }

    void daemonSetProgressWords_data()
    {
        QTest::addColumn<QByteArray>("status");
        QTest::addColumn<QString>("message");
        QTest::addColumn<bool>("complete");
        QTest::newRow("updating") << QByteArray(R"({"observedGeneration":2,"desiredNumberScheduled":3,"updatedNumberScheduled":1,"numberAvailable":3})")
                                  << u"Waiting for daemon set \"agent\" rollout to finish: 1 out of 3 new pods have been updated..."_qs << false;
        QTest::newRow("available") << QByteArray(R"({"observedGeneration":2,"desiredNumberScheduled":3,"updatedNumberScheduled":3,"numberAvailable":2})")
                                   << u"Waiting for daemon set \"agent\" rollout to finish: 2 of 3 updated pods are available..."_qs << false;
        QTest::newRow("done") << QByteArray(R"({"observedGeneration":2,"desiredNumberScheduled":3,"updatedNumberScheduled":3,"numberAvailable":3})")
                              << u"daemon set \"agent\" successfully rolled out"_qs << true;
        QTest::newRow("unobserved") << QByteArray(R"({"observedGeneration":1,"desiredNumberScheduled":3})")
                                    << u"Waiting for daemon set spec update to be observed..."_qs << false;
    }

    void daemonSetProgressWords()
    {
        QFETCH(QByteArray, status);
        QFETCH(QString, message);
        QFETCH(bool, complete);
        const RolloutHistory h = RolloutHistory::fromControllerRevisions(workload("DaemonSet", "agent:2", status), u"DaemonSet"_qs, {});
        const RolloutProgress p = RolloutProgress::from(h, {}, kNow);
        QCOMPARE(p.statusMessage, message);
        QCOMPARE(p.complete, complete);
        QCOMPARE(p.desired, 3);
    }

    void statefulSetProgressWords()
    {
        const auto words = [](const QByteArray &status, const QByteArray &spec) {
            const RolloutHistory h = RolloutHistory::fromControllerRevisions(workload("StatefulSet", "agent:2", status, spec),
                                                                             u"StatefulSet"_qs, {});
            return RolloutProgress::from(h, {}, kNow).statusMessage;
        };
        QCOMPARE(words(R"({"observedGeneration":2,"readyReplicas":3,"updatedReplicas":1})",
                       R"("replicas":3,"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":1}},)"),
                 u"Waiting for partitioned roll out to finish: 1 out of 2 new pods have been updated..."_qs);
        QCOMPARE(words(R"({"observedGeneration":2,"readyReplicas":1})", R"("replicas":3,)"), u"Waiting for 2 pods to be ready..."_qs);
        QCOMPARE(words(R"({"observedGeneration":2,"readyReplicas":3,"updatedReplicas":1,"updateRevision":"agent-bbb","currentRevision":"agent-aaa"})",
                       R"("replicas":3,)"),
                 u"waiting for statefulset rolling update to complete 1 pods at revision agent-bbb..."_qs);
        QCOMPARE(words(R"({"observedGeneration":2,"readyReplicas":3,"currentReplicas":3,"updateRevision":"agent-bbb","currentRevision":"agent-bbb"})",
                       R"("replicas":3,)"),
                 u"statefulset rolling update complete 3 pods at revision agent-bbb..."_qs);
        QCOMPARE(words(R"({"observedGeneration":0})", R"("replicas":3,)"), u"Waiting for statefulset spec update to be observed..."_qs);
        // As the API defaults it (rollingUpdate with partition 0), kubectl words every rollout
        // as a partitioned one — and so does the panel.
        const QByteArray defaulted = R"("replicas":3,"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":0}},)";
        QCOMPARE(words(R"({"observedGeneration":2,"readyReplicas":3,"updatedReplicas":2,"updateRevision":"agent-bbb","currentRevision":"agent-aaa"})",
                       defaulted),
                 u"Waiting for partitioned roll out to finish: 2 out of 3 new pods have been updated..."_qs);
        QCOMPARE(words(R"({"observedGeneration":2,"readyReplicas":3,"updatedReplicas":3,"currentReplicas":3,"updateRevision":"agent-bbb","currentRevision":"agent-bbb"})",
                       defaulted),
                 u"partitioned roll out complete: 3 new pods have been updated..."_qs);
        // A rollingUpdate without a partition: complete once the pods are ready (kubectl's logic).
        QCOMPARE(words(R"({"observedGeneration":2,"readyReplicas":3,"updatedReplicas":1})",
                       R"("replicas":3,"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{}},)"),
                 u"partitioned roll out complete: 1 new pods have been updated..."_qs);
        QCOMPARE(words(R"({"observedGeneration":2,"readyReplicas":3})", R"("replicas":3,"updateStrategy":{"type":"OnDelete"},)"),
                 u"rollout status is only available for RollingUpdate strategy type"_qs);
    }

    void undoSendsTheServersDataBytes()
    {
        // A revision as a Go server writes it: "&" escaped as \u0026, a member order that is
        // not QJsonDocument's. kubectl sends Data.Raw: those very bytes.
        const QByteArray data = "{\"spec\":{\"template\":{\"$patch\":\"replace\",\"spec\":{\"containers\":[{\"name\":\"agent\","
                                "\"image\":\"agent:1\",\"command\":[\"sh\",\"-c\",\"a \\u0026\\u0026 b\"]}]},"
                                "\"metadata\":{\"labels\":{\"app\":\"agent\"}}}}}";
        const QByteArray revisionJson = "{\"apiVersion\":\"apps/v1\",\"kind\":\"ControllerRevision\",\"metadata\":{\"name\":\"agent-aaa\","
                                        "\"namespace\":\"default\",\"uid\":\"cr-aaa\",\"ownerReferences\":[{\"apiVersion\":\"apps/v1\","
                                        "\"kind\":\"DaemonSet\",\"name\":\"agent\",\"uid\":\"w-1\",\"controller\":true}]},\"data\":"
                                        + data + ",\"revision\":1}";
        const QList<kube::Object> revisions{obj(revisionJson), revision("bbb", 2, "agent:2", "v2")};
        const RolloutHistory h = RolloutHistory::fromControllerRevisions(workload("DaemonSet", "agent:2"), u"DaemonSet"_qs, revisions);
        const QJsonArray command = h.revision(1)->podTemplate[u"spec"][u"containers"][0][u"command"].toArray();
        QCOMPARE(command.at(2).toString(), u"a && b"_qs);
        const RolloutHistory::Undo u = h.undo(1);
        QCOMPARE(u.outcome, RolloutHistory::Undo::Outcome::Patch);
        QCOMPARE(u.body, data);
    }

    void rawTopLevelMember_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("raw");
        QTest::newRow("object-with-escaped-quote-and-brace") << QByteArray("{\"a\":1,\"data\":{\"x\":\"}\\\"\"},\"z\":[1]}")
                                                            << QByteArray("data") << QByteArray("{\"x\":\"}\\\"\"}");
        QTest::newRow("array-after-a-string-naming-the-key") << QByteArray("{\"a\":\"data\",\"z\":[1,{\"b\":2}]}") << QByteArray("z")
                                                             << QByteArray("[1,{\"b\":2}]");
        QTest::newRow("scalar-last") << QByteArray("{\"a\":{\"data\":1},\"b\":true}") << QByteArray("b") << QByteArray("true");
        QTest::newRow("nested-key-is-not-top-level") << QByteArray("{\"a\":{\"data\":1}}") << QByteArray("data") << QByteArray();
        QTest::newRow("truncated") << QByteArray("{\"a\":\"x") << QByteArray("a") << QByteArray();
    }

    void rawTopLevelMember()
    {
        QFETCH(QByteArray, json);
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, raw);
        QCOMPARE(timonel::rawTopLevelMember(json, key), raw);
    }

    void skippedRollbackNamesTheRequestedRevision()
    {
        // kubectl's daemonSetMatch/statefulsetMatch compare with the revision found, but the
        // sentence carries the number asked for: 0 for "the previous revision".
        const QList<kube::Object> revisions{revision("aaa", 1, "agent:1", "c1"), revision("bbb", 2, "agent:2", "c2")};
        const RolloutHistory h = RolloutHistory::fromControllerRevisions(workload("DaemonSet", "agent:1"), u"DaemonSet"_qs, revisions);
        QCOMPARE(h.currentRevision(), 1);
        const RolloutHistory::Undo u = h.undo(0);
        QCOMPARE(u.outcome, RolloutHistory::Undo::Outcome::AlreadyCurrent);
        QCOMPARE(u.message, u"skipped rollback (current template already matches revision 0)"_qs);
        QCOMPARE(h.undo(1).message, u"skipped rollback (current template already matches revision 1)"_qs);
        QCOMPARE(h.undo(-1).message, u"unable to find specified revision -1 in history"_qs);
    }

    void podsByRevisionAndBlockingPods()
    {
        const QList<kube::Object> revisions{revision("aaa", 1, "agent:1", "c1"), revision("bbb", 2, "agent:2", "c2")};
        const QList<kube::Object> pods{
            pod("agent-new", "bbb", false,
                R"([{"name":"agent","state":{"waiting":{"reason":"ImagePullBackOff","message":"no such image"}}}])"),
            pod("agent-old1", "aaa", true), pod("agent-old2", "aaa", true)};
        const kube::Object ds = workload("DaemonSet", "agent:2", R"({"observedGeneration":2,"desiredNumberScheduled":3,"updatedNumberScheduled":1})");
        const RolloutHistory h = RolloutHistory::fromControllerRevisions(ds, u"DaemonSet"_qs, revisions, pods);
        const RolloutProgress p = RolloutProgress::from(h, pods, kNow);
        QVERIFY(p.newReplicaSet);
        QCOMPARE(p.newReplicaSet->name, u"agent-bbb"_qs);
        QCOMPARE(p.newReplicaSet->current, 1);
        QCOMPARE(p.oldReplicaSets.size(), 1);
        QCOMPARE(p.oldReplicaSets.front().name, u"agent-aaa"_qs);
        QCOMPARE(p.oldReplicaSets.front().ready, 2);
        QCOMPARE(p.stuck, RolloutProgress::Stuck::PodsFailing);
        QCOMPARE(p.stuckReason, u"ImagePullBackOff"_qs);
        QCOMPARE(p.blockingPods.size(), 1);
        QCOMPARE(p.blockingPods.front().name, u"agent-new"_qs);
        // The timeline names the workload by its kind.
        const kube::Object event = obj(R"({"apiVersion":"v1","kind":"Event","metadata":{"name":"e1","namespace":"default"},
            "involvedObject":{"kind":"DaemonSet","name":"agent","namespace":"default","uid":"w-1"},"reason":"SuccessfulCreate",
            "message":"Created pod: agent-new","type":"Normal","count":1,"lastTimestamp":"2026-01-01T10:00:00Z"})");
        const QList<TimelineStep> steps = rolloutTimeline(h, {event});
        QCOMPARE(steps.size(), 1);
        QCOMPARE(steps.front().objectKind, u"DaemonSet"_qs);
    }

    void setImageAndKinds()
    {
        const QByteArray patch = setImagePatch(workload("DaemonSet", "agent:2"), u"agent"_qs, u"agent:3"_qs, {});
        QCOMPARE(patch, QByteArray(R"({"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"agent"}],)"
                                   R"("containers":[{"image":"agent:3","name":"agent"}]}}}})"));
        QCOMPARE(rolloutKindOf(u"daemonsets.apps"_qs), u"DaemonSet"_qs);
        QCOMPARE(rolloutKindOf(u"statefulsets.apps"_qs), u"StatefulSet"_qs);
        QCOMPARE(rolloutKindOf(u"deployments.apps"_qs), u"Deployment"_qs);
        QVERIFY(rolloutKindOf(u"pods"_qs).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestWorkloadHistory)
#include "tst_workloadhistory.moc"
