#include "strategicmergepatch.h"

#include "patchmeta.h"
#include "typeregistry.h"

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>

#include <algorithm>
#include <optional>

// The structure follows upstream's patch.go (mergeMap, mergeSlice, mergePatchIntoOriginal,
// normalizeElementOrder) so that behaviour, error cases included, can be compared line by line.

namespace kube {

namespace {

using patchmeta::Position;
using patchmeta::FieldMeta;

const QString kPatch = QStringLiteral("$patch");
const QString kRetainKeys = QStringLiteral("$retainKeys");
const QString kDeleteFromPrimitiveList = QStringLiteral("$deleteFromPrimitiveList");
const QString kSetElementOrder = QStringLiteral("$setElementOrder");

// --- errors, mapped the way kube-apiserver's interpretStrategicMergePatchError maps them ---

Status badFormat(const QString &message) { return Status::badRequest(message); }
Status badRetainKeys() { return badFormat(u"invalid patch format of retainKeys"_qs); }
Status badSetElementOrder() { return badFormat(u"invalid patch format of setElementOrder list"_qs); }
Status badPrimitiveList() { return badFormat(u"invalid patch format of primitive list"_qs); }
Status noListOfLists()
{
    return Status(422, QString::fromLatin1(reason::Invalid), u"the server rejected our request due to an error in our request"_qs);
}
// Everything else reaches the client as an uncategorized 500 with the library's message.
Status failure(const QString &message) { return Status(500, QString(), message); }
Status noMergeKey(const QJsonObject &item, const QString &mergeKey)
{
    return failure(u"map: %1 does not contain declared merge key: %2"_qs.arg(patchmeta::goValue(item), mergeKey));
}
Status badArgType(const char *expected, const QJsonValue &actual)
{
    return failure(u"expected a %1, but received a %2"_qs.arg(QLatin1StringView(expected), patchmeta::goType(actual)));
}

enum class Kind { Null, Bool, Number, String, Array, Object };

Kind kindOf(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Bool: return Kind::Bool;
    case QJsonValue::Double: return Kind::Number;
    case QJsonValue::String: return Kind::String;
    case QJsonValue::Array: return Kind::Array;
    case QJsonValue::Object: return Kind::Object;
    default: return Kind::Null;
    }
}

bool isDirectiveKey(const QString &key)
{
    return key == kPatch || key == kRetainKeys || key.startsWith(kSetElementOrder) || key.startsWith(kDeleteFromPrimitiveList);
}

// What upstream's typed decoding keeps of a value taken from the patch: no null members, no
// directive keys, no maps that carry "$patch" (upstream's removeDirectives drops those).
std::optional<QJsonValue> cleaned(const QJsonValue &v)
{
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        if (o.contains(kPatch))
            return std::nullopt;
        QJsonObject out;
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (it.value().isNull() || isDirectiveKey(it.key()))
                continue;
            if (std::optional<QJsonValue> c = cleaned(it.value()))
                out.insert(it.key(), *c);
        }
        return out;
    }
    if (v.isArray()) {
        QJsonArray out;
        for (const QJsonValue &e : v.toArray()) {
            if (std::optional<QJsonValue> c = cleaned(e))
                out.append(*c);
        }
        return out;
    }
    return v;
}

QJsonArray cleanedArray(const QJsonArray &a) { return cleaned(a)->toArray(); }

void setCleaned(QJsonObject &target, const QString &key, const QJsonValue &v)
{
    if (std::optional<QJsonValue> c = cleaned(v))
        target.insert(key, *c);
    else
        target.remove(key);
}

// "$setElementOrder/containers" → "containers".
std::optional<QString> extractKey(const QString &key, const QString &prefix)
{
    const qsizetype slash = key.indexOf(u'/');
    if (slash < 0 || QStringView(key).left(slash) != prefix)
        return std::nullopt;
    return key.mid(slash + 1);
}

// The kind shared by every element of the lists (upstream sliceElementType).
Expected<Kind> elementKind(std::initializer_list<const QJsonArray *> lists)
{
    std::optional<Kind> kind;
    for (const QJsonArray *list : lists) {
        for (const QJsonValue &v : *list) {
            const Kind k = kindOf(v);
            if (!kind) {
                if (k == Kind::Array)
                    return noListOfLists();
                kind = k;
                continue;
            }
            if (*kind != k) {
                QStringList parts;
                for (const QJsonArray *l : lists)
                    parts << patchmeta::goValue(*l);
                return failure(u"list element types are not identical: [%1]"_qs.arg(parts.join(u' ')));
            }
        }
    }
    if (!kind)
        return failure(u"no elements in any of the given slices"_qs);
    return *kind;
}

