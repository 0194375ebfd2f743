#include "openapischemas.h"

#include "kube/api/typeregistry.h"

#include <QStringList>

namespace kube {

namespace {

const QString refPrefix = u"#/components/schemas/"_qs;
const QString apiPrefix = u"io.k8s.api."_qs;
const QString metaPrefix = u"io.k8s.apimachinery.pkg.apis."_qs;
const QString extensionsPrefix = u"io.k8s.apiextensions-apiserver.pkg.apis."_qs;

// The wrapper scalars that upstream models as components of their own.
QString wrapperComponent(QStringView scalar)
{
    static const QHash<QString, QString> names = {
        {u"Quantity"_qs, u"io.k8s.apimachinery.pkg.api.resource.Quantity"_qs},
        {u"IntOrString"_qs, u"io.k8s.apimachinery.pkg.util.intstr.IntOrString"_qs},
        {u"Time"_qs, u"io.k8s.apimachinery.pkg.apis.meta.v1.Time"_qs},
        {u"MicroTime"_qs, u"io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime"_qs},
        {u"Duration"_qs, u"io.k8s.apimachinery.pkg.apis.meta.v1.Duration"_qs},
        {u"RawExtension"_qs, u"io.k8s.apimachinery.pkg.runtime.RawExtension"_qs},
        {u"FieldsV1"_qs, u"io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1"_qs},
        {u"JSON"_qs, u"io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSON"_qs},
    };
    return names.value(scalar.toString());
}

QJsonObject plainScalar(QStringView scalar)
{
    if (scalar == u"string")
        return {{u"type"_qs, u"string"_qs}};
    if (scalar == u"boolean")
        return {{u"type"_qs, u"boolean"_qs}};
    if (scalar == u"int32" || scalar == u"int64")
        return {{u"type"_qs, u"integer"_qs}, {u"format"_qs, scalar.toString()}};
    if (scalar == u"double")
        return {{u"type"_qs, u"number"_qs}, {u"format"_qs, u"double"_qs}};
    if (scalar == u"bytes")
        return {{u"type"_qs, u"string"_qs}, {u"format"_qs, u"byte"_qs}};
    return {}; // "any" and JSON in custom resources: no constraint
}

// Our built-in type names have exactly three labels ("apps.v1.Deployment"); custom resource
// types start with their group, which always has a dot.
bool isBuiltinTypeName(QStringView name)
{
    return name.count(u'.') == 2;
}

// The inverse of openApiComponentName; empty for other names.
QString typeNameOf(const QString &component)
{
    QString rest;
    if (component.startsWith(metaPrefix))
        rest = component.mid(metaPrefix.size());
    else if (component.startsWith(extensionsPrefix))
        rest = component.mid(extensionsPrefix.size());
    else if (component.startsWith(apiPrefix))
        rest = component.mid(apiPrefix.size());
    return isBuiltinTypeName(rest) ? rest : QString();
}

QString reversedGroup(const QString &group)
{
    QStringList labels = group.split(u'.');
    std::reverse(labels.begin(), labels.end());
    return labels.join(u'.');
}

QJsonObject gvkJson(const GroupVersionKind &gvk)
{
    return {{u"group"_qs, gvk.group}, {u"kind"_qs, gvk.kind}, {u"version"_qs, gvk.version}};
}

} // namespace

void openApiCollectRefs(const QJsonValue &value, QStringList &out)
{
    if (value.isArray()) {
        for (const QJsonValue &v : value.toArray())
            openApiCollectRefs(v, out);
        return;
    }
    if (!value.isObject())
        return;
    const QJsonObject o = value.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key() == u"$ref" && it.value().isString()) {
            const QString target = it.value().toString();
            if (target.startsWith(refPrefix))
                out.append(target.mid(refPrefix.size()));
            continue;
        }
        if (it.value().isObject() || it.value().isArray())
            openApiCollectRefs(it.value(), out);
    }
}

namespace {

// A reference can carry no siblings in OpenAPI 3.0; upstream wraps it in allOf when the
// property adds a description, default or extension.
QJsonObject withSiblings(QJsonObject schema, const QJsonObject &siblings)
{
    if (siblings.isEmpty())
        return schema;
    if (schema.size() == 1 && schema.contains(u"$ref"))
        schema = {{u"allOf"_qs, QJsonArray{schema}}};
    for (auto it = siblings.begin(); it != siblings.end(); ++it)
        schema.insert(it.key(), it.value());
    return schema;
}

} // namespace

QString openApiComponentName(QStringView typeName)
{
    if (typeName.startsWith(u"meta."))
        return metaPrefix + typeName.toString();
    if (typeName.startsWith(u"apiextensions."))
        return extensionsPrefix + typeName.toString();
    return apiPrefix + typeName.toString();
}

QString openApiKindComponent(const KindInfo &kind)
{
    if (!kind.isCustom)
        return openApiComponentName(kind.rootType);
    return reversedGroup(kind.gvk.group) + u'.' + kind.gvk.version + u'.' + kind.gvk.kind;
}

