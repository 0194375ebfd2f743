// JSON -> YAML, laid out as go-yaml v2's emitter does for `kubectl get -o yaml` (see yaml.h).
// Streams the JSON with simdjson's on-demand API so keys keep their order and numbers keep
// their text.

#include "object.h"
#include "yaml.h"
#include "yamlscalar.h"

#include <simdjson.h>

namespace kube {

namespace {

using namespace simdjson;

// A code point and its UTF-8 length at s[i]; input is valid UTF-8 (simdjson checked it).
char32_t decodeUtf8(std::string_view s, size_t i, int &width)
{
    const auto b = uchar(s[i]);
    if (b < 0x80) {
        width = 1;
        return b;
    }
    width = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
    char32_t cp = b & (0x7F >> width);
    for (int k = 1; k < width && i + size_t(k) < s.size(); ++k)
        cp = (cp << 6) | (uchar(s[i + size_t(k)]) & 0x3F);
    return cp;
}

// libyaml's printable set (with unicode output on): non-BMP characters are not printable.
bool isPrintable(char32_t c)
{
    return c == 0x0A || (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);
}

bool isBreak(char32_t c)
{
    return c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029;
}

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

// What go-yaml's emitter allows for a string (yaml_emitter_analyze_scalar, block context).
struct Analysis {
    bool plainAllowed = true;
    bool singleQuotedAllowed = true;
    bool blockAllowed = true;
    bool multiline = false;
    bool otherBreaks = false; // \r, U+0085, U+2028, U+2029: always double-quoted here
};

Analysis analyze(std::string_view s)
{
    Analysis a;
    if (s.empty()) {
        a.blockAllowed = false;
        return a;
    }
    bool indicators = s.starts_with("---") || s.starts_with("...");
    bool special = false, leadingSpace = false, leadingBreak = false, trailingSpace = false,
         trailingBreak = false, breakSpace = false, spaceBreak = false;
    bool precededByWhitespace = true, previousSpace = false, previousBreak = false;
    for (size_t i = 0; i < s.size();) {
        int w = 1;
        const char32_t c = decodeUtf8(s, i, w);
        const size_t next = i + size_t(w);
        const bool followedByWhitespace = next >= s.size() || isBlank(s[next]);
        if (i == 0) {
            if (std::string_view("#,[]{}&*!|>'\"%@`").find(char(c)) != std::string_view::npos && c < 0x80)
                indicators = true;
            if ((c == '?' || c == ':' || c == '-') && followedByWhitespace)
                indicators = true;
        } else if ((c == ':' && followedByWhitespace) || (c == '#' && precededByWhitespace)) {
            indicators = true;
        }
        if (!isPrintable(c))
            special = true;
        if (c == ' ') {
            leadingSpace |= i == 0;
            trailingSpace |= next == s.size();
            breakSpace |= previousBreak;
            previousSpace = true;
            previousBreak = false;
        } else if (isBreak(c)) {
            a.multiline = true;
            a.otherBreaks |= c != '\n';
            leadingBreak |= i == 0;
            trailingBreak |= next == s.size();
            spaceBreak |= previousSpace;
            previousSpace = false;
            previousBreak = true;
        } else {
            previousSpace = previousBreak = false;
        }
        precededByWhitespace = c == ' ' || c == '\t' || isBreak(c);
        i = next;
    }
    if (leadingSpace || leadingBreak || trailingSpace || trailingBreak || a.multiline || indicators)
        a.plainAllowed = false;
    if (trailingSpace)
        a.blockAllowed = false;
    if (breakSpace)
        a.plainAllowed = a.singleQuotedAllowed = false;
    if (spaceBreak || special)
        a.plainAllowed = a.singleQuotedAllowed = a.blockAllowed = false;
    return a;
}

enum class Style { Plain, SingleQuoted, DoubleQuoted, Literal };
enum class KeyContext { No, Yes };

// go-yaml v2 encoder.stringv + yaml_emitter_select_scalar_style.
Style chooseStyle(std::string_view s, const Analysis &a, KeyContext key)
{
    if (a.otherBreaks)
        return Style::DoubleQuoted;
    if (s.find('\n') != std::string_view::npos)
        return a.blockAllowed && key == KeyContext::No ? Style::Literal : Style::DoubleQuoted;
    const bool canUsePlain = yamlscalar::resolvePlain(s).type == yamlscalar::Type::String
        && !yamlscalar::isBase60Float(s);
    if (!canUsePlain)
        return Style::DoubleQuoted;
    if (a.plainAllowed)
        return Style::Plain;
    return a.singleQuotedAllowed ? Style::SingleQuoted : Style::DoubleQuoted;
}

void appendHex(QByteArray &out, char32_t v, int digits)
{
    for (int k = (digits - 1) * 4; k >= 0; k -= 4)
        out.append("0123456789ABCDEF"[(v >> k) & 0xF]);
}

void appendDoubleQuoted(QByteArray &out, std::string_view s)
{
    out.append('"');
    for (size_t i = 0; i < s.size();) {
        int w = 1;
        const char32_t c = decodeUtf8(s, i, w);
        const bool escape = !isPrintable(c) || c == 0xFEFF || isBreak(c) || c == '"' || c == '\\';
        if (!escape) {
            out.append(s.data() + i, w);
            i += size_t(w);
            continue;
        }
        i += size_t(w);
        out.append('\\');
        switch (c) {
        case 0x00: out.append('0'); break;
        case 0x07: out.append('a'); break;
        case 0x08: out.append('b'); break;
        case 0x09: out.append('t'); break;
        case 0x0A: out.append('n'); break;
        case 0x0B: out.append('v'); break;
        case 0x0C: out.append('f'); break;
        case 0x0D: out.append('r'); break;
        case 0x1B: out.append('e'); break;
        case '"': out.append('"'); break;
        case '\\': out.append('\\'); break;
        case 0x85: out.append('N'); break;
        case 0xA0: out.append('_'); break;
        case 0x2028: out.append('L'); break;
        case 0x2029: out.append('P'); break;
        default:
            if (c <= 0xFF) {
                out.append('x');
                appendHex(out, c, 2);
            } else if (c <= 0xFFFF) {
                out.append('u');
                appendHex(out, c, 4);
            } else {
                out.append('U');
                appendHex(out, c, 8);
            }
        }
    }
    out.append('"');
}

void appendIndent(QByteArray &out, int columns)
{
    out.append(qsizetype(columns), ' ');
}

// Block scalar header and lines; contentIndent is where the text starts. Ends with a newline.
void appendLiteral(QByteArray &out, std::string_view s, int contentIndent)
{
    out.append('|');
    if (s.front() == ' ' || s.front() == '\n')
        out.append('2'); // explicit indentation: the first line starts with a space or is empty
    if (s.back() != '\n')
        out.append('-');
    else if (s.size() == 1 || s[s.size() - 2] == '\n')
        out.append('+');
    out.append('\n');
    size_t start = 0;
    while (start < s.size()) {
        size_t end = s.find('\n', start);
        if (end == std::string_view::npos)
            end = s.size();
        if (end > start) {
            appendIndent(out, contentIndent);
            out.append(s.data() + start, qsizetype(end - start));
        }
        out.append('\n');
        start = end + 1;
    }
}

// Where a node starts: at the root, after "key:", or after "- " (the item is inline).
enum class Position { Root, AfterKey, AfterDash };

class Emitter
{
public:
    explicit Emitter(QByteArray &out) : m_out(out) {}

