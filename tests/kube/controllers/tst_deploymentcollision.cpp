// The deployment controller's answer to "a ReplicaSet of that name already exists", against a
// real embedded API server (its own controllers off) with one DeploymentController of the test's
// making:
// - its own set that the ReplicaSet informer has not seen yet is not a collision: the watch of
//   replicasets is held back 1.5 s, so the controller's second sync (after it stamps the
//   revision on the Deployment) creates the same set again — it must keep one set and no
//   collisionCount (a CI run once saw two sets for one new Deployment);
// - a set of that name owned by no one, with another template, is a collision: collisionCount
//   becomes 1 and the Deployment's set takes the next name.
#include "tests/support/clusterfixture.h"
#include "tests/support/syncclient.h"
#include "kube/api/clock.h"
#include "kube/cache/sharedinformerfactory.h"
#include "kube/client/clustertransport.h"
#include "kube/client/restclient.h"
#include "kube/client/restlistwatch.h"
#include "kube/cluster/embeddedcluster.h"
#include "kube/controllers/controllercontext.h"
#include "kube/controllers/deployment/deploymentcontroller.h"
#include "kube/controllers/deployment/podtemplatehash.h"
#include "kube/controllers/deployment/replicasetinfo.h"
#include "kube/controllers/eventrecorder.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace kube;

namespace {

const GroupVersionResource kDeployments{u"apps"_qs, u"v1"_qs, u"deployments"_qs};
const GroupVersionResource kReplicaSets{u"apps"_qs, u"v1"_qs, u"replicasets"_qs};

// A watch whose events (and end) arrive delayMs late: an informer that lags the API server.
class LateWatch : public WatchConnection
{
public:
    LateWatch(std::unique_ptr<WatchConnection> inner, int delayMs) : m_inner(std::move(inner))
    {
        connect(m_inner.get(), &WatchConnection::eventsReceived, this, [this, delayMs](const QList<WatchEvent> &events) {
            QTimer::singleShot(delayMs, this, [this, events] { Q_EMIT eventsReceived(events); });
        });
        connect(m_inner.get(), &WatchConnection::closed, this, [this, delayMs](const Status &why) {
            QTimer::singleShot(delayMs, this, [this, why] { Q_EMIT closed(why); });
        });
    }
    void stop() override { m_inner->stop(); }

private:
    std::unique_ptr<WatchConnection> m_inner;
};

class LateListWatch : public ListWatch
{
public:
    LateListWatch(std::unique_ptr<ListWatch> inner, int delayMs) : m_inner(std::move(inner)), m_delayMs(delayMs) {}
    void list(const ListRequest &request, std::function<void(Expected<ListPage>)> done) override { m_inner->list(request, std::move(done)); }
    std::unique_ptr<WatchConnection> watch(const WatchRequest &request) override
    {
        return std::make_unique<LateWatch>(m_inner->watch(request), m_delayMs);
    }
    QString describe() const override { return m_inner->describe(); }

private:
    std::unique_ptr<ListWatch> m_inner;
    int m_delayMs;
};

QJsonObject podTemplate(const QString &app, const QString &image)
{
    return {{u"metadata"_qs, QJsonObject{{u"labels"_qs, QJsonObject{{u"app"_qs, app}}}}},
            {u"spec"_qs, QJsonObject{{u"containers"_qs, QJsonArray{QJsonObject{{u"name"_qs, u"c"_qs}, {u"image"_qs, image}}}}}}};
}

Object deployment(const QString &name)
{
    return Object::fromJson(QJsonObject{
        {u"apiVersion"_qs, u"apps/v1"_qs}, {u"kind"_qs, u"Deployment"_qs},
        {u"metadata"_qs, QJsonObject{{u"name"_qs, name}}},
        {u"spec"_qs, QJsonObject{{u"replicas"_qs, 2},
                                 {u"selector"_qs, QJsonObject{{u"matchLabels"_qs, QJsonObject{{u"app"_qs, name}}}}},
                                 {u"template"_qs, podTemplate(name, u"nginx:1.27"_qs)}}}});
}

} // namespace

class tst_DeploymentCollision : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void squattedNameBumpsCollisionCount(); // starts the controller
    void ownSetNotYetCachedIsNoCollision();

private:
    void startController();
    // The ReplicaSets a Deployment controls.
    QList<Object> setsOf(const Object &owner)
    {
        auto r = awaitResult<Expected<ListPage>>([&](RestClient::ListCallback cb) {
            m_client->list({kReplicaSets, u"default"_qs, QString(), QString()}, ListRequest{}, cb);
        });
        QList<Object> owned;
        if (r && r->ok()) {
            for (const Object &rs : r->value().items) {
                const auto ref = rs.controllerRef();
                if (ref && ref->uid == owner.uid())
                    owned.append(rs);
            }
        }
        return owned;
    }

    ClusterFixture m_fixture;
    RestClient *m_client = nullptr; // m_fixture's
    std::unique_ptr<SyncClient> m_api;
    std::unique_ptr<SharedInformerFactory> m_informers;
    std::unique_ptr<EventRecorder> m_events;
    std::unique_ptr<ControllerContext> m_context;
    std::unique_ptr<DeploymentController> m_controller;
};

