#include "jsonpatch.h"

#include "patchmeta.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QStringList>

#include <functional>
#include <optional>

namespace kube {

namespace {

Status rejected()
{
    return Status(422, QString::fromLatin1(reason::Invalid),
                  u"the server rejected our request due to an error in our request"_qs);
}

// The reference tokens of a JSON Pointer; nullopt when it does not start with "/".
std::optional<QStringList> parsePointer(const QString &pointer)
{
    if (pointer.isEmpty())
        return QStringList();
    if (!pointer.startsWith(u'/'))
        return std::nullopt;
    QStringList tokens = pointer.mid(1).split(u'/');
    for (QString &t : tokens)
        t.replace(u"~1"_qs, u"/"_qs).replace(u"~0"_qs, u"~"_qs);
    return tokens;
}

// An array index as strconv.Atoi reads it (digits with an optional sign); nullopt otherwise.
std::optional<qsizetype> parseIndex(const QString &token)
{
    const QStringView digits = token.startsWith(u'-') ? QStringView(token).mid(1) : QStringView(token);
    if (digits.isEmpty() || digits.size() > 15)
        return std::nullopt;
    for (QChar c : digits) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
    }
    return qsizetype(token.toLongLong());
}

// One failed operation: the explanation evanphx/json-patch would give.
struct Failure {
    QString why;
};

// Runs `leaf` on the container that holds the last token of `tokens`, rebuilding the containers
// on the way back up. The container is the parent value; `leaf` may modify it.
using Leaf = std::function<std::optional<Failure>(QJsonValue &parent, const QString &key)>;

std::optional<Failure> atParent(QJsonValue &node, const QStringList &tokens, qsizetype depth, const Leaf &leaf,
                                const Failure &missing)
{
    if (depth == tokens.size() - 1)
        return leaf(node, tokens.last());
    const QString &token = tokens.at(depth);
    if (node.isObject()) {
        QJsonObject o = node.toObject();
        node = QJsonValue(); // drop our reference so the child detaches cheaply
        auto it = o.find(token);
        if (it == o.end()) {
            node = o;
            return missing;
        }
        QJsonValue child = it.value();
        it.value() = QJsonValue();
        std::optional<Failure> f = atParent(child, tokens, depth + 1, leaf, missing);
        o.insert(token, child);
        node = o;
        return f;
    }
    if (node.isArray()) {
        QJsonArray a = node.toArray();
        node = QJsonValue();
        const std::optional<qsizetype> i = parseIndex(token);
        if (!i || *i < 0 || *i >= a.size()) {
            node = a;
            return missing;
        }
        QJsonValue child = a.at(*i);
        a.replace(*i, QJsonValue());
        std::optional<Failure> f = atParent(child, tokens, depth + 1, leaf, missing);
        a.replace(*i, child);
        node = a;
        return f;
    }
    return missing;
}

Failure invalidIndex(qsizetype i)
{
    return {u"Unable to access invalid index: %1: invalid index referenced"_qs.arg(i)};
}

// Reads the value at `tokens`; nullopt when absent.
std::optional<QJsonValue> valueAt(const QJsonValue &doc, const QStringList &tokens)
{
    QJsonValue node = doc;
    for (const QString &token : tokens) {
        if (node.isObject()) {
            const QJsonObject o = node.toObject();
            const auto it = o.constFind(token);
            if (it == o.constEnd())
                return std::nullopt;
            node = it.value();
            continue;
        }
        if (!node.isArray())
            return std::nullopt;
        const QJsonArray a = node.toArray();
        std::optional<qsizetype> i = parseIndex(token);
        if (!i || *i < 0 || *i >= a.size())
            return std::nullopt;
        node = a.at(*i);
    }
    return node;
}

// Inserts (arrays) or sets (objects) `value` under `key` of `parent`.
std::optional<Failure> addTo(QJsonValue &parent, const QString &key, const QJsonValue &value, const QString &path)
{
    if (parent.isObject()) {
        QJsonObject o = parent.toObject();
        parent = QJsonValue();
        o.insert(key, value);
        parent = o;
        return std::nullopt;
    }
    if (!parent.isArray())
        return Failure{u"add operation does not apply: doc is missing path: \"%1\": missing value"_qs.arg(path)};
    QJsonArray a = parent.toArray();
    parent = QJsonValue();
    if (key == u"-") {
        a.append(value);
        parent = a;
        return std::nullopt;
    }
    std::optional<qsizetype> i = parseIndex(key);
    if (!i) {
        parent = a;
        return Failure{u"error in add for path: '%1': value was not a proper array index: '%2': strconv.Atoi: parsing \"%2\": invalid syntax"_qs.arg(path, key)};
    }
    qsizetype idx = *i;
    if (idx < 0)
        idx += a.size() + 1;
    if (idx < 0 || idx > a.size()) {
        parent = a;
        return Failure{u"error in add for path: '%1': "_qs.arg(path) + invalidIndex(*i).why};
    }
    a.insert(idx, value);
    parent = a;
    return std::nullopt;
}

// Removes `key` from `parent`, handing the removed value to *removed when given.
std::optional<Failure> removeFrom(QJsonValue &parent, const QString &key, const QString &path, QJsonValue *removed)
{
    if (parent.isObject()) {
        QJsonObject o = parent.toObject();
        parent = QJsonValue();
        auto it = o.find(key);
        if (it == o.end()) {
            parent = o;
            return Failure{u"error in remove for path: '%1': Unable to remove nonexistent key: %2: missing value"_qs.arg(path, key)};
        }
        if (removed)
            *removed = it.value();
        o.erase(it);
        parent = o;
        return std::nullopt;
    }
    if (!parent.isArray())
        return Failure{u"remove operation does not apply: doc is missing path: \"%1\": missing value"_qs.arg(path)};
    QJsonArray a = parent.toArray();
    parent = QJsonValue();
    const std::optional<qsizetype> i = parseIndex(key);
    qsizetype idx = i.value_or(-1);
    if (i && idx < 0)
        idx += a.size();
    if (!i || idx < 0 || idx >= a.size()) {
        parent = a;
        return Failure{u"error in remove for path: '%1': "_qs.arg(path) + invalidIndex(i.value_or(-1)).why};
    }
    if (removed)
        *removed = a.at(idx);
    a.removeAt(idx);
    parent = a;
    return std::nullopt;
}

qint64 serializedSize(const QJsonValue &v)
{
    if (v.isObject())
        return QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact).size();
    if (v.isArray())
        return QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact).size();
    return QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact).size() - 2;
}

