#include "quantity.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace kube {

namespace {

__extension__ typedef __int128 Int128;

constexpr int kMaxDigits = 38; // |mantissa| < 10^38 < 2^127
constexpr int kNano = -9;
constexpr qint64 kInt64Max = std::numeric_limits<qint64>::max();
constexpr qint64 kInt64Min = std::numeric_limits<qint64>::min();

Int128 pow10(qint64 n)
{
    Int128 r = 1;
    while (n-- > 0)
        r *= 10;
    return r;
}

Int128 abs128(Int128 v)
{
    return v < 0 ? -v : v;
}

int digitCount(Int128 v)
{
    v = abs128(v);
    int n = 1;
    for (; v >= 10; v /= 10)
        ++n;
    return n;
}

QString toDecimal(Int128 v)
{
    if (v == 0)
        return u"0"_qs;
    const bool neg = v < 0;
    v = abs128(v);
    QString out;
    for (; v > 0; v /= 10)
        out.prepend(QChar(u'0' + int(v % 10)));
    return neg ? u'-' + out : out;
}

void normalize(Int128 &m, qint64 &scale)
{
    if (m == 0) {
        scale = 0;
        return;
    }
    for (; m % 10 == 0; m /= 10)
        ++scale;
}

// m / 10^k, rounded away from zero: the direction upstream rounds so that a request for a tiny
// amount of a resource still asks for some.
Int128 divideRoundingUp(Int128 m, qint64 k)
{
    if (m == 0 || k <= 0)
        return m;
    if (k > kMaxDigits)
        return m > 0 ? 1 : -1;
    const Int128 p = pow10(k);
    Int128 q = m / p;
    if (m % p != 0)
        q += m > 0 ? 1 : -1;
    return q;
}

// x × 10^k when the result keeps within kMaxDigits.
bool scaleUp(Int128 &x, qint64 k)
{
    if (k == 0 || x == 0)
        return true;
    if (digitCount(x) + k > kMaxDigits)
        return false;
    x *= pow10(k);
    return true;
}

Status formatWrong()
{
    return Status::badRequest(u"quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"_qs);
}

Status numericError()
{
    return Status::badRequest(u"unable to parse numeric part of quantity"_qs);
}

Status suffixError()
{
    return Status::badRequest(u"unable to parse quantity's suffix"_qs);
}

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

struct Scanned {
    bool positive = true;
    QStringView value; // sign and number, without the suffix
    QStringView num;   // integer digits without leading zeros; "0" when there are none
    QStringView denom; // fraction digits
    QStringView suffix;
};

// Port of upstream's parseQuantityString: permissive, the suffix is checked afterwards.
std::optional<Scanned> scan(QStringView str)
{
    static const char16_t zero[] = u"0";
    Scanned r;
    qsizetype pos = 0;
    const qsizetype end = str.size();
    if (pos < end && (str[0] == u'-' || str[0] == u'+')) {
        r.positive = str[0] == u'+';
        ++pos;
    }
    for (qsizetype i = pos;; ++i, ++pos) {
        if (i >= end) {
            r.num = r.value = QStringView(zero);
            return r;
        }
        if (str[i] != u'0')
            break;
    }
    qsizetype i = pos;
    while (i < end && isDigit(str[i]))
        ++i;
    r.num = str.mid(pos, i - pos);
    if (i >= end) {
        r.value = str;
        return r;
    }
    pos = i;
    if (r.num.isEmpty())
        r.num = QStringView(zero);
    if (str[pos] == u'.') {
        ++pos;
        i = pos;
        while (i < end && isDigit(str[i]))
            ++i;
        r.denom = str.mid(pos, i - pos);
        if (i >= end) {
            r.value = str;
            return r;
        }
        pos = i;
    }
    r.value = str.left(pos);
    const qsizetype suffixStart = pos;
    static const QStringView suffixChars = u"eEinumkKMGTP";
    while (pos < end && suffixChars.contains(str[pos]))
        ++pos;
    if (pos < end && (str[pos] == u'-' || str[pos] == u'+'))
        ++pos;
    while (pos < end && isDigit(str[pos]))
        ++pos;
    if (pos < end)
        return std::nullopt; // a character no suffix can hold
    r.suffix = str.mid(suffixStart);
    return r;
}

struct Suffix {
    int base; // 10 or 2
    qint64 exponent;
    Quantity::Format format;
};

std::optional<Suffix> interpretSuffix(QStringView s)
{
    using F = Quantity::Format;
    static const std::pair<const char16_t *, int> decimal[] = {
        {u"", 0}, {u"n", -9}, {u"u", -6}, {u"m", -3}, {u"k", 3}, {u"M", 6}, {u"G", 9}, {u"T", 12}, {u"P", 15}, {u"E", 18}};
    static const std::pair<const char16_t *, int> binary[] = {{u"Ki", 10}, {u"Mi", 20}, {u"Gi", 30}, {u"Ti", 40}, {u"Pi", 50}, {u"Ei", 60}};
    for (const auto &[text, exp] : decimal) {
        if (s == QStringView(text))
            return Suffix{10, exp, F::DecimalSI};
    }
    for (const auto &[text, exp] : binary) {
        if (s == QStringView(text))
            return Suffix{2, exp, F::BinarySI};
    }
    if (s.size() < 2 || (s[0] != u'e' && s[0] != u'E'))
        return std::nullopt;
    const QStringView digits = s.mid(1);
    bool ok = false;
    const qint64 exp = digits.toLongLong(&ok);
    // Bounded well inside int32 so scales cannot overflow (upstream silently truncates to int32).
    if (!ok || digits.front().isSpace() || digits.back().isSpace() || exp > 1'000'000'000 || exp < -1'000'000'000)
        return std::nullopt;
    return Suffix{10, exp, F::DecimalExponent};
}

} // namespace

