// The CronJob controller against a real embedded cluster (API only: no other controller runs,
// so the test plays the Job controller by writing Job status). The controller runs in the test
// process on a clock the test moves forward, so schedules fire without waiting for the real
// minute: a run at its scheduled time (Job name, owner, labels, annotations, status.active,
// lastScheduleTime, SuccessfulCreate), completion (SawCompletedJob, lastSuccessfulTime),
// history pruning (SuccessfulDelete), Forbid, Replace, suspend, and a manual Job
// (`kubectl create job --from=cronjob/…`).
#include "tests/support/clusterfixture.h"

#include "kube/api/clock.h"
#include "kube/cache/sharedinformerfactory.h"
#include "kube/client/clustertransport.h"
#include "kube/client/restclient.h"
#include "kube/client/restlistwatch.h"
#include "kube/controllers/controllercontext.h"
#include "kube/controllers/cronjob/cronjobcontroller.h"
#include "kube/api/cronschedule.h"
#include "kube/controllers/eventrecorder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <atomic>

using namespace kube;

namespace {

const GroupVersionResource kCronJobs{u"batch"_qs, u"v1"_qs, u"cronjobs"_qs};
const GroupVersionResource kJobs{u"batch"_qs, u"v1"_qs, u"jobs"_qs};
const GroupVersionResource kEvents{QString(), u"v1"_qs, u"events"_qs};
const QString Ns = u"default"_qs;
constexpr int WaitMs = 15000;

// Real time plus an offset the test raises: small delays (back-off, informer batching) pass as
// usual, and a jump makes the next activation due at once.
class JumpingClock final : public Clock
{
public:
    QDateTime now() const override { return Clock::system().now().addMSecs(m_offsetMs.load()); }
    void jumpTo(const QDateTime &t) { m_offsetMs = Clock::system().now().msecsTo(t); }

private:
    std::atomic<qint64> m_offsetMs = 0;
};

// A schedule whose next activation is about half an hour away in real time, so only the
// test's jumps make it fire; runs then come hourly.
QString scheduleAwayFromNow()
{
    const int minute = (QDateTime::currentDateTimeUtc().time().minute() + 30) % 60;
    return u"%1 * * * *"_qs.arg(minute);
}

Object cronJob(const QString &name, const QString &schedule, const QJsonObject &extraSpec = {})
{
    QJsonObject spec{
        {u"schedule"_qs, schedule},
        {u"jobTemplate"_qs, QJsonObject{
            {u"metadata"_qs, QJsonObject{{u"labels"_qs, QJsonObject{{u"app"_qs, name}}},
                                         {u"annotations"_qs, QJsonObject{{u"owner"_qs, u"tests"_qs}}}}},
            {u"spec"_qs, QJsonObject{{u"template"_qs, QJsonObject{{u"spec"_qs, QJsonObject{
                {u"restartPolicy"_qs, u"Never"_qs},
                {u"containers"_qs, QJsonArray{QJsonObject{{u"name"_qs, u"c"_qs}, {u"image"_qs, u"busybox"_qs},
                                                          {u"command"_qs, QJsonArray{u"echo"_qs, u"hi"_qs}}}}}}}}}}}}},
    };
    for (auto it = extraSpec.begin(); it != extraSpec.end(); ++it)
        spec.insert(it.key(), it.value());
    return Object::fromJson(QJsonObject{{u"apiVersion"_qs, u"batch/v1"_qs}, {u"kind"_qs, u"CronJob"_qs},
                                        {u"metadata"_qs, QJsonObject{{u"name"_qs, name}}}, {u"spec"_qs, spec}});
}

} // namespace

class tst_CronJobController : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();
    void runStartsAtItsScheduledTime();
    void completionAndHistoryLimit();
    void forbidSkipsWhileActive();
    void replaceDeletesTheActiveRun();
    void suspendStartsNothing();
    void manualJobFromCronJob();

