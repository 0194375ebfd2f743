// The Job controller in a running embedded cluster (controllers, scheduler and simulated
// kubelets on): an Indexed Job runs each index exactly once and reports completedIndexes, a
// failing index gets new pods until the back-off limit, activeDeadlineSeconds ends a Job as
// DeadlineExceeded, ttlSecondsAfterFinished deletes a finished Job with its pods, and
// spec.suspend stops a Job's pods (Suspended condition) until it is resumed.
#include "tests/support/clusterfixture.h"

#include "kube/client/clustertransport.h"
#include "kube/client/restclient.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QTest>

using namespace kube;

namespace {

const GroupVersionResource kJobs{u"batch"_qs, u"v1"_qs, u"jobs"_qs};
const GroupVersionResource kPods{QString(), u"v1"_qs, u"pods"_qs};
const QString Ns = u"default"_qs;
constexpr int WaitMs = 60000;

Object job(const QString &name, const QStringList &command, const QJsonObject &extraSpec)
{
    QJsonArray cmd;
    for (const QString &c : command)
        cmd.append(c);
    QJsonObject spec{{u"template"_qs, QJsonObject{{u"spec"_qs, QJsonObject{
        {u"restartPolicy"_qs, u"Never"_qs},
        {u"containers"_qs, QJsonArray{QJsonObject{{u"name"_qs, u"work"_qs}, {u"image"_qs, u"busybox"_qs}, {u"command"_qs, cmd}}}}}}}}};
    for (auto it = extraSpec.begin(); it != extraSpec.end(); ++it)
        spec.insert(it.key(), it.value());
    return Object::fromJson(QJsonObject{{u"apiVersion"_qs, u"batch/v1"_qs}, {u"kind"_qs, u"Job"_qs},
                                        {u"metadata"_qs, QJsonObject{{u"name"_qs, name}}}, {u"spec"_qs, spec}});
}

QString conditionReason(const QJsonObject &job, const QString &type)
{
    for (const QJsonValue &c : job.value(u"status").toObject().value(u"conditions").toArray()) {
        const QJsonObject condition = c.toObject();
        if (condition.value(u"type").toString() == type && condition.value(u"status").toString() == u"True")
            return condition.value(u"reason").toString();
    }
    return {};
}

} // namespace

class tst_JobController : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void indexedJobRunsEachIndexOnce();
    void failedIndexGetsNewPods();
    void activeDeadlineEndsTheJob();
    void finishedJobIsDeletedAfterItsTtl();
    void suspendStopsPodsAndResumeStartsThemAgain();
    void jobCreatedSuspendedDoesNotStart();

private:
    Expected<Object> get(const GroupVersionResource &gvr, const QString &name)
    {
        auto r = awaitResult<Expected<Object>>([&](RestClient::ObjectCallback cb) { m_client->get({gvr, Ns, name, QString()}, cb); });
        return r ? *r : Expected<Object>(Status::internalError(u"timed out"_qs));
    }
    Expected<Object> create(const GroupVersionResource &gvr, const Object &object)
    {
        auto r = awaitResult<Expected<Object>>([&](RestClient::ObjectCallback cb) { m_client->create({gvr, Ns, QString(), QString()}, object, cb); });
        return r ? *r : Expected<Object>(Status::internalError(u"timed out"_qs));
    }
    QList<Object> podsOf(const QString &jobName)
    {
        ListRequest request;
        request.labelSelector = u"batch.kubernetes.io/job-name="_qs + jobName;
        auto r = awaitResult<Expected<ListPage>>([&](RestClient::ListCallback cb) { m_client->list({kPods, Ns, QString(), QString()}, request, cb); });
        return r && r->ok() ? r->value().items : QList<Object>();
    }
    QJsonObject jobJson(const QString &name)
    {
        const auto j = get(kJobs, name);
        return j ? j->toJson() : QJsonObject();
    }

    ClusterFixture m_fixture;
    RestClient *m_client = nullptr; // m_fixture's
};

void tst_JobController::initTestCase()
{
    QVERIFY(m_fixture.dir.isValid());
    const Status started = m_fixture.start(ClusterFixture::Controllers::On);
    QVERIFY2(started.isSuccess(), qPrintable(started.message()));
    m_client = m_fixture.client.get();
}

void tst_JobController::cleanupTestCase()
{
    m_fixture.stop();
}

