#pragma once
// YamlSourceMap: where each node of a multi-document YAML text is, so that a problem found in
// an object (by the editor's validator, or in a server's 422 answer naming
// "spec.template.spec.containers[0].image") can be shown on its line and column.
//
// The text is cut into documents at every line starting with "---" and each piece is read
// with yaml-cpp's event parser (not LoadAll, which never ends on input such as ","), so a
// syntax error stops only its own document: the others keep their trees. Each document keeps
// a compact tree of its nodes (scalars with their text and JSON type, mappings, sequences,
// aliases) with the range of every token in the editor's coordinates: 0-based lines and
// UTF-16 columns (QTextBlock positions), whatever the UTF-8 byte offsets yaml-cpp reports.
//
// Paths name nodes as Kubernetes field paths do: "spec.containers[0].image" for fields and
// list items; a mapping key holding dots may be written plainly ("metadata.labels.app.
// kubernetes.io/name", the longest matching key wins) or in brackets
// ("metadata.labels[app.kubernetes.io/name]", as the API server writes map keys).
//
// Plain value; parse() is a pure function usable from any thread. Cost: one yaml-cpp parse of
// the text (about 5 MB/s here: ~10 ms for 2,000 lines), one node (~56 bytes plus the scalar's
// text) per YAML node; the incremental parse re-reads only the documents that changed.

#include "yamldocument.h"

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace timonel {

class YamlSourceMap
{
public:
    using Limits = YamlParseLimits;
    static YamlSourceMap parse(const QString &text, const Limits &limits);
    static YamlSourceMap parse(const QString &text) { return parse(text, Limits{}); }
    // Incremental: documents whose text is unchanged since previous are reused (their lines
    // shifted), so an edit re-reads only the document it touches.
    static YamlSourceMap parse(const QString &text, const YamlSourceMap &previous, const Limits &limits);
    static YamlSourceMap parse(const QString &text, const YamlSourceMap &previous) { return parse(text, previous, Limits{}); }

    const QList<YamlDocument> &documents() const { return m_documents; }
    // The document whose lines include line, or -1.
    int documentAt(int line) const;
    bool hasErrors() const;

    struct Location {
        int keyNode = -1;   // -1 for the root and for list items
        int valueNode = -1;
        SourceRange key;
        SourceRange value;
    };
    // The node at a field path in one document; nullopt when the path names nothing there.
    // "" is the root.
    std::optional<Location> find(int document, QStringView path) const;
    // The path of the innermost node at a position ("spec.replicas"), "" at the root, a null
    // string outside any document.
    QString pathAt(int line, int column) const;

    struct PathEntry {
        QString path;
        SourceRange key;
        SourceRange value;
    };
    // Every node of a document with its path, in document order (the path → position map).
    // Cost: one string per node.
    QList<PathEntry> paths(int document) const;

    // Kubernetes path syntax for one more step below path: ".name" (bracketed when the key has
    // characters a dotted path cannot hold) or "[index]".
    static QString childPath(const QString &path, QStringView key);
    static QString itemPath(const QString &path, int index);

private:
    static YamlSourceMap parseImpl(const QString &text, const Limits &limits, const YamlSourceMap *previous);
    QList<YamlDocument> m_documents;
};

} // namespace timonel
