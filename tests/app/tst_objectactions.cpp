// ObjectActions' request bodies (what kubectl sends for the same action), the drain filter, and
// the actions end to end against an embedded cluster (API only: the test plays the controllers).
#include "app/clustersession.h"
#include "app/objectactions.h"

#include "tests/support/clusterfixture.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using timonel::ObjectActions;

namespace {

kube::Object obj(const char *json)
{
    auto o = kube::Object::parse(json);
    Q_ASSERT(o.ok());
    return *o;
}

} // namespace

class TestObjectActions : public QObject
{
    Q_OBJECT
private:
    ClusterFixture m_fixture;
    std::unique_ptr<timonel::ClusterSession> m_session;

    kube::Status run(const std::function<void(ObjectActions &, ObjectActions::Done)> &action)
    {
        ObjectActions actions;
        actions.setSession(m_session.get());
        auto status = awaitResult<kube::Status>([&](auto done) { action(actions, done); });
        return status.value_or(kube::Status::internalError(QStringLiteral("no answer")));
    }

    kube::Object fetch(const kube::ResourceRef &ref)
    {
        auto r = awaitResult<kube::Expected<kube::Object>>([&](auto done) { m_session->get(ref, done); });
        return r && r->ok() ? r->value() : kube::Object();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_fixture.start(ClusterFixture::Controllers::Off).isSuccess());
        m_session = std::make_unique<timonel::ClusterSession>(QStringLiteral("t"), m_fixture.config());
        QSignalSpy ready(m_session.get(), &timonel::ClusterSession::resourcesChanged);
        m_session->connectToCluster();
        QVERIFY(ready.wait(15000));
    }

    void restartPatchIsKubectls()
    {
        const QDateTime now = QDateTime::fromString(QStringLiteral("2026-11-27T08:00:00Z"), Qt::ISODate);
        const QJsonObject patch = QJsonDocument::fromJson(ObjectActions::restartPatch(now)).object();
        QCOMPARE(patch[u"spec"][u"template"][u"metadata"][u"annotations"][u"kubectl.kubernetes.io/restartedAt"].toString(),
                 QStringLiteral("2026-11-27T08:00:00Z"));
    }

    void labelsPatchRemovesWithNull()
    {
        const QJsonObject patch = QJsonDocument::fromJson(
            ObjectActions::labelsPatch(kube::Labels{{u"app"_qs, u"web"_qs}, {u"old"_qs, u"x"_qs}},
                                       kube::Labels{{u"app"_qs, u"api"_qs}, {u"new"_qs, u"y"_qs}})).object();
        const QJsonObject labels = patch[u"metadata"][u"labels"].toObject();
        QCOMPARE(labels.size(), 3);
        QCOMPARE(labels[u"app"].toString(), QStringLiteral("api"));
        QCOMPARE(labels[u"new"].toString(), QStringLiteral("y"));
        QVERIFY(labels[u"old"].isNull());
    }

    void drainSkipsDaemonSetMirrorAndFinishedPods()
    {
        QVERIFY(ObjectActions::evictedByDrain(obj(R"({"kind":"Pod","metadata":{"name":"a"},"status":{"phase":"Running"}})")));
        QVERIFY(!ObjectActions::evictedByDrain(obj(
            R"({"kind":"Pod","metadata":{"name":"b","ownerReferences":[{"apiVersion":"apps/v1","kind":"DaemonSet","name":"ds","uid":"1","controller":true}]}})")));
        QVERIFY(!ObjectActions::evictedByDrain(obj(R"({"kind":"Pod","metadata":{"name":"c","annotations":{"kubernetes.io/config.mirror":"x"}}})")));
        QVERIFY(!ObjectActions::evictedByDrain(obj(R"({"kind":"Pod","metadata":{"name":"d"},"status":{"phase":"Succeeded"}})")));
    }

    void labelsScaleRestartAndDeleteAgainstTheServer()
    {
        const kube::ResourceRef deployments{{u"apps"_qs, u"v1"_qs, u"deployments"_qs}, u"default"_qs, {}, {}};
        const kube::Object manifest = obj(R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web","tier":"front"}},
            "spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},
            "spec":{"containers":[{"name":"c","image":"nginx"}]}}}})");
        auto created = awaitResult<kube::Expected<kube::Object>>([&](auto done) { m_session->create(deployments, manifest, done); });
        QVERIFY(created && created->ok());
        kube::ResourceRef one = deployments;
        one.name = u"web"_qs;

        QVERIFY(run([&](ObjectActions &a, auto done) {
                    a.setLabels(u"deployments.apps"_qs, **created, kube::Labels{{u"app"_qs, u"web"_qs}, {u"track"_qs, u"stable"_qs}}, done);
                }).isSuccess());
        kube::Object live = fetch(one);
        QCOMPARE(live.labels().value(u"track"), QStringLiteral("stable"));
        QVERIFY(!live.labels().contains(u"tier"));

        QVERIFY(run([&](ObjectActions &a, auto done) { a.scale(u"deployments.apps"_qs, live, 3, done); }).isSuccess());
        QCOMPARE(fetch(one).toJson()[u"spec"][u"replicas"].toInt(), 3);

        QVERIFY(run([&](ObjectActions &a, auto done) { a.restart(u"deployments.apps"_qs, live, done); }).isSuccess());
        QVERIFY(!fetch(one).toJson()[u"spec"][u"template"][u"metadata"][u"annotations"][u"kubectl.kubernetes.io/restartedAt"]
                     .toString().isEmpty());

        // Deleting a stale copy whose uid no longer matches is refused (precondition), not applied.
        const kube::Object stale = obj(R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"default","uid":"not-the-uid"}})");
        const kube::Status refused = run([&](ObjectActions &a, auto done) {
            a.remove(u"deployments.apps"_qs, stale, kube::PropagationPolicy::Background, std::nullopt, done);
        });
        QCOMPARE(refused.code(), 409);
        QVERIFY(run([&](ObjectActions &a, auto done) {
                    a.remove(u"deployments.apps"_qs, live, kube::PropagationPolicy::Foreground, 0, done);
                }).isSuccess());
    }

    void cordonAndUncordon()
    {
        const kube::ResourceRef nodes{{QString(), u"v1"_qs, u"nodes"_qs}, {}, {}, {}};
        auto created = awaitResult<kube::Expected<kube::Object>>([&](auto done) {
            m_session->create(nodes, obj(R"({"apiVersion":"v1","kind":"Node","metadata":{"name":"n1"}})"), done);
        });
        QVERIFY(created && created->ok());
        kube::ResourceRef n1 = nodes;
        n1.name = u"n1"_qs;
        QVERIFY(run([&](ObjectActions &a, auto done) { a.cordon(**created, true, done); }).isSuccess());
        QVERIFY(fetch(n1).toJson()[u"spec"][u"unschedulable"].toBool());
        QVERIFY(run([&](ObjectActions &a, auto done) { a.cordon(**created, false, done); }).isSuccess());
        QVERIFY(!fetch(n1).toJson()[u"spec"].toObject().contains(u"unschedulable"));
    }
};

QTEST_GUILESS_MAIN(TestObjectActions)
#include "tst_objectactions.moc"
