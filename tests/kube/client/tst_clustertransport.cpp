// ClusterTransport against scripted local servers: retries, errors as Status values, auth
// headers, secrets kept out of errors, connection reuse, timeouts and client certificates.
#include "fakehttpserver.h"

#include "kube/client/clustertransport.h"
#include "kube/cluster/servingcertificates.h"

#include "kube/api/clock.h"

#include <QEventLoop>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace kube;

namespace {

// Records every wait the transport asks for and runs it at once: no test sleeps for back-offs.
struct RecordedWaits {
    QList<qint64> delays;
    TransportOptions options()
    {
        TransportOptions o;
        o.wait = [this](QObject *context, qint64 ms, std::function<void()> fn) {
            delays.append(ms);
            QTimer::singleShot(0, context, std::move(fn));
        };
        return o;
    }
};

std::optional<Expected<HttpResponse>> sendAndWait(ClusterTransport &t, HttpRequest r, int timeoutMs = 10000)
{
    std::optional<Expected<HttpResponse>> result;
    QEventLoop loop;
    t.send(std::move(r), [&](Expected<HttpResponse> response) {
        result.emplace(std::move(response));
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (!result)
        loop.exec();
    return result;
}

HttpRequest get(const QByteArray &target)
{
    HttpRequest r;
    r.target = target;
    return r;
}

RestConfig configFor(const QString &url)
{
    RestConfig c;
    c.server = QUrl(url);
    return c;
}

} // namespace

class tst_ClusterTransport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void retriesAfterRetryAfter_data();
    void retriesAfterRetryAfter();
    void errorBodiesBecomeStatus_data();
    void errorBodiesBecomeStatus();
    void authHeaders_data();
    void authHeaders();
    void secretsNeverInErrors();
    void reusesKeepAliveConnections();
    void chunkedBody();
    void requestTimeout();
    void connectionRefused();
    void credentialSourceErrorIsReturned();
    void presentsClientCertificate();
};

void tst_ClusterTransport::retriesAfterRetryAfter_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<int>("code");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<int>("expectedCode");
    QTest::addColumn<int>("expectedRequests");
    QTest::addColumn<qint64>("expectedDelay");

    QTest::newRow("429-get-retried-after-3s") << QByteArray("GET") << 429 << QByteArray("3") << 200 << 2 << qint64(3000);
    QTest::newRow("429-post-retried-too") << QByteArray("POST") << 429 << QByteArray("1") << 200 << 2 << qint64(1000);
    QTest::newRow("429-without-retry-after-waits-1s") << QByteArray("GET") << 429 << QByteArray() << 200 << 2 << qint64(1000);
    QTest::newRow("503-get-retried") << QByteArray("GET") << 503 << QByteArray("2") << 200 << 2 << qint64(2000);
    QTest::newRow("503-post-not-retried") << QByteArray("POST") << 503 << QByteArray("2") << 503 << 1 << qint64(-1);
    QTest::newRow("500-without-retry-after-not-retried") << QByteArray("GET") << 500 << QByteArray() << 500 << 1 << qint64(-1);
}

void tst_ClusterTransport::retriesAfterRetryAfter()
{
    QFETCH(QByteArray, method);
    QFETCH(int, code);
    QFETCH(QByteArray, retryAfter);
    QFETCH(int, expectedCode);
    QFETCH(int, expectedRequests);
    QFETCH(qint64, expectedDelay);

    FakeHttpServer server;
    server.handler = [&](const FakeHttpServer::Request &, QTcpSocket *) {
        if (server.requests.size() == 1)
            return FakeHttpServer::response(code, "busy", retryAfter.isEmpty() ? QByteArray() : "Retry-After: " + retryAfter + "\r\n");
        return FakeHttpServer::response(200, "{\"ok\":true}");
    };
    RecordedWaits waits;
    ClusterTransport transport(configFor(server.url()), Clock::system(), waits.options());
    HttpRequest r = get("/api/v1/pods");
    r.method = method;
    auto result = sendAndWait(transport, r);
    QVERIFY(result);
    QCOMPARE(result->ok() ? 200 : result->error().code(), expectedCode);
    QCOMPARE(server.requests.size(), expectedRequests);
    if (expectedDelay >= 0)
        QVERIFY2(waits.delays.contains(expectedDelay), qPrintable(QString::number(waits.delays.value(1))));
    else
        QVERIFY(!waits.delays.contains(2000));
}

