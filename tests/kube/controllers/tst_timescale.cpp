// The time scale (--speed) in a running embedded cluster started with speed 20: everything that
// waits for the cluster's clock waits 20 times less real time, and every timestamp (API server,
// kubelet, events) is on that one clock. Each case would fail at real time: a 9 s image pull is
// done in well under 9 real seconds, a 10 s readiness period fires ~2 times per real second,
// minReadySeconds 30 is over in ~1.5 real seconds — and the clock-time spacing of what was
// written (Pulling → Pulled, firstTimestamp → lastTimestamp) is the simulated one, not the real.
#include "tests/support/clusterfixture.h"
#include "kube/api/clock.h"
#include "kube/client/clustertransport.h"
#include "kube/client/restclient.h"
#include "kube/cluster/embeddedcluster.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using namespace kube;

namespace {

const GroupVersionResource kPods{QString(), u"v1"_qs, u"pods"_qs};
const GroupVersionResource kEvents{QString(), u"v1"_qs, u"events"_qs};
const GroupVersionResource kDeployments{u"apps"_qs, u"v1"_qs, u"deployments"_qs};

constexpr double Speed = 20;

QDateTime kubeTime(const std::optional<QString> &text)
{
    return text ? QDateTime::fromString(*text, Qt::ISODate) : QDateTime();
}

// wordpress: pulls in 9 s and starts in 2 s (resources/simulation/images.yaml); its readiness
// probe asks a path it answers 404 every 10 s.
QJsonObject wordpressContainer()
{
    return {{u"name"_qs, u"web"_qs}, {u"image"_qs, u"wordpress:6.4"_qs},
            {u"readinessProbe"_qs, QJsonObject{{u"httpGet"_qs, QJsonObject{{u"path"_qs, u"/missing"_qs}, {u"port"_qs, 80}}},
                                               {u"periodSeconds"_qs, 10}}}};
}

Object pod(const QString &name)
{
    return Object::fromJson(QJsonObject{
        {u"apiVersion"_qs, u"v1"_qs}, {u"kind"_qs, u"Pod"_qs},
        {u"metadata"_qs, QJsonObject{{u"name"_qs, name}}},
        {u"spec"_qs, QJsonObject{{u"containers"_qs, QJsonArray{wordpressContainer()}}}}});
}

Object deployment(const QString &name, int minReadySeconds)
{
    const QJsonObject labels{{u"app"_qs, name}};
    return Object::fromJson(QJsonObject{
        {u"apiVersion"_qs, u"apps/v1"_qs}, {u"kind"_qs, u"Deployment"_qs},
        {u"metadata"_qs, QJsonObject{{u"name"_qs, name}}},
        {u"spec"_qs, QJsonObject{
            {u"replicas"_qs, 2},
            {u"minReadySeconds"_qs, minReadySeconds},
            {u"selector"_qs, QJsonObject{{u"matchLabels"_qs, labels}}},
            {u"template"_qs, QJsonObject{
                {u"metadata"_qs, QJsonObject{{u"labels"_qs, labels}}},
                {u"spec"_qs, QJsonObject{{u"containers"_qs, QJsonArray{QJsonObject{{u"name"_qs, u"c"_qs}, {u"image"_qs, u"nginx:1.25"_qs}}}}}}}}}}});
}

} // namespace

class tst_TimeScale : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void apiServerStampsWithTheScaledClock();
    void imagePullAndStartTakeClockSeconds();
    void readinessProbePeriodIsClockTime();
    void minReadySecondsIsClockTime();

private:
    Expected<Object> get(const GroupVersionResource &gvr, const QString &name)
    {
        auto r = awaitResult<Expected<Object>>([&](RestClient::ObjectCallback cb) { m_client->get({gvr, u"default"_qs, name, QString()}, cb); });
        return r ? *r : Expected<Object>(Status::internalError(u"timed out"_qs));
    }
    Expected<Object> create(const GroupVersionResource &gvr, const Object &object)
    {
        auto r = awaitResult<Expected<Object>>([&](RestClient::ObjectCallback cb) { m_client->create({gvr, u"default"_qs, QString(), QString()}, object, cb); });
        return r ? *r : Expected<Object>(Status::internalError(u"timed out"_qs));
    }
    // The events about a pod whose reason is `reason` (and whose message contains `text`).
    QList<Object> events(const QString &podName, const QString &reason, const QString &text = {})
    {
        auto r = awaitResult<Expected<ListPage>>([&](RestClient::ListCallback cb) { m_client->list({kEvents, u"default"_qs, QString(), QString()}, {}, cb); });
        QList<Object> found;
        if (!r || !r->ok())
            return found;
        for (const Object &event : r->value().items) {
            if (event.scalarAt(u"involvedObject.name") == podName && event.scalarAt(u"reason") == reason
                && event.scalarAt(u"message").value_or(QString()).contains(text))
                found.append(event);
        }
        return found;
    }
    std::optional<Object> event(const QString &podName, const QString &reason, const QString &text = {})
    {
        const QList<Object> found = events(podName, reason, text);
        return found.isEmpty() ? std::nullopt : std::optional<Object>(found.first());
    }

    ClusterFixture m_fixture;
    RestClient *m_client = nullptr; // m_fixture's
};

