#pragma once
// TcpProxy: a byte-for-byte TCP relay on 127.0.0.1 in front of a server, for tests that need the
// network to fail the way a restarting server makes it fail: cut() resets every relayed
// connection and refuses new ones for a while, then listens again on the same port. TLS passes
// through untouched (the client still talks to the real server). Test-only, single thread,
// event-loop driven.

#include <QHostAddress>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <vector>

class TcpProxy : public QObject
{
public:
    explicit TcpProxy(quint16 targetPort) : m_target(targetPort)
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] { accept(); });
        m_server.listen(QHostAddress::LocalHost);
        m_port = m_server.serverPort();
    }
    quint16 port() const { return m_port; }
    int cuts() const { return m_cuts; }

    // Drops every relayed connection at once and refuses new ones for refuseMs.
    void cut(int refuseMs)
    {
        ++m_cuts;
        m_server.close();
        for (const Pair &p : m_pairs) {
            if (p.client)
                p.client->abort();
            if (p.upstream)
                p.upstream->abort();
        }
        m_pairs.clear();
        QTimer::singleShot(refuseMs, this, [this] { m_server.listen(QHostAddress::LocalHost, m_port); });
    }

private:
    struct Pair {
        QPointer<QTcpSocket> client, upstream;
    };

    void accept()
    {
        while (QTcpSocket *client = m_server.nextPendingConnection()) {
            auto *upstream = new QTcpSocket(this);
            client->setParent(this);
            m_pairs.push_back({client, upstream});
            const auto relay = [](QTcpSocket *from, QTcpSocket *to) {
                connect(from, &QTcpSocket::readyRead, to, [from, to] {
                    if (to->state() == QAbstractSocket::ConnectedState)
                        to->write(from->readAll());
                });
                connect(from, &QTcpSocket::disconnected, to, [to] { to->disconnectFromHost(); });
            };
            relay(client, upstream);
            relay(upstream, client);
            // Bytes the client sent before the upstream connection was up.
            connect(upstream, &QTcpSocket::connected, client, [client, upstream] { upstream->write(client->readAll()); });
            connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
            connect(upstream, &QTcpSocket::disconnected, upstream, &QObject::deleteLater);
            upstream->connectToHost(QHostAddress::LocalHost, m_target);
        }
    }

    QTcpServer m_server;
    quint16 m_target;
    quint16 m_port = 0;
    int m_cuts = 0;
    std::vector<Pair> m_pairs;
};
