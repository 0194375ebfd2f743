#include "handlers.h"

#include "deleteoptions.h"
#include "listfilter.h"
#include "namespacelifecycle.h"
#include "resourcerequest.h"

#include "kube/api/clock.h"
#include "kube/store/store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace kube {

namespace {

// The finalizer a propagation policy adds so the garbage collector acts before the object goes.
QString finalizerFor(DeleteOptions::Propagation p)
{
    if (p == DeleteOptions::Propagation::Foreground)
        return u"foregroundDeletion"_qs;
    if (p == DeleteOptions::Propagation::Orphan)
        return u"orphan"_qs;
    return QString();
}

// Marks an object as being deleted: deletionTimestamp, grace period, the policy's finalizer.
Object markDeleting(const Object &current, const DeleteOptions &options, const Clock &clock)
{
    QJsonObject o = current.toJson();
    QJsonObject metadata = o.value(u"metadata").toObject();
    if (!metadata.contains(u"deletionTimestamp")) {
        metadata[u"deletionTimestamp"_qs] = formatKubeTime(clock.now());
        metadata[u"deletionGracePeriodSeconds"_qs] = options.gracePeriodSeconds.value_or(0);
    }
    const QString finalizer = finalizerFor(options.propagation);
    QJsonArray finalizers = metadata.value(u"finalizers").toArray();
    if (!finalizer.isEmpty() && !finalizers.contains(finalizer))
        finalizers.append(finalizer);
    if (!finalizers.isEmpty())
        metadata[u"finalizers"_qs] = finalizers;
    o[u"metadata"_qs] = metadata;
    return Object::fromJson(o);
}

// A pod bound to a node ends gracefully: it is marked with deletionTimestamp = now + grace and
// the kubelet stops its containers, then deletes it with grace 0 (upstream's pod strategy
// CheckGracefulDelete). nullopt: delete at once (unscheduled, finished, or grace 0).
std::optional<qint64> podGracePeriod(const KindInfo &kind, const Object &pod, const DeleteOptions &options)
{
    if (!kind.gvk.group.isEmpty() || kind.gvk.kind != u"Pod")
        return std::nullopt;
    const QJsonObject json = pod.toJson();
    const QJsonObject spec = json.value(u"spec").toObject();
    if (spec.value(u"nodeName").toString().isEmpty())
        return std::nullopt;
    const QString phase = json.value(u"status").toObject().value(u"phase").toString();
    if (phase == u"Succeeded" || phase == u"Failed")
        return std::nullopt;
    const qint64 grace = options.gracePeriodSeconds.value_or(
        spec.contains(u"terminationGracePeriodSeconds") ? qint64(spec.value(u"terminationGracePeriodSeconds").toDouble()) : 30);
    if (grace <= 0)
        return std::nullopt;
    return grace;
}

Object markPodTerminating(const Object &pod, qint64 grace, const Clock &clock)
{
    QJsonObject o = pod.toJson();
    QJsonObject metadata = o.value(u"metadata").toObject();
    metadata[u"deletionTimestamp"_qs] = formatKubeTime(clock.now().addSecs(grace));
    metadata[u"deletionGracePeriodSeconds"_qs] = double(grace);
    o[u"metadata"_qs] = metadata;
    return Object::fromJson(o);
}

} // namespace

