#pragma once
// LogsWorkflow: carries out what the log panel asks for — one LogStream per requested container
// (all of a pod's containers in "All containers" mode) on the cluster session's worker, lines
// handed to the panel as they arrive, and the server's reason when a stream ends early (a
// container still waiting, a previous instance that does not exist). A new request replaces
// the streams of the previous one; stopping the panel or changing pod stops them.
//
// GUI thread only. Streams live on the session's worker thread and are stopped through it.

#include <QList>
#include <QObject>
#include <QPointer>

namespace kube {
class LogStream;
}

namespace timonel {

class ClusterSession;
class LogPanel;
struct LogRequest;

class LogsWorkflow : public QObject
{
    Q_OBJECT
public:
    LogsWorkflow(LogPanel *panel, QObject *parent = nullptr);
    ~LogsWorkflow() override;

    // The session streams come from; null stops everything.
    void setSession(ClusterSession *session);
    void start(const LogRequest &request);
    void stop();
    int activeStreams() const { return int(m_streams.size()); }

private:
    LogPanel *m_panel;
    QPointer<ClusterSession> m_session;
    QList<QPointer<kube::LogStream>> m_streams;
    quint64 m_generation = 0;
};

} // namespace timonel
