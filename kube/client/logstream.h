#pragma once
// LogStream: a container's log (GET …/pods/<name>/log) delivered as complete lines while they
// arrive, following the container when asked. Lines longer than kMaxLineBytes are delivered in
// pieces so memory stays bounded; the server's chunk boundaries never split a line.
//
// Thread affinity: the transport's thread; signals arrive there. The transport is not owned and
// must outlive the stream. Destroying it (or stop()) closes the connection without finished().

#include "linebuffer.h"

#include "kube/api/status.h"

#include <QDateTime>
#include <QObject>
#include <QStringList>

#include <memory>
#include <optional>

namespace kube {

class ClusterTransport;
class HttpStream;

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

Q_SIGNALS:
    void linesReceived(const QStringList &lines);
    // Once: success when the log ended (not following, or the container exited), else why.
    void finished(const kube::Status &status);

private:
    std::unique_ptr<HttpStream> m_stream;
    LineBuffer m_lines{kMaxLineBytes, LineBuffer::Overflow::Split};
};

} // namespace kube
