#include "logstream.h"

#include "clustertransport.h"
#include "httpstream.h"
#include "resourcepath.h"

#include "kube/api/clock.h"

#include <QPointer>

namespace kube {

namespace {
QStringList decode(const QList<QByteArray> &lines)
{
    QStringList out;
    out.reserve(lines.size());
    for (const QByteArray &line : lines)
        out.append(QString::fromUtf8(line));
    return out;
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
    : QObject(parent)
{
    HttpRequest request;
    request.target = target(namespace_, pod, options);
    request.headers.append({QByteArray("Accept"), QByteArray("*/*")});
    m_stream = transport->openStream(std::move(request));
    m_stream->onData = [this](QByteArrayView data) {
        QList<QByteArray> lines;
        m_lines.feed(data, lines); // Split never fails
        if (!lines.isEmpty())
            Q_EMIT linesReceived(decode(lines));
    };
    m_stream->onFinished = [this](const Status &status) {
        QPointer<LogStream> self(this);
        const QByteArray rest = m_lines.takeRest();
        if (!rest.isEmpty())
            Q_EMIT linesReceived({QString::fromUtf8(rest)});
        if (self)
            Q_EMIT finished(status);
    };
}

LogStream::~LogStream() = default;

void LogStream::stop()
{
    m_stream->stop();
}

} // namespace kube