private:
    template<typename T, typename Start>
    T await(Start start)
    {
        auto r = awaitResult<T>(start);
        return r ? *r : T(Status::internalError(u"timed out"_qs));
    }
    Expected<Object> get(const GroupVersionResource &gvr, const QString &name)
    {
        return await<Expected<Object>>([&](RestClient::ObjectCallback cb) { m_client->get({gvr, Ns, name, QString()}, cb); });
    }
    Expected<Object> create(const GroupVersionResource &gvr, const Object &object)
    {
        return await<Expected<Object>>([&](RestClient::ObjectCallback cb) { m_client->create({gvr, Ns, QString(), QString()}, object, cb); });
    }
    Expected<Object> mergePatch(const GroupVersionResource &gvr, const QString &name, const QJsonObject &patch, const QString &sub = {})
    {
        const QByteArray body = QJsonDocument(patch).toJson(QJsonDocument::Compact);
        return await<Expected<Object>>([&](RestClient::ObjectCallback cb) { m_client->patch({gvr, Ns, name, sub}, PatchType::Merge, body, cb); });
    }
    QList<Object> list(const GroupVersionResource &gvr, const QString &fieldSelector = {})
    {
        ListRequest request;
        request.fieldSelector = fieldSelector;
        auto r = awaitResult<Expected<ListPage>>([&](RestClient::ListCallback cb) { m_client->list({gvr, Ns, QString(), QString()}, request, cb); });
        return r && r->ok() ? r->value().items : QList<Object>();
    }
    // The Jobs controlled by the CronJob, by name.
    QStringList jobsOf(const QString &cronJob)
    {
        QStringList names;
        for (const Object &job : list(kJobs)) {
            const auto ref = job.controllerRef();
            if (ref && ref->kind == u"CronJob" && ref->name == cronJob)
                names << job.name();
        }
        names.sort();
        return names;
    }
    QStringList eventMessages(const QString &involved, const QString &reason)
    {
        QStringList out;
        for (const Object &e : list(kEvents, u"involvedObject.name="_qs + involved)) {
            const QJsonObject json = e.toJson();
            if (json.value(u"reason").toString() == reason)
                out << json.value(u"message").toString();
        }
        return out;
    }
    QJsonObject statusOf(const QString &cronJob)
    {
        const auto cj = get(kCronJobs, cronJob);
        return cj ? cj->toJson().value(u"status").toObject() : QJsonObject();
    }
    // The next activation of the schedule after the clock's now.
    QDateTime nextActivation(const QString &schedule)
    {
        return std::get<CronSchedule>(CronSchedule::parse(schedule)).next(m_clock.now());
    }
    // Moves the clock just past `t` and lets the controller's timers see it.
    void jumpPast(const QDateTime &t)
    {
        m_clock.jumpTo(t.addSecs(1));
        m_controller->queue().releaseDue();
    }
    // Creates the CronJob and waits until the controller synced it once.
    void createAndSettle(const Object &cj)
    {
        const qint64 before = m_controller->syncCount();
        QVERIFY(create(kCronJobs, cj).ok());
        QVERIFY2(QTest::qWaitFor([&] { return m_controller->syncCount() > before && m_controller->queue().length() == 0
                                              && m_controller->queue().processingCount() == 0; }, WaitMs),
                 "the controller did not sync the CronJob");
    }
    // Plays the Job controller: the Job finished with `type` (Complete or Failed).
    void finishJob(const QString &name, const QString &type, const QDateTime &when)
    {
        QJsonObject status{{u"startTime"_qs, formatKubeTime(when.addSecs(-5))},
                           {u"conditions"_qs, QJsonArray{QJsonObject{{u"type"_qs, type}, {u"status"_qs, u"True"_qs},
                                                                     {u"lastTransitionTime"_qs, formatKubeTime(when)}}}}};
        if (type == u"Complete")
            status.insert(u"completionTime", formatKubeTime(when));
        QVERIFY(mergePatch(kJobs, name, {{u"status"_qs, status}}, u"status"_qs).ok());
    }

    ClusterFixture m_fixture;
    RestClient *m_client = nullptr; // m_fixture's
    JumpingClock m_clock;
    std::unique_ptr<ClusterTransport> m_controllerTransport;
    std::unique_ptr<RestClient> m_controllerClient;
    std::unique_ptr<SharedInformerFactory> m_informers;
    std::unique_ptr<EventRecorder> m_events;
    std::unique_ptr<ControllerContext> m_context;
    std::unique_ptr<CronJobController> m_controller;
    QStringList m_created;
};

