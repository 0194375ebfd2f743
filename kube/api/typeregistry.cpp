#include "typeregistry.h"

#include "crdschema.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QReadLocker>
#include <QSet>
#include <QWriteLocker>

#include <simdjson.h>

#include <algorithm>

namespace kube {

Q_LOGGING_CATEGORY(lcRegistry, "timonel.kube.typeregistry")

// ---- FieldType ---------------------------------------------------------------------------

bool FieldType::isScalarName(QStringView name)
{
    static const QSet<QString> scalars = {
        u"string"_qs, u"boolean"_qs, u"int32"_qs, u"int64"_qs, u"double"_qs, u"bytes"_qs,
        u"Quantity"_qs, u"IntOrString"_qs, u"Time"_qs, u"MicroTime"_qs, u"Duration"_qs,
        u"RawExtension"_qs, u"JSON"_qs, u"FieldsV1"_qs, u"any"_qs};
    return scalars.contains(name.toString());
}

bool FieldType::isValid() const
{
    switch (shape) {
    case Shape::Scalar:
        return isScalarName(name);
    case Shape::Struct:
        return name.contains(u'.') && !name.contains(u'[') && !name.contains(u']') && !name.contains(u' ');
    case Shape::List:
    case Shape::Map:
        return elem && elem->isValid();
    }
    return false;
}

const FieldType &FieldType::innermost() const
{
    const FieldType *t = this;
    while ((t->shape == Shape::List || t->shape == Shape::Map) && t->elem)
        t = t->elem.get();
    return *t;
}

QString FieldType::toString() const
{
    if (shape == Shape::List)
        return u"[]"_qs + (elem ? elem->toString() : QString());
    if (shape == Shape::Map)
        return u"map[string]"_qs + (elem ? elem->toString() : QString());
    return name;
}

FieldType FieldType::parse(QStringView text)
{
    FieldType t;
    if (text.isEmpty())
        return t;
    if (text.startsWith(u"[]")) {
        t.shape = Shape::List;
        t.elem = std::make_shared<const FieldType>(parse(text.mid(2)));
        return t;
    }
    if (text.startsWith(u"map[")) {
        if (!text.startsWith(u"map[string]"))
            return {}; // only string keys exist in JSON
        t.shape = Shape::Map;
        t.elem = std::make_shared<const FieldType>(parse(text.mid(11)));
        return t;
    }
    t.name = text.toString();
    if (!isScalarName(text))
        t.shape = Shape::Struct;
    return t;
}

bool operator==(const FieldType &a, const FieldType &b)
{
    if (a.shape != b.shape || a.name != b.name || bool(a.elem) != bool(b.elem))
        return false;
    return !a.elem || *a.elem == *b.elem;
}

const FieldSchema *TypeSchema::field(QStringView jsonName) const
{
    for (const FieldSchema &f : fields) {
        if (f.name == jsonName && !f.isInline)
            return &f;
    }
    for (const FieldSchema &f : inlinedFields) {
        if (f.name == jsonName)
            return &f;
    }
    return nullptr;
}

const SubresourceInfo *KindInfo::subresource(QStringView name) const
{
    for (const SubresourceInfo &s : subresources) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}

// ---- ordering ----------------------------------------------------------------------------

namespace {

// Group priority as kube-apiserver publishes it in discovery (the aggregator's priority
// table), which kubectl's RESTMapper follows; groups not listed (custom ones) come after,
// alphabetically.
int groupRank(const QString &group)
{
    static const QStringList order = {
        u""_qs, u"apps"_qs, u"events.k8s.io"_qs, u"authentication.k8s.io"_qs,
        u"authorization.k8s.io"_qs, u"autoscaling"_qs, u"batch"_qs, u"certificates.k8s.io"_qs,
        u"networking.k8s.io"_qs, u"policy"_qs, u"rbac.authorization.k8s.io"_qs,
        u"storage.k8s.io"_qs, u"admissionregistration.k8s.io"_qs, u"apiextensions.k8s.io"_qs,
        u"scheduling.k8s.io"_qs, u"coordination.k8s.io"_qs, u"node.k8s.io"_qs,
        u"discovery.k8s.io"_qs, u"flowcontrol.apiserver.k8s.io"_qs, u"resource.k8s.io"_qs};
    const qsizetype i = order.indexOf(group);
    return i < 0 ? int(order.size()) : int(i);
}

bool groupBefore(const QString &a, const QString &b)
{
    const int ra = groupRank(a), rb = groupRank(b);
    return ra != rb ? ra < rb : a < b;
}

// Kubernetes version order: GA (v2 > v1) before beta before alpha, then anything else by name.
struct VersionKey {
    int stability = -1; // 2 GA, 1 beta, 0 alpha, -1 not a Kubernetes version
    int major = 0;
    int minor = 0;
};

VersionKey versionKey(const QString &v)
{
    VersionKey k;
    if (!v.startsWith(u'v'))
        return k;
    qsizetype i = 1;
    while (i < v.size() && v.at(i).isDigit())
        ++i;
    if (i == 1)
        return k;
    k.major = v.mid(1, i - 1).toInt();
    if (i == v.size()) {
        k.stability = 2;
        return k;
    }
    const QString rest = v.mid(i);
    const int stability = rest.startsWith(u"beta") ? 1 : rest.startsWith(u"alpha") ? 0 : -1;
    const QString number = rest.mid(stability == 1 ? 4 : 5);
    bool ok = false;
    k.minor = number.toInt(&ok);
    if (stability >= 0 && ok && !number.startsWith(u'+') && !number.startsWith(u'-'))
        k.stability = stability;
    return k;
}

bool versionBefore(const QString &a, const QString &b)
{
    const VersionKey ka = versionKey(a), kb = versionKey(b);
    if (ka.stability != kb.stability)
        return ka.stability > kb.stability;
    if (ka.stability < 0)
        return a < b;
    if (ka.major != kb.major)
        return ka.major > kb.major;
    return ka.minor > kb.minor;
}

bool kindBefore(const KindInfoPtr &a, const KindInfoPtr &b)
{
    if (a->gvk.group != b->gvk.group)
        return groupBefore(a->gvk.group, b->gvk.group);
    if (a->gvk.version != b->gvk.version)
        return versionBefore(a->gvk.version, b->gvk.version);
    return false; // stable sort keeps file order within a group-version
}

} // namespace

// ---- the tables --------------------------------------------------------------------------

struct TypeRegistry::Private {
    struct Custom {
        QList<GroupVersionKind> kinds;
        QStringList types;
    };
    QHash<QString, TypeSchemaPtr> types;
    QList<KindInfoPtr> kinds; // group priority, preferred version first
    QHash<GroupVersionKind, KindInfoPtr> byKind;
    QHash<GroupVersionResource, KindInfoPtr> byResource;
    QHash<QString, Custom> custom;              // CRD name → what it added
    QHash<GroupVersionKind, QString> kindOwner; // custom kind → CRD name
    quint64 generation = 0;

