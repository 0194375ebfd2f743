#include "customresources.h"

#include "deleteoptions.h"
#include "resourcerequest.h"
#include "storagekeys.h"

#include "kube/api/clock.h"
#include "kube/store/store.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcCustomResources, "timonel.kube.customresources")

namespace kube {

namespace {

KindInfoPtr crdKind(const TypeRegistry &registry)
{
    return registry.resource({u"apiextensions.k8s.io"_qs, u"v1"_qs, u"customresourcedefinitions"_qs});
}

QJsonObject condition(const QString &type, const QString &reason, const QString &message, const QString &now)
{
    return {{u"type"_qs, type}, {u"status"_qs, u"True"_qs}, {u"reason"_qs, reason}, {u"message"_qs, message},
            {u"lastTransitionTime"_qs, now}};
}

bool isEstablished(const QJsonObject &crd)
{
    for (const QJsonValue &c : crd.value(u"status").toObject().value(u"conditions").toArray()) {
        if (c.toObject().value(u"type").toString() == u"Established" && c.toObject().value(u"status").toString() == u"True")
            return true;
    }
    return false;
}

// NamesAccepted and Established, accepted names and stored versions, as the CRD controllers set.
void markEstablished(const ApiContext &context, const KindInfo &kind, const Object &crd)
{
    QJsonObject o = crd.toJson();
    if (isEstablished(o))
        return;
    const QJsonObject spec = o.value(u"spec").toObject();
    const QString now = formatKubeTime(context.clock->now());
    QJsonArray stored;
    for (const QJsonValue &v : spec.value(u"versions").toArray()) {
        if (v.toObject().value(u"storage").toBool())
            stored.append(v.toObject().value(u"name"));
    }
    QJsonObject status;
    status[u"acceptedNames"_qs] = spec.value(u"names");
    status[u"storedVersions"_qs] = stored;
    status[u"conditions"_qs] = QJsonArray{condition(u"NamesAccepted"_qs, u"NoConflicts"_qs, u"no conflicts found"_qs, now),
                                          condition(u"Established"_qs, u"InitialNamesAccepted"_qs, u"the initial names have been accepted"_qs, now)};
    o[u"status"_qs] = status;
    const QByteArray key = storageKey(kind, QString(), crd.name());
    if (auto entry = context.store->entry(key); entry && entry->object.resourceVersion() == crd.resourceVersion())
        context.store->update(key, Object::fromJson(o), entry->modRevision);
}

// Deletes every object of a custom kind that is no longer served.
void deleteInstances(const ApiContext &context, const KindInfo &kind)
{
    auto list = context.store->list(storagePrefix(kind));
    if (!list.ok())
        return;
    DeleteOptions options;
    for (const Object &o : list->items) {
        bool marked = false;
        deleteObject(context, kind, storageKey(kind, o.namespace_(), o.name()), o.name(), options, &marked);
    }
}

} // namespace

void syncCustomResources(const ApiContext &context)
{
    TypeRegistry &registry = *context.registry;
    const KindInfoPtr crds = crdKind(registry);
    if (!crds)
        return;
    auto list = context.store->list(storagePrefix(*crds));
    if (!list.ok())
        return;

    QStringList live;
    for (const Object &crd : list->items) {
        if (crd.isBeingDeleted())
            continue;
        const Status added = registry.addCustomResource(crd);
        if (!added.isSuccess()) {
            qCWarning(lcCustomResources) << "not serving" << crd.name() << ":" << added.message();
            continue;
        }
        live.append(crd.name());
        markEstablished(context, *crds, crd);
    }
    for (const QString &name : registry.customResourceNames()) {
        if (live.contains(name))
            continue;
        QList<KindInfoPtr> gone;
        for (const KindInfoPtr &k : registry.kinds()) {
            if (k->isCustom && k->gvr().groupResource() == name)
                gone.append(k);
        }
        if (!gone.isEmpty())
            deleteInstances(context, *gone.first()); // one storage per resource, whatever the version
        registry.removeCustomResource(name);
    }

    // A deleted CRD waits for its instances to go, then goes itself (its finalizer upstream).
    for (const Object &crd : list->items) {
        if (!crd.isBeingDeleted())
            continue;
        const QByteArray key = storageKey(*crds, QString(), crd.name());
        QJsonObject o = crd.toJson();
        QJsonObject metadata = o.value(u"metadata").toObject();
        QJsonArray finalizers = metadata.value(u"finalizers").toArray();
        for (qsizetype i = finalizers.size() - 1; i >= 0; --i) {
            if (finalizers.at(i).toString() == u"customresourcecleanup.apiextensions.k8s.io")
                finalizers.removeAt(i);
        }
        if (finalizers.isEmpty()) {
            context.store->remove(key);
        } else {
            metadata[u"finalizers"_qs] = finalizers;
            o[u"metadata"_qs] = metadata;
            context.store->update(key, Object::fromJson(o));
        }
    }
}

} // namespace kube