void tst_CronJobController::initTestCase()
{
    QVERIFY(m_fixture.dir.isValid());
    const Status started = m_fixture.start(ClusterFixture::Controllers::Off);
    QVERIFY2(started.isSuccess(), qPrintable(started.message()));
    m_client = m_fixture.client.get();
}

void tst_CronJobController::init()
{
    // A fresh controller and clock per test: each test's jumps start from real time.
    m_clock.jumpTo(Clock::system().now());
    m_controllerTransport = std::make_unique<ClusterTransport>(m_fixture.config());
    m_controllerClient = std::make_unique<RestClient>(m_controllerTransport.get());
    ClusterTransport *transport = m_controllerTransport.get();
    m_informers = std::make_unique<SharedInformerFactory>([transport](const InformerKey &key) {
        const qsizetype dot = key.resource.indexOf(u'.');
        const GroupVersionResource gvr{dot < 0 ? QString() : key.resource.mid(dot + 1), u"v1"_qs, dot < 0 ? key.resource : key.resource.left(dot)};
        return std::make_unique<RestListWatch>(transport, gvr, key.namespace_);
    });
    m_events = std::make_unique<EventRecorder>(m_controllerClient.get(), m_clock);
    m_context = std::make_unique<ControllerContext>(ControllerContext{m_controllerClient.get(), m_informers.get(), &m_clock, m_events.get()});
    m_controller = std::make_unique<CronJobController>(*m_context);
    m_informers->start();
    QVERIFY(QTest::qWaitFor([&] { return m_informers->hasSynced(); }, WaitMs));
}

void tst_CronJobController::cleanup()
{
    for (const QString &name : std::as_const(m_created))
        await<Expected<Object>>([&](RestClient::ObjectCallback cb) { m_client->remove({kCronJobs, Ns, name, QString()}, cb); });
    m_created.clear();
    m_controller.reset();
    m_informers.reset();
    m_events.reset();
    m_context.reset();
    m_controllerClient.reset();
    m_controllerTransport.reset();
}

void tst_CronJobController::cleanupTestCase()
{
    m_fixture.stop();
}

void tst_CronJobController::runStartsAtItsScheduledTime()
{
    const QString schedule = scheduleAwayFromNow();
    m_created << u"tick"_qs;
    createAndSettle(cronJob(u"tick"_qs, schedule));
    QCOMPARE(jobsOf(u"tick"_qs), QStringList()); // not due yet

    const QDateTime due = nextActivation(schedule);
    jumpPast(due);
    const QString expected = u"tick-%1"_qs.arg(due.toSecsSinceEpoch() / 60);
    QVERIFY2(QTest::qWaitFor([&] { return jobsOf(u"tick"_qs) == QStringList{expected}; }, WaitMs), "the run's Job was not created");

    const auto job = get(kJobs, expected);
    QVERIFY(job.ok());
    const QJsonObject metadata = job->toJson().value(u"metadata").toObject();
    QCOMPARE(metadata.value(u"labels").toObject().value(u"app").toString(), u"tick"_qs);
    QCOMPARE(metadata.value(u"annotations").toObject().value(u"owner").toString(), u"tests"_qs);
    QCOMPARE(metadata.value(u"annotations").toObject().value(u"batch.kubernetes.io/cronjob-scheduled-timestamp").toString(), formatKubeTime(due));
    const auto owner = job->controllerRef();
    QVERIFY(owner);
    QCOMPARE(owner->uid, get(kCronJobs, u"tick"_qs)->uid());
    QVERIFY(owner->blockOwnerDeletion);

    QVERIFY2(QTest::qWaitFor([&] { return statusOf(u"tick"_qs).value(u"lastScheduleTime").toString() == formatKubeTime(due); }, WaitMs),
             "lastScheduleTime was not written");
    const QJsonArray active = statusOf(u"tick"_qs).value(u"active").toArray();
    QCOMPARE(active.size(), 1);
    QCOMPARE(active.first().toObject().value(u"uid").toString(), job->uid());
    QCOMPARE(active.first().toObject().value(u"kind").toString(), u"Job"_qs);
    QVERIFY(QTest::qWaitFor([&] { return eventMessages(u"tick"_qs, u"SuccessfulCreate"_qs) == QStringList{u"Created job "_qs + expected}; }, WaitMs));
    // The same activation never starts twice.
    m_controller->enqueue(u"default/tick"_qs);
    QTest::qWait(300);
    QCOMPARE(jobsOf(u"tick"_qs), QStringList{expected});
}

