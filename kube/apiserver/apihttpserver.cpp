#include "apihttpserver.h"

#include "apirequest.h"
#include "kube/api/status.h"

#include <QHostAddress>
#include <QHttpServerRequest>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTcpSocket>

namespace kube {

namespace {

bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    unsigned char diff = a.size() == b.size() ? 0 : 1;
    const qsizetype n = qMin(a.size(), b.size());
    for (qsizetype i = 0; i < n; ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

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
}

ApiHttpServer::~ApiHttpServer() = default;

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
    ApiResponder responder(socket);

    if (!isLoopbackHost(req.header("Host"))) {
        responder.respondStatus(Status(403, QString::fromLatin1(reason::Forbidden),
                                       u"forbidden: the Host header must name this machine's loopback address"_qs));
        return true;
    }
    if (!req.header("Origin").isEmpty()) {
        responder.respondStatus(Status(403, QString::fromLatin1(reason::Forbidden),
                                       u"forbidden: requests from web pages (with an Origin header) are not accepted"_qs));
        return true;
    }
    const QByteArray auth = req.header("Authorization");
    const bool bearer = auth.size() > 7 && auth.first(7).compare("Bearer ", Qt::CaseInsensitive) == 0;
    if (!bearer || !constantTimeEquals(auth.mid(7).trimmed(), m_token)) {
        responder.respondStatus(Status(401, QString::fromLatin1(reason::Unauthorized), u"Unauthorized"_qs));
        return true;
    }
    req.body = request.body();
    if (req.body.size() > kMaxRequestBodyBytes) {
        responder.respondStatus(Status(413, QString::fromLatin1(reason::RequestEntityTooLarge),
                                       u"the request body is %1 bytes, more than the limit of %2"_qs.arg(req.body.size()).arg(kMaxRequestBodyBytes)));
        return true;
    }
    QString error;
    if (!RequestInfo::parse(QString::fromLatin1(req.method), req.path, req.query, &req.info, &error)) {
        responder.respondStatus(Status::badRequest(error));
        return true;
    }
    const MaxInFlight::Slot slot = m_inFlight.acquire(req.method, req.info);
    if (!slot.isAdmitted()) {
        Status busy(429, QString::fromLatin1(reason::TooManyRequests), u"Too many requests, please try again later."_qs);
        busy.setRetryAfterSeconds(1);
        responder.respondStatus(busy);
        return true;
    }
    m_handler->handle(req, responder);
    if (!responder.hasResponded())
        responder.respondStatus(Status::internalError(u"no response for "_qs + req.path));
    return true;
}

void ApiHttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    ApiResponder(socket).respondStatus(Status(404, QString::fromLatin1(reason::NotFound),
                                              u"the server could not find the requested resource"_qs));
}

} // namespace kube
