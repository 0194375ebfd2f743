#include "logresume.h"


namespace kube {

namespace {

int digitsAt(QStringView s, qsizetype at, qsizetype count)
{
    if (at + count > s.size())
        return -1;
    int value = 0;
    for (qsizetype i = at; i < at + count; ++i) {
        const char16_t c = s[i].unicode();
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c - u'0');
    }
    return value;
}

} // namespace

std::optional<LogResume::Stamp> LogResume::parseStamp(QStringView line, qsizetype *textStart)
{
    // 2026-11-27T10:00:00[.fraction](Z|±hh:mm) followed by one space.
    if (line.size() < 21 || line[4] != u'-' || line[7] != u'-' || line[10] != u'T' || line[13] != u':' || line[16] != u':')
        return std::nullopt;
    const int year = digitsAt(line, 0, 4), month = digitsAt(line, 5, 2), day = digitsAt(line, 8, 2);
    const int hour = digitsAt(line, 11, 2), minute = digitsAt(line, 14, 2), second = digitsAt(line, 17, 2);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0)
        return std::nullopt;
    const QDate date(year, month, day);
    const QTime time(hour, minute, second > 59 ? 59 : second); // a leap second counts as :59
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    qsizetype at = 19;
    int nanos = 0;
    if (at < line.size() && line[at] == u'.') {
        ++at;
        int digits = 0;
        while (at < line.size() && line[at].isDigit()) {
            if (digits < 9) {
                nanos = nanos * 10 + (line[at].unicode() - u'0');
                ++digits;
            }
            ++at;
        }
        if (digits == 0)
            return std::nullopt;
        for (; digits < 9; ++digits)
            nanos *= 10;
    }
    qint64 offsetSeconds = 0;
    if (at < line.size() && line[at] == u'Z') {
        ++at;
    } else if (at < line.size() && (line[at] == u'+' || line[at] == u'-')) {
        const int oh = digitsAt(line, at + 1, 2), om = digitsAt(line, at + 4, 2);
        if (oh < 0 || om < 0 || at + 3 >= line.size() || line[at + 3] != u':')
            return std::nullopt;
        offsetSeconds = (line[at] == u'+' ? 1 : -1) * (qint64(oh) * 3600 + om * 60);
        at += 6;
    } else {
        return std::nullopt;
    }
    if (at >= line.size() || line[at] != u' ')
        return std::nullopt;
    if (textStart)
        *textStart = at + 1;
    const qint64 seconds = QDateTime(date, time, Qt::UTC).toSecsSinceEpoch() - offsetSeconds;
    return Stamp{seconds, nanos};
}

std::optional<QString> LogResume::accept(const QString &line, bool keepStamps)
{
    qsizetype textStart = 0;
    const std::optional<Stamp> stamp = parseStamp(line, &textStart);
    if (!stamp) // nothing to place it by: deliver it as it came
        return line;
    const QString text = line.mid(textStart);
    if (!m_last || *stamp > *m_last) {
        m_last = *stamp;
        m_atLast.clear();
        m_atLast.insert(text, 1);
        m_atLastCount = 1;
        m_replaying = false; // past the instant of the drop: everything from here on is new
        m_toSkip.clear();
    } else if (*stamp < *m_last) {
        if (m_replaying) // sent again because the API resumes to the second
            return std::nullopt;
        // Out of order in the log itself: deliver it, it does not move the position.
    } else {
        if (m_replaying) {
            if (auto it = m_toSkip.find(text); it != m_toSkip.end()) {
                if (--*it == 0)
                    m_toSkip.erase(it);
                return std::nullopt;
            }
        }
        if (m_atLastCount < kMaxAtLast) {
            ++m_atLast[text];
            ++m_atLastCount;
        }
    }
    return keepStamps ? line : text;
}

void LogResume::reconnecting()
{
    m_toSkip = m_atLast;
    m_replaying = m_last.has_value();
}

QDateTime LogResume::resumeFrom() const
{
    if (!m_last)
        return {};
    return QDateTime::fromSecsSinceEpoch(m_last->seconds, Qt::UTC);
}

} // namespace kube