// The identity an item is ordered and matched by: its merge key value, or itself.
QString identityOf(const QJsonValue &item, const QString &mergeKey)
{
    return patchmeta::identity(mergeKey.isEmpty() ? item : item.toObject().value(mergeKey));
}

QHash<QString, qsizetype> indexBy(const QJsonArray &list, const QString &mergeKey)
{
    QHash<QString, qsizetype> index;
    index.reserve(list.size());
    for (qsizetype i = list.size() - 1; i >= 0; --i) // backwards: the first occurrence wins
        index.insert(identityOf(list.at(i), mergeKey), i);
    return index;
}

Status requireMergeKeys(const QString &mergeKey, std::initializer_list<const QJsonArray *> lists)
{
    for (const QJsonArray *list : lists) {
        for (const QJsonValue &v : *list) {
            if (!v.isObject())
                return badArgType("map[string]interface {}", v);
            if (!v.toObject().contains(mergeKey))
                return noMergeKey(v.toObject(), mergeKey);
        }
    }
    return {};
}

// Splits `merged` into the items `partitionBy` names and the server-only rest.
std::pair<QJsonArray, QJsonArray> partition(const QJsonArray &merged, const QJsonArray &partitionBy, const QString &mergeKey)
{
    QSet<QString> named;
    for (const QJsonValue &v : partitionBy)
        named.insert(identityOf(v, mergeKey));
    QJsonArray inPatch, serverOnly;
    for (const QJsonValue &v : merged)
        (named.contains(identityOf(v, mergeKey)) ? inPatch : serverOnly).append(v);
    return {inPatch, serverOnly};
}

