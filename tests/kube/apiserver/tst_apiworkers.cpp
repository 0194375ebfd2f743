// ApiHttpServer's worker threads, with a fake handler whose writes block until the test lets
// them go: writes from several connections run at the same time; one connection's answers stay
// in request order when it pipelines; a client that leaves before its answer costs nothing but
// the answer; the in-flight slot is held until the answer; the server can be destroyed with
// work on its workers.
#include "kube/apiserver/apihttpserver.h"
#include "kube/apiserver/apirequest.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QSemaphore>
#include <QTcpSocket>
#include <QTest>

#include "tests/support/httpreply.h"
#include <QThread>
#include <QWaitCondition>

#include <atomic>

using namespace kube;

namespace {

// Writes (POST/PUT/DELETE) go to the workers; a write whose path ends in /held waits there
// until release() — or, with "/together/<n>", until n writes are inside handle() at once.
class BlockingHandler : public RequestHandler
{
public:
    bool runsOnWorker(const ApiRequest &request) const override { return request.method != "GET"; }

    void handle(const ApiRequest &request, ApiResponder &responder) override
    {
        const bool onServerThread = QThread::currentThread() == serverThread.load();
        const int inside = ++m_inside;
        int peak = m_peak.load();
        while (inside > peak && !m_peak.compare_exchange_weak(peak, inside)) {
        }
        if (request.path.endsWith(u"/held")) {
            ++held;
            m_gate.acquire();
        }
        if (request.path.contains(u"/together/")) {
            const int n = request.path.section(u'/', -1).toInt();
            QElapsedTimer t;
            t.start();
            while (m_inside.load() < n && !m_leaveTogether && t.elapsed() < 3000)
                QThread::msleep(2);
            m_leaveTogether = true; // once n were seen, nobody waits again
        }
        --m_inside;
        ++handled;
        const QJsonObject o{{u"path"_qs, request.path}, {u"serverThread"_qs, onServerThread}, {u"peak"_qs, m_peak.load()}};
        responder.respondJson(200, QJsonDocument(o).toJson(QJsonDocument::Compact));
    }
    void afterWorker(const ApiRequest &request) override
    {
        if (QThread::currentThread() == serverThread.load())
            afterOnServerThread.append(request.path);
    }
    void release(int n) { m_gate.release(n); }

    std::atomic<QThread *> serverThread = nullptr;
    std::atomic<int> held = 0;
    std::atomic<int> handled = 0;
    QStringList afterOnServerThread; // the server's thread only; read once it is stopped

private:
    QSemaphore m_gate;
    std::atomic<int> m_inside = 0;
    std::atomic<int> m_peak = 0;
    std::atomic<bool> m_leaveTogether = false;
};

using Reply = HttpReply;

// Plain HTTP/1.1 over TCP, blocking, Content-Length bodies only (all the fake handler sends).
class Client
{
public:
    explicit Client(quint16 port)
    {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        m_socket.waitForConnected(2000);
    }
    void send(const QByteArray &method, const QByteArray &path, const QByteArray &body = "{}")
    {
        m_socket.write(request(method, path, body));
        m_socket.waitForBytesWritten(2000);
    }
    static QByteArray request(const QByteArray &method, const QByteArray &path, const QByteArray &body = "{}")
    {
        return method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer t0ken\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    }
    void writeRaw(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        m_socket.waitForBytesWritten(2000);
    }
    Reply read(int timeoutMs = 5000)
    {
        Reply r;
        QElapsedTimer t;
        t.start();
        for (;;) {
            if (auto reply = takeHttpReply(m_buffer))
                return *reply;
            if (t.elapsed() > timeoutMs)
                return r;
            m_socket.waitForReadyRead(20);
            m_buffer += m_socket.readAll();
        }
    }
    void close()
    {
        m_socket.disconnectFromHost();
        if (m_socket.state() != QAbstractSocket::UnconnectedState)
            m_socket.waitForDisconnected(2000);
    }

private:
    QTcpSocket m_socket;
    QByteArray m_buffer;
};

bool waitUntil(const std::function<bool()> &done, int timeoutMs = 5000)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QThread::msleep(5);
    }
    return true;
}

} // namespace

