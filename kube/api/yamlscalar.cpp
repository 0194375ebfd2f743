#include "yamlscalar.h"

#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>

namespace kube::yamlscalar {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Reads 1 or 2 digits, as Go's time.Parse does for the non-padded layout fields.
bool readShortNumber(std::string_view s, size_t &i, int &value)
{
    if (i >= s.size() || !isDigit(s[i]))
        return false;
    value = s[i++] - '0';
    if (i < s.size() && isDigit(s[i]))
        value = value * 10 + (s[i++] - '0');
    return true;
}

bool isLeapYear(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int daysInMonth(int month, int year)
{
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeapYear(year) ? 29 : days[month - 1];
}

// Go's strconv.ParseUint digit loop for one base; false on a bad digit or overflow.
bool parseDigits(std::string_view s, int base, quint64 &out)
{
    if (s.empty())
        return false;
    quint64 value = 0;
    for (char c : s) {
        int d;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (c >= 'a' && c <= 'z')
            d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'Z')
            d = c - 'A' + 10;
        else
            return false;
        if (d >= base)
            return false;
        if (value > (std::numeric_limits<quint64>::max() - quint64(d)) / quint64(base))
            return false;
        value = value * quint64(base) + quint64(d);
    }
    out = value;
    return true;
}

// strconv.ParseUint(s, 0, 64) without the sign: base prefixes 0x 0o 0b, leading 0 = octal.
bool parseUnsignedBase0(std::string_view s, quint64 &out)
{
    if (s.empty())
        return false;
    if (s[0] != '0' || s.size() == 1)
        return parseDigits(s, 10, out);
    const char p = char(s[1] | 0x20);
    if (s.size() >= 3 && p == 'x')
        return parseDigits(s.substr(2), 16, out);
    if (s.size() >= 3 && p == 'o')
        return parseDigits(s.substr(2), 8, out);
    if (s.size() >= 3 && p == 'b')
        return parseDigits(s.substr(2), 2, out);
    return parseDigits(s.substr(1), 8, out);
}

// ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$
bool isYamlStyleFloat(std::string_view s)
{
    size_t i = 0;
    if (i < s.size() && (s[i] == '-' || s[i] == '+'))
        ++i;
    if (i < s.size() && s[i] == '.') {
        ++i;
        const size_t start = i;
        while (i < s.size() && isDigit(s[i]))
            ++i;
        if (i == start)
            return false;
    } else {
        const size_t start = i;
        while (i < s.size() && isDigit(s[i]))
            ++i;
        if (i == start)
            return false;
        if (i < s.size() && s[i] == '.') {
            ++i;
            while (i < s.size() && isDigit(s[i]))
                ++i;
        }
    }
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '-' || s[i] == '+'))
            ++i;
        const size_t start = i;
        while (i < s.size() && isDigit(s[i]))
            ++i;
        if (i == start)
            return false;
    }
    return i == s.size();
}

// Go's ParseFloat on a string already known to be decimal: overflow is an error, underflow
// rounds to zero.
bool parseFloat(std::string_view s, double &out)
{
    bool negative = false;
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
        negative = s[0] == '-';
        s.remove_prefix(1);
    }
    double value = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (end != s.data() + s.size())
        return false;
    if (ec == std::errc::result_out_of_range) {
        const auto e = s.find_first_of("eE");
        if (e == std::string_view::npos || s.substr(e + 1).starts_with('-') == false)
            return false; // overflow
        value = 0;
    } else if (ec != std::errc()) {
        return false;
    }
    out = negative ? -value : value;
    return true;
}

Resolved fromMap(std::string_view s, bool &found)
{
    struct Entry { std::string_view text; Type type; int value; };
    static constexpr Entry entries[] = {
        {"y", Type::Bool, 1}, {"Y", Type::Bool, 1}, {"yes", Type::Bool, 1}, {"Yes", Type::Bool, 1},
        {"YES", Type::Bool, 1}, {"true", Type::Bool, 1}, {"True", Type::Bool, 1},
        {"TRUE", Type::Bool, 1}, {"on", Type::Bool, 1}, {"On", Type::Bool, 1}, {"ON", Type::Bool, 1},
        {"n", Type::Bool, 0}, {"N", Type::Bool, 0}, {"no", Type::Bool, 0}, {"No", Type::Bool, 0},
        {"NO", Type::Bool, 0}, {"false", Type::Bool, 0}, {"False", Type::Bool, 0},
        {"FALSE", Type::Bool, 0}, {"off", Type::Bool, 0}, {"Off", Type::Bool, 0},
        {"OFF", Type::Bool, 0}, {"~", Type::Null, 0}, {"null", Type::Null, 0},
        {"Null", Type::Null, 0}, {"NULL", Type::Null, 0}, {".nan", Type::Float, 0},
        {".NaN", Type::Float, 0}, {".NAN", Type::Float, 0}, {".inf", Type::Float, 1},
        {".Inf", Type::Float, 1}, {".INF", Type::Float, 1}, {"+.inf", Type::Float, 1},
        {"+.Inf", Type::Float, 1}, {"+.INF", Type::Float, 1}, {"-.inf", Type::Float, -1},
        {"-.Inf", Type::Float, -1}, {"-.INF", Type::Float, -1}, {"<<", Type::Merge, 0},
    };
    Resolved r;
    found = false;
    for (const Entry &e : entries) {
        if (e.text != s)
            continue;
        found = true;
        r.type = e.type;
        r.boolean = e.value != 0;
        if (e.type == Type::Float) {
            r.real = e.value == 0 ? std::numeric_limits<double>::quiet_NaN()
                                  : e.value * std::numeric_limits<double>::infinity();
        }
        return r;
    }
    return r;
}

} // namespace

