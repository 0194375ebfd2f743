#include "protobuf.h"

#include "protoscalar.h"
#include "protowire.h"
#include "typeregistry.h"

#include <QHash>
#include <QVarLengthArray>

#include <algorithm>
#include <map>
#include <string_view>

namespace kube {

namespace {

constexpr int MaxDepth = 100;
// Zero values of non-omitempty fields make JSON larger than the protobuf; this bounds a
// hostile body's amplification (a body is at most 3 MiB).
constexpr qsizetype MaxOutputBytes = 64 * 1024 * 1024;

// apiextensions.v1.JSONSchemaProps fields whose Go types have their own JSON forms: the
// registry describes the JSON ("JSON"), the wire carries JSONSchemaPropsOr… messages.
enum class SchemaUnion { None, PropsOrArray, PropsOrBool, PropsOrStringArray };

SchemaUnion schemaUnion(const TypeSchema &type, const FieldSchema &field)
{
    if (type.name != u"apiextensions.v1.JSONSchemaProps")
        return SchemaUnion::None;
    if (field.name == u"items")
        return SchemaUnion::PropsOrArray;
    if (field.name == u"additionalProperties" || field.name == u"additionalItems")
        return SchemaUnion::PropsOrBool;
    if (field.name == u"dependencies")
        return SchemaUnion::PropsOrStringArray;
    return SchemaUnion::None;
}

struct PathSegment {
    QStringView name;     // a field's JSON name, or empty
    qsizetype index = -1; // a list index
    QByteArrayView key;   // a map key

    static PathSegment field(QStringView name) { return {name, -1, {}}; }
    static PathSegment item(qsizetype index) { return {{}, index, {}}; }
    static PathSegment mapKey(QByteArrayView key) { return {{}, -1, key}; }
};

class Decoder
{
public:
    Decoder(const TypeRegistry &registry, QStringList *unknownFields) : m_registry(registry), m_unknownFields(unknownFields) {}

    QByteArray takeJson() { return std::move(m_out); }

    // Writes the message as a JSON object. typeMeta: the apiVersion and kind of a root object.
    Status decodeObject(QByteArrayView bytes, const QString &typeName, const GroupVersionKind *typeMeta, int depth);

private:
    Status decodeFields(QByteArrayView bytes, const TypeSchema &type, const GroupVersionKind *typeMeta, int depth);
    Status decodeField(const TypeSchema &type, const FieldSchema &f, const ProtoWireField *begin, const ProtoWireField *end, int depth);
    Status decodeScalarField(const TypeSchema &type, const FieldSchema &f, const ProtoWireField &last, int depth);
    Status decodeList(const TypeSchema &type, const FieldSchema &f, const ProtoWireField *begin, const ProtoWireField *end, int depth);
    Status decodeMap(const TypeSchema &type, const FieldSchema &f, const ProtoWireField *begin, const ProtoWireField *end, int depth);
    Status decodeValue(const FieldType &t, const ProtoWireField &field, const QString &owner, int number, int depth);
    Status decodeScalar(QStringView scalar, const ProtoWireField &field, ProtoScalarJson *out, const QString &owner, int number, int depth);
    Status decodeSchemaUnion(SchemaUnion kind, const ProtoWireField &field, int depth);
    void writeTypeMeta(const GroupVersionKind &gvk);

    TypeSchemaPtr type(const QString &name);
    Status fail(const QString &what, const QString &owner = {}, int number = 0) const;
    QString pathString() const;

    void key(QStringView name);
    void key(QByteArrayView utf8);
    void separator() { if (m_needComma) m_out.append(','); }
    void beginJson(char c) { separator(); m_out.append(c); m_needComma = false; }
    void endJson(char c) { m_out.append(c); m_needComma = true; }
    void value(QByteArrayView json) { separator(); m_out.append(json); m_needComma = true; }

