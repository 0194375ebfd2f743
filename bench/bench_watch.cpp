// bench_watch: watch fan-out through the real server path. Starts `timonel-cluster serve` (a
// brand-new data dir), opens W HTTP watch streams (TLS, bearer token, as any client would) on
// the ConfigMaps of one namespace, then creates ConfigMaps at R writes/s for D seconds over a
// pool of writer connections. For every event each watcher receives it records the time from
// the write's acknowledgement (the 201 response reaching this program) to the event reaching
// that watcher, and prints p50/p99/max, the events delivered against those expected, and the
// server's CPU use over the run (utime+stime from /proc/<pid>/stat). Prints a Markdown table.
//
//   build/bench/bench_watch [--watchers W] [--rate R] [--seconds D] [--writes C] [--writers N] [--cluster PATH]
//
// Defaults: 100 watchers, 500 writes/s, 10 s, 16 writer connections; timonel-cluster from
// ../bin/timonel-cluster next to this program. Create throughput: --watchers 0 with a rate
// above what the server takes and --writes C (instead of R*D) — the N connections then write
// closed-loop, one request each at a time, and "writes acknowledged" is the figure. Client and server share the machine, so the
// client's own CPU use is printed too: when it nears one core the latencies are the client's.
//
// An event may reach a watcher before its write's response reaches the writer (the server
// notifies watchers as it commits); such deliveries count as 0 ms and are reported apart.
// Single-threaded: every socket lives on the main thread's event loop.

#include "proccpu.h"
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <unistd.h>
#include <vector>

namespace {

[[noreturn]] void die(const QString &why)
{
    std::fprintf(stderr, "bench_watch: %s\n", qPrintable(why));
    std::exit(1);
}

// One HTTP/1.1 connection over TLS with just what this benchmark needs: sequential requests
// with Content-Length or chunked responses, and a streaming mode that hands each line of a
// chunked body (a watch event) to onLine as it arrives.
class Connection
{
public:
    std::function<void(int status, const QByteArray &body)> onResponse;
    std::function<void(int status)> onStreamHeaders;
    std::function<void(QByteArrayView line)> onLine;

    Connection(const QUrl &url, const QSslConfiguration &tls, const QByteArray &token, bool streaming)
        : m_token(token), m_streaming(streaming)
    {
        m_socket.setSslConfiguration(tls);
        QObject::connect(&m_socket, &QSslSocket::readyRead, [this] { read(); });
        QObject::connect(&m_socket, &QSslSocket::errorOccurred, [this](QAbstractSocket::SocketError) {
            if (!m_closing)
                die(u"connection error: %1"_qs.arg(m_socket.errorString()));
        });
        m_socket.connectToHostEncrypted(url.host(), quint16(url.port()));
    }
    ~Connection()
    {
        m_closing = true;
        m_socket.abort();
    }

    void request(QByteArrayView method, QByteArrayView path, const QByteArray &body = {})
    {
        QByteArray r;
        r.reserve(256 + body.size());
        r += method;
        r += ' ';
        r += path;
        r += " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\nAuthorization: Bearer ";
        r += m_token;
        if (!body.isEmpty()) {
            r += "\r\nContent-Type: application/json\r\nContent-Length: ";
            r += QByteArray::number(body.size());
        }
        r += "\r\n\r\n";
        r += body;
        m_socket.write(r);
    }

private:
    enum class State { Headers, Body, Chunked };

    void read()
    {
        m_buffer += m_socket.readAll();
        while (step()) {
        }
    }