void tst_TimeScale::initTestCase()
{
    ClusterOptions options;
    options.speed = Speed;
    const Status started = m_fixture.start(options);
    QVERIFY2(started.isSuccess(), qPrintable(started.message()));
    m_client = m_fixture.client.get();
}

void tst_TimeScale::cleanupTestCase()
{
    m_fixture.stop();
}

// One clock: what the API server stamps is the cluster's scaled time, not the real one.
void tst_TimeScale::apiServerStampsWithTheScaledClock()
{
    QElapsedTimer real;
    real.start();
    QTest::qWait(300); // 6 clock seconds
    const auto created = create(kPods, pod(u"stamp"_qs));
    QVERIFY2(created.ok(), qPrintable(created.error().message()));
    const QDateTime stamped = kubeTime(created->scalarAt(u"metadata.creationTimestamp"));
    QVERIFY(stamped.isValid());
    QVERIFY2(qAbs(stamped.secsTo(m_fixture.cluster->clock().now())) <= 2,
             qPrintable(u"creationTimestamp %1, cluster clock %2"_qs.arg(stamped.toString(Qt::ISODate), m_fixture.cluster->clock().now().toString(Qt::ISODate))));
    // The cluster started at least 300 real ms ago: its clock is ahead of the real one by
    // elapsed × (speed − 1), at least 5.7 s.
    QVERIFY2(m_fixture.cluster->clock().now() > QDateTime::currentDateTimeUtc().addMSecs(qint64(300 * (Speed - 1)) - 1000),
             "the cluster's clock does not run ahead of real time");
}

// wordpress pulls for 9 clock seconds and starts in 2: at speed 20 Running comes in about half
// a real second (at real time it takes 11 s), and the events say the pull took 9 s.
void tst_TimeScale::imagePullAndStartTakeClockSeconds()
{
    QElapsedTimer real;
    real.start();
    const auto created = create(kPods, pod(u"pulls"_qs));
    QVERIFY2(created.ok(), qPrintable(created.error().message()));
    QVERIFY2(QTest::qWaitFor([&] {
        const auto p = get(kPods, u"pulls"_qs);
        return p.ok() && p->scalarAt(u"status.phase") == u"Running";
    }, 8000), "not Running within 8 real seconds (at real time it takes 11)");
    const qint64 realMs = real.elapsed();
    QVERIFY2(realMs < 8000, qPrintable(u"Running after %1 real ms"_qs.arg(realMs)));

    const auto running = get(kPods, u"pulls"_qs);
    QVERIFY(running.ok());
    const QDateTime createdAt = kubeTime(running->scalarAt(u"metadata.creationTimestamp"));
    const QJsonObject containerStatus = running->toJson().value(u"status").toObject().value(u"containerStatuses").toArray().at(0).toObject();
    const QDateTime startedAt = QDateTime::fromString(
        containerStatus.value(u"state").toObject().value(u"running").toObject().value(u"startedAt").toString(), Qt::ISODate);
    QVERIFY(createdAt.isValid() && startedAt.isValid());
    // Started after the 9 s pull (second precision: at least 8 s), on the same clock as the
    // API server's creationTimestamp — even though far less real time went by.
    const qint64 clockSeconds = createdAt.secsTo(startedAt);
    QVERIFY2(clockSeconds >= 8 && clockSeconds <= 9 + 10,
             qPrintable(u"created %1, started %2"_qs.arg(createdAt.toString(Qt::ISODate), startedAt.toString(Qt::ISODate))));
    QVERIFY2(clockSeconds * 1000 > 2 * realMs, qPrintable(u"%1 clock s in %2 real ms"_qs.arg(clockSeconds).arg(realMs)));

    std::optional<Object> pulling, pulled;
    QVERIFY(QTest::qWaitFor([&] {
        pulling = event(u"pulls"_qs, u"Pulling"_qs);
        pulled = event(u"pulls"_qs, u"Pulled"_qs);
        return pulling && pulled;
    }, 5000));
    const qint64 pullSeconds = kubeTime(pulling->scalarAt(u"firstTimestamp")).secsTo(kubeTime(pulled->scalarAt(u"firstTimestamp")));
    QVERIFY2(pullSeconds >= 8 && pullSeconds <= 10, qPrintable(u"Pulling → Pulled: %1 clock s"_qs.arg(pullSeconds)));
    QVERIFY2(pulled->scalarAt(u"message").value_or(QString()).contains(u" in 9s"_qs), qPrintable(pulled->scalarAt(u"message").value_or(QString())));
}

