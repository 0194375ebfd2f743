#include "kube/apiserver/apihttpserver.h"
#include "kube/apiserver/apirequest.h"
#include "kube/api/status.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <atomic>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QTimer>

using namespace kube;

namespace {

// Answers /stream with three chunks sent from a timer (after the handler returned), /slow after
// waiting 500 ms in a nested event loop (so other requests arrive while it is in flight), and
// anything else with the decoded RequestInfo as JSON.
class FakeHandler : public RequestHandler
{
public:
    void handle(const ApiRequest &request, ApiResponder &responder) override
    {
        ++calls;
        if (request.path == u"/stream") {
            ChunkedStream *stream = responder.startStream(200, "application/json");
            auto *timer = new QTimer(stream);
            auto count = std::make_shared<int>(0);
            QObject::connect(timer, &QTimer::timeout, stream, [stream, count] {
                if (++*count <= 3) {
                    stream->writeChunk("{\"n\":" + QByteArray::number(*count) + "}\n");
                    return;
                }
                stream->finish();
                stream->deleteLater();
            });
            timer->start(1);
            return;
        }
        if (request.path == u"/quiet") {
            // A watch with nothing to say yet: the stream stays open and silent, headers sent.
            responder.startStream(200, "application/json")->sendHeadersNow();
            return;
        }
        if (request.path.endsWith(u"/slow")) {
            ++slowStarted;
            QEventLoop loop;
            QTimer::singleShot(500, &loop, &QEventLoop::quit);
            loop.exec();
        }
        const QJsonObject o{{u"verb"_qs, request.info.verb}, {u"resource"_qs, request.info.resource},
                            {u"namespace"_qs, request.info.namespace_}, {u"bodySize"_qs, request.body.size()}};
        responder.respondJson(200, QJsonDocument(o).toJson(QJsonDocument::Compact));
    }
    std::atomic<int> calls = 0; // written on the server thread, read by the test
    std::atomic<int> slowStarted = 0;
};

struct HttpReply {
    int status = 0;
    QByteArray headers;
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

// A deliberately plain HTTP/1.1 client, so the test controls every header byte.
class RawClient
{
public:
    explicit RawClient(quint16 port) { m_socket.connectToHost(QHostAddress::LocalHost, port); m_socket.waitForConnected(2000); }

    HttpReply request(const QByteArray &method, const QByteArray &target, const QList<QByteArray> &headers, const QByteArray &body = {})
    {
        send(method, target, headers, body);
        return readReply();
    }
    // Sends without waiting for the answer (readReply() later).
    void send(const QByteArray &method, const QByteArray &target, const QList<QByteArray> &headers, const QByteArray &body = {})
    {
        QByteArray out = method + ' ' + target + " HTTP/1.1\r\n";
        for (const QByteArray &h : headers)
            out += h + "\r\n";
        if (!body.isEmpty() || method == "POST")
            out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
        out += "\r\n" + body;
        m_socket.write(out);
        m_socket.waitForBytesWritten(2000);
    }
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }

    // The status line and headers only, within timeoutMs; status 0 when they did not come.
    HttpReply readHead(int timeoutMs)
    {
        HttpReply r;
        QElapsedTimer t;
        t.start();
        while (!m_buffer.contains("\r\n\r\n") && t.elapsed() < timeoutMs) {
            m_socket.waitForReadyRead(50);
            m_buffer += m_socket.readAll();
        }
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return r;
        r.headers = m_buffer.left(end + 2);
        r.status = r.headers.split(' ').value(1).toInt();
        m_buffer.remove(0, end + 4);
        return r;
    }

