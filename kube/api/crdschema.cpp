#include "crdschema.h"

#include "namevalidation.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <simdjson.h>

namespace kube {

namespace {

using simdjson::dom::array;
using simdjson::dom::element;
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

// How upstream's field errors print a value: strings quoted, the rest as JSON.
QString printable(const QString &s)
{
    return u'"' + s + u'"';
}

QString quotedList(const QStringList &values)
{
    QStringList quoted;
    for (const QString &v : values)
        quoted << printable(v);
    return quoted.join(u", "_qs);
}

// Upstream checks CRD names with IsDNS1123Label; its first message (empty when valid) is the cause.
QString labelProblem(const QString &s)
{
    return validation::isDNS1123Label(s).value(0);
}

// Collects field errors in upstream's wording (apimachinery's field.Error).
struct Causes {
    QList<StatusCause> list;

    void required(const QString &field, const QString &detail = {})
    {
        list.append({u"FieldValueRequired"_qs, detail.isEmpty() ? u"Required value"_qs : u"Required value: "_qs + detail, field});
    }
    void invalid(const QString &field, const QString &value, const QString &detail)
    {
        list.append({u"FieldValueInvalid"_qs, u"Invalid value: %1: %2"_qs.arg(value, detail), field});
    }
    void unsupported(const QString &field, const QString &value, const QStringList &supported)
    {
        list.append({u"FieldValueNotSupported"_qs,
                     u"Unsupported value: %1: supported values: %2"_qs.arg(printable(value), quotedList(supported)), field});
    }
    void forbidden(const QString &field, const QString &detail)
    {
        list.append({u"FieldValueForbidden"_qs, u"Forbidden: "_qs + detail, field});
    }
    void duplicate(const QString &field, const QString &value)
    {
        list.append({u"FieldValueDuplicate"_qs, u"Duplicate value: "_qs + printable(value), field});
    }
};

// Typed reads that record a cause when a key holds the wrong JSON type.
struct Reader {
    Causes &causes;

    std::optional<QString> string(object o, std::string_view key, const QString &field)
    {
        element e;
        if (o.at_key(key).get(e) != simdjson::SUCCESS || e.is_null())
            return std::nullopt;
        std::string_view s;
        if (e.get_string().get(s) == simdjson::SUCCESS)
            return qs(s);
        causes.invalid(field, QString::fromStdString(simdjson::minify(e)), u"must be a string"_qs);
        return std::nullopt;
    }
    bool boolean(object o, std::string_view key, const QString &field)
    {
        element e;
        if (o.at_key(key).get(e) != simdjson::SUCCESS || e.is_null())
            return false;
        bool b = false;
        if (e.get_bool().get(b) != simdjson::SUCCESS)
            causes.invalid(field, QString::fromStdString(simdjson::minify(e)), u"must be a boolean"_qs);
        return b;
    }
    QStringList strings(object o, std::string_view key, const QString &field)
    {
        QStringList out;
        array a;
        element e;
        if (o.at_key(key).get(e) != simdjson::SUCCESS || e.is_null())
            return out;
        if (e.get_array().get(a) != simdjson::SUCCESS) {
            causes.invalid(field, QString::fromStdString(simdjson::minify(e)), u"must be an array of strings"_qs);
            return out;
        }
        int i = 0;
        for (element item : a) {
            std::string_view s;
            if (item.get_string().get(s) == simdjson::SUCCESS)
                out << qs(s);
            else
                causes.invalid(u"%1[%2]"_qs.arg(field).arg(i), QString::fromStdString(simdjson::minify(item)), u"must be a string"_qs);
            ++i;
        }
        return out;
    }
    bool child(object o, std::string_view key, const QString &field, object &out)
    {
        element e;
        if (o.at_key(key).get(e) != simdjson::SUCCESS || e.is_null())
            return false;
        if (e.get_object().get(out) == simdjson::SUCCESS)
            return true;
        causes.invalid(field, QString::fromStdString(simdjson::minify(e)), u"must be an object"_qs);
        return false;
    }
};

// Converts one version's openAPIV3Schema (a structural schema) into TypeSchemas.
class SchemaConverter
{
public:
    SchemaConverter(Causes &causes, QList<TypeSchemaPtr> &types) : m_causes(causes), m_read{causes}, m_types(types) {}

