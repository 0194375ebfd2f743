#include "apihttpserver.h"

#include "apirequest.h"
#include "kube/api/constanttime.h"
#include "kube/api/status.h"

#include <QHostAddress>
#include <QMetaObject>
#include <QHttpServerRequest>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTcpSocket>

namespace kube {

namespace {

QByteArray methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    case QHttpServerRequest::Method::Connect: return "CONNECT";
    case QHttpServerRequest::Method::Trace: return "TRACE";
    default: return "UNKNOWN";
    }
}

} // namespace

ApiHttpServer::ApiHttpServer(QByteArray bearerToken, RequestHandler *handler, QObject *parent)
    : QAbstractHttpServer(parent), m_token(std::move(bearerToken)), m_handler(handler)
{
    Q_ASSERT(!m_token.isEmpty());
    m_workers.setMaxThreadCount(kDefaultWorkers);
}

ApiHttpServer::~ApiHttpServer()
{
    // The handlers on workers finish (they only wait for the store); their answers, posted
    // to this object, are dropped with it. Slots go while m_inFlight is still alive.
    m_workers.waitForDone();
    m_onWorkers.clear();
    for (const Connection &c : std::as_const(m_connections))
        disconnect(c.onDestroyed);
    m_connections.clear();
}

void ApiHttpServer::setWorkerThreads(int count)
{
    m_workersEnabled = count > 0;
    if (count > 0)
        m_workers.setMaxThreadCount(count);
}

bool ApiHttpServer::useTls(const QByteArray &certificatePem, const QByteArray &privateKeyPem)
{
    const QSslCertificate certificate(certificatePem, QSsl::Pem);
    QSslKey key(privateKeyPem, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(privateKeyPem, QSsl::Rsa, QSsl::Pem);
    if (certificate.isNull() || key.isNull())
        return false;
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificate(certificate);
    config.setPrivateKey(key);
    config.setProtocol(QSsl::TlsV1_2OrLater);
    config.setPeerVerifyMode(QSslSocket::VerifyNone);
    config.setAllowedNextProtocols({QByteArrayLiteral("http/1.1")}); // no HTTP/2: Qt 6.4 serves HTTP/1.1 only
    sslSetup(config);
    m_tls = true;
    return true;
}

quint16 ApiHttpServer::listenOnLoopback(quint16 port)
{
    return listen(QHostAddress::LocalHost, port);
}

bool ApiHttpServer::isLoopbackHost(QByteArrayView hostHeader)
{
    QByteArrayView host = hostHeader;
    if (host.startsWith('[')) {
        const qsizetype close = host.indexOf(']');
        if (close < 0)
            return false;
        host = host.sliced(1, close - 1);
        return host == "::1";
    }
    const qsizetype colon = host.lastIndexOf(':');
    if (colon >= 0)
        host = host.first(colon);
    return host.compare("localhost", Qt::CaseInsensitive) == 0 || host == "127.0.0.1";
}

bool ApiHttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    ApiRequest req;
    req.method = methodName(request.method());
    req.path = request.url().path(QUrl::FullyDecoded);
    req.query = request.query();
    req.headers = request.headers();
    req.body = request.body();
    if (const auto c = m_connections.find(socket); c != m_connections.end() && c->busy) {
        c->waiting.append(std::move(req)); // served after the answer ahead of it
        return true;
    }
    serve(std::move(req), socket);
    return true;
}