    HttpReply readReply()
    {
        HttpReply r;
        const QByteArray statusLine = takeLine();
        r.status = statusLine.split(' ').value(1).toInt();
        qsizetype length = -1;
        bool chunked = false;
        for (QByteArray line = takeLine(); !line.isEmpty(); line = takeLine()) {
            r.headers += line + '\n';
            const QByteArray lower = line.toLower();
            if (lower.startsWith("content-length:"))
                length = lower.mid(15).trimmed().toLongLong();
            if (lower.startsWith("transfer-encoding:") && lower.contains("chunked"))
                chunked = true;
        }
        if (chunked) {
            for (;;) {
                const qsizetype size = takeLine().toLongLong(nullptr, 16);
                if (size == 0) {
                    takeLine();
                    break;
                }
                fill(size + 2);
                r.body += m_buffer.left(size);
                m_buffer.remove(0, size + 2);
            }
        } else if (length > 0) {
            fill(length);
            r.body = m_buffer.left(length);
            m_buffer.remove(0, length);
        }
        return r;
    }

private:
    bool fill(qsizetype needed)
    {
        QElapsedTimer t;
        t.start();
        while (m_buffer.size() < needed && t.elapsed() < 5000) {
            if (!m_socket.waitForReadyRead(100) && m_socket.state() != QAbstractSocket::ConnectedState)
                break;
            m_buffer += m_socket.readAll();
        }
        return m_buffer.size() >= needed;
    }
    QByteArray takeLine()
    {
        QElapsedTimer t;
        t.start();
        while (!m_buffer.contains("\r\n") && t.elapsed() < 5000) {
            m_socket.waitForReadyRead(100);
            m_buffer += m_socket.readAll();
        }
        const qsizetype end = m_buffer.indexOf("\r\n");
        if (end < 0)
            return {};
        QByteArray line = m_buffer.left(end);
        m_buffer.remove(0, end + 2);
        return line;
    }
    QTcpSocket m_socket;
    QByteArray m_buffer;
};

const QByteArray kToken = "s3cr3t-token";
const QByteArray kAuth = "Authorization: Bearer " + kToken;
const QByteArray kHost = "Host: 127.0.0.1";

} // namespace

class tst_ApiHttpServer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void refusals_data();
    void refusals();
    void passesDecodedRequest();
    void keepAliveServesSeveralRequests();
    void chunkedStreamOutlivesHandler();
    void chunkedStreamSendsHeadersBeforeAnyChunk();
    void oversizedBodyIs413();
    void readsOverTheLimitAre429();
    void writesAndWatchesHaveTheirOwnBudget();
    void loopbackHosts_data();
    void loopbackHosts();

private:
    // The server runs on its own thread: the raw client below blocks this one while it waits.
    QThread m_thread;
    FakeHandler *m_handler = nullptr;
    ApiHttpServer *m_server = nullptr;
    quint16 m_port = 0;
};

void tst_ApiHttpServer::init()
{
    m_handler = new FakeHandler;
    m_server = new ApiHttpServer(kToken, m_handler);
    m_port = m_server->listenOnLoopback(0);
    QVERIFY(m_port != 0);
    m_server->moveToThread(&m_thread);
    m_thread.start();
}

void tst_ApiHttpServer::cleanup()
{
    QMetaObject::invokeMethod(m_server, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_handler;
}

void tst_ApiHttpServer::refusals_data()
{
    QTest::addColumn<QList<QByteArray>>("headers");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("reason");
    QTest::newRow("no-token") << QList<QByteArray>{kHost} << 401 << u"Unauthorized"_qs;
    QTest::newRow("wrong-token") << QList<QByteArray>{kHost, "Authorization: Bearer nope"} << 401 << u"Unauthorized"_qs;
    QTest::newRow("token-prefix-only") << QList<QByteArray>{kHost, "Authorization: Bearer s3cr3t"} << 401 << u"Unauthorized"_qs;
    QTest::newRow("basic-auth") << QList<QByteArray>{kHost, "Authorization: Basic czNjcjN0LXRva2Vu"} << 401 << u"Unauthorized"_qs;
    QTest::newRow("foreign-host") << QList<QByteArray>{"Host: evil.example.com", kAuth} << 403 << u"Forbidden"_qs;
    QTest::newRow("rebinding-host") << QList<QByteArray>{"Host: 127.0.0.1.evil.example.com", kAuth} << 403 << u"Forbidden"_qs;
    QTest::newRow("browser-origin") << QList<QByteArray>{kHost, kAuth, "Origin: http://localhost:3000"} << 403 << u"Forbidden"_qs;
}

void tst_ApiHttpServer::refusals()
{
    QFETCH(QList<QByteArray>, headers);
    QFETCH(int, status);
    QFETCH(QString, reason);
    RawClient client(m_port);
    const HttpReply reply = client.request("GET", "/api/v1/pods", headers);
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.json().value(u"kind").toString(), u"Status"_qs);
    QCOMPARE(reply.json().value(u"reason").toString(), reason);
    QCOMPARE(reply.json().value(u"code").toInt(), status);
    QCOMPARE(m_handler->calls, 0);
}