void tst_ClusterTransport::errorBodiesBecomeStatus_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("messageContains");

    QTest::newRow("status-body-kept") << 409 << QByteArray(R"({"kind":"Status","apiVersion":"v1","status":"Failure","message":"the object has been modified","reason":"Conflict","code":409})")
                                      << u"Conflict"_qs << u"has been modified"_qs;
    QTest::newRow("html-404") << 404 << QByteArray("<html>nope</html>") << u"NotFound"_qs << u"could not find the requested resource"_qs;
    QTest::newRow("text-500-with-excerpt") << 500 << QByteArray("boom") << u"InternalError"_qs << u"boom"_qs;
    QTest::newRow("empty-403") << 403 << QByteArray() << u"Forbidden"_qs << u"does not allow access"_qs;
}

void tst_ClusterTransport::errorBodiesBecomeStatus()
{
    QFETCH(int, code);
    QFETCH(QByteArray, body);
    QFETCH(QString, reason);
    QFETCH(QString, messageContains);
    FakeHttpServer server;
    server.handler = [&](const FakeHttpServer::Request &, QTcpSocket *) { return FakeHttpServer::response(code, body); };
    ClusterTransport transport(configFor(server.url()));
    auto result = sendAndWait(transport, get("/x"));
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().code(), code);
    QCOMPARE(result->error().reason(), reason);
    QVERIFY2(result->error().message().contains(messageContains), qPrintable(result->error().message()));
}

void tst_ClusterTransport::authHeaders_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<QByteArray>("authorization");

    QTest::newRow("bearer") << QByteArray("tok-123") << QString() << QByteArray() << QByteArray("Bearer tok-123");
    QTest::newRow("basic") << QByteArray() << u"alice"_qs << QByteArray("s3cret") << QByteArray("Basic " + QByteArray("alice:s3cret").toBase64());
    QTest::newRow("none") << QByteArray() << QString() << QByteArray() << QByteArray();
}

void tst_ClusterTransport::authHeaders()
{
    QFETCH(QByteArray, token);
    QFETCH(QString, user);
    QFETCH(QByteArray, password);
    QFETCH(QByteArray, authorization);
    FakeHttpServer server;
    server.handler = [](const FakeHttpServer::Request &, QTcpSocket *) { return FakeHttpServer::response(200, "{}"); };
    RestConfig config = configFor(server.url() + u"/prefix/"_qs);
    config.bearerToken = token;
    config.username = user;
    config.password = password;
    config.impersonateUser = u"bob"_qs;
    config.impersonateGroups = {u"devs"_qs, u"ops"_qs};
    config.userAgent = u"tst/1"_qs;
    ClusterTransport transport(config);
    auto result = sendAndWait(transport, get("/api?x=1"));
    QVERIFY(result && result->ok());
    const auto &r = server.requests.first();
    QCOMPARE(r.target, QByteArray("/prefix/api?x=1"));
    QCOMPARE(r.header("Authorization"), authorization);
    QCOMPARE(r.header("Impersonate-User"), QByteArray("bob"));
    QCOMPARE(r.head.count("Impersonate-Group: "), 2);
    QCOMPARE(r.header("User-Agent"), QByteArray("tst/1"));
    QVERIFY(r.header("Host").startsWith("127.0.0.1:"));
}

void tst_ClusterTransport::secretsNeverInErrors()
{
    // A hostile or buggy server echoing the Authorization header must not leak it to the UI.
    FakeHttpServer server;
    server.handler = [](const FakeHttpServer::Request &r, QTcpSocket *) {
        const QByteArray auth = r.header("Authorization");
        return FakeHttpServer::response(401, R"({"kind":"Status","code":401,"reason":"Unauthorized","message":"bad )" + auth + R"("})");
    };
    RestConfig config = configFor(server.url());
    config.bearerToken = "very-secret-token";
    ClusterTransport transport(config);
    auto result = sendAndWait(transport, get("/api"));
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().code(), 401);
    QVERIFY(!result->error().message().contains(u"very-secret-token"_qs));
}

void tst_ClusterTransport::reusesKeepAliveConnections()
{
    FakeHttpServer server;
    server.handler = [](const FakeHttpServer::Request &, QTcpSocket *) { return FakeHttpServer::response(200, "{}"); };
    ClusterTransport transport(configFor(server.url()));
    for (int i = 0; i < 3; ++i) {
        auto result = sendAndWait(transport, get("/a"));
        QVERIFY(result && result->ok());
    }
    QCOMPARE(server.connections, 1);
    QCOMPARE(server.requests.size(), 3);

    // Concurrent requests open more connections, never more than the pool's bound.
    TransportOptions options;
    options.maxConnections = 2;
    ClusterTransport bounded(configFor(server.url()), Clock::system(), options);
    int done = 0;
    QList<QTcpSocket *> held;
    server.handler = [&](const FakeHttpServer::Request &, QTcpSocket *s) {
        held.append(s);
        return QByteArray(); // answer later
    };
    for (int i = 0; i < 4; ++i)
        bounded.send(get("/b"), [&](Expected<HttpResponse> r) { done += r.ok(); });
    QTRY_COMPARE(held.size(), 2);
    QCOMPARE(bounded.pooledConnectionCount(), 2);
    server.handler = [&](const FakeHttpServer::Request &, QTcpSocket *) { return FakeHttpServer::response(200, "{}"); };
    for (QTcpSocket *s : held)
        s->write(FakeHttpServer::response(200, "{}"));
    QTRY_COMPARE(done, 4);
    QVERIFY(bounded.pooledConnectionCount() <= 2);
}