class tst_ApiWorkers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void writesFromSeveralConnectionsRunTogether();
    void readsStayOnTheServerThread();
    void pipelinedAnswersKeepRequestOrder();
    void clientGoneBeforeAnswer();
    void inFlightSlotHeldUntilAnswer();
    void destroyedWithWorkInFlight();
    void noWorkersServesOnTheServerThread();

private:
    template<typename F>
    auto onServer(F f)
    {
        decltype(f()) result{};
        QMetaObject::invokeMethod(m_server, [&] { result = f(); }, Qt::BlockingQueuedConnection);
        return result;
    }
    QThread m_thread;
    BlockingHandler *m_handler = nullptr;
    ApiHttpServer *m_server = nullptr;
    quint16 m_port = 0;
};

void tst_ApiWorkers::init()
{
    m_handler = new BlockingHandler;
    m_handler->serverThread = &m_thread;
    m_server = new ApiHttpServer("t0ken", m_handler);
    m_port = m_server->listenOnLoopback(0);
    QVERIFY(m_port != 0);
    m_server->moveToThread(&m_thread);
    m_thread.start();
}

void tst_ApiWorkers::cleanup()
{
    if (m_server)
        QMetaObject::invokeMethod(m_server, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
    m_server = nullptr;
    m_thread.quit();
    m_thread.wait();
    delete m_handler;
}

void tst_ApiWorkers::writesFromSeveralConnectionsRunTogether()
{
    // Four writes that each wait until four are inside the handler: on one thread the first
    // would give up after 3 s alone (peak 1); on workers they meet at once.
    constexpr int n = 4;
    std::vector<std::unique_ptr<Client>> clients;
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < n; ++i) {
        clients.push_back(std::make_unique<Client>(m_port));
        clients.back()->send("POST", "/api/v1/namespaces/demo/configmaps/together/" + QByteArray::number(n));
    }
    for (auto &c : clients) {
        const Reply r = c->read();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(u"serverThread").toBool(), false);
        QCOMPARE(r.json().value(u"peak").toInt(), n);
    }
    QVERIFY2(t.elapsed() < 2500, qPrintable(QString::number(t.elapsed())));
    QCOMPARE(onServer([this] { return m_server->requestsOnWorkers(); }), 0);
    QCOMPARE(onServer([this] { return m_server->inFlight().inFlight(); }), 0);
    // afterWorker ran for each, on the server's thread.
    QCOMPARE(onServer([this] { return m_handler->afterOnServerThread.size(); }), qsizetype(n));
}

void tst_ApiWorkers::readsStayOnTheServerThread()
{
    Client c(m_port);
    c.send("GET", "/api/v1/namespaces/demo/configmaps/x");
    const Reply r = c.read();
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"serverThread").toBool(), true);
    QCOMPARE(onServer([this] { return m_handler->afterOnServerThread.size(); }), qsizetype(0));
}

void tst_ApiWorkers::pipelinedAnswersKeepRequestOrder()
{
    // A write that waits on a worker, then a read and a second write sent behind it on the same
    // connection before any answer. The read would be answered at once on the server's thread;
    // HTTP/1.1 wants the answers in request order.
    Client c(m_port);
    c.writeRaw(Client::request("PUT", "/api/v1/namespaces/demo/configmaps/held") + Client::request("GET", "/api/v1/namespaces/demo/configmaps/a")
               + Client::request("DELETE", "/api/v1/namespaces/demo/configmaps/b"));
    QVERIFY(waitUntil([this] { return m_handler->held.load() == 1; }));
    QTest::qWait(200);
    // Nothing may have been answered, and the requests behind the held one were not handled.
    QCOMPARE(c.read(100).status, 0);
    QCOMPARE(m_handler->handled.load(), 0);
    m_handler->release(1);
    const Reply first = c.read();
    const Reply second = c.read();
    const Reply third = c.read();
    QCOMPARE(first.json().value(u"path").toString(), u"/api/v1/namespaces/demo/configmaps/held"_qs);
    QCOMPARE(second.json().value(u"path").toString(), u"/api/v1/namespaces/demo/configmaps/a"_qs);
    QCOMPARE(second.json().value(u"serverThread").toBool(), true);
    QCOMPARE(third.json().value(u"path").toString(), u"/api/v1/namespaces/demo/configmaps/b"_qs);
    QCOMPARE(third.json().value(u"serverThread").toBool(), false);
    // The connection is still good for more.
    c.send("GET", "/api/v1/namespaces/demo/configmaps/c");
    QCOMPARE(c.read().status, 200);
}

