#include "schemaloader.h"

#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <algorithm>

namespace kube {

namespace {

// The first label of a group names its types: "" → core, "apps" → apps, "meta.k8s.io" → meta.
QString typePrefix(const QString &group, const QString &version)
{
    const QString label = group.isEmpty() ? u"core"_qs : group.section(u'.', 0, 0);
    return label + u'.' + version + u'.';
}

} // namespace

QStringList SchemaLoader::load(TypeRegistry::Private &out, const QStringList &files)
{
    SchemaLoader loader(out);
    for (const QString &file : files)
        loader.loadFile(file);
    loader.finish();
    return loader.errors();
}

void SchemaLoader::loadFile(const QString &path)
{
    setFile(QFileInfo(path).fileName());
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        fileError(u"cannot read: "_qs + file.errorString());
        return;
    }
    const QByteArray bytes = file.readAll();
    element root;
    if (const auto err = m_parser.parse(bytes.constData(), size_t(bytes.size())).get(root)) {
        fileError(u"invalid JSON: "_qs + QString::fromLatin1(simdjson::error_message(err)));
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
    m_prefixFile.insert(typePrefix(m_group, m_version), currentFile());
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

void SchemaLoader::loadType(const QString &name, element spec)
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
    m_typeFile.insert(name, currentFile());
    m_out.types.insert(name, type);
    m_mutableTypes.insert(name, type);
}

std::optional<FieldSchema> SchemaLoader::loadField(const QString &typeEntry, const QString &name, element spec)
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

std::optional<PrinterColumn> SchemaLoader::loadColumn(const QString &entry, element spec)
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

void SchemaLoader::loadKind(int index, element spec)
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
    m_kindFile.insert(k->gvk, currentFile());
    m_resourceFile.insert(k->gvr(), currentFile());
    m_out.insertKind(k);
}

// What JSON shows of a type: its own fields, with inline members replaced by their fields.
QList<FieldSchema> SchemaLoader::jsonFieldsOf(const QString &typeName, int depth) const
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

void SchemaLoader::finish()
{
    for (const QSharedPointer<TypeSchema> &type : std::as_const(m_mutableTypes)) {
        setFile(m_typeFile.value(type->name));
        // A type lives in its group-version's file; groups without a file (types used by
        // another group only) may be written where they are used.
        const QString home = m_prefixFile.value(type->name.section(u'.', 0, 1) + u'.');
        if (!home.isEmpty() && home != currentFile())
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
        setFile(m_kindFile.value(k->gvk));
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

} // namespace kube
