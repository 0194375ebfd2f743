#include "managedfields.h"

#include "resourcerequest.h"

#include "kube/api/clock.h"
#include "kube/api/kindinfo.h"
#include "kube/api/typeregistry.h"

#include <QJsonObject>

#include <algorithm>

namespace kube {

namespace {

constexpr qsizetype kMaxManagerLength = 128;

bool isSameUpdater(const QJsonObject &entry, const QString &manager, const QString &apiVersion, const QString &subresource)
{
    return entry.value(u"operation").toString() == u"Update" && entry.value(u"manager").toString() == manager
           && entry.value(u"apiVersion").toString() == apiVersion && entry.value(u"subresource").toString() == subresource;
}

// Upstream's typed comparison, on the tracked fields: what the write added or changed, and
// what it removed.
struct Comparison {
    FieldSet changed;
    FieldSet removed;
};

Comparison compare(const QJsonObject &old, const FieldSet &before, const QJsonObject &now, const FieldSet &after)
{
    Comparison out;
    const FieldSet leaves = after.leaves();
    for (const FieldPath &p : after.paths()) {
        if (!before.contains(p) || (leaves.contains(p) && valueAtPath(old, p) != valueAtPath(now, p)))
            out.changed.insert(p);
    }
    out.removed = before.minus(after);
    return out;
}

} // namespace

QString managerFromUserAgent(QByteArrayView userAgent)
{
    const qsizetype slash = userAgent.indexOf('/');
    const QByteArrayView prefix = slash < 0 ? userAgent : userAgent.first(slash);
    return QString::fromUtf8(prefix).left(kMaxManagerLength);
}

QString updateManagerName(const ResourceRequest &request)
{
    const QString given = request.http.param(u"fieldManager"_qs);
    if (!given.isEmpty())
        return given;
    return managerFromUserAgent(request.http.header("User-Agent"));
}

FieldSet trackedFields(const QJsonObject &object, const KindInfo &kind, const QString &subresource,
                       const TypeRegistry &registry)
{
    QJsonObject tracked = object;
    if (subresource == u"status") {
        tracked = QJsonObject{{u"status"_qs, object.value(u"status")}};
        if (tracked.value(u"status").isUndefined())
            tracked.remove(u"status"_qs);
    } else if (subresource == u"scale") {
        // The scale subresource writes one field of its parent: what a scaler owns.
        const SubresourceInfo *scale = kind.subresource(u"scale"_qs);
        const QString path = scale && !scale->specReplicasPath.isEmpty() ? scale->specReplicasPath : u".spec.replicas"_qs;
        const QStringList parts = path.split(u'.', Qt::SkipEmptyParts);
        QJsonValue value = object;
        for (const QString &p : parts)
            value = value.toObject().value(p);
        tracked = {};
        if (!value.isUndefined() && !parts.isEmpty()) {
            QJsonValue nested = value;
            for (qsizetype i = parts.size() - 1; i >= 0; --i)
                nested = QJsonObject{{parts.at(i), nested}};
            tracked = nested.toObject();
        }
    } else if (subresource.isEmpty() && kind.subresource(u"status"_qs)) {
        tracked.remove(u"status"_qs); // written through /status only
    }
    return FieldSet::fromApplied(tracked, kind.rootType, registry);
}

void recordUpdate(QJsonObject &object, const QJsonObject &old, const ResourceRequest &request, const ApiContext &context)
{
    const KindInfo &kind = *request.kind;
    QJsonObject metadata = object.value(u"metadata").toObject();
    QJsonArray managed = metadata.value(u"managedFields").toArray();
    if (managed.isEmpty())
        managed = old.value(u"metadata").toObject().value(u"managedFields").toArray();

    const FieldSet before = old.isEmpty() ? FieldSet() : trackedFields(old, kind, request.subresource, *context.registry);
    const FieldSet after = trackedFields(object, kind, request.subresource, *context.registry);
    const Comparison diff = compare(old, before, object, after);
    const FieldSet lost = [&] {
        FieldSet s = diff.changed;
        s.unite(diff.removed);
        return s;
    }();

    const QString manager = updateManagerName(request);
    const QString apiVersion = kind.gvk.apiVersion();
    QJsonArray next;
    FieldSet mine;
    QJsonObject mineEntry;
    for (const QJsonValue &v : std::as_const(managed)) {
        QJsonObject e = v.toObject();
        const FieldSet owned = FieldSet::fromFieldsV1(e.value(u"fieldsV1").toObject());
        if (isSameUpdater(e, manager, apiVersion, request.subresource)) {
            mine = owned;
            mineEntry = e;
            continue;
        }
        const FieldSet kept = owned.minus(lost);
        if (kept.isEmpty())
            continue; // everything it owned was taken or removed
        if (!(kept == owned))
            e[u"fieldsV1"_qs] = kept.toFieldsV1();
        next.append(e);
    }
    const FieldSet previous = mine;
    mine = mine.minus(diff.removed);
    mine.unite(diff.changed);
    if (!mine.isEmpty()) {
        const bool touched = mineEntry.isEmpty() || !(mine == previous) || !diff.changed.isEmpty();
        QJsonObject e{{u"manager"_qs, manager},
                      {u"operation"_qs, u"Update"_qs},
                      {u"apiVersion"_qs, apiVersion},
                      {u"time"_qs, touched ? QJsonValue(formatKubeTime(context.clock->now())) : mineEntry.value(u"time")},
                      {u"fieldsType"_qs, u"FieldsV1"_qs},
                      {u"fieldsV1"_qs, mine.toFieldsV1()}};
        if (!request.subresource.isEmpty())
            e[u"subresource"_qs] = request.subresource;
        next.append(e);
    }
    sortManagedFields(next);
    if (next.isEmpty())
        metadata.remove(u"managedFields"_qs);
    else
        metadata[u"managedFields"_qs] = next;
    object[u"metadata"_qs] = metadata;
}

QString describeManager(const QJsonObject &entry)
{
    QString out = u"\"%1\""_qs.arg(entry.value(u"manager").toString());
    const QString subresource = entry.value(u"subresource").toString();
    if (!subresource.isEmpty())
        out += u" with subresource \"%1\""_qs.arg(subresource);
    // Upstream names managers by their identifier, which leaves the time out.
    if (entry.value(u"operation").toString() == u"Update")
        out += u" using "_qs + entry.value(u"apiVersion").toString();
    return out;
}

void sortManagedFields(QJsonArray &entries)
{
    QList<QJsonObject> list;
    for (const QJsonValue &v : std::as_const(entries))
        list.append(v.toObject());
    // kube times are RFC 3339 in UTC with a fixed width, so text order is time order.
    const auto key = [](const QJsonObject &e) {
        return QStringList{e.value(u"operation").toString(), e.value(u"time").toString(), e.value(u"manager").toString(),
                           e.value(u"apiVersion").toString(), e.value(u"subresource").toString()};
    };
    std::stable_sort(list.begin(), list.end(), [&](const QJsonObject &a, const QJsonObject &b) { return key(a) < key(b); });
    entries = QJsonArray();
    for (const QJsonObject &e : std::as_const(list))
        entries.append(e);
}

} // namespace kube
