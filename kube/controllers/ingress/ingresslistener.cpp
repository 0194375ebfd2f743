#include "ingresslistener.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace kube {

namespace {

constexpr qsizetype MaxHeadBytes = 16 * 1024;
constexpr int MaxConnections = 256;
constexpr int IdleTimeoutMs = 10'000;

} // namespace

IngressListener::IngressListener(Handler handler, QObject *parent)
    : QObject(parent), m_handler(std::move(handler)), m_server(new QTcpServer(this))
{
    m_server->setMaxPendingConnections(64);
    connect(m_server, &QTcpServer::newConnection, this, &IngressListener::acceptPending);
}

IngressListener::~IngressListener()
{
    m_server->close();
}

bool IngressListener::listen(quint16 port)
{
    return m_server->listen(QHostAddress::LocalHost, port);
}

QString IngressListener::errorString() const
{
    return m_server->errorString();
}

quint16 IngressListener::port() const
{
    return m_server->serverPort();
}

std::optional<IngressRequest> IngressListener::parseHead(const QByteArray &head)
{
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> parts = lines.value(0).trimmed().split(' ');
    if (parts.size() != 3 || !parts.at(2).startsWith("HTTP/1.") || !parts.at(1).startsWith('/'))
        return std::nullopt;
    IngressRequest request{{parts.at(0), QString::fromUtf8(parts.at(1))}, {}};
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

void IngressListener::acceptPending()
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

void IngressListener::readRequest(QTcpSocket *socket)
{
    if (socket->property("answered").toBool()) {
        socket->readAll(); // a body or a pipelined request: we close after the first answer
        return;
    }
    const QByteArray buffered = socket->peek(MaxHeadBytes + 4);
    const qsizetype end = buffered.indexOf("\r\n\r\n");
    if (end < 0) {
        if (buffered.size() > MaxHeadBytes)
            respond(socket, ProxyReply{431, "request head too large\n", {}}, false);
        return;
    }
    socket->read(end + 4);
    const std::optional<IngressRequest> request = parseHead(buffered.left(end));
    if (!request) {
        respond(socket, ProxyReply{400, "malformed request\n", {}}, false);
        return;
    }
    respond(socket, m_handler(*request), request->request.method == "HEAD");
}

void IngressListener::respond(QTcpSocket *socket, const ProxyReply &reply, bool head)
{
    socket->setProperty("answered", true);
    socket->write(ServiceProxyListener::render(reply, head));
    socket->disconnectFromHost(); // flushes first, then closes
}

} // namespace kube
