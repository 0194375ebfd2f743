#include "httpconnection.h"

#include "httperror.h"

#include <QSslSocket>

namespace kube {

HttpConnection::HttpConnection(std::shared_ptr<const ConnectionSettings> settings, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
{
}

HttpConnection::~HttpConnection()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

bool HttpConnection::isReusable() const
{
    return !isBusy() && m_reusable && m_ready && m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

void HttpConnection::send(QByteArray wire, HttpResponseParser::RequestMethod method, Sink sink)
{
    Q_ASSERT(!isBusy());
    m_sink = std::move(sink);
    m_parser = std::make_unique<HttpResponseParser>(method);
    // A parser dropped mid-feed keeps calling back until feed() returns: ignore it then.
    HttpResponseParser *parser = m_parser.get();
    m_parser->onHead = [this, parser](const HttpResponse &head) {
        if (parser == m_parser.get() && m_sink.head)
            m_sink.head(head);
    };
    m_parser->onBody = [this, parser](QByteArrayView body) {
        if (parser == m_parser.get() && m_sink.body)
            m_sink.body(body);
    };
    m_pendingWrite = std::move(wire);
    m_reusable = false;
    ++m_requests;
    if (!m_socket)
        connectSocket();
    else if (m_ready)
        writePending();
}

void HttpConnection::connectSocket()
{
    m_socket = new QSslSocket(this);
    m_socket->setProxy(m_settings->proxy);
    m_socket->setSslConfiguration(m_settings->ssl);
    connect(m_socket, &QSslSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QSslSocket::disconnected, this, &HttpConnection::onDisconnected);
    connect(m_socket, &QSslSocket::errorOccurred, this, &HttpConnection::onError);
    connect(m_socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        QStringList texts;
        for (const QSslError &e : errors)
            texts.append(e.errorString());
        m_sslErrors = texts.join(u"; "_qs);
    });
    auto ready = [this] {
        m_ready = true;
        writePending();
    };
    if (m_settings->tls) {
        connect(m_socket, &QSslSocket::encrypted, this, ready);
        m_socket->connectToHostEncrypted(m_settings->host, m_settings->port, m_settings->peerName);
    } else {
        connect(m_socket, &QSslSocket::connected, this, ready);
        m_socket->connectToHost(m_settings->host, m_settings->port);
    }
}

void HttpConnection::writePending()
{
    if (m_pendingWrite.isEmpty())
        return;
    m_socket->write(m_pendingWrite);
    m_pendingWrite.clear();
}

void HttpConnection::onReadyRead()
{
    const QByteArray data = m_socket->readAll();
    if (!m_parser)
        return; // bytes on an idle connection: the next request would be confused; drop it
    // Callbacks may abort() or finish (and so drop the parser) from inside feed().
    HttpResponseParser *parser = m_parser.get();
    m_feeding = true;
    const Status s = parser->feed(data);
    m_feeding = false;
    m_retired.reset();
    if (parser != m_parser.get())
        return;
    if (!s.isSuccess()) {
        finish(s);
        return;
    }
    if (m_parser->isComplete()) {
        m_reusable = m_parser->keepAlive();
        finish(Status());
    }
}

void HttpConnection::onDisconnected()
{
    m_ready = false;
    m_reusable = false;
    if (!m_parser) {
        Q_EMIT closedWhileIdle();
        return;
    }
    // Bytes may still sit unread in the socket when it reports the close.
    if (m_socket->bytesAvailable() > 0)
        onReadyRead();
    if (!m_parser)
        return;
    finish(m_parser->finishOnClose());
}

void HttpConnection::onError()
{
    const auto error = m_socket->error();
    if (error == QAbstractSocket::RemoteHostClosedError)
        return; // disconnected() follows and decides whether the response was complete
    m_ready = false;
    m_reusable = false;
    if (!m_parser) {
        Q_EMIT closedWhileIdle();
        return;
    }
    QString where = u"%1:%2"_qs.arg(m_settings->host).arg(m_settings->port);
    QString message;
    if (error == QAbstractSocket::SslHandshakeFailedError) {
        if (m_settings->peerName != m_settings->host)
            where += u" (verified as %1)"_qs.arg(m_settings->peerName);
        message = u"TLS handshake with %1 failed: %2"_qs.arg(where, m_sslErrors.isEmpty() ? m_socket->errorString() : m_sslErrors);
    } else if (error == QAbstractSocket::ConnectionRefusedError) {
        message = u"connection to %1 refused"_qs.arg(where);
    } else if (error == QAbstractSocket::HostNotFoundError) {
        message = u"host %1 not found"_qs.arg(m_settings->host);
    } else {
        message = u"connection to %1 failed: %2"_qs.arg(where, m_socket->errorString());
    }
    finish(transportError(message));
}

void HttpConnection::finish(const Status &status)
{
    Sink sink = std::move(m_sink);
    m_sink = {};
    dropParser();
    m_pendingWrite.clear();
    if (!status.isSuccess() && m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
        m_ready = false;
        m_reusable = false;
    }
    if (sink.finished)
        sink.finished(status);
}

void HttpConnection::dropParser()
{
    if (m_feeding)
        m_retired = std::move(m_parser);
    else
        m_parser.reset();
}

void HttpConnection::abort()
{
    m_sink = {};
    dropParser();
    m_pendingWrite.clear();
    m_reusable = false;
    m_ready = false;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
}

} // namespace kube
