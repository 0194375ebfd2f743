// The StatefulSet controller in a running embedded cluster (controllers on). An informer in the
// test records every pod event in order, so ordering is checked on what the API saw, not on
// timestamps: a member is created only once its predecessor is Running and Ready, a broken
// first member holds an OrderedReady set back (not a Parallel one), a deleted member comes back
// with its name, scale-down takes the highest ordinal first, claims are created and kept (or
// collected as the retention policy says), and a rolling update with a partition leaves the
// ordinals below it alone.
#include "tests/support/clusterfixture.h"
#include "kube/cache/sharedinformer.h"
#include "kube/client/restclient.h"
#include "kube/client/restlistwatch.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace kube;

namespace {

const GroupVersionResource kPods{QString(), u"v1"_qs, u"pods"_qs};
const GroupVersionResource kClaims{QString(), u"v1"_qs, u"persistentvolumeclaims"_qs};
const GroupVersionResource kEvents{QString(), u"v1"_qs, u"events"_qs};
const GroupVersionResource kSets{u"apps"_qs, u"v1"_qs, u"statefulsets"_qs};
const GroupVersionResource kRevisions{u"apps"_qs, u"v1"_qs, u"controllerrevisions"_qs};
const QString kNs = u"default"_qs;

constexpr int WaitMs = 60000;

QJsonObject statefulSet(const QString &name, int replicas, const QString &image, const QJsonObject &extraSpec = {})
{
    const QJsonObject labels{{u"app"_qs, name}};
    QJsonObject spec{
        {u"replicas"_qs, replicas},
        {u"serviceName"_qs, name},
        {u"selector"_qs, QJsonObject{{u"matchLabels"_qs, labels}}},
        {u"template"_qs, QJsonObject{
            {u"metadata"_qs, QJsonObject{{u"labels"_qs, labels}}},
            {u"spec"_qs, QJsonObject{{u"containers"_qs, QJsonArray{QJsonObject{{u"name"_qs, u"nginx"_qs}, {u"image"_qs, image}}}}}}}},
    };
    for (auto it = extraSpec.begin(); it != extraSpec.end(); ++it)
        spec.insert(it.key(), it.value());
    return QJsonObject{{u"apiVersion"_qs, u"apps/v1"_qs}, {u"kind"_qs, u"StatefulSet"_qs},
                       {u"metadata"_qs, QJsonObject{{u"name"_qs, name}}}, {u"spec"_qs, spec}};
}

QJsonObject claimTemplates()
{
    return QJsonObject{{u"volumeClaimTemplates"_qs, QJsonArray{QJsonObject{
        {u"metadata"_qs, QJsonObject{{u"name"_qs, u"www"_qs}}},
        {u"spec"_qs, QJsonObject{{u"accessModes"_qs, QJsonArray{u"ReadWriteOnce"_qs}},
                                 {u"resources"_qs, QJsonObject{{u"requests"_qs, QJsonObject{{u"storage"_qs, u"1Gi"_qs}}}}}}}}}}};
}

QJsonObject merged(QJsonObject a, const QJsonObject &b)
{
    for (auto it = b.begin(); it != b.end(); ++it)
        a.insert(it.key(), it.value());
    return a;
}

// One pod as an event showed it.
struct PodState {
    QString uid;
    bool runningAndReady = false;
    bool terminating = false;
    QString image;
};

PodState podState(const Object &pod)
{
    const QJsonObject json = pod.toJson();
    PodState s;
    s.uid = pod.uid();
    s.terminating = pod.isBeingDeleted();
    s.image = json.value(u"spec").toObject().value(u"containers").toArray().first().toObject().value(u"image").toString();
    const QJsonObject status = json.value(u"status").toObject();
    bool ready = false;
    for (const auto &c : status.value(u"conditions").toArray())
        ready = ready || (c.toObject().value(u"type") == u"Ready"_qs && c.toObject().value(u"status") == u"True"_qs);
    s.runningAndReady = status.value(u"phase").toString() == u"Running" && ready;
    return s;
}

struct PodEvent {
    enum Type { Added, Updated, Deleted } type;
    QString name;
    PodState state;
};

} // namespace

class tst_StatefulSetController : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void orderedCreationWaitsForReady();
    void brokenFirstMemberHoldsOrderedNotParallel();
    void deletedMemberComesBackWithItsName();
    void failedMemberIsReplaced();
    void scaleDownRemovesHighestFirst();
    void claimsAreCreatedAndKept();
    void retentionPolicyDeletesClaims();
    void rollingUpdateHonoursPartition();

