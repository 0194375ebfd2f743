#include "patchmeta.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace kube::patchmeta {

Position::Position(const TypeRegistry *registry, FieldType type)
    : m_registry(registry), m_type(std::move(type))
{
    if (m_registry && m_type.shape == FieldType::Shape::Struct)
        m_struct = m_registry->type(m_type.name);
}

Position Position::root(const TypeRegistry &registry, const QString &typeName)
{
    if (!registry.type(typeName))
        return {};
    return Position(&registry, FieldType::parse(typeName));
}

FieldMeta Position::field(const QString &key) const
{
    if (m_struct) {
        const FieldSchema *f = m_struct->field(key);
        if (!f)
            return {};
        FieldMeta meta{Position(m_registry, f->type), QString(), false, f->patchMergeKey};
        for (QStringView part : QStringView(f->patchStrategy).split(u',')) {
            part = part.trimmed();
            if (part == u"retainKeys")
                meta.retainKeys = true;
            else if (!part.isEmpty())
                meta.strategy = part.toString();
        }
        return meta;
    }
    if (m_registry && m_type.shape == FieldType::Shape::Map && m_type.elem)
        return {Position(m_registry, *m_type.elem), QString(), false, QString()};
    return {};
}

FieldMeta Position::sliceField(const QString &key) const
{
    FieldMeta meta = field(key);
    const FieldType &t = meta.sub.m_type;
    if (meta.sub.m_registry && t.shape == FieldType::Shape::List && t.elem)
        meta.sub = Position(meta.sub.m_registry, *t.elem);
    else
        meta.sub = Position();
    return meta;
}

QString Position::goKindName() const
{
    if (!isKnown())
        return u"interface"_qs;
    switch (m_type.shape) {
    case FieldType::Shape::Struct: return u"struct"_qs;
    case FieldType::Shape::Map: return u"map"_qs;
    case FieldType::Shape::List: return u"slice"_qs;
    case FieldType::Shape::Scalar: break;
    }
    return m_type.name == u"string" ? u"string"_qs : u"interface"_qs;
}

namespace {

// A JSON number as Go prints it: integers (int64 after kube's preserve-ints decoding) plainly,
// other floats in the shortest form.
QString goNumber(double d)
{
    if (std::isfinite(d) && d == std::trunc(d) && std::fabs(d) < 9.2e18)
        return QString::number(qint64(d));
    return QString::number(d, 'g', QLocale::FloatingPointShortest);
}

bool isInteger(double d)
{
    return std::isfinite(d) && d == std::trunc(d) && std::fabs(d) < 9.2e18;
}

} // namespace

QString goValue(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Object: {
        const QJsonObject o = v.toObject();
        QStringList parts;
        for (auto it = o.begin(); it != o.end(); ++it) // QJsonObject keys are sorted, like fmt's
            parts << it.key() + u':' + goValue(it.value());
        return u"map["_qs + parts.join(u' ') + u']';
    }
    case QJsonValue::Array: {
        QStringList parts;
        for (const QJsonValue &e : v.toArray())
            parts << goValue(e);
        return u'[' + parts.join(u' ') + u']';
    }
    case QJsonValue::String: return v.toString();
    case QJsonValue::Double: return goNumber(v.toDouble());
    case QJsonValue::Bool: return v.toBool() ? u"true"_qs : u"false"_qs;
    default: return u"<nil>"_qs;
    }
}

QString goType(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Object: return u"map[string]interface {}"_qs;
    case QJsonValue::Array: return u"[]interface {}"_qs;
    case QJsonValue::String: return u"string"_qs;
    case QJsonValue::Double: return isInteger(v.toDouble()) ? u"int64"_qs : u"float64"_qs;
    case QJsonValue::Bool: return u"bool"_qs;
    default: return u"<nil>"_qs;
    }
}

QString goJsonKind(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Array: return u"array"_qs;
    case QJsonValue::Object: return u"object"_qs;
    case QJsonValue::String: return u"string"_qs;
    case QJsonValue::Double: return u"number"_qs;
    case QJsonValue::Bool: return u"bool"_qs;
    default: return u"null"_qs;
    }
}

QString identity(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String: return u's' + v.toString();
    case QJsonValue::Double: return u'n' + QString::number(v.toDouble(), 'g', 17);
    case QJsonValue::Bool: return v.toBool() ? u"bt"_qs : u"bf"_qs;
    case QJsonValue::Object:
        return u'o' + QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Array:
        return u'a' + QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Null: return u"z"_qs;
    default: return u"u"_qs; // undefined: a missing merge key
    }
}

} // namespace kube::patchmeta
