#include "typeschema.h"

#include <QSet>

namespace kube {

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

} // namespace kube
