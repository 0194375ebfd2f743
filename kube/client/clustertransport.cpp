#include "clustertransport.h"

#include "httpconnection.h"
#include "httperror.h"
#include "httpstream.h"

#include "kube/api/clock.h"

#include <QTimer>

namespace kube {

namespace {

constexpr qint64 kDefaultRetryAfterMs = 1000;

QByteArray defaultUserAgent()
{
    return QByteArrayLiteral("timonel/" TIMONEL_VERSION);
}

// Timers may be dropped from their own timeout slot: never delete them there.
void dropTimer(QTimer *&timer)
{
    if (!timer)
        return;
    timer->stop();
    timer->deleteLater();
    timer = nullptr;
}

bool isRetriableServerError(int code)
{
    return code == 500 || code == 502 || code == 503 || code == 504;
}

} // namespace

struct ClusterTransport::Pending {
    quint64 id = 0;
    HttpRequest request;
    Callback done;
    int retries = 0;
    bool authRetried = false;  // one forced credential refresh after a 401
    bool staleRetried = false; // one retry after a reused connection turned out closed
    CredentialMode credentialMode = CredentialMode::Cached;
    HttpConnection *connection = nullptr;
    bool connectionWasReused = false;
    bool gotHead = false;
    bool tooLarge = false;
    HttpResponse response;
    QTimer *timer = nullptr;
};

ClusterTransport::ClusterTransport(RestConfig config, QObject *parent)
    : ClusterTransport(std::move(config), Clock::system(), {}, parent)
{
}

ClusterTransport::ClusterTransport(RestConfig config, const Clock &clock, TransportOptions options, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_clock(clock)
    , m_options(std::move(options))
    , m_bucket(m_config.qps, m_config.burst, clock)
{
    auto settings = ConnectionSettings::fromRestConfig(m_config);
    if (settings)
        m_settings = std::make_shared<const ConnectionSettings>(std::move(settings).value());
    else
        m_configError = settings.error();
    for (const QByteArray &secret : {m_config.bearerToken, m_config.password}) {
        if (!secret.isEmpty())
            m_secrets.append(secret);
    }
}

ClusterTransport::~ClusterTransport()
{
    // Callbacks must not run during destruction: connections are aborted silently.
    for (HttpConnection *c : m_connections)
        c->abort();
}

void ClusterTransport::wait(qint64 delayMs, std::function<void()> fn)
{
    if (m_options.wait) {
        m_options.wait(this, delayMs, std::move(fn));
        return;
    }
    QTimer::singleShot(std::chrono::milliseconds(delayMs), this, std::move(fn));
}

void ClusterTransport::whenAllowed(QObject *context, std::function<void()> fn)
{
    const qint64 delay = m_bucket.reserve();
    QPointer<QObject> guard(context);
    wait(delay, [guard, fn = std::move(fn)] {
        if (guard)
            fn();
    });
}

quint64 ClusterTransport::send(HttpRequest request, Callback done)
{
    const quint64 id = m_nextId++;
    auto pending = std::make_unique<Pending>();
    pending->id = id;
    pending->request = std::move(request);
    pending->done = std::move(done);
    m_pending.emplace(id, std::move(pending));
    if (!m_configError.isSuccess()) {
        wait(0, [this, id] { complete(id, m_configError); });
        return id;
    }
    wait(m_bucket.reserve(), [this, id] { startAttempt(id); });
    return id;
}

void ClusterTransport::cancel(quint64 id)
{
    auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    Pending &p = *it->second;
    dropTimer(p.timer);
    HttpConnection *connection = p.connection;
    m_pending.erase(it);
    std::erase(m_queue, id);
    if (connection) {
        // Half a response leaves the connection unusable: close it.
        connection->abort();
        releaseConnection(connection);
    }
}

Expected<QByteArray> ClusterTransport::serialize(const HttpRequest &request, CredentialMode mode)
{
    QByteArray wire;
    wire.reserve(512 + request.body.size());
    wire += request.method + ' ' + m_settings->pathPrefix.toUtf8() + request.target + " HTTP/1.1\r\n";
    wire += "Host: " + m_settings->hostHeader + "\r\n";
    const QByteArray agent = m_config.userAgent.isEmpty() ? defaultUserAgent() : m_config.userAgent.toUtf8();
    wire += "User-Agent: " + agent + "\r\n";
    if (headerValue(request.headers, "Accept").isEmpty())
        wire += "Accept: application/json\r\n";

    QByteArray token = m_config.bearerToken;
    if (m_config.credentialSource) {
        auto credential = m_config.credentialSource->credential(mode == CredentialMode::ForceRefresh);
        if (!credential)
            return redacted(credential.error(), m_secrets);
        token = credential->token;
        if (!token.isEmpty() && !m_secrets.contains(token))
            m_secrets.append(token);
    }
    if (!token.isEmpty())
        wire += "Authorization: Bearer " + token + "\r\n";
    else if (!m_config.username.isEmpty())
        wire += "Authorization: Basic " + (m_config.username.toUtf8() + ':' + m_config.password).toBase64() + "\r\n";
    if (!m_config.impersonateUser.isEmpty())
        wire += "Impersonate-User: " + m_config.impersonateUser.toUtf8() + "\r\n";
    for (const QString &group : m_config.impersonateGroups)
        wire += "Impersonate-Group: " + group.toUtf8() + "\r\n";

    for (const auto &[name, value] : request.headers)
        wire += name + ": " + value + "\r\n";
    const bool hasBody = !request.body.isEmpty() || request.method == "POST" || request.method == "PUT" || request.method == "PATCH";
    if (hasBody)
        wire += "Content-Length: " + QByteArray::number(request.body.size()) + "\r\n";
    wire += "\r\n";
    wire += request.body;
    return wire;
}

HttpConnection *ClusterTransport::takeConnection()
{
    for (HttpConnection *c : m_connections) {
        if (c->isReusable())
            return c;
    }
    if (int(m_connections.size()) >= m_options.maxConnections) {
        // Idle but not reusable (closed, or Connection: close) ones make room.
        for (HttpConnection *c : m_connections) {
            if (!c->isBusy()) {
                std::erase(m_connections, c);
                c->abort();
                c->deleteLater();
                break;
            }
        }
    }
    if (int(m_connections.size()) >= m_options.maxConnections)
        return nullptr;
    auto *c = new HttpConnection(m_settings, this);
    connect(c, &HttpConnection::closedWhileIdle, this, [this, c] {
        std::erase(m_connections, c);
        c->deleteLater();
    });
    m_connections.push_back(c);
    return c;
}

void ClusterTransport::startAttempt(quint64 id)
{
    auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    HttpConnection *connection = takeConnection();
    if (!connection) {
        m_queue.push_back(id);
        return;
    }
    dispatch(*it->second, connection);
}

void ClusterTransport::dispatch(Pending &p, HttpConnection *connection)
{
    auto wire = serialize(p.request, p.credentialMode);
    if (!wire) {
        const quint64 id = p.id;
        wait(0, [this, id, error = wire.error()] { complete(id, error); });
        releaseConnection(connection);
        return;
    }
    p.connection = connection;
    p.connectionWasReused = connection->requestCount() > 0;
    p.gotHead = false;
    p.tooLarge = false;
    p.response = HttpResponse();
    const quint64 id = p.id;
    if (m_config.requestTimeoutMs > 0) {
        dropTimer(p.timer);
        p.timer = new QTimer(this);
        p.timer->setSingleShot(true);
        connect(p.timer, &QTimer::timeout, this, [this, id] { onTimeout(id); });
        p.timer->start(m_config.requestTimeoutMs);
    }
    HttpConnection::Sink sink;
    sink.head = [this, id](const HttpResponse &head) {
        auto it = m_pending.find(id);
        if (it == m_pending.end())
            return;
        it->second->gotHead = true;
        it->second->response = head;
    };
    sink.body = [this, id](QByteArrayView body) {
        auto it = m_pending.find(id);
        if (it == m_pending.end())
            return;
        Pending &p = *it->second;
        if (p.tooLarge)
            return;
        if (p.response.body.size() + body.size() > m_options.maxResponseBytes) {
            p.tooLarge = true;
            p.response.body.clear();
            return;
        }
        p.response.body.append(body);
    };
    sink.finished = [this, id, connection](const Status &status) { onAttemptFinished(id, connection, status); };
    const auto method = p.request.method == "HEAD" ? HttpResponseParser::RequestMethod::Head : HttpResponseParser::RequestMethod::Other;
    connection->send(std::move(wire).value(), method, std::move(sink));
}

void ClusterTransport::releaseConnection(HttpConnection *connection)
{
    if (!connection->isReusable() && !connection->isBusy()) {
        std::erase(m_connections, connection);
        connection->abort();
        connection->deleteLater();
    }
    // Another request may now get a connection; not from inside this callback's stack.
    if (!m_queue.empty())
        QTimer::singleShot(0, this, &ClusterTransport::pumpQueue);
}

void ClusterTransport::pumpQueue()
{
    while (!m_queue.empty()) {
        HttpConnection *connection = takeConnection();
        if (!connection)
            return;
        const quint64 id = m_queue.front();
        m_queue.pop_front();
        auto it = m_pending.find(id);
        if (it == m_pending.end()) {
            releaseConnection(connection);
            continue;
        }
        dispatch(*it->second, connection);
    }
}

void ClusterTransport::onTimeout(quint64 id)
{
    auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    Pending &p = *it->second;
    HttpConnection *connection = p.connection;
    p.connection = nullptr;
    if (connection) {
        connection->abort();
        releaseConnection(connection);
    }
    complete(id, transportError(u"%1 %2: no answer within %3 ms"_qs.arg(QString::fromLatin1(p.request.method),
                                                                        QString::fromUtf8(p.request.target.left(200)))
                                    .arg(m_config.requestTimeoutMs),
                                QString::fromLatin1(reason::Timeout)));
}

void ClusterTransport::onAttemptFinished(quint64 id, HttpConnection *connection, const Status &status)
{
    auto it = m_pending.find(id);
    if (it == m_pending.end()) {
        releaseConnection(connection);
        return;
    }
    Pending &p = *it->second;
    dropTimer(p.timer);
    p.connection = nullptr;
    releaseConnection(connection);

    if (!status.isSuccess()) {
        // A kept-alive connection the server had already closed: nothing was processed.
        if (p.connectionWasReused && !p.gotHead && !p.staleRetried) {
            p.staleRetried = true;
            wait(0, [this, id] { startAttempt(id); });
            return;
        }
        complete(id, redacted(status, m_secrets));
        return;
    }
    if (p.tooLarge) {
        complete(id, transportError(u"response larger than %1 bytes"_qs.arg(m_options.maxResponseBytes)));
        return;
    }
    const HttpResponse &response = p.response;
    const int code = response.statusCode;
    if (code == 401 && m_config.credentialSource && !p.authRetried) {
        p.authRetried = true;
        p.credentialMode = CredentialMode::ForceRefresh;
        wait(0, [this, id] { startAttempt(id); });
        return;
    }
    p.credentialMode = CredentialMode::Cached;
    const int after = retryAfterSeconds(response);
    const bool retriable = code == 429 || (isRetriableServerError(code) && after >= 0 && p.request.isIdempotent());
    if (retriable && p.retries < m_options.maxRetries) {
        ++p.retries;
        const qint64 delay = after >= 0 ? qint64(after) * 1000 : kDefaultRetryAfterMs;
        wait(delay, [this, id] { wait(m_bucket.reserve(), [this, id] { startAttempt(id); }); });
        return;
    }
    if (!response.isSuccess()) {
        complete(id, redacted(statusFromResponse(response), m_secrets));
        return;
    }
    complete(id, response);
}

void ClusterTransport::complete(quint64 id, Expected<HttpResponse> result)
{
    auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    std::unique_ptr<Pending> p = std::move(it->second);
    m_pending.erase(it);
    dropTimer(p->timer);
    if (p->done)
        p->done(std::move(result));
}

std::unique_ptr<HttpStream> ClusterTransport::openStream(HttpRequest request)
{
    return std::make_unique<HttpStream>(this, std::move(request));
}

} // namespace kube
