#include "yamlhighlighter.h"

#include "plainscalar.h"

namespace timonel {

namespace {

// Block states: -1 normal; kBlockScalar + n inside a block scalar whose indicator line is
// indented by n (its text is what is indented more).
constexpr int kBlockScalar = 1000;

bool isFlowIndicator(QChar c) { return c == u',' || c == u'[' || c == u']' || c == u'{' || c == u'}'; }
bool isBlank(QChar c) { return c == u' ' || c == u'\t'; }

int skipBlanks(const QString &line, int pos)
{
    while (pos < line.size() && isBlank(line[pos]))
        ++pos;
    return pos;
}

// The end of a quoted scalar starting at pos (after its closing quote, or the line's end).
int quotedEnd(const QString &line, int pos)
{
    const QChar quote = line[pos];
    int i = pos + 1;
    while (i < line.size()) {
        if (quote == u'"' && line[i] == u'\\') {
            i += 2;
            continue;
        }
        if (line[i] == quote) {
            if (quote == u'\'' && i + 1 < line.size() && line[i + 1] == u'\'') {
                i += 2;
                continue;
            }
            return i + 1;
        }
        ++i;
    }
    return int(line.size());
}

bool isValueColon(const QString &line, int i, bool inFlow)
{
    return line[i] == u':' && (i + 1 == line.size() || isBlank(line[i + 1]) || (inFlow && isFlowIndicator(line[i + 1])));
}

// A block mapping key starting at pos: the position of its ':' or -1.
int keyColon(const QString &line, int pos)
{
    if (pos >= line.size())
        return -1;
    const QChar c = line[pos];
    if (c == u'#' || c == u'[' || c == u'{' || c == u'|' || c == u'>' || c == u'&' || c == u'*' || c == u'!' || c == u'%' || c == u'@')
        return -1;
    int i = pos;
    if (c == u'"' || c == u'\'') {
        i = skipBlanks(line, quotedEnd(line, pos));
        return i < line.size() && isValueColon(line, i, false) ? i : -1;
    }
    for (; i < line.size(); ++i) {
        if (line[i] == u'#' && i > pos && isBlank(line[i - 1]))
            return -1;
        if (isValueColon(line, i, false))
            return i;
    }
    return -1;
}

} // namespace

YamlHighlighter::YamlHighlighter(QTextDocument *document, const EditorTheme &theme) : QSyntaxHighlighter(document)
{
    setTheme(theme);
}

void YamlHighlighter::setTheme(const EditorTheme &theme)
{
    const auto make = [](const QColor &colour, bool bold = false, bool italic = false) {
        QTextCharFormat f;
        f.setForeground(colour);
        if (bold)
            f.setFontWeight(QFont::DemiBold);
        f.setFontItalic(italic);
        return f;
    };
    m_formats[size_t(Token::Key)] = make(theme.key, true);
    m_formats[size_t(Token::String)] = make(theme.string);
    m_formats[size_t(Token::Number)] = make(theme.number);
    m_formats[size_t(Token::Keyword)] = make(theme.keyword, true);
    m_formats[size_t(Token::Comment)] = make(theme.comment, false, true);
    m_formats[size_t(Token::Anchor)] = make(theme.anchor);
    m_formats[size_t(Token::Tag)] = make(theme.tag, false, true);
    m_formats[size_t(Token::Marker)] = make(theme.marker, true);
    m_formats[size_t(Token::BlockScalar)] = make(theme.blockScalar);
    m_formats[size_t(Token::Punctuation)] = make(theme.punctuation, true);
    rehighlight();
}

void YamlHighlighter::apply(int start, int length, Token token)
{
    if (length > 0)
        setFormat(start, length, m_formats[size_t(token)]);
}

void YamlHighlighter::highlightBlock(const QString &line)
{
    const int indent = skipBlanks(line, 0);
    const int previous = previousBlockState();
    if (previous >= kBlockScalar) {
        const bool blank = indent == line.size();
        if (blank || indent > previous - kBlockScalar) {
            apply(0, int(line.size()), Token::BlockScalar);
            setCurrentBlockState(previous);
            return;
        }
    }
    setCurrentBlockState(-1);
    int pos = indent;
    if (indent == 0 && (line.startsWith(u"---") || line.startsWith(u"...")) && (line.size() == 3 || isBlank(line[3]))) {
        apply(0, 3, Token::Marker);
        pos = skipBlanks(line, 3);
    } else if (indent == 0 && line.startsWith(u'%')) {
        apply(0, int(line.size()), Token::Tag); // %YAML, %TAG directives
        return;
    }
    while (pos < line.size() && line[pos] == u'-' && (pos + 1 == line.size() || isBlank(line[pos + 1]))) {
        apply(pos, 1, Token::Punctuation);
        pos = skipBlanks(line, pos + 1);
    }
    const int colon = keyColon(line, pos);
    if (colon >= 0) {
        int keyEnd = colon;
        while (keyEnd > pos && isBlank(line[keyEnd - 1]))
            --keyEnd;
        apply(pos, keyEnd - pos, Token::Key);
        apply(colon, 1, Token::Punctuation);
        pos = skipBlanks(line, colon + 1);
    }
    highlightValue(line, pos, indent, 0);
}

void YamlHighlighter::highlightValue(const QString &line, int pos, int lineIndent, int flowDepth)
{
    const int n = int(line.size());
    bool valueStart = true;
    while (pos < n) {
        const QChar c = line[pos];
        if (isBlank(c)) {
            ++pos;
            continue;
        }
        if (c == u'#' && (pos == 0 || isBlank(line[pos - 1]))) {
            apply(pos, n - pos, Token::Comment);
            return;
        }
        if (c == u'&' || c == u'*' || c == u'!') {
            int end = pos + 1;
            while (end < n && !isBlank(line[end]) && !isFlowIndicator(line[end]))
                ++end;
            apply(pos, end - pos, c == u'!' ? Token::Tag : Token::Anchor);
            pos = end;
            continue;
        }
        if ((c == u'|' || c == u'>') && flowDepth == 0 && valueStart) {
            int end = pos + 1;
            while (end < n && (line[end].isDigit() || line[end] == u'+' || line[end] == u'-'))
                ++end;
            apply(pos, end - pos, Token::BlockScalar);
            setCurrentBlockState(kBlockScalar + lineIndent);
            pos = end;
            continue;
        }
        if (c == u'"' || c == u'\'') {
            const int end = quotedEnd(line, pos);
            const int after = skipBlanks(line, end);
            const bool isKey = flowDepth > 0 && after < n && isValueColon(line, after, true);
            apply(pos, end - pos, isKey ? Token::Key : Token::String);
            pos = end;
            valueStart = false;
            continue;
        }
        if (isFlowIndicator(c)) {
            if (c == u'[' || c == u'{')
                ++flowDepth;
            else if ((c == u']' || c == u'}') && flowDepth > 0)
                --flowDepth;
            apply(pos, 1, Token::Punctuation);
            ++pos;
            continue;
        }
        if (c == u':' && isValueColon(line, pos, flowDepth > 0)) {
            apply(pos, 1, Token::Punctuation);
            ++pos;
            continue;
        }
        // A plain scalar: to the end of the line (block) or the next indicator (flow), before
        // any comment.
        int end = pos;
        while (end < n) {
            if (line[end] == u'#' && end > pos && isBlank(line[end - 1]))
                break;
            if (flowDepth > 0 && (isFlowIndicator(line[end]) || isValueColon(line, end, true)))
                break;
            ++end;
        }
        int trimmed = end;
        while (trimmed > pos && isBlank(line[trimmed - 1]))
            --trimmed;
        const bool isKey = flowDepth > 0 && end < n && isValueColon(line, end, true);
        Token token = Token::String;
        if (isKey) {
            token = Token::Key;
        } else {
            const QByteArray utf8 = QStringView(line).sliced(pos, trimmed - pos).toUtf8();
            switch (resolvePlainScalar(std::string_view(utf8.constData(), size_t(utf8.size()))).type) {
            case ScalarType::Null:
            case ScalarType::Bool: token = Token::Keyword; break;
            case ScalarType::Int:
            case ScalarType::Float: token = Token::Number; break;
            case ScalarType::String: break;
            }
        }
        apply(pos, trimmed - pos, token);
        pos = end;
        valueStart = false;
    }
}

} // namespace timonel