private:
    template<typename Start>
    Expected<Object> call(Start start)
    {
        auto r = awaitResult<Expected<Object>>(start);
        return r ? *r : Expected<Object>(Status::internalError(u"timed out"_qs));
    }
    Expected<Object> get(const GroupVersionResource &gvr, const QString &name)
    {
        return call([&](RestClient::ObjectCallback cb) { m_client->get({gvr, kNs, name, QString()}, cb); });
    }
    Expected<Object> create(const GroupVersionResource &gvr, const QJsonObject &object)
    {
        return call([&](RestClient::ObjectCallback cb) { m_client->create({gvr, kNs, QString(), QString()}, Object::fromJson(object), cb); });
    }
    Expected<Object> patch(const GroupVersionResource &gvr, const QString &name, const QJsonObject &body)
    {
        return call([&](RestClient::ObjectCallback cb) {
            m_client->patch({gvr, kNs, name, QString()}, PatchType::Merge, QJsonDocument(body).toJson(QJsonDocument::Compact), cb);
        });
    }
    Expected<Object> remove(const GroupVersionResource &gvr, const QString &name)
    {
        return call([&](RestClient::ObjectCallback cb) { m_client->remove({gvr, kNs, name, QString()}, cb); });
    }
    QList<Object> list(const GroupVersionResource &gvr, const QString &labelSelector = {})
    {
        ListRequest request;
        request.labelSelector = labelSelector;
        auto r = awaitResult<Expected<ListPage>>([&](RestClient::ListCallback cb) { m_client->list({gvr, kNs, QString(), QString()}, request, cb); });
        return r && r->ok() ? r->value().items : QList<Object>();
    }
    QStringList podNames(const QString &app)
    {
        QStringList names;
        for (const Object &pod : list(kPods, u"app="_qs + app))
            names.append(pod.name());
        names.sort();
        return names;
    }
    bool gone(const GroupVersionResource &gvr, const QString &name)
    {
        const auto r = get(gvr, name);
        return !r && r.error().is(reason::NotFound);
    }
    QJsonObject statusOf(const QString &set)
    {
        const auto s = get(kSets, set);
        return s ? s->toJson().value(u"status").toObject() : QJsonObject();
    }
    // Every named pod exists, Running and Ready, and the set's status says so.
    bool allReady(const QString &set, int replicas)
    {
        const QList<Object> pods = list(kPods, u"app="_qs + set);
        int ready = 0;
        for (const Object &pod : pods)
            ready += podState(pod).runningAndReady && !pod.isBeingDeleted() ? 1 : 0;
        const QJsonObject status = statusOf(set);
        return pods.size() == replicas && ready == replicas && status.value(u"readyReplicas").toInt() == replicas
            && status.value(u"replicas").toInt() == replicas;
    }
    bool hasEvent(const QString &message)
    {
        for (const Object &event : list(kEvents)) {
            if (event.toJson().value(u"message").toString() == message)
                return true;
        }
        return false;
    }
    // The latest state of each pod just before the event at index (absent: never seen or deleted).
    QHash<QString, PodState> statesBefore(qsizetype index) const
    {
        QHash<QString, PodState> states;
        for (qsizetype i = 0; i < index; ++i) {
            const PodEvent &e = m_timeline.at(i);
            if (e.type == PodEvent::Deleted)
                states.remove(e.name);
            else
                states.insert(e.name, e.state);
        }
        return states;
    }
    qsizetype firstEvent(const std::function<bool(const PodEvent &)> &matches, qsizetype from = 0) const
    {
        for (qsizetype i = from; i < m_timeline.size(); ++i) {
            if (matches(m_timeline.at(i)))
                return i;
        }
        return -1;
    }

    ClusterFixture m_fixture;
    RestClient *m_client = nullptr; // m_fixture's
    std::unique_ptr<SharedInformer> m_podInformer;
    QList<PodEvent> m_timeline;
};

