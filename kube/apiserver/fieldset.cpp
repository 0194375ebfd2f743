#include "fieldset.h"

#include "kube/api/typeregistry.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace kube {

namespace {

constexpr int kMaxDepth = 64;

QString compactJson(const QJsonValue &v)
{
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    const QByteArray a = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(a.mid(1, a.size() - 2));
}

// The keys that identify an item of a keyed list: listMapKeys, else the patch merge key.
QStringList listKeys(const FieldSchema &field)
{
    if (!field.listMapKeys.isEmpty())
        return field.listMapKeys;
    if (!field.patchMergeKey.isEmpty())
        return {field.patchMergeKey};
    return {};
}

// A key the item leaves out takes the schema's default, as structured-merge-diff does: an
// applied port without "protocol" is the item k:{"containerPort":80,"protocol":"TCP"}, the same
// one the defaulted live object (and any Update manager's record of it) has.
QString itemKey(const QJsonObject &item, const QStringList &keys, const TypeSchema *itemSchema)
{
    QJsonObject k;
    for (const QString &key : keys) {
        if (item.contains(key)) {
            k[key] = item.value(key);
        } else if (itemSchema) {
            const FieldSchema *f = itemSchema->field(key);
            if (f && !f->defaultValue.isUndefined())
                k[key] = f->defaultValue;
        }
    }
    return u"k:"_qs + compactJson(k);
}

void collect(const QJsonValue &value, const FieldType &type, const FieldSchema *field, const TypeRegistry &registry,
             FieldPath &path, FieldSet &out, int depth);

void collectObject(const QJsonObject &object, const TypeSchema *schema, const FieldType *mapElem, const TypeRegistry &registry,
                   FieldPath &path, FieldSet &out, int depth)
{
    if (object.isEmpty() || depth > kMaxDepth) {
        out.insert(path);
        return;
    }
    for (auto it = object.begin(); it != object.end(); ++it) {
        path.append(u"f:"_qs + it.key());
        if (schema) {
            const FieldSchema *f = schema->field(it.key());
            if (f)
                collect(it.value(), f->type, f, registry, path, out, depth + 1);
            else
                out.insert(path); // unknown field: owned as a whole
        } else if (mapElem) {
            collect(it.value(), *mapElem, nullptr, registry, path, out, depth + 1);
        } else {
            out.insert(path);
        }
        path.removeLast();
    }
}

void collect(const QJsonValue &value, const FieldType &type, const FieldSchema *field, const TypeRegistry &registry,
             FieldPath &path, FieldSet &out, int depth)
{
    switch (type.shape) {
    case FieldType::Shape::Scalar:
        out.insert(path);
        return;
    case FieldType::Shape::Struct: {
        const TypeSchemaPtr schema = registry.type(type.name);
        if (!value.isObject() || !schema || schema->mapType == u"atomic") {
            out.insert(path);
            return;
        }
        collectObject(value.toObject(), schema.get(), nullptr, registry, path, out, depth);
        return;
    }
    case FieldType::Shape::Map:
        if (!value.isObject() || (field && field->mapType == u"atomic") || !type.elem) {
            out.insert(path);
            return;
        }
        collectObject(value.toObject(), nullptr, type.elem.get(), registry, path, out, depth);
        return;
    case FieldType::Shape::List: {
        const QStringList keys = field ? listKeys(*field) : QStringList();
        const bool isSet = field && (field->listType == u"set" || (field->patchStrategy.contains(u"merge") && keys.isEmpty()))
                           && type.elem && type.elem->shape == FieldType::Shape::Scalar;
        if (!value.isArray() || value.toArray().isEmpty() || (!isSet && keys.isEmpty()) || !type.elem) {
            out.insert(path); // atomic list: owned as a whole
            return;
        }
        const TypeSchemaPtr itemSchema = type.elem->shape == FieldType::Shape::Struct ? registry.type(type.elem->name) : TypeSchemaPtr();
        for (const QJsonValue &item : value.toArray()) {
            if (isSet) {
                path.append(u"v:"_qs + compactJson(item));
                out.insert(path);
                path.removeLast();
                continue;
            }
            path.append(itemKey(item.toObject(), keys, itemSchema.get()));
            out.insert(path);
            collect(item, *type.elem, nullptr, registry, path, out, depth + 1);
            path.removeLast();
        }
        return;
    }
    }
}

bool itemMatches(const QJsonValue &item, const QString &element)
{
    if (element.startsWith(u"v:"))
        return compactJson(item) == element.mid(2);
    if (!element.startsWith(u"k:") || !item.isObject())
        return false;
    const QJsonObject keys = QJsonDocument::fromJson(element.mid(2).toUtf8()).object();
    const QJsonObject o = item.toObject();
    for (auto it = keys.begin(); it != keys.end(); ++it) {
        if (o.value(it.key()) != it.value())
            return false;
    }
    return true;
}

// Creates the nodes of path in tree (as empty objects where missing).
void insertTree(QJsonObject &tree, const FieldPath &path, qsizetype index)
{
    if (index == path.size())
        return;
    QJsonObject child = tree.value(path[index]).toObject();
    insertTree(child, path, index + 1);
    tree[path[index]] = child;
}

// Marks the node at path as owned itself ("."), needed when it also has owned children.
void markSelf(QJsonObject &tree, const FieldPath &path, qsizetype index)
{
    QJsonObject child = tree.value(path[index]).toObject();
    if (index + 1 == path.size()) {
        if (!child.isEmpty())
            child[u"."_qs] = QJsonObject();
    } else {
        markSelf(child, path, index + 1);
    }
    tree[path[index]] = child;
}

void readTree(const QJsonObject &tree, FieldPath &path, FieldSet &out, int depth)
{
    if (depth > kMaxDepth)
        return;
    for (auto it = tree.begin(); it != tree.end(); ++it) {
        if (it.key() == u".") {
            out.insert(path);
            continue;
        }
        path.append(it.key());
        const QJsonObject child = it.value().toObject();
        if (child.isEmpty())
            out.insert(path);
        else
            readTree(child, path, out, depth + 1);
        path.removeLast();
    }
}

} // namespace