void ApiHttpServer::serve(ApiRequest req, QTcpSocket *socket)
{
    ApiResponder responder(socket);

    if (!isLoopbackHost(req.header("Host"))) {
        responder.respondStatus(Status(403, QString::fromLatin1(reason::Forbidden),
                                       u"forbidden: the Host header must name this machine's loopback address"_qs));
        return;
    }
    if (!req.header("Origin").isEmpty()) {
        responder.respondStatus(Status(403, QString::fromLatin1(reason::Forbidden),
                                       u"forbidden: requests from web pages (with an Origin header) are not accepted"_qs));
        return;
    }
    const QByteArray auth = req.header("Authorization");
    const bool bearer = auth.size() > 7 && auth.first(7).compare("Bearer ", Qt::CaseInsensitive) == 0;
    if (!bearer || (!equalsInConstantTime(auth.mid(7).trimmed(), m_token) && !m_handler->authenticatesToken(auth.mid(7).trimmed()))) {
        responder.respondStatus(Status(401, QString::fromLatin1(reason::Unauthorized), u"Unauthorized"_qs));
        return;
    }
    if (req.body.size() > kMaxRequestBodyBytes) {
        responder.respondStatus(Status(413, QString::fromLatin1(reason::RequestEntityTooLarge),
                                       u"the request body is %1 bytes, more than the limit of %2"_qs.arg(req.body.size()).arg(kMaxRequestBodyBytes)));
        return;
    }
    QString error;
    if (!RequestInfo::parse(QString::fromLatin1(req.method), req.path, req.query, &req.info, &error)) {
        responder.respondStatus(Status::badRequest(error));
        return;
    }
    MaxInFlight::Slot slot = m_inFlight.acquire(req.method, req.info);
    if (!slot.isAdmitted()) {
        Status busy(429, QString::fromLatin1(reason::TooManyRequests), u"Too many requests, please try again later."_qs);
        busy.setRetryAfterSeconds(1);
        responder.respondStatus(busy);
        return;
    }
    if (m_workersEnabled && m_handler->runsOnWorker(req))
        return startOnWorker(std::move(req), std::move(slot), socket);
    m_handler->handle(req, responder);
    if (!responder.hasResponded())
        responder.respondStatus(Status::internalError(u"no response for "_qs + req.path));
}

void ApiHttpServer::startOnWorker(ApiRequest request, MaxInFlight::Slot slot, QTcpSocket *socket)
{
    auto call = std::make_shared<WorkerCall>(WorkerCall{std::move(request), ApiResponder()});
    const quint64 id = m_nextCall++;
    m_onWorkers.emplace(id, OnWorker{call, std::move(slot), socket});
    auto c = m_connections.find(socket);
    if (c == m_connections.end()) {
        c = m_connections.insert(socket, Connection());
        c->onDestroyed = connect(socket, &QObject::destroyed, this, [this, socket] { m_connections.remove(socket); });
    }
    c->busy = true;
    RequestHandler *handler = m_handler;
    m_workers.start([this, handler, call = std::move(call), id]() mutable {
        handler->handle(call->request, call->responder);
        call.reset(); // the server's reference is the last: the answer is read there
        QMetaObject::invokeMethod(this, [this, id] { finishOnWorker(id); }, Qt::QueuedConnection);
    });
}

void ApiHttpServer::finishOnWorker(quint64 id)
{
    const auto it = m_onWorkers.find(id);
    if (it == m_onWorkers.end())
        return;
    QPointer<QTcpSocket> socket;
    {
        const OnWorker done = std::move(it->second);
        m_onWorkers.erase(it);
        m_handler->afterWorker(done.call->request);
        socket = done.socket;
        if (socket && socket->state() == QAbstractSocket::ConnectedState) {
            const ApiResponder::Answer &answer = done.call->responder.answer();
            if (answer.status == 0)
                ApiResponder(socket).respondStatus(Status::internalError(u"no response for "_qs + done.call->request.path));
            else
                writeHttpResponse(socket, answer.status, answer.contentType, answer.body, answer.headers);
        }
    } // the in-flight slot goes before the next request of this connection takes one
    if (socket)
        serveWaiting(socket);
}

void ApiHttpServer::serveWaiting(QTcpSocket *socket)
{
    for (;;) {
        const auto c = m_connections.find(socket);
        if (c == m_connections.end())
            return;
        c->busy = false;
        if (c->waiting.isEmpty() || socket->state() != QAbstractSocket::ConnectedState) {
            c->waiting.clear();
            return;
        }
        ApiRequest next = c->waiting.takeFirst();
        serve(std::move(next), socket);
        const auto after = m_connections.find(socket);
        if (after == m_connections.end() || after->busy)
            return; // on a worker again: its answer resumes the queue
    }
}

void ApiHttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    ApiResponder(socket).respondStatus(Status(404, QString::fromLatin1(reason::NotFound),
                                              u"the server could not find the requested resource"_qs));
}

} // namespace kube