void tst_JobController::indexedJobRunsEachIndexOnce()
{
    QVERIFY(create(kJobs, job(u"sum"_qs, {u"sh"_qs, u"-c"_qs, u"echo done"_qs},
                              {{u"completionMode"_qs, u"Indexed"_qs}, {u"completions"_qs, 3}, {u"parallelism"_qs, 2}})).ok());
    QVERIFY2(QTest::qWaitFor([&] { return conditionReason(jobJson(u"sum"_qs), u"Complete"_qs) == u"CompletionsReached"; }, WaitMs),
             "the Indexed Job did not complete");
    const QJsonObject status = jobJson(u"sum"_qs).value(u"status").toObject();
    QCOMPARE(status.value(u"completedIndexes").toString(), u"0-2"_qs);
    QCOMPARE(status.value(u"succeeded").toInt(), 3);

    QMap<QString, int> perIndex;
    for (const Object &pod : podsOf(u"sum"_qs)) {
        const QJsonObject json = pod.toJson();
        const QString index = pod.annotations().value(u"batch.kubernetes.io/job-completion-index");
        QCOMPARE(pod.labels().value(u"batch.kubernetes.io/job-completion-index"), index);
        QCOMPARE(json.value(u"status").toObject().value(u"phase").toString(), u"Succeeded"_qs);
        QVERIFY2(pod.name().startsWith(u"sum-"_qs + index + u'-'), qPrintable(pod.name()));
        const QJsonObject spec = json.value(u"spec").toObject();
        QCOMPARE(spec.value(u"hostname").toString(), u"sum-"_qs + index);
        const QJsonArray env = spec.value(u"containers").toArray().first().toObject().value(u"env").toArray();
        QCOMPARE(env.size(), 1);
        QCOMPARE(env.first().toObject().value(u"name").toString(), u"JOB_COMPLETION_INDEX"_qs);
        QCOMPARE(env.first().toObject().value(u"valueFrom").toObject().value(u"fieldRef").toObject().value(u"fieldPath").toString(),
                 u"metadata.labels['batch.kubernetes.io/job-completion-index']"_qs);
        perIndex[index] += 1;
    }
    QCOMPARE(perIndex, (QMap<QString, int>{{u"0"_qs, 1}, {u"1"_qs, 1}, {u"2"_qs, 1}}));
}

void tst_JobController::failedIndexGetsNewPods()
{
    QVERIFY(create(kJobs, job(u"flaky"_qs, {u"sh"_qs, u"-c"_qs, u"exit 2"_qs},
                              {{u"completionMode"_qs, u"Indexed"_qs}, {u"completions"_qs, 2}, {u"parallelism"_qs, 2},
                               {u"backoffLimit"_qs, 3}})).ok());
    QVERIFY2(QTest::qWaitFor([&] { return conditionReason(jobJson(u"flaky"_qs), u"Failed"_qs) == u"BackoffLimitExceeded"; }, WaitMs),
             "the failing Indexed Job did not fail");
    QMap<QString, int> perIndex;
    for (const Object &pod : podsOf(u"flaky"_qs))
        perIndex[pod.annotations().value(u"batch.kubernetes.io/job-completion-index")] += 1;
    QCOMPARE(perIndex.keys(), (QStringList{u"0"_qs, u"1"_qs}));
    QVERIFY2(perIndex.value(u"0"_qs) >= 2 && perIndex.value(u"1"_qs) >= 2, "each failed index should have been given a new pod");
    QVERIFY(!jobJson(u"flaky"_qs).value(u"status").toObject().contains(u"completedIndexes"));
}

void tst_JobController::activeDeadlineEndsTheJob()
{
    QVERIFY(create(kJobs, job(u"slow"_qs, {u"sleep"_qs, u"3600"_qs}, {{u"activeDeadlineSeconds"_qs, 2}})).ok());
    QVERIFY2(QTest::qWaitFor([&] { return conditionReason(jobJson(u"slow"_qs), u"Failed"_qs) == u"DeadlineExceeded"; }, WaitMs),
             "the Job outlived its deadline");
    QVERIFY2(QTest::qWaitFor([&] {
        for (const Object &pod : podsOf(u"slow"_qs))
            if (!pod.isBeingDeleted())
                return false;
        return true;
    }, WaitMs), "the running pod was not stopped");
    QVERIFY(!jobJson(u"slow"_qs).value(u"status").toObject().contains(u"active"));
}

void tst_JobController::finishedJobIsDeletedAfterItsTtl()
{
    QVERIFY(create(kJobs, job(u"brief"_qs, {u"echo"_qs, u"hi"_qs}, {{u"ttlSecondsAfterFinished"_qs, 2}})).ok());
    QVERIFY2(QTest::qWaitFor([&] { return !conditionReason(jobJson(u"brief"_qs), u"Complete"_qs).isEmpty(); }, WaitMs),
             "the Job did not complete");
    QVERIFY(get(kJobs, u"brief"_qs).ok()); // still there right after finishing
    QVERIFY2(QTest::qWaitFor([&] { const auto j = get(kJobs, u"brief"_qs); return !j && j.error().is(reason::NotFound); }, WaitMs),
             "the finished Job was not deleted after its TTL");
    QVERIFY2(QTest::qWaitFor([&] { return podsOf(u"brief"_qs).isEmpty(); }, WaitMs), "the Job's pods were not deleted with it");
}