void tst_CronJobController::completionAndHistoryLimit()
{
    const QString schedule = scheduleAwayFromNow();
    m_created << u"report"_qs;
    createAndSettle(cronJob(u"report"_qs, schedule, {{u"successfulJobsHistoryLimit"_qs, 1}}));
    const QDateTime first = nextActivation(schedule);
    jumpPast(first);
    const QString firstJob = u"report-%1"_qs.arg(first.toSecsSinceEpoch() / 60);
    QVERIFY(QTest::qWaitFor([&] { return statusOf(u"report"_qs).value(u"active").toArray().size() == 1; }, WaitMs));

    finishJob(firstJob, u"Complete"_qs, m_clock.now());
    QVERIFY2(QTest::qWaitFor([&] { return !statusOf(u"report"_qs).contains(u"active"); }, WaitMs), "the completed run stayed active");
    QVERIFY(QTest::qWaitFor([&] { return eventMessages(u"report"_qs, u"SawCompletedJob"_qs)
                                         == QStringList{u"Saw completed job: %1, condition: Complete"_qs.arg(firstJob)}; }, WaitMs));
    QVERIFY(statusOf(u"report"_qs).contains(u"lastSuccessfulTime"));

    // The second run completes too: with a history of one, the first Job is pruned.
    const QDateTime second = first.addSecs(3600);
    jumpPast(second);
    const QString secondJob = u"report-%1"_qs.arg(second.toSecsSinceEpoch() / 60);
    QVERIFY(QTest::qWaitFor([&] { return jobsOf(u"report"_qs).contains(secondJob); }, WaitMs));
    finishJob(secondJob, u"Complete"_qs, m_clock.now());
    QVERIFY2(QTest::qWaitFor([&] { return jobsOf(u"report"_qs) == QStringList{secondJob}; }, WaitMs), "the oldest Job was not pruned");
    QVERIFY(QTest::qWaitFor([&] { return eventMessages(u"report"_qs, u"SuccessfulDelete"_qs) == QStringList{u"Deleted job "_qs + firstJob}; }, WaitMs));
}

void tst_CronJobController::forbidSkipsWhileActive()
{
    const QString schedule = scheduleAwayFromNow();
    m_created << u"solo"_qs;
    createAndSettle(cronJob(u"solo"_qs, schedule, {{u"concurrencyPolicy"_qs, u"Forbid"_qs}}));
    const QDateTime first = nextActivation(schedule);
    jumpPast(first);
    QVERIFY(QTest::qWaitFor([&] { return statusOf(u"solo"_qs).value(u"active").toArray().size() == 1; }, WaitMs));

    jumpPast(first.addSecs(3600)); // the first run still runs
    QVERIFY2(QTest::qWaitFor([&] { return !eventMessages(u"solo"_qs, u"JobAlreadyActive"_qs).isEmpty(); }, WaitMs),
             "no JobAlreadyActive event");
    QCOMPARE(eventMessages(u"solo"_qs, u"JobAlreadyActive"_qs).first(),
             u"Not starting job because prior execution is running and concurrency policy is Forbid"_qs);
    QCOMPARE(jobsOf(u"solo"_qs).size(), 1);
}

