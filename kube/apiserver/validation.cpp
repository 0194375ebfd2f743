#include "validation.h"

#include "jsonduplicates.h"

#include "kube/api/object.h"
#include "kube/api/quantity.h"
#include "kube/api/typeregistry.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <limits>

namespace kube {

namespace {

QString child(const QString &path, const QString &name)
{
    return path.isEmpty() ? name : path + u'.' + name;
}

QString indexed(const QString &path, qsizetype i)
{
    return path + u'[' + QString::number(i) + u']';
}

// "apps.v1.DeploymentSpec" → "DeploymentSpec"; "core.v1.Container" → "Container".
QString goStructName(const QString &typeName)
{
    return typeName.section(u'.', -1);
}

// The Go type a field decodes into, for json's messages: int32, []v1.Container, map[string]string.
QString goTypeName(const FieldType &type)
{
    switch (type.shape) {
    case FieldType::Shape::List:
        return u"[]"_qs + (type.elem ? goTypeName(*type.elem) : QString());
    case FieldType::Shape::Map:
        return u"map[string]"_qs + (type.elem ? goTypeName(*type.elem) : QString());
    case FieldType::Shape::Struct:
        return type.name.section(u'.', -2);
    case FieldType::Shape::Scalar:
        break;
    }
    const QString &n = type.name;
    if (n == u"boolean")
        return u"bool"_qs;
    if (n == u"double")
        return u"float64"_qs;
    if (n == u"bytes")
        return u"[]uint8"_qs;
    if (n == u"Quantity")
        return u"resource.Quantity"_qs;
    if (n == u"IntOrString")
        return u"intstr.IntOrString"_qs;
    if (n == u"Time" || n == u"MicroTime")
        return u"v1."_qs + n;
    if (n == u"Duration")
        return u"v1.Duration"_qs;
    return n;
}

// The OpenAPI type a custom resource's schema gives the field.
QString openApiTypeName(const FieldType &type)
{
    switch (type.shape) {
    case FieldType::Shape::List:
        return u"array"_qs;
    case FieldType::Shape::Map:
    case FieldType::Shape::Struct:
        return u"object"_qs;
    case FieldType::Shape::Scalar:
        break;
    }
    if (type.name == u"int32" || type.name == u"int64")
        return u"integer"_qs;
    if (type.name == u"double")
        return u"number"_qs;
    return type.name;
}

// How Go's json names the JSON value it could not store: "string", "number 1.5", "bool"…
QString jsonKindName(const QJsonValue &v, bool withNumber)
{
    switch (v.type()) {
    case QJsonValue::String: return u"string"_qs;
    case QJsonValue::Bool: return u"bool"_qs;
    case QJsonValue::Array: return u"array"_qs;
    case QJsonValue::Object: return u"object"_qs;
    case QJsonValue::Double:
        return withNumber ? u"number "_qs + goValue(v) : u"number"_qs;
    default: return u"null"_qs;
    }
}

QString openApiKindName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String: return u"string"_qs;
    case QJsonValue::Bool: return u"boolean"_qs;
    case QJsonValue::Array: return u"array"_qs;
    case QJsonValue::Object: return u"object"_qs;
    case QJsonValue::Double: {
        const double d = v.toDouble();
        return d == std::floor(d) ? u"integer"_qs : u"number"_qs;
    }
    default: return u"null"_qs;
    }
}

bool isIntegral(const QJsonValue &v)
{
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    return std::isfinite(d) && d == std::floor(d);
}

bool fitsInt32(const QJsonValue &v)
{
    const double d = v.toDouble();
    return d >= -2147483648.0 && d <= 2147483647.0;
}

// ---- phase 1: decoding -----------------------------------------------------------------------

class DecodeWalker
{
public:
    DecodeWalker(const TypeRegistry &registry, bool custom, DecodingFindings &out)
        : m_registry(registry), m_custom(custom), m_out(out) {}

