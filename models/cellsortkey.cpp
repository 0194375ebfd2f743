#include "cellsortkey.h"

#include <QDateTime>

#include <algorithm>
#include <cmath>
#include <limits>

namespace timonel {

namespace {

constexpr double notANumber = std::numeric_limits<double>::quiet_NaN();

bool isDigit(QChar c)
{
    return c.unicode() >= '0' && c.unicode() <= '9';
}

// Digits at pos, as a value; advances pos past them. False when there are none.
bool readDigits(QStringView s, qsizetype &pos, double &value)
{
    const qsizetype start = pos;
    value = 0;
    while (pos < s.size() && isDigit(s[pos]))
        value = value * 10 + (s[pos++].unicode() - '0');
    return pos > start;
}

// "12", "12.5": digits with an optional fraction. Advances pos.
bool readDecimal(QStringView s, qsizetype &pos, double &value)
{
    if (!readDigits(s, pos, value))
        return false;
    if (pos + 1 < s.size() && s[pos] == u'.' && isDigit(s[pos + 1])) {
        ++pos;
        double scale = 0.1;
        while (pos < s.size() && isDigit(s[pos])) {
            value += (s[pos++].unicode() - '0') * scale;
            scale /= 10;
        }
    }
    return true;
}

double plainNumber(QStringView s)
{
    qsizetype pos = 0;
    const bool negative = s.startsWith(u'-');
    if (negative)
        pos = 1;
    double value = 0;
    if (!readDecimal(s, pos, value) || pos != s.size())
        return notANumber;
    return negative ? -value : value;
}

// "3/4" → 3 + 4e-7.
double readyRatio(QStringView s)
{
    qsizetype pos = 0;
    double first = 0, second = 0;
    if (!readDigits(s, pos, first) || pos >= s.size() || s[pos] != u'/')
        return notANumber;
    ++pos;
    if (!readDigits(s, pos, second) || pos != s.size())
        return notANumber;
    return first + second * 1e-7;
}

// "5 (2m ago)" → 5.
double restarts(QStringView s)
{
    qsizetype pos = 0;
    double value = 0;
    if (!readDigits(s, pos, value) || !s.mid(pos).startsWith(u" (") || !s.endsWith(u')'))
        return notANumber;
    return value;
}

double unitSeconds(QChar unit)
{
    switch (unit.unicode()) {
    case 's': return 1;
    case 'm': return 60;
    case 'h': return 3600;
    case 'd': return 86400;
    case 'y': return 365 * 86400;
    }
    return 0;
}

// duration.HumanDuration's output: one or more <digits><s|m|h|d|y>.
double humanDuration(QStringView s)
{
    qsizetype pos = 0;
    double total = 0;
    while (pos < s.size()) {
        double value = 0;
        if (!readDigits(s, pos, value) || pos >= s.size())
            return notANumber;
        const double unit = unitSeconds(s[pos++]);
        if (unit == 0)
            return notANumber;
        total += value * unit;
    }
    return pos > 0 ? total : notANumber;
}

double quantitySuffix(QStringView suffix)
{
    struct Suffix {
        const char16_t *text;
        double factor;
    };
    static constexpr Suffix suffixes[] = {
        {u"Ki", 1024.0}, {u"Mi", 1048576.0}, {u"Gi", 1073741824.0}, {u"Ti", 1099511627776.0},
        {u"Pi", 1125899906842624.0}, {u"Ei", 1152921504606846976.0}, {u"k", 1e3}, {u"M", 1e6},
        {u"G", 1e9}, {u"T", 1e12}, {u"P", 1e15}, {u"E", 1e18},
    };
    for (const Suffix &s : suffixes) {
        if (suffix == QStringView(s.text))
            return s.factor;
    }
    return 0;
}

// "10Gi", "1.5k", "500M". "m" (milli) is left to humanDuration: minutes are the common case.
double quantity(QStringView s)
{
    qsizetype pos = 0;
    double value = 0;
    if (!readDecimal(s, pos, value) || pos == s.size())
        return notANumber;
    const double factor = quantitySuffix(s.mid(pos));
    return factor == 0 ? notANumber : value * factor;
}

// RFC 3339 in UTC as the API writes it: "2026-11-27T10:00:00Z".
double timestamp(QStringView s)
{
    if (s.size() < 20 || s[4] != u'-' || s[10] != u'T' || !isDigit(s[0]))
        return notANumber;
    const QDateTime t = QDateTime::fromString(s.toString(), Qt::ISODateWithMs);
    return t.isValid() ? double(t.toMSecsSinceEpoch()) / 1000.0 : notANumber;
}

} // namespace

double cellSortNumber(QStringView text)
{
    const QStringView s = text.trimmed();
    if (s.isEmpty() || !(isDigit(s.front()) || s.front() == u'-'))
        return notANumber;
    for (double (*parse)(QStringView) : {plainNumber, readyRatio, restarts, humanDuration, quantity, timestamp}) {
        if (const double value = parse(s); !std::isnan(value))
            return value;
    }
    return notANumber;
}

int naturalCompare(QStringView a, QStringView b)
{
    // Skip the identical prefix ("ns-12/web-7d9f8b6c5-") with plain comparisons, backing up
    // to the start of a digit run so runs are still compared whole.
    const qsizetype common = std::min(a.size(), b.size());
    qsizetype i = 0;
    while (i < common && a[i] == b[i])
        ++i;
    if (i == a.size() && i == b.size())
        return 0;
    while (i > 0 && isDigit(a[i - 1]))
        --i;
    qsizetype j = i;
    while (i < a.size() && j < b.size()) {
        if (isDigit(a[i]) && isDigit(b[j])) {
            // Compare digit runs by value: skip leading zeros, then longer is larger, then
            // the first differing digit decides.
            while (i < a.size() && a[i] == u'0' && i + 1 < a.size() && isDigit(a[i + 1]))
                ++i;
            while (j < b.size() && b[j] == u'0' && j + 1 < b.size() && isDigit(b[j + 1]))
                ++j;
            qsizetype ei = i, ej = j;
            while (ei < a.size() && isDigit(a[ei]))
                ++ei;
            while (ej < b.size() && isDigit(b[ej]))
                ++ej;
            if (ei - i != ej - j)
                return ei - i < ej - j ? -1 : 1;
            for (; i < ei; ++i, ++j) {
                if (a[i] != b[j])
                    return a[i] < b[j] ? -1 : 1;
            }
            continue;
        }
        const QChar ca = a[i].toCaseFolded(), cb = b[j].toCaseFolded();
        if (ca != cb)
            return ca < cb ? -1 : 1;
        ++i;
        ++j;
    }
    if (i < a.size() || j < b.size())
        return i < a.size() ? 1 : -1;
    return a.compare(b);
}

} // namespace timonel
