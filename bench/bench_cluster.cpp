// bench_cluster: timonel-cluster as a user meets it, on this machine — cold start of
// `timonel-cluster serve` until it prints "ready" (a brand-new data dir; a restart of an empty
// one; a restart with 10,000 stored ~4.3 KB pods), then `kubectl get pods -A` over those pods end
// to end (wall time of the kubectl process) and the server's share of it: each list request
// timed on its own with curl (from the request sent to the last byte received, TLS handshake
// excluded), as a Table (what kubectl asks for) and as plain JSON, plus the server's CPU time for
// those requests (utime+stime from /proc/<pid>/stat: unlike wall times, it holds up when other
// work shares the machine). Prints a Markdown table.
//
//   build/bench/bench_cluster [--quick] [--start-only] [--runs N] [--pods N] [--cluster PATH] [--kubectl PATH]
//   build/bench/bench_cluster --populate-only DIR [--pods N]   # writes the pods into DIR/store and exits
//                                                              # (then: timonel-cluster serve --data-dir DIR, for perf)
//
// timonel-cluster defaults to ../bin/timonel-cluster next to this program; kubectl to $KUBECTL,
// then <source>/.clients/kubectl (scripts/fetch-k8s-clients), then PATH; curl to PATH. The
// kubectl and curl rows are skipped (and say so) when those are missing. The pods are written
// with the store API directly (8 writer threads) before the server starts; the data dirs are
// in a temporary folder, removed at the end.
#include "proccpu.h"
#include "realisticpod.h"

#include "kube/store/store.h"
#include "kube/store/storekey.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUrl>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace kube;

namespace {

struct Stats {
    double min = 0, median = 0, max = 0;
};

Stats stats(std::vector<double> v)
{
    if (v.empty())
        return {};
    std::sort(v.begin(), v.end());
    return {v.front(), v[v.size() / 2], v.back()};
}

QString describe(const Stats &s, const char *unit = "ms")
{
    return QString::asprintf("%.1f %s median (min %.1f, max %.1f)", s.median, unit, s.min, s.max);
}

double msSince(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

[[noreturn]] void die(const QString &why)
{
    std::fprintf(stderr, "bench_cluster: %s\n", qPrintable(why));
    std::exit(1);
}

// A running `timonel-cluster serve`; stopped (SIGTERM, then waited for) when destroyed.
class Server
{
public:
    Server(const QString &program, const QString &dataDir, const QString &kubeconfig)
    {
        m_process.setProgram(program);
        m_process.setArguments({u"serve"_qs, u"--data-dir"_qs, dataDir, u"--port"_qs, u"0"_qs, u"--kubeconfig"_qs, kubeconfig,
                                u"--no-controllers"_qs}); // the API's own cost, not the simulation's
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        QElapsedTimer timer;
        timer.start();
        m_process.start();
        QByteArray out;
        while (!out.contains('\n')) {
            if (!m_process.waitForReadyRead(30000)) {
                die(u"timonel-cluster did not print \"ready\" (exit %1): %2"_qs.arg(m_process.exitCode()).arg(
                    QString::fromUtf8(out + m_process.readAllStandardError())));
            }
            out += m_process.readAllStandardOutput();
        }
        m_readyMs = msSince(timer);
        const QByteArray line = out.left(out.indexOf('\n')).trimmed();
        if (!line.startsWith("ready "))
            die(u"unexpected first line from timonel-cluster: %1"_qs.arg(QString::fromUtf8(line)));
        m_url = QString::fromUtf8(line.mid(6));
    }
    ~Server()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(30000))
            m_process.kill();
        m_process.waitForFinished(5000);
    }
    double readyMs() const { return m_readyMs; }
    QString url() const { return m_url; }
    qint64 pid() const { return m_process.processId(); }

private:
    QProcess m_process;
    double m_readyMs = 0;
    QString m_url;
};

