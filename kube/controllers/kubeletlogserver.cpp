#include "kubeletlogserver.h"

#include "kube/api/clock.h"
#include "kube/api/constanttime.h"
#include "kube/kubelet/podsimulation.h"

#include <QHostAddress>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>
#include <QUrlQuery>

#include <optional>

namespace kube {

struct KubeletLogServer::Follower {
    QString key;
    QString container;
    int restartCount = 0;
    qint64 sequence = 0;
    bool timestamps = false;
    std::optional<qint64> bytesLeft; // limitBytes
};

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    default: return "Error";
    }
}

// A whole answer; the connection closes after it (one request per connection).
void writeWhole(QTcpSocket *socket, int status, const QByteArray &body)
{
    socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status)
                  + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: " + QByteArray::number(body.size())
                  + "\r\nConnection: close\r\n\r\n" + body);
    socket->disconnectFromHost();
}

void writeChunk(QTcpSocket *socket, const QByteArray &data)
{
    if (!data.isEmpty())
        socket->write(QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n");
}

bool isTrue(const QString &value)
{
    return value == u"true" || value == u"1" || value == u"True" || value == u"TRUE" || value == u"t" || value == u"T";
}

// limitBytes: cuts the text to what is left, counting down.
QByteArray takeLimited(const QString &text, std::optional<qint64> &bytesLeft)
{
    QByteArray bytes = text.toUtf8();
    if (!bytesLeft)
        return bytes;
    if (bytes.size() > *bytesLeft)
        bytes.truncate(*bytesLeft);
    *bytesLeft -= bytes.size();
    return bytes;
}

} // namespace

KubeletLogServer::KubeletLogServer(QByteArray bearerToken, SimulationLookup lookup, const Clock &clock, QObject *parent)
    : QObject(parent), m_token(std::move(bearerToken)), m_lookup(std::move(lookup)), m_clock(clock), m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &KubeletLogServer::accept);
}

KubeletLogServer::~KubeletLogServer()
{
    qDeleteAll(m_followers);
}

quint16 KubeletLogServer::listen()
{
    if (!m_server->listen(QHostAddress::LocalHost, 0))
        return 0;
    m_port = m_server->serverPort();
    return m_port;
}

void KubeletLogServer::accept()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readRequest(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            endFollower(socket);
            socket->deleteLater();
        });
    }
}

void KubeletLogServer::readRequest(QTcpSocket *socket)
{
    if (m_followers.contains(socket) || socket->property("answered").toBool()) {
        socket->readAll(); // one request per connection; ignore the rest
        return;
    }
    QByteArray head = socket->property("head").toByteArray() + socket->readAll();
    const qsizetype end = head.indexOf("\r\n\r\n");
    if (end < 0) {
        if (head.size() > kMaxRequestBytes) {
            socket->setProperty("answered", true);
            return writeWhole(socket, 400, "request head too large\n");
        }
        socket->setProperty("head", head);
        return;
    }
    socket->setProperty("answered", true);
    socket->setProperty("head", QVariant());
    serve(socket, head.first(end));
}