    error_code node(ondemand::value value, int column, Position pos)
    {
        ondemand::json_type type;
        if (auto error = value.type().get(type))
            return error;
        switch (type) {
        case ondemand::json_type::object: {
            ondemand::object object;
            if (auto error = value.get_object().get(object))
                return error;
            return mapping(object, column, pos);
        }
        case ondemand::json_type::array: {
            ondemand::array array;
            if (auto error = value.get_array().get(array))
                return error;
            return sequence(array, column, pos);
        }
        case ondemand::json_type::string: {
            std::string_view s;
            if (auto error = value.get_string().get(s))
                return error;
            scalarString(s, column, pos);
            return SUCCESS;
        }
        case ondemand::json_type::number: {
            return number(value, value.raw_json_token(), pos);
        }
        case ondemand::json_type::boolean: {
            bool b = false;
            if (auto error = value.get_bool().get(b))
                return error;
            plain(b ? "true" : "false", pos);
            return SUCCESS;
        }
        case ondemand::json_type::null: {
            bool isNull = false;
            if (value.is_null().get(isNull) || !isNull)
                return INCORRECT_TYPE;
            plain("null", pos);
            return SUCCESS;
        }
        }
        return INCORRECT_TYPE;
    }

    // Scalars at the top of a document (on-demand documents do not hand them out as values).
    error_code rootScalar(ondemand::document &doc, ondemand::json_type type)
    {
        switch (type) {
        case ondemand::json_type::string: {
            std::string_view s;
            if (auto error = doc.get_string().get(s))
                return error;
            scalarString(s, 0, Position::Root);
            return SUCCESS;
        }
        case ondemand::json_type::number: {
            std::string_view raw;
            if (auto error = doc.raw_json_token().get(raw))
                return error;
            double d = 0;
            if (auto error = doc.get_double().get(d))
                return error;
            numberText(raw, d, Position::Root);
            return SUCCESS;
        }
        case ondemand::json_type::boolean: {
            bool b = false;
            if (auto error = doc.get_bool().get(b))
                return error;
            plain(b ? "true" : "false", Position::Root);
            return SUCCESS;
        }
        case ondemand::json_type::null: {
            bool isNull = false;
            if (doc.is_null().get(isNull) || !isNull)
                return INCORRECT_TYPE;
            plain("null", Position::Root);
            return SUCCESS;
        }
        default:
            return INCORRECT_TYPE;
        }
    }

private:
    error_code mapping(ondemand::object object, int column, Position pos)
    {
        const int childColumn = pos == Position::Root ? 0 : column + 2;
        bool first = true;
        for (auto fieldResult : object) {
            ondemand::field field;
            if (auto error = std::move(fieldResult).get(field))
                return error;
            std::string_view key;
            if (auto error = field.unescaped_key().get(key))
                return error;
            startEntry(first, pos, childColumn);
            first = false;
            writeKey(key, childColumn);
            if (auto error = node(field.value(), childColumn, Position::AfterKey))
                return error;
        }
        if (first)
            m_out.append(pos == Position::AfterKey ? " {}\n" : "{}\n");
        return SUCCESS;
    }