FieldSet FieldSet::fromApplied(const QJsonObject &applied, const QString &rootType, const TypeRegistry &registry)
{
    FieldSet out;
    FieldPath path;
    const TypeSchemaPtr schema = registry.type(rootType);
    QJsonObject object = applied;
    object.remove(u"apiVersion"_qs);
    object.remove(u"kind"_qs);
    QJsonObject metadata = object.value(u"metadata").toObject();
    // Identity fields are not owned by anyone.
    for (const auto *key : {u"name", u"namespace", u"uid", u"resourceVersion", u"managedFields", u"creationTimestamp", u"generation"})
        metadata.remove(QString::fromUtf16(key));
    if (metadata.isEmpty())
        object.remove(u"metadata"_qs);
    else
        object[u"metadata"_qs] = metadata;
    collectObject(object, schema.get(), nullptr, registry, path, out, 0);
    out.remove({}); // the root itself is nobody's
    return out;
}

FieldSet FieldSet::fromFieldsV1(const QJsonObject &fieldsV1)
{
    FieldSet out;
    FieldPath path;
    readTree(fieldsV1, path, out, 0);
    return out;
}

QJsonObject FieldSet::toFieldsV1() const
{
    const QList<FieldPath> all = paths();
    QJsonObject tree;
    for (const FieldPath &p : all)
        insertTree(tree, p, 0);
    for (const FieldPath &p : all) {
        if (!p.isEmpty())
            markSelf(tree, p, 0);
    }
    return tree;
}

QList<FieldPath> FieldSet::paths() const
{
    QList<FieldPath> out;
    for (const QString &p : m_paths)
        out.append(p.isEmpty() ? FieldPath() : p.split(kSeparator));
    return out;
}

bool FieldSet::containsOrBelow(const FieldPath &path) const
{
    const QString joined = path.join(kSeparator);
    if (m_paths.contains(joined))
        return true;
    const QString prefix = joined + kSeparator;
    return std::any_of(m_paths.cbegin(), m_paths.cend(), [&](const QString &p) { return p.startsWith(prefix); });
}

FieldSet FieldSet::minus(const FieldSet &other) const
{
    FieldSet out;
    out.m_paths = m_paths - other.m_paths;
    return out;
}

FieldSet FieldSet::leaves() const
{
    QSet<QString> parents;
    for (const QString &p : m_paths) {
        for (qsizetype at = p.indexOf(kSeparator); at >= 0; at = p.indexOf(kSeparator, at + 1))
            parents.insert(p.left(at));
    }
    FieldSet out;
    out.m_paths = m_paths - parents;
    return out;
}

QString FieldSet::describe(const FieldPath &path)
{
    QString out;
    for (const QString &e : path) {
        if (e.startsWith(u"f:")) {
            out += u'.' + e.mid(2);
        } else if (e.startsWith(u"k:")) {
            const QJsonObject keys = QJsonDocument::fromJson(e.mid(2).toUtf8()).object();
            QStringList parts;
            for (auto it = keys.begin(); it != keys.end(); ++it)
                parts << it.key() + u'=' + compactJson(it.value());
            out += u'[' + parts.join(u',') + u']';
        } else if (e.startsWith(u"v:")) {
            out += u"[="_qs + e.mid(2) + u']';
        }
    }
    return out;
}

QJsonValue valueAtPath(const QJsonObject &object, const FieldPath &path)
{
    QJsonValue current = object;
    for (const QString &e : path) {
        if (e.startsWith(u"f:")) {
            if (!current.isObject())
                return QJsonValue(QJsonValue::Undefined);
            current = current.toObject().value(e.mid(2));
            continue;
        }
        if (!current.isArray())
            return QJsonValue(QJsonValue::Undefined);
        QJsonValue found(QJsonValue::Undefined);
        for (const QJsonValue &item : current.toArray()) {
            if (itemMatches(item, e)) {
                found = item;
                break;
            }
        }
        current = found;
    }
    return current;
}

static bool removeIn(QJsonValue &node, const FieldPath &path, qsizetype index)
{
    const QString &e = path[index];
    const bool last = index + 1 == path.size();
    if (e.startsWith(u"f:")) {
        if (!node.isObject())
            return false;
        QJsonObject o = node.toObject();
        const QString key = e.mid(2);
        if (!o.contains(key))
            return false;
        bool removed = false;
        if (last) {
            o.remove(key);
            removed = true;
        } else {
            QJsonValue child = o.value(key);
            removed = removeIn(child, path, index + 1);
            o[key] = child;
        }
        node = o;
        return removed;
    }
    if (!node.isArray())
        return false;
    QJsonArray a = node.toArray();
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (!itemMatches(a.at(i), e))
            continue;
        bool removed = false;
        if (last) {
            a.removeAt(i);
            removed = true;
        } else {
            QJsonValue child = a.at(i);
            removed = removeIn(child, path, index + 1);
            a.replace(i, child);
        }
        node = a;
        return removed;
    }
    return false;
}

bool removeAtPath(QJsonObject &object, const FieldPath &path)
{
    if (path.isEmpty())
        return false;
    QJsonValue root = object;
    const bool removed = removeIn(root, path, 0);
    object = root.toObject();
    return removed;
}

} // namespace kube