void KubeletLogServer::serve(QTcpSocket *socket, const QByteArray &head)
{
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    if (requestLine.size() != 3)
        return writeWhole(socket, 400, "malformed request\n");
    QByteArray auth;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.first(colon).trimmed().compare("Authorization", Qt::CaseInsensitive) == 0)
            auth = line.mid(colon + 1).trimmed();
    }
    const bool bearer = auth.size() > 7 && auth.first(7).compare("Bearer ", Qt::CaseInsensitive) == 0;
    if (!bearer || !equalsInConstantTime(auth.mid(7).trimmed(), m_token))
        return writeWhole(socket, 401, "Unauthorized\n");
    if (requestLine[0] != "GET")
        return writeWhole(socket, 405, "Method Not Allowed\n");

    const QUrl url(QString::fromLatin1(requestLine[1]));
    const QStringList parts = url.path(QUrl::FullyDecoded).split(u'/', Qt::SkipEmptyParts);
    if (parts.size() != 4 || parts[0] != u"containerLogs")
        return writeWhole(socket, 404, "404 page not found\n");
    const QString &ns = parts[1], &podName = parts[2], &containerName = parts[3];
    const QString key = ns + u'/' + podName;
    const kubelet::PodSimulation *simulation = m_lookup(key);
    if (!simulation)
        return writeWhole(socket, 404, QStringLiteral("pod \"%1\" does not exist\n").arg(podName).toUtf8());

    const QUrlQuery query(url);
    const auto param = [&](const char *name) { return query.queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded); };
    kubelet::LogQuery logQuery;
    logQuery.previous = isTrue(param("previous"));
    logQuery.timestamps = isTrue(param("timestamps"));
    const bool follow = isTrue(param("follow"));
    if (!param("tailLines").isEmpty())
        logQuery.tailLines = param("tailLines").toInt();
    if (!param("sinceSeconds").isEmpty())
        logQuery.sinceTime = m_clock.now().addSecs(-param("sinceSeconds").toLongLong());
    else if (!param("sinceTime").isEmpty())
        logQuery.sinceTime = QDateTime::fromString(param("sinceTime"), Qt::ISODateWithMs);
    std::optional<qint64> bytesLeft;
    if (!param("limitBytes").isEmpty())
        bytesLeft = std::max<qint64>(0, param("limitBytes").toLongLong());

    auto text = simulation->logs(containerName, logQuery);
    if (!text.ok())
        return writeWhole(socket, text.error().code() > 0 ? text.error().code() : 400, text.error().message().toUtf8() + '\n');
    const kubelet::ContainerSimulation *container = simulation->container(containerName);
    const bool keepFollowing = follow && !logQuery.previous && container && container->isRunning();
    if (!keepFollowing)
        return writeWhole(socket, 200, takeLimited(text.value(), bytesLeft));

    socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nTransfer-Encoding: chunked\r\n"
                  "Connection: close\r\n\r\n");
    writeChunk(socket, takeLimited(text.value(), bytesLeft));
    auto *follower = new Follower{key, containerName, container->restartCount(), container->log().endSequence(),
                                  logQuery.timestamps, bytesLeft};
    m_followers.insert(socket, follower);
    m_byPod.insert(key, socket);
    if (bytesLeft && *bytesLeft <= 0)
        endFollower(socket);
}

void KubeletLogServer::podAdvanced(const QString &key)
{
    const QList<QTcpSocket *> sockets = m_byPod.values(key);
    for (QTcpSocket *socket : sockets) {
        Follower *follower = m_followers.value(socket);
        if (!follower)
            continue;
        if (socket->bytesToWrite() > kMaxPendingBytes) {
            socket->abort(); // a reader this slow is dropped, as a watch would be
            continue;
        }
        const QByteArray data = [&] {
            QByteArray out;
            const kubelet::PodSimulation *simulation = m_lookup(key);
            const kubelet::ContainerSimulation *c = simulation ? simulation->container(follower->container) : nullptr;
            if (!c)
                return out;
            const kubelet::ContainerLog *log = &c->log();
            if (c->restartCount() != follower->restartCount) // our instance's last lines moved to "previous"
                log = c->restartCount() == follower->restartCount + 1 ? c->previousLog() : nullptr;
            if (log) {
                out = takeLimited(log->readFrom(follower->sequence, follower->timestamps), follower->bytesLeft);
                follower->sequence = log->endSequence();
            }
            return out;
        }();
        writeChunk(socket, data);
        if (!isStillFollowing(*follower))
            endFollower(socket);
    }
}

// Whether the follower goes on: its container instance still runs and bytes are left.
bool KubeletLogServer::isStillFollowing(const Follower &follower) const
{
    if (follower.bytesLeft && *follower.bytesLeft <= 0)
        return false;
    const kubelet::PodSimulation *simulation = m_lookup(follower.key);
    const kubelet::ContainerSimulation *c = simulation ? simulation->container(follower.container) : nullptr;
    return c && c->restartCount() == follower.restartCount && c->isRunning();
}

void KubeletLogServer::endFollower(QTcpSocket *socket)
{
    Follower *follower = m_followers.take(socket);
    if (!follower)
        return;
    m_byPod.remove(follower->key, socket);
    delete follower;
    if (socket->state() == QAbstractSocket::ConnectedState) {
        socket->write("0\r\n\r\n");
        socket->disconnectFromHost();
    }
}

} // namespace kube