Quantity::Quantity() = default;

Quantity::Quantity(Int128 mantissa, int scale, Format format) : m_format(format)
{
    qint64 s = scale;
    if (s < kNano) {
        mantissa = divideRoundingUp(mantissa, kNano - s);
        s = kNano;
    }
    normalize(mantissa, s);
    m_mantissa = mantissa;
    m_scale = qint32(s);
}

Quantity Quantity::fromValue(qint64 value, Format format)
{
    return Quantity(value, 0, format);
}

Quantity Quantity::fromMilli(qint64 milliValue, Format format)
{
    return Quantity(milliValue, -3, format);
}

Quantity Quantity::fromScaled(qint64 value, int scale, Format format)
{
    return Quantity(value, scale, format);
}

Expected<Quantity> Quantity::parse(QStringView str)
{
    if (str.isEmpty())
        return formatWrong();
    if (str == u"0") {
        Quantity q;
        q.m_text = u"0"_qs;
        return q;
    }
    const std::optional<Scanned> sc = scan(str);
    if (!sc)
        return formatWrong();
    const std::optional<Suffix> suffix = interpretSuffix(sc->suffix);
    if (!suffix)
        return suffixError();

    // Upstream parses small values through an int64 fast path and keeps the input text as the
    // String() of those that look canonical; the slow path rejects a number without digits.
    const qsizetype numLen = sc->num.size();
    const qsizetype denLen = sc->denom.size();
    bool fastPath = false;
    bool keepText = false;
    if (suffix->base == 10) {
        const qint64 scale = suffix->exponent - denLen;
        if (18 - (numLen + denLen) >= 0 && scale >= kNano) {
            fastPath = true;
            const QString shifted = sc->num.toString() + sc->denom.toString();
            keepText = scale % 3 == 0 && !shifted.endsWith(u"000") && shifted.front() != u'0';
        }
    } else if (denLen == 0 && 15 - numLen - suffix->exponent * 3 / 10 - 1 >= 0) {
        const qint64 v = sc->num.toLongLong();
        if (v <= (kInt64Max >> suffix->exponent)) {
            fastPath = true;
            keepText = (v & 7) != 0;
        }
    }
    if (!fastPath && !std::any_of(sc->value.begin(), sc->value.end(), isDigit))
        return numericError();

    // The exact value: digits × 10^scale (× 2^exponent for binary suffixes).
    QString digits = sc->num.toString() + sc->denom.toString();
    qint64 scale = (suffix->base == 10 ? suffix->exponent : 0) - denLen;
    while (digits.size() > 1 && digits.front() == u'0')
        digits.remove(0, 1);
    while (digits.size() > 1 && digits.back() == u'0') {
        digits.chop(1);
        ++scale;
    }
    if (digits == u"0")
        digits.clear();

    bool roundUp = false;
    if (suffix->base == 10 && scale < kNano) {
        // Digits below nano only decide the rounding; the last digit is non-zero, so any dropped
        // digit means rounding up.
        const qint64 drop = std::min<qint64>(digits.size(), kNano - scale);
        roundUp = drop > 0;
        digits.chop(drop);
        scale = kNano;
    }
    if (digits.size() > kMaxDigits)
        return numericError();
    Int128 m = 0;
    for (QChar c : std::as_const(digits))
        m = m * 10 + (c.unicode() - u'0');
    if (roundUp)
        m += 1;

    Format format = suffix->format;
    if (suffix->base == 2) {
        bool capped = false;
        if (__builtin_mul_overflow(m, Int128(1) << suffix->exponent, &m) || digitCount(m) > kMaxDigits) {
            if (scale < 0)
                return numericError(); // too many significant digits for this representation
            capped = true;
        }
        if (!capped && scale >= 0) {
            capped = !scaleUp(m, scale) || m > kInt64Max;
            scale = 0;
        } else if (!capped) {
            if (scale < kNano) {
                m = divideRoundingUp(m, kNano - scale);
                scale = kNano;
            }
            capped = m > Int128(kInt64Max) * pow10(-scale);
        }
        if (capped) {
            // Upstream caps binary quantities at the largest int64.
            m = kInt64Max;
            scale = 0;
        }
        normalize(m, scale);
        if (m != 0 && scale < 0 && digitCount(m) + scale <= 0)
            format = Format::DecimalSI; // below one: no binary suffix could show it
    }
    Quantity q(sc->positive ? m : -m, int(scale), format);
    if (keepText)
        q.m_text = str.toString();
    return q;
}