    void insertKind(const KindInfoPtr &k)
    {
        kinds.append(k);
        byKind.insert(k->gvk, k);
        byResource.insert(k->gvr(), k);
    }
    void sortKinds() { std::stable_sort(kinds.begin(), kinds.end(), kindBefore); }
    void removeCustom(const QString &crdName);
};

void TypeRegistry::Private::removeCustom(const QString &crdName)
{
    const auto it = custom.constFind(crdName);
    if (it == custom.cend())
        return;
    for (const GroupVersionKind &gvk : it->kinds) {
        const KindInfoPtr k = byKind.take(gvk);
        kindOwner.remove(gvk);
        if (!k)
            continue;
        byResource.remove(k->gvr());
        kinds.removeOne(k);
    }
    for (const QString &t : it->types)
        types.remove(t);
    custom.erase(it);
}

// ---- loading the schema files ------------------------------------------------------------

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;
using simdjson::dom::object;

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

QJsonValue toJsonValue(element e)
{
    const std::string text = "[" + simdjson::minify(e) + "]";
    return QJsonDocument::fromJson(QByteArray::fromStdString(text)).array().at(0);
}

// The first label of a group names its types: "" → core, "apps" → apps, "meta.k8s.io" → meta.
QString typePrefix(const QString &group, const QString &version)
{
    const QString label = group.isEmpty() ? u"core"_qs : group.section(u'.', 0, 0);
    return label + u'.' + version + u'.';
}

// Reads one file at a time into Private, collecting every problem as "<file>: <entry>: <what>".
class Loader
{
public:
    explicit Loader(TypeRegistry::Private &out) : m_out(out) {}
    void loadFile(const QString &path);
    void finish(); // checks that need every file: references, root types
    QStringList errors;

private:
    void error(const QString &entry, const QString &problem) { errors << m_file + u": "_qs + entry + u": "_qs + problem; }
    bool checkObject(element e, const QString &entry, object &out);
    void checkKeys(object o, std::initializer_list<std::string_view> allowed, const QString &entry);
    std::optional<QString> string(object o, std::string_view key, const QString &entry, bool required);
    std::optional<bool> boolean(object o, std::string_view key, const QString &entry, bool required);
    std::optional<qint64> integer(object o, std::string_view key, const QString &entry);
    QStringList strings(object o, std::string_view key, const QString &entry, bool required);
    void oneOf(const std::optional<QString> &value, const QStringList &allowed, const QString &entry, std::string_view key);
    void loadType(const QString &name, element spec);
    std::optional<FieldSchema> loadField(const QString &typeEntry, const QString &name, element spec);
    void loadKind(int index, element spec);
    std::optional<PrinterColumn> loadColumn(const QString &entry, element spec);