// periodSeconds 10 at speed 20: a probe every 0.5 real s. The Unhealthy event's count grows
// by ~4 in 2 real seconds (at real time: 0 or 1), and its first → last spacing is ~10 clock
// seconds per probe.
void tst_TimeScale::readinessProbePeriodIsClockTime()
{
    const QString text = u"statuscode: 404"_qs;
    std::optional<Object> unhealthy;
    QVERIFY2(QTest::qWaitFor([&] {
        unhealthy = event(u"pulls"_qs, u"Unhealthy"_qs, text);
        return unhealthy && unhealthy->scalarAt(u"count").value_or(QString()).toInt() >= 2;
    }, 8000), "no repeated Unhealthy event within 8 real seconds");
    const int before = unhealthy->scalarAt(u"count")->toInt();
    QTest::qWait(2000);
    unhealthy = event(u"pulls"_qs, u"Unhealthy"_qs, text);
    QVERIFY(unhealthy);
    const int after = unhealthy->scalarAt(u"count")->toInt();
    QVERIFY2(after - before >= 2 && after - before <= 6, qPrintable(u"%1 probes in 2 real s"_qs.arg(after - before)));

    const qint64 spanSeconds = kubeTime(unhealthy->scalarAt(u"firstTimestamp")).secsTo(kubeTime(unhealthy->scalarAt(u"lastTimestamp")));
    const double perProbe = double(spanSeconds) / double(after - 1);
    QVERIFY2(perProbe >= 9 && perProbe <= 11.5, qPrintable(u"%1 clock s between %2 probes"_qs.arg(spanSeconds).arg(after)));
}

// minReadySeconds 30 (the ReplicaSet controller's requeue): available after 1.5 real s at speed
// 20, where real time would take 30 s.
void tst_TimeScale::minReadySecondsIsClockTime()
{
    QElapsedTimer real;
    real.start();
    QVERIFY(create(kDeployments, deployment(u"patient"_qs, 30)).ok());
    QVERIFY2(QTest::qWaitFor([&] {
        const auto d = get(kDeployments, u"patient"_qs);
        return d.ok() && d->scalarAt(u"status.availableReplicas").value_or(QString()).toInt() == 2;
    }, 15000), "not available within 15 real seconds (minReadySeconds 30 at speed 20 is 1.5)");
    QVERIFY2(real.elapsed() < 15000, qPrintable(u"available after %1 real ms"_qs.arg(real.elapsed())));
    const auto d = get(kDeployments, u"patient"_qs);
    QVERIFY(d.ok());
    // The Available condition's clock time is at least 30 s after the Deployment was created.
    const QDateTime createdAt = kubeTime(d->scalarAt(u"metadata.creationTimestamp"));
    QDateTime availableAt;
    for (const auto &c : d->toJson().value(u"status").toObject().value(u"conditions").toArray()) {
        if (c.toObject().value(u"type").toString() == u"Available" && c.toObject().value(u"status").toString() == u"True")
            availableAt = QDateTime::fromString(c.toObject().value(u"lastTransitionTime").toString(), Qt::ISODate);
    }
    QVERIFY(availableAt.isValid());
    QVERIFY2(createdAt.secsTo(availableAt) >= 29, qPrintable(u"available %1 clock s after creation"_qs.arg(createdAt.secsTo(availableAt))));
}

QTEST_GUILESS_MAIN(tst_TimeScale)
#include "tst_timescale.moc"
