#include "yamlsourcemap.h"

#include "editortr.h"
#include "yamldocumentparser.h"

#include <QHash>

namespace timonel {

namespace {

bool isBlank(char c) { return c == ' ' || c == '\t'; }

bool isDocumentMarker(const char *line, int length)
{
    return length >= 3 && line[0] == '-' && line[1] == '-' && line[2] == '-' && (length == 3 || isBlank(line[3]) || line[3] == '\r');
}

bool isSimpleKey(QStringView key)
{
    if (key.isEmpty())
        return false;
    for (QChar c : key) {
        if (!(c.isLetterOrNumber() || c == u'-' || c == u'_' || c == u'$' || c == u'@'))
            return false;
    }
    return true;
}

bool before(const SourceRange &a, int line, int column)
{
    return a.line < line || (a.line == line && a.column <= column);
}

} // namespace

YamlSourceMap YamlSourceMap::parse(const QString &text, const Limits &limits)
{
    return parseImpl(text, limits, nullptr);
}

YamlSourceMap YamlSourceMap::parse(const QString &text, const YamlSourceMap &previous, const Limits &limits)
{
    return parseImpl(text, limits, &previous);
}

YamlSourceMap YamlSourceMap::parseImpl(const QString &text, const Limits &limits, const YamlSourceMap *previous)
{
    YamlSourceMap map;
    QHash<QByteArray, const YamlDocument *> reusable;
    if (previous) {
        for (const YamlDocument &d : previous->m_documents)
            reusable.insert(d.source, &d);
    }
    const QByteArray buf = text.toUtf8();
    const LineIndex lines(buf);
    if (buf.size() > limits.maxBytes) {
        YamlDocument doc;
        doc.lastLine = lines.lineCount() - 1;
        doc.error = YamlSyntaxError{{0, 0, 0}, Tr::tr("The text is %1 bytes, more than the limit of %2").arg(buf.size()).arg(limits.maxBytes)};
        map.m_documents.append(std::move(doc));
        return map;
    }
    int chunkBegin = 0;
    const auto flush = [&](int endLine) {
        if (endLine <= chunkBegin)
            return;
        const int beginByte = lines.lineStart(chunkBegin);
        const int endByte = endLine < lines.lineCount() ? lines.lineStart(endLine) : int(buf.size());
        const QByteArray source = buf.mid(beginByte, endByte - beginByte);
        YamlDocument doc;
        if (const YamlDocument *old = reusable.value(source)) {
            doc = *old;
            const int shift = chunkBegin - old->firstLine;
            for (YamlNode &n : doc.nodes)
                n.range.line += shift;
            if (doc.error)
                doc.error->range.line += shift;
            doc.firstLine = chunkBegin;
            doc.lastLine = endLine - 1;
        } else {
            doc = parseYamlDocument(buf, lines, chunkBegin, endLine, limits);
            doc.source = source;
        }
        if (!doc.error && doc.isEmpty()) {
            if (!map.m_documents.isEmpty()) // comments between documents stay with the one above
                map.m_documents.last().lastLine = endLine - 1;
            return;
        }
        doc.index = int(map.m_documents.size());
        map.m_documents.append(std::move(doc));
    };
    for (int line = 1; line < lines.lineCount(); ++line) {
        const int start = lines.lineStart(line);
        if (isDocumentMarker(buf.constData() + start, lines.lineEnd(line) - start)) {
            flush(line);
            chunkBegin = line;
        }
    }
    flush(lines.lineCount());
    return map;
}

int YamlSourceMap::documentAt(int line) const
{
    for (const YamlDocument &d : m_documents) {
        if (line >= d.firstLine && line <= d.lastLine)
            return d.index;
    }
    return -1;
}

bool YamlSourceMap::hasErrors() const
{
    return std::any_of(m_documents.cbegin(), m_documents.cend(), [](const YamlDocument &d) { return d.error.has_value(); });
}

std::optional<YamlSourceMap::Location> YamlSourceMap::find(int document, QStringView path) const
{
    if (document < 0 || document >= m_documents.size())
        return std::nullopt;
    const YamlDocument &doc = m_documents[document];
    if (doc.nodes.empty())
        return std::nullopt;
    int node = 0;
    int keyNode = -1;
    while (!path.isEmpty()) {
        if (path.startsWith(u'.'))
            path = path.sliced(1);
        const YamlNode &n = doc.deref(node);
        if (path.startsWith(u'[')) {
            const qsizetype close = path.indexOf(u']');
            if (close < 0)
                return std::nullopt;
            const QStringView inside = path.sliced(1, close - 1);
            path = path.sliced(close + 1);
            if (n.kind == YamlNodeKind::Sequence) {
                bool ok = false;
                const int i = inside.toInt(&ok);
                const QList<int> items = doc.items(node);
                if (!ok || i < 0 || i >= items.size())
                    return std::nullopt;
                node = items[i];
                keyNode = -1;
                continue;
            }
            const int v = doc.value(node, inside, &keyNode);
            if (v < 0)
                return std::nullopt;
            node = v;
            continue;
        }
        // The longest key that the path continues with.
        int bestValue = -1;
        int bestKey = -1;
        qsizetype bestLength = -1;
        for (const YamlDocument::Entry &e : doc.entries(node)) {
            const QString key = doc.scalarText(e.key);
            if (key.size() <= bestLength || !path.startsWith(key))
                continue;
            if (path.size() > key.size() && path[key.size()] != u'.' && path[key.size()] != u'[')
                continue;
            bestValue = e.value;
            bestKey = e.key;
            bestLength = key.size();
        }
        if (bestValue < 0)
            return std::nullopt;
        path = path.sliced(bestLength);
        node = bestValue;
        keyNode = bestKey;
    }
    Location loc;
    loc.keyNode = keyNode;
    loc.valueNode = node;
    loc.key = keyNode >= 0 ? doc.node(keyNode).range : SourceRange{};
    loc.value = doc.node(node).range;
    return loc;
}

QString YamlSourceMap::pathAt(int line, int column) const
{
    const int index = documentAt(line);
    if (index < 0)
        return {};
    const YamlDocument &doc = m_documents[index];
    QString path = u""_qs;
    if (doc.nodes.empty())
        return path;
    int node = 0;
    while (true) {
        const YamlNode &n = doc.deref(node);
        if (n.kind == YamlNodeKind::Mapping) {
            const YamlDocument::Entry *chosen = nullptr;
            const QList<YamlDocument::Entry> entries = doc.entries(node);
            for (const YamlDocument::Entry &e : entries) {
                if (before(doc.node(e.key).range, line, column))
                    chosen = &e;
            }
            if (!chosen)
                return path;
            path = childPath(path, doc.scalarText(chosen->key));
            node = chosen->value;
            continue;
        }
        if (n.kind == YamlNodeKind::Sequence) {
            const QList<int> items = doc.items(node);
            int chosen = -1;
            for (int i = 0; i < items.size(); ++i) {
                if (before(doc.node(items[i]).range, line, column + 2)) // the item's "- "
                    chosen = i;
            }
            if (chosen < 0)
                return path;
            path = itemPath(path, chosen);
            node = items[chosen];
            continue;
        }
        return path;
    }
}

QList<YamlSourceMap::PathEntry> YamlSourceMap::paths(int document) const
{
    QList<PathEntry> out;
    if (document < 0 || document >= m_documents.size() || m_documents[document].nodes.empty())
        return out;
    const YamlDocument &doc = m_documents[document];
    const auto walk = [&](auto &&self, int node, const QString &path, int depth) -> void {
        if (depth > 100)
            return;
        const YamlNode &n = doc.deref(node);
        if (n.kind == YamlNodeKind::Mapping) {
            for (const YamlDocument::Entry &e : doc.entries(node)) {
                const QString p = childPath(path, doc.scalarText(e.key));
                out.append({p, doc.node(e.key).range, doc.node(e.value).range});
                self(self, e.value, p, depth + 1);
            }
        } else if (n.kind == YamlNodeKind::Sequence) {
            const QList<int> items = doc.items(node);
            for (int i = 0; i < items.size(); ++i) {
                const QString p = itemPath(path, i);
                out.append({p, {}, doc.node(items[i]).range});
                self(self, items[i], p, depth + 1);
            }
        }
    };
    out.append({QString(u""_qs), {}, doc.node(0).range});
    walk(walk, 0, u""_qs, 0);
    return out;
}

QString YamlSourceMap::childPath(const QString &path, QStringView key)
{
    if (!isSimpleKey(key))
        return path + u'[' + key.toString() + u']';
    return path.isEmpty() ? key.toString() : path + u'.' + key.toString();
}

QString YamlSourceMap::itemPath(const QString &path, int index)
{
    return path + u'[' + QString::number(index) + u']';
}

} // namespace timonel