    TypeRegistry::Private &m_out;
    simdjson::dom::parser m_parser;
    QString m_file, m_group, m_version;
    QList<FieldSchema> jsonFieldsOf(const QString &typeName, int depth) const;

    QHash<QString, QSharedPointer<TypeSchema>> m_mutableTypes; // until finish() fills inlinedFields
    QHash<QString, QString> m_typeFile;                 // type → file defining it
    QHash<QString, QString> m_prefixFile;               // "apps.v1." → the file of that group-version
    QHash<GroupVersionKind, QString> m_kindFile;         // for "also in" messages
    QHash<GroupVersionResource, QString> m_resourceFile;
};

bool Loader::checkObject(element e, const QString &entry, object &out)
{
    if (e.get_object().get(out) == simdjson::SUCCESS)
        return true;
    error(entry, u"expected a JSON object"_qs);
    return false;
}

void Loader::checkKeys(object o, std::initializer_list<std::string_view> allowed, const QString &entry)
{
    for (auto field : o) {
        if (std::find(allowed.begin(), allowed.end(), field.key) == allowed.end())
            error(entry, u"unknown key \"%1\""_qs.arg(qs(field.key)));
    }
}

std::optional<QString> Loader::string(object o, std::string_view key, const QString &entry, bool required)
{
    element e;
    if (o.at_key(key).get(e) != simdjson::SUCCESS) {
        if (required)
            error(entry, u"missing required key \"%1\""_qs.arg(qs(key)));
        return std::nullopt;
    }
    std::string_view s;
    if (e.get_string().get(s) != simdjson::SUCCESS) {
        error(entry, u"\"%1\" must be a string"_qs.arg(qs(key)));
        return std::nullopt;
    }
    return qs(s);
}

std::optional<bool> Loader::boolean(object o, std::string_view key, const QString &entry, bool required)
{
    element e;
    if (o.at_key(key).get(e) != simdjson::SUCCESS) {
        if (required)
            error(entry, u"missing required key \"%1\""_qs.arg(qs(key)));
        return std::nullopt;
    }
    bool b = false;
    if (e.get_bool().get(b) != simdjson::SUCCESS) {
        error(entry, u"\"%1\" must be true or false"_qs.arg(qs(key)));
        return std::nullopt;
    }
    return b;
}

std::optional<qint64> Loader::integer(object o, std::string_view key, const QString &entry)
{
    element e;
    if (o.at_key(key).get(e) != simdjson::SUCCESS)
        return std::nullopt;
    int64_t i = 0;
    if (e.get_int64().get(i) != simdjson::SUCCESS || i < 0) {
        error(entry, u"\"%1\" must be a non-negative integer"_qs.arg(qs(key)));
        return std::nullopt;
    }
    return i;
}

QStringList Loader::strings(object o, std::string_view key, const QString &entry, bool required)
{
    element e;
    if (o.at_key(key).get(e) != simdjson::SUCCESS) {
        if (required)
            error(entry, u"missing required key \"%1\""_qs.arg(qs(key)));
        return {};
    }
    QStringList out;
    simdjson::dom::array a;
    if (e.get_array().get(a) == simdjson::SUCCESS) {
        for (element item : a) {
            std::string_view s;
            if (item.get_string().get(s) != simdjson::SUCCESS)
                break;
            out << qs(s);
        }
        if (out.size() == qsizetype(a.size()))
            return out;
    }
    error(entry, u"\"%1\" must be an array of strings"_qs.arg(qs(key)));
    return {};
}

void Loader::oneOf(const std::optional<QString> &value, const QStringList &allowed, const QString &entry, std::string_view key)
{
    if (value && !allowed.contains(*value))
        error(entry, u"\"%1\": unsupported value \"%2\" (one of %3)"_qs.arg(qs(key), *value, allowed.join(u", "_qs)));
}

void Loader::loadFile(const QString &path)
{
    m_file = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        errors << m_file + u": cannot read: "_qs + file.errorString();
        return;
    }
    const QByteArray bytes = file.readAll();
    element root;
    if (const auto err = m_parser.parse(bytes.constData(), size_t(bytes.size())).get(root)) {
        errors << m_file + u": invalid JSON: "_qs + QString::fromLatin1(simdjson::error_message(err));
        return;
    }
    object top;
    if (!checkObject(root, u"top level"_qs, top))
        return;
    checkKeys(top, {"group", "version", "kinds", "types"}, u"top level"_qs);
    const std::optional<QString> group = string(top, "group", u"top level"_qs, true);
    const std::optional<QString> version = string(top, "version", u"top level"_qs, true);
    if (!group || !version || version->isEmpty())
        return;
    m_group = *group;
    m_version = *version;
    m_prefixFile.insert(typePrefix(m_group, m_version), m_file);
    element e;
    object types;
    if (top.at_key("types").get(e) == simdjson::SUCCESS && checkObject(e, u"types"_qs, types)) {
        for (auto t : types)
            loadType(qs(t.key), t.value);
    }
    simdjson::dom::array kinds;
    if (top.at_key("kinds").get(e) == simdjson::SUCCESS) {
        if (e.get_array().get(kinds) != simdjson::SUCCESS) {
            error(u"kinds"_qs, u"expected a JSON array"_qs);
            return;
        }
        int index = 0;
        for (element k : kinds)
            loadKind(index++, k);
    }
}