void tst_ApiHttpServer::passesDecodedRequest()
{
    RawClient client(m_port);
    const HttpReply reply = client.request("GET", "/api/v1/namespaces/demo/pods?limit=500", {kHost, kAuth});
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"verb").toString(), u"list"_qs);
    QCOMPARE(reply.json().value(u"resource").toString(), u"pods"_qs);
    QCOMPARE(reply.json().value(u"namespace").toString(), u"demo"_qs);
    QCOMPARE(m_handler->calls, 1);
}

void tst_ApiHttpServer::keepAliveServesSeveralRequests()
{
    RawClient client(m_port);
    for (int i = 0; i < 5; ++i) {
        const HttpReply reply = client.request("GET", "/api/v1/pods", {"Host: localhost:6443", kAuth});
        QCOMPARE(reply.status, 200);
    }
    QVERIFY(client.isConnected());
    QCOMPARE(m_handler->calls, 5);
}

void tst_ApiHttpServer::chunkedStreamOutlivesHandler()
{
    RawClient client(m_port);
    const HttpReply stream = client.request("GET", "/stream", {kHost, kAuth});
    QCOMPARE(stream.status, 200);
    QCOMPARE(stream.body, QByteArray("{\"n\":1}\n{\"n\":2}\n{\"n\":3}\n"));
    // The connection is still usable after the stream ended.
    const HttpReply next = client.request("GET", "/api/v1/pods", {kHost, kAuth});
    QCOMPARE(next.status, 200);
}

void tst_ApiHttpServer::chunkedStreamSendsHeadersBeforeAnyChunk()
{
    // client-go's Watch() returns only once the headers arrived: a watch with no events yet
    // must not leave the client waiting for them (bench_watch hung on exactly this). The watch
    // handler asks for them at once; other streams (pod logs) send them with the first chunk.
    RawClient client(m_port);
    client.send("GET", "/quiet", {kHost, kAuth});
    const HttpReply head = client.readHead(2000);
    QCOMPARE(head.status, 200);
    QVERIFY(head.headers.toLower().contains("transfer-encoding: chunked"));
}

void tst_ApiHttpServer::oversizedBodyIs413()
{
    RawClient client(m_port);
    const QByteArray body(ApiHttpServer::kMaxRequestBodyBytes + 1, 'x');
    const HttpReply reply = client.request("POST", "/api/v1/namespaces/demo/configmaps", {kHost, kAuth}, body);
    QCOMPARE(reply.status, 413);
    QCOMPARE(reply.json().value(u"reason").toString(), u"RequestEntityTooLarge"_qs);
    QCOMPARE(m_handler->calls, 0);
}

// Waits (on the test thread) until the server has started n slow requests.
static bool waitForSlow(const FakeHandler &handler, int n)
{
    QElapsedTimer t;
    t.start();
    while (handler.slowStarted < n && t.elapsed() < 5000)
        QThread::msleep(5); // the server's own thread does the work; nothing to pump here
    return handler.slowStarted >= n;
}

