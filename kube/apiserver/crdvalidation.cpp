#include "crdvalidation.h"

#include "resourcerequest.h"
#include "storagekeys.h"
#include "validation.h"

#include "kube/api/kindinfo.h"
#include "kube/api/namevalidation.h"
#include "kube/api/typeregistry.h"
#include "kube/store/store.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>

namespace kube {

namespace {

QString child(const QString &path, const QString &name)
{
    return path.isEmpty() ? name : path + u'.' + name;
}

// A custom resource's value as apimachinery's field errors print it: decoded into
// interface{}, so scalars plainly (strings quoted) and the rest with %#v:
// []interface {}{1, "a"}, map[string]interface {}{"a":1}.
QString unstructured(const QJsonValue &v, bool nested = false)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return nested ? u"interface {}(nil)"_qs : u"\"null\""_qs;
    case QJsonValue::Array: {
        QStringList items;
        for (const QJsonValue &item : v.toArray())
            items << unstructured(item, true);
        return u"[]interface {}{"_qs + items.join(u", "_qs) + u'}';
    }
    case QJsonValue::Object: {
        const QJsonObject o = v.toObject();
        QStringList items;
        for (auto it = o.begin(); it != o.end(); ++it) // QJsonObject keys are sorted, as fmt sorts map keys
            items << validation::goQuoted(it.key()) + u':' + unstructured(it.value(), true);
        return u"map[string]interface {}{"_qs + items.join(u", "_qs) + u'}';
    }
    default:
        return goValue(v);
    }
}

// Limits print as Go's %v of a float64: 10, 1.5.
QString number(double d)
{
    if (std::floor(d) == d && std::abs(d) < 1e15)
        return QString::number(qint64(d));
    return QString::number(d, 'g', 17);
}

// kube-openapi names the JSON type a value has in its type errors.
QString jsonTypeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null: return u"null"_qs;
    case QJsonValue::Bool: return u"boolean"_qs;
    case QJsonValue::Double: return std::floor(v.toDouble()) == v.toDouble() ? u"integer"_qs : u"number"_qs;
    case QJsonValue::String: return u"string"_qs;
    case QJsonValue::Array: return u"array"_qs;
    case QJsonValue::Object: return u"object"_qs;
    default: return u"undefined"_qs;
    }
}

bool hasType(const QJsonValue &v, const QString &type)
{
    if (type == u"string") return v.isString();
    if (type == u"boolean") return v.isBool();
    if (type == u"number") return v.isDouble();
    if (type == u"integer") return v.isDouble() && std::floor(v.toDouble()) == v.toDouble();
    if (type == u"array") return v.isArray();
    if (type == u"object") return v.isObject();
    return true;
}