    // Returns whether the object changed (an unknown field was removed below it).
    bool visitStruct(QJsonObject &object, const QString &typeName, const QString &path, const QString &goPath, int depth)
    {
        const TypeSchemaPtr type = m_registry.type(typeName);
        if (!type)
            return false;
        if (depth > kMaxValidationDepth) {
            mismatchText(path, u"the object is nested too deeply"_qs);
            return false;
        }
        bool changed = false;
        for (auto it = object.begin(); it != object.end();) {
            const FieldSchema *field = type->field(it.key());
            if (!field) {
                if (type->preserveUnknownFields) {
                    ++it;
                    continue;
                }
                m_out.unknownFields.append(child(path, it.key()));
                it = object.erase(it);
                changed = true;
                continue;
            }
            QJsonValue value = it.value();
            if (visitValue(value, field->type, child(path, it.key()), child(goPath, it.key()), goStructName(typeName), depth + 1)) {
                it.value() = value;
                changed = true;
            }
            ++it;
        }
        return changed;
    }

private:
    bool visitValue(QJsonValue &value, const FieldType &type, const QString &path, const QString &goPath,
                    const QString &goStruct, int depth)
    {
        if (value.isNull() || value.isUndefined())
            return false; // Go decodes null into the zero value
        switch (type.shape) {
        case FieldType::Shape::Struct: {
            if (!value.isObject())
                return mismatch(value, type, path, goPath, goStruct);
            QJsonObject object = value.toObject();
            if (!visitStruct(object, type.name, path, goPath, depth))
                return false;
            value = object;
            return true;
        }
        case FieldType::Shape::List: {
            if (!value.isArray())
                return mismatch(value, type, path, goPath, goStruct);
            if (!type.elem)
                return false;
            QJsonArray array = value.toArray();
            bool changed = false;
            for (qsizetype i = 0; i < array.size(); ++i) {
                QJsonValue item = array.at(i);
                if (visitValue(item, *type.elem, indexed(path, i), goPath, goStruct, depth + 1)) {
                    array[i] = item;
                    changed = true;
                }
            }
            if (changed)
                value = array;
            return changed;
        }
        case FieldType::Shape::Map: {
            if (!value.isObject())
                return mismatch(value, type, path, goPath, goStruct);
            if (!type.elem)
                return false;
            QJsonObject map = value.toObject();
            bool changed = false;
            for (auto it = map.begin(); it != map.end(); ++it) {
                QJsonValue item = it.value();
                if (visitValue(item, *type.elem, path + u'[' + it.key() + u']', goPath, goStruct, depth + 1)) {
                    it.value() = item;
                    changed = true;
                }
            }
            if (changed)
                value = map;
            return changed;
        }
        case FieldType::Shape::Scalar:
            checkScalar(value, type, path, goPath, goStruct);
            return false;
        }
        return false;
    }

    void checkScalar(const QJsonValue &value, const FieldType &type, const QString &path, const QString &goPath,
                     const QString &goStruct)
    {
        const QString &n = type.name;
        if (n == u"string" || n == u"Time" || n == u"MicroTime" || n == u"Duration") {
            if (!value.isString())
                mismatch(value, type, path, goPath, goStruct);
        } else if (n == u"boolean") {
            if (!value.isBool())
                mismatch(value, type, path, goPath, goStruct);
        } else if (n == u"int32" || n == u"int64") {
            if (!isIntegral(value) || (n == u"int32" && !fitsInt32(value)))
                mismatch(value, type, path, goPath, goStruct);
        } else if (n == u"double") {
            if (!value.isDouble())
                mismatch(value, type, path, goPath, goStruct);
        } else if (n == u"bytes") {
            if (!value.isString()) {
                mismatch(value, type, path, goPath, goStruct);
                return;
            }
            const auto decoded = QByteArray::fromBase64Encoding(value.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded)
                mismatchText(path, u"illegal base64 data at input byte 0"_qs);
        } else if (n == u"IntOrString") {
            if (!value.isString() && !(isIntegral(value) && fitsInt32(value)))
                mismatch(value, type, path, goPath, goStruct);
        } else if (n == u"Quantity") {
            if (!value.isString() && !value.isDouble()) {
                mismatch(value, type, path, goPath, goStruct);
                return;
            }
            const QString text = value.isString() ? value.toString() : goValue(value);
            const auto parsed = Quantity::parse(text);
            if (!parsed.ok()) {
                if (m_custom)
                    addCustomCause(path, value, parsed.error().message());
                else
                    mismatchText(path, parsed.error().message());
            }
        }
        // RawExtension, JSON, FieldsV1, any: every JSON value is fine.
    }

