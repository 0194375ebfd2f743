// YAML -> JSON. TreeParser (yamltree.h) turns each document into a compact tree whose aliases
// stay references; a recursive walk writes JSON text, resolving scalars as go-yaml v2 does and
// counting every node it visits, so alias expansion, depth and output size stay bounded.

#include "yaml.h"

#include "object.h"
#include "yamlscalar.h"
#include "yamltree.h"

#include <QStringConverter>

#include <simdjson.h>

#include <cmath>
#include <string>
#include <unordered_set>
#include <vector>

namespace kube {

namespace {

using yamlscalar::Type;
using yamltree::Error;
using yamltree::fail;
using yamltree::Node;
using yamltree::NodeKind;
using yamltree::Tag;
using yamltree::Tree;

// Go's encoding/json string form; invalid UTF-8 becomes U+FFFD as Go does.
void appendJsonString(QByteArray &out, std::string_view s)
{
    out.append('"');
    size_t i = 0;
    while (i < s.size()) {
        const auto c = uchar(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
            const size_t start = i;
            while (i < s.size() && uchar(s[i]) >= 0x20 && uchar(s[i]) < 0x80 && s[i] != '"' && s[i] != '\\')
                ++i;
            out.append(s.data() + start, qsizetype(i - start));
            continue;
        }
        if (c < 0x80) {
            static constexpr char hex[] = "0123456789abcdef";
            switch (c) {
            case '"': out.append("\\\""); break;
            case '\\': out.append("\\\\"); break;
            case '\n': out.append("\\n"); break;
            case '\r': out.append("\\r"); break;
            case '\t': out.append("\\t"); break;
            case '\b': out.append("\\b"); break;
            case '\f': out.append("\\f"); break;
            default:
                out.append("\\u00");
                out.append(hex[c >> 4]);
                out.append(hex[c & 0xF]);
            }
            ++i;
            continue;
        }
        // Validate one UTF-8 sequence (no overlongs, surrogates or values above U+10FFFF).
        const int width = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
        bool valid = width > 0 && c <= 0xF4 && i + size_t(width) <= s.size();
        for (int k = 1; valid && k < width; ++k)
            valid = (uchar(s[i + size_t(k)]) & 0xC0) == 0x80;
        if (valid && width >= 3) {
            const auto c1 = uchar(s[i + 1]);
            valid = !(c == 0xE0 && c1 < 0xA0) && !(c == 0xED && c1 >= 0xA0)
                && !(c == 0xF0 && c1 < 0x90) && !(c == 0xF4 && c1 >= 0x90);
        }
        if (!valid) {
            // yaml-cpp 0.7 decodes the escapes \N and \_ to the bare bytes 0x85 and 0xA0.
            if (c == 0x85 || c == 0xA0) {
                out.append(char(0xC2));
                out.append(char(c));
            } else {
                out.append("\xEF\xBF\xBD");
            }
            ++i;
            continue;
        }
        out.append(s.data() + i, width);
        i += size_t(width);
    }
    out.append('"');
}

const char *shortTag(Type t)
{
    switch (t) {
    case Type::String: return "!!str";
    case Type::Null: return "!!null";
    case Type::Bool: return "!!bool";
    case Type::Int:
    case Type::Uint: return "!!int";
    case Type::Float: return "!!float";
    case Type::Timestamp: return "!!timestamp";
    case Type::Merge: return "!!merge";
    }
    return "!!str";
}

const char *shortTag(Tag t)
{
    switch (t) {
    case Tag::Int: return "!!int";
    case Tag::Float: return "!!float";
    case Tag::Bool: return "!!bool";
    case Tag::Null: return "!!null";
    case Tag::Timestamp: return "!!timestamp";
    default: return "!!str";
    }
}

// Writes one document as JSON. Counts every node visited (aliases expand) against maxNodes.
class JsonWriter
{
public:
    JsonWriter(const Tree &tree, const YamlLimits &limits, qsizetype outputBudget, QByteArray &out)
        : m_tree(tree), m_limits(limits), m_outputBudget(outputBudget), m_out(out) {}

