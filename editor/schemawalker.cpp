#include "schemawalker.h"

#include "editortr.h"

#include "kube/api/namevalidation.h"
#include "kube/api/quantity.h"
#include "kube/api/typeregistry.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

#include <cmath>

namespace timonel {

namespace {

constexpr int kMaxDepth = 64; // as kube-apiserver's kMaxValidationDepth

bool isSimpleSegment(QStringView name)
{
    for (QChar c : name) {
        if (!(c.isLetterOrNumber() || c == u'-' || c == u'_'))
            return false;
    }
    return !name.isEmpty();
}

} // namespace

int editDistance(QStringView a, QStringView b)
{
    if (a.size() > 64 || b.size() > 64)
        return 99;
    std::vector<int> row(size_t(b.size()) + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        row[size_t(j)] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int above = row[size_t(j)];
            const int cost = a[i - 1].toLower() == b[j - 1].toLower() ? 0 : 1;
            row[size_t(j)] = std::min({above + 1, row[size_t(j) - 1] + 1, diagonal + cost});
            diagonal = above;
        }
    }
    return row[size_t(b.size())];
}

namespace {

QString expectedName(const kube::FieldType &type)
{
    using Shape = kube::FieldType::Shape;
    if (type.shape == Shape::Struct || type.shape == Shape::Map)
        return Tr::tr("an object");
    if (type.shape == Shape::List)
        return Tr::tr("a list");
    const QString &n = type.name;
    if (n == u"boolean")
        return Tr::tr("true or false");
    if (n == u"int32" || n == u"int64")
        return Tr::tr("an integer");
    if (n == u"double")
        return Tr::tr("a number");
    if (n == u"bytes")
        return Tr::tr("a base64 string");
    if (n == u"IntOrString")
        return Tr::tr("an integer or a string");
    if (n == u"Quantity")
        return Tr::tr("a quantity (such as 500m or 1Gi)");
    return Tr::tr("a string");
}

QString actualName(const YamlNode &n)
{
    switch (n.kind) {
    case YamlNodeKind::Mapping: return Tr::tr("an object");
    case YamlNodeKind::Sequence: return Tr::tr("a list");
    default: break;
    }
    switch (n.scalarType) {
    case ScalarType::Bool: return Tr::tr("a boolean (%1)").arg(n.text);
    case ScalarType::Int: return Tr::tr("an integer (%1)").arg(n.text);
    case ScalarType::Float: return Tr::tr("a number (%1)").arg(n.text);
    case ScalarType::Null: return Tr::tr("null");
    case ScalarType::String: break;
    }
    return Tr::tr("a string (\"%1\")").arg(n.text.size() > 40 ? n.text.left(40) + u'…' : n.text);
}

bool isString(const YamlNode &n) { return n.kind == YamlNodeKind::Scalar && n.scalarType == ScalarType::String; }
bool isNumber(const YamlNode &n)
{
    return n.kind == YamlNodeKind::Scalar && (n.scalarType == ScalarType::Int || n.scalarType == ScalarType::Float);
}

double numberValue(const YamlNode &n)
{
    if (n.scalarType == ScalarType::Int && n.integerFits)
        return double(n.integer);
    QString t = n.text;
    t.remove(u'_');
    return t.toDouble();
}

// An integer value as JSON carries it (1.0 reads as 1), within [min, max].
bool isIntegralIn(const YamlNode &n, double min, double max)
{
    if (!isNumber(n))
        return false;
    if (n.scalarType == ScalarType::Int && !n.integerFits)
        return false;
    const double d = numberValue(n);
    return std::isfinite(d) && d == std::floor(d) && d >= min && d <= max;
}

bool isMissing(const YamlDocument &doc, int node)
{
    if (node < 0)
        return true;
    const YamlNode &n = doc.deref(node);
    if (n.kind == YamlNodeKind::Null || (n.kind == YamlNodeKind::Scalar && n.scalarType == ScalarType::Null))
        return true;
    if (isString(n) && n.text.isEmpty())
        return true;
    return n.kind == YamlNodeKind::Sequence && n.firstChild < 0;
}

bool isNull(const YamlNode &n)
{
    return n.kind == YamlNodeKind::Null || (n.kind == YamlNodeKind::Scalar && n.scalarType == ScalarType::Null);
}

} // namespace

QString PathStep::toString() const
{
    QString out;
    if (parent)
        out = parent->toString();
    if (index >= 0)
        return out + u'[' + QString::number(index) + u']';
    if (mapKey || !isSimpleSegment(name))
        return out + u'[' + name.toString() + u']';
    return out.isEmpty() ? name.toString() : out + u'.' + name.toString();
}