    error_code sequence(ondemand::array array, int column, Position pos)
    {
        // Items under a key sit at the key's column, as go-yaml writes them.
        const int childColumn = pos == Position::AfterDash ? column + 2 : column;
        bool first = true;
        for (auto itemResult : array) {
            ondemand::value item;
            if (auto error = std::move(itemResult).get(item))
                return error;
            startEntry(first, pos, childColumn);
            first = false;
            m_out.append("- ");
            if (auto error = node(item, childColumn, Position::AfterDash))
                return error;
        }
        if (first)
            m_out.append(pos == Position::AfterKey ? " []\n" : "[]\n");
        return SUCCESS;
    }

    // The first entry of a collection after "- " stays on that line; under a key it starts a
    // new line; every later entry starts on its own line at the collection's column.
    void startEntry(bool first, Position pos, int childColumn)
    {
        if (first && pos == Position::AfterDash)
            return;
        if (first && pos == Position::AfterKey)
            m_out.append('\n');
        appendIndent(m_out, childColumn);
    }

    void writeKey(std::string_view key, int column)
    {
        const Analysis a = analyze(key);
        // go-yaml writes keys longer than 128 bytes or spanning lines in the explicit "? " form.
        if (a.multiline || key.size() > 128) {
            m_out.append("? ");
            scalarString(key, column, Position::AfterDash);
            appendIndent(m_out, column);
            m_out.append(':');
            return;
        }
        appendScalar(key, chooseStyle(key, a, KeyContext::Yes), column);
        m_out.append(':');
    }

    void scalarString(std::string_view s, int column, Position pos)
    {
        if (pos == Position::AfterKey)
            m_out.append(' ');
        const Analysis a = analyze(s);
        const Style style = chooseStyle(s, a, KeyContext::No);
        const int contentIndent = pos == Position::Root ? 2 : column + 2;
        appendScalar(s, style, contentIndent);
        if (style != Style::Literal)
            m_out.append('\n');
    }

    void appendScalar(std::string_view s, Style style, int contentIndent)
    {
        switch (style) {
        case Style::Plain:
            m_out.append(s.data(), qsizetype(s.size()));
            return;
        case Style::SingleQuoted:
            m_out.append('\'');
            for (char c : s) {
                if (c == '\'')
                    m_out.append('\'');
                m_out.append(c);
            }
            m_out.append('\'');
            return;
        case Style::DoubleQuoted:
            appendDoubleQuoted(m_out, s);
            return;
        case Style::Literal:
            appendLiteral(m_out, s, contentIndent);
            return;
        }
    }

    error_code number(ondemand::value value, std::string_view raw, Position pos)
    {
        double d = 0;
        if (auto error = value.get_double().get(d))
            return error;
        numberText(raw, d, pos);
        return SUCCESS;
    }

    // The JSON text when it reads back as the same kind of number; else Go's float format.
    void numberText(std::string_view raw, double d, Position pos)
    {
        while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\n' || raw.back() == '\r' || raw.back() == '\t'))
            raw.remove_suffix(1);
        const auto t = yamlscalar::resolvePlain(raw, yamlscalar::Timestamps::Ignore).type;
        if (t == yamlscalar::Type::Int || t == yamlscalar::Type::Uint || t == yamlscalar::Type::Float) {
            plain(raw, pos);
            return;
        }
        QByteArray text;
        yamlscalar::appendJsonFloat(text, d);
        plain(std::string_view(text.constData(), size_t(text.size())), pos);
    }

    void plain(std::string_view text, Position pos)
    {
        if (pos == Position::AfterKey)
            m_out.append(' ');
        m_out.append(text.data(), qsizetype(text.size()));
        m_out.append('\n');
    }

    QByteArray &m_out;
};

} // namespace

QByteArray jsonToYaml(QByteArrayView json)
{
    thread_local ondemand::parser parser;
    const padded_string padded(json.data(), size_t(json.size()));
    ondemand::document doc;
    if (parser.iterate(padded).get(doc))
        return {};
    QByteArray out;
    out.reserve(json.size() + json.size() / 2);
    Emitter emitter(out);
    ondemand::json_type type;
    if (doc.type().get(type))
        return {};
    error_code error = SUCCESS;
    if (type == ondemand::json_type::object || type == ondemand::json_type::array) {
        ondemand::value root;
        error = doc.get_value().get(root);
        if (!error)
            error = emitter.node(root, 0, Position::Root);
    } else {
        error = emitter.rootScalar(doc, type);
    }
    if (error)
        return {};
    return out;
}

QByteArray toYaml(const Object &object)
{
    if (object.isNull())
        return {};
    return jsonToYaml(object.json());
}

} // namespace kube