    const TypeRegistry &m_registry;
    QStringList *m_unknownFields;
    QHash<QString, TypeSchemaPtr> m_types;
    QVarLengthArray<PathSegment, 32> m_path;
    QByteArray m_out;
    bool m_needComma = false;
};

struct PathScope {
    PathScope(QVarLengthArray<PathSegment, 32> &path, PathSegment s) : m_path(path) { m_path.append(s); }
    ~PathScope() { m_path.removeLast(); }
    QVarLengthArray<PathSegment, 32> &m_path;
};

TypeSchemaPtr Decoder::type(const QString &name)
{
    auto it = m_types.constFind(name);
    if (it != m_types.constEnd())
        return *it;
    TypeSchemaPtr t = m_registry.type(name);
    m_types.insert(name, t);
    return t;
}

QString Decoder::pathString() const
{
    QString out;
    for (const PathSegment &s : m_path) {
        if (s.index >= 0) {
            out += u'[' + QString::number(s.index) + u']';
        } else if (!s.key.isNull()) {
            out += u'[' + QString::fromUtf8(s.key.first(qMin<qsizetype>(64, s.key.size()))) + u']';
        } else if (!s.name.isEmpty()) { // inline members have no name of their own
            if (!out.isEmpty())
                out += u'.';
            out += s.name;
        }
    }
    return out;
}

Status Decoder::fail(const QString &what, const QString &owner, int number) const
{
    QString where = pathString();
    if (!owner.isEmpty())
        where += u" (field %1 of %2)"_qs.arg(number).arg(owner);
    if (where.isEmpty())
        return Status::badRequest(what);
    return Status::badRequest(where.trimmed() + u": "_qs + what);
}

void Decoder::key(QStringView name)
{
    separator();
    appendJsonString(m_out, name.toUtf8());
    m_out.append(':');
    m_needComma = false;
}

void Decoder::key(QByteArrayView utf8)
{
    separator();
    appendJsonString(m_out, utf8);
    m_out.append(':');
    m_needComma = false;
}

Status Decoder::decodeObject(QByteArrayView bytes, const QString &typeName, const GroupVersionKind *typeMeta, int depth)
{
    if (depth > MaxDepth)
        return fail(u"nesting deeper than %1 messages"_qs.arg(MaxDepth));
    if (m_out.size() > MaxOutputBytes)
        return fail(u"the decoded object is larger than %1 MiB"_qs.arg(MaxOutputBytes >> 20));
    const TypeSchemaPtr t = type(typeName);
    if (!t)
        return Status::internalError(u"protobuf: type %1 is not in the registry"_qs.arg(typeName));
    beginJson('{');
    if (Status s = decodeFields(bytes, *t, typeMeta, depth); !s.isSuccess())
        return s;
    endJson('}');
    return {};
}

Status Decoder::decodeFields(QByteArrayView bytes, const TypeSchema &type, const GroupVersionKind *typeMeta, int depth)
{
    QVarLengthArray<ProtoWireField, 16> fields; // on the stack: nesting is bounded
    ProtoWireReader reader(bytes);
    while (!reader.atEnd()) {
        ProtoWireField f;
        if (!reader.next(&f))
            return fail(reader.error() + u" of "_qs + type.name);
        fields.append(f);
    }
    // Occurrences of one number stay in wire order: the last wins, lists keep their order.
    std::stable_sort(fields.begin(), fields.end(), [](const ProtoWireField &a, const ProtoWireField &b) { return a.number < b.number; });

    qsizetype matched = 0;
    for (const FieldSchema &f : type.fields) {
        if (f.proto <= 0) {
            if (typeMeta && (f.name == u"apiVersion" || f.name == u"kind")) {
                writeTypeMeta(*typeMeta);
                typeMeta = nullptr; // both are written at the first of them
            }
            continue;
        }
        const quint32 number = quint32(f.proto);
        const ProtoWireField *lo = std::partition_point(fields.cbegin(), fields.cend(), [&](const ProtoWireField &w) { return w.number < number; });
        const ProtoWireField *hi = std::partition_point(lo, fields.cend(), [&](const ProtoWireField &w) { return w.number == number; });
        matched += hi - lo;
        PathScope scope(m_path, PathSegment::field(f.isInline ? QStringView() : QStringView(f.name)));
        if (Status s = decodeField(type, f, lo, hi, depth); !s.isSuccess())
            return s;
    }
    if (matched == fields.size() || !m_unknownFields)
        return {};
    for (const ProtoWireField &w : fields) {
        const bool known = std::any_of(type.fields.cbegin(), type.fields.cend(), [&](const FieldSchema &f) { return f.proto == int(w.number); });
        if (!known)
            m_unknownFields->append(pathString() + u'#' + QString::number(w.number));
    }
    return {};
}

// Go's metav1.TypeMeta order: kind, then apiVersion; each omitted when empty.
void Decoder::writeTypeMeta(const GroupVersionKind &gvk)
{
    if (!gvk.kind.isEmpty()) {
        key(u"kind");
        QByteArray text;
        appendJsonString(text, gvk.kind.toUtf8());
        value(text);
    }
    if (!gvk.version.isEmpty()) {
        key(u"apiVersion");
        QByteArray text;
        appendJsonString(text, gvk.apiVersion().toUtf8());
        value(text);
    }
}

Status Decoder::decodeField(const TypeSchema &type, const FieldSchema &f, const ProtoWireField *begin, const ProtoWireField *end, int depth)
{
    for (const ProtoWireField *w = begin; w != end; ++w) {
        // Lists of varint scalars may come packed (length-delimited); everything else has one wire type.
        if (f.type.shape != FieldType::Shape::Scalar && w->wireType != ProtoWireType::LengthDelimited
            && !(f.type.shape == FieldType::Shape::List && f.type.elem->isScalar())) {
            return fail(u"wrong wire type %1 (expected length-delimited)"_qs.arg(ProtoWireReader::wireTypeName(w->wireType)), type.name, f.proto);
        }
    }
    if (const SchemaUnion u = schemaUnion(type, f); u != SchemaUnion::None) {
        if (begin == end)
            return {};
        if (u != SchemaUnion::PropsOrStringArray) {
            key(f.name);
            return decodeSchemaUnion(u, *(end - 1), depth);
        }
    }
    switch (f.type.shape) {
    case FieldType::Shape::Scalar:
        if (begin != end)
            return decodeScalarField(type, f, *(end - 1), depth);
        // Absent: Go still writes the zero value of a non-pointer field without omitempty.
        if (!f.pointer && !f.omitEmpty && isPlainProtoScalar(f.type.name)) {
            key(f.name);
            value(zeroScalarJson(f.type.name));
        }
        return {};
    case FieldType::Shape::Struct: {
        if (begin == end && !f.isInline)
            return {};
        // Repeated occurrences of a message merge, which is decoding their concatenation.
        QByteArray merged;
        QByteArrayView bytes = begin == end ? QByteArrayView("", 0) : begin->bytes;
        if (end - begin > 1) {
            for (const ProtoWireField *w = begin; w != end; ++w)
                merged.append(w->bytes);
            bytes = merged;
        }
        if (f.isInline) {
            const TypeSchemaPtr t = this->type(f.type.name);
            if (!t)
                return Status::internalError(u"protobuf: type %1 is not in the registry"_qs.arg(f.type.name));
            if (depth + 1 > MaxDepth)
                return fail(u"nesting deeper than %1 messages"_qs.arg(MaxDepth));
            return decodeFields(bytes, *t, nullptr, depth + 1);
        }
        key(f.name);
        return decodeObject(bytes, f.type.name, nullptr, depth + 1);
    }
    case FieldType::Shape::List:
        return begin == end ? Status() : decodeList(type, f, begin, end, depth);
    case FieldType::Shape::Map:
        return begin == end ? Status() : decodeMap(type, f, begin, end, depth);
    }
    return {};
}

Status Decoder::decodeScalarField(const TypeSchema &type, const FieldSchema &f, const ProtoWireField &last, int depth)
{
    ProtoScalarJson v;
    if (Status s = decodeScalar(f.type.name, last, &v, type.name, f.proto, depth); !s.isSuccess())
        return s;
    if (v.isZero && f.omitEmpty && (!f.pointer || !isPlainProtoScalar(f.type.name)))
        return {}; // omitempty drops a zero plain scalar (unless a pointer) and, by our rule, a zero Time
    if (v.json == "null" && f.omitEmpty)
        return {};
    key(f.name);
    value(v.json);
    return {};
}

Status Decoder::decodeScalar(QStringView scalar, const ProtoWireField &field, ProtoScalarJson *out, const QString &owner, int number, int depth)
{
    QString error;
    if (!protoScalarToJson(scalar, field, out, &error))
        return fail(error, owner, number);
    if (out->embeddedProtobuf.isNull())
        return {};
    // A RawExtension holding a protobuf object (watch events, lists): decode it in place.
    const Expected<ProtobufEnvelope> envelope = readProtobufEnvelope(out->embeddedProtobuf);
    if (!envelope)
        return fail(envelope.error().message(), owner, number);
    const GroupVersion gv = GroupVersion::fromApiVersion(envelope->apiVersion);
    const GroupVersionKind gvk{gv.group, gv.version, envelope->kind};
    const QString typeName = protobufTypeName(gvk, m_registry);
    if (typeName.isEmpty())
        return fail(u"embedded object of unknown kind %1"_qs.arg(gvk.toString()), owner, number);
    Decoder nested(m_registry, m_unknownFields);
    nested.m_path = m_path;
    if (Status s = nested.decodeObject(envelope->raw, typeName, &gvk, depth + 1); !s.isSuccess())
        return s;
    out->json = nested.takeJson();
    return {};
}

Status Decoder::decodeValue(const FieldType &t, const ProtoWireField &field, const QString &owner, int number, int depth)
{
    if (t.shape == FieldType::Shape::Scalar) {
        ProtoScalarJson v;
        if (Status s = decodeScalar(t.name, field, &v, owner, number, depth); !s.isSuccess())
            return s;
        value(v.json); // list items and map values are written even when zero
        return {};
    }
    if (t.shape != FieldType::Shape::Struct)
        return fail(u"nested %1 has no protobuf encoding"_qs.arg(t.toString()), owner, number);
    if (field.wireType != ProtoWireType::LengthDelimited)
        return fail(u"wrong wire type %1 for %2 (expected length-delimited)"_qs.arg(ProtoWireReader::wireTypeName(field.wireType), t.name), owner, number);
    return decodeObject(field.bytes, t.name, nullptr, depth + 1);
}

Status Decoder::decodeList(const TypeSchema &type, const FieldSchema &f, const ProtoWireField *begin, const ProtoWireField *end, int depth)
{
    const FieldType &elem = *f.type.elem;
    const bool varintElem = elem.name == u"int32" || elem.name == u"int64" || elem.name == u"boolean";
    const bool packable = elem.isScalar() && (varintElem || elem.name == u"double");
    key(f.name);
    beginJson('[');
    qsizetype index = 0;
    for (const ProtoWireField *w = begin; w != end; ++w) {
        if (!packable || w->wireType != ProtoWireType::LengthDelimited) {
            PathScope scope(m_path, PathSegment::item(index++));
            if (Status s = decodeValue(elem, *w, type.name, f.proto, depth); !s.isSuccess())
                return s;
            continue;
        }
        // Packed: the payload is the values back to back.
        qsizetype pos = 0;
        while (pos < w->bytes.size()) {
            PathScope scope(m_path, PathSegment::item(index++));
            ProtoWireField item;
            item.number = w->number;
            if (varintElem) {
                item.wireType = ProtoWireType::Varint;
                if (!ProtoWireReader::readVarint(w->bytes, &pos, &item.value))
                    return fail(u"truncated packed varint"_qs, type.name, f.proto);
            } else {
                item.wireType = ProtoWireType::Fixed64;
                if (w->bytes.size() - pos < 8)
                    return fail(u"truncated packed fixed64"_qs, type.name, f.proto);
                for (int i = 7; i >= 0; --i)
                    item.value = (item.value << 8) | quint8(w->bytes[pos + i]);
                pos += 8;
            }
            if (Status s = decodeValue(elem, item, type.name, f.proto, depth); !s.isSuccess())
                return s;
        }
    }
    endJson(']');
    return {};
}

Status Decoder::decodeMap(const TypeSchema &type, const FieldSchema &f, const ProtoWireField *begin, const ProtoWireField *end, int depth)
{
    const FieldType &elem = *f.type.elem;
    const SchemaUnion u = schemaUnion(type, f);
    // Go's encoding/json writes map keys sorted by their bytes; a repeated key keeps the last value.
    std::map<std::string_view, ProtoWireField> entries;
    for (const ProtoWireField *w = begin; w != end; ++w) {
        ProtoWireReader reader(w->bytes);
        QByteArrayView entryKey("", 0);
        ProtoWireField entryValue;
        // A missing value is the zero value of its type.
        entryValue.wireType = (elem.name == u"int32" || elem.name == u"int64" || elem.name == u"boolean") ? ProtoWireType::Varint
                            : elem.name == u"double"                                                   ? ProtoWireType::Fixed64
                                                                                                       : ProtoWireType::LengthDelimited;
        entryValue.bytes = QByteArrayView("", 0);
        ProtoWireField e;
        while (!reader.atEnd()) {
            if (!reader.next(&e))
                return fail(reader.error() + u" of a map entry"_qs, type.name, f.proto);
            if (e.number == 1) {
                if (e.wireType != ProtoWireType::LengthDelimited)
                    return fail(u"wrong wire type %1 for a map key (expected length-delimited)"_qs.arg(ProtoWireReader::wireTypeName(e.wireType)), type.name, f.proto);
                entryKey = e.bytes;
            } else if (e.number == 2) {
                entryValue = e;
            }
        }
        entries[std::string_view(entryKey.data(), size_t(entryKey.size()))] = entryValue;
    }
    key(f.name);
    beginJson('{');
    for (const auto &[k, v] : entries) {
        const QByteArrayView keyBytes(k.data(), qsizetype(k.size()));
        PathScope scope(m_path, PathSegment::mapKey(keyBytes));
        key(keyBytes);
        Status s = u == SchemaUnion::PropsOrStringArray ? decodeSchemaUnion(u, v, depth) : decodeValue(elem, v, type.name, f.proto, depth);
        if (!s.isSuccess())
            return s;
    }
    endJson('}');
    return {};
}

// JSONSchemaPropsOrArray {schema=1, jSONSchemas=2}, JSONSchemaPropsOrBool {allows=1, schema=2},
// JSONSchemaPropsOrStringArray {schema=1, property=2}, written as their MarshalJSON does.
Status Decoder::decodeSchemaUnion(SchemaUnion kind, const ProtoWireField &field, int depth)
{
    static const QString props = u"apiextensions.v1.JSONSchemaProps"_qs;
    const QString owner = kind == SchemaUnion::PropsOrArray ? u"apiextensions.v1.JSONSchemaPropsOrArray"_qs
                        : kind == SchemaUnion::PropsOrBool  ? u"apiextensions.v1.JSONSchemaPropsOrBool"_qs
                                                            : u"apiextensions.v1.JSONSchemaPropsOrStringArray"_qs;
    if (field.wireType != ProtoWireType::LengthDelimited)
        return fail(u"wrong wire type %1 (expected length-delimited)"_qs.arg(ProtoWireReader::wireTypeName(field.wireType)), owner, 0);
    const int schemaNumber = kind == SchemaUnion::PropsOrBool ? 2 : 1;
    QList<ProtoWireField> schemas, items;
    bool allows = false;
    ProtoWireReader reader(field.bytes);
    ProtoWireField w;
    while (!reader.atEnd()) {
        if (!reader.next(&w))
            return fail(reader.error(), owner, 0);
        const ProtoWireType expected = (kind == SchemaUnion::PropsOrBool && w.number == 1) ? ProtoWireType::Varint : ProtoWireType::LengthDelimited;
        if (w.number > 2)
            continue;
        if (w.wireType != expected)
            return fail(u"wrong wire type %1"_qs.arg(ProtoWireReader::wireTypeName(w.wireType)), owner, int(w.number));
        if (int(w.number) == schemaNumber)
            schemas.append(w);
        else if (kind == SchemaUnion::PropsOrBool)
            allows = w.value != 0;
        else
            items.append(w);
    }
    if (!items.isEmpty()) {
        beginJson('[');
        for (qsizetype i = 0; i < items.size(); ++i) {
            PathScope scope(m_path, PathSegment::item(i));
            Status s = kind == SchemaUnion::PropsOrArray ? decodeObject(items[i].bytes, props, nullptr, depth + 1)
                                                         : decodeValue(FieldType::parse(u"string"), items[i], owner, 2, depth);
            if (!s.isSuccess())
                return s;
        }
        endJson(']');
        return {};
    }
    if (!schemas.isEmpty()) {
        QByteArray merged;
        for (const ProtoWireField &s : std::as_const(schemas))
            merged.append(s.bytes);
        return decodeObject(merged, props, nullptr, depth + 1);
    }
    value(kind == SchemaUnion::PropsOrBool ? (allows ? "true" : "false") : "null");
    return {};
}

const QStringList &metaKindsInEveryGroupVersion()
{
    static const QStringList kinds{u"DeleteOptions"_qs, u"CreateOptions"_qs, u"UpdateOptions"_qs, u"PatchOptions"_qs,
                                   u"GetOptions"_qs,    u"ListOptions"_qs,   u"WatchEvent"_qs,    u"Status"_qs};
    return kinds;
}

bool isRootType(const TypeSchemaPtr &t)
{
    return t && t->field(u"kind") && t->field(u"apiVersion");
}

} // namespace

Expected<ProtobufEnvelope> readProtobufEnvelope(QByteArrayView body)
{
    if (body.isEmpty())
        return Status::badRequest(u"empty protobuf body"_qs);
    if (!hasKubernetesProtobufMagic(body))
        return Status::badRequest(u"provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]"_qs);
    if (body.size() == 4)
        return Status::badRequest(u"empty protobuf body after the k8s prefix"_qs);

    ProtobufEnvelope env;
    ProtoWireReader reader(body.sliced(4));
    ProtoWireField f;
    auto text = [](const ProtoWireField &w) { return QString::fromUtf8(w.bytes); };
    while (!reader.atEnd()) {
        if (!reader.next(&f))
            return Status::badRequest(u"invalid protobuf envelope (runtime.Unknown): "_qs + reader.error());
        if (f.number > 4)
            continue;
        if (f.wireType != ProtoWireType::LengthDelimited)
            return Status::badRequest(u"invalid protobuf envelope (runtime.Unknown): wrong wire type %1 for field %2"_qs
                                          .arg(ProtoWireReader::wireTypeName(f.wireType)).arg(f.number));
        switch (f.number) {
        case 1: {
            ProtoWireReader meta(f.bytes);
            ProtoWireField m;
            while (!meta.atEnd()) {
                if (!meta.next(&m))
                    return Status::badRequest(u"invalid protobuf envelope (runtime.TypeMeta): "_qs + meta.error());
                if (m.number > 2)
                    continue;
                if (m.wireType != ProtoWireType::LengthDelimited)
                    return Status::badRequest(u"invalid protobuf envelope (runtime.TypeMeta): wrong wire type %1 for field %2"_qs
                                                  .arg(ProtoWireReader::wireTypeName(m.wireType)).arg(m.number));
                (m.number == 1 ? env.apiVersion : env.kind) = text(m);
            }
            break;
        }
        case 2: env.raw = f.bytes; break;
        case 3: env.contentEncoding = text(f); break;
        case 4: env.contentType = text(f); break;
        }
    }
    if (env.raw.isNull())
        env.raw = QByteArrayView("", 0);
    return env;
}

QString protobufTypeName(const GroupVersionKind &gvk, const TypeRegistry &registry)
{
    if (const KindInfoPtr k = registry.kind(gvk))
        return k->isCustom ? QString() : k->rootType;
    const QString group = gvk.group.isEmpty() ? u"core"_qs : gvk.group.section(u'.', 0, 0);
    if (const QString name = group + u'.' + gvk.version + u'.' + gvk.kind; isRootType(registry.type(name)))
        return name; // policy.v1.Eviction, autoscaling.v1.Scale, meta.v1.Status
    if (metaKindsInEveryGroupVersion().contains(gvk.kind)) {
        if (const QString name = u"meta.v1."_qs + gvk.kind; registry.type(name))
            return name;
    }
    return {};
}

Expected<QByteArray> decodeProtobufMessage(QByteArrayView message, const QString &typeName, const TypeRegistry &registry,
                                           const GroupVersionKind &typeMeta, QStringList *unknownFields)
{
    Decoder decoder(registry, unknownFields);
    if (Status s = decoder.decodeObject(message, typeName, &typeMeta, 1); !s.isSuccess())
        return s;
    return decoder.takeJson();
}

Expected<Object> decodeProtobufObject(QByteArrayView body, const TypeRegistry &registry, const ProtobufDecodeOptions &options)
{
    const Expected<ProtobufEnvelope> env = readProtobufEnvelope(body);
    if (!env)
        return env.error();
    if (!env->contentEncoding.isEmpty())
        return Status::badRequest(u"unsupported protobuf content encoding \"%1\""_qs.arg(env->contentEncoding));
    if (!env->contentType.isEmpty() && env->contentType != u"application/vnd.kubernetes.protobuf")
        return Status::badRequest(u"unsupported content type \"%1\" inside the protobuf envelope"_qs.arg(env->contentType));

    // upstream's copyKindDefaults: the endpoint's kind fills in what the envelope leaves out.
    const GroupVersion gv = GroupVersion::fromApiVersion(env->apiVersion);
    GroupVersionKind gvk{gv.group, gv.version, env->kind};
    if (gvk.kind.isEmpty())
        gvk.kind = options.defaults.kind;
    if (gvk.version.isEmpty() && (gvk.group.isEmpty() || gvk.group == options.defaults.group)) {
        gvk.group = options.defaults.group;
        gvk.version = options.defaults.version;
    }
    if (gvk.kind.isEmpty())
        return Status::badRequest(u"Object 'Kind' is missing in the protobuf envelope"_qs);
    if (gvk.version.isEmpty())
        return Status::badRequest(u"Object 'apiVersion' is missing in the protobuf envelope"_qs);
    const QString typeName = protobufTypeName(gvk, registry);
    if (typeName.isEmpty()) {
        if (const KindInfoPtr k = registry.kind(gvk); k && k->isCustom)
            return Status::badRequest(u"%1 is a custom resource and cannot be sent as protobuf"_qs.arg(gvk.toString()));
        return Status::badRequest(u"no kind \"%1\" is registered for version \"%2\""_qs.arg(gvk.kind, gvk.apiVersion()));
    }

    Expected<QByteArray> json = decodeProtobufMessage(env->raw, typeName, registry, gvk, options.unknownFields);
    if (!json)
        return Status(json.error().code(), json.error().reason(),
                      u"cannot decode %1 from protobuf: %2"_qs.arg(gvk.toString(), json.error().message()));
    return Object::parse(*json);
}

} // namespace kube