void tst_ApiHttpServer::readsOverTheLimitAre429()
{
    QMetaObject::invokeMethod(m_server, [this] { m_server->setMaxInFlight(1, 1); }, Qt::BlockingQueuedConnection);
    RawClient slow(m_port);
    slow.send("GET", "/api/v1/namespaces/demo/pods/slow", {kHost, kAuth});
    QVERIFY(waitForSlow(*m_handler, 1));

    RawClient second(m_port);
    const HttpReply refused = second.request("GET", "/api/v1/namespaces/demo/pods", {kHost, kAuth});
    QCOMPARE(refused.status, 429);
    QVERIFY2(refused.headers.contains("Retry-After: 1\n"), refused.headers.constData());
    const QJsonObject status = refused.json();
    QCOMPARE(status.value(u"kind").toString(), u"Status"_qs);
    QCOMPARE(status.value(u"reason").toString(), u"TooManyRequests"_qs);
    QCOMPARE(status.value(u"code").toInt(), 429);
    QCOMPARE(status.value(u"message").toString(), u"Too many requests, please try again later."_qs);
    QCOMPARE(status.value(u"details").toObject().value(u"retryAfterSeconds").toInt(), 1);

    QCOMPARE(slow.readReply().status, 200);
    // The slot is free again.
    QCOMPARE(second.request("GET", "/api/v1/namespaces/demo/pods", {kHost, kAuth}).status, 200);
    QCOMPARE(m_handler->calls, 2);
}

void tst_ApiHttpServer::writesAndWatchesHaveTheirOwnBudget()
{
    QMetaObject::invokeMethod(m_server, [this] { m_server->setMaxInFlight(1, 1); }, Qt::BlockingQueuedConnection);
    RawClient slow(m_port);
    slow.send("GET", "/api/v1/namespaces/demo/pods/slow", {kHost, kAuth});
    QVERIFY(waitForSlow(*m_handler, 1));

    // A write is counted against the mutating limit, a watch against none.
    RawClient writer(m_port);
    QCOMPARE(writer.request("POST", "/api/v1/namespaces/demo/configmaps", {kHost, kAuth}, "{}").status, 200);
    RawClient watcher(m_port);
    const HttpReply watch = watcher.request("GET", "/api/v1/namespaces/demo/pods?watch=1", {kHost, kAuth});
    QCOMPARE(watch.status, 200);
    QCOMPARE(watch.json().value(u"verb").toString(), u"watch"_qs);

    // A slow write holds the only mutating slot: the next write is refused, reads are not.
    RawClient slowWriter(m_port);
    slowWriter.send("PUT", "/api/v1/namespaces/demo/configmaps/slow", {kHost, kAuth}, "{}");
    QVERIFY(waitForSlow(*m_handler, 2));
    QCOMPARE(writer.request("POST", "/api/v1/namespaces/demo/configmaps", {kHost, kAuth}, "{}").status, 429);
    QCOMPARE(slow.readReply().status, 200);
    QCOMPARE(slowWriter.readReply().status, 200);
}

void tst_ApiHttpServer::loopbackHosts_data()
{
    QTest::addColumn<QByteArray>("host");
    QTest::addColumn<bool>("loopback");
    QTest::newRow("ipv4") << QByteArray("127.0.0.1") << true;
    QTest::newRow("ipv4-port") << QByteArray("127.0.0.1:6443") << true;
    QTest::newRow("localhost") << QByteArray("localhost") << true;
    QTest::newRow("localhost-caps-port") << QByteArray("LocalHost:80") << true;
    QTest::newRow("ipv6") << QByteArray("[::1]:6443") << true;
    QTest::newRow("ipv6-other") << QByteArray("[::2]:6443") << false;
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("lan") << QByteArray("192.168.1.5") << false;
    QTest::newRow("suffix-trick") << QByteArray("localhost.evil.com") << false;
}

void tst_ApiHttpServer::loopbackHosts()
{
    QFETCH(QByteArray, host);
    QFETCH(bool, loopback);
    QCOMPARE(ApiHttpServer::isLoopbackHost(host), loopback);
}

QTEST_GUILESS_MAIN(tst_ApiHttpServer)
#include "tst_apihttpserver.moc"
