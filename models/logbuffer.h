#pragma once
// LogBuffer: the lines of one log view, in a bounded ring (default 100,000 lines; the oldest are
// dropped). Each line is stored as shown: ANSI-parsed text and spans (models/ansitext.h), the
// RFC 3339 timestamp kubectl's --timestamps puts in front (split off, kept as UTC nanoseconds),
// and the container it came from. Every line gets a sequence number that is never reused (not
// even after clear()), so a view keeps its place while old lines drop: the buffer holds
// [firstSequence(), endSequence()).
//
// Search runs over the buffer, not the widget: LogSearch is a compiled pattern (case-insensitive
// substring by default, or a regular expression); find() walks lines from a position with
// wrap-around; the active search's match count is kept up to date incrementally (new lines are
// counted as they arrive, dropped lines subtract what they held) and the initial count over a
// full buffer runs in slices of a few milliseconds on the event loop.
//
// Thread affinity: the thread it lives on (the GUI thread for the console). Signals are emitted
// once per appendLines()/clear()/setMaxLines() call, never per line; a view coalesces them.
// Cost: appendLines() is O(batch) (one ANSI pass per line, plus one match per line while a search
// is active; ~1 µs per line in bench_logs); memory is 64 bytes per line plus its text (UTF-16,
// its own allocation) and spans — about 0.6 KB per 140-character line, 60 MB for 100k lines.

#include "ansitext.h"

#include <QObject>
#include <QRegularExpression>
#include <QStringList>
#include <QStringMatcher>

#include <limits>
#include <optional>
#include <vector>

class QIODevice;
class QTimer;

namespace timonel {

struct LogLine {
    static constexpr qint64 kNoTimestamp = std::numeric_limits<qint64>::min();

    QString text;            // visible text (ANSI removed)
    QList<AnsiSpan> spans;   // styled runs of text
    qint64 timestampNs = kNoTimestamp; // UTC nanoseconds since the epoch
    quint16 container = 0;   // index into LogBuffer::containers()
    quint16 matches = 0;     // occurrences of the active search (valid once counted)

    bool hasTimestamp() const { return timestampNs != kNoTimestamp; }
};

// A position in the buffer: a line and a UTF-16 column of its text.
struct LogPosition {
    quint64 sequence = 0;
    int column = 0;
};

struct LogMatch {
    quint64 sequence = 0;
    int start = 0;
    int length = 0;
    friend bool operator==(const LogMatch &, const LogMatch &) = default;
};

// A compiled search pattern. Value type; any thread. Zero-length regex matches are skipped.
class LogSearch
{
public:
    enum class Syntax { Substring, RegularExpression };

    LogSearch() = default;
    explicit LogSearch(const QString &pattern, Syntax syntax = Syntax::Substring,
                       Qt::CaseSensitivity sensitivity = Qt::CaseInsensitive);

    QString pattern() const { return m_pattern; }
    Syntax syntax() const { return m_syntax; }
    Qt::CaseSensitivity caseSensitivity() const { return m_sensitivity; }
    // Empty or invalid patterns match nothing.
    bool isActive() const { return !m_pattern.isEmpty() && isValid(); }
    bool isValid() const { return m_syntax == Syntax::Substring || m_regex.isValid(); }
    QString errorString() const;

    // The first match starting at or after from; length 0 when there is none.
    std::pair<int, int> indexIn(QStringView text, int from = 0) const;
    // The last match starting before `before`; length 0 when there is none.
    std::pair<int, int> lastIndexIn(QStringView text, int before) const;
    // Occurrences in text (non-overlapping, left to right), at most 65535.
    int count(QStringView text) const;

    friend bool operator==(const LogSearch &a, const LogSearch &b)
    {
        return a.m_pattern == b.m_pattern && a.m_syntax == b.m_syntax && a.m_sensitivity == b.m_sensitivity;
    }

private:
    QString m_pattern;
    Syntax m_syntax = Syntax::Substring;
    Qt::CaseSensitivity m_sensitivity = Qt::CaseInsensitive;
    QStringMatcher m_matcher;
    QRegularExpression m_regex;
};

class LogBuffer : public QObject
{
    Q_OBJECT
public:
    static constexpr qsizetype kDefaultMaxLines = 100000;

