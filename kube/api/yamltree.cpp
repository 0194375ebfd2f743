#include "yamltree.h"

#include "yaml.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <istream>
#include <streambuf>

namespace kube::yamltree {

void fail(int line, int column, const QString &message)
{
    throw Error{line, column, message};
}

namespace {

Tag classifyTag(const std::string &tag)
{
    if (tag == "?")
        return Tag::Plain;
    if (tag == "!")
        return Tag::NonPlain;
    constexpr std::string_view core = "tag:yaml.org,2002:";
    if (!std::string_view(tag).starts_with(core))
        return Tag::Other;
    const std::string_view name = std::string_view(tag).substr(core.size());
    if (name == "str")
        return Tag::Str;
    if (name == "int")
        return Tag::Int;
    if (name == "float")
        return Tag::Float;
    if (name == "bool")
        return Tag::Bool;
    if (name == "null")
        return Tag::Null;
    if (name == "binary")
        return Tag::Binary;
    if (name == "timestamp")
        return Tag::Timestamp;
    if (name == "merge")
        return Tag::Merge;
    return Tag::Other;
}

// Builds one document's Tree from yaml-cpp events. Enforces depth and node count while parsing,
// and rejects aliases to a collection that is still open (a cycle).
class TreeBuilder final : public YAML::EventHandler
{
public:
    TreeBuilder(Tree &tree, const YamlLimits &limits) : m_tree(tree), m_limits(limits) {}

    void OnDocumentStart(const YAML::Mark &mark) override
    {
        m_tree.startLine = mark.line;
        m_tree.startColumn = mark.column;
        m_tree.startOffset = mark.pos;
    }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override { add(NodeKind::Null, mark, anchor); }

    void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        const int target = anchor < m_tree.anchorNodes.size() ? m_tree.anchorNodes[anchor] : -1;
        if (target < 0)
            fail(mark.line, mark.column, QStringLiteral("unknown anchor referenced"));
        if (m_tree.nodes[size_t(target)].open) {
            fail(mark.line, mark.column, QStringLiteral("anchor '%1' value contains itself")
                 .arg(QString::fromStdString(m_tree.anchorNames[anchor])));
        }
        const int index = add(NodeKind::Alias, mark, YAML::NullAnchor);
        m_tree.nodes[size_t(index)].target = target;
    }

    void OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor, const std::string &value) override
    {
        const int index = add(NodeKind::Scalar, mark, anchor);
        Node &n = m_tree.nodes[size_t(index)];
        n.tag = classifyTag(tag);
        n.textOffset = quint32(m_tree.text.size());
        n.textSize = quint32(value.size());
        m_tree.text += value;
    }

    void OnSequenceStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor, YAML::EmitterStyle::value) override
    {
        open(NodeKind::Sequence, mark, anchor);
    }
    void OnSequenceEnd() override { close(); }

    void OnMapStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor, YAML::EmitterStyle::value) override
    {
        open(NodeKind::Mapping, mark, anchor);
    }
    void OnMapEnd() override { close(); }

    void OnAnchor(const YAML::Mark &, const std::string &name) override { m_pendingAnchorName = name; }

private:
    int add(NodeKind kind, const YAML::Mark &mark, YAML::anchor_t anchor)
    {
        if (qsizetype(m_tree.nodes.size()) >= m_limits.maxNodes)
            fail(mark.line, mark.column, QStringLiteral("document has more than %1 nodes").arg(m_limits.maxNodes));
        const int index = int(m_tree.nodes.size());
        Node n;
        n.kind = kind;
        n.line = mark.line;
        n.column = mark.column;
        m_tree.nodes.push_back(n);
        if (!m_open.empty()) {
            Node &parent = m_tree.nodes[size_t(m_open.back())];
            if (parent.lastChild < 0)
                parent.firstChild = index;
            else
                m_tree.nodes[size_t(parent.lastChild)].next = index;
            parent.lastChild = index;
        }
        if (anchor != YAML::NullAnchor) {
            if (m_tree.anchorNodes.size() <= anchor) {
                m_tree.anchorNodes.resize(anchor + 1, -1);
                m_tree.anchorNames.resize(anchor + 1);
            }
            m_tree.anchorNodes[anchor] = index;
            m_tree.anchorNames[anchor] = std::move(m_pendingAnchorName);
        }
        m_pendingAnchorName.clear();
        return index;
    }

    void open(NodeKind kind, const YAML::Mark &mark, YAML::anchor_t anchor)
    {
        if (int(m_open.size()) >= m_limits.maxDepth)
            fail(mark.line, mark.column, QStringLiteral("exceeded max depth of %1").arg(m_limits.maxDepth));
        const int index = add(kind, mark, anchor);
        m_tree.nodes[size_t(index)].open = true;
        m_open.push_back(index);
    }

    void close()
    {
        m_tree.nodes[size_t(m_open.back())].open = false;
        m_open.pop_back();
    }

    Tree &m_tree;
    const YamlLimits &m_limits;
    std::vector<int> m_open;
    std::string m_pendingAnchorName;
};

// A read-only std::streambuf over bytes we do not own: yaml-cpp reads from std::istream.
class ViewStreamBuf final : public std::streambuf
{
public:
    ViewStreamBuf(const char *data, qsizetype size)
    {
        char *p = const_cast<char *>(data); // the get area is never written
        setg(p, p, p + size);
    }
};

} // namespace

struct TreeParser::Private {
    Private(QByteArrayView utf8, const YamlLimits &limits)
        : buffer(utf8.data(), utf8.size()), stream(&buffer), parser(stream), limits(limits) {}
    ViewStreamBuf buffer;
    std::istream stream;
    YAML::Parser parser;
    const YamlLimits &limits;
};

TreeParser::TreeParser(QByteArrayView utf8, const YamlLimits &limits) : d(std::make_unique<Private>(utf8, limits)) {}

TreeParser::~TreeParser() = default;

bool TreeParser::next(Tree &tree)
{
    try {
        TreeBuilder builder(tree, d->limits);
        return d->parser.HandleNextDocument(builder);
    } catch (const YAML::Exception &e) {
        const bool hasMark = !e.mark.is_null();
        throw Error{hasMark ? e.mark.line : -1, hasMark ? e.mark.column : -1, QString::fromStdString(e.msg)};
    }
}

} // namespace kube::yamltree