void Loader::loadType(const QString &name, element spec)
{
    const QString entry = u"type "_qs + name;
    object o;
    if (!checkObject(spec, entry, o))
        return;
    if (name.count(u'.') < 2)
        error(entry, u"type names have the form <group>.<version>.<Name>"_qs);
    if (const QString other = m_typeFile.value(name); !other.isEmpty()) {
        error(entry, u"defined twice (also in %1)"_qs.arg(other));
        return;
    }
    checkKeys(o, {"description", "mapType", "fields"}, entry);
    auto type = QSharedPointer<TypeSchema>::create();
    type->name = name;
    type->description = string(o, "description", entry, false).value_or(QString());
    const std::optional<QString> mapType = string(o, "mapType", entry, false);
    oneOf(mapType, {u"atomic"_qs, u"granular"_qs}, entry, "mapType");
    type->mapType = mapType.value_or(QString());
    element e;
    object fields;
    if (o.at_key("fields").get(e) == simdjson::SUCCESS && checkObject(e, entry + u": fields"_qs, fields)) {
        QSet<int> protos;
        for (auto f : fields) {
            const QString fieldName = qs(f.key);
            if (type->field(fieldName)) {
                error(entry + u": field "_qs + fieldName, u"defined twice"_qs);
                continue;
            }
            std::optional<FieldSchema> field = loadField(entry, fieldName, f.value);
            if (!field)
                continue;
            if (field->proto > 0 && protos.contains(field->proto))
                error(entry + u": field "_qs + fieldName, u"proto number %1 used twice"_qs.arg(field->proto));
            protos.insert(field->proto);
            type->fields.append(std::move(*field));
        }
    }
    m_typeFile.insert(name, m_file);
    m_out.types.insert(name, type);
    m_mutableTypes.insert(name, type);
}

std::optional<FieldSchema> Loader::loadField(const QString &typeEntry, const QString &name, element spec)
{
    const QString entry = typeEntry + u": field "_qs + name;
    object o;
    if (!checkObject(spec, entry, o))
        return std::nullopt;
    checkKeys(o, {"type", "proto", "required", "default", "enum", "listType", "listMapKeys", "patchStrategy",
                  "patchMergeKey", "mapType", "inline", "pointer", "omitempty", "description"}, entry);
    FieldSchema f;
    f.name = name;
    const std::optional<QString> type = string(o, "type", entry, true);
    if (!type)
        return std::nullopt;
    f.type = FieldType::parse(*type);
    if (!f.type.isValid()) {
        error(entry, u"invalid type \"%1\""_qs.arg(*type));
        return std::nullopt;
    }
    f.proto = int(integer(o, "proto", entry).value_or(0));
    f.required = boolean(o, "required", entry, false).value_or(false);
    element def;
    if (o.at_key("default").get(def) == simdjson::SUCCESS)
        f.defaultValue = toJsonValue(def);
    f.enumValues = strings(o, "enum", entry, false);
    const std::optional<QString> listType = string(o, "listType", entry, false);
    oneOf(listType, {u"atomic"_qs, u"set"_qs, u"map"_qs}, entry, "listType");
    f.listType = listType.value_or(QString());
    f.listMapKeys = strings(o, "listMapKeys", entry, false);
    if (f.listType == u"map" && f.listMapKeys.isEmpty())
        error(entry, u"listType map needs listMapKeys"_qs);
    if (!f.listType.isEmpty() && f.type.shape != FieldType::Shape::List)
        error(entry, u"listType on a field that is not a list"_qs);
    const std::optional<QString> strategy = string(o, "patchStrategy", entry, false);
    oneOf(strategy, {u"merge"_qs, u"replace"_qs, u"retainKeys"_qs, u"merge,retainKeys"_qs}, entry, "patchStrategy");
    f.patchStrategy = strategy.value_or(QString());
    f.patchMergeKey = string(o, "patchMergeKey", entry, false).value_or(QString());
    const std::optional<QString> mapType = string(o, "mapType", entry, false);
    oneOf(mapType, {u"atomic"_qs, u"granular"_qs}, entry, "mapType");
    f.mapType = mapType.value_or(QString());
    f.isInline = boolean(o, "inline", entry, false).value_or(false);
    if (f.isInline && f.type.shape != FieldType::Shape::Struct)
        error(entry, u"only a struct can be inline"_qs);
    f.pointer = boolean(o, "pointer", entry, false).value_or(false);
    f.omitEmpty = boolean(o, "omitempty", entry, false).value_or(false);
    f.description = string(o, "description", entry, false).value_or(QString());
    return f;
}