    enum class Timestamps { Absent, Prefixed }; // did the request ask for --timestamps?
    enum class Direction { Forward, Backward };
    enum LinePart { TextOnly = 0x0, WithTimestamp = 0x1, WithContainer = 0x2 };
    Q_DECLARE_FLAGS(LineParts, LinePart)

    explicit LogBuffer(QObject *parent = nullptr);
    ~LogBuffer() override;

    qsizetype maxLines() const { return m_maxLines; }
    // At least 1. Lowering it drops the oldest lines at once.
    void setMaxLines(qsizetype maxLines);

    qsizetype size() const { return qsizetype(m_end - m_first); }
    bool isEmpty() const { return m_end == m_first; }
    quint64 firstSequence() const { return m_first; }
    quint64 endSequence() const { return m_end; }
    bool contains(quint64 sequence) const { return sequence >= m_first && sequence < m_end; }
    // Precondition: contains(sequence).
    const LogLine &line(quint64 sequence) const;
    // Lines dropped by the bound since construction (not by clear()).
    quint64 droppedCount() const { return m_dropped; }
    // The longest text appended since the last clear(), in UTF-16 units (for horizontal scrolling).
    int longestLineLength() const { return m_longest; }

    QStringList containers() const { return m_containers; }
    QString containerName(const LogLine &line) const { return m_containers.value(line.container); }

    // Parses and appends one batch; emits linesChanged() once.
    void appendLines(const QString &container, const QStringList &lines, Timestamps timestamps);
    void clear();

    // The line as text: "[container] timestamp text", with the parts asked for (and present).
    QString lineText(quint64 sequence, LineParts parts) const;
    // Writes every line, UTF-8, one per line ending in '\n'. False when the device failed.
    bool writeTo(QIODevice *device, LineParts parts) const;

    // --- search
    void setSearch(const LogSearch &search);
    const LogSearch &search() const { return m_search; }
    // Occurrences of the active search in the buffer; exact once isMatchCountComplete().
    qsizetype matchCount() const { return m_matchCount; }
    bool isMatchCountComplete() const { return m_countCursor >= m_countEnd; }
    // Forward: the first match at or after `from`; Backward: the last match before it. Wraps
    // around [firstSequence(), end) where end = min(limit, endSequence()). O(lines) worst case.
    std::optional<LogMatch> find(const LogSearch &search, LogPosition from, Direction direction,
                                 quint64 limit = std::numeric_limits<quint64>::max()) const;
    // Every match of search in one line, left to right (at most maxMatches).
    QList<LogMatch> matchesIn(const LogSearch &search, quint64 sequence, int maxMatches = 1000) const;

    // RFC 3339 ("2024-05-01T10:00:00.123456789Z", any fraction, Z or ±hh:mm) at the start of text
    // followed by one space: the UTC nanoseconds and the prefix length (including the space).
    static std::optional<std::pair<qint64, int>> parseTimestampPrefix(QStringView text);
    // UTC, nine fraction digits: "2024-05-01T10:00:00.123456789Z" (fixed width 30).
    static QString formatTimestamp(qint64 nanoseconds);

Q_SIGNALS:
    // Lines were appended, dropped or cleared; read the new range from the buffer.
    void linesChanged();
    void searchChanged();
    void matchCountChanged();

private:
    LogLine &slot(quint64 sequence);
    quint16 containerIndex(const QString &container);
    void dropOldest(qsizetype count);
    void forgetMatches(quint64 sequence, const LogLine &line);
    void countStep();

    std::vector<LogLine> m_ring; // grows up to m_maxLines, then reused from m_head
    size_t m_head = 0;           // ring index of m_first once the ring is full
    qsizetype m_maxLines = kDefaultMaxLines;
    quint64 m_first = 0;
    quint64 m_end = 0;
    quint64 m_dropped = 0;
    int m_longest = 0;
    QStringList m_containers;

    LogSearch m_search;
    qsizetype m_matchCount = 0;
    // Lines in [m_countCursor, m_countEnd) still await the initial count; others are counted.
    quint64 m_countCursor = 0;
    quint64 m_countEnd = 0;
    QTimer *m_countTimer = nullptr;
};

} // namespace timonel

Q_DECLARE_OPERATORS_FOR_FLAGS(timonel::LogBuffer::LineParts)