    void convertRoot(element schema, const QString &typeName, const QString &path)
    {
        object o;
        if (schema.get_object().get(o) != simdjson::SUCCESS) {
            m_causes.invalid(path, QString::fromStdString(simdjson::minify(schema)), u"must be an object"_qs);
            return;
        }
        const std::optional<QString> type = m_read.string(o, "type", path + u".type"_qs);
        if (!type || type->isEmpty()) {
            m_causes.required(path + u".type"_qs, u"must not be empty at the root"_qs);
            return;
        }
        if (*type != u"object") {
            m_causes.invalid(path + u".type"_qs, printable(*type), u"must be object at the root"_qs);
            return;
        }
        convertStruct(o, typeName, path, true);
    }

private:
    FieldType convertType(element schema, const QString &typeName, const QString &path);
    void convertStruct(object o, const QString &typeName, const QString &path, bool objectMeta);
    FieldSchema convertField(const QString &name, element schema, const QString &typeName, const QString &path);

    Causes &m_causes;
    Reader m_read;
    QList<TypeSchemaPtr> &m_types;
};

FieldType scalar(const QString &name)
{
    FieldType t;
    t.name = name;
    return t;
}

FieldSchema plainField(const QString &name, QStringView type)
{
    FieldSchema f;
    f.name = name;
    f.type = FieldType::parse(type);
    return f;
}

FieldType wrap(FieldType::Shape shape, FieldType elem)
{
    FieldType t;
    t.shape = shape;
    t.elem = std::make_shared<const FieldType>(std::move(elem));
    return t;
}

FieldType SchemaConverter::convertType(element schema, const QString &typeName, const QString &path)
{
    object o;
    if (schema.get_object().get(o) != simdjson::SUCCESS) {
        m_causes.invalid(path, QString::fromStdString(simdjson::minify(schema)), u"must be an object"_qs);
        return scalar(u"any"_qs);
    }
    const bool intOrString = m_read.boolean(o, "x-kubernetes-int-or-string", path + u".x-kubernetes-int-or-string"_qs);
    const bool preserve = m_read.boolean(o, "x-kubernetes-preserve-unknown-fields", path + u".x-kubernetes-preserve-unknown-fields"_qs);
    const bool embedded = m_read.boolean(o, "x-kubernetes-embedded-resource", path + u".x-kubernetes-embedded-resource"_qs);
    const bool hasProperties = o.at_key("properties").error() == simdjson::SUCCESS;
    const QString type = m_read.string(o, "type", path + u".type"_qs).value_or(QString());
    if (intOrString)
        return scalar(u"IntOrString"_qs);
    if (type.isEmpty()) {
        if (!preserve || hasProperties)
            m_causes.required(path + u".type"_qs, u"must not be empty for specified object fields"_qs);
        return scalar(u"any"_qs);
    }
    if (type == u"string") {
        const QString format = m_read.string(o, "format", path + u".format"_qs).value_or(QString());
        return scalar(format == u"byte" ? u"bytes"_qs : u"string"_qs);
    }
    if (type == u"integer") {
        const QString format = m_read.string(o, "format", path + u".format"_qs).value_or(QString());
        return scalar(format == u"int32" ? u"int32"_qs : u"int64"_qs);
    }
    if (type == u"number")
        return scalar(u"double"_qs);
    if (type == u"boolean")
        return scalar(u"boolean"_qs);
    if (type == u"array") {
        element items;
        if (o.at_key("items").get(items) != simdjson::SUCCESS) {
            m_causes.required(path + u".items"_qs, u"must be specified"_qs);
            return wrap(FieldType::Shape::List, scalar(u"any"_qs));
        }
        return wrap(FieldType::Shape::List, convertType(items, typeName, path + u".items"_qs));
    }
    if (type != u"object") {
        m_causes.unsupported(path + u".type"_qs, type, {u"array"_qs, u"boolean"_qs, u"integer"_qs, u"number"_qs, u"object"_qs, u"string"_qs});
        return scalar(u"any"_qs);
    }
    element additional;
    if (o.at_key("additionalProperties").get(additional) == simdjson::SUCCESS) {
        const QString addPath = path + u".additionalProperties"_qs;
        if (hasProperties)
            m_causes.forbidden(addPath, u"additionalProperties and properties are mutual exclusive"_qs);
        bool allowed = false;
        if (additional.get_bool().get(allowed) == simdjson::SUCCESS) {
            if (!allowed)
                m_causes.forbidden(addPath, u"additionalProperties: false is not allowed in a structural schema"_qs);
            return wrap(FieldType::Shape::Map, scalar(u"any"_qs));
        }
        return wrap(FieldType::Shape::Map, convertType(additional, typeName, addPath));
    }
    if (!hasProperties && preserve)
        return scalar(u"any"_qs);
    if (!hasProperties && embedded)
        return scalar(u"RawExtension"_qs);
    convertStruct(o, typeName, path, embedded);
    FieldType t;
    t.shape = FieldType::Shape::Struct;
    t.name = typeName;
    return t;
}

void SchemaConverter::convertStruct(object o, const QString &typeName, const QString &path, bool objectMeta)
{
    auto type = QSharedPointer<TypeSchema>::create();
    const qsizetype slot = m_types.size(); // parents before children
    m_types.append(type);
    type->name = typeName;
    type->description = m_read.string(o, "description", path + u".description"_qs).value_or(QString());
    type->preserveUnknownFields = m_read.boolean(o, "x-kubernetes-preserve-unknown-fields", path + u".x-kubernetes-preserve-unknown-fields"_qs);
    const std::optional<QString> mapType = m_read.string(o, "x-kubernetes-map-type", path + u".x-kubernetes-map-type"_qs);
    if (mapType && *mapType != u"atomic" && *mapType != u"granular")
        m_causes.unsupported(path + u".x-kubernetes-map-type"_qs, *mapType, {u"atomic"_qs, u"granular"_qs});
    type->mapType = mapType.value_or(QString());
    if (objectMeta) {
        // Every object has these whatever the schema says; metadata is always ObjectMeta.
        type->fields << plainField(u"apiVersion"_qs, u"string") << plainField(u"kind"_qs, u"string")
                     << plainField(u"metadata"_qs, u"meta.v1.ObjectMeta");
    }
    const QStringList required = m_read.strings(o, "required", path + u".required"_qs);
    object properties;
    if (m_read.child(o, "properties", path + u".properties"_qs, properties)) {
        for (auto p : properties) {
            const QString name = qs(p.key);
            if (objectMeta && type->field(name))
                continue;
            FieldSchema f = convertField(name, p.value, typeName + u'.' + name, path + u".properties["_qs + name + u']');
            f.required = required.contains(name);
            type->fields.append(std::move(f));
        }
    }
    m_types[slot] = type;
}

FieldSchema SchemaConverter::convertField(const QString &name, element schema, const QString &typeName, const QString &path)
{
    FieldSchema f;
    f.name = name;
    f.type = convertType(schema, typeName, path);
    object o;
    if (schema.get_object().get(o) != simdjson::SUCCESS)
        return f;
    f.description = m_read.string(o, "description", path + u".description"_qs).value_or(QString());
    element e;
    if (o.at_key("default").get(e) == simdjson::SUCCESS)
        f.defaultValue = toJsonValue(e);
    array values;
    if (o.at_key("enum").get_array().get(values) == simdjson::SUCCESS) {
        for (element v : values) {
            std::string_view s;
            f.enumValues << (v.get_string().get(s) == simdjson::SUCCESS ? qs(s) : QString::fromStdString(simdjson::minify(v)));
        }
    }
    const std::optional<QString> listType = m_read.string(o, "x-kubernetes-list-type", path + u".x-kubernetes-list-type"_qs);
    if (listType) {
        if (*listType != u"atomic" && *listType != u"set" && *listType != u"map")
            m_causes.unsupported(path + u".x-kubernetes-list-type"_qs, *listType, {u"atomic"_qs, u"map"_qs, u"set"_qs});
        else if (f.type.shape != FieldType::Shape::List)
            m_causes.invalid(path + u".x-kubernetes-list-type"_qs, printable(*listType), u"must only be used if type is array"_qs);
        f.listType = *listType;
    }
    f.listMapKeys = m_read.strings(o, "x-kubernetes-list-map-keys", path + u".x-kubernetes-list-map-keys"_qs);
    if (f.listType == u"map" && f.listMapKeys.isEmpty())
        m_causes.required(path + u".x-kubernetes-list-map-keys"_qs, u"must not be empty if x-kubernetes-list-type is map"_qs);
    if (f.type.shape == FieldType::Shape::Map)
        f.mapType = m_read.string(o, "x-kubernetes-map-type", path + u".x-kubernetes-map-type"_qs).value_or(QString());
    return f;
}

QList<PrinterColumn> readColumns(Reader &read, Causes &causes, object version, const QString &path)
{
    const QString nameDescription = u"The object's name, unique within its namespace (or the cluster for cluster-scoped kinds)."_qs;
    QList<PrinterColumn> columns = {{u"Name"_qs, u"string"_qs, u"name"_qs, 0, nameDescription, u".metadata.name"_qs}};
    array list;
    if (version.at_key("additionalPrinterColumns").get_array().get(list) != simdjson::SUCCESS || list.size() == 0) {
        columns.append({u"Age"_qs, u"date"_qs, QString(), 0, u"Time elapsed since the object was created."_qs,
                        u".metadata.creationTimestamp"_qs});
        return columns;
    }
    static const QStringList types = {u"boolean"_qs, u"date"_qs, u"integer"_qs, u"number"_qs, u"string"_qs};
    static const QStringList formats = {u"byte"_qs, u"date"_qs, u"date-time"_qs, u"double"_qs, u"float"_qs,
                                        u"int32"_qs, u"int64"_qs, u"password"_qs};
    int i = 0;
    for (element e : list) {
        const QString colPath = u"%1.additionalPrinterColumns[%2]"_qs.arg(path).arg(i++);
        object o;
        if (e.get_object().get(o) != simdjson::SUCCESS) {
            causes.invalid(colPath, QString::fromStdString(simdjson::minify(e)), u"must be an object"_qs);
            continue;
        }
        PrinterColumn c;
        c.name = read.string(o, "name", colPath + u".name"_qs).value_or(QString());
        c.type = read.string(o, "type", colPath + u".type"_qs).value_or(QString());
        c.format = read.string(o, "format", colPath + u".format"_qs).value_or(QString());
        c.jsonPath = read.string(o, "jsonPath", colPath + u".jsonPath"_qs).value_or(QString());
        c.description = read.string(o, "description", colPath + u".description"_qs).value_or(QString());
        int64_t priority = 0;
        if (o.at_key("priority").get_int64().get(priority) == simdjson::SUCCESS && priority < 0)
            causes.invalid(colPath + u".priority"_qs, QString::number(priority), u"must be greater than or equal to 0"_qs);
        c.priority = int(priority);
        if (c.name.isEmpty())
            causes.required(colPath + u".name"_qs);
        if (c.type.isEmpty())
            causes.required(colPath + u".type"_qs);
        else if (!types.contains(c.type))
            causes.unsupported(colPath + u".type"_qs, c.type, types);
        if (!c.format.isEmpty() && !formats.contains(c.format))
            causes.unsupported(colPath + u".format"_qs, c.format, formats);
        if (c.jsonPath.isEmpty())
            causes.required(colPath + u".jsonPath"_qs);
        columns.append(c);
    }
    return columns;
}

QList<SubresourceInfo> readSubresources(Reader &read, Causes &causes, object version, const QString &path)
{
    QList<SubresourceInfo> out;
    object subresources;
    if (!read.child(version, "subresources", path + u".subresources"_qs, subresources))
        return out;
    const QStringList verbs = {u"get"_qs, u"patch"_qs, u"update"_qs};
    object o;
    if (read.child(subresources, "status", path + u".subresources.status"_qs, o))
        out.append({u"status"_qs, {}, verbs, {}, {}, {}});
    const QString scalePath = path + u".subresources.scale"_qs;
    if (!read.child(subresources, "scale", scalePath, o))
        return out;
    SubresourceInfo scale{u"scale"_qs, {u"autoscaling"_qs, u"v1"_qs, u"Scale"_qs}, verbs, {}, {}, {}};
    scale.specReplicasPath = read.string(o, "specReplicasPath", scalePath + u".specReplicasPath"_qs).value_or(QString());
    scale.statusReplicasPath = read.string(o, "statusReplicasPath", scalePath + u".statusReplicasPath"_qs).value_or(QString());
    scale.labelSelectorPath = read.string(o, "labelSelectorPath", scalePath + u".labelSelectorPath"_qs).value_or(QString());
    if (scale.specReplicasPath.isEmpty())
        causes.required(scalePath + u".specReplicasPath"_qs);
    else if (!scale.specReplicasPath.startsWith(u".spec."))
        causes.invalid(scalePath + u".specReplicasPath"_qs, printable(scale.specReplicasPath), u"should be a json path under .spec"_qs);
    if (scale.statusReplicasPath.isEmpty())
        causes.required(scalePath + u".statusReplicasPath"_qs);
    else if (!scale.statusReplicasPath.startsWith(u".status."))
        causes.invalid(scalePath + u".statusReplicasPath"_qs, printable(scale.statusReplicasPath), u"should be a json path under .status"_qs);
    const QString &selector = scale.labelSelectorPath;
    if (!selector.isEmpty() && !selector.startsWith(u".spec.") && !selector.startsWith(u".status."))
        causes.invalid(scalePath + u".labelSelectorPath"_qs, printable(selector), u"should be a json path under either .spec or .status"_qs);
    out.append(scale);
    return out;
}

} // namespace

Expected<CrdSchema> CrdSchema::fromObject(const Object &crd)
{
    if (crd.isNull())
        return Status::badRequest(u"a CustomResourceDefinition is required"_qs);
    return fromJson(crd.json());
}

Expected<CrdSchema> CrdSchema::fromJson(QByteArrayView json)
{
    thread_local simdjson::dom::parser parser;
    element root;
    if (const auto err = parser.parse(json.data(), size_t(json.size())).get(root))
        return Status::badRequest(u"invalid CustomResourceDefinition JSON: "_qs + QString::fromLatin1(simdjson::error_message(err)));
    object o;
    if (root.get_object().get(o) != simdjson::SUCCESS)
        return Status::badRequest(u"a CustomResourceDefinition must be a JSON object"_qs);
    Causes causes;
    Reader read{causes};
    const QString apiVersion = read.string(o, "apiVersion", u"apiVersion"_qs).value_or(QString());
    const QString kind = read.string(o, "kind", u"kind"_qs).value_or(QString());
    if (apiVersion != u"apiextensions.k8s.io/v1" || kind != u"CustomResourceDefinition")
        return Status::badRequest(u"expected apiextensions.k8s.io/v1 CustomResourceDefinition, got %1 %2"_qs.arg(apiVersion, kind));

    CrdSchema out;
    object metadata, spec, names;
    if (read.child(o, "metadata", u"metadata"_qs, metadata))
        out.name = read.string(metadata, "name", u"metadata.name"_qs).value_or(QString());
    if (!read.child(o, "spec", u"spec"_qs, spec)) {
        causes.required(u"spec"_qs);
        return Status::invalid(u"apiextensions.k8s.io"_qs, u"CustomResourceDefinition"_qs, out.name, causes.list);
    }
    out.group = read.string(spec, "group", u"spec.group"_qs).value_or(QString());
    if (out.group.isEmpty())
        causes.required(u"spec.group"_qs);
    else if (!out.group.contains(u'.'))
        causes.invalid(u"spec.group"_qs, printable(out.group), u"should be a domain with at least one dot"_qs);

    QString plural, singular, kindName, listKind;
    QStringList shortNames, categories;
    if (read.child(spec, "names", u"spec.names"_qs, names)) {
        plural = read.string(names, "plural", u"spec.names.plural"_qs).value_or(QString());
        kindName = read.string(names, "kind", u"spec.names.kind"_qs).value_or(QString());
        singular = read.string(names, "singular", u"spec.names.singular"_qs).value_or(kindName.toLower());
        listKind = read.string(names, "listKind", u"spec.names.listKind"_qs).value_or(kindName + u"List"_qs);
        shortNames = read.strings(names, "shortNames", u"spec.names.shortNames"_qs);
        categories = read.strings(names, "categories", u"spec.names.categories"_qs);
    }
    if (plural.isEmpty())
        causes.required(u"spec.names.plural"_qs);
    else if (const QString problem = labelProblem(plural); !problem.isEmpty())
        causes.invalid(u"spec.names.plural"_qs, printable(plural), problem);
    if (const QString problem = singular.isEmpty() ? QString() : labelProblem(singular); !problem.isEmpty())
        causes.invalid(u"spec.names.singular"_qs, printable(singular), problem);
    if (kindName.isEmpty())
        causes.required(u"spec.names.kind"_qs);
    else if (!labelProblem(kindName.toLower()).isEmpty())
        causes.invalid(u"spec.names.kind"_qs, printable(kindName), u"may have mixed case, but should otherwise match: [a-z0-9]([-a-z0-9]*[a-z0-9])?"_qs);
    if (!kindName.isEmpty() && listKind == kindName)
        causes.invalid(u"spec.names.listKind"_qs, printable(listKind), u"kind and listKind may not be the same"_qs);
    for (qsizetype i = 0; i < shortNames.size(); ++i) {
        if (const QString problem = labelProblem(shortNames.at(i)); !problem.isEmpty())
            causes.invalid(u"spec.names.shortNames[%1]"_qs.arg(i), printable(shortNames.at(i)), problem);
    }
    if (!plural.isEmpty() && !out.group.isEmpty() && out.name != plural + u'.' + out.group)
        causes.invalid(u"metadata.name"_qs, printable(out.name), u"must be spec.names.plural+\".\"+spec.group"_qs);

    const std::optional<QString> scope = read.string(spec, "scope", u"spec.scope"_qs);
    if (!scope || scope->isEmpty())
        causes.required(u"spec.scope"_qs);
    else if (*scope != u"Namespaced" && *scope != u"Cluster")
        causes.unsupported(u"spec.scope"_qs, *scope, {u"Cluster"_qs, u"Namespaced"_qs});
    if (read.boolean(spec, "preserveUnknownFields", u"spec.preserveUnknownFields"_qs))
        causes.invalid(u"spec.preserveUnknownFields"_qs, u"true"_qs, u"must be false"_qs);

    array versions;
    if (spec.at_key("versions").get_array().get(versions) != simdjson::SUCCESS || versions.size() == 0) {
        causes.required(u"spec.versions"_qs, u"must have exactly one version marked as storage version"_qs);
        return Status::invalid(u"apiextensions.k8s.io"_qs, u"CustomResourceDefinition"_qs, out.name, causes.list);
    }
    QStringList seen;
    int storageCount = 0;
    int i = 0;
    for (element v : versions) {
        const QString path = u"spec.versions[%1]"_qs.arg(i++);
        object version;
        if (v.get_object().get(version) != simdjson::SUCCESS) {
            causes.invalid(path, QString::fromStdString(simdjson::minify(v)), u"must be an object"_qs);
            continue;
        }
        const QString name = read.string(version, "name", path + u".name"_qs).value_or(QString());
        if (name.isEmpty())
            causes.required(path + u".name"_qs);
        else if (const QString problem = labelProblem(name); !problem.isEmpty())
            causes.invalid(path + u".name"_qs, printable(name), problem);
        else if (seen.contains(name))
            causes.duplicate(path + u".name"_qs, name);
        seen << name;
        const bool served = read.boolean(version, "served", path + u".served"_qs);
        if (read.boolean(version, "storage", path + u".storage"_qs)) {
            ++storageCount;
            out.storageVersion = name;
        }
        const QString rootType = out.group + u'.' + name + u'.' + kindName;
        QList<TypeSchemaPtr> types;
        object schema;
        element openAPI;
        const QString schemaPath = path + u".schema.openAPIV3Schema"_qs;
        if (!read.child(version, "schema", path + u".schema"_qs, schema) || schema.at_key("openAPIV3Schema").get(openAPI) != simdjson::SUCCESS)
            causes.required(schemaPath, u"schemas are required"_qs);
        else
            SchemaConverter(causes, types).convertRoot(openAPI, rootType, schemaPath);
        auto info = QSharedPointer<KindInfo>::create();
        info->gvk = {out.group, name, kindName};
        info->plural = plural;
        info->singular = singular;
        info->namespaced = scope.value_or(QString()) != u"Cluster";
        info->shortNames = shortNames;
        info->categories = categories;
        info->verbs = QStringList{u"create"_qs, u"delete"_qs, u"deletecollection"_qs, u"get"_qs, u"list"_qs,
                                  u"patch"_qs, u"update"_qs, u"watch"_qs};
        info->subresources = readSubresources(read, causes, version, path);
        info->printerColumns = readColumns(read, causes, version, path);
        info->rootType = rootType;
        info->isCustom = true;
        if (listKind != kindName + u"List"_qs)
            info->customListKind = listKind;
        if (!served)
            continue;
        out.kinds.append(info);
        out.types.append(types);
    }
    if (storageCount != 1)
        causes.invalid(u"spec.versions"_qs, u"%1 storage versions"_qs.arg(storageCount), u"must have exactly one version marked as storage version"_qs);
    if (!causes.list.isEmpty())
        return Status::invalid(u"apiextensions.k8s.io"_qs, u"CustomResourceDefinition"_qs, out.name, causes.list);
    return out;
}

} // namespace kube
