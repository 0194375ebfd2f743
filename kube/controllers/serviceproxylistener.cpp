#include "serviceproxylistener.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace kube {

namespace {

constexpr qsizetype MaxHeadBytes = 16 * 1024;
constexpr int MaxConnections = 256;
constexpr int IdleTimeoutMs = 10'000;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return status < 400 ? "OK" : "Error";
    }
}

} // namespace

ServiceProxyListener::ServiceProxyListener(Handler handler, QObject *parent)
    : QObject(parent), m_handler(std::move(handler)), m_server(new QTcpServer(this))
{
    m_server->setMaxPendingConnections(64);
    connect(m_server, &QTcpServer::newConnection, this, &ServiceProxyListener::acceptPending);
}

ServiceProxyListener::~ServiceProxyListener()
{
    m_server->close();
}

bool ServiceProxyListener::listen(quint16 port)
{
    return m_server->listen(QHostAddress::LocalHost, port);
}

QString ServiceProxyListener::errorString() const
{
    return m_server->errorString();
}

quint16 ServiceProxyListener::port() const
{
    return m_server->serverPort();
}

void ServiceProxyListener::acceptPending()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        if (m_open >= MaxConnections) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        ++m_open;
        auto *idle = new QTimer(socket);
        idle->setSingleShot(true);
        connect(idle, &QTimer::timeout, socket, &QTcpSocket::abort);
        idle->start(IdleTimeoutMs);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readRequest(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            --m_open;
            socket->deleteLater();
        });
        if (socket->bytesAvailable() > 0)
            readRequest(socket);
    }
}

void ServiceProxyListener::readRequest(QTcpSocket *socket)
{
    if (socket->property("answered").toBool()) {
        socket->readAll(); // a body or a pipelined request: we close after the first answer
        return;
    }
    // peek, so bytes stay buffered until the whole head arrived.
    const QByteArray buffered = socket->peek(MaxHeadBytes + 4);
    const qsizetype end = buffered.indexOf("\r\n\r\n");
    if (end < 0) {
        if (buffered.size() > MaxHeadBytes)
            respond(socket, ProxyReply{431, "request head too large\n", {}}, false);
        return;
    }
    socket->read(end + 4);
    const std::optional<ProxyRequest> request = parseHead(buffered.left(end));
    if (!request) {
        respond(socket, ProxyReply{400, "malformed request\n", {}}, false);
        return;
    }
    respond(socket, m_handler(*request), request->method == "HEAD");
}

std::optional<ProxyRequest> ServiceProxyListener::parseHead(const QByteArray &head)
{
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> parts = lines.value(0).trimmed().split(' ');
    if (parts.size() != 3 || !parts.at(2).startsWith("HTTP/1.") || !parts.at(1).startsWith('/'))
        return std::nullopt;
    ProxyRequest request{parts.at(0), QString::fromUtf8(parts.at(1)), {}};
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare("host", Qt::CaseInsensitive) == 0) {
            request.host = QString::fromUtf8(line.mid(colon + 1).trimmed());
            break;
        }
    }
    return request;
}

QByteArray ServiceProxyListener::render(const ProxyReply &reply, bool head)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(reply.status) + ' ' + reasonPhrase(reply.status) + "\r\n";
    out += "Content-Type: text/plain; charset=utf-8\r\n";
    out += "Content-Length: " + QByteArray::number(reply.body.size()) + "\r\n";
    if (!reply.servedBy.isEmpty())
        out += "X-Timonel-Served-By: " + reply.servedBy.toUtf8() + "\r\n";
    out += "Connection: close\r\n\r\n";
    if (!head)
        out += reply.body;
    return out;
}

void ServiceProxyListener::respond(QTcpSocket *socket, const ProxyReply &reply, bool head)
{
    socket->setProperty("answered", true);
    socket->write(render(reply, head));
    socket->disconnectFromHost(); // flushes first, then closes
}

} // namespace kube
