// GET pods/log: as kube-apiserver does, check the options and the container name against the
// pod, then proxy to the kubelet of the pod's node (status.daemonEndpoints.kubeletEndpoint.Port
// on 127.0.0.1, GET /containerLogs/…) and stream its answer through, chunked, as text/plain.
// The kubelet takes the cluster's bearer token; the client's (already checked, and the only
// one the server accepts) is forwarded. A kubelet error becomes a Status with its code and text.
//
// Thread affinity: the API server's thread; the proxy lives there until either side closes.
// Memory: reading from the kubelet pauses while the client has more than kMaxClientPending
// bytes unsent, so a slow reader pushes back on the kubelet instead of growing a buffer.

#include "handlers.h"

#include "resourcerequest.h"
#include "storagekeys.h"

#include "kube/api/status.h"
#include "kube/store/store.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>
#include <QTcpSocket>
#include <QUrl>

namespace kube {

namespace {

constexpr qint64 kMaxClientPending = 4 * 1024 * 1024;
constexpr qint64 kKubeletReadBuffer = 256 * 1024;
constexpr qsizetype kMaxErrorBody = 64 * 1024;

QStringList containerNames(const QJsonObject &spec, QStringView field)
{
    QStringList names;
    for (const QJsonValue &c : spec.value(field).toArray())
        names.append(c.toObject().value(u"name").toString());
    return names;
}

// "[a b]", as Go prints a []string.
QString goList(const QStringList &names)
{
    return u'[' + names.join(u' ') + u']';
}

// kube-apiserver's ValidatePodLogOptions, for the options it checks.
Status validateOptions(const ApiRequest &http, const QString &podName)
{
    QList<StatusCause> causes;
    const auto checkInt = [&](const QString &name, qint64 minimum) {
        if (!http.hasParam(name))
            return;
        bool ok = false;
        const qint64 value = http.param(name).toLongLong(&ok);
        if (!ok)
            causes.append({u"FieldValueInvalid"_qs, u"Invalid value: \"%1\": must be an integer"_qs.arg(http.param(name)), name});
        else if (value < minimum)
            causes.append({u"FieldValueInvalid"_qs, u"Invalid value: %1: must be greater than %2"_qs.arg(value).arg(minimum == 0 ? u"or equal to 0"_qs : u"0"_qs), name});
    };
    checkInt(u"tailLines"_qs, 0);
    checkInt(u"limitBytes"_qs, 1);
    checkInt(u"sinceSeconds"_qs, 1);
    if (http.hasParam(u"sinceSeconds"_qs) && http.hasParam(u"sinceTime"_qs))
        causes.append({u"FieldValueForbidden"_qs, u"Forbidden: at most one of `sinceTime` or `sinceSeconds` may be specified"_qs, QString()});
    if (http.hasParam(u"sinceTime"_qs) && !QDateTime::fromString(http.param(u"sinceTime"_qs), Qt::ISODateWithMs).isValid())
        return Status::badRequest(u"parsing time \"%1\" as RFC 3339 failed"_qs.arg(http.param(u"sinceTime"_qs)));
    if (causes.isEmpty())
        return {};
    return Status::invalid(QString(), u"PodLogOptions"_qs, podName, causes);
}

// The container the log is of: named, or the pod's only one (upstream's LogLocation wording).
Expected<QString> chooseContainer(const QJsonObject &spec, const QString &requested, const QString &podName)
{
    const QStringList containers = containerNames(spec, u"containers");
    const QStringList init = containerNames(spec, u"initContainers");
    const QStringList ephemeral = containerNames(spec, u"ephemeralContainers");
    if (!requested.isEmpty()) {
        if (containers.contains(requested) || init.contains(requested) || ephemeral.contains(requested))
            return requested;
        return Status::badRequest(u"container %1 is not valid for pod %2"_qs.arg(requested, podName));
    }
    if (containers.size() == 1)
        return containers.first();
    if (containers.isEmpty())
        return Status::badRequest(u"a container name must be specified for pod %1"_qs.arg(podName));
    QString message = u"a container name must be specified for pod %1, choose one of: %2"_qs.arg(podName, goList(containers));
    if (!init.isEmpty())
        message += u" or one of the init containers: %1"_qs.arg(goList(init));
    if (!ephemeral.isEmpty())
        message += u" or one of the ephemeral containers: %1"_qs.arg(goList(ephemeral));
    return Status::badRequest(message);
}

// One proxied log request: reads the kubelet's HTTP/1.1 answer (whole or chunked; the kubelet
// closes the connection after it) and writes its body to the client's chunked stream.
class KubeletLogProxy : public QObject
{
public:
    KubeletLogProxy(ChunkedStream *client, quint16 port, const QByteArray &target, const QByteArray &authorization)
        : m_client(client)
    {
        client->setParent(this);
        connect(client, &ChunkedStream::closed, this, [this] { close(); });
        if (QTcpSocket *socket = client->socket())
            connect(socket, &QTcpSocket::bytesWritten, this, [this] { pump(); });
        m_kubelet.setReadBufferSize(kKubeletReadBuffer);
        connect(&m_kubelet, &QTcpSocket::connected, this, [this, port, target, authorization] {
            m_kubelet.write("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port)
                            + "\r\nAuthorization: " + authorization + "\r\nConnection: close\r\n\r\n");
        });
        connect(&m_kubelet, &QTcpSocket::readyRead, this, [this] { pump(); });
        connect(&m_kubelet, &QTcpSocket::disconnected, this, [this] { kubeletEnded(); });
        connect(&m_kubelet, &QTcpSocket::errorOccurred, this, [this, port](QAbstractSocket::SocketError error) {
            if (error == QAbstractSocket::RemoteHostClosedError)
                return; // disconnected() ends it
            fail(Status::internalError(u"Get \"http://127.0.0.1:%1/containerLogs/…\": %2"_qs.arg(port).arg(m_kubelet.errorString())));
        });
        m_kubelet.connectToHost(QHostAddress::LocalHost, port);
    }

private:
    enum class Body { Unknown, Whole, Chunked };
    bool m_pumping = false;