void tst_ApiWorkers::clientGoneBeforeAnswer()
{
    {
        Client c(m_port);
        // A held write with a read pipelined behind it; the client leaves before either answer.
        c.writeRaw(Client::request("POST", "/api/v1/namespaces/demo/configmaps/held")
                   + Client::request("GET", "/api/v1/namespaces/demo/configmaps/after"));
        QVERIFY(waitUntil([this] { return m_handler->held.load() == 1; }));
        c.close();
    }
    QTest::qWait(100); // the server sees the disconnect and deletes the socket
    m_handler->release(1);
    // The write completed; its answer had nowhere to go, and the read behind it was dropped.
    QVERIFY(waitUntil([this] { return onServer([this] { return m_server->requestsOnWorkers(); }) == 0; }));
    QCOMPARE(m_handler->handled.load(), 1);
    QCOMPARE(onServer([this] { return m_server->inFlight().inFlight(); }), 0);
    QCOMPARE(onServer([this] { return m_handler->afterOnServerThread.size(); }), qsizetype(1));
    // The server goes on serving.
    Client next(m_port);
    next.send("POST", "/api/v1/namespaces/demo/configmaps");
    QCOMPARE(next.read().status, 200);
}

void tst_ApiWorkers::inFlightSlotHeldUntilAnswer()
{
    QMetaObject::invokeMethod(m_server, [this] { m_server->setMaxInFlight(0, 1); }, Qt::BlockingQueuedConnection);
    Client held(m_port);
    held.send("POST", "/api/v1/namespaces/demo/configmaps/held");
    QVERIFY(waitUntil([this] { return m_handler->held.load() == 1; }));
    Client other(m_port);
    other.send("POST", "/api/v1/namespaces/demo/configmaps");
    QCOMPARE(other.read().status, 429);
    m_handler->release(1);
    QCOMPARE(held.read().status, 200);
    other.send("POST", "/api/v1/namespaces/demo/configmaps");
    QCOMPARE(other.read().status, 200);
}

void tst_ApiWorkers::destroyedWithWorkInFlight()
{
    Client c(m_port);
    c.send("POST", "/api/v1/namespaces/demo/configmaps/held");
    QVERIFY(waitUntil([this] { return m_handler->held.load() == 1; }));
    // Destroying the server waits for the worker; let it go a little later from here.
    std::atomic<bool> destroyed = false;
    QMetaObject::invokeMethod(m_server, [server = m_server, &destroyed] {
        delete server;
        destroyed = true;
    }, Qt::QueuedConnection);
    m_server = nullptr;
    QTest::qWait(100);
    QVERIFY(!destroyed.load()); // still waiting for the held write
    m_handler->release(1);
    QVERIFY(waitUntil([&] { return destroyed.load(); }));
    QCOMPARE(m_handler->handled.load(), 1);
    // Its answer was dropped with the server: the connection just ends.
    QCOMPARE(c.read(300).status, 0);
}

void tst_ApiWorkers::noWorkersServesOnTheServerThread()
{
    QMetaObject::invokeMethod(m_server, [this] { m_server->setWorkerThreads(0); }, Qt::BlockingQueuedConnection);
    Client c(m_port);
    c.send("POST", "/api/v1/namespaces/demo/configmaps");
    const Reply r = c.read();
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"serverThread").toBool(), true);
}

QTEST_GUILESS_MAIN(tst_ApiWorkers)
#include "tst_apiworkers.moc"