    bool mismatch(const QJsonValue &value, const FieldType &type, const QString &path, const QString &goPath,
                  const QString &goStruct)
    {
        if (m_custom) {
            addCustomCause(path, value, u"%1 in body must be of type %2: \"%3\""_qs.arg(path, openApiTypeName(type), openApiKindName(value)));
            return false;
        }
        const QString where = goPath.isEmpty() ? u"Go value"_qs : u"Go struct field %1.%2"_qs.arg(goStruct, goPath);
        const bool showNumber = type.isScalar() && (type.name == u"int32" || type.name == u"int64" || type.name == u"IntOrString");
        mismatchText(path, u"json: cannot unmarshal %1 into %2 of type %3"_qs.arg(jsonKindName(value, showNumber), where, goTypeName(type)));
        return false;
    }

    void mismatchText(const QString &path, const QString &text)
    {
        if (m_custom) {
            m_out.typeCauses.append({u"FieldValueInvalid"_qs, text, path});
            return;
        }
        if (m_out.typeError.isEmpty()) // Go's decoder reports the first
            m_out.typeError = text;
    }

    void addCustomCause(const QString &path, const QJsonValue &value, const QString &detail)
    {
        m_out.typeCauses.append({u"FieldValueTypeInvalid"_qs, u"Invalid value: %1: %2"_qs.arg(goValue(value), detail), path});
    }

    const TypeRegistry &m_registry;
    bool m_custom;
    DecodingFindings &m_out;
};

// ---- phase 2: values -------------------------------------------------------------------------

bool isMissing(const QJsonValue &v)
{
    return v.isUndefined() || v.isNull() || (v.isString() && v.toString().isEmpty()) || (v.isArray() && v.toArray().isEmpty());
}

StatusCause notSupportedCause(const QString &field, const QString &value, const QStringList &supported)
{
    QStringList sorted = supported; // upstream lists a set's values in order
    sorted.sort();
    QStringList quoted;
    for (const QString &s : std::as_const(sorted))
        quoted << validation::goQuoted(s);
    return {u"FieldValueNotSupported"_qs,
            u"Unsupported value: %1: supported values: %2"_qs.arg(validation::goQuoted(value), quoted.join(u", "_qs)), field};
}

class ValueWalker
{
public:
    ValueWalker(const TypeRegistry &registry, QList<StatusCause> &out) : m_registry(registry), m_out(out) {}