    void pump()
    {
        if (m_done || m_pumping)
            return;
        // Forwarding writes to the client, whose bytesWritten calls pump() again.
        m_pumping = true;
        pumpOnce();
        m_pumping = false;
    }

    void pumpOnce()
    {
        if (m_client && m_client->pendingBytes() > kMaxClientPending)
            return; // resumed by the client's bytesWritten
        m_buffer += m_kubelet.readAll();
        if (m_body == Body::Unknown && !parseHead())
            return;
        if (m_status != 200) {
            if (m_buffer.size() > kMaxErrorBody)
                m_buffer.truncate(kMaxErrorBody);
            return; // the whole text is the error, sent at the end
        }
        if (m_body == Body::Whole) {
            forward(std::exchange(m_buffer, {}));
            return;
        }
        decodeChunks();
    }

    bool parseHead()
    {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        const QList<QByteArray> lines = m_buffer.first(end).split('\n');
        m_status = lines.value(0).split(' ').value(1).toInt();
        m_body = Body::Whole;
        for (const QByteArray &line : lines) {
            const QByteArray l = line.trimmed().toLower();
            if (l.startsWith("transfer-encoding:") && l.contains("chunked"))
                m_body = Body::Chunked;
        }
        m_buffer.remove(0, end + 4);
        return true;
    }

    void decodeChunks()
    {
        for (;;) {
            const qsizetype lineEnd = m_buffer.indexOf("\r\n");
            if (lineEnd < 0)
                return;
            bool ok = false;
            const qsizetype size = m_buffer.first(lineEnd).split(';').value(0).trimmed().toLongLong(&ok, 16);
            if (!ok || size < 0)
                return fail(Status::internalError(u"the kubelet sent a malformed chunk"_qs));
            if (size == 0) {
                m_buffer.clear();
                return finish();
            }
            if (m_buffer.size() < lineEnd + 2 + size + 2)
                return;
            // Out of the buffer before forwarding: writing may emit bytesWritten, which pumps again.
            const QByteArray chunk = m_buffer.mid(lineEnd + 2, size);
            m_buffer.remove(0, lineEnd + 2 + size + 2);
            forward(chunk);
        }
    }

    void forward(const QByteArray &data)
    {
        if (!m_client || data.isEmpty())
            return;
        m_forwardedAny = true;
        m_client->writeChunk(data);
    }