// Writes `count` pods (spread over `namespaces` namespaces, which are created too) into the
// store of a cluster data dir, with 8 writer threads.
void populate(const QString &dataDir, int count, int namespaces)
{
    QDir().mkpath(dataDir);
    Expected<std::unique_ptr<Store>> opened = Store::open(dataDir + u"/store"_qs);
    if (!opened)
        die(u"cannot open the store: %1"_qs.arg(opened.error().message()));
    std::unique_ptr<Store> store = std::move(opened).value();
    const auto nsName = [](int n) { return u"bench-%1"_qs.arg(n); };
    for (int n = 0; n < namespaces; ++n) {
        const QJsonObject ns{{u"apiVersion"_qs, u"v1"_qs},
                             {u"kind"_qs, u"Namespace"_qs},
                             {u"metadata"_qs, QJsonObject{{u"name"_qs, nsName(n)},
                                                          {u"uid"_qs, u"9a1c2e4a-0b7d-4c3e-9a51-%1"_qs.arg(n, 12, 10, QChar(u'0'))},
                                                          {u"creationTimestamp"_qs, u"2026-11-27T10:00:00Z"_qs},
                                                          {u"labels"_qs, QJsonObject{{u"kubernetes.io/metadata.name"_qs, nsName(n)}}}}},
                             {u"spec"_qs, QJsonObject{{u"finalizers"_qs, QJsonArray{u"kubernetes"_qs}}}},
                             {u"status"_qs, QJsonObject{{u"phase"_qs, u"Active"_qs}}}};
        if (!store->create(StoreKey::make({}, u"namespaces"_qs, {}, nsName(n)), Object::fromJson(ns)))
            die(u"cannot create namespace %1"_qs.arg(nsName(n)));
    }
    constexpr int writers = 8;
    std::atomic<int> next = 0;
    std::atomic<int> failures = 0;
    std::vector<std::thread> threads;
    for (int w = 0; w < writers; ++w) {
        threads.emplace_back([&] {
            for (int i = next++; i < count; i = next++) {
                const QString ns = nsName(i % namespaces);
                if (!store->create(StoreKey::make({}, u"pods"_qs, ns, bench::podName(i)), bench::realisticPod(i, ns)))
                    ++failures;
            }
        });
    }
    for (std::thread &t : threads)
        t.join();
    if (failures)
        die(u"%1 pod creates failed"_qs.arg(failures.load()));
}

QString findKubectl(const QStringList &args)
{
    if (const qsizetype at = args.indexOf(u"--kubectl"_qs); at > 0)
        return args.value(at + 1);
    if (const QString env = qEnvironmentVariable("KUBECTL"); !env.isEmpty())
        return env;
    const QString fetched = QStringLiteral(TIMONEL_SOURCE_DIR) + u"/.clients/kubectl"_qs;
    if (QFileInfo(fetched).isExecutable())
        return fetched;
    return QStandardPaths::findExecutable(u"kubectl"_qs);
}

// Runs a command to completion; returns its wall time in ms (stdout kept in *out when given).
double runTimed(const QString &program, const QStringList &args, QByteArray *out = nullptr, QByteArray *err = nullptr)
{
    QProcess p;
    QElapsedTimer timer;
    timer.start();
    p.start(program, args);
    if (!p.waitForFinished(120000))
        die(u"%1 did not finish"_qs.arg(program));
    const double ms = msSince(timer);
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        die(u"%1 %2 failed: %3"_qs.arg(program, args.join(u' '), QString::fromUtf8(p.readAllStandardError())));
    if (out)
        *out = p.readAllStandardOutput();
    if (err)
        *err = p.readAllStandardError();
    return ms;
}

// What kubectl sends for `get` (a Table, falling back to the list itself).
constexpr const char *acceptTable = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";

struct CurlTiming {
    double serverMs = 0; // request sent (TLS done) -> last byte received
    double totalMs = 0;  // including connect and TLS handshake
    qint64 bytes = 0;
    QByteArray body;
};

CurlTiming curlGet(const QString &curl, const QString &url, const QString &caFile, const QByteArray &token, const char *accept,
                   const QString &bodyFile)
{
    QByteArray out;
    runTimed(curl, {u"-sS"_qs, u"--fail"_qs, u"--cacert"_qs, caFile, u"-H"_qs, u"Authorization: Bearer "_qs + QString::fromLatin1(token),
                    u"-H"_qs, u"Accept: "_qs + QString::fromLatin1(accept), u"-o"_qs, bodyFile, u"-w"_qs,
                    u"%{time_appconnect} %{time_total} %{size_download}"_qs, url},
             &out);
    const QList<QByteArray> fields = out.trimmed().split(' ');
    if (fields.size() != 3)
        die(u"unexpected curl output: %1"_qs.arg(QString::fromUtf8(out)));
    CurlTiming t;
    t.totalMs = fields[1].toDouble() * 1000.0;
    t.serverMs = t.totalMs - fields[0].toDouble() * 1000.0;
    t.bytes = fields[2].toLongLong();
    QFile f(bodyFile);
    if (f.open(QIODevice::ReadOnly))
        t.body = f.readAll();
    return t;
}