SchemaWalker::SchemaWalker(const YamlDocument &doc, const kube::TypeRegistry &registry, QList<ManifestProblem> &out)
    : m_doc(doc), m_registry(registry), m_out(out)
{
}

void SchemaWalker::walkStruct(int node, const QString &typeName, const PathStep *path, bool isRoot)
{
    walkStructAt(node, typeName, path, isRoot, false, 0);
}

void SchemaWalker::reportAt(const SourceRange &range, ProblemSeverity severity, ProblemKind kind, const QString &message,
                            const QString &path)
{
    m_out.append({m_doc.index, range.line, range.column, range.length, severity, kind, message, path});
}

void SchemaWalker::report(int node, ProblemSeverity severity, ProblemKind kind, const QString &message, const PathStep *path)
{
    reportAt(m_doc.problemRange(node), severity, kind, message, path ? path->toString() : QString(u""_qs));
}

void SchemaWalker::walkStructAt(int node, const QString &typeName, const PathStep *path, bool isRoot, bool underStatus, int depth)
{
    const kube::TypeSchemaPtr type = m_registry.type(typeName);
    if (!type || depth > kMaxDepth)
        return;
    QStringList misspelled; // fields whose misspelling was reported: not also "required"
    for (const YamlDocument::Entry &e : m_doc.entries(node)) {
        const QString key = m_doc.scalarText(e.key);
        const kube::FieldSchema *field = type->field(key);
        PathStep step{path, key};
        if (!field) {
            if (!type->preserveUnknownFields)
                misspelled << unknownField(e.key, *type, &step);
            continue;
        }
        const bool status = underStatus || (isRoot && key == u"status");
        walkValue(e.value, field->type, field->enumValues, &step, status, depth + 1);
    }
    if (typeName == u"meta.v1.ObjectMeta") {
        PathStep labels{path, u"labels"};
        const int labelsNode = m_doc.value(node, u"labels");
        if (labelsNode >= 0)
            checkLabels(labelsNode, &labels, true);
        PathStep annotations{path, u"annotations"};
        const int annotationsNode = m_doc.value(node, u"annotations");
        if (annotationsNode >= 0)
            checkLabels(annotationsNode, &annotations, false);
    } else if (typeName == u"meta.v1.LabelSelector") {
        PathStep matchLabels{path, u"matchLabels"};
        const int matchNode = m_doc.value(node, u"matchLabels");
        if (matchNode >= 0)
            checkLabels(matchNode, &matchLabels, true);
    }
    checkRequired(node, *type, path, isRoot, underStatus, misspelled);
}

void SchemaWalker::walkValue(int node, const kube::FieldType &type, const QStringList &enumValues, const PathStep *path,
                             bool underStatus, int depth)
{
    using Shape = kube::FieldType::Shape;
    const YamlNode &n = m_doc.deref(node);
    if (isNull(n) || depth > kMaxDepth)
        return; // null decodes into the zero value
    switch (type.shape) {
    case Shape::Struct:
        if (n.kind != YamlNodeKind::Mapping)
            return wrongType(node, type, path);
        return walkStructAt(node, type.name, path, false, underStatus, depth);
    case Shape::List: {
        if (n.kind != YamlNodeKind::Sequence)
            return wrongType(node, type, path);
        if (!type.elem)
            return;
        int i = 0;
        for (int c = n.firstChild; c >= 0; c = m_doc.node(c).next, ++i) {
            PathStep step{path, {}, i};
            walkValue(c, *type.elem, enumValues, &step, underStatus, depth + 1);
        }
        return;
    }
    case Shape::Map: {
        if (n.kind != YamlNodeKind::Mapping)
            return wrongType(node, type, path);
        if (!type.elem)
            return;
        for (const YamlDocument::Entry &e : m_doc.entries(node)) {
            const QString key = m_doc.scalarText(e.key);
            PathStep step{path, key, -1, true};
            walkValue(e.value, *type.elem, {}, &step, underStatus, depth + 1);
        }
        return;
    }
    case Shape::Scalar:
        return checkScalar(node, type, enumValues, path);
    }
}