struct Applier {
    QJsonValue doc;
    const JsonPatchOptions &options;
    qint64 copiedBytes = 0;

    std::optional<Failure> add(const QString &path, const QJsonValue &value, const QString &opName)
    {
        const std::optional<QStringList> tokens = parsePointer(path);
        if (!tokens)
            return Failure{u"%1 operation does not apply: doc is missing path: \"%2\": missing value"_qs.arg(opName, path)};
        if (tokens->isEmpty()) {
            doc = value; // RFC 6902 4.1: adding at the root replaces the document
            return std::nullopt;
        }
        const Failure missing{u"%1 operation does not apply: doc is missing path: \"%2\": missing value"_qs.arg(opName, path)};
        return atParent(doc, *tokens, 0, [&](QJsonValue &parent, const QString &key) {
            return addTo(parent, key, value, path);
        }, missing);
    }

    std::optional<Failure> remove(const QString &path, QJsonValue *removed, const QString &opName)
    {
        const std::optional<QStringList> tokens = parsePointer(path);
        const Failure missing{u"%1 operation does not apply: doc is missing path: \"%2\": missing value"_qs.arg(opName, path)};
        if (!tokens || tokens->isEmpty())
            return missing;
        return atParent(doc, *tokens, 0, [&](QJsonValue &parent, const QString &key) {
            return removeFrom(parent, key, path, removed);
        }, missing);
    }