namespace {

QJsonObject suspendedCondition(const QJsonObject &job)
{
    for (const QJsonValue &c : job.value(u"status").toObject().value(u"conditions").toArray())
        if (c.toObject().value(u"type").toString() == u"Suspended")
            return c.toObject();
    return {};
}

} // namespace

void tst_JobController::suspendStopsPodsAndResumeStartsThemAgain()
{
    QVERIFY(create(kJobs, job(u"paused"_qs, {u"sleep"_qs, u"3600"_qs}, {{u"completions"_qs, 2}, {u"parallelism"_qs, 2}})).ok());
    const auto liveCount = [&] {
        int n = 0;
        for (const Object &pod : podsOf(u"paused"_qs))
            n += pod.isBeingDeleted() ? 0 : 1;
        return n;
    };
    QVERIFY2(QTest::qWaitFor([&] { return jobJson(u"paused"_qs).value(u"status").toObject().value(u"active").toInt() == 2; }, WaitMs),
             "the Job did not start its two pods");
    const QString firstStart = jobJson(u"paused"_qs).value(u"status").toObject().value(u"startTime").toString();
    QVERIFY(!firstStart.isEmpty());

    const auto setSuspend = [&](bool on) {
        auto r = awaitResult<Expected<Object>>([&](RestClient::ObjectCallback cb) {
            m_client->patch({kJobs, Ns, u"paused"_qs, QString()}, PatchType::Merge,
                            on ? QByteArray(R"({"spec":{"suspend":true}})") : QByteArray(R"({"spec":{"suspend":false}})"), cb);
        });
        return r && r->ok();
    };
    QVERIFY(setSuspend(true));
    QVERIFY2(QTest::qWaitFor([&] { return suspendedCondition(jobJson(u"paused"_qs)).value(u"status").toString() == u"True"; }, WaitMs),
             "no Suspended=True condition");
    const QJsonObject suspended = suspendedCondition(jobJson(u"paused"_qs));
    QCOMPARE(suspended.value(u"reason").toString(), u"JobSuspended"_qs);
    QCOMPARE(suspended.value(u"message").toString(), u"Job suspended"_qs);
    QVERIFY2(QTest::qWaitFor([&] { return liveCount() == 0; }, WaitMs), "a suspended Job's pods kept running");
    QVERIFY2(QTest::qWaitFor([&] { return !jobJson(u"paused"_qs).value(u"status").toObject().contains(u"active"); }, WaitMs),
             "status.active still counts the stopped pods");
    QTest::qWait(1100); // no replacement pods come while suspended (and startTime, in seconds, can move on)
    QCOMPARE(liveCount(), 0);

    QVERIFY(setSuspend(false));
    QVERIFY2(QTest::qWaitFor([&] { return suspendedCondition(jobJson(u"paused"_qs)).value(u"status").toString() == u"False"; }, WaitMs),
             "the Suspended condition did not turn False on resume");
    QCOMPARE(suspendedCondition(jobJson(u"paused"_qs)).value(u"reason").toString(), u"JobResumed"_qs);
    QVERIFY2(QTest::qWaitFor([&] { return liveCount() == 2; }, WaitMs), "the resumed Job did not start new pods");
    // Resuming restarts the clock that activeDeadlineSeconds counts.
    QVERIFY(jobJson(u"paused"_qs).value(u"status").toObject().value(u"startTime").toString() > firstStart);
}

void tst_JobController::jobCreatedSuspendedDoesNotStart()
{
    QVERIFY(create(kJobs, job(u"later"_qs, {u"echo"_qs, u"hi"_qs}, {{u"suspend"_qs, true}})).ok());
    QVERIFY2(QTest::qWaitFor([&] { return suspendedCondition(jobJson(u"later"_qs)).value(u"status").toString() == u"True"; }, WaitMs),
             "no Suspended=True condition");
    QTest::qWait(500);
    QVERIFY(podsOf(u"later"_qs).isEmpty());
    QVERIFY(!jobJson(u"later"_qs).value(u"status").toObject().contains(u"startTime"));
}

QTEST_GUILESS_MAIN(tst_JobController)
#include "tst_jobcontroller.moc"