    void value(int index, int depth)
    {
        tick(m_tree.nodes[size_t(index)]);
        const Node &n = m_tree.deref(index);
        switch (n.kind) {
        case NodeKind::Null:
            m_out.append("null");
            break;
        case NodeKind::Scalar:
            scalar(n);
            break;
        case NodeKind::Sequence: {
            checkDepth(n, depth + 1);
            m_out.append('[');
            for (int c = n.firstChild; c >= 0; c = m_tree.nodes[size_t(c)].next) {
                if (c != n.firstChild)
                    m_out.append(',');
                value(c, depth + 1);
            }
            m_out.append(']');
            break;
        }
        case NodeKind::Mapping:
            mapping(n, depth + 1);
            break;
        case NodeKind::Alias:
            Q_UNREACHABLE();
        }
        if (m_out.size() > m_outputBudget) {
            throw Error{n.line, n.column, QStringLiteral("document expands to more than %1 bytes of JSON")
                                  .arg(m_limits.maxOutputBytes), 413};
        }
    }

private:
    struct Entry {
        std::string key;
        int value;
        int keyNode;
    };

    void tick(const Node &n)
    {
        if (++m_visited <= m_limits.maxNodes)
            return;
        fail(n.line, n.column, QStringLiteral("document contains excessive aliasing (more than %1 nodes after alias expansion)")
             .arg(m_limits.maxNodes));
    }

    void checkDepth(const Node &n, int depth) const
    {
        if (depth > m_limits.maxDepth)
            fail(n.line, n.column, QStringLiteral("exceeded max depth of %1").arg(m_limits.maxDepth));
    }

    // The type a scalar reads as, honouring explicit tags the way go-yaml v2's resolve() does.
    yamlscalar::Resolved resolve(const Node &n) const
    {
        const std::string_view text = m_tree.textOf(n);
        yamlscalar::Resolved r;
        switch (n.tag) {
        case Tag::Plain:
            r = yamlscalar::resolvePlain(text);
            if (r.type == Type::Timestamp || r.type == Type::Merge)
                r.type = Type::String;
            return r;
        case Tag::NonPlain:
        case Tag::Str:
        case Tag::Binary:
        case Tag::Merge:
        case Tag::Other:
            return r;
        case Tag::Int:
        case Tag::Float:
        case Tag::Bool:
        case Tag::Null:
        case Tag::Timestamp:
            break;
        }
        r = yamlscalar::resolvePlain(text, n.tag == Tag::Timestamp ? yamlscalar::Timestamps::Detect
                                                                   : yamlscalar::Timestamps::Ignore);
        const bool matches = (n.tag == Tag::Int && (r.type == Type::Int || r.type == Type::Uint))
            || (n.tag == Tag::Float && r.type == Type::Float) || (n.tag == Tag::Bool && r.type == Type::Bool)
            || (n.tag == Tag::Null && r.type == Type::Null) || (n.tag == Tag::Timestamp && r.type == Type::Timestamp);
        if (matches) {
            if (r.type == Type::Timestamp)
                r.type = Type::String;
            return r;
        }
        if (n.tag == Tag::Float && r.type == Type::Int) {
            r.real = double(r.integer);
            r.type = Type::Float;
            return r;
        }
        if (n.tag == Tag::Float && r.type == Type::Uint) {
            r.real = double(r.unsignedInteger);
            r.type = Type::Float;
            return r;
        }
        fail(n.line, n.column, QStringLiteral("cannot decode %1 `%2` as a %3")
             .arg(QLatin1StringView(shortTag(r.type)), QString::fromUtf8(text.data(), qsizetype(text.size())),
                  QLatin1StringView(shortTag(n.tag))));
    }

