#pragma once
// ServiceProxyListener: one loopback HTTP front of the simulated network — a node port of the
// service proxy, or the ingress controller's port: a QTcpServer on 127.0.0.1:<port> speaking
// just enough HTTP/1.1 for curl, browsers and QNetworkAccessManager. It reads one request head,
// asks its handler for the answer and writes it with `Connection: close`. The proxy or the
// ingress controller decides where the request goes; this class only frames bytes.
//
// Bounded: a request head above 16 KiB is answered 431 and closed; at most 256 connections are
// open at once (further ones are closed at accept); a connection silent for 10 s is dropped.
// Request bodies are not read (the simulated servers answer by path alone).
//
// Thread affinity: the thread it was created on (the controllers' thread); the handler runs there.

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

class QTcpServer;
class QTcpSocket;

namespace kube {

struct ProxyRequest {
    QByteArray method;  // "GET"
    QString path;       // "/index.html" (query included)
    QString host;       // the Host header as sent ("a.test:8080"); empty when absent
};

struct ProxyReply {
    int status = 200;
    QByteArray body;
    QString servedBy;   // "pod/container", sent as X-Timonel-Served-By when set
};

class ServiceProxyListener : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<ProxyReply(const ProxyRequest &)>;

    explicit ServiceProxyListener(Handler handler, QObject *parent = nullptr);
    ~ServiceProxyListener() override;

    // Binds 127.0.0.1:port; false with errorString() when the port is taken.
    bool listen(quint16 port);
    QString errorString() const;
    quint16 port() const;
    int openConnections() const { return m_open; }

    // The HTTP/1.1 response bytes for reply (status line, headers, body unless head).
    static QByteArray render(const ProxyReply &reply, bool head);
    // The request a complete head (without its blank line) describes; nullopt when it is not
    // HTTP/1.x with an absolute path.
    static std::optional<ProxyRequest> parseHead(const QByteArray &head);

private:
    void acceptPending();
    void readRequest(QTcpSocket *socket);
    void respond(QTcpSocket *socket, const ProxyReply &reply, bool head);

    Handler m_handler;
    QTcpServer *m_server;
    int m_open = 0;
};

} // namespace kube
