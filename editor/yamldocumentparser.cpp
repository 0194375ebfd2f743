#include "yamldocumentparser.h"

#include "editortr.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <istream>
#include <streambuf>

namespace timonel {

namespace {

// Thrown from the event handler to stop a parse (limits); turned into the document's error.
struct StopParse {
    int byteLine;
    int byteColumn;
    QString message;
};

bool isBlank(char c) { return c == ' ' || c == '\t'; }
bool isFlowIndicator(char c) { return c == ',' || c == '[' || c == ']' || c == '{' || c == '}'; }

struct Token {
    int begin = 0;
    int end = 0;
    bool unterminated = false;
};

// The extent of the token yaml-cpp reports at byte offset pos, on its line.
Token scanToken(const QByteArray &buf, const LineIndex &lines, int pos, bool inFlow, bool collection)
{
    const int line = lines.lineOf(pos);
    const int lineEnd = lines.lineEnd(line);
    const char *s = buf.constData();
    int p = pos;
    while (p < lineEnd && (s[p] == '&' || s[p] == '!')) { // anchors and tags before the value
        while (p < lineEnd && !isBlank(s[p]))
            ++p;
        while (p < lineEnd && isBlank(s[p]))
            ++p;
    }
    if (p >= lineEnd)
        p = pos;
    Token t{p, lineEnd, false};
    if (p >= lineEnd)
        return t;
    const char c = s[p];
    const int size = int(buf.size());
    if (c == '"' || c == '\'') {
        int q = p + 1;
        bool closed = false;
        while (q < size) {
            if (c == '"' && s[q] == '\\') {
                q += 2;
                continue;
            }
            if (s[q] == c) {
                if (c == '\'' && q + 1 < size && s[q + 1] == '\'') {
                    q += 2;
                    continue;
                }
                closed = true;
                ++q;
                break;
            }
            ++q;
        }
        t.unterminated = !closed;
        t.end = std::min(q, lineEnd);
        return t;
    }
    if (c == '*') {
        int q = p + 1;
        while (q < lineEnd && !isBlank(s[q]) && !isFlowIndicator(s[q]))
            ++q;
        t.end = q;
        return t;
    }
    int q = p;
    const bool plain = !collection && c != '|' && c != '>' && c != '[' && c != '{';
    while (q < lineEnd) {
        const char ch = s[q];
        if (ch == '#' && q > p && isBlank(s[q - 1]))
            break;
        if (plain && ch == ':' && (q + 1 == lineEnd || isBlank(s[q + 1]) || (inFlow && isFlowIndicator(s[q + 1]))))
            break;
        if (plain && inFlow && isFlowIndicator(ch))
            break;
        ++q;
    }
    while (q > p && isBlank(s[q - 1]))
        --q;
    t.end = q;
    return t;
}

QString friendlyMessage(const std::string &yamlCppMessage, bool tabIndent)
{
    if (tabIndent)
        return Tr::tr("Tabs are not allowed for indentation in YAML; use spaces");
    const QString m = QString::fromStdString(yamlCppMessage);
    if (m == u"illegal map value")
        return Tr::tr("A mapping value is not allowed here: check the indentation, or quote a value that contains \": \"");
    if (m == u"end of map not found")
        return Tr::tr("Bad indentation: this line does not line up with the mapping it belongs to");
    if (m == u"end of sequence not found")
        return Tr::tr("Bad indentation: this line does not line up with the list it belongs to");
    if (m == u"end of map flow not found")
        return Tr::tr("Missing \"}\" at the end of a flow mapping");
    if (m == u"end of sequence flow not found")
        return Tr::tr("Missing \"]\" at the end of a flow list");
    if (m.startsWith(u"block sequence entries are not allowed"))
        return Tr::tr("A list item (\"- \") is not allowed here: check the indentation");
    if (m == u"unknown escape character")
        return Tr::tr("Unknown escape sequence in a double-quoted string (write \\\\ for a backslash)");
    return Tr::tr("YAML syntax error: %1").arg(m);
}

// Builds one document's nodes from yaml-cpp's events, in the whole text's coordinates.
class Builder final : public YAML::EventHandler
{
public:
    Builder(YamlDocument &doc, const QByteArray &buf, const LineIndex &lines, int chunkByte,
            const YamlParseLimits &limits)
        : m_doc(doc), m_buf(buf), m_lines(lines), m_chunkByte(chunkByte), m_limits(limits) {}

