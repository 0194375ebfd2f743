#include "object.h"

#include "protoscalar.h"

#include <QJsonDocument>
#include <QHash>
#include <QJsonObject>

#include <simdjson.h>

#include <cstdio>
#include <cstring>

namespace kube {

// Invariant: json is minified, valid JSON whose top level is an object; the other members
// were read from it at construction and never change.
struct Object::Data : QSharedData {
    QByteArray json;
    QString apiVersion, kind, name, namespace_, generateName, uid, resourceVersion;
    QString creationTimestamp, deletionTimestamp;
    QString nodeName;
    qint64 generation = 0;
    bool hasMetadata = false;
    // parse() dropped metadata.managedFields (ManagedFields::Drop): withoutManagedFields() has
    // nothing to look for. Copies that splice other fields keep it.
    bool managedFieldsDropped = false;
    Labels labels;
    QList<OwnerReference> ownerReferences;
    QStringList finalizers;
};

namespace {

simdjson::dom::parser &threadParser()
{
    thread_local simdjson::dom::parser parser;
    return parser;
}

QString toQString(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

QString stringField(simdjson::dom::object o, std::string_view key)
{
    std::string_view s;
    if (o.at_key(key).get_string().get(s) != simdjson::SUCCESS)
        return QString();
    return toQString(s);
}

// Values that repeat across the objects of a list (apiVersion, kind, namespace, node names,
// label sets, owner references…) are shared instead of allocated per object: 10,000 pods of 20
// namespaces hold 20 namespace strings. One table per thread (no lock); each is bounded and
// simply cleared when full, so a stream of unique values costs at most the cap.
template <typename Value, int Cap>
class InternTable
{
public:
    // The value stored under these bytes, or null.
    const Value *find(QByteArrayView bytes) const
    {
        const auto it = m_table.constFind(QByteArray::fromRawData(bytes.data(), bytes.size()));
        return it == m_table.cend() ? nullptr : &it.value();
    }
    const Value &insert(QByteArrayView bytes, Value value)
    {
        if (m_table.size() >= Cap)
            m_table.clear();
        return *m_table.insert(bytes.toByteArray(), std::move(value));
    }

private:
    QHash<QByteArray, Value> m_table;
};

// A string field that repeats across objects (see InternTable). Empty strings are not
// interned, so a present-but-empty value stays exactly what toQString makes of it.
QString internedString(std::string_view s)
{
    if (s.empty())
        return toQString(s);
    thread_local InternTable<QString, 1024> table;
    const QByteArrayView bytes(s.data(), qsizetype(s.size()));
    if (const QString *found = table.find(bytes))
        return *found;
    return table.insert(bytes, toQString(s));
}

QString internedField(simdjson::dom::object o, std::string_view key)
{
    std::string_view s;
    if (o.at_key(key).get_string().get(s) != simdjson::SUCCESS)
        return QString();
    return internedString(s);
}

// Appends a length-prefixed field to an intern key, so no two different contents share a key.
void appendKeyPart(QByteArray &key, std::string_view part)
{
    const quint32 size = quint32(part.size());
    key.append(reinterpret_cast<const char *>(&size), sizeof size);
    key.append(part.data(), qsizetype(part.size()));
}

Labels readStringMap(simdjson::dom::object o, std::string_view key)
{
    Labels out;
    simdjson::dom::object map;
    if (o.at_key(key).get_object().get(map) != simdjson::SUCCESS)
        return out;
    for (auto field : map) {
        std::string_view v;
        if (field.value.get_string().get(v) == simdjson::SUCCESS)
            out.insert(toQString(field.key), toQString(v));
    }
    return out;
}

// metadata.labels, shared with the previous objects that had exactly the same labels (a
// Deployment's pods all do).
Labels readLabels(simdjson::dom::object md)
{
    simdjson::dom::object map;
    if (md.at_key("labels").get_object().get(map) != simdjson::SUCCESS)
        return {};
    thread_local QByteArray key;
    key.clear();
    for (auto field : map) {
        std::string_view v;
        if (field.value.get_string().get(v) != simdjson::SUCCESS)
            continue;
        appendKeyPart(key, field.key);
        appendKeyPart(key, v);
    }
    thread_local InternTable<Labels, 256> table;
    if (const Labels *found = table.find(key))
        return *found;
    Labels out;
    for (auto field : map) {
        std::string_view v;
        if (field.value.get_string().get(v) == simdjson::SUCCESS)
            out.insert(internedString(field.key), internedString(v));
    }
    return table.insert(key, std::move(out));
}

// metadata.ownerReferences, shared like the labels (the pods of one ReplicaSet have the same).
QList<OwnerReference> readOwnerReferences(simdjson::dom::object md)
{
    simdjson::dom::array owners;
    if (md.at_key("ownerReferences").get_array().get(owners) != simdjson::SUCCESS)
        return {};
    QList<OwnerReference> out;
    for (auto item : owners) {
        simdjson::dom::object ref;
        if (item.get_object().get(ref) != simdjson::SUCCESS)
            continue;
        OwnerReference r{internedField(ref, "apiVersion"), internedField(ref, "kind"), internedField(ref, "name"), internedField(ref, "uid")};
        bool flag = false;
        if (ref.at_key("controller").get_bool().get(flag) == simdjson::SUCCESS)
            r.controller = flag;
        flag = false;
        if (ref.at_key("blockOwnerDeletion").get_bool().get(flag) == simdjson::SUCCESS)
            r.blockOwnerDeletion = flag;
        out.append(std::move(r));
    }
    if (out.isEmpty())
        return out;
    // Share the list itself when an earlier object had exactly the same references.
    thread_local QByteArray key;
    key.clear();
    for (const OwnerReference &r : std::as_const(out)) {
        for (const QString *s : {&r.apiVersion, &r.kind, &r.name, &r.uid}) {
            const QStringView view(*s);
            appendKeyPart(key, std::string_view(reinterpret_cast<const char *>(view.utf16()), size_t(view.size()) * sizeof(char16_t)));
        }
        key.append(char(r.controller ? 1 : 0)).append(char(r.blockOwnerDeletion ? 1 : 0));
    }
    thread_local InternTable<QList<OwnerReference>, 256> table;
    if (const QList<OwnerReference> *found = table.find(key))
        return *found;
    return table.insert(key, std::move(out));
}

void readMetadata(Object::Data *d, simdjson::dom::object root)
{
    d->apiVersion = internedField(root, "apiVersion");
    d->kind = internedField(root, "kind");
    simdjson::dom::object spec;
    if (root.at_key("spec").get_object().get(spec) == simdjson::SUCCESS)
        d->nodeName = internedField(spec, "nodeName");
    simdjson::dom::object md;
    if (root.at_key("metadata").get_object().get(md) != simdjson::SUCCESS)
        return;
    d->hasMetadata = true;
    d->name = stringField(md, "name");
    d->namespace_ = internedField(md, "namespace");
    d->generateName = internedField(md, "generateName");
    d->uid = stringField(md, "uid");
    d->resourceVersion = stringField(md, "resourceVersion");
    d->creationTimestamp = stringField(md, "creationTimestamp");
    d->deletionTimestamp = stringField(md, "deletionTimestamp");
    int64_t generation = 0;
    if (md.at_key("generation").get_int64().get(generation) == simdjson::SUCCESS)
        d->generation = generation;
    d->labels = readLabels(md);
    d->ownerReferences = readOwnerReferences(md);
    simdjson::dom::array finalizers;
    if (md.at_key("finalizers").get_array().get(finalizers) == simdjson::SUCCESS) {
        for (auto item : finalizers) {
            std::string_view s;
            if (item.get_string().get(s) == simdjson::SUCCESS)
                d->finalizers.append(internedString(s));
        }
    }
}

// --- A small scanner over minified JSON, used to splice resourceVersion in place. ---

// Skips one JSON string starting at p (which points at the opening quote); returns the position
// after the closing quote.
qsizetype skipString(const QByteArray &s, qsizetype p)
{
    for (++p; p < s.size(); ++p) {
        if (s[p] == '\\')
            ++p;
        else if (s[p] == '"')
            return p + 1;
    }
    return -1;
}

// Skips one JSON value starting at p; returns the position just after it.
qsizetype skipValue(const QByteArray &s, qsizetype p)
{
    if (p >= s.size())
        return -1;
    if (s[p] == '"')
        return skipString(s, p);
    if (s[p] != '{' && s[p] != '[') {
        while (p < s.size() && s[p] != ',' && s[p] != '}' && s[p] != ']')
            ++p;
        return p;
    }
    int depth = 0;
    while (p < s.size()) {
        const char c = s[p];
        if (c == '"') {
            p = skipString(s, p);
            if (p < 0)
                return -1;
            continue;
        }
        if (c == '{' || c == '[')
            ++depth;
        else if (c == '}' || c == ']') {
            if (--depth == 0)
                return p + 1;
        }
        ++p;
    }
    return -1;
}

// In the object starting at `open` (a '{'), finds the value of key (unescaped bytes).
// Returns the value's start, or -1.
qsizetype findMember(const QByteArray &s, qsizetype open, QByteArrayView key)
{
    qsizetype p = open + 1;
    while (p < s.size() && s[p] != '}') {
        if (s[p] != '"')
            return -1;
        const qsizetype keyEnd = skipString(s, p);
        if (keyEnd < 0 || keyEnd >= s.size() || s[keyEnd] != ':')
            return -1;
        const bool match = QByteArrayView(s.constData() + p + 1, keyEnd - p - 2) == key;
        const qsizetype valueStart = keyEnd + 1;
        if (match)
            return valueStart;
        p = skipValue(s, valueStart);
        if (p < 0)
            return -1;
        if (p < s.size() && s[p] == ',')
            ++p;
    }
    return -1;
}

QByteArray jsonString(QStringView text)
{
    QByteArray out;
    appendJsonString(out, text.toUtf8());
    return out;
}

// Removes metadata.managedFields from minified JSON; false when absent. An unshared array is
// edited in place (a memmove, no allocation).
bool removeManagedFields(QByteArray &s)
{
    if (!s.contains("\"managedFields\""))
        return false;
    const qsizetype md = findMember(s, 0, "metadata");
    if (md < 0 || md >= s.size() || s[md] != '{')
        return false;
    constexpr QByteArrayView key = "managedFields";
    const qsizetype valueStart = findMember(s, md, key);
    if (valueStart < 0)
        return false;
    qsizetype from = valueStart - (key.size() + 3); // the key as found: "managedFields":
    qsizetype to = skipValue(s, valueStart);
    if (to < 0)
        return false;
    if (to < s.size() && s[to] == ',')
        ++to;
    else if (s[from - 1] == ',')
        --from;
    s.remove(from, to - from);
    return true;
}

} // namespace

Object::Object() = default;
Object::~Object() = default;
Object::Object(const Object &) = default;
Object::Object(Object &&) noexcept = default;
Object &Object::operator=(const Object &) = default;
Object &Object::operator=(Object &&) noexcept = default;
Object::Object(Data *data) : d(data) {}

Expected<Object> Object::parse(QByteArrayView json, ManagedFields managedFields)
{
    simdjson::dom::element root;
    auto error = threadParser().parse(json.data(), size_t(json.size())).get(root);
    if (error != simdjson::SUCCESS) {
        QJsonParseError qtError;
        QJsonDocument::fromJson(json.toByteArray(), &qtError);
        if (qtError.error != QJsonParseError::NoError)
            return Status::badRequest(u"invalid JSON at offset %1: %2"_qs.arg(qtError.offset).arg(qtError.errorString()));
        return Status::badRequest(u"invalid JSON: "_qs + QString::fromLatin1(simdjson::error_message(error)));
    }
    simdjson::dom::object top;
    if (root.get_object().get(top) != simdjson::SUCCESS)
        return Status::badRequest(u"invalid object: the JSON document is not an object"_qs);

    // Minify into a per-thread scratch buffer, splice there, then copy out exactly the bytes
    // kept: the object's buffer is allocated once, at its final size.
    thread_local QByteArray scratch;
    scratch.resize(json.size());
    size_t minifiedSize = 0;
    if (simdjson::minify(json.data(), size_t(json.size()), scratch.data(), minifiedSize) != simdjson::SUCCESS)
        return Status::badRequest(u"invalid JSON"_qs);
    scratch.truncate(qsizetype(minifiedSize));
    if (managedFields == ManagedFields::Drop)
        removeManagedFields(scratch);
    auto *data = new Data;
    data->json = QByteArray(scratch.constData(), scratch.size());
    data->managedFieldsDropped = managedFields == ManagedFields::Drop;
    readMetadata(data, top);
    return Object(data);
}

Object Object::fromJson(const QJsonObject &object)
{
    auto parsed = parse(QJsonDocument(object).toJson(QJsonDocument::Compact));
    Q_ASSERT(parsed.ok());
    return parsed.ok() ? parsed.value() : Object();
}

const QByteArray &Object::json() const
{
    static const QByteArray empty;
    return d ? d->json : empty;
}

QJsonObject Object::toJson() const
{
    if (!d)
        return {};
    return QJsonDocument::fromJson(d->json).object();
}

#define TIMONEL_FIELD(type, name, member, fallback) \
    type Object::name() const { return d ? d->member : fallback; }
TIMONEL_FIELD(QString, apiVersion, apiVersion, QString())
TIMONEL_FIELD(QString, kind, kind, QString())
TIMONEL_FIELD(QString, name, name, QString())
TIMONEL_FIELD(QString, namespace_, namespace_, QString())
TIMONEL_FIELD(QString, generateName, generateName, QString())
TIMONEL_FIELD(QString, uid, uid, QString())
TIMONEL_FIELD(QString, resourceVersion, resourceVersion, QString())
TIMONEL_FIELD(QString, creationTimestamp, creationTimestamp, QString())
TIMONEL_FIELD(QString, deletionTimestamp, deletionTimestamp, QString())
TIMONEL_FIELD(qint64, generation, generation, 0)
TIMONEL_FIELD(QStringList, finalizers, finalizers, QStringList())
TIMONEL_FIELD(QString, nodeName, nodeName, QString())
#undef TIMONEL_FIELD

GroupVersionKind Object::gvk() const
{
    const GroupVersion gv = GroupVersion::fromApiVersion(apiVersion());
    return {gv.group, gv.version, kind()};
}

const Labels &Object::labels() const
{
    static const Labels empty;
    return d ? d->labels : empty;
}

Labels Object::annotations() const
{
    if (!d)
        return {};
    simdjson::dom::element root;
    if (threadParser().parse(d->json.constData(), size_t(d->json.size())).get(root) != simdjson::SUCCESS)
        return {};
    simdjson::dom::object md;
    if (root["metadata"].get_object().get(md) != simdjson::SUCCESS)
        return {};
    return readStringMap(md, "annotations");
}

const QList<OwnerReference> &Object::ownerReferences() const
{
    static const QList<OwnerReference> empty;
    return d ? d->ownerReferences : empty;
}

std::optional<OwnerReference> Object::controllerRef() const
{
    for (const OwnerReference &r : ownerReferences()) {
        if (r.controller)
            return r;
    }
    return std::nullopt;
}

std::optional<QString> Object::scalarAt(QStringView dottedPath) const
{
    if (!d)
        return std::nullopt;
    simdjson::dom::element e;
    if (threadParser().parse(d->json.constData(), size_t(d->json.size())).get(e) != simdjson::SUCCESS)
        return std::nullopt;
    for (QStringView part : dottedPath.split(u'.')) {
        const QByteArray key = part.toUtf8();
        if (e.at_key(std::string_view(key.constData(), size_t(key.size()))).get(e) != simdjson::SUCCESS)
            return std::nullopt;
    }
    switch (e.type()) {
    case simdjson::dom::element_type::STRING:
        return toQString(e.get_string().value_unsafe());
    case simdjson::dom::element_type::BOOL:
        return e.get_bool().value_unsafe() ? u"true"_qs : u"false"_qs;
    case simdjson::dom::element_type::INT64:
        return QString::number(e.get_int64().value_unsafe());
    case simdjson::dom::element_type::UINT64:
        return QString::number(e.get_uint64().value_unsafe());
    case simdjson::dom::element_type::DOUBLE:
        return QString::number(e.get_double().value_unsafe());
    default:
        return std::nullopt;
    }
}

namespace {

// Where metadata.resourceVersion's value goes in minified JSON s: the result is
// s[0, headFrom) + headExtra + value + tailExtra + s[tailFrom, end). False for shapes the byte
// scanner cannot handle (the caller re-serialises then).
struct RvSplice {
    qsizetype headFrom = 0;
    QByteArrayView headExtra;
    QByteArrayView tailExtra;
    qsizetype tailFrom = 0;
};

bool rvSplice(const QByteArray &s, bool hasMetadata, RvSplice *out)
{
    const qsizetype md = findMember(s, 0, "metadata");
    if (md >= 0 && md < s.size() && s[md] == '{') {
        const qsizetype rvAt = findMember(s, md, "resourceVersion");
        if (rvAt >= 0) {
            const qsizetype rvEnd = skipValue(s, rvAt);
            if (rvEnd < 0)
                return false;
            *out = RvSplice{rvAt, {}, {}, rvEnd};
            return true;
        }
        const bool empty = md + 1 < s.size() && s[md + 1] == '}';
        *out = RvSplice{md + 1, "\"resourceVersion\":", empty ? QByteArrayView() : QByteArrayView(","), md + 1};
        return true;
    }
    if (md < 0 && !hasMetadata && s.size() >= 2) {
        // No metadata at all (or a key spelled with escapes, which the scanner cannot see).
        const bool empty = s[1] == '}';
        *out = RvSplice{0, "{\"metadata\":{\"resourceVersion\":", empty ? QByteArrayView("}") : QByteArrayView("},"), 1};
        return true;
    }
    return false;
}

QByteArray spliced(const QByteArray &s, const RvSplice &at, QByteArrayView value)
{
    QByteArray out;
    out.reserve(at.headFrom + at.headExtra.size() + value.size() + at.tailExtra.size() + s.size() - at.tailFrom);
    out.append(s.constData(), at.headFrom);
    out.append(at.headExtra);
    out.append(value);
    out.append(at.tailExtra);
    out.append(s.constData() + at.tailFrom, s.size() - at.tailFrom);
    return out;
}

// '"' + up to 19 digits (any qint64) + '"'.
constexpr qsizetype RvGap = 21;

} // namespace

Object Object::withResourceVersion(QStringView rv) const
{
    if (!d)
        return {};
    RvSplice at;
    if (!rvSplice(d->json, d->hasMetadata, &at)) {
        // Unusual shapes (escaped keys, metadata not an object): take the slow, sure path.
        QJsonObject o = toJson();
        QJsonObject m = o.value(u"metadata").toObject();
        m[u"resourceVersion"_qs] = rv.toString();
        o[u"metadata"_qs] = m;
        return fromJson(o);
    }
    auto *copy = new Data(*d);
    copy->json = spliced(d->json, at, jsonString(rv));
    copy->resourceVersion = rv.toString();
    return Object(copy);
}

Object::ResourceVersionDraft Object::draftResourceVersion() const
{
    RvSplice at;
    if (!d || !rvSplice(d->json, d->hasMetadata, &at))
        return {};
    static const QByteArray gap(RvGap, ' ');
    ResourceVersionDraft draft;
    draft.json = spliced(d->json, at, gap);
    draft.at = at.headFrom + at.headExtra.size();
    return draft;
}

Object Object::stampResourceVersion(ResourceVersionDraft &&draft, qint64 rv) const
{
    if (!d || draft.at < 0 || rv < 0 || draft.json.size() < draft.at + RvGap)
        return withResourceVersion(QString::number(rv));
    char digits[24];
    const int n = std::snprintf(digits, sizeof digits, "%lld", static_cast<long long>(rv));
    QByteArray json = std::move(draft.json);
    char *p = json.data() + draft.at; // the draft's own bytes: no copy unless shared
    p[0] = '"';
    std::memcpy(p + 1, digits, size_t(n));
    p[n + 1] = '"';
    const qsizetype tail = json.size() - (draft.at + RvGap);
    std::memmove(p + n + 2, p + RvGap, size_t(tail));
    json.resize(json.size() - (RvGap - (n + 2)));
    auto *copy = new Data(*d);
    copy->json = std::move(json);
    copy->resourceVersion = QString::fromLatin1(digits, n);
    return Object(copy);
}

Object Object::withoutManagedFields() const
{
    // An informer's list was decoded with ManagedFields::Drop: no second scan of its bytes.
    if (!d || d->managedFieldsDropped || !d->json.contains("\"managedFields\""))
        return *this;
    QByteArray json = d->json;
    if (!removeManagedFields(json))
        return *this;
    auto *copy = new Data(*d);
    copy->json = std::move(json);
    copy->managedFieldsDropped = true;
    return Object(copy);
}

} // namespace kube