// Every page of /api/v1/pods?limit=500 as kubectl walks them: the summed server share.
double pagedListMs(const QString &curl, const QString &base, const QString &caFile, const QByteArray &token, const QString &bodyFile,
                   int *pages, qint64 *rows)
{
    double sum = 0;
    QString cont;
    *pages = 0;
    *rows = 0;
    do {
        QString url = base + u"/api/v1/pods?limit=500"_qs;
        if (!cont.isEmpty())
            url += u"&continue="_qs + QString::fromLatin1(QUrl::toPercentEncoding(cont));
        const CurlTiming t = curlGet(curl, url, caFile, token, acceptTable, bodyFile);
        sum += t.serverMs;
        ++*pages;
        const QJsonObject doc = QJsonDocument::fromJson(t.body).object();
        *rows += doc.value(u"rows"_qs).toArray().size();
        cont = doc.value(u"metadata"_qs).toObject().value(u"continue"_qs).toString();
    } while (!cont.isEmpty());
    return sum;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const bool quick = args.contains(u"--quick"_qs);
    const auto intArg = [&](const QString &name, int fallback) {
        const qsizetype at = args.indexOf(name);
        return at > 0 ? args.value(at + 1).toInt() : fallback;
    };
    const int runs = std::max(1, intArg(u"--runs"_qs, quick ? 3 : 7));
    const int podCount = intArg(u"--pods"_qs, 10000);
    QString cluster = QDir(app.applicationDirPath()).filePath(u"../bin/timonel-cluster"_qs);
    if (const qsizetype at = args.indexOf(u"--cluster"_qs); at > 0)
        cluster = args.value(at + 1);
    if (!QFileInfo(cluster).isExecutable())
        die(u"no timonel-cluster at %1 (build it, or pass --cluster PATH)"_qs.arg(cluster));
    if (const qsizetype at = args.indexOf(u"--populate-only"_qs); at > 0) {
        populate(args.value(at + 1), podCount, 10);
        return 0;
    }
    const QString kubectl = findKubectl(args);
    const QString curl = QStandardPaths::findExecutable(u"curl"_qs);

    QTemporaryDir tmp;
    if (!tmp.isValid())
        die(u"cannot create a temporary folder"_qs);
    const QString kubeconfig = tmp.filePath(u"kubeconfig"_qs);
    std::printf("timonel-cluster: %s; %d runs per figure\n\n", qPrintable(QFileInfo(cluster).canonicalFilePath()), runs);
    std::printf("| figure | result | target |\n|---|---|---|\n");

    // 1. Cold start, empty: a brand-new data dir each time (token, CA and serving certificate
    // generated, empty store created), then restarts of the same (empty) data dir.
    {
        std::vector<double> fresh;
        std::vector<double> again;
        for (int i = 0; i < runs + 1; ++i) {
            const QString dir = tmp.filePath(u"empty-%1"_qs.arg(i));
            const double ms = Server(cluster, dir, kubeconfig).readyMs();
            if (i > 0) // the first run warms the page cache for the binary and its libraries
                fresh.push_back(ms);
        }
        for (int i = 0; i < runs; ++i)
            again.push_back(Server(cluster, tmp.filePath(u"empty-0"_qs), kubeconfig).readyMs());
        std::printf("| cold start to ready, new empty data dir (generates token, CA, certificate) | %s | <= 100 ms |\n",
                    qPrintable(describe(stats(fresh))));
        std::printf("| cold start to ready, existing empty data dir | %s | <= 100 ms |\n", qPrintable(describe(stats(again))));
    }

    // 2. Cold start with the pods stored.
    const QString dataDir = tmp.filePath(u"pods"_qs);
    {
        QElapsedTimer t;
        t.start();
        populate(dataDir, podCount, 10);
        std::fprintf(stderr, "populated %d pods in %.1f s\n", podCount, msSince(t) / 1000);
        const qint64 dbBytes = QFileInfo(dataDir + u"/store/store.db"_qs).size();
        (void)Server(cluster, dataDir, kubeconfig).readyMs(); // creates the token and certificates: not counted
        std::vector<double> ms;
        for (int i = 0; i < runs; ++i)
            ms.push_back(Server(cluster, dataDir, kubeconfig).readyMs());
        std::printf("| cold start to ready, %d pods stored (store.db %.1f MB; page cache warm) | %s | <= 1 s |\n", podCount,
                    double(dbBytes) / 1e6, qPrintable(describe(stats(ms))));
    }

    if (args.contains(u"--start-only"_qs))
        return 0;

    // 3. kubectl get pods -A end to end, and the server's share, against one running server.
    Server server(cluster, dataDir, kubeconfig);
    if (kubectl.isEmpty() || !QFileInfo(kubectl).isExecutable()) {
        std::printf("| kubectl get pods -A (%d pods) | skipped: no kubectl (scripts/fetch-k8s-clients, or --kubectl PATH) | — |\n", podCount);
    } else {
        const QStringList getArgs{u"--kubeconfig"_qs, kubeconfig, u"get"_qs, u"pods"_qs, u"-A"_qs};
        QByteArray out;
        runTimed(kubectl, getArgs, &out); // warm-up
        const qsizetype lines = out.count('\n');
        if (lines != podCount + 1)
            std::fprintf(stderr, "kubectl printed %lld lines, expected %d\n", qint64(lines), podCount + 1);
        std::vector<double> wall, cpu;
        for (int i = 0; i < runs; ++i) {
            const double before = processCpuMs(server.pid());
            wall.push_back(runTimed(kubectl, getArgs));
            cpu.push_back(processCpuMs(server.pid()) - before);
        }
        // kubectl's own account of its requests (-v=6: "GET … 200 OK in N milliseconds").
        QByteArray log;
        runTimed(kubectl, getArgs + QStringList{u"-v=6"_qs}, nullptr, &log);
        int requests = 0;
        double requestMs = 0;
        for (const QByteArray &line : log.split('\n')) {
            if (!line.contains("/api/v1/pods"))
                continue;
            // Newer kubectl: ... "Response" verb="GET" url="…" status="200 OK" milliseconds=38
            // older: GET https://… 200 OK in 38 milliseconds
            if (const qsizetype at = line.indexOf("milliseconds="); at >= 0) {
                ++requests;
                requestMs += line.mid(at + 13).split(' ').value(0).toDouble();
            } else if (const qsizetype in = line.indexOf(" in "); in >= 0 && line.contains(" milliseconds")) {
                ++requests;
                requestMs += line.mid(in + 4).split(' ').value(0).toDouble();
            }
        }
        std::printf("| kubectl get pods -A, %d pods: wall time of the kubectl process | %s | (context) |\n", podCount,
                    qPrintable(describe(stats(wall))));
        std::printf("| … of which its list requests, as kubectl -v=6 timed them | %d requests, %.0f ms in all | (context) |\n", requests,
                    requestMs);
        std::printf("| … the server's CPU time during it (TLS included; clock ticks of 10 ms) | %s | (context) |\n",
                    qPrintable(describe(stats(cpu))));
    }
    if (curl.isEmpty()) {
        std::printf("| server share of the list (curl) | skipped: no curl | <= 100 ms |\n");
    } else {
        const QString caFile = dataDir + u"/pki/ca.crt"_qs;
        QFile tokenFile(dataDir + u"/token"_qs);
        if (!tokenFile.open(QIODevice::ReadOnly))
            die(u"cannot read %1"_qs.arg(tokenFile.fileName()));
        const QByteArray token = tokenFile.readAll().trimmed();
        const QString bodyFile = tmp.filePath(u"body"_qs);
        const QString all = server.url() + u"/api/v1/pods"_qs;
        curlGet(curl, all, caFile, token, acceptTable, bodyFile); // warm-up
        std::vector<double> paged, pagedCpu, table, tableCpu, json, first;
        int pages = 0;
        qint64 rows = 0;
        qint64 tableBytes = 0, jsonBytes = 0;
        for (int i = 0; i < runs; ++i) {
            double before = processCpuMs(server.pid());
            paged.push_back(pagedListMs(curl, server.url(), caFile, token, bodyFile, &pages, &rows));
            pagedCpu.push_back(processCpuMs(server.pid()) - before);
            first.push_back(curlGet(curl, all + u"?limit=500"_qs, caFile, token, acceptTable, bodyFile).serverMs);
            before = processCpuMs(server.pid());
            const CurlTiming t = curlGet(curl, all, caFile, token, acceptTable, bodyFile);
            tableCpu.push_back(processCpuMs(server.pid()) - before);
            table.push_back(t.serverMs);
            tableBytes = t.bytes;
            const CurlTiming j = curlGet(curl, all, caFile, token, "application/json", bodyFile);
            json.push_back(j.serverMs);
            jsonBytes = j.bytes;
        }
        std::printf("| server share: the %d Table pages of 500 kubectl asks for, summed (%lld rows) | %s | <= 100 ms |\n", pages, rows,
                    qPrintable(describe(stats(paged))));
        std::printf("| … the server's CPU time for those %d requests (TLS handshakes included) | %s | (context) |\n", pages,
                    qPrintable(describe(stats(pagedCpu))));
        std::printf("| server share: one Table page of 500 | %s | (context) |\n", qPrintable(describe(stats(first))));
        std::printf("| server share: all %d pods in one request, Table (%.1f MB) | %s | <= 100 ms |\n", podCount,
                    double(tableBytes) / 1e6, qPrintable(describe(stats(table))));
        std::printf("| … the server's CPU time for it | %s | (context) |\n", qPrintable(describe(stats(tableCpu))));
        std::printf("| server share: all %d pods in one request, plain JSON (%.1f MB) | %s | <= 100 ms |\n", podCount,
                    double(jsonBytes) / 1e6, qPrintable(describe(stats(json))));
    }
    return 0;
}
