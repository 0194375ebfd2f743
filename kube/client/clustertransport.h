#pragma once
// ClusterTransport: the HTTP/1.1 client for one cluster as one user. It owns a bounded
// keep-alive connection pool for plain requests (QNetworkAccessManager would cap us at six
// connections and add a thread), adds authentication (bearer token, a CredentialSource asked
// per request and refreshed once after a 401, basic auth) and impersonation headers, limits the
// request rate with a token bucket (qps/burst), applies RestConfig::requestTimeoutMs, and
// retries 429 and, for idempotent requests, 5xx answers that carry Retry-After (bounded).
// Watches and log streams get a dedicated connection each (openStream, HttpStream).
//
// Errors are Status values: the server's Status for HTTP errors (statusFromResponse), code 0
// for failures below HTTP. No secret (token, password, Authorization header) ever appears in a
// Status the transport returns, nor in any log: it logs nothing about requests.
//
// Thread affinity: create and use it on one thread with an event loop; callbacks run there and
// never synchronously from send(). Destroying it drops every pending callback. The Clock must
// outlive it. Memory: up to maxConnections sockets plus the bodies in flight (each bounded by
// maxResponseBytes).

#include "connectionsettings.h"
#include "httpmessage.h"
#include "restconfig.h"
#include "tokenbucket.h"

#include "kube/api/expected.h"

#include <QObject>

#include <deque>
#include <functional>
#include <map>
#include <memory>

namespace kube {

class Clock;
class HttpConnection;
class HttpStream;

struct TransportOptions {
    int maxConnections = 8;                      // pooled connections (streams not counted)
    int maxRetries = 5;                          // 429 / 5xx retries per request
    qsizetype maxResponseBytes = 512 * 1024 * 1024; // a larger body fails the request
    // Runs fn after delayMs on the transport's thread (never synchronously). Used for rate-limit
    // and Retry-After waits; the default is a QTimer. Tests inject one that records the delays.
    std::function<void(QObject *context, qint64 delayMs, std::function<void()> fn)> wait;
};

class ClusterTransport : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(Expected<HttpResponse>)>;
    enum class CredentialMode { Cached, ForceRefresh };

    explicit ClusterTransport(RestConfig config, const Clock &clock, TransportOptions options = {}, QObject *parent = nullptr);
    explicit ClusterTransport(RestConfig config, QObject *parent = nullptr);
    ~ClusterTransport() override;

    const RestConfig &config() const { return m_config; }
    // Why the RestConfig cannot be used (bad URL, PEM, proxy); success otherwise. Requests on
    // an invalid transport fail with this Status.
    const Status &configurationError() const { return m_configError; }

    // Sends a request; done runs exactly once unless cancel() or destruction comes first.
    // Returns an id for cancel(). A 2xx answer is a value; anything else a Status.
    quint64 send(HttpRequest request, Callback done);
    void cancel(quint64 id);

    // A streamed request on its own connection (watch, logs); see HttpStream. Never null.
    std::unique_ptr<HttpStream> openStream(HttpRequest request);

    // Connections currently open in the pool (for tests and diagnostics).
    int pooledConnectionCount() const { return int(m_connections.size()); }

    // For HttpStream: the request as bytes on the wire with Host, User-Agent, authentication
    // and impersonation added. Contains secrets: never log it.
    Expected<QByteArray> serialize(const HttpRequest &request, CredentialMode mode);
    // For HttpStream: books a rate-limiter token and runs fn when it may be used.
    void whenAllowed(QObject *context, std::function<void()> fn);
    // The secrets to scrub from any error text.
    const QList<QByteArray> &secrets() const { return m_secrets; }
    bool hasCredentialSource() const { return bool(m_config.credentialSource); }
    std::shared_ptr<const ConnectionSettings> settings() const { return m_settings; }

private:
    struct Pending;

    void startAttempt(quint64 id);
    void dispatch(Pending &pending, HttpConnection *connection);
    void onAttemptFinished(quint64 id, HttpConnection *connection, const Status &status);
    void onTimeout(quint64 id);
    void complete(quint64 id, Expected<HttpResponse> result);
    void releaseConnection(HttpConnection *connection);
    void pumpQueue();
    HttpConnection *takeConnection();
    void wait(qint64 delayMs, std::function<void()> fn);

    RestConfig m_config;
    const Clock &m_clock;
    TransportOptions m_options;
    std::shared_ptr<const ConnectionSettings> m_settings;
    Status m_configError;
    TokenBucket m_bucket;
    QList<QByteArray> m_secrets;
    quint64 m_nextId = 1;
    std::map<quint64, std::unique_ptr<Pending>> m_pending;
    std::deque<quint64> m_queue;                // ready to send, waiting for a connection
    std::vector<HttpConnection *> m_connections; // children; busy or idle
};

} // namespace kube