    int documentStart = -1; // absolute byte offset of the document's first token

    void OnDocumentStart(const YAML::Mark &mark) override { documentStart = m_chunkByte + int(mark.pos); }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        const int index = add(YamlNodeKind::Null, mark, anchor);
        YamlNode &n = m_doc.nodes[size_t(index)];
        if (n.parentKey >= 0) { // yaml-cpp marks an absent value where the next token starts
            const SourceRange key = m_doc.nodes[size_t(n.parentKey)].range;
            n.range = {key.line, key.column + key.length + 1, 0};
        } else {
            n.range.length = 0;
        }
    }
    void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        const int target = anchor < m_anchors.size() ? m_anchors[anchor] : -1;
        if (target < 0)
            throw StopParse{int(mark.line), int(mark.column), Tr::tr("Unknown anchor referenced by an alias")};
        if (isOpen(target))
            throw StopParse{int(mark.line), int(mark.column), Tr::tr("An alias refers to the collection that contains it")};
        const int index = add(YamlNodeKind::Alias, mark, YAML::NullAnchor);
        m_doc.nodes[size_t(index)].target = target;
    }
    void OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor, const std::string &value) override
    {
        const int index = add(YamlNodeKind::Scalar, mark, anchor);
        YamlNode &n = m_doc.nodes[size_t(index)];
        const ResolvedScalar r = resolveScalar(value, tag);
        n.scalarType = r.type;
        n.integer = r.integer;
        n.integerFits = r.integerFits;
        n.quoted = tag == "!";
        n.text = QString::fromStdString(value);
    }
    void OnSequenceStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor, YAML::EmitterStyle::value style) override
    {
        open(YamlNodeKind::Sequence, mark, anchor, style == YAML::EmitterStyle::Flow);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor, YAML::EmitterStyle::value style) override
    {
        open(YamlNodeKind::Mapping, mark, anchor, style == YAML::EmitterStyle::Flow);
    }
    void OnMapEnd() override { close(); }

private:
    struct Open {
        int node;
        int children = 0;
    };

    bool isOpen(int node) const
    {
        for (const Open &o : m_open) {
            if (o.node == node)
                return true;
        }
        return false;
    }

    int add(YamlNodeKind kind, const YAML::Mark &mark, YAML::anchor_t anchor)
    {
        if (int(m_doc.nodes.size()) >= m_limits.maxNodes)
            throw StopParse{int(mark.line), int(mark.column), Tr::tr("The document has more than %1 nodes").arg(m_limits.maxNodes)};
        const int index = int(m_doc.nodes.size());
        YamlNode n;
        n.kind = kind;
        const int pos = m_chunkByte + int(mark.pos);
        const bool collection = kind == YamlNodeKind::Sequence || kind == YamlNodeKind::Mapping;
        const Token token = scanToken(m_buf, m_lines, pos, m_flowDepth > 0 && !collection, collection);
        if (token.unterminated)
            m_unterminated = token.begin;
        n.range = m_lines.range(token.begin, token.end);
        if (!m_open.empty()) {
            Open &parent = m_open.back();
            YamlNode &p = m_doc.nodes[size_t(parent.node)];
            if (p.kind == YamlNodeKind::Mapping && parent.children % 2 == 1)
                n.parentKey = m_lastKey;
            if (p.kind == YamlNodeKind::Mapping && parent.children % 2 == 0)
                m_lastKey = index;
            if (parent.children == 0)
                p.firstChild = index;
            else
                m_doc.nodes[size_t(m_lastChild.back())].next = index;
            ++parent.children;
            m_lastChild.back() = index;
        }
        m_doc.nodes.push_back(std::move(n));
        if (anchor != YAML::NullAnchor) {
            if (m_anchors.size() <= anchor)
                m_anchors.resize(anchor + 1, -1);
            m_anchors[anchor] = index;
        }
        return index;
    }

    void open(YamlNodeKind kind, const YAML::Mark &mark, YAML::anchor_t anchor, bool flow)
    {
        if (int(m_open.size()) >= m_limits.maxDepth)
            throw StopParse{int(mark.line), int(mark.column), Tr::tr("The document is nested more than %1 levels deep").arg(m_limits.maxDepth)};
        if (flow)
            ++m_flowDepth;
        const int index = add(kind, mark, anchor);
        m_doc.nodes[size_t(index)].flow = flow;
        m_open.push_back({index, 0});
        m_lastChild.push_back(-1);
        m_openKeys.push_back(m_lastKey);
    }

    void close()
    {
        if (m_doc.nodes[size_t(m_open.back().node)].flow)
            --m_flowDepth;
        m_open.pop_back();
        m_lastChild.pop_back();
        m_lastKey = m_openKeys.back();
        m_openKeys.pop_back();
    }