bool isValidFormat(const QString &format, const QJsonValue &v)
{
    if (format == u"int32")
        return !v.isDouble() || (v.toDouble() >= -2147483648.0 && v.toDouble() <= 2147483647.0);
    if (!v.isString())
        return true;
    const QString s = v.toString();
    static const QRegularExpression uuid(u"^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$"_qs);
    static const QRegularExpression mac(u"^([0-9a-fA-F]{2}[:-]){5}[0-9a-fA-F]{2}$"_qs);
    static const QRegularExpression email(u"^[^@\\s]+@[^@\\s]+$"_qs);
    static const QRegularExpression dateTime(u"^\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})$"_qs);
    if (format == u"uuid" || format == u"uuid3" || format == u"uuid4" || format == u"uuid5")
        return uuid.match(s).hasMatch();
    if (format == u"byte") {
        const auto decoded = QByteArray::fromBase64Encoding(s.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        return bool(decoded);
    }
    if (format == u"date")
        return QDate::fromString(s, Qt::ISODate).isValid() && s.size() == 10;
    if (format == u"date-time" || format == u"datetime")
        return dateTime.match(s).hasMatch() && QDateTime::fromString(s.toUpper().replace(u' ', u'T'), Qt::ISODateWithMs).isValid();
    if (format == u"ipv4")
        return QHostAddress(s).protocol() == QAbstractSocket::IPv4Protocol;
    if (format == u"ipv6")
        return QHostAddress(s).protocol() == QAbstractSocket::IPv6Protocol;
    if (format == u"cidr")
        return QHostAddress::parseSubnet(s).first.protocol() != QAbstractSocket::UnknownNetworkLayerProtocol;
    if (format == u"mac")
        return mac.match(s).hasMatch();
    if (format == u"email")
        return email.match(s).hasMatch();
    if (format == u"hostname")
        return validation::isDNS1123Subdomain(s).isEmpty();
    return true; // unknown formats are not checked, as upstream
}

// Upstream's field.Error wording.
struct Causes {
    QList<StatusCause> list;

    void invalid(const QString &field, const QJsonValue &value, const QString &detail)
    {
        list.append({u"FieldValueInvalid"_qs, u"Invalid value: %1: %2"_qs.arg(unstructured(value), detail), field});
    }
    void typeInvalid(const QString &field, const QJsonValue &value, const QString &type)
    {
        const QString shown = unstructured(value);
        list.append({u"FieldValueTypeInvalid"_qs,
                     u"Invalid value: %1: %2 in body must be of type %3: \"%4\""_qs.arg(shown, field, type, jsonTypeName(value)), field});
    }
    void formatInvalid(const QString &field, const QJsonValue &value, const QString &format)
    {
        list.append({u"FieldValueTypeInvalid"_qs,
                     u"Invalid value: %1: %2 in body must be of type %3: %1"_qs.arg(unstructured(value), field, format), field});
    }
    void required(const QString &field) { list.append({u"FieldValueRequired"_qs, u"Required value"_qs, field}); }
    void tooMany(const QString &field, qsizetype actual, qint64 max)
    {
        list.append({u"FieldValueTooMany"_qs, u"Too many: %1: must have at most %2 items"_qs.arg(actual).arg(max), field});
    }
    void duplicate(const QString &field, const QString &shown)
    {
        list.append({u"FieldValueDuplicate"_qs, u"Duplicate value: "_qs + shown, field});
    }
};

class Validator
{
public:
    explicit Validator(Causes &causes) : m_causes(causes) {}
    void value(const QJsonValue &v, const QJsonObject &s, const QString &path, int depth);

private:
    void string(const QString &text, const QJsonValue &v, const QJsonObject &s, const QString &path);
    void numeric(double d, const QJsonValue &v, const QJsonObject &s, const QString &path);
    void array(const QJsonArray &a, const QJsonObject &s, const QString &path, int depth);
    void object(const QJsonObject &o, const QJsonObject &s, const QString &path, int depth);
    Causes &m_causes;
};

void Validator::value(const QJsonValue &v, const QJsonObject &s, const QString &path, int depth)
{
    if (depth > kMaxValidationDepth || s.isEmpty())
        return;
    const QString type = s.value(u"type").toString();
    if (v.isNull()) {
        if (!s.value(u"nullable").toBool() && !type.isEmpty())
            m_causes.typeInvalid(path, v, type);
        return;
    }
    if (s.value(u"x-kubernetes-int-or-string").toBool()) {
        if (!v.isString() && !hasType(v, u"integer"_qs))
            m_causes.typeInvalid(path, v, u"integer,string"_qs);
    } else if (!type.isEmpty() && !hasType(v, type)) {
        m_causes.typeInvalid(path, v, type);
        return;
    }
    if (const QJsonArray allowed = s.value(u"enum").toArray(); !allowed.isEmpty() && !allowed.contains(v)) {
        QStringList supported;
        for (const QJsonValue &a : allowed) {
            const QString text = a.isString() ? a.toString() : QString::fromUtf8(QJsonDocument(QJsonArray{a}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
            supported << validation::goQuoted(text);
        }
        m_causes.list.append({u"FieldValueNotSupported"_qs,
                              u"Unsupported value: %1: supported values: %2"_qs.arg(unstructured(v), supported.join(u", "_qs)), path});
    }
    if (const QString format = s.value(u"format").toString(); !format.isEmpty() && !isValidFormat(format, v))
        m_causes.formatInvalid(path, v, format);
    if (v.isString())
        string(v.toString(), v, s, path);
    else if (v.isDouble())
        numeric(v.toDouble(), v, s, path);
    else if (v.isArray())
        array(v.toArray(), s, path, depth);
    else if (v.isObject())
        object(v.toObject(), s, path, depth);
}

void Validator::string(const QString &text, const QJsonValue &v, const QJsonObject &s, const QString &path)
{
    // Lengths count characters (Go's utf8.RuneCountInString), not UTF-16 units.
    const qsizetype length = text.toUcs4().size();
    if (s.contains(u"maxLength") && length > s.value(u"maxLength").toInteger()) {
        m_causes.list.append({u"FieldValueTooLong"_qs, u"Too long: may not be more than %1 bytes"_qs.arg(s.value(u"maxLength").toInteger()), path});
    }
    if (s.contains(u"minLength") && length < s.value(u"minLength").toInteger())
        m_causes.invalid(path, v, u"%1 in body should be at least %2 chars long"_qs.arg(path).arg(s.value(u"minLength").toInteger()));
    if (const QString pattern = s.value(u"pattern").toString(); !pattern.isEmpty()) {
        const QRegularExpression re(pattern);
        if (re.isValid() && !re.match(text).hasMatch())
            m_causes.invalid(path, v, u"%1 in body should match '%2'"_qs.arg(path, pattern));
    }
}

void Validator::numeric(double d, const QJsonValue &v, const QJsonObject &s, const QString &path)
{
    if (s.contains(u"maximum")) {
        const double max = s.value(u"maximum").toDouble();
        const bool exclusive = s.value(u"exclusiveMaximum").toBool();
        if (exclusive ? d >= max : d > max) {
            m_causes.invalid(path, v, u"%1 in body should be less than %2%3"_qs.arg(path, exclusive ? QString() : u"or equal to "_qs, number(max)));
        }
    }
    if (s.contains(u"minimum")) {
        const double min = s.value(u"minimum").toDouble();
        const bool exclusive = s.value(u"exclusiveMinimum").toBool();
        if (exclusive ? d <= min : d < min) {
            m_causes.invalid(path, v, u"%1 in body should be greater than %2%3"_qs.arg(path, exclusive ? QString() : u"or equal to "_qs, number(min)));
        }
    }
    if (s.contains(u"multipleOf")) {
        const double factor = s.value(u"multipleOf").toDouble();
        const double ratio = factor > 0 ? d / factor : 0;
        if (factor > 0 && std::abs(ratio - std::round(ratio)) > 1e-9)
            m_causes.invalid(path, v, u"%1 in body should be a multiple of %2"_qs.arg(path, number(factor)));
    }
}

void Validator::array(const QJsonArray &a, const QJsonObject &s, const QString &path, int depth)
{
    if (s.contains(u"maxItems") && a.size() > s.value(u"maxItems").toInteger())
        m_causes.tooMany(path, a.size(), s.value(u"maxItems").toInteger());
    if (s.contains(u"minItems") && a.size() < s.value(u"minItems").toInteger())
        m_causes.invalid(path, a, u"%1 in body should have at least %2 items"_qs.arg(path).arg(s.value(u"minItems").toInteger()));
    const QString listType = s.value(u"x-kubernetes-list-type").toString();
    if (s.value(u"uniqueItems").toBool() && listType != u"set") {
        QList<QJsonValue> items;
        for (const QJsonValue &item : a) {
            if (items.contains(item)) {
                m_causes.invalid(path, a, u"%1 in body shouldn't contain duplicates"_qs.arg(path));
                break;
            }
            items.append(item);
        }
    }
    // x-kubernetes-list-type: set items and map keys must be unique (apiextensions' listtype validation).
    const QJsonArray keys = s.value(u"x-kubernetes-list-map-keys").toArray();
    QList<QJsonValue> seen;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const QString itemPath = u"%1[%2]"_qs.arg(path).arg(i);
        if (listType == u"set") {
            if (seen.contains(a.at(i)))
                m_causes.duplicate(itemPath, unstructured(a.at(i)));
            seen.append(a.at(i));
        } else if (listType == u"map" && a.at(i).isObject()) {
            QJsonObject key;
            for (const QJsonValue &k : keys) {
                const QString name = k.toString();
                key[name] = a.at(i).toObject().value(name);
            }
            if (seen.contains(QJsonValue(key)))
                m_causes.duplicate(itemPath, unstructured(key));
            seen.append(QJsonValue(key));
        }
        value(a.at(i), s.value(u"items").toObject(), itemPath, depth + 1);
    }
}

void Validator::object(const QJsonObject &o, const QJsonObject &s, const QString &path, int depth)
{
    const QJsonObject properties = s.value(u"properties").toObject();
    const QJsonValue additional = s.value(u"additionalProperties");
    if (s.contains(u"maxProperties") && o.size() > s.value(u"maxProperties").toInteger())
        m_causes.tooMany(path, o.size(), s.value(u"maxProperties").toInteger());
    if (s.contains(u"minProperties") && o.size() < s.value(u"minProperties").toInteger())
        m_causes.invalid(path, o, u"%1 in body should have at least %2 properties"_qs.arg(path).arg(s.value(u"minProperties").toInteger()));
    for (const QJsonValue &r : s.value(u"required").toArray()) {
        if (!o.contains(r.toString()))
            m_causes.required(child(path, r.toString()));
    }
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (depth == 0 && (it.key() == u"apiVersion" || it.key() == u"kind" || it.key() == u"metadata"))
            continue;
        if (properties.contains(it.key()))
            value(it.value(), properties.value(it.key()).toObject(), child(path, it.key()), depth + 1);
        else if (additional.isObject())
            value(it.value(), additional.toObject(), child(path, it.key()), depth + 1);
    }
}

struct CachedSchema {
    QString resourceVersion;
    QHash<QString, QJsonObject> byVersion;
};

} // namespace

