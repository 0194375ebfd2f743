// pods/log against the embedded cluster with its controllers running: the API server proxies to
// the simulated kubelet's log endpoint (its port recorded in the node's daemonEndpoints), with
// tailLines, timestamps, limitBytes, follow (new lines as they are written, ending with the
// container), previous after a restart, and upstream's wording for every refusal.
#include "tests/support/clusterfixture.h"
#include "kube/client/clustertransport.h"
#include "kube/client/logstream.h"
#include "kube/client/restclient.h"
#include "kube/cluster/embeddedcluster.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

using namespace kube;

namespace {

const GroupVersionResource kPods{QString(), u"v1"_qs, u"pods"_qs};
const GroupVersionResource kNodes{QString(), u"v1"_qs, u"nodes"_qs};
const QString kNs = u"default"_qs;

QJsonObject container(const QString &name, const QString &image, const QString &script = {})
{
    QJsonObject c{{u"name"_qs, name}, {u"image"_qs, image}};
    if (!script.isEmpty())
        c.insert(u"command", QJsonArray{u"sh"_qs, u"-c"_qs, script});
    return c;
}

QJsonObject pod(const QString &name, const QJsonArray &containers, const QString &restartPolicy = u"Always"_qs,
                const QJsonObject &extraSpec = {})
{
    QJsonObject spec = extraSpec;
    spec.insert(u"containers", containers);
    spec.insert(u"restartPolicy", restartPolicy);
    return QJsonObject{{u"apiVersion"_qs, u"v1"_qs}, {u"kind"_qs, u"Pod"_qs},
                       {u"metadata"_qs, QJsonObject{{u"name"_qs, name}}}, {u"spec"_qs, spec}};
}

// Pumps events until predicate holds or timeoutMs passed.
bool waitUntil(const std::function<bool()> &predicate, int timeoutMs = 30000)
{
    QElapsedTimer timer;
    timer.start();
    while (!predicate()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QTest::qWait(100);
    }
    return true;
}

struct LogResult {
    QStringList lines;
    std::optional<Status> finished; // nullopt: still streaming when collection stopped
};

} // namespace

class tst_PodLogs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void nodeRecordsKubeletPort();
    void logsOfRunningContainer();
    void tailTimestampsAndLimit();
    void followStreamsNewLines();
    void followEndsWithContainer();
    void previousAfterRestart();
    void refusals_data();
    void refusals();

private:
    bool create(const QJsonObject &json)
    {
        std::optional<Expected<Object>> r;
        m_client->create({kPods, kNs, QString(), QString()}, Object::fromJson(json), [&](Expected<Object> v) { r.emplace(std::move(v)); });
        return waitUntil([&] { return r.has_value(); }, 10000) && r->ok();
    }
    QJsonObject get(const GroupVersionResource &gvr, const QString &ns, const QString &name)
    {
        std::optional<Expected<Object>> r;
        m_client->get({gvr, ns, name, QString()}, [&](Expected<Object> v) { r.emplace(std::move(v)); });
        return waitUntil([&] { return r.has_value(); }, 10000) && r->ok() ? r->value().toJson() : QJsonObject();
    }
    QJsonObject containerStatus(const QString &podName, int index = 0)
    {
        return get(kPods, kNs, podName).value(u"status").toObject().value(u"containerStatuses").toArray().at(index).toObject();
    }
    bool waitRunning(const QString &podName)
    {
        return waitUntil([&] { return containerStatus(podName).value(u"state").toObject().contains(u"running"); });
    }
    // Reads a log until it finishes or stopAfterMs passed (then stops the stream).
    LogResult readLog(const QString &podName, const LogOptions &options, int stopAfterMs = 10000)
    {
        LogResult result;
        LogStream stream(m_fixture.transport.get(), kNs, podName, options);
        connect(&stream, &LogStream::linesReceived, this, [&](const QStringList &lines) { result.lines += lines; });
        connect(&stream, &LogStream::finished, this, [&](const Status &s) { result.finished = s; });
        waitUntil([&] { return result.finished.has_value(); }, stopAfterMs);
        stream.stop();
        return result;
    }

    ClusterFixture m_fixture;
    RestClient *m_client = nullptr; // m_fixture's
};

void tst_PodLogs::initTestCase()
{
    ClusterOptions options;
    const Status started = m_fixture.start(options);
    QVERIFY2(started.isSuccess(), qPrintable(started.message()));
    m_client = m_fixture.client.get();

    QVERIFY(create(pod(u"ticker"_qs, {container(u"ticker"_qs, u"busybox"_qs, u"while true; do echo tick; sleep 1; done"_qs)})));
    QVERIFY2(waitRunning(u"ticker"_qs), "ticker never ran");
}

void tst_PodLogs::cleanupTestCase()
{
}

void tst_PodLogs::nodeRecordsKubeletPort()
{
    int port = 0;
    QVERIFY(waitUntil([&] {
        port = get(kNodes, QString(), u"timonel-node-1"_qs).value(u"status").toObject().value(u"daemonEndpoints").toObject()
                   .value(u"kubeletEndpoint").toObject().value(u"Port").toInt();
        return port > 0;
    }));
    QVERIFY(port != m_fixture.cluster->port());
}

void tst_PodLogs::logsOfRunningContainer()
{
    QVERIFY(waitUntil([&] { return readLog(u"ticker"_qs, {}).lines.size() >= 2; }));
    const LogResult r = readLog(u"ticker"_qs, {});
    QVERIFY(r.finished && r.finished->isSuccess());
    QVERIFY(!r.lines.isEmpty());
    for (const QString &line : r.lines)
        QCOMPARE(line, u"tick"_qs);
}