bool isTimestamp(std::string_view s)
{
    size_t i = 0;
    while (i < s.size() && isDigit(s[i]))
        ++i;
    if (i != 4 || i == s.size() || s[i] != '-')
        return false;
    const int year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    ++i;
    int month = 0, day = 0;
    if (!readShortNumber(s, i, month) || month < 1 || month > 12)
        return false;
    if (i >= s.size() || s[i] != '-')
        return false;
    ++i;
    if (!readShortNumber(s, i, day) || day < 1 || day > daysInMonth(month, year))
        return false;
    if (i == s.size())
        return true;
    const char sep = s[i++];
    if (sep != 'T' && sep != 't' && sep != ' ')
        return false;
    int hour = 0, minute = 0, second = 0;
    if (!readShortNumber(s, i, hour) || hour > 23 || i >= s.size() || s[i++] != ':')
        return false;
    if (!readShortNumber(s, i, minute) || minute > 59 || i >= s.size() || s[i++] != ':')
        return false;
    if (!readShortNumber(s, i, second) || second > 59)
        return false;
    if (i + 1 < s.size() && (s[i] == '.' || s[i] == ',') && isDigit(s[i + 1])) {
        ++i;
        while (i < s.size() && isDigit(s[i]))
            ++i;
    }
    if (sep == ' ')
        return i == s.size();
    if (i < s.size() && s[i] == 'Z')
        return i + 1 == s.size();
    // ±hh:mm
    if (s.size() - i != 6 || (s[i] != '+' && s[i] != '-') || s[i + 3] != ':')
        return false;
    return isDigit(s[i + 1]) && isDigit(s[i + 2]) && isDigit(s[i + 4]) && isDigit(s[i + 5]);
}

bool isBase60Float(std::string_view s)
{
    size_t i = 0;
    if (i < s.size() && (s[i] == '-' || s[i] == '+'))
        ++i;
    if (i >= s.size() || !isDigit(s[i]) || s.find(':') == std::string_view::npos)
        return false;
    while (i < s.size() && (isDigit(s[i]) || s[i] == '_'))
        ++i;
    int groups = 0;
    while (i < s.size() && s[i] == ':') {
        ++i;
        if (i + 1 < s.size() && s[i] >= '0' && s[i] <= '5' && isDigit(s[i + 1]))
            i += 2;
        else if (i < s.size() && isDigit(s[i]))
            ++i;
        else
            return false;
        ++groups;
    }
    if (groups == 0)
        return false;
    if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && (isDigit(s[i]) || s[i] == '_'))
            ++i;
    }
    return i == s.size();
}

Resolved resolvePlain(std::string_view s, Timestamps timestamps)
{
    Resolved r;
    if (s.empty()) {
        r.type = Type::Null;
        return r;
    }
    const char c = s[0];
    const bool sign = c == '+' || c == '-';
    const bool digit = isDigit(c);
    const bool dot = c == '.';
    const bool inMap = std::string_view("yYnNtTfFoO~<").find(c) != std::string_view::npos;
    if (!sign && !digit && !dot && !inMap)
        return r;

    bool found = false;
    Resolved mapped = fromMap(s, found);
    if (found)
        return mapped;
    if (inMap)
        return r;

    if (dot) {
        // Go's ParseFloat on ".5", ".5e3"; nothing else starting with '.' parses.
        if (isYamlStyleFloat(s) && parseFloat(s, r.real))
            r.type = Type::Float;
        return r;
    }

    if (timestamps == Timestamps::Detect && isTimestamp(s)) {
        r.type = Type::Timestamp;
        return r;
    }

    std::string plain;
    plain.reserve(s.size());
    for (char ch : s) {
        if (ch != '_')
            plain.push_back(ch);
    }
    std::string_view p(plain);
    const bool negative = !p.empty() && p[0] == '-';
    std::string_view unsignedPart = sign ? p.substr(1) : p;
    quint64 magnitude = 0;
    if (parseUnsignedBase0(unsignedPart, magnitude)) {
        const quint64 limit = negative ? quint64(std::numeric_limits<qint64>::max()) + 1
                                       : quint64(std::numeric_limits<qint64>::max());
        if (magnitude <= limit) {
            r.type = Type::Int;
            r.integer = negative ? qint64(0 - magnitude) : qint64(magnitude);
            return r;
        }
        if (!sign) { // ParseUint takes no sign
            r.type = Type::Uint;
            r.unsignedInteger = magnitude;
            return r;
        }
    }
    if (isYamlStyleFloat(p) && parseFloat(p, r.real)) {
        r.type = Type::Float;
        return r;
    }
    return r;
}

