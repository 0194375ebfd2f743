#pragma once
// LogResume: what lets a followed log survive a dropped connection without losing or repeating
// a line. The stream asks the server for timestamps; LogResume reads each line's RFC 3339
// stamp, remembers the newest one and the lines seen at exactly that instant, and after a
// reconnection (asked with sinceTime = that instant, which the API takes to the second) drops
// what was already delivered: every line older than the newest stamp, and at that stamp the
// same texts as often as they were seen. Logs are in time order per container, so this is exact
// unless one instant holds more than kMaxAtLast lines.
//
// Not thread-safe; owned by one stream. Cost: one stamp parse per line; memory bounded by
// kMaxAtLast lines.

#include <QDateTime>
#include <QHash>
#include <QString>

#include <optional>

namespace kube {

class LogResume
{
public:
    static constexpr qsizetype kMaxAtLast = 1024;

    // A line's "<stamp> " prefix as (seconds since the epoch, nanoseconds), or nullopt when it
    // has none (a piece of an over-long line, or a server that ignored timestamps=true).
    struct Stamp {
        qint64 seconds = 0;
        int nanos = 0;
        auto operator<=>(const Stamp &) const = default;
    };
    static std::optional<Stamp> parseStamp(QStringView line, qsizetype *textStart = nullptr);

    // A line from the server (with its stamp). Returns the line to deliver — without the stamp
    // unless keepStamps — or nullopt for one already delivered before a reconnection.
    std::optional<QString> accept(const QString &line, bool keepStamps);

    // The connection dropped: from now on lines repeated from the newest stamp are dropped.
    void reconnecting();
    // Where the next request starts (second precision, as the API takes it); invalid when no
    // stamped line arrived yet.
    QDateTime resumeFrom() const;
    bool hasPosition() const { return m_last.has_value(); }

private:
    std::optional<Stamp> m_last;
    QHash<QString, int> m_atLast;   // texts delivered at m_last, with how many times
    qsizetype m_atLastCount = 0;
    QHash<QString, int> m_toSkip;   // after a reconnection: those still expected again
    bool m_replaying = false;       // reconnected, and no line newer than m_last arrived yet
};

} // namespace kube
