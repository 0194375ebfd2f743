#pragma once
// ApiHttpServer: the HTTP front of the embedded API server. It listens on loopback only and
// lets a request through to the RequestHandler only when it is safe to:
//   - Host must be a loopback name (a DNS-rebinding page cannot reach us);
//   - a browser Origin is refused (no web page may drive the cluster);
//   - the bearer token must match (compared in constant time);
//   - the body must fit in the 3 MiB kube-apiserver allows;
//   - at most 400 reads and 200 writes may be in flight (maxinflight.h), else 429.
// Each refusal is a Kubernetes Status with the upstream code and reason.
//
// Thread affinity: lives on, and serves from, the thread it was created on (an event loop is
// needed). The handler is not owned and must outlive the server.

#include "maxinflight.h"

#include <QAbstractHttpServer>
#include <QByteArray>

namespace kube {

class RequestHandler;

class ApiHttpServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    static constexpr qsizetype kMaxRequestBodyBytes = 3 * 1024 * 1024;

    ApiHttpServer(QByteArray bearerToken, RequestHandler *handler, QObject *parent = nullptr);
    ~ApiHttpServer() override;

    // Serves HTTPS with this certificate and key (PEM); call before listenOnLoopback.
    bool useTls(const QByteArray &certificatePem, const QByteArray &privateKeyPem);
    bool isTls() const { return m_tls; }

    // Listens on 127.0.0.1:port (0 = any free port); returns the port, or 0 on failure.
    quint16 listenOnLoopback(quint16 port = 0);

    static bool isLoopbackHost(QByteArrayView hostHeader);

    // kube-apiserver's --max-requests-inflight and --max-mutating-requests-inflight; 0 or
    // less: unlimited. Tests use small ones.
    void setMaxInFlight(int readLimit, int mutatingLimit) { m_inFlight.setLimits(readLimit, mutatingLimit); }
    const MaxInFlight &inFlight() const { return m_inFlight; }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    QByteArray m_token;
    RequestHandler *m_handler;
    bool m_tls = false;
    MaxInFlight m_inFlight;
};

} // namespace kube