void tst_StatefulSetController::initTestCase()
{
    QVERIFY(m_fixture.dir.isValid());
    const Status started = m_fixture.start(ClusterFixture::Controllers::On);
    QVERIFY2(started.isSuccess(), qPrintable(started.message()));
    m_client = m_fixture.client.get();
    m_podInformer = std::make_unique<SharedInformer>(std::make_unique<RestListWatch>(m_fixture.transport.get(), kPods, kNs));
    ResourceEventHandler handler;
    handler.added = [this](const Object &p) { m_timeline.append({PodEvent::Added, p.name(), podState(p)}); };
    handler.updated = [this](const Object &, const Object &p) { m_timeline.append({PodEvent::Updated, p.name(), podState(p)}); };
    handler.deleted = [this](const Object &p, DeleteState) { m_timeline.append({PodEvent::Deleted, p.name(), podState(p)}); };
    m_podInformer->addEventHandler(this, handler);
    m_podInformer->start();
    QVERIFY(QTest::qWaitFor([&] { return m_podInformer->hasSynced(); }, WaitMs));
}

void tst_StatefulSetController::cleanupTestCase()
{
    m_podInformer.reset();
    m_fixture.stop();
}

void tst_StatefulSetController::orderedCreationWaitsForReady()
{
    QVERIFY(create(kSets, statefulSet(u"ordered"_qs, 3, u"nginx:1.25"_qs)).ok());
    QVERIFY2(QTest::qWaitFor([&] { return allReady(u"ordered"_qs, 3); }, WaitMs), "the three members did not become ready");

    // Each member was added only while its predecessors were Running and Ready.
    for (int ordinal = 1; ordinal < 3; ++ordinal) {
        const QString name = u"ordered-"_qs + QString::number(ordinal);
        const qsizetype added = firstEvent([&](const PodEvent &e) { return e.type == PodEvent::Added && e.name == name; });
        QVERIFY(added >= 0);
        const auto before = statesBefore(added);
        for (int lower = 0; lower < ordinal; ++lower) {
            const QString predecessor = u"ordered-"_qs + QString::number(lower);
            QVERIFY2(before.contains(predecessor) && before.value(predecessor).runningAndReady,
                     qPrintable(name + u" was created before "_qs + predecessor + u" was ready"_qs));
        }
    }

    const QJsonObject status = statusOf(u"ordered"_qs);
    const QString revision = status.value(u"updateRevision").toString();
    QVERIFY(revision.startsWith(u"ordered-"));
    QCOMPARE(status.value(u"currentRevision").toString(), revision);
    QCOMPARE(status.value(u"currentReplicas").toInt(), 3);
    QCOMPARE(status.value(u"updatedReplicas").toInt(), 3);
    QCOMPARE(status.value(u"availableReplicas").toInt(), 3);
    QVERIFY(status.value(u"observedGeneration").toInteger() >= 1);

    const auto pod = get(kPods, u"ordered-1"_qs);
    QVERIFY(pod.ok());
    const QJsonObject json = pod->toJson();
    QCOMPARE(json.value(u"spec").toObject().value(u"hostname").toString(), u"ordered-1"_qs);
    QCOMPARE(json.value(u"spec").toObject().value(u"subdomain").toString(), u"ordered"_qs);
    QCOMPARE(pod->labels().value(u"statefulset.kubernetes.io/pod-name"), u"ordered-1"_qs);
    QCOMPARE(pod->labels().value(u"apps.kubernetes.io/pod-index"), u"1"_qs);
    QCOMPARE(pod->labels().value(u"controller-revision-hash"), revision);
    QVERIFY(pod->controllerRef() && pod->controllerRef()->kind == u"StatefulSet");
    QVERIFY(get(kRevisions, revision).ok());
    QVERIFY(QTest::qWaitFor([&] { return hasEvent(u"create Pod ordered-2 in StatefulSet ordered successful"_qs); }, WaitMs));
}

void tst_StatefulSetController::brokenFirstMemberHoldsOrderedNotParallel()
{
    QVERIFY(create(kSets, statefulSet(u"stuck"_qs, 3, u"ngnix:typo"_qs)).ok());
    QVERIFY(create(kSets, statefulSet(u"burst"_qs, 3, u"ngnix:typo"_qs, {{u"podManagementPolicy"_qs, u"Parallel"_qs}})).ok());
    QVERIFY2(QTest::qWaitFor([&] { return podNames(u"burst"_qs).size() == 3; }, WaitMs), "Parallel did not create every member");
    QVERIFY(QTest::qWaitFor([&] { return podNames(u"stuck"_qs).size() == 1; }, WaitMs));
    QTest::qWait(3000); // time for a wrong creation to happen
    QCOMPARE(podNames(u"stuck"_qs), QStringList{u"stuck-0"_qs});
    QCOMPARE(statusOf(u"stuck"_qs).value(u"replicas").toInt(), 1);
    QVERIFY(!statusOf(u"stuck"_qs).contains(u"readyReplicas"));
}

