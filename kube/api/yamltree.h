#pragma once
// Private to the YAML codec: one YAML document as a compact tree in which aliases stay
// references to their anchored node, built from yaml-cpp's events. Building enforces the depth
// and node limits and rejects aliases into a collection that is still open (a cycle), so a walk
// of the tree always ends. Not thread-safe: one TreeParser per stream, on one thread.

#include <QByteArrayView>
#include <QString>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kube {
struct YamlLimits;
}

namespace kube::yamltree {

// A conversion error with its 0-based position; thrown through the parser and the walk, turned
// into a Status by the public functions.
struct Error {
    int line = -1; // -1 when unknown
    int column = -1;
    QString message;
    int code = 400;
};

[[noreturn]] void fail(int line, int column, const QString &message);

enum class NodeKind : quint8 { Null, Scalar, Sequence, Mapping, Alias };
// yaml-cpp reports "?" for plain scalars, "!" for quoted and block ones, else the full tag.
enum class Tag : quint8 { Plain, NonPlain, Str, Int, Float, Bool, Null, Binary, Timestamp, Merge, Other };

struct Node {
    NodeKind kind = NodeKind::Null;
    Tag tag = Tag::Plain;
    bool open = false; // a collection whose end event has not arrived yet
    int line = 0;
    int column = 0;
    int firstChild = -1;
    int lastChild = -1;
    int next = -1;
    int target = -1; // aliases: the anchored node (never itself an alias)
    quint32 textOffset = 0;
    quint32 textSize = 0;
};

struct Tree {
    std::vector<Node> nodes;
    std::string text; // scalar values, back to back
    std::vector<int> anchorNodes; // by yaml-cpp anchor id (per document, from 1)
    std::vector<std::string> anchorNames;
    int startLine = 0; // where the document's first token is
    int startColumn = 0;
    int startOffset = 0; // byte offset in the UTF-8 input

    std::string_view textOf(const Node &n) const { return std::string_view(text).substr(n.textOffset, n.textSize); }
    const Node &deref(int index) const
    {
        const Node &n = nodes[size_t(index)];
        return n.kind == NodeKind::Alias ? nodes[size_t(n.target)] : n;
    }
};

// Reads a stream of documents from UTF-8 bytes (which must outlive it) with yaml-cpp's
// event parser. LoadAll is avoided: in yaml-cpp 0.7 it never ends on input such as ",".
class TreeParser
{
public:
    TreeParser(QByteArrayView utf8, const YamlLimits &limits);
    ~TreeParser();

    // Fills tree with the next document; false at the end of the stream. Throws Error.
    bool next(Tree &tree);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace kube::yamltree
