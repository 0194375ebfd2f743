#include "plainscalar.h"

#include <charconv>
#include <limits>
#include <string>

namespace timonel {

namespace {

constexpr std::string_view kCoreTag = "tag:yaml.org,2002:";

bool isOneOf(std::string_view text, std::initializer_list<std::string_view> words)
{
    for (std::string_view w : words) {
        if (text == w)
            return true;
    }
    return false;
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Go's strconv.ParseInt/ParseUint with base 0 (sign, 0x/0o/0b prefixes, leading-0 octal) on
// text without underscores. Sets fits when the value fits qint64.
bool parseGoInteger(std::string_view text, ResolvedScalar &out)
{
    bool negative = false;
    if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
        negative = text[0] == '-';
        text.remove_prefix(1);
    }
    if (text.empty())
        return false;
    int base = 10;
    if (text.size() >= 2 && text[0] == '0') {
        const char p = text[1];
        if (p == 'x' || p == 'X')
            base = 16;
        else if (p == 'o' || p == 'O')
            base = 8;
        else if (p == 'b' || p == 'B')
            base = 2;
        if (base != 10) {
            text.remove_prefix(2);
        } else {
            base = 8; // a leading 0 means octal ("017" = 15; "08" fails)
            text.remove_prefix(1);
            if (text.empty())
                return false;
        }
    }
    if (text.empty())
        return false;
    quint64 magnitude = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), magnitude, base);
    if (end != text.data() + text.size())
        return false;
    if (ec == std::errc::result_out_of_range)
        return false;
    if (negative) {
        if (magnitude > quint64(std::numeric_limits<qint64>::max()) + 1)
            return false;
        out.integer = qint64(0 - magnitude);
        out.integerFits = true;
        return true;
    }
    out.integerFits = magnitude <= quint64(std::numeric_limits<qint64>::max());
    out.integer = out.integerFits ? qint64(magnitude) : 0;
    return true;
}

// go-yaml v2's yamlStyleFloat: ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$
bool isYamlStyleFloat(std::string_view s)
{
    size_t i = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-'))
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
        if (i < s.size() && (s[i] == '+' || s[i] == '-'))
            ++i;
        const size_t start = i;
        while (i < s.size() && isDigit(s[i]))
            ++i;
        if (i == start)
            return false;
    }
    return i == s.size();
}

} // namespace

ResolvedScalar resolvePlainScalar(std::string_view text)
{
    ResolvedScalar r;
    if (text.empty() || isOneOf(text, {"~", "null", "Null", "NULL"})) {
        r.type = ScalarType::Null;
        return r;
    }
    if (isOneOf(text, {"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON",
                       "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"})) {
        r.type = ScalarType::Bool;
        return r;
    }
    if (isOneOf(text, {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF",
                       ".nan", ".NaN", ".NAN"})) {
        r.type = ScalarType::Float;
        return r;
    }
    const char first = text.front();
    if (first == '.') {
        if (isYamlStyleFloat(text)) // Go's ParseFloat on ".5", ".5e3"
            r.type = ScalarType::Float;
        return r;
    }
    if (!isDigit(first) && first != '+' && first != '-')
        return r;

    std::string plain;
    std::string_view digits = text;
    if (text.find('_') != std::string_view::npos) {
        plain.reserve(text.size());
        for (char c : text) {
            if (c != '_')
                plain.push_back(c);
        }
        digits = plain;
    }
    if (parseGoInteger(digits, r)) {
        r.type = ScalarType::Int;
        return r;
    }
    if (isYamlStyleFloat(digits)) {
        r.type = ScalarType::Float;
        return r;
    }
    return r; // timestamps, "1:20", "+", versions such as "1.2.3" stay strings
}

ResolvedScalar resolveScalar(std::string_view text, std::string_view tag)
{
    if (tag == "?")
        return resolvePlainScalar(text);
    if (!tag.starts_with(kCoreTag))
        return {}; // quoted, block, !!-less local tags: strings
    const std::string_view name = tag.substr(kCoreTag.size());
    if (name == "int" || name == "float" || name == "bool" || name == "null") {
        ResolvedScalar r = resolvePlainScalar(text);
        if (name == "float" && r.type == ScalarType::Int)
            r.type = ScalarType::Float;
        return r;
    }
    return {};
}

} // namespace timonel
