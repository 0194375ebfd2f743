#pragma once
// ContainerLog: the log of one container instance, bounded like a runtime's log rotation
// (maxLines / maxBytes; the oldest lines are dropped first), and the reader the log endpoint
// uses (sinceTime, tailLines, timestamps). Timestamps print as RFC 3339 with nanoseconds, as
// `kubectl logs --timestamps` shows them.
//
// Thread affinity: none; owned by a container simulation. Cost: append O(1) amortised.

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace kube::kubelet {

struct LogQuery {
    bool previous = false;
    std::optional<QDateTime> sinceTime; // lines at or after
    std::optional<int> tailLines;
    bool timestamps = false;
};

class ContainerLog
{
public:
    struct Line {
        QDateTime time;
        QString text;
    };

    explicit ContainerLog(int maxLines = 5000, qint64 maxBytes = 1024 * 1024) : m_maxLines(maxLines), m_maxBytes(maxBytes) {}

    void append(const QDateTime &time, const QString &text);
    const QList<Line> &lines() const { return m_lines; }
    qint64 bytes() const { return m_bytes; }
    qint64 droppedLines() const { return m_dropped; }

    // The text `kubectl logs` prints: one line per entry, each ending in '\n'.
    QString read(const LogQuery &query) const;

    // How many lines were ever appended (dropped ones included): a follower's position, which
    // rotation does not shift. readFrom(s) is what was appended at or after position s (and is
    // still kept), formatted as read() does.
    qint64 endSequence() const { return m_dropped + m_lines.size(); }
    QString readFrom(qint64 sequence, bool timestamps) const;

    // "2026-11-27T10:00:00.123000000Z"
    static QString formatTimestamp(const QDateTime &time);

private:
    QString format(qsizetype begin, bool timestamps) const;

    QList<Line> m_lines;
    int m_maxLines;
    qint64 m_maxBytes;
    qint64 m_bytes = 0;
    qint64 m_dropped = 0;
};

} // namespace kube::kubelet