QJsonArray sortedBy(const QJsonArray &items, const QJsonArray &order, const QString &mergeKey)
{
    const QHash<QString, qsizetype> index = indexBy(order, mergeKey);
    std::vector<std::pair<qsizetype, QJsonValue>> keyed;
    keyed.reserve(items.size());
    for (const QJsonValue &v : items)
        keyed.emplace_back(index.value(identityOf(v, mergeKey), std::numeric_limits<qsizetype>::max()), v);
    std::stable_sort(keyed.begin(), keyed.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    QJsonArray out;
    for (const auto &[_, v] : keyed)
        out.append(v);
    return out;
}

// upstream normalizeElementOrder: patch items in patch order, server-only items in server order,
// then interleaved: a server-only item goes before a patch item only when the server had both
// and had it first.
Expected<QJsonArray> normalizeElementOrder(const QJsonArray &patchItems, const QJsonArray &serverOnly, const QJsonArray &patchOrder,
                                           const QJsonArray &serverOrder, const QString &mergeKey)
{
    if (!mergeKey.isEmpty()) {
        if (Status s = requireMergeKeys(mergeKey, {&patchItems, &patchOrder, &serverOnly, &serverOrder}); !s.isSuccess())
            return s;
    }
    const QJsonArray right = sortedBy(patchItems, patchOrder, mergeKey);
    const QJsonArray left = sortedBy(serverOnly, serverOrder, mergeKey);
    const QHash<QString, qsizetype> server = indexBy(serverOrder, mergeKey);
    QJsonArray out;
    qsizetype i = 0, j = 0;
    while (i < left.size() || j < right.size()) {
        if (j >= right.size()) {
            out.append(left.at(i++));
            continue;
        }
        if (i >= left.size()) {
            out.append(right.at(j++));
            continue;
        }
        const qsizetype li = server.value(identityOf(left.at(i), mergeKey), -1);
        const qsizetype ri = server.value(identityOf(right.at(j), mergeKey), -1);
        if (li >= 0 && ri >= 0 && li < ri)
            out.append(left.at(i++));
        else
            out.append(right.at(j++));
    }
    return out;
}

class Merger
{
public:
    Expected<QJsonObject> mergeMap(QJsonObject original, QJsonObject patch, const Position &position);

private:
    Status applyRetainKeys(QJsonObject &original, QJsonObject &patch);
    Status applySetElementOrder(QJsonObject &original, QJsonObject &patch, const Position &position);
    Expected<QJsonArray> mergeSliceHandler(const QJsonArray &original, const QJsonArray &patch, const FieldMeta &meta, bool isDeleteList);
    Expected<QJsonArray> mergeSlice(QJsonArray original, QJsonArray patch, const Position &element, const QString &mergeKey, bool isDeleteList);
    Expected<QJsonArray> mergeByKey(QJsonArray original, const QJsonArray &patch, const Position &element, const QString &mergeKey);
};

Expected<QJsonObject> Merger::mergeMap(QJsonObject original, QJsonObject patch, const Position &position)
{
    if (patch.contains(kPatch)) {
        const QJsonValue directive = patch.value(kPatch);
        if (directive == u"replace"_qs) {
            patch.remove(kPatch);
            return cleaned(patch)->toObject();
        }
        if (directive == u"delete"_qs)
            return QJsonObject();
        return failure(u"unknown patch type: %1 in map: %2"_qs.arg(patchmeta::goValue(directive), patchmeta::goValue(patch)));
    }
    if (Status s = applyRetainKeys(original, patch); !s.isSuccess())
        return s;
    if (Status s = applySetElementOrder(original, patch, position); !s.isSuccess())
        return s;

    for (auto it = patch.constBegin(); it != patch.constEnd(); ++it) {
        QString key = it.key();
        const QJsonValue &patchValue = it.value();
        const bool isDeleteList = key.startsWith(kDeleteFromPrimitiveList);
        if (isDeleteList) {
            const std::optional<QString> listKey = extractKey(key, kDeleteFromPrimitiveList);
            if (!listKey)
                return badPrimitiveList();
            key = *listKey;
        }
        if (patchValue.isNull()) {
            original.remove(key);
            continue;
        }
        auto current = original.find(key);
        if (current == original.end() || kindOf(current.value()) != kindOf(patchValue)) {
            // Absent or of another type: the patch's value wins (deletion lists only delete).
            if (!isDeleteList)
                setCleaned(original, key, patchValue);
            continue;
        }
        if (!patchValue.isObject() && !patchValue.isArray()) {
            setCleaned(original, key, patchValue);
            continue;
        }
        if (patchValue.isObject()) {
            const FieldMeta meta = position.field(key);
            if (meta.strategy == u"replace") {
                setCleaned(original, key, patchValue);
                continue;
            }
            QJsonObject child = current.value().toObject();
            current.value() = QJsonValue(); // so that child detaches without a second copy
            Expected<QJsonObject> merged = mergeMap(std::move(child), patchValue.toObject(), meta.sub);
            if (!merged)
                return merged.error();
            original.insert(key, *merged);
            continue;
        }
        Expected<QJsonArray> merged = mergeSliceHandler(current.value().toArray(), patchValue.toArray(), position.sliceField(key), isDeleteList);
        if (!merged)
            return merged.error();
        original.insert(key, *merged);
    }
    return original;
}

// upstream applyRetainKeysDirective: clear what the "$retainKeys" list does not name.
Status Merger::applyRetainKeys(QJsonObject &original, QJsonObject &patch)
{
    if (!patch.contains(kRetainKeys))
        return {};
    const QJsonValue retain = patch.take(kRetainKeys);
    if (!retain.isArray())
        return badRetainKeys();
    QSet<QString> keep;
    for (const QJsonValue &v : retain.toArray()) {
        if (v.isString())
            keep.insert(v.toString());
    }
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        if (it.value().isNull() || it.key().startsWith(kDeleteFromPrimitiveList) || it.key().startsWith(kSetElementOrder))
            continue;
        if (!keep.contains(it.key()))
            return badRetainKeys();
    }
    for (const QString &key : original.keys()) {
        if (!keep.contains(key))
            original.remove(key);
    }
    return {};
}

// upstream validatePatchWithSetOrderList: the patch list must follow the order list.
Status validateOrder(const QJsonArray &patchList, const QJsonArray &order, const QString &mergeKey)
{
    if (order.isEmpty() || patchList.isEmpty())
        return {};
    QJsonArray nonDelete;
    for (const QJsonValue &v : patchList) {
        if (!mergeKey.isEmpty() && !v.isObject())
            return badArgType("map[string]interface {}", v);
        if (!mergeKey.isEmpty() && v.toObject().value(kPatch) == u"delete"_qs)
            continue;
        nonDelete.append(v);
    }
    qsizetype p = 0, s = 0;
    while (p < nonDelete.size() && s < order.size()) {
        const QJsonValue item = nonDelete.at(p);
        if (item.isObject() && item.toObject().contains(kPatch)) {
            ++p;
            continue;
        }
        bool equal = item == order.at(s);
        if (!mergeKey.isEmpty()) {
            const QJsonValue other = order.at(s);
            if (!other.isObject())
                return badArgType("map[string]interface {}", other);
            if (!item.toObject().contains(mergeKey))
                return noMergeKey(item.toObject(), mergeKey);
            if (!other.toObject().contains(mergeKey))
                return noMergeKey(other.toObject(), mergeKey);
            equal = item.toObject().value(mergeKey) == other.toObject().value(mergeKey);
        }
        if (equal)
            ++p;
        ++s;
    }
    if (p < nonDelete.size() && s >= order.size()) {
        return failure(u"The order in patch list:\n%1\n doesn't match %2 list:\n%3\n"_qs
                           .arg(patchmeta::goValue(patchList), kSetElementOrder, patchmeta::goValue(order)));
    }
    return {};
}

