#include "duration.h"

#include <QByteArray>

#include <algorithm>

namespace kube {

namespace {

constexpr quint64 kLimit = quint64(1) << 63; // magnitude of the most negative duration

// Go's time.quote: bytes outside printable ASCII as \xNN, quotes and backslashes escaped.
QString goTimeQuote(const QByteArray &s)
{
    static const char hex[] = "0123456789abcdef";
    QByteArray out = "\"";
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x80 || c < 0x20) {
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 0xf];
            continue;
        }
        if (c == '"' || c == '\\')
            out += '\\';
        out += char(c);
    }
    out += '"';
    return QString::fromUtf8(out);
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// [0-9]*; false on overflow beyond 1<<63.
bool leadingInt(const QByteArray &s, qsizetype &pos, quint64 &x)
{
    x = 0;
    for (; pos < s.size() && isDigit(s[pos]); ++pos) {
        if (x > kLimit / 10)
            return false;
        x = x * 10 + quint64(s[pos] - '0');
        if (x > kLimit)
            return false;
    }
    return true;
}

// [0-9]* after the dot; digits past int64 precision are consumed and ignored.
void leadingFraction(const QByteArray &s, qsizetype &pos, quint64 &x, double &scale)
{
    x = 0;
    scale = 1;
    bool overflow = false;
    for (; pos < s.size() && isDigit(s[pos]); ++pos) {
        if (overflow)
            continue;
        if (x > (kLimit - 1) / 10) {
            overflow = true;
            continue;
        }
        const quint64 y = x * 10 + quint64(s[pos] - '0');
        if (y > kLimit) {
            overflow = true;
            continue;
        }
        x = y;
        scale *= 10;
    }
}

quint64 unitNanoseconds(const QByteArray &unit)
{
    if (unit == "ns")
        return 1;
    if (unit == "us" || unit == "\xc2\xb5s" || unit == "\xce\xbcs") // us, µs (micro sign), μs (Greek mu)
        return Duration::Microsecond;
    if (unit == "ms")
        return Duration::Millisecond;
    if (unit == "s")
        return Duration::Second;
    if (unit == "m")
        return Duration::Minute;
    if (unit == "h")
        return Duration::Hour;
    return 0;
}

// Writes v/10^prec's fraction (".5", ".125") without trailing zeros; returns v/10^prec.
quint64 appendFraction(QByteArray &reversed, quint64 v, int prec)
{
    bool print = false;
    for (int i = 0; i < prec; ++i) {
        const int digit = int(v % 10);
        print = print || digit != 0;
        if (print)
            reversed += char('0' + digit);
        v /= 10;
    }
    if (print)
        reversed += '.';
    return v;
}

void appendInt(QByteArray &reversed, quint64 v)
{
    if (v == 0) {
        reversed += '0';
        return;
    }
    for (; v > 0; v /= 10)
        reversed += char('0' + v % 10);
}

} // namespace

Expected<Duration> Duration::parse(QStringView text)
{
    const QByteArray orig = text.toUtf8();
    const auto invalid = [&] { return Status::badRequest(u"time: invalid duration "_qs + goTimeQuote(orig)); };
    qsizetype pos = 0;
    bool neg = false;
    if (!orig.isEmpty() && (orig[0] == '-' || orig[0] == '+')) {
        neg = orig[0] == '-';
        ++pos;
    }
    if (orig.mid(pos) == "0")
        return Duration();
    if (pos == orig.size())
        return invalid();

    quint64 total = 0;
    while (pos < orig.size()) {
        if (!(orig[pos] == '.' || isDigit(orig[pos])))
            return invalid();
        quint64 v = 0;
        const qsizetype intStart = pos;
        if (!leadingInt(orig, pos, v))
            return invalid();
        const bool pre = pos != intStart;
        quint64 f = 0;
        double scale = 1;
        bool post = false;
        if (pos < orig.size() && orig[pos] == '.') {
            ++pos;
            const qsizetype fracStart = pos;
            leadingFraction(orig, pos, f, scale);
            post = pos != fracStart;
        }
        if (!pre && !post)
            return invalid();
        const qsizetype unitStart = pos;
        while (pos < orig.size() && orig[pos] != '.' && !isDigit(orig[pos]))
            ++pos;
        if (pos == unitStart)
            return Status::badRequest(u"time: missing unit in duration "_qs + goTimeQuote(orig));
        const QByteArray unitText = orig.mid(unitStart, pos - unitStart);
        const quint64 unit = unitNanoseconds(unitText);
        if (unit == 0)
            return Status::badRequest(u"time: unknown unit %1 in duration %2"_qs.arg(goTimeQuote(unitText), goTimeQuote(orig)));
        if (v > kLimit / unit)
            return invalid();
        v *= unit;
        if (f > 0) {
            // As Go: a double keeps nanosecond accuracy for fractions of the largest unit (hours).
            v += quint64(double(f) * (double(unit) / scale));
            if (v > kLimit)
                return invalid();
        }
        total += v;
        if (total > kLimit)
            return invalid();
    }
    if (neg)
        return Duration(qint64(0 - total)); // -(1<<63) wraps to the minimum, as in Go
    if (total > kLimit - 1)
        return invalid();
    return Duration(qint64(total));
}