std::optional<PrinterColumn> Loader::loadColumn(const QString &entry, element spec)
{
    object o;
    if (!checkObject(spec, entry, o))
        return std::nullopt;
    checkKeys(o, {"name", "type", "format", "priority", "description"}, entry);
    PrinterColumn c;
    const std::optional<QString> name = string(o, "name", entry, true);
    const std::optional<QString> type = string(o, "type", entry, true);
    oneOf(type, {u"string"_qs, u"integer"_qs, u"number"_qs, u"boolean"_qs, u"date"_qs}, entry, "type");
    if (!name || !type)
        return std::nullopt;
    c.name = *name;
    c.type = *type;
    c.format = string(o, "format", entry, false).value_or(QString());
    c.priority = int(integer(o, "priority", entry).value_or(0));
    c.description = string(o, "description", entry, false).value_or(QString());
    return c;
}

void Loader::loadKind(int index, element spec)
{
    QString entry = u"kinds[%1]"_qs.arg(index);
    object o;
    if (!checkObject(spec, entry, o))
        return;
    const std::optional<QString> kindName = string(o, "kind", entry, true);
    if (kindName)
        entry = u"kind "_qs + *kindName;
    checkKeys(o, {"kind", "plural", "singular", "namespaced", "shortNames", "categories", "verbs", "type",
                  "subresources", "printerColumns"}, entry);
    auto k = QSharedPointer<KindInfo>::create();
    k->gvk = {m_group, m_version, kindName.value_or(QString())};
    k->plural = string(o, "plural", entry, true).value_or(QString());
    k->singular = string(o, "singular", entry, true).value_or(QString());
    k->namespaced = boolean(o, "namespaced", entry, true).value_or(true);
    k->shortNames = strings(o, "shortNames", entry, false);
    k->categories = strings(o, "categories", entry, false);
    k->verbs = strings(o, "verbs", entry, true);
    k->rootType = string(o, "type", entry, true).value_or(QString());
    static const QStringList knownVerbs = {u"create"_qs, u"delete"_qs, u"deletecollection"_qs, u"get"_qs,
                                           u"list"_qs, u"patch"_qs, u"update"_qs, u"watch"_qs};
    if (o.at_key("verbs").error() == simdjson::SUCCESS && k->verbs.isEmpty())
        error(entry, u"\"verbs\" must not be empty"_qs);
    for (const QString &verb : std::as_const(k->verbs)) {
        if (!knownVerbs.contains(verb))
            error(entry, u"unknown verb \"%1\""_qs.arg(verb));
    }
    simdjson::dom::array list;
    if (o.at_key("subresources").get_array().get(list) == simdjson::SUCCESS) {
        for (element s : list) {
            QString subEntry = entry + u": subresource"_qs;
            object so;
            if (!checkObject(s, subEntry, so))
                continue;
            SubresourceInfo sub;
            sub.name = string(so, "name", subEntry, true).value_or(QString());
            subEntry += u' ' + sub.name;
            checkKeys(so, {"name", "group", "version", "kind", "verbs"}, subEntry);
            sub.verbs = strings(so, "verbs", subEntry, true);
            if (const std::optional<QString> subKind = string(so, "kind", subEntry, false))
                sub.kind = {string(so, "group", subEntry, false).value_or(m_group),
                            string(so, "version", subEntry, false).value_or(m_version), *subKind};
            k->subresources.append(sub);
        }
    }
    if (o.at_key("printerColumns").get_array().get(list) == simdjson::SUCCESS) {
        int i = 0;
        for (element c : list) {
            const QString colEntry = entry + u": printerColumns[%1]"_qs.arg(i++);
            std::optional<PrinterColumn> column = loadColumn(colEntry, c);
            if (!column)
                continue;
            for (const PrinterColumn &other : std::as_const(k->printerColumns)) {
                if (other.name == column->name)
                    error(colEntry, u"column \"%1\" defined twice"_qs.arg(column->name));
            }
            k->printerColumns.append(*column);
        }
    }
    if (k->gvk.kind.isEmpty() || k->plural.isEmpty() || k->rootType.isEmpty())
        return;
    if (const QString other = m_kindFile.value(k->gvk); !other.isEmpty()) {
        error(entry, u"duplicate kind %1 (also in %2)"_qs.arg(k->gvk.toString(), other));
        return;
    }
    if (const QString other = m_resourceFile.value(k->gvr()); !other.isEmpty()) {
        error(entry, u"duplicate resource %1/%2 (also in %3)"_qs.arg(k->gvr().groupResource(), m_version, other));
        return;
    }
    m_kindFile.insert(k->gvk, m_file);
    m_resourceFile.insert(k->gvr(), m_file);
    m_out.insertKind(k);
}