// upstream mergePatchIntoOriginal: merges each list that has a "$setElementOrder/<list>" and puts
// it in that order (order list > patch order > server order). Consumes both from the patch.
Status Merger::applySetElementOrder(QJsonObject &original, QJsonObject &patch, const Position &position)
{
    const QStringList keys = patch.keys();
    for (const QString &directiveKey : keys) {
        if (!directiveKey.startsWith(kSetElementOrder))
            continue;
        const QJsonValue orderValue = patch.take(directiveKey);
        if (!orderValue.isArray())
            return badArgType("[]interface {}", orderValue);
        const QJsonArray order = orderValue.toArray();
        const std::optional<QString> key = extractKey(directiveKey, kSetElementOrder);
        if (!key)
            return badSetElementOrder();
        const bool foundOriginal = original.contains(*key);
        const bool foundPatch = patch.contains(*key);
        const QJsonValue originalValue = original.value(*key);
        const QJsonValue patchValue = patch.value(*key);
        if (foundOriginal && !originalValue.isArray())
            return badArgType("[]interface {}", originalValue);
        if (foundPatch && !patchValue.isArray())
            return badArgType("[]interface {}", patchValue);
        const QJsonArray originalList = originalValue.toArray();
        const QJsonArray patchList = patchValue.toArray();
        const FieldMeta meta = position.sliceField(*key);
        if (Status s = validateOrder(patchList, order, meta.mergeKey); !s.isSuccess())
            return s;

        QJsonArray merged;
        if (foundOriginal && !foundPatch) {
            merged = originalList;
        } else if (!foundOriginal && foundPatch) {
            merged = cleanedArray(patchList);
        } else if (foundOriginal && foundPatch) {
            Expected<QJsonArray> m = mergeSliceHandler(originalList, patchList, meta, false);
            if (!m)
                return m.error();
            merged = *m;
        } else {
            continue;
        }
        patch.remove(*key);
        if (merged.isEmpty()) { // upstream fails on "no elements"; an empty list has no order
            original.insert(*key, merged);
            continue;
        }
        Expected<Kind> kind = elementKind({&originalList, &patchList});
        if (!kind)
            return kind.error();
        const QString mergeKey = *kind == Kind::Object ? meta.mergeKey : QString();
        if (!mergeKey.isEmpty()) {
            if (Status s = requireMergeKeys(mergeKey, {&merged, &order}); !s.isSuccess())
                return s;
        }
        const auto [inOrder, serverOnly] = partition(merged, order, mergeKey);
        Expected<QJsonArray> ordered = normalizeElementOrder(inOrder, serverOnly, order, originalList, mergeKey);
        if (!ordered)
            return ordered.error();
        original.insert(*key, *ordered);
    }
    return {};
}

Expected<QJsonArray> Merger::mergeSliceHandler(const QJsonArray &original, const QJsonArray &patch, const FieldMeta &meta, bool isDeleteList)
{
    // Deletion lists are handled the same whatever the field's strategy.
    if (meta.strategy == u"merge" || isDeleteList)
        return mergeSlice(original, patch, meta.sub, meta.mergeKey, isDeleteList);
    return cleanedArray(patch);
}

