#pragma once
// HttpConnection: one HTTP/1.1 connection to a cluster (TCP, TLS, through a proxy when
// configured) carrying one request at a time. It connects lazily on the first request, writes
// the request, and hands the response to a Sink as it is parsed: the head, then body pieces,
// then finished(). A keep-alive connection becomes idle again for the next request; the
// transport's pool decides whether to reuse it.
//
// Thread affinity: the thread that created it (event loop required); the sink runs there.
// Owned by the transport (pool or stream). Memory: the socket's buffers plus a bounded head.

#include "connectionsettings.h"
#include "httpresponseparser.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QSslSocket;

namespace kube {

class HttpConnection : public QObject
{
    Q_OBJECT
public:
    struct Sink {
        std::function<void(const HttpResponse &head)> head;
        std::function<void(QByteArrayView body)> body;
        // Exactly once per request, unless abort() came first. Success: the response ended.
        std::function<void(const Status &status)> finished;
    };

    HttpConnection(std::shared_ptr<const ConnectionSettings> settings, QObject *parent = nullptr);
    ~HttpConnection() override;

    // Sends one serialised request (head and body). Must be idle.
    void send(QByteArray wire, HttpResponseParser::RequestMethod method, Sink sink);
    // Drops the request in flight (no callback) and closes the connection.
    void abort();

    bool isBusy() const { return bool(m_parser); }
    // Connected, idle, and the last response allowed another request.
    bool isReusable() const;
    // Whether the request in flight has received no byte (safe to retry on a fresh connection).
    bool receivedNothing() const { return !m_parser || m_parser->bytesReceived() == 0; }
    // How many requests this connection has carried (a reused one may have gone stale).
    int requestCount() const { return m_requests; }

Q_SIGNALS:
    // The server closed an idle connection: the pool drops it.
    void closedWhileIdle();

private:
    void connectSocket();
    void writePending();
    void onReadyRead();
    void onDisconnected();
    void onError();
    void finish(const Status &status);
    void dropParser();

    std::shared_ptr<const ConnectionSettings> m_settings;
    QSslSocket *m_socket = nullptr;
    std::unique_ptr<HttpResponseParser> m_parser; // set while a request is in flight
    // A parser dropped (abort, finish) from inside its own feed(): freed once feed() returns.
    std::unique_ptr<HttpResponseParser> m_retired;
    bool m_feeding = false;
    Sink m_sink;
    QByteArray m_pendingWrite;                  // the request until the socket is ready
    QString m_sslErrors;                        // why verification failed, for the message
    bool m_ready = false;                       // connected (and encrypted, for TLS)
    bool m_reusable = false;
    int m_requests = 0;
};

} // namespace kube
