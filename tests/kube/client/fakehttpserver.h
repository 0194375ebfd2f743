#pragma once
// FakeHttpServer: a tiny scripted HTTP/1.1 server for transport tests. Each request is read
// (head and Content-Length body) and answered by the handler's raw response bytes; the
// connection stays open for the next request unless the handler says otherwise. Plain TCP on
// 127.0.0.1; test-only, event-loop driven, single thread.

#include <QByteArray>
#include <QList>
#include <QTcpServer>
#include <QTcpSocket>

#include <functional>

class FakeHttpServer : public QObject
{
public:
    struct Request {
        QByteArray method, target, head, body;
        QByteArray header(QByteArrayView name) const
        {
            for (const QByteArray &line : head.split('\n')) {
                const qsizetype colon = line.indexOf(':');
                if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
                    return line.mid(colon + 1).trimmed();
            }
            return {};
        }
    };
    // Returns the raw bytes to write; the socket is passed for streaming answers.
    std::function<QByteArray(const Request &, QTcpSocket *)> handler;
    QList<Request> requests;
    int connections = 0;

    FakeHttpServer()
    {
        m_server.listen(QHostAddress::LocalHost);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                ++connections;
                connect(s, &QTcpSocket::readyRead, this, [this, s] { onRead(s); });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }
    QString url() const { return u"http://127.0.0.1:%1"_qs.arg(m_server.serverPort()); }

    static QByteArray response(int code, const QByteArray &body, const QByteArray &extraHeaders = {})
    {
        return "HTTP/1.1 " + QByteArray::number(code) + " X\r\nContent-Type: application/json\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\n" + extraHeaders + "\r\n" + body;
    }

private:
    void onRead(QTcpSocket *s)
    {
        QByteArray &buffer = m_buffers[s];
        buffer += s->readAll();
        for (;;) {
            const qsizetype end = buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            Request r;
            r.head = buffer.left(end);
            const QList<QByteArray> first = r.head.left(r.head.indexOf("\r\n")).split(' ');
            r.method = first.value(0);
            r.target = first.value(1);
            const qsizetype length = r.header("Content-Length").toLongLong();
            if (buffer.size() < end + 4 + length)
                return;
            r.body = buffer.mid(end + 4, length);
            buffer.remove(0, end + 4 + length);
            requests.append(r);
            const QByteArray answer = handler ? handler(r, s) : response(404, "{}");
            if (!answer.isEmpty())
                s->write(answer);
        }
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};