void tst_DeploymentCollision::initTestCase()
{
    QVERIFY(m_fixture.dir.isValid());
    const Status started = m_fixture.start(ClusterFixture::Controllers::Off);
    QVERIFY2(started.isSuccess(), qPrintable(started.message()));
    m_client = m_fixture.client.get();
    m_api = std::make_unique<SyncClient>(m_client);
}

void tst_DeploymentCollision::cleanupTestCase()
{
    m_controller.reset();
    m_informers.reset();
    m_context.reset();
    m_events.reset();
    m_api.reset();
    m_fixture.stop();
}

void tst_DeploymentCollision::startController()
{
    ClusterTransport *transport = m_fixture.transport.get();
    m_informers = std::make_unique<SharedInformerFactory>([transport](const InformerKey &key) -> std::unique_ptr<ListWatch> {
        const qsizetype dot = key.resource.indexOf(u'.');
        const GroupVersionResource gvr{dot < 0 ? QString() : key.resource.mid(dot + 1), u"v1"_qs,
                                       dot < 0 ? key.resource : key.resource.left(dot)};
        auto inner = std::make_unique<RestListWatch>(transport, gvr, key.namespace_);
        if (gvr.resource == u"replicasets")
            return std::make_unique<LateListWatch>(std::move(inner), 1500);
        return inner;
    });
    m_events = std::make_unique<EventRecorder>(m_client, Clock::system());
    m_context = std::make_unique<ControllerContext>(ControllerContext{m_client, m_informers.get(), &Clock::system(), m_events.get()});
    m_controller = std::make_unique<DeploymentController>(*m_context);
    m_informers->start();
    QVERIFY(QTest::qWaitFor([&] { return m_informers->hasSynced(); }, 10000));
}

void tst_DeploymentCollision::ownSetNotYetCachedIsNoCollision()
{
    QVERIFY(m_controller);
    const auto created = m_api->create(kDeployments, u"default"_qs, deployment(u"lagging"_qs));
    QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message()));
    // The set appears, the Deployment gets its revision (a second sync follows at once, while
    // the informer has not delivered the set yet).
    QVERIFY(QTest::qWaitFor([&] {
        const auto d = m_api->get(kDeployments, u"default"_qs, u"lagging"_qs);
        return d.ok() && !d->annotations().value(u"deployment.kubernetes.io/revision"_qs).isEmpty();
    }, 10000));
    QCOMPARE(setsOf(*created).size(), 1);
    // Let the lagging informer catch up and every queued sync run.
    QTest::qWait(3500);
    const auto after = m_api->get(kDeployments, u"default"_qs, u"lagging"_qs);
    QVERIFY(after.ok());
    QCOMPARE(setsOf(*created).size(), 1);
    QVERIFY2(!after->toJson().value(u"status").toObject().contains(u"collisionCount"),
             "the controller took its own uncached set for a hash collision");
}

void tst_DeploymentCollision::squattedNameBumpsCollisionCount()
{
    // Before the controller runs: the Deployment, and the name its first set would take held by
    // an unowned set with another template and labels its selector does not match (not adopted).
    const auto created = m_api->create(kDeployments, u"default"_qs, deployment(u"squatted"_qs));
    QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message()));
    const QString firstName = u"squatted-"_qs + computePodTemplateHash(DeploymentInfo::from(*created).podTemplate, std::nullopt);
    const QJsonObject squatter{
        {u"apiVersion"_qs, u"apps/v1"_qs}, {u"kind"_qs, u"ReplicaSet"_qs},
        {u"metadata"_qs, QJsonObject{{u"name"_qs, firstName}}},
        {u"spec"_qs, QJsonObject{{u"replicas"_qs, 0},
                                 {u"selector"_qs, QJsonObject{{u"matchLabels"_qs, QJsonObject{{u"app"_qs, u"other"_qs}}}}},
                                 {u"template"_qs, podTemplate(u"other"_qs, u"busybox"_qs)}}}};
    QVERIFY(m_api->create(kReplicaSets, u"default"_qs, Object::fromJson(squatter)).ok());

    startController();
    QVERIFY(QTest::qWaitFor([&] { return !setsOf(*created).isEmpty(); }, 10000));
    QTest::qWait(3500); // the lagging informer catches up; every queued sync runs
    const QList<Object> sets = setsOf(*created);
    QCOMPARE(sets.size(), 1);
    QVERIFY(sets.first().name() != firstName);
    const auto after = m_api->get(kDeployments, u"default"_qs, u"squatted"_qs);
    QVERIFY(after.ok());
    QCOMPARE(after->toJson().value(u"status").toObject().value(u"collisionCount").toInt(-1), 1);
    QCOMPARE(sets.first().name(), u"squatted-"_qs + computePodTemplateHash(DeploymentInfo::from(*after).podTemplate, 1));
    // The squatter is untouched.
    const auto kept = m_api->get(kReplicaSets, u"default"_qs, firstName);
    QVERIFY(kept.ok());
    QVERIFY(!kept->controllerRef());
}

QTEST_GUILESS_MAIN(tst_DeploymentCollision)
#include "tst_deploymentcollision.moc"