void SchemaWalker::checkScalar(int node, const kube::FieldType &type, const QStringList &enumValues, const PathStep *path)
{
    const YamlNode &n = m_doc.deref(node);
    const QString &name = type.name;
    if (name == u"string" || name == u"Time" || name == u"MicroTime" || name == u"Duration") {
        if (!isString(n))
            return wrongType(node, type, path);
    } else if (name == u"boolean") {
        if (n.kind != YamlNodeKind::Scalar || n.scalarType != ScalarType::Bool)
            return wrongType(node, type, path);
    } else if (name == u"int32") {
        if (!isIntegralIn(n, -2147483648.0, 2147483647.0))
            return wrongType(node, type, path);
    } else if (name == u"int64") {
        if (!isIntegralIn(n, -9.2233720368547758e18, 9.2233720368547758e18))
            return wrongType(node, type, path);
    } else if (name == u"double") {
        if (!isNumber(n))
            return wrongType(node, type, path);
    } else if (name == u"bytes") {
        if (!isString(n))
            return wrongType(node, type, path);
        QByteArray base64 = n.text.toLatin1();
        base64.replace('\n', QByteArray()).replace('\r', QByteArray()); // Go's decoder skips line breaks
        const auto decoded = QByteArray::fromBase64Encoding(base64, QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded) {
            report(node, ProblemSeverity::Error, ProblemKind::InvalidValue,
                   Tr::tr("%1 must be base64-encoded (plain text belongs in stringData)").arg(path->toString()), path);
        }
    } else if (name == u"IntOrString") {
        if (!isString(n) && !isIntegralIn(n, -2147483648.0, 2147483647.0))
            return wrongType(node, type, path);
    } else if (name == u"Quantity") {
        if (!isString(n) && !isNumber(n))
            return wrongType(node, type, path);
        const auto parsed = kube::Quantity::parse(n.text);
        if (!parsed.ok()) {
            report(node, ProblemSeverity::Error, ProblemKind::InvalidValue,
                   Tr::tr("%1: \"%2\" is not a quantity (%3)").arg(path->toString(), n.text, parsed.error().message()), path);
        }
    }
    if (!enumValues.isEmpty() && isString(n) && !n.text.isEmpty() && !enumValues.contains(n.text)) {
        QStringList quoted;
        for (const QString &v : enumValues)
            quoted << u'"' + v + u'"';
        report(node, ProblemSeverity::Error, ProblemKind::EnumValue,
               Tr::tr("Unsupported value \"%1\" for %2: supported values are %3")
                   .arg(n.text, path->toString(), quoted.join(u", "_qs)), path);
    }
}

void SchemaWalker::wrongType(int node, const kube::FieldType &type, const PathStep *path)
{
    const YamlNode &n = m_doc.deref(node);
    const QString where = path->toString();
    QString message = Tr::tr("%1 must be %2, not %3").arg(where, expectedName(type), actualName(n));
    // The classic: `value: true`, `version: 1.0`, `port: 8080` where a string belongs.
    if (type.isScalar() && type.name == u"string" && n.kind == YamlNodeKind::Scalar && !n.quoted)
        message = Tr::tr("%1 must be a string, not %2: write it in quotes (\"%3\")").arg(where, actualName(n), n.text);
    report(node, ProblemSeverity::Error, ProblemKind::WrongType, message, path);
}

QString SchemaWalker::unknownField(int keyNode, const kube::TypeSchema &type, const PathStep *path)
{
    const QStringView name = path->name;
    QString suggestion;
    int best = 3;
    const auto consider = [&](const kube::FieldSchema &f) {
        if (f.isInline)
            return;
        const int d = editDistance(name, f.name);
        const int limit = f.name.size() <= 4 ? 1 : 2;
        if (d <= limit && d < best) {
            best = d;
            suggestion = f.name;
        }
    };
    for (const kube::FieldSchema &f : type.fields)
        consider(f);
    for (const kube::FieldSchema &f : type.inlinedFields)
        consider(f);
    const QString where = path->parent ? path->parent->toString() : QString();
    QString message;
    if (where.isEmpty())
        message = suggestion.isEmpty() ? Tr::tr("Unknown field \"%1\"").arg(name)
                                       : Tr::tr("Unknown field \"%1\" (did you mean \"%2\"?)").arg(name, suggestion);
    else
        message = suggestion.isEmpty() ? Tr::tr("Unknown field \"%1\" in %2").arg(name, where)
                                       : Tr::tr("Unknown field \"%1\" in %2 (did you mean \"%3\"?)").arg(name, where, suggestion);
    reportAt(m_doc.node(keyNode).range, ProblemSeverity::Error, ProblemKind::UnknownField, message, path->toString());
    return suggestion;
}

