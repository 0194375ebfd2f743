// Writes through the real embedded API server (TLS, token, durable store) from many connections
// at once: they run on the server's worker threads, so their store commits are shared (the
// store's own batch counts prove it), every object exists with its own resourceVersion, a
// client that leaves before its answer still gets its write committed, a read pipelined
// behind a write on one connection is answered after it (and sees it), and a watch gets the
// events of shared commits several to a chunk.
#include "clusterfixture.h"
#include "tests/support/httpreply.h"


#include <QJsonArray>
#include <QMutex>
#include <QRegularExpression>
#include <QSet>
#include <QSslSocket>
#include <QTest>

#include <cstdio>
#include <fcntl.h>
#include <latch>
#include <unistd.h>

using namespace kube;
using namespace kube::test;

namespace {

const QByteArray kToken = "fixture-test-token"; // ClusterFixture's

// Stops the fixture's cluster when the test ends, however it ends (stop() may run twice).
struct StopAtEnd {
    ClusterFixture &fixture;
    ~StopAtEnd() { fixture.stop(); }
};

// One keep-alive TLS connection, blocking (used from one thread); Content-Length bodies.
class TlsClient
{
public:
    explicit TlsClient(quint16 port)
    {
        m_socket.setPeerVerifyMode(QSslSocket::VerifyNone);
        m_socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
        m_socket.waitForEncrypted(10000);
    }
    bool isEncrypted() const { return m_socket.isEncrypted(); }
    static QByteArray request(const QByteArray &method, const QByteArray &path, const QByteArray &body = {})
    {
        QByteArray r = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + kToken
            + "\r\nAccept: application/json\r\n";
        if (!body.isEmpty())
            r += "Content-Type: application/json\r\n";
        return r + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    }
    void write(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        m_socket.flush();
    }
    Reply read(int timeoutMs = 30000)
    {
        Reply r;
        QElapsedTimer t;
        t.start();
        for (;;) {
            if (auto reply = takeHttpReply(m_buffer)) {
                r.status = reply->status;
                r.body = reply->body;
                return r;
            }
            if (t.elapsed() > timeoutMs || m_socket.state() != QAbstractSocket::ConnectedState)
                return r;
            if (m_socket.bytesToWrite() > 0)
                m_socket.waitForBytesWritten(20);
            else
                m_socket.waitForReadyRead(20);
            m_buffer += m_socket.readAll();
        }
    }
    Reply call(const QByteArray &method, const QByteArray &path, const QByteArray &body = {})
    {
        write(request(method, path, body));
        return read();
    }
    // The next chunk of a chunked body (after the response head, which it skips once); empty
    // when none came within timeoutMs.
    QByteArray readChunk(int timeoutMs)
    {
        QElapsedTimer t;
        t.start();
        for (;;) {
            if (!m_headSkipped) {
                if (const qsizetype end = m_buffer.indexOf("\r\n\r\n"); end >= 0) {
                    m_buffer.remove(0, end + 4);
                    m_headSkipped = true;
                }
            }
            if (m_headSkipped) {
                if (const qsizetype eol = m_buffer.indexOf("\r\n"); eol >= 0) {
                    const qsizetype size = m_buffer.left(eol).toLongLong(nullptr, 16);
                    if (m_buffer.size() >= eol + 2 + size + 2) {
                        const QByteArray chunk = m_buffer.mid(eol + 2, size);
                        m_buffer.remove(0, eol + 2 + size + 2);
                        return chunk;
                    }
                }
            }
            if (t.elapsed() > timeoutMs)
                return {};
            m_socket.waitForReadyRead(20);
            m_buffer += m_socket.readAll();
        }
    }
    void leave()
    {
        m_socket.waitForBytesWritten(2000);
        m_socket.disconnectFromHost();
        if (m_socket.state() != QAbstractSocket::UnconnectedState)
            m_socket.waitForDisconnected(2000);
    }

private:
    QSslSocket m_socket;
    QByteArray m_buffer;
    bool m_headSkipped = false;
};

QByteArray configMap(const QString &name)
{
    return QJsonDocument(QJsonObject{{u"apiVersion"_qs, u"v1"_qs},
                                     {u"kind"_qs, u"ConfigMap"_qs},
                                     {u"metadata"_qs, QJsonObject{{u"name"_qs, name}}},
                                     {u"data"_qs, QJsonObject{{u"k"_qs, name}}}})
        .toJson(QJsonDocument::Compact);
}

// Runs `f` with stderr (fd 2) sent to a file; returns what was written there.
template<typename F>
QByteArray captureStderr(F f)
{
    std::fflush(stderr);
    char path[] = "/tmp/tst_apiconcurrentwrites-stderr-XXXXXX";
    const int fd = mkstemp(path);
    const int saved = dup(2);
    dup2(fd, 2);
    f();
    std::fflush(stderr);
    dup2(saved, 2);
    close(saved);
    lseek(fd, 0, SEEK_SET);
    QByteArray out;
    char buffer[4096];
    for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;)
        out.append(buffer, n);
    close(fd);
    unlink(path);
    return out;
}

} // namespace