void tst_CronJobController::replaceDeletesTheActiveRun()
{
    const QString schedule = scheduleAwayFromNow();
    m_created << u"fresh"_qs;
    createAndSettle(cronJob(u"fresh"_qs, schedule, {{u"concurrencyPolicy"_qs, u"Replace"_qs}}));
    const QDateTime first = nextActivation(schedule);
    jumpPast(first);
    const QString firstJob = u"fresh-%1"_qs.arg(first.toSecsSinceEpoch() / 60);
    QVERIFY(QTest::qWaitFor([&] { return statusOf(u"fresh"_qs).value(u"active").toArray().size() == 1; }, WaitMs));

    const QDateTime second = first.addSecs(3600);
    jumpPast(second);
    const QString secondJob = u"fresh-%1"_qs.arg(second.toSecsSinceEpoch() / 60);
    QVERIFY2(QTest::qWaitFor([&] { return jobsOf(u"fresh"_qs) == QStringList{secondJob}; }, WaitMs), "the active run was not replaced");
    QVERIFY(QTest::qWaitFor([&] {
        const QJsonArray active = statusOf(u"fresh"_qs).value(u"active").toArray();
        return active.size() == 1 && active.first().toObject().value(u"name").toString() == secondJob;
    }, WaitMs));
    QCOMPARE(eventMessages(u"fresh"_qs, u"SuccessfulDelete"_qs), QStringList{u"Deleted job "_qs + firstJob});
}

void tst_CronJobController::suspendStartsNothing()
{
    const QString schedule = scheduleAwayFromNow();
    m_created << u"paused"_qs;
    createAndSettle(cronJob(u"paused"_qs, schedule, {{u"suspend"_qs, true}}));
    const qint64 before = m_controller->syncCount();
    jumpPast(nextActivation(schedule));
    m_controller->enqueue(u"default/paused"_qs);
    QVERIFY(QTest::qWaitFor([&] { return m_controller->syncCount() > before; }, WaitMs));
    QTest::qWait(300);
    QCOMPARE(jobsOf(u"paused"_qs), QStringList());
    QVERIFY(!statusOf(u"paused"_qs).contains(u"lastScheduleTime"));
}

void tst_CronJobController::manualJobFromCronJob()
{
    const QString schedule = scheduleAwayFromNow();
    m_created << u"nightly"_qs;
    createAndSettle(cronJob(u"nightly"_qs, schedule));
    const auto cj = get(kCronJobs, u"nightly"_qs);
    QVERIFY(cj.ok());
    // What `kubectl create job manual --from=cronjob/nightly` sends.
    const QJsonObject jobTemplate = cj->toJson().value(u"spec").toObject().value(u"jobTemplate").toObject();
    const Object manual = Object::fromJson(QJsonObject{
        {u"apiVersion"_qs, u"batch/v1"_qs}, {u"kind"_qs, u"Job"_qs},
        {u"metadata"_qs, QJsonObject{
            {u"name"_qs, u"manual"_qs},
            {u"annotations"_qs, QJsonObject{{u"cronjob.kubernetes.io/instantiate"_qs, u"manual"_qs}}},
            {u"ownerReferences"_qs, QJsonArray{QJsonObject{{u"apiVersion"_qs, u"batch/v1"_qs}, {u"kind"_qs, u"CronJob"_qs},
                                                           {u"name"_qs, u"nightly"_qs}, {u"uid"_qs, cj->uid()}, {u"controller"_qs, true}}}}}},
        {u"spec"_qs, jobTemplate.value(u"spec")}});
    QVERIFY(create(kJobs, manual).ok());
    // Upstream reports a running Job of its own that it did not start, and leaves status.active alone.
    QVERIFY(QTest::qWaitFor([&] { return eventMessages(u"nightly"_qs, u"UnexpectedJob"_qs)
                                         == QStringList{u"Saw a job that the controller did not create or forgot: manual"_qs}; }, WaitMs));
    QVERIFY(!statusOf(u"nightly"_qs).contains(u"active"));
    const QDateTime done = m_clock.now();
    finishJob(u"manual"_qs, u"Complete"_qs, done);
    QVERIFY2(QTest::qWaitFor([&] { return statusOf(u"nightly"_qs).value(u"lastSuccessfulTime").toString() == formatKubeTime(done); }, WaitMs),
             "lastSuccessfulTime does not count the manual run");
}

QTEST_GUILESS_MAIN(tst_CronJobController)
#include "tst_cronjobcontroller.moc"
