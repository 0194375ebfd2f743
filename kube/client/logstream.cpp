#include "logstream.h"

#include "clustertransport.h"
#include "httperror.h"
#include "httpstream.h"
#include "resourcepath.h"

#include "kube/api/clock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTimer>

namespace kube {

namespace {

constexpr int kFirstDelayMs = 500;
constexpr int kMaxDelayMs = 10000;

// Whether the pod's container (the named one, or the only one) is still running — or about to
// (waiting to restart): then a followed log that ended has more to come.
bool containerMayContinue(const QByteArray &podJson, const QString &container)
{
    const QJsonObject pod = QJsonDocument::fromJson(podJson).object();
    if (!pod.value(u"metadata").toObject().value(u"deletionTimestamp").isUndefined())
        return false;
    const QJsonArray statuses = pod.value(u"status").toObject().value(u"containerStatuses").toArray();
    for (const QJsonValue &v : statuses) {
        const QJsonObject status = v.toObject();
        if (!container.isEmpty() && status.value(u"name").toString() != container)
            continue;
        const QJsonObject state = status.value(u"state").toObject();
        return state.contains(u"running");
    }
    return false;
}

} // namespace

QByteArray LogStream::target(const QString &namespace_, const QString &pod, const LogOptions &o)
{
    QueryString q;
    q.add("container", o.container).addFlag("follow", o.follow).addFlag("previous", o.previous).addFlag("timestamps", o.timestamps);
    if (o.tailLines)
        q.add("tailLines", *o.tailLines);
    if (o.sinceSeconds)
        q.add("sinceSeconds", *o.sinceSeconds);
    else if (o.sinceTime.isValid())
        q.add("sinceTime", formatKubeTime(o.sinceTime));
    if (o.limitBytes)
        q.add("limitBytes", *o.limitBytes);
    return resourcePath({QString(), u"v1"_qs, u"pods"_qs}, namespace_, pod, u"log") + q.toByteArray();
}

LogStream::LogStream(ClusterTransport *transport, const QString &namespace_, const QString &pod, const LogOptions &options, QObject *parent)
    : QObject(parent), m_transport(transport), m_namespace(namespace_), m_pod(pod), m_options(options)
{
    open();
}

LogStream::~LogStream()
{
    if (m_probe)
        m_transport->cancel(m_probe);
}

void LogStream::open()
{
    LogOptions options = m_options;
    if (options.follow) {
        options.timestamps = true; // LogResume places every line by its stamp
        if (m_resume.hasPosition()) {
            options.sinceTime = m_resume.resumeFrom();
            options.sinceSeconds.reset();
            options.tailLines.reset();
            options.limitBytes.reset();
        }
    }
    HttpRequest request;
    request.target = target(m_namespace, m_pod, options);
    request.headers.append({QByteArray("Accept"), QByteArray("*/*")});
    m_lines = LineBuffer(kMaxLineBytes, LineBuffer::Overflow::Split);
    m_stream = m_transport->openStream(std::move(request));
    m_stream->onData = [this](QByteArrayView data) {
        QList<QByteArray> lines;
        m_lines.feed(data, lines); // Split never fails
        if (!lines.isEmpty()) {
            m_delayMs = 0; // lines flow again: the next failure starts the back-off afresh
            deliver(lines);
        }
    };
    m_stream->onFinished = [this](const Status &status) {
        QPointer<LogStream> self(this);
        const QByteArray rest = m_lines.takeRest();
        // A followed stream that broke mid-line gets that line again, whole, after reconnecting.
        if (!rest.isEmpty() && (!m_options.follow || status.isSuccess()))
            deliver({rest});
        if (self)
            onStreamFinished(status);
    };
}

void LogStream::deliver(const QList<QByteArray> &lines)
{
    QStringList out;
    out.reserve(lines.size());
    for (const QByteArray &line : lines) {
        const QString text = QString::fromUtf8(line);
        if (!m_options.follow) {
            out.append(text);
        } else if (std::optional<QString> kept = m_resume.accept(text, m_options.timestamps)) {
            out.append(*kept);
        }
    }
    if (!out.isEmpty())
        Q_EMIT linesReceived(out);
}

bool LogStream::isRetryable(const Status &status)
{
    // Below HTTP (refused, reset, TLS, timeout), throttled, or the server's own trouble.
    return status.code() == 0 || status.code() == 429 || status.code() >= 500;
}

void LogStream::onStreamFinished(const Status &status)
{
    if (m_stopped || m_done)
        return;
    if (!m_options.follow || (!status.isSuccess() && !isRetryable(status))) {
        m_done = true;
        Q_EMIT finished(status);
        return;
    }
    if (status.isSuccess()) {
        // The server ended the log: the container exited — or the server went away cleanly.
        checkContainer();
        return;
    }
    retryLater(status);
}

void LogStream::checkContainer()
{
    HttpRequest request;
    request.target = resourcePath({QString(), u"v1"_qs, u"pods"_qs}, m_namespace, m_pod);
    m_probe = m_transport->send(std::move(request), [this](Expected<HttpResponse> response) {
        m_probe = 0;
        if (m_stopped || m_done)
            return;
        if (!response) {
            retryLater(response.error());
            return;
        }
        if (!response->isSuccess()) {
            const Status status = statusFromResponse(*response);
            if (isRetryable(status)) {
                retryLater(status);
                return;
            }
            m_done = true; // the pod is gone (404) or out of reach: its log has ended
            Q_EMIT finished(status.code() == 404 ? Status() : status);
            return;
        }
        if (containerMayContinue(response->body, m_options.container)) {
            retryLater(Status(0, QString(), u"the log stream ended while the container still runs"_qs));
            return;
        }
        m_done = true;
        Q_EMIT finished(Status());
    });
}

void LogStream::retryLater(const Status &why)
{
    m_delayMs = m_delayMs == 0 ? kFirstDelayMs : std::min(m_delayMs * 2, kMaxDelayMs);
    m_resume.reconnecting(); // the old stream is replaced by open(), outside its own callbacks
    Q_EMIT reconnecting(why, m_delayMs);
    QTimer::singleShot(m_delayMs, this, [this] {
        if (m_stopped || m_done)
            return;
        ++m_reconnections;
        open();
    });
}

void LogStream::stop()
{
    m_stopped = true;
    if (m_stream)
        m_stream->stop();
    if (m_probe) {
        m_transport->cancel(m_probe);
        m_probe = 0;
    }
}

} // namespace kube