// What JSON shows of a type: its own fields, with inline members replaced by their fields.
QList<FieldSchema> Loader::jsonFieldsOf(const QString &typeName, int depth) const
{
    const QSharedPointer<TypeSchema> type = m_mutableTypes.value(typeName);
    if (!type || depth > 8) // depth: inline cycles are reported by finish()
        return {};
    QList<FieldSchema> out;
    for (const FieldSchema &f : std::as_const(type->fields)) {
        if (f.isInline)
            out += jsonFieldsOf(f.type.name, depth + 1);
        else
            out.append(f);
    }
    return out;
}

void Loader::finish()
{
    for (const QSharedPointer<TypeSchema> &type : std::as_const(m_mutableTypes)) {
        m_file = m_typeFile.value(type->name);
        // A type lives in its group-version's file; groups without a file (types used by
        // another group only) may be written where they are used.
        const QString home = m_prefixFile.value(type->name.section(u'.', 0, 1) + u'.');
        if (!home.isEmpty() && home != m_file)
            error(u"type "_qs + type->name, u"belongs in %1"_qs.arg(home));
        for (const FieldSchema &f : std::as_const(type->fields)) {
            const QString entry = u"type %1: field %2"_qs.arg(type->name, f.name);
            const FieldType &inner = f.type.innermost();
            if (inner.shape == FieldType::Shape::Struct && !m_out.types.contains(inner.name))
                error(entry, u"undefined type %1"_qs.arg(inner.name));
            if (!f.isInline)
                continue;
            const QList<FieldSchema> inlined = jsonFieldsOf(f.type.name, 1);
            for (const FieldSchema &g : inlined) {
                if (type->field(g.name) || std::any_of(type->inlinedFields.cbegin(), type->inlinedFields.cend(),
                                                       [&](const FieldSchema &h) { return h.name == g.name; }))
                    error(entry, u"inline field %1 clashes with another field of the same JSON name"_qs.arg(g.name));
            }
            type->inlinedFields += inlined;
        }
    }
    for (const KindInfoPtr &k : std::as_const(m_out.kinds)) {
        m_file = m_kindFile.value(k->gvk);
        const QString entry = u"kind "_qs + k->gvk.kind;
        const TypeSchemaPtr root = m_out.types.value(k->rootType);
        if (!root) {
            error(entry, u"undefined type %1"_qs.arg(k->rootType));
            continue;
        }
        for (const QString &required : {u"apiVersion"_qs, u"kind"_qs, u"metadata"_qs}) {
            if (!root->field(required))
                error(entry, u"root type %1 lacks the field %2"_qs.arg(k->rootType, required));
        }
        for (const SubresourceInfo &s : k->subresources) {
            if (s.kind.isEmpty())
                continue;
            const QString typeName = typePrefix(s.kind.group, s.kind.version) + s.kind.kind;
            if (!m_out.types.contains(typeName))
                error(entry + u": subresource "_qs + s.name, u"undefined type %1"_qs.arg(typeName));
        }
    }
    m_out.sortKinds();
}

} // namespace

// ---- TypeRegistry ------------------------------------------------------------------------

