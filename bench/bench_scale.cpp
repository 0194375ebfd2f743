// bench_scale: the embedded cluster at scale and at rest (issue 4's targets). A real
// `timonel-cluster serve` with 10 simulated nodes runs at the highest --speed; one Deployment
// of 10,000 nginx pods is created and the time until all of them are Running is measured by a
// watch (an informer in this process, never a poll), with milestones (all created, all bound)
// and the server's CPU time (utime+stime from /proc/<pid>/stat) over the run. Then the
// server's CPU% while idle for 30 s: an empty cluster at real time and at the highest speed,
// the 10,000 pods at the highest speed, and the same data dir restarted at real time. Prints a
// Markdown table.
//
//   build/bench/bench_scale [--pods N] [--nodes N] [--speed N] [--idle SECONDS] [--timeout SECONDS]
//                           [--restart] [--cluster PATH]
//
// --restart adds the last row (the pods' data dir served again at speed 1: every simulation
// restarts, which takes minutes with 10,000 pods).
//
// timonel-cluster defaults to ../bin/timonel-cluster next to this program. Data dirs live in
// a temporary folder, removed at the end.
#include "proccpu.h"
#include "kube/api/object.h"
#include "kube/api/scaledclock.h"
#include "kube/cache/sharedinformer.h"
#include "kube/cache/sharedinformerfactory.h"
#include "kube/client/clustertransport.h"
#include "kube/client/restclient.h"
#include "kube/client/restlistwatch.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTimer>
#include <QEventLoop>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <unistd.h>

using namespace kube;

namespace {

[[noreturn]] void die(const QString &why)
{
    std::fprintf(stderr, "bench_scale: %s\n", qPrintable(why));
    std::exit(1);
}

void note(const QString &what)
{
    std::fprintf(stderr, "bench_scale: %s\n", qPrintable(what));
}

// Resident memory of a process in MiB (VmRSS of /proc/<pid>/status).
double rssMiB(qint64 pid)
{
    QFile f(u"/proc/%1/status"_qs.arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return 0;
}

// CPU ms of each thread of a process, summed by thread name (/proc/<pid>/task/<tid>/stat).
QMap<QString, double> threadCpuMs(qint64 pid)
{
    QMap<QString, double> byName;
    const QDir tasks(u"/proc/%1/task"_qs.arg(pid));
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(tasks.filePath(tid + u"/comm"_qs));
        if (!comm.open(QIODevice::ReadOnly))
            continue;
        QFile stat(tasks.filePath(tid + u"/stat"_qs));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.readAll();
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        if (fields.size() < 13)
            continue;
        byName[QString::fromUtf8(comm.readAll().trimmed())] +=
            (fields.at(11).toDouble() + fields.at(12).toDouble()) * 1000.0 / double(sysconf(_SC_CLK_TCK));
    }
    return byName;
}

// "controllers 12.3 s, scheduler 1.0 s, …": the threads' CPU since `before`, largest first.
QString threadCpuSince(qint64 pid, const QMap<QString, double> &before)
{
    QList<QPair<double, QString>> rows;
    const QMap<QString, double> now = threadCpuMs(pid);
    for (auto it = now.begin(); it != now.end(); ++it)
        rows.append({it.value() - before.value(it.key()), it.key()});
    std::sort(rows.begin(), rows.end(), std::greater<>());
    QStringList parts;
    for (const auto &[ms, name] : rows) {
        if (ms >= 50)
            parts.append(u"%1 %2 s"_qs.arg(name).arg(ms / 1000.0, 0, 'f', 1));
    }
    return parts.join(u", "_qs);
}

struct ServerOptions {
    QString program;
    QString dataDir;
    int nodes = 10;
    int maxPods = 110;
    double speed = 1;
};

// A running `timonel-cluster serve`; stopped (SIGTERM, then waited for) when destroyed.
class Server
{
public:
    explicit Server(const ServerOptions &o)
    {
        m_process.setProgram(o.program);
        m_process.setArguments({u"serve"_qs, u"--data-dir"_qs, o.dataDir, u"--port"_qs, u"0"_qs, u"--ingress-port"_qs, u"0"_qs,
                                u"--nodes"_qs, QString::number(o.nodes), u"--max-pods"_qs, QString::number(o.maxPods),
                                u"--speed"_qs, QString::number(o.speed)});
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start();
        QByteArray out;
        while (!out.contains('\n')) {
            if (!m_process.waitForReadyRead(60000))
                die(u"timonel-cluster did not print \"ready\" (exit %1)"_qs.arg(m_process.exitCode()));
            out += m_process.readAllStandardOutput();
        }
        const QByteArray line = out.left(out.indexOf('\n')).trimmed();
        if (!line.startsWith("ready "))
            die(u"unexpected first line from timonel-cluster: %1"_qs.arg(QString::fromUtf8(line)));
        m_config.server = QUrl(QString::fromUtf8(line.mid(6)));
        QFile token(o.dataDir + u"/token"_qs);
        QFile ca(o.dataDir + u"/pki/ca.crt"_qs);
        if (!token.open(QIODevice::ReadOnly) || !ca.open(QIODevice::ReadOnly))
            die(u"cannot read the token or CA in %1"_qs.arg(o.dataDir));
        m_config.bearerToken = token.readAll().trimmed();
        m_config.certificateAuthorityPem = ca.readAll();
        m_config.qps = 1000;
        m_config.burst = 1000;
    }
    ~Server()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(60000))
            m_process.kill();
        m_process.waitForFinished(5000);
    }
    qint64 pid() const { return m_process.processId(); }
    const RestConfig &config() const { return m_config; }