QString Duration::toString() const
{
    // Built right to left, as Go does, then reversed.
    QByteArray r;
    const bool neg = m_ns < 0;
    quint64 u = neg ? 0 - quint64(m_ns) : quint64(m_ns);
    if (u < quint64(Second)) {
        // Below a second: the largest unit that keeps an integer part, like 1.2ms.
        if (u == 0)
            return u"0s"_qs;
        int prec = 0;
        QString unit;
        if (u < quint64(Microsecond)) {
            unit = u"ns"_qs;
        } else if (u < quint64(Millisecond)) {
            prec = 3;
            unit = u"\u00b5s"_qs;
        } else {
            prec = 6;
            unit = u"ms"_qs;
        }
        u = appendFraction(r, u, prec);
        appendInt(r, u);
        std::reverse(r.begin(), r.end());
        return (neg ? u"-"_qs : QString()) + QString::fromLatin1(r) + unit;
    }
    r += 's';
    u = appendFraction(r, u, 9);
    appendInt(r, u % 60);
    u /= 60;
    if (u > 0) {
        r += 'm';
        appendInt(r, u % 60);
        u /= 60;
        if (u > 0) {
            r += 'h';
            appendInt(r, u);
        }
    }
    if (neg)
        r += '-';
    std::reverse(r.begin(), r.end());
    return QString::fromLatin1(r);
}

QString Duration::toHumanString() const
{
    // Go's int(d.Seconds()) truncates toward zero: anything above -2s counts as "now".
    const qint64 seconds = m_ns / Second;
    if (seconds < -1)
        return u"<invalid>"_qs;
    if (seconds < 0)
        return u"0s"_qs;
    if (seconds < 60 * 2)
        return u"%1s"_qs.arg(seconds);
    const qint64 minutes = m_ns / Minute;
    if (minutes < 10) {
        const qint64 s = seconds % 60;
        return s == 0 ? u"%1m"_qs.arg(minutes) : u"%1m%2s"_qs.arg(minutes).arg(s);
    }
    if (minutes < 60 * 3)
        return u"%1m"_qs.arg(minutes);
    const qint64 hours = m_ns / Hour;
    if (hours < 8) {
        const qint64 m = minutes % 60;
        return m == 0 ? u"%1h"_qs.arg(hours) : u"%1h%2m"_qs.arg(hours).arg(m);
    }
    if (hours < 48)
        return u"%1h"_qs.arg(hours);
    if (hours < 24 * 8) {
        const qint64 h = hours % 24;
        return h == 0 ? u"%1d"_qs.arg(hours / 24) : u"%1d%2h"_qs.arg(hours / 24).arg(h);
    }
    if (hours < 24 * 365 * 2)
        return u"%1d"_qs.arg(hours / 24);
    if (hours < 24 * 365 * 8) {
        const qint64 dy = (hours / 24) % 365;
        return dy == 0 ? u"%1y"_qs.arg(hours / 24 / 365) : u"%1y%2d"_qs.arg(hours / 24 / 365).arg(dy);
    }
    return u"%1y"_qs.arg(hours / 24 / 365);
}

QString Duration::toShortHumanString() const
{
    const qint64 seconds = m_ns / Second;
    if (seconds < -1)
        return u"<invalid>"_qs;
    if (seconds < 0)
        return u"0s"_qs;
    if (seconds < 60)
        return u"%1s"_qs.arg(seconds);
    if (const qint64 minutes = m_ns / Minute; minutes < 60)
        return u"%1m"_qs.arg(minutes);
    const qint64 hours = m_ns / Hour;
    if (hours < 24)
        return u"%1h"_qs.arg(hours);
    if (hours < 24 * 365)
        return u"%1d"_qs.arg(hours / 24);
    // Go divides the float hours: the same as integer division for whole years.
    return u"%1y"_qs.arg(qint64(double(m_ns) / double(Hour) / 24 / 365));
}

} // namespace kube