namespace {

// Shortest round-trip digits and decimal exponent of a finite value ("1.25e+03" -> "125", 3).
template<typename F>
std::string_view shortestDigits(F value, char (&buf)[64], int &exp10, bool &negative)
{
    const auto result = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
    std::string_view s(buf, size_t(result.ptr - buf));
    negative = s.front() == '-';
    if (negative)
        s.remove_prefix(1);
    const size_t e = s.find('e');
    const std::string_view exponent = s.substr(e + 1);
    std::from_chars(exponent.data() + (exponent.front() == '+' ? 1 : 0), exponent.data() + exponent.size(), exp10);
    // Drop the decimal point in place: "1.25" -> "125".
    std::string_view mantissa = s.substr(0, e);
    if (mantissa.size() > 1) {
        char *m = const_cast<char *>(mantissa.data());
        std::memmove(m + 1, m + 2, mantissa.size() - 2);
        mantissa = std::string_view(m, mantissa.size() - 1);
    }
    return mantissa;
}

// Go's %f with shortest digits: the digits padded with zeros, never more precision
// (2^64 -> 18446744073709552000, where std::to_chars would print every digit).
void appendFixed(QByteArray &out, std::string_view digits, int exp10, bool negative)
{
    if (negative)
        out.append('-');
    const qsizetype n = qsizetype(digits.size());
    if (exp10 < 0) {
        out.append("0.");
        out.append(qsizetype(-exp10 - 1), '0');
        out.append(digits.data(), n);
        return;
    }
    if (n <= exp10 + 1) {
        out.append(digits.data(), n);
        out.append(qsizetype(exp10 + 1) - n, '0');
        return;
    }
    out.append(digits.data(), exp10 + 1);
    out.append('.');
    out.append(digits.data() + exp10 + 1, n - exp10 - 1);
}

void appendExponent(QByteArray &out, std::string_view digits, int exp10, bool negative)
{
    if (negative)
        out.append('-');
    out.append(digits.front());
    if (digits.size() > 1) {
        out.append('.');
        out.append(digits.data() + 1, qsizetype(digits.size() - 1));
    }
    out.append('e');
    out.append(exp10 < 0 ? '-' : '+');
    const int magnitude = exp10 < 0 ? -exp10 : exp10;
    if (magnitude < 10)
        out.append('0');
    out.append(QByteArray::number(magnitude));
}

} // namespace

void appendJsonFloat(QByteArray &out, double value)
{
    if (value == 0) {
        out.append(std::signbit(value) ? "-0" : "0");
        return;
    }
    char buf[64];
    int exp10 = 0;
    bool negative = false;
    const std::string_view digits = shortestDigits(value, buf, exp10, negative);
    const double magnitude = std::fabs(value);
    if (magnitude >= 1e-6 && magnitude < 1e21) {
        appendFixed(out, digits, exp10, negative);
        return;
    }
    // Go's encoding/json trims the exponent to one digit when it can: 1e-07 -> 1e-7.
    QByteArray e;
    appendExponent(e, digits, exp10, negative);
    const qsizetype n = e.size();
    if (n >= 4 && e[n - 4] == 'e' && e[n - 3] == '-' && e[n - 2] == '0')
        e.remove(n - 2, 1);
    out.append(e);
}

QByteArray floatKey(double value)
{
    if (std::isnan(value))
        return QByteArrayLiteral(".nan");
    if (std::isinf(value))
        return value > 0 ? QByteArrayLiteral(".inf") : QByteArrayLiteral("-.inf");
    const float f = float(value);
    QByteArray out;
    if (f == 0) {
        out.append(std::signbit(f) ? "-0" : "0");
        return out;
    }
    char buf[64];
    int exp10 = 0;
    bool negative = false;
    const std::string_view digits = shortestDigits(f, buf, exp10, negative);
    // Go's shortest 'g': exponent form when the decimal exponent is < -4 or >= 6 (not 21).
    if (exp10 < -4 || exp10 >= 6)
        appendExponent(out, digits, exp10, negative);
    else
        appendFixed(out, digits, exp10, negative);
    return out;
}

} // namespace kube::yamlscalar
