#include "logsworkflow.h"

#include "clustersession.h"

#include "kube/client/logstream.h"
#include "views/logpanel.h"

namespace timonel {

LogsWorkflow::LogsWorkflow(LogPanel *panel, QObject *parent) : QObject(parent), m_panel(panel)
{
    connect(panel, &LogPanel::streamRequested, this, &LogsWorkflow::start);
    connect(panel, &LogPanel::stopRequested, this, &LogsWorkflow::stop);
}

LogsWorkflow::~LogsWorkflow()
{
    stop();
}

void LogsWorkflow::setSession(ClusterSession *session)
{
    if (session == m_session)
        return;
    stop();
    m_session = session;
}

void LogsWorkflow::stop()
{
    for (const QPointer<kube::LogStream> &stream : std::as_const(m_streams)) {
        if (stream) {
            stream->disconnect(this);
            if (m_session)
                m_session->stopLogStream(stream);
        }
    }
    m_streams.clear();
    ++m_generation; // lines already queued from the old streams are dropped
}

void LogsWorkflow::start(const LogRequest &request)
{
    stop();
    if (!m_session || request.pod.isEmpty())
        return;
    for (const QString &container : request.containers) {
        kube::LogOptions options;
        options.container = container;
        options.follow = request.follow && !request.previous;
        options.previous = request.previous;
        options.timestamps = request.timestamps;
        options.sinceSeconds = request.sinceSeconds;
        options.tailLines = request.tailLines;
        kube::LogStream *stream = m_session->startLogStream(request.namespace_, request.pod, options);
        if (!stream) {
            m_panel->streamFinished(container, tr("not connected to the cluster"));
            continue;
        }
        const quint64 generation = m_generation;
        connect(stream, &kube::LogStream::linesReceived, this, [this, container, generation](const QStringList &lines) {
            if (generation == m_generation)
                m_panel->appendLines(container, lines);
        });
        connect(stream, &kube::LogStream::reconnecting, this, [this, container, generation](const kube::Status &why) {
            if (generation == m_generation)
                m_panel->streamReconnecting(container, why.message());
        });
        connect(stream, &kube::LogStream::finished, this, [this, container, generation](const kube::Status &status) {
            if (generation == m_generation)
                m_panel->streamFinished(container, status.isSuccess() ? QString() : status.message());
        });
        m_streams.append(stream);
    }
}

} // namespace timonel