QString openApiListComponent(const KindInfo &kind)
{
    if (!kind.isCustom)
        return openApiComponentName(kind.rootType) + u"List"_qs;
    return reversedGroup(kind.gvk.group) + u'.' + kind.gvk.version + u'.' + kind.listKind();
}

QJsonObject openApiRef(const QString &componentName)
{
    return {{u"$ref"_qs, refPrefix + componentName}};
}

OpenApiSchemaBuilder::OpenApiSchemaBuilder(const TypeRegistry &registry)
    : m_registry(registry)
    , m_kinds(registry.kinds())
{
    // Built-in group-versions only, as upstream's scheme registers them: a CRD change must not
    // alter (and so re-hash) every other document.
    QJsonArray everyGroupVersion{QJsonObject{{u"group"_qs, QString()}, {u"version"_qs, u"v1"_qs}}};
    for (const KindInfoPtr &k : std::as_const(m_kinds)) {
        const QJsonObject gv{{u"group"_qs, k->gvk.group}, {u"version"_qs, k->gvk.version}};
        if (!k->isCustom && !k->gvk.group.isEmpty() && !everyGroupVersion.contains(gv))
            everyGroupVersion.append(gv);
    }
    for (const KindInfoPtr &k : std::as_const(m_kinds)) {
        const QString root = openApiKindComponent(*k);
        const QString list = openApiListComponent(*k);
        QJsonArray gvks = m_gvks.value(root);
        gvks.append(gvkJson(k->gvk));
        m_gvks.insert(root, gvks);
        m_gvks.insert(list, QJsonArray{gvkJson({k->gvk.group, k->gvk.version, k->listKind()})});
        m_lists.insert(list, k.get());
        if (k->isCustom)
            m_customRoots.insert(root, k.get());
    }
    // The option and event types every group-version registers, as upstream lists them.
    for (const QString &kind : {u"DeleteOptions"_qs, u"WatchEvent"_qs}) {
        QJsonArray gvks;
        for (const QJsonValue &gv : std::as_const(everyGroupVersion)) {
            QJsonObject o = gv.toObject();
            o.insert(u"kind"_qs, kind);
            gvks.append(o);
        }
        m_gvks.insert(metaPrefix + u"meta.v1."_qs + kind, gvks);
    }
    m_gvks.insert(metaPrefix + u"meta.v1.Status"_qs, QJsonArray{gvkJson({QString(), u"v1"_qs, u"Status"_qs})});
}

bool OpenApiSchemaBuilder::hasComponent(const QString &name) const
{
    if (m_done.contains(name) || m_lists.contains(name) || m_customRoots.contains(name)
        || openApiFixedModels().contains(name))
        return true;
    const QString type = typeNameOf(name);
    return !type.isEmpty() && m_registry.type(type);
}

QJsonObject OpenApiSchemaBuilder::closure(const QStringList &seeds)
{
    QJsonObject out;
    QStringList pending = seeds;
    while (!pending.isEmpty()) {
        const QString name = pending.takeLast();
        if (out.contains(name) || !hasComponent(name))
            continue;
        const QJsonObject schema = component(name);
        out.insert(name, schema);
        openApiCollectRefs(schema, pending);
    }
    return out;
}

QJsonObject OpenApiSchemaBuilder::component(const QString &name)
{
    auto it = m_done.constFind(name);
    if (it != m_done.constEnd())
        return *it;
    QJsonObject schema = build(name);
    const QJsonArray gvks = m_gvks.value(name);
    if (!gvks.isEmpty())
        schema.insert(u"x-kubernetes-group-version-kind"_qs, gvks);
    m_done.insert(name, schema);
    return schema;
}

QJsonObject OpenApiSchemaBuilder::build(const QString &name) const
{
    const QJsonObject &fixed = openApiFixedModels();
    if (fixed.contains(name))
        return fixed.value(name).toObject();
    if (const KindInfo *list = m_lists.value(name))
        return listSchema(*list);
    if (const KindInfo *custom = m_customRoots.value(name)) {
        const TypeSchemaPtr type = m_registry.type(custom->rootType);
        return type ? typeSchema(*type, true) : QJsonObject{{u"type"_qs, u"object"_qs}};
    }
    const TypeSchemaPtr type = m_registry.type(typeNameOf(name));
    return type ? typeSchema(*type, false) : QJsonObject{};
}

QJsonObject OpenApiSchemaBuilder::listSchema(const KindInfo &kind) const
{
    const auto text = [](const QString &s) { return QJsonObject{{u"type"_qs, u"string"_qs}, {u"description"_qs, s}}; };
    QJsonObject items{{u"type"_qs, u"array"_qs},
                      {u"description"_qs, u"The %1 objects."_qs.arg(kind.gvk.kind)},
                      {u"items"_qs, openApiRef(openApiKindComponent(kind))}};
    QJsonObject metadata = withSiblings(openApiRef(metaPrefix + u"meta.v1.ListMeta"_qs),
                                        {{u"description"_qs, u"Standard list metadata."_qs}, {u"default"_qs, QJsonObject()}});
    return {{u"description"_qs, u"A list of %1 objects."_qs.arg(kind.gvk.kind)},
            {u"type"_qs, u"object"_qs},
            {u"required"_qs, QJsonArray{u"items"_qs}},
            {u"properties"_qs, QJsonObject{{u"apiVersion"_qs, text(u"The API version of this object."_qs)},
                                           {u"kind"_qs, text(u"The kind of this object."_qs)},
                                           {u"items"_qs, items},
                                           {u"metadata"_qs, metadata}}}};
}

