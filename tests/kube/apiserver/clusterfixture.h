#pragma once
// Test support: an EmbeddedCluster on its own thread (TLS, token, store in a temporary
// directory) and a blocking HTTPS/1.1 client on a fresh connection per request, so every
// header byte is the test's. The cluster serves from its thread, so blocking here is safe.
#include "kube/cluster/embeddedcluster.h"
#include "kube/api/status.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QThread>

namespace kube::test {

struct Reply {
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QList<QByteArray> header(QByteArrayView name) const
    {
        QList<QByteArray> out;
        for (const auto &[k, v] : headers) {
            if (k.compare(name, Qt::CaseInsensitive) == 0)
                out << v;
        }
        return out;
    }
};

inline Reply send(quint16 port, const QByteArray &method, const QByteArray &target, const QList<QByteArray> &headers,
                  const QByteArray &body = {})
{
    Reply r;
    QSslSocket socket;
    socket.setPeerVerifyMode(QSslSocket::VerifyNone); // the cluster's own CA; not under test here
    socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
    if (!socket.waitForEncrypted(10000))
        return r;
    QByteArray out = method + ' ' + target + " HTTP/1.1\r\n";
    for (const QByteArray &h : headers)
        out += h + "\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    socket.write(out);
    QByteArray buffer;
    QElapsedTimer timer;
    timer.start();
    qsizetype headerEnd = -1;
    qsizetype length = -1;
    while (timer.elapsed() < 30000) {
        if (socket.bytesToWrite() > 0)
            socket.waitForBytesWritten(100);
        else
            socket.waitForReadyRead(100);
        buffer += socket.readAll();
        if (headerEnd < 0 && (headerEnd = buffer.indexOf("\r\n\r\n")) >= 0) {
            const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
            r.status = lines.value(0).split(' ').value(1).toInt();
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const QByteArray line = lines[i].trimmed();
                const qsizetype colon = line.indexOf(':');
                if (colon > 0)
                    r.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
            }
            length = r.header("Content-Length").value(0, "0").toLongLong();
        }
        if (headerEnd >= 0 && buffer.size() >= headerEnd + 4 + length) {
            r.body = buffer.mid(headerEnd + 4, length);
            return r;
        }
        if (socket.state() != QAbstractSocket::ConnectedState && socket.bytesAvailable() == 0)
            break;
    }
    return r;
}

// Owns the cluster and its thread; start() in initTestCase, stop() in cleanupTestCase.
class ClusterFixture
{
public:
    Status start()
    {
        if (!m_dir.isValid())
            return Status::internalError(QStringLiteral("no temporary directory"));
        m_thread.start();
        m_context = new QObject;
        m_context->moveToThread(&m_thread);
        Status started;
        QMetaObject::invokeMethod(m_context, [&] {
            ClusterOptions options;
            options.controllers = false; // the API alone: nothing else writes
            options.dataDir = m_dir.path();
            options.token = m_token;
            m_cluster = new EmbeddedCluster(options);
            started = m_cluster->start();
        }, Qt::BlockingQueuedConnection);
        if (started.isSuccess())
            m_port = m_cluster->port();
        return started;
    }
    void stop()
    {
        if (m_context) {
            QMetaObject::invokeMethod(m_context, [&] { delete m_cluster; m_cluster = nullptr; }, Qt::BlockingQueuedConnection);
            delete m_context; // no events pending for it
            m_context = nullptr;
        }
        m_thread.quit();
        m_thread.wait();
    }

    // A request with the token; extra headers (User-Agent, …) are appended.
    Reply request(const QByteArray &method, const QByteArray &target, const QByteArray &body = {},
                  const QByteArray &contentType = "application/json", const QList<QByteArray> &extra = {}) const
    {
        QList<QByteArray> h{"Host: 127.0.0.1", "Authorization: Bearer " + m_token, "Accept: application/json"};
        if (!contentType.isEmpty())
            h << "Content-Type: " + contentType;
        h << extra;
        return send(m_port, method, target, h, body);
    }
    quint16 port() const { return m_port; }

private:
    QTemporaryDir m_dir;
    QThread m_thread;
    QObject *m_context = nullptr; // lives on m_thread
    EmbeddedCluster *m_cluster = nullptr;
    QByteArray m_token = "fixture-test-token";
    quint16 m_port = 0;
};

} // namespace kube::test