void tst_ClusterTransport::chunkedBody()
{
    FakeHttpServer server;
    server.handler = [](const FakeHttpServer::Request &, QTcpSocket *) {
        return QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\n\r\n");
    };
    ClusterTransport transport(configFor(server.url()));
    auto result = sendAndWait(transport, get("/c"));
    QVERIFY(result && result->ok());
    QCOMPARE(result->value().body, QByteArray("hello world"));
}

void tst_ClusterTransport::requestTimeout()
{
    FakeHttpServer server;
    server.handler = [](const FakeHttpServer::Request &, QTcpSocket *) { return QByteArray(); }; // never answers
    RestConfig config = configFor(server.url());
    config.requestTimeoutMs = 200;
    ClusterTransport transport(config);
    auto result = sendAndWait(transport, get("/slow"));
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().reason(), u"Timeout"_qs);
    QVERIFY(result->error().message().contains(u"200 ms"_qs));
}

void tst_ClusterTransport::connectionRefused()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost);
    const quint16 port = probe.serverPort();
    probe.close();
    ClusterTransport transport(configFor(u"http://127.0.0.1:%1"_qs.arg(port)));
    auto result = sendAndWait(transport, get("/x"));
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().code(), 0);
    QVERIFY2(result->error().message().contains(u"refused"_qs), qPrintable(result->error().message()));
}

namespace {
struct FailingSource : CredentialSource {
    Expected<Credential> credential(bool) override { return Status(0, QString(), u"exec plugin needs approval"_qs); }
    QString describe() const override { return u"fake"_qs; }
};
} // namespace

void tst_ClusterTransport::credentialSourceErrorIsReturned()
{
    FakeHttpServer server;
    RestConfig config = configFor(server.url());
    config.credentialSource = std::make_shared<FailingSource>();
    ClusterTransport transport(config);
    auto result = sendAndWait(transport, get("/x"));
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().message(), u"exec plugin needs approval"_qs);
    QCOMPARE(server.requests.size(), 0);
}

void tst_ClusterTransport::presentsClientCertificate()
{
    // The server's identity and, separately, the client's: two generated CAs with EC keys.
    QTemporaryDir serverDir, clientDir;
    auto serverCerts = loadOrCreateServingCertificates(serverDir.path());
    auto clientCerts = loadOrCreateServingCertificates(clientDir.path());
    QVERIFY(serverCerts && clientCerts);

    QSslServer server;
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setLocalCertificate(QSslCertificate(serverCerts->certificatePem, QSsl::Pem));
    ssl.setPrivateKey(QSslKey(serverCerts->privateKeyPem, QSsl::Ec, QSsl::Pem));
    ssl.setPeerVerifyMode(QSslSocket::QueryPeer); // ask for a certificate, verify it here
    server.setSslConfiguration(ssl);
    QVERIFY(server.listen(QHostAddress::LocalHost));
    QSslCertificate presented;
    connect(&server, &QTcpServer::pendingConnectionAvailable, this, [&] {
        auto *socket = qobject_cast<QSslSocket *>(server.nextPendingConnection());
        presented = socket->peerCertificate();
        connect(socket, &QSslSocket::readyRead, socket, [socket] {
            socket->readAll();
            socket->write(FakeHttpServer::response(200, "{}"));
        });
    });

    RestConfig config = configFor(u"https://127.0.0.1:%1"_qs.arg(server.serverPort()));
    config.certificateAuthorityPem = serverCerts->caCertificatePem;
    config.clientCertificatePem = clientCerts->certificatePem;
    config.clientKeyPem = clientCerts->privateKeyPem;
    ClusterTransport transport(config);
    QVERIFY(transport.configurationError().isSuccess());
    auto result = sendAndWait(transport, get("/api"));
    QVERIFY2(result && result->ok(), result ? qPrintable(result->error().message()) : "no answer");
    QCOMPARE(presented, QSslCertificate(clientCerts->certificatePem, QSsl::Pem));
}

QTEST_GUILESS_MAIN(tst_ClusterTransport)
#include "tst_clustertransport.moc"
