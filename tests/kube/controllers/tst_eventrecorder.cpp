// EventRecorder against a real embedded API server (controllers off), the Events read back:
// identical events become one Event with count 2; similar events (same reason, other messages)
// are combined from the 10th on into one "(combined from similar events)" Event, counted up; a
// flood of events about one object stops at 25 Events; and events recorded while the queue
// is full are dropped (recorded in one go, without an event-loop turn: one is being written, the
// queue's 50 wait, the rest are dropped) while the accepted ones are all written.
#include "tests/support/clusterfixture.h"
#include "tests/support/syncclient.h"
#include "kube/api/clock.h"
#include "kube/controllers/controllercontext.h"
#include "kube/controllers/eventrecorder.h"

#include <QJsonObject>
#include <QSet>
#include <QTest>

#include <memory>

using namespace kube;

namespace {

Object pod(const QString &ns, const QString &name)
{
    return Object::fromJson(QJsonObject{
        {u"apiVersion"_qs, u"v1"_qs},
        {u"kind"_qs, u"Pod"_qs},
        {u"metadata"_qs, QJsonObject{{u"name"_qs, name}, {u"namespace"_qs, ns}, {u"uid"_qs, u"uid-"_qs + ns + u'-' + name},
                                     {u"resourceVersion"_qs, u"1"_qs}}}});
}

} // namespace

class tst_EventRecorder : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void identicalEventsAreCounted();
    void similarEventsAreCombined();
    void aFloodAboutOneObjectIsLimited();
    void eventsBeyondTheQueueAreDropped();

private:
    QList<Object> eventsIn(const QString &ns) { return m_api->list(gvr::events(), ns); }
    void createNamespace(const QString &name);
    bool drained() const { return m_events->queued() == 0 && m_events->written() + m_events->skipped() + m_events->dropped() == m_events->recorded(); }

    ClusterFixture m_fixture;
    std::unique_ptr<SyncClient> m_api;
    std::unique_ptr<EventRecorder> m_events;
};

void tst_EventRecorder::initTestCase()
{
    QVERIFY(m_fixture.dir.isValid());
    const Status started = m_fixture.start(ClusterFixture::Controllers::Off);
    QVERIFY2(started.isSuccess(), qPrintable(started.message()));
    m_api = std::make_unique<SyncClient>(m_fixture.client.get());
    for (const QString &ns : {u"same"_qs, u"similar"_qs, u"flood"_qs, u"backlog"_qs})
        createNamespace(ns);
}

void tst_EventRecorder::cleanupTestCase()
{
    m_events.reset();
    m_api.reset();
    m_fixture.stop();
}

void tst_EventRecorder::createNamespace(const QString &name)
{
    const auto r = m_api->create(gvr::namespaces(), QString(),
                                 QJsonObject{{u"apiVersion"_qs, u"v1"_qs}, {u"kind"_qs, u"Namespace"_qs}, {u"metadata"_qs, QJsonObject{{u"name"_qs, name}}}});
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message()));
}

void tst_EventRecorder::identicalEventsAreCounted()
{
    m_events = std::make_unique<EventRecorder>(m_fixture.client.get(), Clock::system());
    const Object web = pod(u"same"_qs, u"web"_qs);
    m_events->record(web, EventRecorder::Type::Warning, u"BackOff"_qs, u"Back-off restarting failed container"_qs, u"kubelet"_qs, u"node-1"_qs);
    m_events->record(web, EventRecorder::Type::Warning, u"BackOff"_qs, u"Back-off restarting failed container"_qs, u"kubelet"_qs, u"node-1"_qs);
    QVERIFY(QTest::qWaitFor([&] { return drained(); }, 10000));
    const QList<Object> events = eventsIn(u"same"_qs);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().scalarAt(u"count").value_or(QString()), u"2"_qs);
    QCOMPARE(events.first().scalarAt(u"involvedObject.name").value_or(QString()), u"web"_qs);
    QCOMPARE(events.first().scalarAt(u"source.host").value_or(QString()), u"node-1"_qs);
}

void tst_EventRecorder::similarEventsAreCombined()
{
    m_events = std::make_unique<EventRecorder>(m_fixture.client.get(), Clock::system());
    const Object rs = pod(u"similar"_qs, u"rs"_qs);
    for (int i = 1; i <= 12; ++i)
        m_events->record(rs, EventRecorder::Type::Normal, u"SuccessfulCreate"_qs, u"Created pod: rs-%1"_qs.arg(i), u"replicaset-controller"_qs);
    QVERIFY(QTest::qWaitFor([&] { return drained(); }, 10000));
    const QList<Object> events = eventsIn(u"similar"_qs);
    QCOMPARE(events.size(), 10);
    int plain = 0;
    for (const Object &e : events) {
        const QString message = e.scalarAt(u"message").value_or(QString());
        if (message.startsWith(u"(combined from similar events): ")) {
            QCOMPARE(message, u"(combined from similar events): Created pod: rs-12"_qs);
            QCOMPARE(e.scalarAt(u"count").value_or(QString()), u"3"_qs);
        } else {
            QCOMPARE(e.scalarAt(u"count").value_or(QString()), u"1"_qs);
            ++plain;
        }
    }
    QCOMPARE(plain, 9);
}

void tst_EventRecorder::aFloodAboutOneObjectIsLimited()
{
    m_events = std::make_unique<EventRecorder>(m_fixture.client.get(), Clock::system());
    const Object noisy = pod(u"flood"_qs, u"noisy"_qs);
    for (int i = 0; i < 40; ++i)
        m_events->record(noisy, EventRecorder::Type::Warning, u"Reason%1"_qs.arg(i), u"message"_qs, u"kubelet"_qs, u"node-1"_qs);
    // Another source about the same object has its own budget.
    m_events->record(noisy, EventRecorder::Type::Normal, u"Scheduled"_qs, u"assigned"_qs, u"default-scheduler"_qs);
    QVERIFY(QTest::qWaitFor([&] { return drained(); }, 10000));
    QCOMPARE(m_events->skipped(), 15);
    QCOMPARE(eventsIn(u"flood"_qs).size(), 26);
}

void tst_EventRecorder::eventsBeyondTheQueueAreDropped()
{
    constexpr qsizetype Queue = 50;
    m_events = std::make_unique<EventRecorder>(m_fixture.client.get(), Clock::system(), nullptr, Queue);
    constexpr int Recorded = 80;
    for (int i = 0; i < Recorded; ++i)
        m_events->record(pod(u"backlog"_qs, u"p%1"_qs.arg(i)), EventRecorder::Type::Normal, u"Started"_qs, u"Started container web"_qs,
                         u"kubelet"_qs, u"node-1"_qs);
    const int accepted = 1 + int(Queue);
    QCOMPARE(m_events->dropped(), qint64(Recorded - accepted));
    QCOMPARE(m_events->queued(), Queue);
    QVERIFY(QTest::qWaitFor([&] { return drained(); }, 30000));
    QCOMPARE(m_events->skipped(), 0);
    const QList<Object> events = eventsIn(u"backlog"_qs);
    QCOMPARE(events.size(), accepted);
    // The first ones were kept, the last ones dropped.
    QSet<QString> written;
    for (const Object &e : events)
        written.insert(e.scalarAt(u"involvedObject.name").value_or(QString()));
    QVERIFY(written.contains(u"p0"_qs));
    QVERIFY(written.contains(u"p%1"_qs.arg(accepted - 1)));
    QVERIFY(!written.contains(u"p%1"_qs.arg(accepted)));
}

QTEST_GUILESS_MAIN(tst_EventRecorder)
#include "tst_eventrecorder.moc"