    void visitStruct(const QJsonObject &object, const QString &typeName, const QString &path, int depth)
    {
        const TypeSchemaPtr type = m_registry.type(typeName);
        if (!type || depth > kMaxValidationDepth)
            return;
        auto visitField = [&](const FieldSchema &field) {
            if (field.isInline)
                return;
            if (path.isEmpty() && (field.name == u"status" || field.name == u"metadata"))
                return; // status: written by controllers (see the header); metadata: validateObjectMeta
            const QJsonValue value = object.value(field.name);
            const QString fieldPath = child(path, field.name);
            const bool scalarLike = field.type.isScalar() && (value.isDouble() || value.isBool());
            if (field.required && (scalarLike ? value.isUndefined() : isMissing(value))) {
                m_out.append(validation::requiredCause(fieldPath));
                return;
            }
            if (!value.isUndefined() && !value.isNull())
                visitValue(value, field.type, field.enumValues, fieldPath, depth + 1);
        };
        for (const FieldSchema &f : type->fields)
            visitField(f);
        for (const FieldSchema &f : type->inlinedFields)
            visitField(f);
    }

private:
    void visitValue(const QJsonValue &value, const FieldType &type, const QStringList &enumValues, const QString &path, int depth)
    {
        switch (type.shape) {
        case FieldType::Shape::Struct:
            if (value.isObject())
                visitStruct(value.toObject(), type.name, path, depth);
            return;
        case FieldType::Shape::List: {
            if (!type.elem || !value.isArray())
                return;
            const QJsonArray array = value.toArray();
            for (qsizetype i = 0; i < array.size(); ++i)
                visitValue(array.at(i), *type.elem, enumValues, indexed(path, i), depth + 1);
            return;
        }
        case FieldType::Shape::Map: {
            if (!type.elem || !value.isObject())
                return;
            const QJsonObject map = value.toObject();
            for (auto it = map.begin(); it != map.end(); ++it)
                visitValue(it.value(), *type.elem, {}, path + u'[' + it.key() + u']', depth + 1);
            return;
        }
        case FieldType::Shape::Scalar:
            if (!enumValues.isEmpty() && value.isString()) {
                const QString s = value.toString();
                if (!s.isEmpty() && !enumValues.contains(s))
                    m_out.append(notSupportedCause(path, s, enumValues));
            }
            return;
        }
    }

    const TypeRegistry &m_registry;
    QList<StatusCause> &m_out;
};

} // namespace

Expected<FieldValidation> parseFieldValidation(const QString &value, const QString &optionsKind)
{
    if (value.isEmpty() || value == u"Warn")
        return FieldValidation::Warn;
    if (value == u"Strict")
        return FieldValidation::Strict;
    if (value == u"Ignore")
        return FieldValidation::Ignore;
    return Status::invalid(u"meta.k8s.io"_qs, optionsKind, QString(),
                           {notSupportedCause(u"fieldValidation"_qs, value, {u"Ignore"_qs, u"Warn"_qs, u"Strict"_qs})});
}

DecodingFindings findDecodingProblems(QJsonObject &object, const KindInfo &kind, const TypeRegistry &registry)
{
    DecodingFindings findings;
    DecodeWalker(registry, kind.isCustom, findings).visitStruct(object, kind.rootType, QString(), QString(), 0);
    return findings;
}

