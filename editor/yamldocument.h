#pragma once
// YamlDocument: one document of a YAML text as the editor reads it — a compact tree of its
// nodes (scalars with their text and JSON type, mappings, sequences, aliases), each with the
// range of its token in the editor's coordinates (0-based lines, UTF-16 columns), plus the
// syntax error that stopped its parse, if any. Built by YamlSourceMap; walked by the
// validator, the migration and the source map's path lookups.
//
// Plain value; immutable once built, so any thread may read it. Cost: ~56 bytes plus the
// scalar's text per node; lookups are linear in a mapping's entries.

#include "plainscalar.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringView>

#include <optional>
#include <vector>

namespace timonel {

// How much of a text the parser takes on (a defence against hostile input).
struct YamlParseLimits {
    int maxBytes = 3 * 1024 * 1024;
    int maxDepth = 100;
    int maxNodes = 1'000'000;
};

// A span of text on one line: 0-based line, UTF-16 column, length in UTF-16 units.
struct SourceRange {
    int line = -1;
    int column = 0;
    int length = 0;
    bool isValid() const { return line >= 0; }
    friend bool operator==(const SourceRange &, const SourceRange &) = default;
};

enum class YamlNodeKind : quint8 { Null, Scalar, Sequence, Mapping, Alias };

struct YamlNode {
    YamlNodeKind kind = YamlNodeKind::Null;
    ScalarType scalarType = ScalarType::Null; // Scalar: the JSON type it converts to
    bool quoted = false;    // Scalar: quoted or block style (always a string)
    bool flow = false;      // Sequence, Mapping: written in flow style ([…], {…})
    bool integerFits = false;
    qint64 integer = 0;     // Scalar of type Int (when integerFits)
    // The token: a scalar's text on its first line (quotes included), a collection's first
    // line from its first character, an alias's "*name"; an absent value ("key:") is an empty
    // range just after its key.
    SourceRange range;
    int firstChild = -1;    // Sequence, Mapping (keys and values alternate)
    int next = -1;          // the next sibling
    int target = -1;        // Alias: the anchored node
    int parentKey = -1;     // the key node whose value this is, or -1
    QString text;           // Scalar: the value as YAML reads it
};

struct YamlSyntaxError {
    SourceRange range;
    QString message;        // translated, with yaml-cpp's own words where they are clear
};

struct YamlDocument {
    int index = 0;          // among the documents of the text, from 0
    int firstLine = 0;      // its "---" line when it has one
    int lastLine = 0;       // inclusive: the line before the next document's "---"
    std::vector<YamlNode> nodes; // nodes[0] is the root; empty for an empty document
    std::optional<YamlSyntaxError> error; // the parse of this document stopped there
    QByteArray source;      // the document's UTF-8 text: the next parse reuses identical ones

    bool isEmpty() const { return nodes.empty() || deref(0).kind == YamlNodeKind::Null; }
    const YamlNode &node(int index) const { return nodes[size_t(index)]; }
    // An alias's anchored node; any other node itself.
    const YamlNode &deref(int index) const;
    int derefIndex(int index) const;

    struct Entry {
        int key;   // node index of the key (a scalar)
        int value; // node index of the value (may be an alias)
    };
    // A mapping's entries in document order with merge keys ("<<: *defaults") expanded: keys
    // written in the mapping win over merged ones. Empty for anything but a mapping.
    QList<Entry> entries(int mapping) const;
    // The value of key in a mapping (-1 when absent), and the key's node.
    int value(int mapping, QStringView key, int *keyNode = nullptr) const;
    // Sequence items (node indices).
    QList<int> items(int sequence) const;
    // A scalar's text (aliases followed), or a null string for anything else.
    QString scalarText(int index) const;
    // The range to underline for a problem with this node: a scalar's own text, else the key
    // naming it, else its first line.
    SourceRange problemRange(int index) const;
};

} // namespace timonel