class tst_ApiConcurrentWrites : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void concurrentCreatesShareCommits();
    void clientGoneBeforeAnswerStillCommits();
    void pipelinedReadSeesTheWriteAhead();
    void watchSendsADrainsEventsAsOneChunk();

private:
    quint16 startCluster(ClusterFixture &fixture);
};

void tst_ApiConcurrentWrites::initTestCase()
{
    // The store counts its group commits and prints them when it closes (batchtimings.h).
    qputenv("TIMONEL_STORE_TIMING", "1");
}

quint16 tst_ApiConcurrentWrites::startCluster(ClusterFixture &fixture)
{
    const Status started = fixture.start();
    if (!started.isSuccess())
        qWarning() << started.message();
    return started.isSuccess() ? fixture.port() : 0;
}

void tst_ApiConcurrentWrites::concurrentCreatesShareCommits()
{
    ClusterFixture fixture;
    const StopAtEnd stop{fixture};
    const quint16 port = startCluster(fixture);
    QVERIFY(port != 0);
    QCOMPARE(fixture.request("POST", "/api/v1/namespaces", R"({"apiVersion":"v1","kind":"Namespace","metadata":{"name":"burst"}})").status, 201);
    const Reply before = fixture.request("GET", "/api/v1/namespaces/burst/configmaps");
    QCOMPARE(before.status, 200);
    const qint64 writesBefore = before.json().value(u"metadata").toObject().value(u"resourceVersion").toString().toLongLong();
    QVERIFY(writesBefore > 0);

    // 16 connections, each opened first, then all send 4 creates one after the other.
    constexpr int connections = 16, perConnection = 4, total = connections * perConnection;
    std::latch ready(connections);
    QMutex mutex;
    QList<int> statuses;
    QStringList resourceVersions;
    std::vector<QThread *> threads;
    for (int c = 0; c < connections; ++c) {
        threads.push_back(QThread::create([&, c] {
            TlsClient client(port);
            ready.arrive_and_wait();
            for (int i = 0; i < perConnection; ++i) {
                const Reply r = client.call("POST", "/api/v1/namespaces/burst/configmaps", configMap(u"cm-%1-%2"_qs.arg(c).arg(i)));
                QMutexLocker lock(&mutex);
                statuses.append(r.status);
                resourceVersions.append(r.json().value(u"metadata").toObject().value(u"resourceVersion").toString());
            }
        }));
    }
    for (QThread *t : threads)
        t->start();
    for (QThread *t : threads) {
        QVERIFY(t->wait(120000));
        delete t;
    }
    QCOMPARE(statuses.size(), total);
    QCOMPARE(statuses.count(201), total);
    QCOMPARE(QSet<QString>(resourceVersions.begin(), resourceVersions.end()).size(), total);
    QVERIFY(!resourceVersions.contains(QString()));

    // Every object is there, each with its own resourceVersion (the ones the creates answered).
    const Reply list = fixture.request("GET", "/api/v1/namespaces/burst/configmaps");
    QCOMPARE(list.status, 200);
    const QJsonArray items = list.json().value(u"items").toArray();
    QCOMPARE(items.size(), total);
    QSet<QString> listed;
    for (const QJsonValue &item : items)
        listed.insert(item.toObject().value(u"metadata").toObject().value(u"resourceVersion").toString());
    QCOMPARE(listed, QSet<QString>(resourceVersions.begin(), resourceVersions.end()));

    // The store's own count: every write before the burst (bootstrap, one at a time) took a
    // commit of its own; the burst's 64 took far fewer. One request per connection at a time
    // and all of them on the server's one thread would make it 64.
    const QByteArray report = captureStderr([&] { fixture.stop(); });
    const QRegularExpression line(uR"(store timing: (\d+) batches, ([\d.]+) requests each)"_qs);
    const QRegularExpressionMatch m = line.match(QString::fromUtf8(report));
    QVERIFY2(m.hasMatch(), report.constData());
    const qint64 batches = m.captured(1).toLongLong();
    const double perBatch = m.captured(2).toDouble();
    const qint64 requests = qRound64(perBatch * double(batches));
    QCOMPARE(requests, writesBefore + total);
    const qint64 burstCommits = batches - writesBefore;
    qInfo("%d creates from %d connections took %lld commits (%.1f writes each)", total, connections, burstCommits,
          double(total) / double(burstCommits));
    QVERIFY2(burstCommits <= total * 3 / 4, qPrintable(u"%1 commits for %2 writes"_qs.arg(burstCommits).arg(total)));
}