void tst_StatefulSetController::deletedMemberComesBackWithItsName()
{
    const auto old = get(kPods, u"ordered-1"_qs);
    QVERIFY(old.ok());
    QVERIFY(remove(kPods, u"ordered-1"_qs).ok());
    QVERIFY2(QTest::qWaitFor([&] {
        const auto pod = get(kPods, u"ordered-1"_qs);
        return pod.ok() && pod->uid() != old->uid() && podState(*pod).runningAndReady;
    }, WaitMs), "ordered-1 did not come back");
    QVERIFY(QTest::qWaitFor([&] { return allReady(u"ordered"_qs, 3); }, WaitMs));
    const auto back = get(kPods, u"ordered-1"_qs);
    QCOMPARE(back->toJson().value(u"spec").toObject().value(u"hostname").toString(), u"ordered-1"_qs);
    QCOMPARE(podNames(u"ordered"_qs), (QStringList{u"ordered-0"_qs, u"ordered-1"_qs, u"ordered-2"_qs}));
}

void tst_StatefulSetController::failedMemberIsReplaced()
{
    // A member whose phase becomes Failed (evicted, its node lost…) is deleted and created again.
    const auto old = get(kPods, u"ordered-2"_qs);
    QVERIFY(old.ok());
    QJsonObject json = old->toJson();
    QJsonObject status = json.value(u"status").toObject();
    status.insert(u"phase", u"Failed"_qs);
    status.insert(u"conditions", QJsonArray());
    json.insert(u"status", status);
    const auto failed = call([&](RestClient::ObjectCallback cb) {
        m_client->update({kPods, kNs, u"ordered-2"_qs, u"status"_qs}, Object::fromJson(json), cb);
    });
    QVERIFY2(failed.ok(), failed.ok() ? "" : qPrintable(failed.error().message()));
    QVERIFY2(QTest::qWaitFor([&] {
        const auto pod = get(kPods, u"ordered-2"_qs);
        return pod.ok() && pod->uid() != old->uid();
    }, WaitMs), "the failed member was not replaced");
    QVERIFY(QTest::qWaitFor([&] { return allReady(u"ordered"_qs, 3); }, WaitMs));
    QVERIFY(hasEvent(u"delete Pod ordered-2 in StatefulSet ordered successful"_qs));
}

void tst_StatefulSetController::scaleDownRemovesHighestFirst()
{
    const qsizetype start = m_timeline.size();
    const auto scaled = call([&](RestClient::ObjectCallback cb) { m_client->updateScale({kSets, kNs, u"ordered"_qs, QString()}, 1, cb); });
    QVERIFY(scaled.ok());
    QVERIFY2(QTest::qWaitFor([&] { return podNames(u"ordered"_qs) == QStringList{u"ordered-0"_qs} && allReady(u"ordered"_qs, 1); }, WaitMs),
             "the set did not scale down to ordered-0");
    // ordered-1 was told to go only once ordered-2 had gone.
    const qsizetype twoGone = firstEvent([](const PodEvent &e) { return e.type == PodEvent::Deleted && e.name == u"ordered-2"; }, start);
    const qsizetype oneTold = firstEvent([](const PodEvent &e) {
        return e.name == u"ordered-1" && (e.state.terminating || e.type == PodEvent::Deleted);
    }, start);
    QVERIFY(twoGone >= 0 && oneTold >= 0);
    QVERIFY2(twoGone < oneTold, "ordered-1 was deleted before ordered-2 had gone");
    QCOMPARE(statusOf(u"ordered"_qs).value(u"replicas").toInt(), 1);
}

