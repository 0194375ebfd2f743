#include "logbuffer.h"

#include <QDate>
#include <QElapsedTimer>
#include <QIODevice>
#include <QTimer>

#include <algorithm>
#include <cstdio>

namespace timonel {

namespace {

constexpr qint64 kNanosPerSecond = 1000000000;
constexpr qint64 kJulianDayOfEpoch = 2440588; // 1970-01-01
constexpr int kMaxCountPerLine = 65535;
// The initial count of a new search yields to the event loop after this long.
constexpr qint64 kCountSliceMs = 4;

bool readDigits(QStringView s, qsizetype pos, int count, int &out)
{
    if (pos + count > s.size())
        return false;
    int v = 0;
    for (qsizetype i = pos; i < pos + count; ++i) {
        const char16_t c = s[i].unicode();
        if (c < u'0' || c > u'9')
            return false;
        v = v * 10 + (c - u'0');
    }
    out = v;
    return true;
}

bool charAt(QStringView s, qsizetype pos, char16_t expected)
{
    return pos < s.size() && s[pos].unicode() == expected;
}

qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

} // namespace

// ---------------------------------------------------------------------------------- LogSearch

LogSearch::LogSearch(const QString &pattern, Syntax syntax, Qt::CaseSensitivity sensitivity)
    : m_pattern(pattern), m_syntax(syntax), m_sensitivity(sensitivity)
{
    if (syntax == Syntax::Substring) {
        m_matcher = QStringMatcher(pattern, sensitivity);
        return;
    }
    QRegularExpression::PatternOptions options = QRegularExpression::UseUnicodePropertiesOption;
    if (sensitivity == Qt::CaseInsensitive)
        options |= QRegularExpression::CaseInsensitiveOption;
    m_regex = QRegularExpression(pattern, options);
    m_regex.optimize();
}

QString LogSearch::errorString() const
{
    return isValid() ? QString() : m_regex.errorString();
}

std::pair<int, int> LogSearch::indexIn(QStringView text, int from) const
{
    if (!isActive() || from > text.size())
        return {-1, 0};
    if (m_syntax == Syntax::Substring) {
        const qsizetype at = m_matcher.indexIn(text, std::max(0, from));
        return at < 0 ? std::pair(-1, 0) : std::pair(int(at), int(m_pattern.size()));
    }
    qsizetype offset = std::max(0, from);
    while (offset <= text.size()) {
        const QRegularExpressionMatch m = m_regex.match(text, offset);
        if (!m.hasMatch())
            return {-1, 0};
        if (m.capturedLength() > 0)
            return {int(m.capturedStart()), int(m.capturedLength())};
        offset = m.capturedStart() + 1; // an empty match shows nothing: look further
    }
    return {-1, 0};
}

std::pair<int, int> LogSearch::lastIndexIn(QStringView text, int before) const
{
    if (!isActive() || before <= 0)
        return {-1, 0};
    // Forward matching, keeping the last hit: QStringMatcher's skip table beat a backward
    // case-insensitive lastIndexOf about 3× on 100k log lines, and the hits are the same
    // non-overlapping ones count() and the highlights see.
    std::pair<int, int> last{-1, 0};
    for (auto m = indexIn(text, 0); m.second > 0 && m.first < before; m = indexIn(text, m.first + m.second))
        last = m;
    return last;
}

int LogSearch::count(QStringView text) const
{
    int n = 0;
    for (auto m = indexIn(text, 0); m.second > 0 && n < kMaxCountPerLine; m = indexIn(text, m.first + m.second))
        ++n;
    return n;
}

// ---------------------------------------------------------------------------------- LogBuffer

LogBuffer::LogBuffer(QObject *parent) : QObject(parent), m_countTimer(new QTimer(this))
{
    m_countTimer->setSingleShot(true);
    m_countTimer->setInterval(0);
    connect(m_countTimer, &QTimer::timeout, this, &LogBuffer::countStep);
}

LogBuffer::~LogBuffer() = default;

const LogLine &LogBuffer::line(quint64 sequence) const
{
    Q_ASSERT(contains(sequence));
    return const_cast<LogBuffer *>(this)->slot(sequence);
}

LogLine &LogBuffer::slot(quint64 sequence)
{
    size_t index = m_head + size_t(sequence - m_first); // < 2 × ring size: no division needed
    if (index >= m_ring.size())
        index -= m_ring.size();
    return m_ring[index];
}

quint16 LogBuffer::containerIndex(const QString &container)
{
    const qsizetype at = m_containers.indexOf(container);
    if (at >= 0)
        return quint16(at);
    if (m_containers.size() >= 0xffff)
        return 0xffff; // absurd container counts share one name slot rather than grow forever
    m_containers.append(container);
    return quint16(m_containers.size() - 1);
}

void LogBuffer::forgetMatches(quint64 sequence, const LogLine &line)
{
    if (sequence < m_countCursor || sequence >= m_countEnd)
        m_matchCount -= line.matches;
}

// Callers drop either everything or, from setMaxLines(), a prefix of a ring that is rebuilt
// right after; appendLines() replaces the oldest line in place once the ring is full.
void LogBuffer::dropOldest(qsizetype count)
{
    count = std::min(count, size());
    for (qsizetype i = 0; i < count; ++i) {
        LogLine &oldest = slot(m_first);
        forgetMatches(m_first, oldest);
        oldest = LogLine();
        ++m_first;
        m_head = (m_head + 1) % m_ring.size();
    }
    m_dropped += quint64(count);
    m_countCursor = std::max(m_countCursor, m_first);
    if (isEmpty()) {
        m_ring.clear();
        m_head = 0;
    }
}

void LogBuffer::appendLines(const QString &container, const QStringList &lines, Timestamps timestamps)
{
    if (lines.isEmpty())
        return;
    const quint16 ci = containerIndex(container);
    const bool counting = m_search.isActive();
    const qsizetype before = m_matchCount;

    // Lines that would be dropped within this batch are never parsed.
    qsizetype begin = 0;
    if (lines.size() >= m_maxLines) {
        begin = lines.size() - m_maxLines;
        dropOldest(size());
        m_end += quint64(begin);
        m_first = m_end;
        m_dropped += quint64(begin);
        m_countCursor = std::max(m_countCursor, m_first);
    }

    for (qsizetype i = begin; i < lines.size(); ++i) {
        const QString &raw = lines[i];
        LogLine line;
        AnsiLine parsed;
        if (timestamps == Timestamps::Prefixed) {
            if (const auto ts = parseTimestampPrefix(raw)) {
                line.timestampNs = ts->first;
                parsed = parseAnsiLine(raw.sliced(ts->second));
            } else {
                parsed = parseAnsiLine(raw);
            }
        } else {
            parsed = parseAnsiLine(raw);
        }
        line.text = std::move(parsed.text);
        line.spans = std::move(parsed.spans);
        line.container = ci;
        if (counting) {
            line.matches = quint16(m_search.count(line.text));
            m_matchCount += line.matches;
        }
        m_longest = std::max(m_longest, int(line.text.size()));

        if (qsizetype(m_ring.size()) < m_maxLines) {
            m_ring.push_back(std::move(line)); // not full yet: m_head is 0
        } else {
            LogLine &oldest = slot(m_first);
            forgetMatches(m_first, oldest);
            oldest = std::move(line);
            m_head = (m_head + 1) % m_ring.size();
            ++m_first;
            ++m_dropped;
        }
        ++m_end;
    }
    m_countCursor = std::max(m_countCursor, m_first);
    Q_EMIT linesChanged();
    if (m_matchCount != before)
        Q_EMIT matchCountChanged();
}

void LogBuffer::clear()
{
    const bool hadMatches = m_matchCount != 0;
    m_ring.clear();
    m_head = 0;
    m_first = m_end;
    m_longest = 0;
    m_matchCount = 0;
    m_countCursor = m_countEnd = m_end;
    m_countTimer->stop();
    Q_EMIT linesChanged();
    if (hadMatches)
        Q_EMIT matchCountChanged();
}

void LogBuffer::setMaxLines(qsizetype maxLines)
{
    maxLines = std::max<qsizetype>(1, maxLines);
    if (maxLines == m_maxLines)
        return;
    const qsizetype before = m_matchCount;
    if (size() > maxLines)
        dropOldest(size() - maxLines);
    std::vector<LogLine> ring;
    ring.reserve(size_t(size()));
    for (quint64 s = m_first; s < m_end; ++s)
        ring.push_back(std::move(slot(s)));
    m_ring = std::move(ring);
    m_head = 0;
    m_maxLines = maxLines;
    Q_EMIT linesChanged();
    if (m_matchCount != before)
        Q_EMIT matchCountChanged();
}

QString LogBuffer::lineText(quint64 sequence, LineParts parts) const
{
    const LogLine &l = line(sequence);
    QString out;
    if (parts.testFlag(WithContainer))
        out += u'[' + containerName(l) + QStringLiteral("] ");
    if (parts.testFlag(WithTimestamp) && l.hasTimestamp())
        out += formatTimestamp(l.timestampNs) + u' ';
    if (out.isEmpty())
        return l.text;
    return out + l.text;
}

bool LogBuffer::writeTo(QIODevice *device, LineParts parts) const
{
    QByteArray chunk;
    chunk.reserve(1 << 17);
    for (quint64 s = m_first; s < m_end; ++s) {
        chunk += lineText(s, parts).toUtf8();
        chunk += '\n';
        if (chunk.size() >= (1 << 16) || s + 1 == m_end) {
            if (device->write(chunk) != chunk.size())
                return false;
            chunk.clear();
        }
    }
    return true;
}

// ---------------------------------------------------------------------------------- search

void LogBuffer::setSearch(const LogSearch &search)
{
    if (search == m_search)
        return;
    m_search = search;
    m_matchCount = 0;
    m_countCursor = m_first;
    m_countEnd = m_search.isActive() ? m_end : m_first;
    m_countTimer->stop();
    Q_EMIT searchChanged();
    countStep(); // emits matchCountChanged
}

void LogBuffer::countStep()
{
    QElapsedTimer clock;
    clock.start();
    while (m_countCursor < m_countEnd) {
        const quint64 stop = std::min(m_countEnd, m_countCursor + 2048);
        for (; m_countCursor < stop; ++m_countCursor) {
            LogLine &l = slot(m_countCursor);
            l.matches = quint16(m_search.count(l.text));
            m_matchCount += l.matches;
        }
        if (clock.elapsed() >= kCountSliceMs)
            break;
    }
    if (m_countCursor < m_countEnd)
        m_countTimer->start();
    Q_EMIT matchCountChanged();
}

std::optional<LogMatch> LogBuffer::find(const LogSearch &search, LogPosition from, Direction direction,
                                        quint64 limit) const
{
    const quint64 end = std::min(limit, m_end);
    if (!search.isActive() || end <= m_first)
        return std::nullopt;
    const quint64 n = end - m_first;
    const bool forward = direction == Direction::Forward;
    quint64 start = from.sequence;
    int column = from.column;
    if (start < m_first) {
        start = m_first;
        column = 0;
    } else if (start >= end) {
        start = forward ? m_first : end - 1;
        column = forward ? 0 : std::numeric_limits<int>::max();
    }
    auto found = [](quint64 s, std::pair<int, int> m) { return LogMatch{s, m.first, m.second}; };
    // For the active search, counted lines know whether they match: most are skipped unread.
    const bool useCounts = search == m_search;
    auto cannotMatch = [&](quint64 s) {
        return useCounts && (s < m_countCursor || s >= m_countEnd) && line(s).matches == 0;
    };
    // The line after (or before) s, wrapping around [m_first, end).
    auto advance = [&](quint64 s) {
        if (forward)
            return s + 1 == end ? m_first : s + 1;
        return s == m_first ? end - 1 : s - 1;
    };

    if (forward) {
        if (const auto m = search.indexIn(line(start).text, column); m.second > 0)
            return found(start, m);
    } else if (const auto m = search.lastIndexIn(line(start).text, column); m.second > 0) {
        return found(start, m);
    }
    quint64 s = advance(start);
    for (quint64 k = 1; k < n; ++k, s = advance(s)) {
        if (!cannotMatch(s)) {
            const QString &text = line(s).text;
            const auto m = forward ? search.indexIn(text, 0) : search.lastIndexIn(text, int(text.size()) + 1);
            if (m.second > 0)
                return found(s, m);
        }
    }
    // Wrapped back to the start line: a match on the other side of the starting column.
    const QString &text = line(start).text;
    if (forward) {
        if (const auto m = search.indexIn(text, 0); m.second > 0 && m.first < column)
            return found(start, m);
        return std::nullopt;
    }
    if (const auto m = search.lastIndexIn(text, int(text.size()) + 1); m.second > 0 && m.first >= column)
        return found(start, m);
    return std::nullopt;
}

QList<LogMatch> LogBuffer::matchesIn(const LogSearch &search, quint64 sequence, int maxMatches) const
{
    QList<LogMatch> out;
    if (!search.isActive() || !contains(sequence))
        return out;
    const QString &text = line(sequence).text;
    for (auto m = search.indexIn(text, 0); m.second > 0 && out.size() < maxMatches;
         m = search.indexIn(text, m.first + m.second))
        out.append(LogMatch{sequence, m.first, m.second});
    return out;
}

// ---------------------------------------------------------------------------------- timestamps

std::optional<std::pair<qint64, int>> LogBuffer::parseTimestampPrefix(QStringView s)
{
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (!readDigits(s, 0, 4, year) || !charAt(s, 4, u'-') || !readDigits(s, 5, 2, month) || !charAt(s, 7, u'-') ||
        !readDigits(s, 8, 2, day) || !(charAt(s, 10, u'T') || charAt(s, 10, u't')) || !readDigits(s, 11, 2, hour) ||
        !charAt(s, 13, u':') || !readDigits(s, 14, 2, minute) || !charAt(s, 16, u':') ||
        !readDigits(s, 17, 2, second))
        return std::nullopt;
    if (year < 1678 || year > 2261 || hour > 23 || minute > 59 || second > 60)
        return std::nullopt;
    const QDate date(year, month, day);
    if (!date.isValid())
        return std::nullopt;

    qsizetype pos = 19;
    qint64 fraction = 0;
    if (charAt(s, pos, u'.')) {
        ++pos;
        int digits = 0;
        while (pos < s.size() && s[pos] >= u'0' && s[pos] <= u'9') {
            if (digits < 9)
                fraction = fraction * 10 + (s[pos].unicode() - u'0');
            ++digits;
            ++pos;
        }
        if (digits == 0)
            return std::nullopt;
        for (int d = digits; d < 9; ++d)
            fraction *= 10;
    }
    qint64 offsetSeconds = 0;
    if (charAt(s, pos, u'Z') || charAt(s, pos, u'z')) {
        ++pos;
    } else if (charAt(s, pos, u'+') || charAt(s, pos, u'-')) {
        const bool negative = s[pos] == u'-';
        int oh = 0, om = 0;
        if (!readDigits(s, pos + 1, 2, oh) || !charAt(s, pos + 3, u':') || !readDigits(s, pos + 4, 2, om) || oh > 23 ||
            om > 59)
            return std::nullopt;
        offsetSeconds = (oh * 3600 + om * 60) * (negative ? -1 : 1);
        pos += 6;
    } else {
        return std::nullopt;
    }
    if (!charAt(s, pos, u' '))
        return std::nullopt;
    const qint64 days = date.toJulianDay() - kJulianDayOfEpoch;
    const qint64 seconds = days * 86400 + hour * 3600 + minute * 60 + second - offsetSeconds;
    return std::pair(seconds * kNanosPerSecond + fraction, int(pos + 1));
}

QString LogBuffer::formatTimestamp(qint64 nanoseconds)
{
    const qint64 seconds = floorDiv(nanoseconds, kNanosPerSecond);
    const qint64 fraction = nanoseconds - seconds * kNanosPerSecond;
    const qint64 days = floorDiv(seconds, 86400);
    const qint64 ofDay = seconds - days * 86400;
    const QDate date = QDate::fromJulianDay(days + kJulianDayOfEpoch);
    char out[48];
    std::snprintf(out, sizeof out, "%04d-%02d-%02dT%02d:%02d:%02d.%09lldZ", date.year(), date.month(), date.day(),
                  int(ofDay / 3600), int(ofDay / 60 % 60), int(ofDay % 60), static_cast<long long>(fraction));
    return QString::fromLatin1(out);
}

} // namespace timonel