public:
    int m_unterminated = -1; // byte offset of a quoted scalar that never closes

private:
    YamlDocument &m_doc;
    const QByteArray &m_buf;
    const LineIndex &m_lines;
    const int m_chunkByte;
    const YamlParseLimits &m_limits;
    std::vector<Open> m_open;
    std::vector<int> m_lastChild;
    std::vector<int> m_openKeys;
    std::vector<int> m_anchors;
    int m_lastKey = -1;
    int m_flowDepth = 0;
};

class ViewStreamBuf final : public std::streambuf
{
public:
    ViewStreamBuf(const char *data, qsizetype size)
    {
        char *p = const_cast<char *>(data); // the get area is never written
        setg(p, p, p + size);
    }
};

bool hasTabIndent(const QByteArray &buf, const LineIndex &lines, int line)
{
    for (int i = lines.lineStart(line); i < lines.lineEnd(line); ++i) {
        if (buf[i] == '\t')
            return true;
        if (buf[i] != ' ')
            return false;
    }
    return false;
}

} // namespace

YamlDocument parseYamlDocument(const QByteArray &buf, const LineIndex &lines, int beginLine, int endLine,
                               const YamlParseLimits &limits)
{
    YamlDocument doc;
    doc.firstLine = beginLine;
    doc.lastLine = endLine - 1;
    const int beginByte = lines.lineStart(beginLine);
    const int endByte = endLine < lines.lineCount() ? lines.lineStart(endLine) : int(buf.size());
    ViewStreamBuf streamBuf(buf.constData() + beginByte, endByte - beginByte);
    std::istream stream(&streamBuf);
    const auto fail = [&](int line, int byteColumn, const QString &message) {
        line = std::clamp(line, beginLine, std::max(beginLine, endLine - 1));
        const int lineLength = lines.lineEnd(line) - lines.lineStart(line);
        byteColumn = std::clamp(byteColumn, 0, lineLength);
        const int begin = lines.lineStart(line) + byteColumn;
        const int end = byteColumn < lineLength ? begin + 1 : begin;
        doc.error = YamlSyntaxError{lines.range(begin, end), message};
    };
    Builder builder(doc, buf, lines, beginByte, limits);
    try {
        YAML::Parser parser(stream);
        if (!parser.HandleNextDocument(builder))
            return doc;
        // A second document without its own "---" line (after "..." or where yaml-cpp 0.7
        // restarts on input such as ","): refused as kubectl's reader does.
        YamlDocument extra;
        Builder second(extra, buf, lines, beginByte, limits);
        if (parser.HandleNextDocument(second) && !(second.documentStart < 0)) {
            const int line = lines.lineOf(second.documentStart);
            fail(line, second.documentStart - lines.lineStart(line), Tr::tr("A new document must start with a \"---\" line"));
        }
    } catch (const YAML::Exception &e) {
        const int line = e.mark.is_null() ? endLine - 1 : beginLine + e.mark.line;
        fail(line, e.mark.is_null() ? 0 : e.mark.column, friendlyMessage(e.msg, hasTabIndent(buf, lines, std::clamp(line, 0, lines.lineCount() - 1))));
    } catch (const StopParse &s) {
        fail(beginLine + s.byteLine, s.byteColumn, s.message);
    }
    if (!doc.error && builder.m_unterminated >= 0) {
        const int line = lines.lineOf(builder.m_unterminated);
        fail(line, builder.m_unterminated - lines.lineStart(line), Tr::tr("This quoted string is never closed"));
    }
    return doc;
}

} // namespace timonel