    std::optional<Failure> replace(const QString &path, const QJsonValue &value)
    {
        const std::optional<QStringList> tokens = parsePointer(path);
        const Failure missing{u"replace operation does not apply: doc is missing key: %1: missing value"_qs.arg(path)};
        if (!tokens)
            return missing;
        if (tokens->isEmpty()) {
            if (!value.isObject() && !value.isArray())
                return Failure{u"replace operation value must be object or array"_qs};
            doc = value;
            return std::nullopt;
        }
        return atParent(doc, *tokens, 0, [&](QJsonValue &parent, const QString &key) -> std::optional<Failure> {
            if (parent.isObject()) {
                QJsonObject o = parent.toObject();
                parent = QJsonValue();
                const bool present = o.contains(key);
                if (present)
                    o.insert(key, value);
                parent = o;
                return present ? std::nullopt : std::optional<Failure>(missing);
            }
            if (!parent.isArray())
                return missing;
            QJsonArray a = parent.toArray();
            parent = QJsonValue();
            const std::optional<qsizetype> i = parseIndex(key);
            const bool inRange = i && *i >= 0 && *i < a.size();
            if (inRange)
                a.replace(*i, value);
            parent = a;
            return inRange ? std::nullopt : std::optional<Failure>(missing);
        }, missing);
    }

    std::optional<Failure> test(const QString &path, const QJsonValue &expected)
    {
        const std::optional<QStringList> tokens = parsePointer(path);
        if (!tokens)
            return Failure{u"test operation does not apply: is missing path: %1: missing value"_qs.arg(path)};
        const std::optional<QJsonValue> actual = valueAt(doc, *tokens);
        if (!actual) {
            const std::optional<QJsonValue> parent = tokens->isEmpty() ? std::nullopt : valueAt(doc, tokens->mid(0, tokens->size() - 1));
            if (!parent || (!parent->isObject() && !parent->isArray()))
                return Failure{u"test operation does not apply: is missing path: %1: missing value"_qs.arg(path)};
            // A missing member equals a null value to upstream's library.
            if (expected.isNull())
                return std::nullopt;
            return Failure{u"testing value %1 failed: test failed"_qs.arg(path)};
        }
        if (*actual == expected)
            return std::nullopt;
        return Failure{u"testing value %1 failed: test failed"_qs.arg(path)};
    }

    std::optional<Failure> move(const QString &from, const QString &path)
    {
        const std::optional<QStringList> tokens = parsePointer(from);
        if (!tokens || tokens->isEmpty() || !valueAt(doc, *tokens))
            return Failure{u"move operation does not apply: doc is missing from path: %1: missing value"_qs.arg(from)};
        if (from == path) // RFC 6902 4.4: moving a value onto itself changes nothing
            return std::nullopt;
        if (path.startsWith(from + u'/'))
            return Failure{u"move operation does not apply: \"from\" %1 is a prefix of \"path\" %2"_qs.arg(from, path)};
        QJsonValue value;
        if (std::optional<Failure> f = remove(from, &value, u"move"_qs))
            return f;
        if (std::optional<Failure> f = add(path, value, u"move"_qs)) {
            if (f->why.startsWith(u"move operation"))
                f->why = u"move operation does not apply: doc is missing destination path: %1: missing value"_qs.arg(path);
            return f;
        }
        return std::nullopt;
    }

    std::optional<Failure> copy(const QString &from, const QString &path)
    {
        const std::optional<QStringList> tokens = parsePointer(from);
        const std::optional<QJsonValue> value = tokens ? valueAt(doc, *tokens) : std::nullopt;
        if (!value)
            return Failure{u"copy operation does not apply: doc is missing from path: %1: missing value"_qs.arg(from)};
        copiedBytes += serializedSize(*value);
        if (options.maxCopyBytes > 0 && copiedBytes > options.maxCopyBytes) {
            return Failure{u"Unable to complete the copy, the accumulated size increase of copy is %1, exceeding the limit %2"_qs
                               .arg(copiedBytes).arg(options.maxCopyBytes)};
        }
        if (std::optional<Failure> f = add(path, *value, u"copy"_qs)) {
            if (f->why.startsWith(u"copy operation"))
                f->why = u"copy operation does not apply: doc is missing destination path: %1: missing value"_qs.arg(path);
            return f;
        }
        return std::nullopt;
    }

