#pragma once
// LogStream: a container's log (GET …/pods/<name>/log) delivered as complete lines while they
// arrive, following the container when asked. Lines longer than kMaxLineBytes are delivered in
// pieces so memory stays bounded; the server's chunk boundaries never split a line.
//
// Following survives a lost connection (an API server restart, a network blip): the stream asks
// for timestamps, reconnects with back-off (0.5 s doubling to 10 s, reset once lines flow) with
// sinceTime at the last line's instant, and LogResume drops what was already delivered — no line
// is lost or repeated. When the server ends a followed log cleanly, the pod is asked whether the
// container still runs (then the stream goes on) or has ended (then finished() reports success).
// Errors that retrying cannot fix (400, 401, 403, 404…) end the stream.
//
// Thread affinity: the transport's thread; signals arrive there. The transport is not owned and
// must outlive the stream. Destroying it (or stop()) closes the connection without finished().

#include "linebuffer.h"
#include "logresume.h"

#include "kube/api/status.h"

#include <QDateTime>
#include <QObject>
#include <QStringList>

#include <memory>
#include <optional>

namespace kube {

class ClusterTransport;
class HttpStream;
struct HttpResponse;

struct LogOptions {
    QString container;               // empty: the pod's only (or default) container
    bool follow = false;
    bool previous = false;           // the previous, terminated instance
    bool timestamps = false;         // RFC 3339 timestamp before each line
    std::optional<qint64> tailLines;
    std::optional<qint64> sinceSeconds;
    QDateTime sinceTime;             // invalid: not set (mutually exclusive with sinceSeconds)
    std::optional<qint64> limitBytes;
};

class LogStream : public QObject
{
    Q_OBJECT
public:
    static constexpr qsizetype kMaxLineBytes = 1024 * 1024;

    // Starts at once (asynchronously).
    LogStream(ClusterTransport *transport, const QString &namespace_, const QString &pod, const LogOptions &options,
              QObject *parent = nullptr);
    ~LogStream() override;

    void stop();
    // The request target, for tests and diagnostics.
    static QByteArray target(const QString &namespace_, const QString &pod, const LogOptions &options);

    // Reconnections made so far (following only).
    int reconnections() const { return m_reconnections; }

Q_SIGNALS:
    void linesReceived(const QStringList &lines);
    // Following lost its connection (why) and tries again after delayMs.
    void reconnecting(const kube::Status &why, int delayMs);
    // Once: success when the log ended (not following, or the container exited), else why.
    void finished(const kube::Status &status);

private:
    void open();
    void onStreamFinished(const Status &status);
    void checkContainer();
    void retryLater(const Status &why);
    void deliver(const QList<QByteArray> &lines);
    static bool isRetryable(const Status &status);

    ClusterTransport *m_transport;
    QString m_namespace, m_pod;
    LogOptions m_options;
    std::unique_ptr<HttpStream> m_stream;
    LineBuffer m_lines{kMaxLineBytes, LineBuffer::Overflow::Split};
    LogResume m_resume;
    quint64 m_probe = 0;      // the pod GET in flight, 0 if none
    int m_delayMs = 0;        // the next back-off; 0 until the first failure
    int m_reconnections = 0;
    bool m_stopped = false;
    bool m_done = false;
};

} // namespace kube