void tst_PodLogs::tailTimestampsAndLimit()
{
    LogOptions tail;
    tail.tailLines = 1;
    tail.timestamps = true;
    const LogResult r = readLog(u"ticker"_qs, tail);
    QVERIFY(r.finished && r.finished->isSuccess());
    QCOMPARE(r.lines.size(), 1);
    static const QRegularExpression stamped(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z tick$"_qs);
    QVERIFY2(stamped.match(r.lines.first()).hasMatch(), qPrintable(r.lines.first()));

    LogOptions limited;
    limited.limitBytes = 3;
    const LogResult cut = readLog(u"ticker"_qs, limited);
    QVERIFY(cut.finished && cut.finished->isSuccess());
    QCOMPARE(cut.lines, QStringList{u"tic"_qs});
}

void tst_PodLogs::followStreamsNewLines()
{
    LogOptions follow;
    follow.follow = true;
    follow.tailLines = 0;
    const LogResult r = readLog(u"ticker"_qs, follow, 3500);
    QVERIFY2(!r.finished, "a follow of a running container must not end by itself");
    QVERIFY2(r.lines.size() >= 2, qPrintable(r.lines.join(u',')));
}

void tst_PodLogs::followEndsWithContainer()
{
    QVERIFY(create(pod(u"once"_qs, {container(u"once"_qs, u"busybox"_qs, u"echo a; sleep 2; echo b"_qs)}, u"Never"_qs)));
    QVERIFY(waitRunning(u"once"_qs));
    LogOptions follow;
    follow.follow = true;
    const LogResult r = readLog(u"once"_qs, follow, 15000);
    QVERIFY2(r.finished && r.finished->isSuccess(), "the follow ends when the container does");
    QVERIFY2(r.lines == (QStringList{u"a"_qs, u"b"_qs}), qPrintable(r.lines.join(u"|")));
}

void tst_PodLogs::previousAfterRestart()
{
    QVERIFY(create(pod(u"crashy"_qs, {container(u"crashy"_qs, u"busybox"_qs, u"echo first; sleep 1; exit 1"_qs)})));
    QVERIFY2(waitUntil([&] { return containerStatus(u"crashy"_qs).value(u"restartCount").toInt() >= 1; }), "crashy never restarted");
    LogOptions previous;
    previous.previous = true;
    const LogResult r = readLog(u"crashy"_qs, previous);
    QVERIFY(r.finished && r.finished->isSuccess());
    QCOMPARE(r.lines, QStringList{u"first"_qs});
}

void tst_PodLogs::refusals_data()
{
    QTest::addColumn<QString>("podName");
    QTest::addColumn<QString>("containerName");
    QTest::addColumn<bool>("previous");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message"); // a regular expression

    QTest::newRow("several-containers-none-named") << u"web"_qs << QString() << false << 400
                                                   << u"^a container name must be specified for pod web, choose one of: \\[a b\\]$"_qs;
    QTest::newRow("unknown-container") << u"web"_qs << u"x"_qs << false << 400 << u"^container x is not valid for pod web$"_qs;
    QTest::newRow("no-previous-instance") << u"web"_qs << u"a"_qs << true << 400
                                          << u"^previous terminated container \"a\" in pod \"web\" not found$"_qs;
    QTest::newRow("waiting-to-start") << u"typo"_qs << QString() << false << 400
                                      << u"^container \"typo\" in pod \"typo\" is waiting to start: \\w+$"_qs;
    QTest::newRow("unscheduled") << u"nowhere"_qs << QString() << false << 400 << u"^pod nowhere does not have a host assigned$"_qs;
    QTest::newRow("no-such-pod") << u"ghost"_qs << QString() << false << 404 << u"^pods \"ghost\" not found$"_qs;
}

void tst_PodLogs::refusals()
{
    QFETCH(QString, podName);
    QFETCH(QString, containerName);
    QFETCH(bool, previous);
    QFETCH(int, code);
    QFETCH(QString, message);

    if (podName == u"web" && get(kPods, kNs, u"web"_qs).isEmpty()) {
        QVERIFY(create(pod(u"web"_qs, {container(u"a"_qs, u"busybox"_qs, u"sleep 3600"_qs), container(u"b"_qs, u"busybox"_qs, u"sleep 3600"_qs)})));
        QVERIFY(waitRunning(u"web"_qs));
    }
    if (podName == u"typo" && get(kPods, kNs, u"typo"_qs).isEmpty()) {
        QVERIFY(create(pod(u"typo"_qs, {container(u"typo"_qs, u"ngnix:latest"_qs)})));
        QVERIFY(waitUntil([&] { return containerStatus(u"typo"_qs).value(u"state").toObject().contains(u"waiting"); }));
    }
    if (podName == u"nowhere" && get(kPods, kNs, u"nowhere"_qs).isEmpty()) {
        const QJsonObject selector{{u"nodeSelector"_qs, QJsonObject{{u"disk"_qs, u"none-has-it"_qs}}}};
        QVERIFY(create(pod(u"nowhere"_qs, {container(u"nowhere"_qs, u"busybox"_qs, u"sleep 3600"_qs)}, u"Always"_qs, selector)));
    }

    LogOptions options;
    options.container = containerName;
    options.previous = previous;
    const LogResult r = readLog(podName, options);
    QVERIFY(r.finished);
    QVERIFY2(r.finished->code() == code, qPrintable(u"%1: %2"_qs.arg(r.finished->code()).arg(r.finished->message())));
    QVERIFY2(QRegularExpression(message).match(r.finished->message()).hasMatch(), qPrintable(r.finished->message()));
}

QTEST_GUILESS_MAIN(tst_PodLogs)
#include "tst_podlogs.moc"