void tst_ApiConcurrentWrites::clientGoneBeforeAnswerStillCommits()
{
    ClusterFixture fixture;
    const StopAtEnd stop{fixture};
    const quint16 port = startCluster(fixture);
    QVERIFY(port != 0);
    for (int i = 0; i < 8; ++i) {
        TlsClient client(port);
        QVERIFY(client.isEncrypted());
        client.write(TlsClient::request("POST", "/api/v1/namespaces/default/configmaps", configMap(u"gone-%1"_qs.arg(i))));
        client.leave(); // before any answer could come
    }
    // Each write was accepted, so each is committed; the server is fine and goes on serving.
    for (int i = 0; i < 8; ++i) {
        Reply r;
        QElapsedTimer t;
        t.start();
        while ((r = fixture.request("GET", "/api/v1/namespaces/default/configmaps/gone-" + QByteArray::number(i))).status != 200
               && t.elapsed() < 10000)
            QThread::msleep(20);
        QCOMPARE(r.status, 200);
    }
    QCOMPARE(fixture.request("POST", "/api/v1/namespaces/default/configmaps", configMap(u"after"_qs)).status, 201);
}

void tst_ApiConcurrentWrites::pipelinedReadSeesTheWriteAhead()
{
    ClusterFixture fixture;
    const StopAtEnd stop{fixture};
    const quint16 port = startCluster(fixture);
    QVERIFY(port != 0);
    TlsClient client(port);
    QVERIFY(client.isEncrypted());
    // The write goes to a worker and waits for its fsync; the read behind it would be answered
    // at once on the server's thread (404) if the connection were not kept in order.
    client.write(TlsClient::request("POST", "/api/v1/namespaces/default/configmaps", configMap(u"piped"_qs))
                 + TlsClient::request("GET", "/api/v1/namespaces/default/configmaps/piped")
                 + TlsClient::request("DELETE", "/api/v1/namespaces/default/configmaps/piped")
                 + TlsClient::request("GET", "/api/v1/namespaces/default/configmaps/piped"));
    const Reply created = client.read();
    const Reply read = client.read();
    const Reply deleted = client.read();
    const Reply gone = client.read();
    QCOMPARE(created.status, 201);
    QCOMPARE(read.status, 200);
    const auto rv = [](const Reply &r) { return r.json().value(u"metadata").toObject().value(u"resourceVersion").toString(); };
    QCOMPARE(rv(read), rv(created));
    QCOMPARE(deleted.status, 200);
    QCOMPARE(gone.status, 404);
}

void tst_ApiConcurrentWrites::watchSendsADrainsEventsAsOneChunk()
{
    ClusterFixture fixture;
    const StopAtEnd stop{fixture};
    const quint16 port = startCluster(fixture);
    QVERIFY(port != 0);
    TlsClient watcher(port);
    QVERIFY(watcher.isEncrypted());
    watcher.write(TlsClient::request("GET", "/api/v1/namespaces/default/configmaps?watch=true&timeoutSeconds=60"));
    QVERIFY(watcher.readChunk(0).isEmpty()); // nothing yet; the head arrives at once
    QTest::qWait(200);

    // 32 creates at once: their commits are shared, so the store hands the watch several
    // events at a time, and each such drain goes out as one chunk (not one chunk per event).
    constexpr int connections = 16, perConnection = 2, total = connections * perConnection;
    std::latch ready(connections);
    std::vector<QThread *> threads;
    for (int c = 0; c < connections; ++c) {
        threads.push_back(QThread::create([&, c] {
            TlsClient client(port);
            ready.arrive_and_wait();
            for (int i = 0; i < perConnection; ++i)
                client.call("POST", "/api/v1/namespaces/default/configmaps", configMap(u"w-%1-%2"_qs.arg(c).arg(i)));
        }));
    }
    for (QThread *t : threads)
        t->start();
    int lines = 0, chunks = 0, largest = 0;
    QElapsedTimer t;
    t.start();
    while (lines < total && t.elapsed() < 30000) {
        const QByteArray chunk = watcher.readChunk(1000);
        if (chunk.isEmpty())
            continue;
        const int n = int(chunk.count("{\"type\":\"ADDED\""));
        lines += n;
        ++chunks;
        largest = qMax(largest, n);
        QCOMPARE(chunk.count('\n'), qsizetype(n)); // whole event lines only
    }
    for (QThread *thread : threads) {
        QVERIFY(thread->wait(60000));
        delete thread;
    }
    qInfo("%d events in %d chunks, at most %d in one", lines, chunks, largest);
    QCOMPARE(lines, total);
    QVERIFY2(largest >= 2, "every event came in a chunk of its own");
    QVERIFY(chunks < total);
}

QTEST_GUILESS_MAIN(tst_ApiConcurrentWrites)
#include "tst_apiconcurrentwrites.moc"
