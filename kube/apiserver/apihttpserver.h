#pragma once
// ApiHttpServer: the HTTP front of the embedded API server. It listens on loopback only and
// lets a request through to the RequestHandler only when it is safe to:
//   - Host must be a loopback name (a DNS-rebinding page cannot reach us);
//   - a browser Origin is refused (no web page may drive the cluster);
//   - the bearer token must match (compared in constant time), or the handler must accept it
//     (a service account token);
//   - the body must fit in the 3 MiB kube-apiserver allows;
//   - at most 400 reads and 200 writes may be in flight (maxinflight.h), else 429.
// Each refusal is a Kubernetes Status with the upstream code and reason.
//
// Requests the handler marks runsOnWorker() (the store writes, which block until their commit
// is durable) run on a pool of worker threads owned by the server, so concurrent writes from
// many connections wait for the disk together and share group commits; their answers are
// written back from the server's thread. Everything else runs on the server's thread.
// One connection is served in request order (HTTP/1.1): while a request of it is on a worker,
// later requests that arrive on it (a pipelining client) wait, copied, and are served after its
// answer. A client that goes away before its answer: the write still completes (it was
// accepted), the answer is dropped, the waiting requests with it.
//
// Thread affinity: lives on, and serves from, the thread it was created on (an event loop is
// needed); sockets, in-flight counts and connection queues are touched there only. The handler
// is not owned and must outlive the server; it is called from the workers too. Destroying the
// server waits for the requests on workers to finish (a write takes milliseconds) and drops
// their answers. Cost per worker request: one copy of the request, two thread hops.

#include "apirequest.h"
#include "maxinflight.h"

#include <QAbstractHttpServer>
#include <QByteArray>
#include <QHash>
#include <QPointer>
#include <QThreadPool>

#include <memory>
#include <unordered_map>

namespace kube {

class RequestHandler;

class ApiHttpServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    static constexpr qsizetype kMaxRequestBodyBytes = 3 * 1024 * 1024;
    // Worker threads: each blocks on one write at a time, so this bounds how many writes can
    // share a commit; the CPU work of a write is small next to its fsync.
    static constexpr int kDefaultWorkers = 16;

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

    // The worker threads (kDefaultWorkers); 0 runs every request on the server's thread.
    void setWorkerThreads(int count);
    int workerThreads() const { return m_workersEnabled ? m_workers.maxThreadCount() : 0; }
    // Requests on workers now (their answers not yet written).
    int requestsOnWorkers() const { return int(m_onWorkers.size()); }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    // A request handed to a worker: shared by the worker (which handles it) and the server
    // (which writes the answer once the worker posted that it is done).
    struct WorkerCall {
        ApiRequest request;
        ApiResponder responder; // deferred
    };
    // The server's side of a request on a worker.
    struct OnWorker {
        std::shared_ptr<WorkerCall> call;
        MaxInFlight::Slot slot; // released on the server's thread, after the answer
        QPointer<QTcpSocket> socket;
    };
    // A connection that has had a request on a worker; forgotten when its socket goes.
    struct Connection {
        bool busy = false;               // a request of it is on a worker
        QList<ApiRequest> waiting;       // arrived behind it, in order
        QMetaObject::Connection onDestroyed;
    };

    void serve(ApiRequest request, QTcpSocket *socket);
    void startOnWorker(ApiRequest request, MaxInFlight::Slot slot, QTcpSocket *socket);
    void finishOnWorker(quint64 id);
    void serveWaiting(QTcpSocket *socket);

    QByteArray m_token;
    RequestHandler *m_handler;
    bool m_tls = false;
    MaxInFlight m_inFlight; // before m_onWorkers: its slots point into it
    QThreadPool m_workers;
    bool m_workersEnabled = true;
    quint64 m_nextCall = 1;
    std::unordered_map<quint64, OnWorker> m_onWorkers;
    QHash<QTcpSocket *, Connection> m_connections;
};

} // namespace kube