qint64 Quantity::scaledValue(int scale) const
{
    if (m_mantissa == 0)
        return 0;
    const qint64 shift = qint64(m_scale) - scale;
    Int128 v = m_mantissa;
    if (shift < 0)
        v = divideRoundingUp(v, -shift);
    else if (!scaleUp(v, shift))
        return v > 0 ? kInt64Max : kInt64Min;
    return qint64(std::clamp<Int128>(v, kInt64Min, kInt64Max));
}

double Quantity::asApproximateDouble() const
{
    return double(m_mantissa) * std::pow(10.0, double(m_scale));
}

int Quantity::compare(const Quantity &other) const
{
    const int sa = sign(), sb = other.sign();
    if (sa != sb)
        return sa < sb ? -1 : 1;
    if (sa == 0)
        return 0;
    Int128 a = abs128(m_mantissa), b = abs128(other.m_mantissa);
    // Position of the leading digit decides unless equal; then aligning cannot overflow.
    const qint64 ma = digitCount(a) + qint64(m_scale), mb = digitCount(b) + qint64(other.m_scale);
    int magnitude = 0;
    if (ma != mb) {
        magnitude = ma > mb ? 1 : -1;
    } else {
        if (m_scale > other.m_scale)
            a *= pow10(qint64(m_scale) - other.m_scale);
        else
            b *= pow10(qint64(other.m_scale) - m_scale);
        magnitude = a == b ? 0 : (a > b ? 1 : -1);
    }
    return sa * magnitude;
}

Quantity &Quantity::operator+=(const Quantity &other)
{
    m_text.clear();
    if (isZero())
        m_format = other.m_format;
    if (other.isZero())
        return *this;
    if (isZero()) {
        m_mantissa = other.m_mantissa;
        m_scale = other.m_scale;
        return *this;
    }
    static const Int128 kLimit = pow10(kMaxDigits);
    const qint64 fine = std::min(m_scale, other.m_scale);
    Int128 a = m_mantissa, b = other.m_mantissa, sum = 0;
    qint64 scale = fine;
    bool ok = scaleUp(a, m_scale - fine) && scaleUp(b, other.m_scale - fine) && !__builtin_add_overflow(a, b, &sum) && abs128(sum) < kLimit;
    if (!ok) {
        // Beyond 38 digits: give up the finer operand's precision rather than the magnitude.
        scale = std::max(m_scale, other.m_scale);
        a = divideRoundingUp(m_mantissa, scale - m_scale);
        b = divideRoundingUp(other.m_mantissa, scale - other.m_scale);
        sum = a + b;
        if (abs128(sum) >= kLimit)
            sum = sum > 0 ? kLimit - 1 : 1 - kLimit;
    }
    normalize(sum, scale);
    m_mantissa = sum;
    m_scale = qint32(scale);
    return *this;
}

Quantity &Quantity::operator-=(const Quantity &other)
{
    return *this += -other;
}

Quantity Quantity::operator-() const
{
    Quantity q = *this;
    q.m_mantissa = -q.m_mantissa;
    q.m_text.clear();
    return q;
}

QString Quantity::toString() const
{
    return m_text.isEmpty() ? toCanonicalString() : m_text;
}

QString Quantity::toCanonicalString() const
{
    if (m_mantissa == 0)
        return u"0"_qs;
    const QString sign = m_mantissa < 0 ? u"-"_qs : QString();
    const Int128 magnitude = abs128(m_mantissa);
    Format format = m_format;

    if (format == Format::BinarySI) {
        // Only whole numbers of at least 1024 get a binary suffix; anything else prints as
        // DecimalSI so no precision is lost.
        Int128 whole = magnitude;
        format = Format::DecimalSI;
        if (m_scale >= 0 && scaleUp(whole, m_scale) && whole >= 1024) {
            static const char16_t *const suffixes[] = {u"", u"Ki", u"Mi", u"Gi", u"Ti", u"Pi", u"Ei"};
            int times = 0;
            for (; times < 6 && whole % 1024 == 0; ++times)
                whole /= 1024;
            return sign + toDecimal(whole) + QString::fromUtf16(suffixes[times]);
        }
    }

    // Decimal forms: the exponent goes down to a multiple of three, the mantissa gains zeros.
    QString digits = toDecimal(magnitude);
    qint64 exponent = m_scale;
    while (exponent % 3 != 0) {
        digits += u'0';
        --exponent;
    }
    if (format == Format::DecimalSI) {
        static const char16_t *const suffixes[] = {u"n", u"u", u"m", u"", u"k", u"M", u"G", u"T", u"P", u"E"};
        if (exponent <= 18)
            return sign + digits + QString::fromUtf16(suffixes[(exponent + 9) / 3]);
        // Upstream has no suffix past exa (and drops it); stay exact with more digits before "E".
        if (exponent - 18 <= kMaxDigits)
            return sign + digits + QString(qsizetype(exponent - 18), u'0') + u'E';
    }
    return sign + digits + (exponent == 0 ? QString() : u'e' + QString::number(exponent));
}

} // namespace kube