TypeRegistry::TypeRegistry() : d(std::make_unique<Private>()) {}
TypeRegistry::~TypeRegistry() = default;

QStringList TypeRegistry::builtinSchemaFiles()
{
    const QString dir = u":/timonel/schema"_qs;
    QStringList files;
    const QStringList names = QDir(dir).entryList({u"*.json"_qs}, QDir::Files, QDir::Name);
    for (const QString &name : names)
        files << dir + u'/' + name;
    return files;
}

const TypeRegistry &TypeRegistry::builtin()
{
    static const std::unique_ptr<TypeRegistry> registry = [] {
        auto r = std::make_unique<TypeRegistry>();
        Loader loader(*r->d);
        const QStringList files = builtinSchemaFiles();
        for (const QString &file : files)
            loader.loadFile(file);
        loader.finish();
        if (files.isEmpty())
            qCCritical(lcRegistry, "no built-in schema files under :/timonel/schema");
        for (const QString &e : std::as_const(loader.errors))
            qCCritical(lcRegistry, "built-in schema: %s", qPrintable(e));
        return r;
    }();
    return *registry;
}

Expected<std::unique_ptr<TypeRegistry>> TypeRegistry::load(const QStringList &files)
{
    auto r = std::make_unique<TypeRegistry>();
    Loader loader(*r->d);
    for (const QString &file : files)
        loader.loadFile(file);
    loader.finish();
    if (loader.errors.isEmpty())
        return r;
    Status s = Status::internalError(u"invalid schema files (%1 problems):\n"_qs.arg(loader.errors.size())
                                     + loader.errors.join(u'\n'));
    for (const QString &e : std::as_const(loader.errors))
        s.addCause({u"FieldValueInvalid"_qs, e, QString()});
    return s;
}

std::unique_ptr<TypeRegistry> TypeRegistry::clone() const
{
    auto r = std::make_unique<TypeRegistry>();
    QReadLocker lock(&m_lock);
    *r->d = *d;
    return r;
}

QList<KindInfoPtr> TypeRegistry::kinds() const
{
    QReadLocker lock(&m_lock);
    return d->kinds;
}

QList<GroupVersion> TypeRegistry::groupVersions() const
{
    QReadLocker lock(&m_lock);
    QList<GroupVersion> out;
    for (const KindInfoPtr &k : std::as_const(d->kinds)) {
        const GroupVersion gv = k->gvk.groupVersion();
        if (!out.contains(gv))
            out.append(gv); // kinds are already in group priority and version order
    }
    return out;
}

KindInfoPtr TypeRegistry::kind(const GroupVersionKind &gvk) const
{
    QReadLocker lock(&m_lock);
    return d->byKind.value(gvk);
}

KindInfoPtr TypeRegistry::resource(const GroupVersionResource &gvr) const
{
    QReadLocker lock(&m_lock);
    return d->byResource.value(gvr);
}

QList<KindInfoPtr> TypeRegistry::resolve(QStringView name) const
{
    const QString text = name.trimmed().toString().toLower();
    if (text.isEmpty())
        return {};
    struct Query {
        QString resource;
        std::optional<QString> group;   // nullopt: any group
        std::optional<QString> version; // nullopt: the preferred one
    };
    QList<Query> queries;
    const qsizetype dot = text.indexOf(u'.');
    if (dot < 0) {
        queries.append({text, std::nullopt, std::nullopt});
    } else {
        // As kubectl's ParseResourceArg: "a.b.c" is first resource a, version b, group c; then
        // resource a in group "b.c".
        const QString resource = text.left(dot), rest = text.mid(dot + 1);
        const qsizetype dot2 = rest.indexOf(u'.');
        if (dot2 > 0)
            queries.append({resource, rest.mid(dot2 + 1), rest.left(dot2)});
        queries.append({resource, rest, std::nullopt});
    }
    QReadLocker lock(&m_lock);
    for (const Query &q : std::as_const(queries)) {
        QList<KindInfoPtr> out; // d->kinds is in group priority, preferred version first
        for (const KindInfoPtr &k : std::as_const(d->kinds)) {
            if (q.group && k->gvk.group != *q.group)
                continue;
            if (q.version && k->gvk.version != *q.version)
                continue;
            const bool matches = k->plural == q.resource || k->singular == q.resource
                || k->shortNames.contains(q.resource) || k->gvk.kind.toLower() == q.resource;
            if (!matches)
                continue;
            const bool groupTaken = std::any_of(out.cbegin(), out.cend(),
                                                [&](const KindInfoPtr &o) { return o->gvk.group == k->gvk.group; });
            if (!groupTaken)
                out.append(k);
        }
        if (!out.isEmpty())
            return out;
    }
    return {};
}