QList<StatusCause> validateAgainstSchema(const QJsonObject &object, const QJsonObject &openApiV3Schema)
{
    Causes causes;
    Validator(causes).value(object, openApiV3Schema, QString(), 0);
    return causes.list;
}

std::optional<QJsonObject> customResourceSchema(const ApiContext &context, const KindInfo &kind)
{
    const KindInfoPtr crds = context.registry->resource({u"apiextensions.k8s.io"_qs, u"v1"_qs, u"customresourcedefinitions"_qs});
    if (!crds)
        return std::nullopt;
    const QString name = kind.plural + u'.' + kind.gvk.group;
    auto crd = context.store->get(storageKey(*crds, QString(), name));
    if (!crd.ok())
        return std::nullopt;
    // Per thread: each embedded cluster serves from its own thread.
    thread_local QHash<QString, CachedSchema> cache;
    CachedSchema &cached = cache[QString::number(quintptr(context.store)) + u'/' + name];
    if (cached.resourceVersion != crd->resourceVersion()) {
        cached.resourceVersion = crd->resourceVersion();
        cached.byVersion.clear();
        const QJsonArray versions = crd->toJson().value(u"spec").toObject().value(u"versions").toArray();
        for (const QJsonValue &v : versions) {
            const QJsonObject version = v.toObject();
            cached.byVersion.insert(version.value(u"name").toString(),
                                    version.value(u"schema").toObject().value(u"openAPIV3Schema").toObject());
        }
    }
    const auto it = cached.byVersion.constFind(kind.gvk.version);
    if (it == cached.byVersion.cend())
        return std::nullopt;
    return *it;
}

} // namespace kube