QJsonObject OpenApiSchemaBuilder::typeSchema(const TypeSchema &type, bool custom) const
{
    QJsonObject properties;
    QJsonArray required;
    const auto add = [&](const FieldSchema &f) {
        properties.insert(f.name, fieldSchema(f, custom));
        if (f.required && !required.contains(f.name))
            required.append(f.name);
    };
    for (const FieldSchema &f : type.fields) {
        if (!f.isInline)
            add(f);
    }
    for (const FieldSchema &f : type.inlinedFields)
        add(f);

    QJsonObject schema{{u"type"_qs, u"object"_qs}};
    if (!type.description.isEmpty())
        schema.insert(u"description"_qs, type.description);
    if (!properties.isEmpty())
        schema.insert(u"properties"_qs, properties);
    if (!required.isEmpty())
        schema.insert(u"required"_qs, required);
    if (!type.mapType.isEmpty())
        schema.insert(u"x-kubernetes-map-type"_qs, type.mapType);
    if (type.preserveUnknownFields)
        schema.insert(u"x-kubernetes-preserve-unknown-fields"_qs, true);
    return schema;
}

QJsonObject OpenApiSchemaBuilder::fieldSchema(const FieldSchema &f, bool custom) const
{
    QJsonObject schema = valueSchema(f.type, custom);
    const bool isList = f.type.shape == FieldType::Shape::List;
    if (!f.enumValues.isEmpty()) {
        // An enum of a list constrains its items, as upstream writes []T with an +enum T.
        const QJsonArray values = QJsonArray::fromStringList(f.enumValues);
        if (isList && schema.value(u"items").isObject()) {
            QJsonObject items = schema.value(u"items").toObject();
            items.insert(u"enum"_qs, values);
            schema.insert(u"items"_qs, items);
        } else {
            schema = withSiblings(schema, {{u"enum"_qs, values}});
        }
    }
    QJsonObject siblings;
    if (!f.description.isEmpty())
        siblings.insert(u"description"_qs, f.description);
    if (!f.defaultValue.isUndefined())
        siblings.insert(u"default"_qs, f.defaultValue);
    if (!f.listType.isEmpty())
        siblings.insert(u"x-kubernetes-list-type"_qs, f.listType);
    if (!f.listMapKeys.isEmpty())
        siblings.insert(u"x-kubernetes-list-map-keys"_qs, QJsonArray::fromStringList(f.listMapKeys));
    if (!f.patchStrategy.isEmpty())
        siblings.insert(u"x-kubernetes-patch-strategy"_qs, f.patchStrategy);
    if (!f.patchMergeKey.isEmpty())
        siblings.insert(u"x-kubernetes-patch-merge-key"_qs, f.patchMergeKey);
    if (!f.mapType.isEmpty())
        siblings.insert(u"x-kubernetes-map-type"_qs, f.mapType);
    return withSiblings(schema, siblings);
}

QJsonObject OpenApiSchemaBuilder::valueSchema(const FieldType &type, bool custom) const
{
    switch (type.shape) {
    case FieldType::Shape::List:
        return {{u"type"_qs, u"array"_qs}, {u"items"_qs, type.elem ? valueSchema(*type.elem, custom) : QJsonObject()}};
    case FieldType::Shape::Map:
        return {{u"type"_qs, u"object"_qs},
                {u"additionalProperties"_qs, type.elem ? valueSchema(*type.elem, custom) : QJsonObject()}};
    case FieldType::Shape::Struct:
        if (custom && !isBuiltinTypeName(type.name)) {
            // Custom resources keep their nested objects inline, as the CRD handler does.
            const TypeSchemaPtr nested = m_registry.type(type.name);
            return nested ? typeSchema(*nested, true) : QJsonObject{{u"type"_qs, u"object"_qs}};
        }
        return openApiRef(openApiComponentName(type.name));
    case FieldType::Shape::Scalar:
        break;
    }
    if (custom && type.name == u"IntOrString") {
        return {{u"x-kubernetes-int-or-string"_qs, true},
                {u"anyOf"_qs, QJsonArray{QJsonObject{{u"type"_qs, u"integer"_qs}}, QJsonObject{{u"type"_qs, u"string"_qs}}}}};
    }
    if (type.name == u"any")
        return {{u"x-kubernetes-preserve-unknown-fields"_qs, true}};
    const QString wrapper = wrapperComponent(type.name);
    if (!wrapper.isEmpty() && !(custom && type.name == u"JSON"))
        return openApiRef(wrapper);
    return plainScalar(type.name);
}

} // namespace kube