    std::optional<Failure> apply(const QJsonObject &op)
    {
        const QString kind = op.value(u"op").isString() ? op.value(u"op").toString() : u"unknown"_qs;
        const QJsonValue pathValue = op.value(u"path");
        if (kind != u"add" && kind != u"remove" && kind != u"replace" && kind != u"move" && kind != u"copy" && kind != u"test")
            return Failure{u"Unexpected kind: %1"_qs.arg(kind)};
        if (!pathValue.isString())
            return Failure{u"%1 operation failed to decode path: missing value"_qs.arg(kind)};
        const QString path = pathValue.toString();
        const bool needsValue = kind == u"add" || kind == u"replace" || kind == u"test";
        if (needsValue && !op.contains(u"value"))
            return Failure{u"%1 operation failed to decode value: missing value"_qs.arg(kind)};
        const bool needsFrom = kind == u"move" || kind == u"copy";
        if (needsFrom && !op.value(u"from").isString())
            return Failure{u"%1 operation failed to decode from: missing value"_qs.arg(kind)};
        const QJsonValue value = op.value(u"value");
        const QString from = op.value(u"from").toString();
        if (kind == u"add")
            return add(path, value, kind);
        if (kind == u"remove")
            return remove(path, nullptr, kind);
        if (kind == u"replace")
            return replace(path, value);
        if (kind == u"test")
            return test(path, value);
        if (kind == u"move")
            return move(from, path);
        return copy(from, path);
    }
};

} // namespace

Expected<QJsonArray> parseJsonPatch(const QByteArray &body, const JsonPatchOptions &options)
{
    QJsonParseError error;
    // Wrapping lets QJsonDocument read any JSON value, "null" included.
    const QJsonDocument parsed = QJsonDocument::fromJson("[" + body + "]", &error);
    if (error.error != QJsonParseError::NoError || parsed.array().size() != 1)
        return Status::badRequest(u"invalid character in JSON patch: "_qs + error.errorString());
    const QJsonValue root = parsed.array().first();
    if (root.isNull())
        return QJsonArray();
    if (!root.isArray())
        return Status::badRequest(u"json: cannot unmarshal %1 into Go value of type jsonpatch.Patch"_qs.arg(patchmeta::goJsonKind(root)));
    const QJsonArray ops = root.toArray();
    for (const QJsonValue &op : ops) {
        if (!op.isObject() && !op.isNull())
            return Status::badRequest(u"json: cannot unmarshal %1 into Go value of type jsonpatch.Operation"_qs.arg(patchmeta::goJsonKind(op)));
    }
    if (options.maxOperations > 0 && ops.size() > options.maxOperations) {
        return Status(413, QString::fromLatin1(reason::RequestEntityTooLarge),
                      u"Request entity too large: The allowed maximum operations in a JSON patch is %1, got %2"_qs
                          .arg(options.maxOperations).arg(ops.size()));
    }
    return ops;
}

Expected<QJsonValue> applyJsonPatch(const QJsonValue &document, const QJsonArray &operations,
                                    const JsonPatchOptions &options, QString *why)
{
    Applier applier{document, options, 0};
    for (const QJsonValue &op : operations) {
        if (std::optional<Failure> f = applier.apply(op.toObject())) {
            if (why)
                *why = f->why;
            return rejected();
        }
    }
    return applier.doc;
}

Expected<QJsonObject> applyJsonPatch(const QJsonObject &document, const QByteArray &body,
                                     const JsonPatchOptions &options, QString *why)
{
    Expected<QJsonArray> ops = parseJsonPatch(body, options);
    if (!ops)
        return ops.error();
    Expected<QJsonValue> patched = applyJsonPatch(QJsonValue(document), *ops, options, why);
    if (!patched)
        return patched.error();
    if (!patched->isObject()) {
        if (why)
            *why = u"the patched document is not an object"_qs;
        return rejected();
    }
    return patched->toObject();
}

} // namespace kube