TypeSchemaPtr TypeRegistry::type(QStringView typeName) const
{
    QReadLocker lock(&m_lock);
    return d->types.value(typeName.toString());
}

TypeSchemaPtr TypeRegistry::rootType(const GroupVersionKind &gvk) const
{
    QReadLocker lock(&m_lock);
    const KindInfoPtr k = d->byKind.value(gvk);
    return k ? d->types.value(k->rootType) : TypeSchemaPtr();
}

std::optional<FieldSchema> TypeRegistry::fieldAt(const GroupVersionKind &gvk, QStringView dottedPath) const
{
    if (dottedPath.isEmpty())
        return std::nullopt;
    QReadLocker lock(&m_lock);
    const KindInfoPtr k = d->byKind.value(gvk);
    TypeSchemaPtr type = k ? d->types.value(k->rootType) : TypeSchemaPtr();
    const QList<QStringView> segments = dottedPath.split(u'.');
    for (qsizetype i = 0; i < segments.size(); ++i) {
        if (!type)
            return std::nullopt;
        QStringView segment = segments.at(i);
        if (const qsizetype bracket = segment.indexOf(u'['); bracket >= 0)
            segment = segment.left(bracket);
        const FieldSchema *f = type->field(segment);
        if (!f)
            return std::nullopt;
        if (i == segments.size() - 1)
            return *f;
        const FieldType &inner = f->type.innermost();
        if (inner.shape != FieldType::Shape::Struct)
            return std::nullopt;
        type = d->types.value(inner.name);
    }
    return std::nullopt;
}

Status TypeRegistry::addCustomResource(const Object &crd)
{
    Expected<CrdSchema> schema = CrdSchema::fromObject(crd);
    if (!schema)
        return schema.error();
    QWriteLocker lock(&m_lock);
    QList<StatusCause> causes;
    const QString &crdName = schema->name;
    auto ownedElsewhere = [&](const KindInfoPtr &k) { return !k->isCustom || d->kindOwner.value(k->gvk) != crdName; };
    for (const KindInfoPtr &k : std::as_const(schema->kinds)) {
        for (const KindInfoPtr &other : std::as_const(d->kinds)) {
            if (other->gvk.group != k->gvk.group || !ownedElsewhere(other))
                continue;
            if (other->gvk.kind == k->gvk.kind)
                causes.append({u"FieldValueInvalid"_qs, u"Invalid value: \"%1\": kind is already in use by %2"_qs.arg(k->gvk.kind, other->gvr().groupResource()), u"spec.names.kind"_qs});
            if (other->plural == k->plural)
                causes.append({u"FieldValueInvalid"_qs, u"Invalid value: \"%1\": resource is already served by %2"_qs.arg(k->plural, other->gvk.toString()), u"spec.names.plural"_qs});
        }
    }
    const auto owned = d->custom.value(crdName).types;
    for (const TypeSchemaPtr &t : std::as_const(schema->types)) {
        if (d->types.contains(t->name) && !owned.contains(t->name))
            causes.append({u"FieldValueInvalid"_qs, u"Invalid value: \"%1\": type name is already in use"_qs.arg(t->name), u"spec.names.kind"_qs});
    }
    if (!causes.isEmpty()) {
        causes.erase(std::unique(causes.begin(), causes.end()), causes.end());
        return Status::invalid(u"apiextensions.k8s.io"_qs, u"CustomResourceDefinition"_qs, crdName, causes);
    }
    d->removeCustom(crdName);
    Private::Custom &entry = d->custom[crdName];
    for (const TypeSchemaPtr &t : std::as_const(schema->types)) {
        d->types.insert(t->name, t);
        entry.types.append(t->name);
    }
    for (const KindInfoPtr &k : std::as_const(schema->kinds)) {
        d->insertKind(k);
        d->kindOwner.insert(k->gvk, crdName);
        entry.kinds.append(k->gvk);
    }
    d->sortKinds();
    ++d->generation;
    return {};
}

void TypeRegistry::removeCustomResource(const QString &crdName)
{
    QWriteLocker lock(&m_lock);
    if (!d->custom.contains(crdName))
        return;
    d->removeCustom(crdName);
    ++d->generation;
}

QStringList TypeRegistry::customResourceNames() const
{
    QReadLocker lock(&m_lock);
    QStringList names = d->custom.keys();
    names.sort();
    return names;
}

quint64 TypeRegistry::generation() const
{
    QReadLocker lock(&m_lock);
    return d->generation;
}

} // namespace kube