    // Consumes one piece of the buffer; false when more bytes are needed.
    bool step()
    {
        switch (m_state) {
        case State::Headers: {
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return false;
            const QByteArray head = m_buffer.left(end);
            m_buffer.remove(0, end + 4);
            m_status = head.mid(9, 3).toInt();
            m_contentLength = 0;
            bool chunked = false;
            for (const QByteArray &line : head.split('\n')) {
                const QByteArray lower = line.trimmed().toLower();
                if (lower.startsWith("content-length:"))
                    m_contentLength = lower.mid(15).trimmed().toLongLong();
                else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked"))
                    chunked = true;
            }
            m_body.clear();
            m_state = chunked ? State::Chunked : State::Body;
            if (m_streaming && onStreamHeaders)
                onStreamHeaders(m_status);
            return true;
        }
        case State::Body:
            if (m_buffer.size() < m_contentLength)
                return false;
            m_body = m_buffer.left(m_contentLength);
            m_buffer.remove(0, m_contentLength);
            finish();
            return true;
        case State::Chunked: {
            const qsizetype lineEnd = m_buffer.indexOf("\r\n");
            if (lineEnd < 0)
                return false;
            const qsizetype size = m_buffer.left(lineEnd).toLongLong(nullptr, 16);
            if (m_buffer.size() < lineEnd + 2 + size + 2)
                return false;
            const QByteArray data = m_buffer.mid(lineEnd + 2, size);
            m_buffer.remove(0, lineEnd + 2 + size + 2);
            if (size == 0) {
                finish();
                return true;
            }
            m_body += data;
            if (m_streaming)
                splitLines();
            return true;
        }
        }
        return false;
    }

    void splitLines()
    {
        qsizetype start = 0;
        for (qsizetype nl = m_body.indexOf('\n'); nl >= 0; nl = m_body.indexOf('\n', start)) {
            if (onLine)
                onLine(QByteArrayView(m_body).sliced(start, nl - start));
            start = nl + 1;
        }
        m_body.remove(0, start);
    }

    void finish()
    {
        m_state = State::Headers;
        if (onResponse)
            onResponse(m_status, m_body);
    }

    QSslSocket m_socket;
    QByteArray m_token;
    bool m_streaming = false;
    bool m_closing = false;
    QByteArray m_buffer;
    QByteArray m_body;
    State m_state = State::Headers;
    int m_status = 0;
    qint64 m_contentLength = 0;
};

// Waits on the event loop until done() or the timeout; false on timeout.
bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    }
    return true;
}

double percentile(const std::vector<double> &sorted, double p)
{
    if (sorted.empty())
        return 0;
    const size_t at = std::min(sorted.size() - 1, size_t(p * double(sorted.size())));
    return sorted[at];
}