Expected<QJsonArray> Merger::mergeSlice(QJsonArray original, QJsonArray patch, const Position &element, const QString &mergeKey, bool isDeleteList)
{
    if (original.isEmpty() && patch.isEmpty())
        return original;
    Expected<Kind> kind = elementKind({&original, &patch});
    if (!kind)
        return kind.error();

    QJsonArray merged;
    QString key; // the merge key, for lists of maps
    if (*kind != Kind::Object) {
        if (isDeleteList) {
            QSet<QString> doomed;
            for (const QJsonValue &v : patch)
                doomed.insert(patchmeta::identity(v));
            QJsonArray kept;
            for (const QJsonValue &v : original) {
                if (!doomed.contains(patchmeta::identity(v)))
                    kept.append(v);
            }
            return kept;
        }
        QSet<QString> seen;
        for (const QJsonArray *list : {&original, &patch}) {
            for (const QJsonValue &v : *list) {
                if (!seen.contains(patchmeta::identity(v))) {
                    seen.insert(patchmeta::identity(v));
                    merged.append(v);
                }
            }
        }
    } else {
        if (mergeKey.isEmpty())
            return failure(u"cannot merge lists without merge key for %1"_qs.arg(element.goKindName()));
        key = mergeKey;
        // upstream mergeSliceWithSpecialElements: "$patch" items delete by key or replace all.
        QJsonArray plain;
        QSet<QString> doomed;
        bool replace = false;
        for (const QJsonValue &v : patch) {
            const QJsonObject item = v.toObject();
            if (!item.contains(kPatch)) {
                plain.append(v);
                continue;
            }
            const QJsonValue directive = item.value(kPatch);
            if (directive == u"delete"_qs) {
                if (!item.contains(mergeKey))
                    return noMergeKey(item, mergeKey);
                doomed.insert(patchmeta::identity(item.value(mergeKey)));
            } else if (directive == u"replace"_qs) {
                replace = true;
            } else if (directive == u"merge"_qs) {
                return failure(u"merging lists cannot yet be specified in the patch"_qs);
            } else {
                return failure(u"unknown patch type: %1 in map: %2"_qs.arg(patchmeta::goValue(directive), patchmeta::goValue(item)));
            }
        }
        if (replace) {
            original = cleanedArray(plain);
            patch = QJsonArray();
        } else {
            if (!doomed.isEmpty()) {
                QJsonArray kept;
                for (const QJsonValue &v : original) {
                    const QJsonObject o = v.toObject();
                    if (!o.contains(mergeKey) || !doomed.contains(patchmeta::identity(o.value(mergeKey))))
                        kept.append(v);
                }
                original = kept;
            }
            patch = plain;
        }
        Expected<QJsonArray> m = mergeByKey(original, patch, element, mergeKey);
        if (!m)
            return m.error();
        merged = *m;
    }
    const auto [patchItems, serverOnly] = partition(merged, patch, key);
    return normalizeElementOrder(patchItems, serverOnly, patch, original, key);
}

// upstream mergeSliceWithoutSpecialElements: items with a known key merge, new ones are added.
Expected<QJsonArray> Merger::mergeByKey(QJsonArray original, const QJsonArray &patch, const Position &element, const QString &mergeKey)
{
    QHash<QString, qsizetype> index;
    for (qsizetype i = original.size() - 1; i >= 0; --i) {
        const QJsonObject o = original.at(i).toObject();
        if (o.contains(mergeKey))
            index.insert(patchmeta::identity(o.value(mergeKey)), i);
    }
    for (const QJsonValue &v : patch) {
        const QJsonObject item = v.toObject();
        if (!item.contains(mergeKey))
            return noMergeKey(item, mergeKey);
        const QString id = patchmeta::identity(item.value(mergeKey));
        const auto found = index.constFind(id);
        if (found == index.constEnd()) {
            index.insert(id, original.size());
            original.append(*cleaned(item));
            continue;
        }
        QJsonObject target = original.at(*found).toObject();
        original.replace(*found, QJsonValue());
        Expected<QJsonObject> merged = mergeMap(std::move(target), item, element);
        if (!merged)
            return merged.error();
        original.replace(*found, *merged);
    }
    return original;
}

} // namespace

Expected<QJsonObject> applyStrategicMergePatch(const QJsonObject &original, const QJsonObject &patch,
                                               const TypeRegistry &registry, const QString &rootTypeName)
{
    Merger merger;
    return merger.mergeMap(original, patch, Position::root(registry, rootTypeName));
}

Expected<QJsonObject> applyStrategicMergePatch(const QJsonObject &original, const QByteArray &body,
                                               const TypeRegistry &registry, const QString &rootTypeName)
{
    QJsonParseError error;
    const QJsonDocument parsed = QJsonDocument::fromJson("[" + body + "]", &error);
    if (error.error != QJsonParseError::NoError || parsed.array().size() != 1)
        return Status::badRequest(u"invalid JSON in strategic merge patch: "_qs + error.errorString());
    const QJsonValue root = parsed.array().first();
    if (root.isNull()) // encoding/json leaves the map empty
        return original;
    if (!root.isObject()) {
        return Status::badRequest(u"json: cannot unmarshal %1 into Go value of type map[string]interface {}"_qs
                                      .arg(patchmeta::goJsonKind(root)));
    }
    return applyStrategicMergePatch(original, root.toObject(), registry, rootTypeName);
}

} // namespace kube