Expected<Object> deleteObject(const ApiContext &context, const KindInfo &kind, const QByteArray &key, const QString &name,
                              const DeleteOptions &options, bool *marked)
{
    const QString groupResource = kind.gvr().groupResource();
    *marked = false;
    for (int attempt = 0; attempt < 5; ++attempt) {
        auto entry = context.store->entry(key);
        if (!entry)
            return Status::notFound(groupResource, name);
        const Object current = entry->object;
        if (!options.preconditionUid.isEmpty() && options.preconditionUid != current.uid()) {
            return Status::conflict(groupResource, name, u"Precondition failed: UID in precondition: %1, UID in object meta: %2"_qs
                                                            .arg(options.preconditionUid, current.uid()));
        }
        if (!options.preconditionResourceVersion.isEmpty() && options.preconditionResourceVersion != current.resourceVersion()) {
            return Status::conflict(groupResource, name, u"Precondition failed: ResourceVersion in precondition: %1, ResourceVersion in object meta: %2"_qs
                                                            .arg(options.preconditionResourceVersion, current.resourceVersion()));
        }
        if (const auto grace = podGracePeriod(kind, current, options)) {
            // Only a shorter grace period changes a pod that is already terminating.
            const QJsonValue existing = current.toJson().value(u"metadata").toObject().value(u"deletionGracePeriodSeconds");
            *marked = true;
            if (current.isBeingDeleted() && existing.isDouble() && qint64(existing.toDouble()) <= *grace)
                return current;
            const Object next = markPodTerminating(current, *grace, *context.clock);
            if (options.dryRun)
                return next;
            auto updated = context.store->update(key, next, entry->modRevision);
            if (!updated.ok() && updated.error().is(reason::Conflict))
                continue;
            return updated;
        }
        const bool namespaceKind = kind.gvk.group.isEmpty() && kind.gvk.kind == u"Namespace";
        const bool holdBack = namespaceKind || !current.finalizers().isEmpty() || !finalizerFor(options.propagation).isEmpty();
        if (holdBack) {
            Object next = markDeleting(current, options, *context.clock);
            if (namespaceKind)
                next = markNamespaceTerminating(next);
            *marked = true;
            if (options.dryRun || next == current)
                return next;
            auto updated = context.store->update(key, next, entry->modRevision);
            if (!updated.ok() && updated.error().is(reason::Conflict))
                continue;
            return updated;
        }
        if (options.dryRun)
            return current;
        auto removed = context.store->remove(key, entry->modRevision);
        if (!removed.ok() && removed.error().is(reason::Conflict))
            continue;
        if (!removed.ok() && removed.error().code() == 404)
            return Status::notFound(groupResource, name);
        return removed;
    }
    return Status::conflict(groupResource, name, u"the object kept changing while it was being deleted; try again"_qs);
}

void deleteIfFinalized(const ApiContext &context, const KindInfo &kind, const QByteArray &key, const Object &stored)
{
    if (!stored.isBeingDeleted() || !stored.finalizers().isEmpty())
        return;
    const QJsonObject json = stored.toJson();
    const QJsonValue grace = json.value(u"metadata").toObject().value(u"deletionGracePeriodSeconds");
    const bool pod = kind.gvk.group.isEmpty() && kind.gvk.kind == u"Pod";
    // Only pods end gracefully (elsewhere the grace period a client sent means nothing).
    if (pod && grace.isDouble() && grace.toDouble() > 0)
        return;
    const bool namespaceKind = kind.gvk.group.isEmpty() && kind.gvk.kind == u"Namespace";
    if (namespaceKind && !json.value(u"spec").toObject().value(u"finalizers").toArray().isEmpty())
        return;
    const auto entry = context.store->entry(key);
    if (entry && entry->object.resourceVersion() == stored.resourceVersion())
        context.store->remove(key, entry->modRevision);
}

void handleDelete(const ApiContext &context, const ResourceRequest &request, ApiResponder &responder)
{
    auto options = DeleteOptions::fromRequest(request.http, *context.registry);
    if (!options.ok())
        return responder.respondStatus(options.error());
    bool marked = false;
    auto result = deleteObject(context, *request.kind, request.key(), request.name, options.value(), &marked);
    if (!result.ok())
        return responder.respondStatus(result.error());
    if (marked && request.kind->gvk.group.isEmpty() && request.kind->gvk.kind == u"Namespace" && !options->dryRun)
        context.namespaces->finalizeLater(request.name);
    respondObject(responder, 200, result.value());
}

void handleDeleteCollection(const ApiContext &context, const ResourceRequest &request, ApiResponder &responder)
{
    auto options = DeleteOptions::fromRequest(request.http, *context.registry);
    if (!options.ok())
        return responder.respondStatus(options.error());
    auto filter = ListFilter::fromRequest(request.http, *request.kind);
    if (!filter.ok())
        return responder.respondStatus(filter.error());
    auto list = context.store->list(request.prefix());
    if (!list.ok())
        return responder.respondStatus(list.error());
    QJsonArray items;
    for (const Object &object : list->items) {
        if (!filter->matches(object))
            continue;
        bool marked = false;
        const ResourceRequest one{request.http, request.kind, object.namespace_(), object.name(), {}};
        auto result = deleteObject(context, *request.kind, one.key(), object.name(), options.value(), &marked);
        if (result.ok())
            items.append(result->toJson());
    }
    const QJsonObject out{{u"kind"_qs, request.kind->listKind()}, {u"apiVersion"_qs, request.kind->gvk.apiVersion()},
                          {u"metadata"_qs, QJsonObject{{u"resourceVersion"_qs, QString::number(context.store->currentRevision())}}},
                          {u"items"_qs, items}};
    responder.respondJson(200, QJsonDocument(out).toJson(QJsonDocument::Compact));
}

} // namespace kube
