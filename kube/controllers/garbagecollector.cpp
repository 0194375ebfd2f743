#include "garbagecollector.h"

#include "kube/cache/sharedinformer.h"
#include "kube/client/discoveryclient.h"
#include "kube/client/restclient.h"

#include <algorithm>

namespace kube {

namespace {

constexpr char AttemptToDelete = 'd';
constexpr char Orphan = 'o';

QString itemKey(char mode, const QString &groupResource, const QString &ns, const QString &name)
{
    return QChar::fromLatin1(mode) + u'|' + groupResource + u'|' + queueKey(ns, name);
}

const OwnerReference *referenceTo(const Object &dependent, const QString &ownerUid)
{
    for (const OwnerReference &ref : dependent.ownerReferences()) {
        if (ref.uid == ownerUid)
            return &ref;
    }
    return nullptr;
}

// A write whose target vanished meanwhile did what it had to.
Status ignoreNotFound(const Expected<Object> &result)
{
    return result.ok() || result.error().is(reason::NotFound) ? Status() : result.error();
}

} // namespace

GarbageCollector::GarbageCollector(const ControllerContext &context, QObject *parent)
    : Controller(u"garbage-collector-controller"_qs, context, parent)
    , m_discovery(std::make_unique<DiscoveryClient>(context.client->transport()))
{
    // The kinds whose objects are collected and whose dependents are found: the workloads and
    // what charts create beside them. Owners of other kinds are still resolved (discovery).
    const auto core = [](const char *resource, const char *kind) {
        return Resource{{QString(), u"v1"_qs, QString::fromLatin1(resource)}, QString::fromLatin1(kind), true, nullptr};
    };
    const auto group = [](const char *g, const char *resource, const char *kind) {
        return Resource{{QString::fromLatin1(g), u"v1"_qs, QString::fromLatin1(resource)}, QString::fromLatin1(kind), true, nullptr};
    };
    m_resources = {
        core("pods", "Pod"),
        core("replicationcontrollers", "ReplicationController"),
        core("services", "Service"),
        core("configmaps", "ConfigMap"),
        core("secrets", "Secret"),
        core("persistentvolumeclaims", "PersistentVolumeClaim"),
        group("apps", "deployments", "Deployment"),
        group("apps", "replicasets", "ReplicaSet"),
        group("apps", "daemonsets", "DaemonSet"),
        group("apps", "statefulsets", "StatefulSet"),
        group("apps", "controllerrevisions", "ControllerRevision"),
        group("batch", "jobs", "Job"),
        group("batch", "cronjobs", "CronJob"),
    };
    for (Resource &r : m_resources)
        r.informer = context.informer(r.gvr);
    for (const Resource &r : m_resources)
        watch(r);
}

GarbageCollector::~GarbageCollector() = default;

void GarbageCollector::watch(const Resource &resource)
{
    const Resource *r = &resource; // m_resources is never resized after construction
    ResourceEventHandler handler;
    handler.added = [this, r](const Object &o) { objectChanged(*r, nullptr, o); };
    handler.updated = [this, r](const Object &oldObject, const Object &o) { objectChanged(*r, &oldObject, o); };
    handler.deleted = [this](const Object &o, DeleteState) { objectDeleted(o); };
    r->informer->addEventHandler(this, handler);
}

void GarbageCollector::enqueueItem(char mode, const Resource &resource, const Object &object)
{
    queue().add(itemKey(mode, resource.gvr.groupResource(), object.namespace_(), object.name()));
}

void GarbageCollector::objectChanged(const Resource &resource, const Object *oldObject, const Object &object)
{
    if (isDeletingDependents(object))
        enqueueItem(AttemptToDelete, resource, object);
    if (isOrphaningDependents(object))
        enqueueItem(Orphan, resource, object);
    if (oldObject && oldObject->ownerReferences() == object.ownerReferences())
        return; // owners unchanged: their own events say when they go
    if (oldObject)
        enqueueWaitingOwners(*oldObject); // a dropped reference may unblock an owner
    for (const OwnerReference &ref : object.ownerReferences()) {
        const std::optional<OwnerState> state = cachedOwnerState(object, ref);
        if (!state || *state != OwnerState::Solid) {
            enqueueItem(AttemptToDelete, resource, object);
            return;
        }
    }
}

void GarbageCollector::objectDeleted(const Object &object)
{
    for (const Dependent &dependent : dependentsOf(object.uid()))
        enqueueItem(AttemptToDelete, *dependent.resource, dependent.object);
    enqueueWaitingOwners(object);
}

void GarbageCollector::enqueueWaitingOwners(const Object &object)
{
    for (const OwnerReference &ref : object.ownerReferences()) {
        const Resource *r = resourceForKind(ref.apiVersion, ref.kind);
        if (!r)
            continue;
        const std::optional<Object> owner = r->informer->lister().get(r->namespaced ? object.namespace_() : QString(), ref.name);
        if (owner && owner->uid() == ref.uid && isDeletingDependents(*owner))
            enqueueItem(AttemptToDelete, *r, *owner);
    }
}

void GarbageCollector::sync(const QString &key, Done done)
{
    const QStringList parts = key.split(u'|');
    const Resource *r = parts.size() == 3 ? resource(parts.at(1)) : nullptr;
    if (!r) {
        done({});
        return;
    }
    const auto [ns, objectName] = splitQueueKey(parts.at(2));
    if (parts.at(0) == QLatin1Char(Orphan))
        orphanDependents(*r, ns, objectName, std::move(done));
    else
        attemptToDelete(*r, ns, objectName, std::move(done));
}

void GarbageCollector::attemptToDelete(const Resource &resource, const QString &ns, const QString &name, Done done)
{
    const std::optional<Object> cached = resource.informer->lister().get(ns, name);
    if (!cached) {
        done({});
        return;
    }
    if (cached->isBeingDeleted()) {
        // Deleting without waiting for its dependents: nothing to do until it is gone.
        if (!isDeletingDependents(*cached)) {
            done({});
            return;
        }
        processDeletingDependents(resource, *cached, std::move(done));
        return;
    }
    const QList<OwnerReference> &refs = cached->ownerReferences();
    const bool allSolid = std::all_of(refs.begin(), refs.end(), [&](const OwnerReference &ref) {
        return cachedOwnerState(*cached, ref) == OwnerState::Solid;
    });
    if (allSolid) {
        done({});
        return;
    }
    // Decide on the live object: the cache may still show a reference removed since (the
    // orphaning of this very object, say), and deleting on that would be wrong.
    m_context.client->get({resource.gvr, ns, name, QString()}, [this, &resource, done](Expected<Object> live) mutable {
        if (!live) {
            done(live.error().is(reason::NotFound) ? Status() : live.error());
            return;
        }
        if (live->isBeingDeleted() || live->ownerReferences().isEmpty()) {
            done({});
            return;
        }
        const Object item = *live;
        lookUpOwners(item, [this, &resource, item, done](Expected<QList<OwnerVerdict>> owners) {
            if (!owners) {
                done(owners.error());
                return;
            }
            act(resource, item, *owners, done);
        });
    });
}

void GarbageCollector::act(const Resource &resource, const Object &item, const QList<OwnerVerdict> &owners, Done done)
{
    const bool hasDependents = !dependentsOf(item.uid()).isEmpty();
    const DeleteDecision decision = decideAttemptToDelete(item, owners, hasDependents);
    const ResourceRef ref{resource.gvr, item.namespace_(), item.name(), QString()};
    switch (decision.action) {
    case DeleteDecision::Action::None:
        done({});
        return;
    case DeleteDecision::Action::RemoveReferences:
        m_context.client->patch(ref, PatchType::Merge, removeOwnerReferencesPatch(item, decision.removeUids),
                                [done](Expected<Object> r) { done(ignoreNotFound(r)); });
        return;
    case DeleteDecision::Action::Delete: {
        DeleteOptions options;
        options.propagationPolicy = decision.policy;
        options.preconditionUid = item.uid(); // never a newer object of the same name
        m_context.client->remove(ref, [done](Expected<Object> r) {
            // A Conflict is the uid precondition: the object we judged is gone already.
            done(r.ok() || r.error().is(reason::NotFound) || r.error().is(reason::Conflict) ? Status() : r.error());
        }, options);
        return;
    }
    }
}

void GarbageCollector::processDeletingDependents(const Resource &resource, const Object &owner, Done done)
{
    const QList<Dependent> dependents = dependentsOf(owner.uid());
    bool blocked = false;
    for (const Dependent &d : dependents) {
        const OwnerReference *ref = referenceTo(d.object, owner.uid());
        blocked = blocked || (ref && ref->blockOwnerDeletion);
        // Dependents deleting their own dependents are processed on their own key.
        if (!d.object.isBeingDeleted())
            enqueueItem(AttemptToDelete, *d.resource, d.object);
    }
    if (blocked) {
        done({}); // the dependents' deletion events bring the owner back here
        return;
    }
    m_context.client->patch({resource.gvr, owner.namespace_(), owner.name(), QString()}, PatchType::Merge,
                            removeFinalizerPatch(owner, QLatin1StringView(finalizer::ForegroundDeletion)),
                            [done](Expected<Object> r) { done(ignoreNotFound(r)); });
}

void GarbageCollector::orphanDependents(const Resource &resource, const QString &ns, const QString &name, Done done)
{
    const std::optional<Object> owner = resource.informer->lister().get(ns, name);
    if (!owner || !isOrphaningDependents(*owner)) {
        done({});
        return;
    }
    // The finalizer goes only after every dependent let go of the owner; a Conflict on any
    // (a stale cached copy) retries the whole step.
    const ResourceRef ownerRef{resource.gvr, ns, name, QString()};
    const Object ownerObject = *owner;
    auto join = std::make_shared<WriteJoin>([this, ownerRef, ownerObject, done](const Status &status) {
        if (!status.isSuccess()) {
            done(status);
            return;
        }
        m_context.client->patch(ownerRef, PatchType::Merge, removeFinalizerPatch(ownerObject, QLatin1StringView(finalizer::Orphan)),
                                [done](Expected<Object> r) { done(ignoreNotFound(r)); });
    });
    for (const Dependent &d : dependentsOf(owner->uid())) {
        auto report = join->expect();
        m_context.client->patch({d.resource->gvr, d.object.namespace_(), d.object.name(), QString()}, PatchType::Merge,
                                removeOwnerReferencesPatch(d.object, {owner->uid()}),
                                [report](Expected<Object> r) { report(ignoreNotFound(r)); });
    }
}

std::optional<OwnerState> GarbageCollector::cachedOwnerState(const Object &item, const OwnerReference &ref) const
{
    const Resource *r = resourceForKind(ref.apiVersion, ref.kind);
    if (!r)
        return std::nullopt;
    const std::optional<Object> owner = r->informer->lister().get(r->namespaced ? item.namespace_() : QString(), ref.name);
    if (!owner || owner->uid() != ref.uid)
        return std::nullopt; // absent from a cache that may lag: only a GET proves it gone
    return isDeletingDependents(*owner) ? OwnerState::Waiting : OwnerState::Solid;
}

void GarbageCollector::lookUpOwners(const Object &item, OwnersDone done)
{
    struct Pending {
        QList<OwnerVerdict> verdicts;
        Status error;
        qsizetype remaining = 0;
        OwnersDone done;
    };
    auto pending = std::make_shared<Pending>();
    pending->remaining = item.ownerReferences().size();
    pending->done = std::move(done);
    for (const OwnerReference &ref : item.ownerReferences()) {
        lookUpOwner(item, ref, [pending, uid = ref.uid](Expected<OwnerState> state) {
            if (state)
                pending->verdicts.append({uid, *state});
            else if (pending->error.isSuccess())
                pending->error = state.error();
            if (--pending->remaining > 0)
                return;
            if (pending->error.isSuccess())
                pending->done(pending->verdicts);
            else
                pending->done(pending->error);
        });
    }
}

void GarbageCollector::lookUpOwner(const Object &item, const OwnerReference &ref, OwnerDone done)
{
    if (const std::optional<OwnerState> state = cachedOwnerState(item, ref)) {
        done(*state);
        return;
    }
    if (const Resource *r = resourceForKind(ref.apiVersion, ref.kind)) {
        getOwner(item, ref, r->gvr, r->namespaced, std::move(done));
        return;
    }
    const GroupVersion gv = GroupVersion::fromApiVersion(ref.apiVersion);
    const GroupVersionKind gvk{gv.group, gv.version, ref.kind};
    auto resolve = [this, item, ref, gvk, done](bool refreshed) {
        const std::optional<ApiResource> api = m_discovery->resourceForKind(gvk);
        if (!api) {
            // An owner whose kind the cluster does not serve cannot be proven absent; upstream
            // keeps such dependents too.
            done(refreshed ? Expected<OwnerState>(OwnerState::Solid)
                           : Expected<OwnerState>(Status::internalError(u"unresolved owner kind "_qs + gvk.toString())));
            return;
        }
        getOwner(item, ref, api->gvr, api->namespaced, done);
    };
    if (m_discovery->isLoaded() && m_discovery->resourceForKind(gvk)) {
        resolve(true);
        return;
    }
    m_discovery->refresh([resolve](Status status) { resolve(status.isSuccess()); });
}

void GarbageCollector::getOwner(const Object &item, const OwnerReference &ref, const GroupVersionResource &gvr, bool namespaced,
                                OwnerDone done)
{
    // A cluster-scoped dependent cannot name a namespaced owner: unresolvable, never collected.
    if (namespaced && item.namespace_().isEmpty()) {
        done(OwnerState::Solid);
        return;
    }
    m_context.client->get({gvr, namespaced ? item.namespace_() : QString(), ref.name, QString()},
                          [uid = ref.uid, done](Expected<Object> owner) {
        if (!owner) {
            if (owner.error().is(reason::NotFound))
                done(OwnerState::Dangling);
            else
                done(owner.error());
            return;
        }
        if (owner->uid() != uid)
            done(OwnerState::Dangling); // the name was reused by a new object
        else
            done(isDeletingDependents(*owner) ? OwnerState::Waiting : OwnerState::Solid);
    });
}

QList<GarbageCollector::Dependent> GarbageCollector::dependentsOf(const QString &uid) const
{
    QList<Dependent> dependents;
    if (uid.isEmpty())
        return dependents;
    for (const Resource &r : m_resources) {
        for (const Object &o : r.informer->lister().byIndex(QString::fromLatin1(index::OwnerUid), uid))
            dependents.append({&r, o});
    }
    return dependents;
}

const GarbageCollector::Resource *GarbageCollector::resource(const QString &groupResource) const
{
    for (const Resource &r : m_resources) {
        if (r.gvr.groupResource() == groupResource)
            return &r;
    }
    return nullptr;
}

const GarbageCollector::Resource *GarbageCollector::resourceForKind(const QString &apiVersion, const QString &kind) const
{
    const QString group = GroupVersion::fromApiVersion(apiVersion).group;
    for (const Resource &r : m_resources) {
        if (r.kind == kind && r.gvr.group == group)
            return &r;
    }
    return nullptr;
}

} // namespace kube