private:
    QProcess m_process;
    RestConfig m_config;
};

// Runs this process's event loop for ms (watch events keep being read).
void pump(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// The server's CPU% over `seconds` of idling.
double idleCpuPercent(const Server &server, int seconds)
{
    const double before = processCpuMs(server.pid());
    QElapsedTimer t;
    t.start();
    pump(seconds * 1000);
    return 100.0 * (processCpuMs(server.pid()) - before) / double(t.elapsed());
}

Object deployment(int replicas)
{
    const QJsonObject labels{{u"app"_qs, u"bench"_qs}};
    return Object::fromJson(QJsonObject{
        {u"apiVersion"_qs, u"apps/v1"_qs}, {u"kind"_qs, u"Deployment"_qs},
        {u"metadata"_qs, QJsonObject{{u"name"_qs, u"bench"_qs}}},
        {u"spec"_qs, QJsonObject{
            {u"replicas"_qs, replicas},
            {u"selector"_qs, QJsonObject{{u"matchLabels"_qs, labels}}},
            {u"template"_qs, QJsonObject{
                {u"metadata"_qs, QJsonObject{{u"labels"_qs, labels}}},
                {u"spec"_qs, QJsonObject{{u"containers"_qs, QJsonArray{QJsonObject{{u"name"_qs, u"web"_qs}, {u"image"_qs, u"nginx:1.25"_qs}}}}}}}}}}});
}

// Watches the pods of app=bench and records when `target` of them exist, are bound and run.
class PodCounter
{
public:
    PodCounter(const RestConfig &config, int target) : m_target(target)
    {
        m_transport = std::make_unique<ClusterTransport>(config);
        m_client = std::make_unique<RestClient>(m_transport.get());
        ClusterTransport *transport = m_transport.get();
        m_informers = std::make_unique<SharedInformerFactory>([transport](const InformerKey &key) {
            return std::make_unique<RestListWatch>(transport, GroupVersionResource{QString(), u"v1"_qs, key.resource}, key.namespace_);
        });
        SharedInformer *pods = m_informers->informer(InformerKey{u"pods"_qs, QString(), u"app=bench"_qs, QString()});
        ResourceEventHandler handler;
        handler.added = [this](const Object &pod) { see(pod); };
        handler.updated = [this](const Object &, const Object &pod) { see(pod); };
        handler.deleted = [this](const Object &pod, DeleteState) {
            const QString key = pod.namespace_() + u'/' + pod.name();
            m_created.remove(key);
            m_bound.remove(key);
            m_running.remove(key);
        };
        pods->addEventHandler(&m_context, handler);
        m_informers->start();
        m_clock.start();
    }
    RestClient *client() const { return m_client.get(); }
    void restartClock() { m_clock.restart(); }
    int running() const { return int(m_running.size()); }
    int created() const { return int(m_created.size()); }
    int bound() const { return int(m_bound.size()); }
    double createdMs = -1, boundMs = -1, runningMs = -1;

private:
    void see(const Object &pod)
    {
        const QString key = pod.namespace_() + u'/' + pod.name();
        m_created.insert(key);
        if (!pod.nodeName().isEmpty())
            m_bound.insert(key);
        if (pod.scalarAt(u"status.phase") == u"Running")
            m_running.insert(key);
        else
            m_running.remove(key);
        const double now = double(m_clock.nsecsElapsed()) / 1e6;
        if (createdMs < 0 && created() >= m_target)
            createdMs = now;
        if (boundMs < 0 && bound() >= m_target)
            boundMs = now;
        if (runningMs < 0 && running() >= m_target)
            runningMs = now;
    }

    const int m_target;
    QObject m_context;
    QElapsedTimer m_clock;
    std::unique_ptr<ClusterTransport> m_transport;
    std::unique_ptr<RestClient> m_client;
    std::unique_ptr<SharedInformerFactory> m_informers;
    QSet<QString> m_created, m_bound, m_running;
};

// Synchronous list through client (pumping the event loop): the page, or nullopt on error.
std::optional<ListPage> listNow(RestClient *client, const GroupVersionResource &gvr, const QString &ns, qsizetype limit,
                                const QString &continueToken = {})
{
    std::optional<Expected<ListPage>> answer;
    ListRequest request;
    request.limit = limit;
    request.continueToken = continueToken;
    client->list({gvr, ns, QString(), QString()}, request, [&](Expected<ListPage> r) { answer.emplace(std::move(r)); });
    while (!answer)
        pump(5);
    if (!answer->ok())
        return std::nullopt;
    return std::move(answer->value());
}

// The store's revision now (every write takes the next one): a one-item list's resourceVersion.
qint64 storeRevision(RestClient *client)
{
    const auto page = listNow(client, {QString(), u"v1"_qs, u"namespaces"_qs}, QString(), 1);
    return page ? page->resourceVersion.toLongLong() : -1;
}

// Events in a namespace: {objects, sum of their counts}.
QPair<qint64, qint64> countEvents(RestClient *client, const QString &ns)
{
    qint64 objects = 0, occurrences = 0;
    QString token;
    do {
        const auto page = listNow(client, {QString(), u"v1"_qs, u"events"_qs}, ns, 500, token);
        if (!page)
            break;
        for (const Object &event : page->items) {
            ++objects;
            occurrences += std::max<qint64>(1, event.scalarAt(u"count").value_or(u"1"_qs).toLongLong());
        }
        token = page->continueToken;
    } while (!token.isEmpty());
    return {objects, occurrences};
}

// Pumps the event loop until done() or timeoutMs; prints progress every 5 s.
bool waitFor(const std::function<bool()> &done, int timeoutMs, const std::function<QString()> &progress)
{
    QElapsedTimer t;
    t.start();
    qint64 lastNote = 0;
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        pump(20);
        if (t.elapsed() - lastNote >= 5000) {
            lastNote = t.elapsed();
            note(progress());
        }
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const auto numberArg = [&](const QString &name, double fallback) {
        const qsizetype at = args.indexOf(name);
        return at > 0 ? args.value(at + 1).toDouble() : fallback;
    };
    const int podCount = int(numberArg(u"--pods"_qs, 10000));
    const int nodes = int(numberArg(u"--nodes"_qs, 10));
    const double speed = numberArg(u"--speed"_qs, ScaledClock::MaxSpeed);
    const int idleSeconds = int(numberArg(u"--idle"_qs, 30));
    const int timeoutSeconds = int(numberArg(u"--timeout"_qs, 900));
    const bool restart = args.contains(u"--restart"_qs);
    QString program = QDir(app.applicationDirPath()).filePath(u"../bin/timonel-cluster"_qs);
    if (const qsizetype at = args.indexOf(u"--cluster"_qs); at > 0)
        program = args.value(at + 1);
    if (!QFileInfo(program).isExecutable())
        die(u"no timonel-cluster at %1 (build it, or pass --cluster PATH)"_qs.arg(program));
    QTemporaryDir temp;
    if (!temp.isValid())
        die(u"no temporary directory"_qs);
    // Room for every pod, with 10% to spare per node.
    const int maxPods = std::max(110, (podCount + nodes - 1) / nodes * 11 / 10);

    std::printf("| measure | figure |\n|---|---|\n");
    const auto row = [](const QString &what, const QString &figure) {
        std::printf("| %s | %s |\n", qPrintable(what), qPrintable(figure));
        std::fflush(stdout);
    };

    {
        Server empty({program, temp.filePath(u"empty-1"_qs), nodes, maxPods, 1});
        pump(5000); // leases created, caches synced
        row(u"empty cluster, %1 nodes, speed 1: server CPU idle over %2 s"_qs.arg(nodes).arg(idleSeconds),
            QString::asprintf("%.2f %%", idleCpuPercent(empty, idleSeconds)));
    }
    {
        Server empty({program, temp.filePath(u"empty-fast"_qs), nodes, maxPods, speed});
        pump(5000);
        row(u"empty cluster, %1 nodes, speed %2: server CPU idle over %3 s"_qs.arg(nodes).arg(speed).arg(idleSeconds),
            QString::asprintf("%.2f %%", idleCpuPercent(empty, idleSeconds)));
    }

    const QString dataDir = temp.filePath(u"scale"_qs);
    {
        Server server({program, dataDir, nodes, maxPods, speed});
        PodCounter counter(server.config(), podCount);
        pump(3000);
        const qint64 revisionBefore = storeRevision(counter.client());
        const double cpuBefore = processCpuMs(server.pid());
        const QMap<QString, double> threadsBefore = threadCpuMs(server.pid());
        counter.restartClock();
        std::optional<Expected<Object>> created;
        counter.client()->create({{u"apps"_qs, u"v1"_qs, u"deployments"_qs}, u"default"_qs, QString(), QString()}, deployment(podCount),
                                 [&](Expected<Object> r) { created.emplace(std::move(r)); });
        const auto progress = [&] {
            return u"%1 created, %2 bound, %3 Running; server CPU %4 s, RSS %5 MiB"_qs.arg(counter.created()).arg(counter.bound())
                .arg(counter.running()).arg((processCpuMs(server.pid()) - cpuBefore) / 1000.0, 0, 'f', 1).arg(rssMiB(server.pid()), 0, 'f', 0);
        };
        if (!waitFor([&] { return created.has_value(); }, 30000, progress) || !created->ok())
            die(u"the Deployment was not created"_qs);
        const bool allRunning = waitFor([&] { return counter.runningMs >= 0; }, timeoutSeconds * 1000, progress);
        const double cpu = processCpuMs(server.pid()) - cpuBefore;
        const auto ms = [](double v) { return v < 0 ? u"not reached"_qs : QString::asprintf("%.1f s", v / 1000.0); };
        row(u"%1 pods (one Deployment, %2 nodes, speed %3): all created"_qs.arg(podCount).arg(nodes).arg(speed), ms(counter.createdMs));
        row(u"… all bound to a node"_qs, ms(counter.boundMs));
        row(u"… **all Running**"_qs, allRunning ? ms(counter.runningMs) : u"not reached in %1 s: %2"_qs.arg(timeoutSeconds).arg(progress()));
        row(u"… server CPU time until then (utime+stime)"_qs, QString::asprintf("%.1f s", cpu / 1000.0));
        row(u"… by thread (utime+stime)"_qs, threadCpuSince(server.pid(), threadsBefore));
        row(u"… server RSS"_qs, QString::asprintf("%.0f MiB", rssMiB(server.pid())));
        pump(5000); // the last statuses and events settle
        const qint64 writes = storeRevision(counter.client()) - revisionBefore;
        const auto [eventObjects, eventOccurrences] = countEvents(counter.client(), u"default"_qs);
        row(u"… store writes until 5 s after (revisions), per pod"_qs,
            QString::asprintf("%lld, %.2f", (long long)writes, double(writes) / podCount));
        row(u"… Events in default: objects written / occurrences counted"_qs,
            QString::asprintf("%lld / %lld", (long long)eventObjects, (long long)eventOccurrences));
        row(u"%1 Running pods, speed %2: server CPU idle over %3 s"_qs.arg(counter.running()).arg(speed).arg(idleSeconds),
            QString::asprintf("%.2f %%", idleCpuPercent(server, idleSeconds)));
    }
    if (restart) {
        Server server({program, dataDir, nodes, maxPods, 1});
        PodCounter counter(server.config(), podCount);
        const auto progress = [&] { return u"restart at speed 1: %1 Running"_qs.arg(counter.running()); };
        // The kubelets start every simulation again: wait for the pods to leave Running (the
        // listed state) and come back.
        bool restarted = false;
        waitFor([&] {
            restarted = restarted || counter.running() < podCount;
            return restarted && counter.running() >= podCount;
        }, timeoutSeconds * 1000, progress);
        // Then until the server is quiet (under 5 % of a core over 5 s): every restarted
        // simulation reported again.
        QElapsedTimer settling;
        settling.start();
        while (settling.elapsed() < timeoutSeconds * 1000 && idleCpuPercent(server, 5) >= 5.0)
            note(progress());
        row(u"%1 Running pods after a restart, speed 1: settled after"_qs.arg(counter.running()),
            QString::asprintf("%.0f s", double(settling.elapsed()) / 1000.0));
        row(u"… then server CPU idle over %1 s"_qs.arg(idleSeconds), QString::asprintf("%.2f %%", idleCpuPercent(server, idleSeconds)));
    }
    return 0;
}