void SchemaWalker::checkRequired(int node, const kube::TypeSchema &type, const PathStep *path, bool isRoot, bool underStatus,
                                 const QStringList &misspelled)
{
    if (underStatus)
        return; // controllers write status; the API server validates little of it
    const auto check = [&](const kube::FieldSchema &field) {
        if (!field.required || field.isInline)
            return;
        if (isRoot && (field.name == u"status" || field.name == u"metadata" || field.name == u"apiVersion" || field.name == u"kind"))
            return; // metadata and the type fields have their own checks
        const int present = m_doc.value(node, field.name);
        if (!isMissing(m_doc, present) || misspelled.contains(field.name))
            return;
        PathStep step{path, field.name};
        int anchor = present >= 0 ? present : node; // "name: \"\"" underlines the empty value
        if (isRoot && present < 0) {
            int kindKey = -1;
            if (m_doc.value(node, u"kind", &kindKey) >= 0)
                anchor = kindKey;
        }
        const SourceRange range = m_doc.problemRange(anchor);
        reportAt(range, ProblemSeverity::Error, ProblemKind::RequiredField, Tr::tr("%1 is required").arg(step.toString()),
                 step.toString());
    };
    for (const kube::FieldSchema &f : type.fields)
        check(f);
    for (const kube::FieldSchema &f : type.inlinedFields)
        check(f);
}

void SchemaWalker::checkLabels(int mapNode, const PathStep *path, bool checkValues)
{
    for (const YamlDocument::Entry &e : m_doc.entries(mapNode)) {
        const QString key = m_doc.scalarText(e.key);
        PathStep step{path, key, -1, true};
        const QStringList keyErrors = kube::validation::isQualifiedName(checkValues ? QStringView(key) : QStringView(key.toLower()));
        if (!keyErrors.isEmpty()) {
            reportAt(m_doc.node(e.key).range, ProblemSeverity::Error, ProblemKind::InvalidValue,
                     Tr::tr("Invalid key \"%1\" in %2: %3").arg(key, path->toString(), keyErrors.join(u"; "_qs)), step.toString());
        }
        const YamlNode &value = m_doc.deref(e.value);
        if (!checkValues || !isString(value))
            continue;
        const QStringList valueErrors = kube::validation::isValidLabelValue(value.text);
        if (!valueErrors.isEmpty()) {
            report(e.value, ProblemSeverity::Error, ProblemKind::InvalidValue,
                   Tr::tr("Invalid label value \"%1\" for %2: %3").arg(value.text, step.toString(), valueErrors.join(u"; "_qs)), &step);
        }
    }
}

void SchemaWalker::findDuplicateKeys()
{
    for (int i = 0; i < int(m_doc.nodes.size()); ++i) {
        const YamlNode &map = m_doc.node(i);
        if (map.kind != YamlNodeKind::Mapping)
            continue;
        QSet<QString> seen;
        for (int k = map.firstChild; k >= 0;) {
            const int v = m_doc.node(k).next;
            const QString key = m_doc.scalarText(k);
            if (!key.isNull() && key != u"<<" && !seen.contains(key)) {
                seen.insert(key);
            } else if (!key.isNull() && key != u"<<") {
                reportAt(m_doc.node(k).range, ProblemSeverity::Error, ProblemKind::DuplicateField,
                         Tr::tr("Duplicate key \"%1\": each key may appear once in a mapping").arg(key), QString());
            }
            if (v < 0)
                break;
            k = m_doc.node(v).next;
        }
    }
}

QJsonValue yamlNodeToJson(const YamlDocument &doc, int node, int depth)
{
    if (node < 0 || depth > 100)
        return QJsonValue();
    const YamlNode &n = doc.deref(node);
    switch (n.kind) {
    case YamlNodeKind::Mapping: {
        QJsonObject o;
        for (const YamlDocument::Entry &e : doc.entries(node))
            o.insert(doc.scalarText(e.key), yamlNodeToJson(doc, e.value, depth + 1));
        return o;
    }
    case YamlNodeKind::Sequence: {
        QJsonArray a;
        for (int c = n.firstChild; c >= 0; c = doc.node(c).next)
            a.append(yamlNodeToJson(doc, c, depth + 1));
        return a;
    }
    case YamlNodeKind::Scalar:
        switch (n.scalarType) {
        case ScalarType::Null: return QJsonValue();
        case ScalarType::Bool: {
            const QString lower = n.text.toLower();
            return lower == u"y" || lower == u"yes" || lower == u"true" || lower == u"on";
        }
        case ScalarType::Int:
        case ScalarType::Float: return numberValue(n);
        case ScalarType::String: return n.text;
        }
        break;
    default:
        break;
    }
    return QJsonValue();
}

} // namespace timonel
