#pragma once
// IngressListener: the ingress controller's HTTP front — a QTcpServer on 127.0.0.1:<port> that
// reads one HTTP/1.1 request head, hands the request line and its Host header to the
// controller, and writes the answer with `Connection: close` (ServiceProxyListener::render, so
// both proxies answer alike). Routing is the controller's; this class only frames bytes.
//
// Bounded as the node ports are: a head above 16 KiB is answered 431; at most 256 connections
// open at once; a connection silent for 10 s is dropped. Request bodies are not read.
//
// Thread affinity: the thread it was created on (the controllers' thread); the handler runs there.

#include "kube/controllers/serviceproxylistener.h"

#include <QObject>

#include <functional>

class QTcpServer;
class QTcpSocket;

namespace kube {

struct IngressRequest {
    ProxyRequest request;  // method and path (query included)
    QString host;          // the Host header as sent ("a.test:8080"); empty when absent
};

class IngressListener : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<ProxyReply(const IngressRequest &)>;

    explicit IngressListener(Handler handler, QObject *parent = nullptr);
    ~IngressListener() override;

    // Binds 127.0.0.1:port; false with errorString() when the port is taken.
    bool listen(quint16 port);
    QString errorString() const;
    quint16 port() const;

    // The request a complete head describes; nullopt when it is not HTTP/1.x.
    static std::optional<IngressRequest> parseHead(const QByteArray &head);

private:
    void acceptPending();
    void readRequest(QTcpSocket *socket);
    void respond(QTcpSocket *socket, const ProxyReply &reply, bool head);

    Handler m_handler;
    QTcpServer *m_server;
    int m_open = 0;
};

} // namespace kube