    // !!binary keeps its base64 text, without the line breaks block scalars add.
    std::string binaryText(const Node &n) const
    {
        std::string out;
        for (char c : m_tree.textOf(n)) {
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
                out.push_back(c);
        }
        const auto decoded = QByteArray::fromBase64Encoding(QByteArray::fromRawData(out.data(), qsizetype(out.size())),
                                                            QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            fail(n.line, n.column, QStringLiteral("!!binary value contains invalid base64 data"));
        return out;
    }

    void scalar(const Node &n)
    {
        const yamlscalar::Resolved r = resolve(n);
        switch (r.type) {
        case Type::String:
        case Type::Timestamp:
        case Type::Merge:
            if (n.tag == Tag::Binary)
                appendJsonString(m_out, binaryText(n));
            else
                appendJsonString(m_out, m_tree.textOf(n));
            return;
        case Type::Null:
            m_out.append("null");
            return;
        case Type::Bool:
            m_out.append(r.boolean ? "true" : "false");
            return;
        case Type::Int:
            m_out.append(QByteArray::number(r.integer));
            return;
        case Type::Uint:
            m_out.append(QByteArray::number(r.unsignedInteger));
            return;
        case Type::Float:
            if (std::isnan(r.real) || std::isinf(r.real)) {
                fail(n.line, n.column, QStringLiteral("json: unsupported value: %1")
                     .arg(std::isnan(r.real) ? u"NaN"_qs : r.real > 0 ? u"+Inf"_qs : u"-Inf"_qs));
            }
            yamlscalar::appendJsonFloat(m_out, r.real);
            return;
        }
    }

    // sigs.k8s.io/yaml's key conversion: strings as they are, numbers and booleans as text.
    std::string keyString(int index) const
    {
        const Node &original = m_tree.nodes[size_t(index)];
        const Node &n = m_tree.deref(index);
        if (n.kind == NodeKind::Sequence || n.kind == NodeKind::Mapping) {
            fail(original.line, original.column, QStringLiteral("invalid map key: a %1")
                 .arg(n.kind == NodeKind::Sequence ? u"sequence"_qs : u"mapping"_qs));
        }
        if (n.kind == NodeKind::Null)
            fail(original.line, original.column, QStringLiteral("unsupported map key: null"));
        const yamlscalar::Resolved r = resolve(n);
        switch (r.type) {
        case Type::String:
        case Type::Timestamp:
        case Type::Merge:
            return n.tag == Tag::Binary ? binaryText(n) : std::string(m_tree.textOf(n));
        case Type::Null:
            fail(original.line, original.column, QStringLiteral("unsupported map key: null"));
        case Type::Bool:
            return r.boolean ? "true" : "false";
        case Type::Int:
            return std::to_string(r.integer);
        case Type::Uint:
            return std::to_string(r.unsignedInteger);
        case Type::Float:
            return yamlscalar::floatKey(r.real).toStdString();
        }
        return {};
    }

    // Mapping children alternate key, value; yaml-cpp always reports both (null when absent).
    int nextKey(int key) const
    {
        const int value = m_tree.nodes[size_t(key)].next;
        return value < 0 ? -1 : m_tree.nodes[size_t(value)].next;
    }

    bool isMergeKey(int index) const
    {
        const Node &n = m_tree.nodes[size_t(index)];
        return n.kind == NodeKind::Scalar && (n.tag == Tag::Plain || n.tag == Tag::Merge) && m_tree.textOf(n) == "<<";
    }

    void mapping(const Node &map, int depth)
    {
        std::vector<Entry> entries;
        collect(map, depth, entries);
        m_out.append('{');
        for (size_t i = 0; i < entries.size(); ++i) {
            if (i > 0)
                m_out.append(',');
            appendJsonString(m_out, entries[i].key);
            m_out.append(':');
            value(entries[i].value, depth);
        }
        m_out.append('}');
    }

    // The mapping's entries in document order with merge keys (<<) expanded in place.
    void collect(const Node &map, int depth, std::vector<Entry> &entries)
    {
        checkDepth(map, depth);
        bool hasMerge = false;
        for (int k = map.firstChild; k >= 0; k = nextKey(k)) {
            const int v = m_tree.nodes[size_t(k)].next;
            if (v < 0)
                break; // unreachable: yaml-cpp reports a value for every key
            tick(m_tree.nodes[size_t(k)]);
            if (isMergeKey(k)) {
                hasMerge = true;
                continue;
            }
            entries.push_back(Entry{keyString(k), v, k});
        }
        rejectDuplicates(entries);
        if (!hasMerge)
            return;

        std::unordered_set<std::string> seen;
        for (const Entry &e : entries)
            seen.insert(e.key);
        std::vector<Entry> merged;
        merged.reserve(entries.size());
        size_t explicitIndex = 0;
        for (int k = map.firstChild; k >= 0; k = nextKey(k)) {
            if (!isMergeKey(k)) {
                merged.push_back(std::move(entries[explicitIndex++]));
                continue;
            }
            for (int source : mergeSources(m_tree.nodes[size_t(k)].next)) {
                std::vector<Entry> inherited;
                collect(m_tree.nodes[size_t(source)], depth + 1, inherited);
                for (Entry &e : inherited) {
                    if (seen.insert(e.key).second)
                        merged.push_back(std::move(e));
                }
            }
        }
        entries = std::move(merged);
    }

    // A merge value is a mapping, an alias of one, or a sequence of those; earlier ones win.
    std::vector<int> mergeSources(int valueIndex) const
    {
        const Node &original = m_tree.nodes[size_t(valueIndex)];
        const auto mappingIndex = [this](int index) {
            const Node &n = m_tree.nodes[size_t(index)];
            const int resolved = n.kind == NodeKind::Alias ? n.target : index;
            return m_tree.nodes[size_t(resolved)].kind == NodeKind::Mapping ? resolved : -1;
        };
        std::vector<int> sources;
        if (original.kind == NodeKind::Sequence) {
            for (int c = original.firstChild; c >= 0; c = m_tree.nodes[size_t(c)].next)
                sources.push_back(mappingIndex(c));
        } else {
            sources.push_back(mappingIndex(valueIndex));
        }
        for (int s : sources) {
            if (s < 0)
                fail(original.line, original.column, QStringLiteral("map merge requires map or sequence of maps as the value"));
        }
        return sources;
    }

    void rejectDuplicates(const std::vector<Entry> &entries) const
    {
        const auto duplicate = [this](const Entry &e) {
            const Node &k = m_tree.nodes[size_t(e.keyNode)];
            fail(k.line, k.column, QStringLiteral("key \"%1\" already set in map").arg(QString::fromStdString(e.key)));
        };
        if (entries.size() <= 16) {
            for (size_t i = 1; i < entries.size(); ++i) {
                for (size_t j = 0; j < i; ++j) {
                    if (entries[i].key == entries[j].key)
                        duplicate(entries[i]);
                }
            }
            return;
        }
        std::unordered_set<std::string_view> seen;
        seen.reserve(entries.size());
        for (const Entry &e : entries) {
            if (!seen.insert(e.key).second)
                duplicate(e);
        }
    }

    const Tree &m_tree;
    const YamlLimits &m_limits;
    const qsizetype m_outputBudget;
    QByteArray &m_out;
    qsizetype m_visited = 0;
};

enum class RootRule { Any, Mapping };
enum class DocumentNumbers { Omit, Name };

Status toStatus(const Error &e, int document)
{
    QString message = u"error converting YAML to JSON: yaml: "_qs;
    if (e.line >= 0)
        message += QStringLiteral("line %1: ").arg(e.line + 1);
    message += e.message;
    QStringList where;
    if (e.column >= 0)
        where << QStringLiteral("column %1").arg(e.column + 1);
    if (document > 0)
        where << QStringLiteral("document %1").arg(document);
    if (!where.isEmpty())
        message += u" ("_qs + where.join(u", "_qs) + u')';
    if (e.code == 413)
        return Status(413, QString::fromLatin1(reason::RequestEntityTooLarge), message);
    return Status::badRequest(message);
}

bool startsWithDocumentMarker(QByteArrayView data, const Tree &tree)
{
    if (tree.startColumn != 0 || tree.startOffset < 0 || tree.startOffset + 3 > data.size())
        return false;
    const QByteArrayView rest = data.sliced(tree.startOffset);
    if (!rest.startsWith("---"))
        return false;
    return rest.size() == 3 || rest[3] == ' ' || rest[3] == '\t' || rest[3] == '\n' || rest[3] == '\r';
}

const char *kindName(NodeKind kind)
{
    switch (kind) {
    case NodeKind::Sequence: return "a sequence";
    case NodeKind::Scalar: return "a scalar";
    case NodeKind::Null: return "null";
    default: return "a mapping";
    }
}

// The whole stream, one JSON text per non-null document.
Expected<QList<QByteArray>> convertStream(QByteArrayView input, const YamlLimits &limits, RootRule rule, DocumentNumbers numbers)
{
    if (input.size() > limits.maxBytes) {
        return Status(413, QString::fromLatin1(reason::RequestEntityTooLarge),
                      QStringLiteral("error converting YAML to JSON: the input is %1 bytes, more than the limit of %2")
                          .arg(input.size()).arg(limits.maxBytes));
    }
    // yaml-cpp reads UTF-16/32 itself, but its marks then count converted bytes; give it UTF-8.
    QByteArray converted;
    QByteArrayView data = input;
    const auto encoding = QStringConverter::encodingForData(input);
    if (encoding && *encoding != QStringConverter::Utf8) {
        QStringDecoder decoder(*encoding);
        converted = QString(decoder(input)).toUtf8();
        data = converted;
    }
    if (data.startsWith("\xEF\xBB\xBF"))
        data = data.sliced(3);

    yamltree::TreeParser parser(data, limits);
    QList<QByteArray> documents;
    qsizetype outputBytes = 0;
    int documentNumber = 0;
    while (true) {
        const int shownNumber = numbers == DocumentNumbers::Name ? documentNumber + 1 : 0;
        Tree tree;
        try {
            if (!parser.next(tree))
                break;
            ++documentNumber;
            if (documentNumber > limits.maxDocuments)
                fail(tree.startLine, -1, QStringLiteral("the stream has more than %1 documents").arg(limits.maxDocuments));
            // A document after the first must open with "---". yaml-cpp 0.7 instead starts a
            // new document wherever it stopped, which accepts `"a" "b"` and never ends on ",".
            if (documentNumber > 1 && !startsWithDocumentMarker(data, tree))
                fail(tree.startLine, tree.startColumn, QStringLiteral("did not find expected <document start>"));
            if (tree.nodes.empty() || tree.deref(0).kind == NodeKind::Null)
                continue; // empty and comment-only documents, as kubectl skips them
            if (rule == RootRule::Mapping && tree.deref(0).kind != NodeKind::Mapping) {
                fail(tree.nodes[0].line, tree.nodes[0].column,
                     QStringLiteral("expected a mapping (a Kubernetes object), found %1")
                         .arg(QLatin1StringView(kindName(tree.deref(0).kind))));
            }
            QByteArray json;
            json.reserve(std::min<qsizetype>(data.size() + 64, 64 * 1024));
            JsonWriter writer(tree, limits, limits.maxOutputBytes - outputBytes, json);
            writer.value(0, 0);
            outputBytes += json.size();
            json.squeeze();
            documents.append(std::move(json));
        } catch (const Error &e) {
            return toStatus(e, shownNumber);
        } catch (const std::exception &e) {
            return toStatus(Error{-1, -1, QString::fromLocal8Bit(e.what())}, shownNumber);
        }
    }
    return documents;
}

// Concatenated JSON objects, as kubectl accepts them. nullopt when the text is not JSON.
std::optional<Expected<QList<Object>>> parseJsonManifests(QByteArrayView json)
{
    simdjson::dom::parser parser;
    const simdjson::padded_string padded(json.data(), size_t(json.size()));
    simdjson::dom::document_stream stream;
    const size_t batch = std::max<size_t>(size_t(json.size()) + 64, simdjson::dom::DEFAULT_BATCH_SIZE);
    if (parser.parse_many(padded, batch).get(stream))
        return std::nullopt;
    QList<Object> objects;
    int number = 0;
    for (auto it = stream.begin(); it != stream.end(); ++it) {
        ++number;
        simdjson::dom::element element;
        if ((*it).get(element))
            return std::nullopt;
        const std::string_view source = it.source();
        auto object = Object::parse(QByteArrayView(source.data(), qsizetype(source.size())));
        if (!object)
            return Expected<QList<Object>>(Status::badRequest(object.error().message() + QStringLiteral(" (document %1)").arg(number)));
        objects.append(std::move(object).value());
    }
    if (stream.truncated_bytes() > 0 || number == 0)
        return std::nullopt;
    return Expected<QList<Object>>(std::move(objects));
}

} // namespace

Expected<QList<QByteArray>> yamlToJsonDocuments(QByteArrayView yaml, const YamlLimits &limits)
{
    return convertStream(yaml, limits, RootRule::Any, DocumentNumbers::Name);
}

Expected<QByteArray> yamlToJson(QByteArrayView yaml, const YamlLimits &limits)
{
    auto documents = convertStream(yaml, limits, RootRule::Any, DocumentNumbers::Omit);
    if (!documents)
        return documents.error();
    if (documents->isEmpty())
        return QByteArrayLiteral("null");
    if (documents->size() > 1) {
        return Status::badRequest(QStringLiteral("error converting YAML to JSON: yaml: expected one document, found %1")
                                      .arg(documents->size()));
    }
    return std::move(documents).value().first();
}

Expected<QList<Object>> parseManifests(QByteArrayView yamlOrJson, const YamlLimits &limits)
{
    const QByteArrayView trimmed = yamlOrJson.trimmed();
    if (trimmed.startsWith('{') && yamlOrJson.size() <= limits.maxBytes) {
        // Not JSON after all (a YAML flow mapping, or a typo): the YAML path reports it.
        if (auto fromJson = parseJsonManifests(yamlOrJson))
            return std::move(*fromJson);
    }
    auto documents = convertStream(yamlOrJson, limits, RootRule::Mapping, DocumentNumbers::Name);
    if (!documents)
        return documents.error();
    QList<Object> objects;
    objects.reserve(documents->size());
    for (const QByteArray &json : std::as_const(*documents)) {
        auto object = Object::parse(json);
        if (!object)
            return object.error();
        objects.append(std::move(object).value());
    }
    return objects;
}

} // namespace kube
