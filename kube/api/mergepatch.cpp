#include "mergepatch.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace kube {

namespace {

// Drops null members from objects, recursively, through arrays too (array elements that are
// null stay: they are values, not deletions).
QJsonValue pruneNulls(const QJsonValue &v)
{
    if (v.isObject()) {
        QJsonObject out;
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (!it.value().isNull())
                out.insert(it.key(), pruneNulls(it.value()));
        }
        return out;
    }
    if (v.isArray()) {
        QJsonArray out;
        for (const QJsonValue &e : v.toArray())
            out.append(e.isNull() ? e : pruneNulls(e));
        return out;
    }
    return v;
}

void mergeInto(QJsonObject &target, const QJsonObject &patch)
{
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        const QJsonValue &value = it.value();
        if (value.isNull()) {
            target.remove(it.key());
            continue;
        }
        auto current = target.find(it.key());
        if (current == target.end() || current.value().isNull()) {
            target.insert(it.key(), pruneNulls(value));
            continue;
        }
        if (!current.value().isObject()) {
            current.value() = pruneNulls(value);
            continue;
        }
        if (!value.isObject()) {
            current.value() = value; // upstream keeps this one as sent
            continue;
        }
        QJsonObject child = current.value().toObject();
        current.value() = QJsonValue(); // let child detach without copying twice
        mergeInto(child, value.toObject());
        target.insert(it.key(), child);
    }
}

Status badPatch()
{
    return Status::badRequest(u"Invalid JSON Patch"_qs);
}

} // namespace

QJsonValue mergePatch(const QJsonValue &target, const QJsonValue &patch)
{
    if (!patch.isObject())
        return patch;
    if (!target.isObject())
        return pruneNulls(patch);
    QJsonObject result = target.toObject();
    mergeInto(result, patch.toObject());
    return result;
}

Expected<QJsonObject> applyMergePatch(const QJsonObject &original, const QJsonValue &patch)
{
    if (!patch.isObject())
        return badPatch();
    QJsonObject result = original;
    mergeInto(result, patch.toObject());
    return result;
}

Expected<QJsonObject> applyMergePatch(const QJsonObject &original, const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument parsed = QJsonDocument::fromJson("[" + body + "]", &error);
    if (error.error != QJsonParseError::NoError || parsed.array().size() != 1)
        return badPatch();
    return applyMergePatch(original, parsed.array().first());
}

} // namespace kube