void tst_StatefulSetController::claimsAreCreatedAndKept()
{
    QVERIFY(create(kSets, statefulSet(u"data"_qs, 2, u"nginx:1.25"_qs, claimTemplates())).ok());
    QVERIFY2(QTest::qWaitFor([&] { return get(kClaims, u"www-data-0"_qs).ok() && get(kClaims, u"www-data-1"_qs).ok(); }, WaitMs),
             "the claims were not created");
    const auto claim = get(kClaims, u"www-data-1"_qs);
    QCOMPARE(claim->labels().value(u"app"), u"data"_qs);
    QVERIFY(claim->ownerReferences().isEmpty()); // Retain: nobody owns it
    QVERIFY(QTest::qWaitFor([&] { return get(kPods, u"data-1"_qs).ok(); }, WaitMs));
    const QJsonArray volumes = get(kPods, u"data-1"_qs)->toJson().value(u"spec").toObject().value(u"volumes").toArray();
    bool mounted = false;
    for (const auto &v : volumes)
        mounted = mounted || (v.toObject().value(u"name") == u"www"_qs
                              && v.toObject().value(u"persistentVolumeClaim").toObject().value(u"claimName") == u"www-data-1"_qs);
    QVERIFY2(mounted, "data-1 does not mount www-data-1");
    QVERIFY(QTest::qWaitFor([&] { return hasEvent(u"create Claim www-data-0 Pod data-0 in StatefulSet data success"_qs); }, WaitMs));

    QVERIFY(patch(kSets, u"data"_qs, QJsonObject{{u"spec"_qs, QJsonObject{{u"replicas"_qs, 1}}}}).ok());
    QVERIFY2(QTest::qWaitFor([&] { return gone(kPods, u"data-1"_qs); }, WaitMs), "data-1 was not removed");
    QVERIFY(get(kClaims, u"www-data-1"_qs).ok());
    QVERIFY(remove(kSets, u"data"_qs).ok());
    QVERIFY2(QTest::qWaitFor([&] { return podNames(u"data"_qs).isEmpty(); }, WaitMs), "the pods were not collected");
    QTest::qWait(1000); // a wrong collection of the claims would happen by now
    QVERIFY(get(kClaims, u"www-data-0"_qs).ok());
    QVERIFY(get(kClaims, u"www-data-1"_qs).ok());
}

void tst_StatefulSetController::retentionPolicyDeletesClaims()
{
    const QJsonObject policy{{u"persistentVolumeClaimRetentionPolicy"_qs,
                              QJsonObject{{u"whenDeleted"_qs, u"Delete"_qs}, {u"whenScaled"_qs, u"Delete"_qs}}}};
    const auto set = create(kSets, statefulSet(u"tmp"_qs, 2, u"nginx:1.25"_qs, merged(claimTemplates(), policy)));
    QVERIFY(set.ok());
    QVERIFY2(QTest::qWaitFor([&] { return allReady(u"tmp"_qs, 2); }, WaitMs), "tmp did not become ready");
    const auto claim = get(kClaims, u"www-tmp-1"_qs);
    QVERIFY(claim.ok());
    QCOMPARE(claim->ownerReferences().size(), 1);
    QCOMPARE(claim->ownerReferences().first().uid, set->uid());
    QVERIFY(!claim->ownerReferences().first().controller);

    const QString podUid = get(kPods, u"tmp-1"_qs)->uid();
    QVERIFY(patch(kSets, u"tmp"_qs, QJsonObject{{u"spec"_qs, QJsonObject{{u"replicas"_qs, 1}}}}).ok());
    // whenScaled Delete: the removed member's pod owns its claim (instead of the set) before it
    // goes, so the garbage collector takes the claim with the pod.
    QVERIFY2(QTest::qWaitFor([&] {
        const auto c = get(kClaims, u"www-tmp-1"_qs);
        return !c || (c->ownerReferences().size() == 1 && c->ownerReferences().first().uid == podUid
                      && c->ownerReferences().first().kind == u"Pod");
    }, WaitMs), "the claim of the removed member did not get its pod as owner");
    QVERIFY2(QTest::qWaitFor([&] { return gone(kPods, u"tmp-1"_qs) && gone(kClaims, u"www-tmp-1"_qs); }, WaitMs),
             "whenScaled Delete: the claim of the removed member was not collected");
    QVERIFY(get(kClaims, u"www-tmp-0"_qs).ok());
    QVERIFY(remove(kSets, u"tmp"_qs).ok());
    QVERIFY2(QTest::qWaitFor([&] { return gone(kClaims, u"www-tmp-0"_qs); }, WaitMs), "whenDeleted Delete: the claim was not collected");
}