// The index of a bench ConfigMap ("name":"w-<i>") in an event line; -1 for anything else.
int eventIndex(QByteArrayView line)
{
    const qsizetype at = line.indexOf("\"name\":\"w-");
    if (at < 0)
        return -1;
    int i = 0;
    qsizetype p = at + 10;
    if (p >= line.size() || line[p] < '0' || line[p] > '9')
        return -1;
    while (p < line.size() && line[p] >= '0' && line[p] <= '9')
        i = i * 10 + (line[p++] - '0');
    return i;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const auto intArg = [&](const QString &name, int fallback) {
        const qsizetype at = args.indexOf(name);
        return at > 0 ? args.value(at + 1).toInt() : fallback;
    };
    const int watcherCount = std::max(0, intArg(u"--watchers"_qs, 100));
    const int rate = std::max(1, intArg(u"--rate"_qs, 500));
    const int seconds = std::max(1, intArg(u"--seconds"_qs, 10));
    const int writerCount = std::max(1, intArg(u"--writers"_qs, 16));
    QString cluster = QDir(app.applicationDirPath()).filePath(u"../bin/timonel-cluster"_qs);
    if (const qsizetype at = args.indexOf(u"--cluster"_qs); at > 0)
        cluster = args.value(at + 1);
    if (!QFileInfo(cluster).isExecutable())
        die(u"no timonel-cluster at %1 (build it, or pass --cluster PATH)"_qs.arg(cluster));

    QTemporaryDir tmp;
    if (!tmp.isValid())
        die(u"cannot create a temporary folder"_qs);
    const QString dataDir = tmp.filePath(u"data"_qs);
    QProcess server;
    server.setProgram(cluster);
    server.setArguments({u"serve"_qs, u"--data-dir"_qs, dataDir, u"--port"_qs, u"0"_qs, u"--kubeconfig"_qs, tmp.filePath(u"kubeconfig"_qs)});
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server.start();
    QByteArray out;
    while (!out.contains('\n')) {
        if (!server.waitForReadyRead(60000))
            die(u"timonel-cluster did not print \"ready\""_qs);
        out += server.readAllStandardOutput();
    }
    const QByteArray ready = out.left(out.indexOf('\n')).trimmed();
    if (!ready.startsWith("ready "))
        die(u"unexpected first line from timonel-cluster: %1"_qs.arg(QString::fromUtf8(ready)));
    const QUrl url(QString::fromUtf8(ready.mid(6)));
    QFile tokenFile(dataDir + u"/token"_qs);
    if (!tokenFile.open(QIODevice::ReadOnly))
        die(u"cannot read %1"_qs.arg(tokenFile.fileName()));
    const QByteArray token = tokenFile.readAll().trimmed();
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(dataDir + u"/pki/ca.crt"_qs));
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);

    // The namespace, and the revision the watches start from.
    Connection control(url, tls, token, false);
    int lastStatus = 0;
    QByteArray lastBody;
    control.onResponse = [&](int status, const QByteArray &body) {
        lastStatus = status;
        lastBody = body;
    };
    control.request("POST", "/api/v1/namespaces",
                    R"({"apiVersion":"v1","kind":"Namespace","metadata":{"name":"bench-watch"}})");
    if (!waitFor([&] { return lastStatus != 0; }, 30000) || (lastStatus != 201 && lastStatus != 409))
        die(u"creating the namespace failed: %1 %2"_qs.arg(lastStatus).arg(QString::fromUtf8(lastBody)));
    lastStatus = 0;
    control.request("GET", "/api/v1/namespaces/bench-watch/configmaps?limit=1");
    if (!waitFor([&] { return lastStatus != 0; }, 30000) || lastStatus != 200)
        die(u"listing failed: %1"_qs.arg(lastStatus));
    const qsizetype rvAt = lastBody.indexOf("\"resourceVersion\":\"");
    const QByteArray rv = lastBody.mid(rvAt + 19, lastBody.indexOf('"', rvAt + 19) - rvAt - 19);

    // Per write: when it was acknowledged (-1 until then), in ns since `clock` started.
    const int writeCount = args.contains(u"--writes"_qs) ? std::max(1, intArg(u"--writes"_qs, 1)) : rate * seconds;
    std::vector<qint64> ackAt(size_t(writeCount), -1);
    std::vector<qint64> sentAt(size_t(writeCount), -1);
    // Deliveries that beat their write's acknowledgement, settled (as 0 ms) when it arrives.
    std::vector<int> early(size_t(writeCount), 0);
    std::vector<double> latencies;
    latencies.reserve(size_t(writeCount) * size_t(watcherCount));
    qint64 delivered = 0, beforeAck = 0, foreign = 0;
    QElapsedTimer clock;
    clock.start();

    std::vector<std::unique_ptr<Connection>> watchers;
    int streaming = 0;
    const QByteArray watchPath = "/api/v1/namespaces/bench-watch/configmaps?watch=true&resourceVersion=" + rv + "&timeoutSeconds=600";
    for (int w = 0; w < watcherCount; ++w) {
        auto c = std::make_unique<Connection>(url, tls, token, true);
        c->onStreamHeaders = [&](int status) {
            if (status != 200)
                die(u"watch answered %1"_qs.arg(status));
            ++streaming;
        };
        c->onLine = [&](QByteArrayView line) {
            const qint64 now = clock.nsecsElapsed();
            const int i = eventIndex(line);
            if (i < 0 || i >= writeCount) {
                ++foreign;
                return;
            }
            ++delivered;
            if (ackAt[size_t(i)] < 0) {
                ++early[size_t(i)];
                return;
            }
            latencies.push_back(double(now - ackAt[size_t(i)]) / 1e6);
        };
        c->request("GET", watchPath);
        watchers.push_back(std::move(c));
    }
    if (!waitFor([&] { return streaming == watcherCount; }, 60000))
        die(u"only %1 of %2 watches started"_qs.arg(streaming).arg(watcherCount));

    // Writers: each connection carries one request at a time; writes fall due every 1/rate s
    // and wait for a free connection when all are busy (the achieved rate is printed).
    std::vector<std::unique_ptr<Connection>> writers;
    std::vector<int> freeWriters;
    std::vector<double> ackMs;
    int failures = 0;
    for (int n = 0; n < writerCount; ++n) {
        auto c = std::make_unique<Connection>(url, tls, token, false);
        writers.push_back(std::move(c));
        freeWriters.push_back(n);
    }
    std::vector<int> inFlight(size_t(writerCount), -1);
    for (int n = 0; n < writerCount; ++n) {
        writers[size_t(n)]->onResponse = [&, n](int status, const QByteArray &) {
            const int i = inFlight[size_t(n)];
            inFlight[size_t(n)] = -1;
            freeWriters.push_back(n);
            if (status != 201) {
                ++failures;
                return;
            }
            const qint64 now = clock.nsecsElapsed();
            ackAt[size_t(i)] = now;
            ackMs.push_back(double(now - sentAt[size_t(i)]) / 1e6);
            beforeAck += early[size_t(i)];
            latencies.insert(latencies.end(), size_t(early[size_t(i)]), 0.0);
            early[size_t(i)] = 0;
        };
    }
    const QByteArray payload = QByteArray(200, 'x');
    int nextWrite = 0;
    const double serverCpuStart = (processCpuMs(server.processId()) / 1000.0);
    const double clientCpuStart = (processCpuMs(0) / 1000.0);
    const qint64 writeStart = clock.nsecsElapsed();
    const qint64 interval = 1000000000LL / rate;
    QTimer pump;
    pump.setTimerType(Qt::PreciseTimer);
    pump.setInterval(1);
    QObject::connect(&pump, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        while (nextWrite < writeCount && writeStart + qint64(nextWrite) * interval <= now && !freeWriters.empty()) {
            const int n = freeWriters.back();
            freeWriters.pop_back();
            inFlight[size_t(n)] = nextWrite;
            sentAt[size_t(nextWrite)] = clock.nsecsElapsed();
            const QByteArray body = R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"w-)" + QByteArray::number(nextWrite) +
                                    R"("},"data":{"payload":")" + payload + "\"}}";
            writers[size_t(n)]->request("POST", "/api/v1/namespaces/bench-watch/configmaps", body);
            ++nextWrite;
        }
    });
    pump.start();
    const qint64 expected = qint64(writeCount) * watcherCount;
    waitFor([&] { return nextWrite == writeCount && freeWriters.size() == size_t(writerCount); }, (seconds + 60) * 1000);
    const qint64 writesDone = clock.nsecsElapsed();
    pump.stop();
    waitFor([&] { return delivered >= expected - qint64(failures) * watcherCount; }, 15000);
    const qint64 end = clock.nsecsElapsed();
    const double serverCpu = (processCpuMs(server.processId()) / 1000.0) - serverCpuStart;
    const double clientCpu = (processCpuMs(0) / 1000.0) - clientCpuStart;
    const double wall = double(end - writeStart) / 1e9;
    const double writeWall = double(writesDone - writeStart) / 1e9;

    std::sort(latencies.begin(), latencies.end());
    std::sort(ackMs.begin(), ackMs.end());
    std::printf("timonel-cluster: %s; %d watchers, %d writes at %d/s requested, %d writer connections\n\n",
                qPrintable(QFileInfo(cluster).canonicalFilePath()), watcherCount, writeCount, rate, writerCount);
    std::printf("| figure | result |\n|---|---|\n");
    std::printf("| writes acknowledged | %d of %d in %.2f s (%.0f/s achieved), %d failed |\n", writeCount - failures, writeCount, writeWall,
                double(writeCount - failures) / writeWall, failures);
    std::printf("| write latency (request sent to 201 received) | p50 %.2f ms, p99 %.2f ms, max %.2f ms |\n", percentile(ackMs, 0.5),
                percentile(ackMs, 0.99), ackMs.empty() ? 0.0 : ackMs.back());
    std::printf("| events delivered | %lld of %lld expected (%lld before their write's ack, counted as 0 ms; %lld other lines) |\n",
                delivered, expected, beforeAck, foreign);
    std::printf("| delivery latency, write ack to watcher | p50 %.2f ms, p99 %.2f ms, max %.2f ms |\n", percentile(latencies, 0.5),
                percentile(latencies, 0.99), latencies.empty() ? 0.0 : latencies.back());
    std::printf("| server CPU over the run (%.1f s wall) | %.2f s = %.0f%% of one core |\n", wall, serverCpu, 100.0 * serverCpu / wall);
    std::printf("| this client's CPU over the run | %.2f s = %.0f%% of one core |\n", clientCpu, 100.0 * clientCpu / wall);

    watchers.clear();
    writers.clear();
    server.terminate();
    if (!server.waitForFinished(30000))
        server.kill();
    return delivered == expected ? 0 : 2;
}