Status decodingStatus(const DecodingFindings &findings, const KindInfo &kind, FieldValidation directive, QStringList *warnings)
{
    const QString prefix = u"%1 in version \"%2\" cannot be handled as a %1: "_qs.arg(kind.gvk.kind, kind.gvk.version);
    if (!findings.typeError.isEmpty())
        return Status::badRequest(prefix + findings.typeError);
    if (!findings.typeCauses.isEmpty())
        return Status::invalid(kind.gvk.group, kind.gvk.kind, QString(), findings.typeCauses);
    if ((findings.unknownFields.isEmpty() && findings.duplicateFields.isEmpty() && findings.yamlDuplicates.isEmpty())
        || directive == FieldValidation::Ignore)
        return {};
    // Document order, as Go's decoder meets them; stable for what has no known position.
    QList<QPair<qsizetype, QString>> ordered;
    for (const QString &f : findings.unknownFields)
        ordered.append({findings.fieldOffsets.value(f, std::numeric_limits<qsizetype>::max()), u"unknown field %1"_qs.arg(validation::goQuoted(f))});
    for (const auto &[offset, path] : findings.duplicateFields) {
        const bool unknown = std::any_of(findings.unknownFields.cbegin(), findings.unknownFields.cend(), [&](const QString &f) {
            return path == f || path.startsWith(f + u'.') || path.startsWith(f + u'[');
        });
        if (!unknown)
            ordered.append({offset, u"duplicate field %1"_qs.arg(validation::goQuoted(path))});
    }
    std::stable_sort(ordered.begin(), ordered.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    QStringList messages;
    for (const auto &[offset, message] : std::as_const(ordered))
        messages << message;
    // go-yaml's strict error comes first, as one message: "yaml: unmarshal errors:\n  line 6: …".
    if (directive == FieldValidation::Strict && !findings.yamlDuplicates.isEmpty())
        messages.prepend(u"yaml: unmarshal errors:\n  "_qs + findings.yamlDuplicates.join(u"\n  "_qs));
    else
        messages = findings.yamlDuplicates + messages;
    if (messages.isEmpty())
        return {};
    if (directive == FieldValidation::Strict)
        return Status::badRequest(prefix + u"strict decoding error: "_qs + messages.join(u", "_qs));
    if (warnings)
        warnings->append(messages);
    return {};
}

void findDuplicateFields(QByteArrayView jsonBody, DecodingFindings &findings)
{
    JsonKeyScan scan = scanJsonKeys(jsonBody);
    for (const JsonKeyScan::Duplicate &d : std::as_const(scan.duplicates))
        findings.duplicateFields.append({d.offset, d.path});
    findings.fieldOffsets = std::move(scan.firstOffsets);
}

Status checkDecoding(QJsonObject &object, const KindInfo &kind, const TypeRegistry &registry, FieldValidation directive,
                     QStringList *warnings)
{
    return decodingStatus(findDecodingProblems(object, kind, registry), kind, directive, warnings);
}

QList<StatusCause> validateObject(const QJsonObject &object, const KindInfo &kind, const TypeRegistry &registry,
                                  const QJsonObject *old)
{
    QList<StatusCause> causes;
    // Create-only reviews (TokenReview, SelfSubjectReview) carry no stored metadata.
    if (kind.verbs.contains(u"get"_qs)) {
        const Object asObject = Object::fromJson(object);
        causes += validation::validateObjectMeta(asObject, kind.namespaced ? validation::Scope::Namespaced : validation::Scope::Cluster,
                                                 nameValidatorFor(kind));
    }
    // Custom resources: required, enum and value rules come from their CRD's schema instead
    // (crdvalidation.h), in apiextensions' wording.
    if (!kind.isCustom)
        ValueWalker(registry, causes).visitStruct(object, kind.rootType, QString(), 0);
    causes += validateKindRules(object, kind, old);
    return causes;
}

Status validationStatus(const QJsonObject &object, const KindInfo &kind, const TypeRegistry &registry, const QJsonObject *old)
{
    const QList<StatusCause> causes = validateObject(object, kind, registry, old);
    if (causes.isEmpty())
        return {};
    return Status::invalid(kind.gvk.group, kind.gvk.kind, object.value(u"metadata").toObject().value(u"name").toString(), causes);
}

QString goValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return validation::goQuoted(value.toString());
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_qs : u"false"_qs;
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (isIntegral(value) && std::abs(d) < 1e18)
            return QString::number(qint64(d));
        return QString::number(d, 'g', 17);
    }
    case QJsonValue::Object: {
        const QJsonObject o = value.toObject();
        QStringList parts;
        bool allStrings = true;
        for (auto it = o.begin(); it != o.end(); ++it) {
            allStrings = allStrings && it.value().isString();
            parts << validation::goQuoted(it.key()) + u':' + goValue(it.value());
        }
        return (allStrings ? u"map[string]string{"_qs : u"map[string]interface {}{"_qs) + parts.join(u", "_qs) + u'}';
    }
    case QJsonValue::Array: {
        QStringList parts;
        for (const QJsonValue &v : value.toArray())
            parts << goValue(v);
        return u"[]interface {}{"_qs + parts.join(u", "_qs) + u'}';
    }
    default:
        return u"null"_qs;
    }
}

} // namespace kube