void tst_StatefulSetController::rollingUpdateHonoursPartition()
{
    const QJsonObject partitioned{{u"updateStrategy"_qs, QJsonObject{{u"type"_qs, u"RollingUpdate"_qs},
                                                                     {u"rollingUpdate"_qs, QJsonObject{{u"partition"_qs, 1}}}}}};
    QVERIFY(create(kSets, statefulSet(u"roll"_qs, 3, u"nginx:1.25"_qs, partitioned)).ok());
    QVERIFY(QTest::qWaitFor([&] { return allReady(u"roll"_qs, 3); }, WaitMs));
    const QString first = statusOf(u"roll"_qs).value(u"updateRevision").toString();
    const qsizetype start = m_timeline.size();

    const QJsonObject newImage{{u"spec"_qs, QJsonObject{{u"template"_qs, QJsonObject{{u"spec"_qs, QJsonObject{
        {u"containers"_qs, QJsonArray{QJsonObject{{u"name"_qs, u"nginx"_qs}, {u"image"_qs, u"nginx:1.26"_qs}}}}}}}}}}};
    QVERIFY(patch(kSets, u"roll"_qs, newImage).ok());
    QVERIFY2(QTest::qWaitFor([&] {
        const QJsonObject status = statusOf(u"roll"_qs);
        return status.value(u"updatedReplicas").toInt() == 2 && allReady(u"roll"_qs, 3);
    }, WaitMs), "ordinals 1 and 2 were not updated");
    const QJsonObject status = statusOf(u"roll"_qs);
    const QString second = status.value(u"updateRevision").toString();
    QVERIFY(second != first);
    QCOMPARE(status.value(u"currentRevision").toString(), first);
    QCOMPARE(status.value(u"currentReplicas").toInt(), 1);
    QCOMPARE(get(kPods, u"roll-2"_qs)->labels().value(u"controller-revision-hash"), second);
    QCOMPARE(get(kPods, u"roll-1"_qs)->labels().value(u"controller-revision-hash"), second);
    // roll-1 went only once the updated roll-2 was Running and Ready.
    const qsizetype oneTold = firstEvent([](const PodEvent &e) { return e.name == u"roll-1" && (e.state.terminating || e.type == PodEvent::Deleted); }, start);
    QVERIFY(oneTold >= 0);
    const auto before = statesBefore(oneTold);
    QVERIFY2(before.value(u"roll-2"_qs).image == u"nginx:1.26" && before.value(u"roll-2"_qs).runningAndReady,
             "roll-1 was deleted before the new roll-2 was ready");
    QTest::qWait(1500); // the partition must hold
    QCOMPARE(get(kPods, u"roll-0"_qs)->labels().value(u"controller-revision-hash"), first);
    QCOMPARE(podState(*get(kPods, u"roll-0"_qs)).image, u"nginx:1.25"_qs);

    QVERIFY(patch(kSets, u"roll"_qs, QJsonObject{{u"spec"_qs, QJsonObject{{u"updateStrategy"_qs, QJsonObject{
        {u"rollingUpdate"_qs, QJsonObject{{u"partition"_qs, 0}}}}}}}}).ok());
    QVERIFY2(QTest::qWaitFor([&] {
        const QJsonObject s = statusOf(u"roll"_qs);
        return s.value(u"currentRevision").toString() == second && s.value(u"currentReplicas").toInt() == 3 && allReady(u"roll"_qs, 3);
    }, WaitMs), "the update did not complete once the partition was lifted");
    QCOMPARE(podState(*get(kPods, u"roll-0"_qs)).image, u"nginx:1.26"_qs);

    // Back to the first template: its revision is renumbered, not copied.
    const QJsonObject oldImage{{u"spec"_qs, QJsonObject{{u"template"_qs, QJsonObject{{u"spec"_qs, QJsonObject{
        {u"containers"_qs, QJsonArray{QJsonObject{{u"name"_qs, u"nginx"_qs}, {u"image"_qs, u"nginx:1.25"_qs}}}}}}}}}}};
    QVERIFY(patch(kSets, u"roll"_qs, oldImage).ok());
    QVERIFY2(QTest::qWaitFor([&] {
        const QJsonObject s = statusOf(u"roll"_qs);
        return s.value(u"currentRevision").toString() == first && allReady(u"roll"_qs, 3);
    }, WaitMs), "the rollback did not complete");
    const QList<Object> revisions = list(kRevisions, u"app=roll"_qs);
    QCOMPARE(revisions.size(), 2);
    QCOMPARE(get(kRevisions, first)->toJson().value(u"revision").toInteger(), 3);
}

QTEST_GUILESS_MAIN(tst_StatefulSetController)
#include "tst_statefulsetcontroller.moc"