    void kubeletEnded()
    {
        if (m_done)
            return;
        pump();
        if (m_done)
            return;
        if (m_body == Body::Unknown)
            return fail(Status::internalError(u"the kubelet closed the connection without an answer"_qs));
        if (m_status != 200) {
            const QString text = QString::fromUtf8(m_buffer).trimmed();
            const int code = m_status >= 400 && m_status < 600 ? m_status : 500;
            const char *reason = code == 400 ? reason::BadRequest : code == 404 ? reason::NotFound : code == 401 ? reason::Unauthorized : reason::InternalError;
            return fail(Status(code, QString::fromLatin1(reason), text));
        }
        finish();
    }

    // An error before any byte of the body: the client gets the Status instead of a stream.
    void fail(const Status &status)
    {
        if (m_done)
            return;
        m_done = true;
        if (m_client && m_client->isOpen()) {
            if (!m_forwardedAny)
                writeHttpResponse(m_client->socket(), status.code() > 0 ? status.code() : 500, "application/json", status.toJsonBytes());
            else
                m_client->finish();
        }
        close();
    }

    void finish()
    {
        if (m_done)
            return;
        m_done = true;
        if (m_client)
            m_client->finish();
        close();
    }

    void close()
    {
        m_done = true;
        m_kubelet.abort();
        deleteLater();
    }

    QPointer<ChunkedStream> m_client;
    QTcpSocket m_kubelet{this};
    QByteArray m_buffer;
    Body m_body = Body::Unknown;
    int m_status = 0;
    bool m_done = false;
    bool m_forwardedAny = false;
};

QByteArray kubeletTarget(const ApiRequest &http, const QString &namespace_, const QString &pod, const QString &container)
{
    QByteArray target = "/containerLogs/" + QUrl::toPercentEncoding(namespace_) + '/' + QUrl::toPercentEncoding(pod) + '/'
        + QUrl::toPercentEncoding(container);
    QByteArray query;
    for (const char *name : {"follow", "previous", "timestamps", "tailLines", "sinceSeconds", "sinceTime", "limitBytes"}) {
        const QString key = QString::fromLatin1(name);
        if (!http.hasParam(key))
            continue;
        query += (query.isEmpty() ? "?" : "&") + QByteArray(name) + '=' + QUrl::toPercentEncoding(http.param(key));
    }
    return target + query;
}

} // namespace

void handlePodLog(const ApiContext &context, const ResourceRequest &request, ApiResponder &responder)
{
    const ApiRequest &http = request.http;
    if (Status invalid = validateOptions(http, request.name); !invalid.isSuccess())
        return responder.respondStatus(invalid);
    auto pod = context.store->get(request.key());
    if (!pod.ok()) {
        if (pod.error().code() == 404)
            return responder.respondStatus(Status::notFound(request.kind->gvr().groupResource(), request.name));
        return responder.respondStatus(pod.error());
    }
    const QJsonObject spec = pod->toJson().value(u"spec").toObject();
    auto container = chooseContainer(spec, http.param(u"container"_qs), request.name);
    if (!container.ok())
        return responder.respondStatus(container.error());
    const QString nodeName = spec.value(u"nodeName").toString();
    if (nodeName.isEmpty())
        return responder.respondStatus(Status::badRequest(u"pod %1 does not have a host assigned"_qs.arg(request.name)));

    const KindInfoPtr nodes = context.registry->resource({QString(), u"v1"_qs, u"nodes"_qs});
    if (!nodes)
        return responder.respondStatus(Status::notFound(u"nodes"_qs, nodeName));
    auto node = context.store->get(storageKey(*nodes, QString(), nodeName));
    if (!node.ok())
        return responder.respondStatus(Status::notFound(u"nodes"_qs, nodeName));
    const int port = node->scalarAt(u"status.daemonEndpoints.kubeletEndpoint.Port").value_or(QString()).toInt();
    if (port <= 0 || port > 65535)
        return responder.respondStatus(Status(503, QString::fromLatin1(reason::ServiceUnavailable),
                                              u"the kubelet of node %1 has not reported its port yet"_qs.arg(nodeName)));

    ChunkedStream *stream = responder.startStream(200, "text/plain");
    new KubeletLogProxy(stream, quint16(port), kubeletTarget(http, request.namespace_, request.name, container.value()),
                        http.header("Authorization"));
}

} // namespace kube
