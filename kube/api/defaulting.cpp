#include "defaulting.h"

#include "typeregistry.h"

#include <QJsonArray>
#include <QJsonObject>

namespace kube {

namespace {

constexpr int kMaxDepth = 64; // well past the deepest built-in type; hostile nesting stops here

void defaultValue(QJsonValue &value, const FieldType &type, const TypeRegistry &registry, int depth);

void defaultObject(QJsonObject &object, const TypeSchema &type, const TypeRegistry &registry, int depth)
{
    if (depth > kMaxDepth)
        return;
    auto visit = [&](const FieldSchema &field) {
        if (field.isInline)
            return; // its members are listed in inlinedFields
        auto it = object.find(field.name);
        if (it == object.end()) {
            if (field.defaultValue.isUndefined() || field.defaultValue.isNull())
                return;
            it = object.insert(field.name, field.defaultValue);
        }
        QJsonValue value = it.value();
        defaultValue(value, field.type, registry, depth + 1);
        it.value() = value;
    };
    for (const FieldSchema &field : type.fields)
        visit(field);
    for (const FieldSchema &field : type.inlinedFields)
        visit(field);
}

void defaultValue(QJsonValue &value, const FieldType &type, const TypeRegistry &registry, int depth)
{
    switch (type.shape) {
    case FieldType::Shape::Scalar:
        return;
    case FieldType::Shape::Struct: {
        if (!value.isObject())
            return;
        const TypeSchemaPtr schema = registry.type(type.name);
        if (!schema)
            return;
        QJsonObject o = value.toObject();
        defaultObject(o, *schema, registry, depth);
        value = o;
        return;
    }
    case FieldType::Shape::List: {
        if (!value.isArray() || !type.elem || type.elem->shape == FieldType::Shape::Scalar)
            return;
        QJsonArray a = value.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            QJsonValue item = a.at(i);
            defaultValue(item, *type.elem, registry, depth + 1);
            a.replace(i, item);
        }
        value = a;
        return;
    }
    case FieldType::Shape::Map: {
        if (!value.isObject() || !type.elem || type.elem->shape == FieldType::Shape::Scalar)
            return;
        QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            QJsonValue item = it.value();
            defaultValue(item, *type.elem, registry, depth + 1);
            it.value() = item;
        }
        value = o;
        return;
    }
    }
}

} // namespace

void applyDefaults(QJsonObject &object, const TypeSchema &type, const TypeRegistry &registry)
{
    defaultObject(object, type, registry, 0);
}

} // namespace kube
