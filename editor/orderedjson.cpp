#include "orderedjson.h"

#include "yamlsourcemap.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

#include <cmath>

namespace timonel {

namespace {

void appendJsonString(QByteArray &out, const QString &s)
{
    // QJsonDocument escapes exactly as JSON requires; wrap the string in an array to use it.
    const QByteArray array = QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact);
    out.append(array.constData() + 1, array.size() - 2);
}

void write(const OrderedJson &v, QByteArray &out)
{
    switch (v.type) {
    case OrderedJson::Type::Null:
        out.append("null");
        return;
    case OrderedJson::Type::Bool:
    case OrderedJson::Type::Number:
        out.append(v.scalar.toLatin1());
        return;
    case OrderedJson::Type::String:
        appendJsonString(out, v.scalar);
        return;
    case OrderedJson::Type::Object:
        out.append('{');
        for (size_t i = 0; i < v.members.size(); ++i) {
            if (i > 0)
                out.append(',');
            appendJsonString(out, v.members[i].key);
            out.append(':');
            write(v.members[i].value, out);
        }
        out.append('}');
        return;
    case OrderedJson::Type::Array:
        out.append('[');
        for (size_t i = 0; i < v.items.size(); ++i) {
            if (i > 0)
                out.append(',');
            write(v.items[i], out);
        }
        out.append(']');
        return;
    }
}

} // namespace

OrderedJson OrderedJson::string(const QString &s)
{
    OrderedJson v;
    v.type = Type::String;
    v.scalar = s;
    return v;
}

OrderedJson OrderedJson::number(qint64 n)
{
    OrderedJson v;
    v.type = Type::Number;
    v.scalar = QString::number(n);
    return v;
}

OrderedJson OrderedJson::object()
{
    OrderedJson v;
    v.type = Type::Object;
    return v;
}

OrderedJson OrderedJson::fromYaml(const YamlDocument &doc, int node, int depth)
{
    OrderedJson v;
    if (node < 0 || depth > 100)
        return v;
    const YamlNode &n = doc.deref(node);
    switch (n.kind) {
    case YamlNodeKind::Mapping:
        v.type = Type::Object;
        for (const YamlDocument::Entry &e : doc.entries(node))
            v.members.push_back({doc.scalarText(e.key), fromYaml(doc, e.value, depth + 1)});
        return v;
    case YamlNodeKind::Sequence:
        v.type = Type::Array;
        for (int c = n.firstChild; c >= 0; c = doc.node(c).next)
            v.items.push_back(fromYaml(doc, c, depth + 1));
        return v;
    case YamlNodeKind::Scalar:
        break;
    default:
        return v;
    }
    switch (n.scalarType) {
    case ScalarType::Null:
        return v;
    case ScalarType::Bool: {
        const QString lower = n.text.toLower();
        v.type = Type::Bool;
        v.scalar = lower == u"y" || lower == u"yes" || lower == u"true" || lower == u"on" ? u"true"_qs : u"false"_qs;
        return v;
    }
    case ScalarType::Int:
        if (n.integerFits) {
            v.type = Type::Number;
            v.scalar = QString::number(n.integer);
            return v;
        }
        [[fallthrough]];
    case ScalarType::Float: {
        QString t = n.text;
        t.remove(u'_');
        bool ok = false;
        const double d = t.toDouble(&ok);
        if (!ok || !std::isfinite(d))
            return string(n.text);
        v.type = Type::Number;
        v.scalar = QString::number(d, 'g', QLocale::FloatingPointShortest);
        return v;
    }
    case ScalarType::String:
        return string(n.text);
    }
    return v;
}

OrderedJson *OrderedJson::find(QStringView key)
{
    for (OrderedJsonMember &m : members) {
        if (m.key == key)
            return &m.value;
    }
    return nullptr;
}

const OrderedJson *OrderedJson::find(QStringView key) const
{
    return const_cast<OrderedJson *>(this)->find(key);
}

OrderedJson &OrderedJson::set(const QString &key, OrderedJson value, QStringView after)
{
    if (OrderedJson *existing = find(key)) {
        *existing = std::move(value);
        return *existing;
    }
    auto position = members.end();
    if (!after.isEmpty()) {
        for (auto it = members.begin(); it != members.end(); ++it) {
            if (it->key == after) {
                position = it + 1;
                break;
            }
        }
    }
    return members.insert(position, {key, std::move(value)})->value;
}

bool OrderedJson::remove(QStringView key)
{
    for (auto it = members.begin(); it != members.end(); ++it) {
        if (it->key == key) {
            members.erase(it);
            return true;
        }
    }
    return false;
}

bool OrderedJson::rename(QStringView from, const QString &to)
{
    for (OrderedJsonMember &m : members) {
        if (m.key == from) {
            m.key = to;
            return true;
        }
    }
    return false;
}

OrderedJson OrderedJson::take(QStringView key)
{
    for (auto it = members.begin(); it != members.end(); ++it) {
        if (it->key == key) {
            OrderedJson v = std::move(it->value);
            members.erase(it);
            return v;
        }
    }
    return {};
}

QByteArray OrderedJson::toJson() const
{
    QByteArray out;
    write(*this, out);
    return out;
}

} // namespace timonel
