#pragma once
// GarbageCollector: deletes objects whose owners are gone, and carries out the foreground and
// orphan deletions the API server only marks (upstream pkg/controller/garbagecollector).
//  - attemptToDelete: an object whose owner references all point to absent owners (checked by
//    uid, in the cache and then by a live GET, since owners may be of any kind) is deleted in
//    background; references to absent owners beside a live one are dropped.
//  - Foreground: an owner with deletionTimestamp and the foregroundDeletion finalizer has its
//    dependents deleted (those with dependents of their own in the foreground too); the
//    finalizer goes once no dependent with blockOwnerDeletion remains, and the API server then
//    removes the owner.
//  - orphanDependents: an owner with the orphan finalizer loses its reference from every
//    dependent, then the finalizer.
// Dependents are found among the watched kinds (workloads, pods, services, config maps,
// secrets) through their informers' ownerUid index; owners of other kinds are resolved through
// discovery. Namespace deletion stays with the API server: whatever it removes first is simply
// NotFound here.
//
// Queue keys: "<mode>|<group resource>|<namespace/name>", mode 'd' (attemptToDelete, which
// also processes an owner deleting its dependents) or 'o' (orphan).
//
// Thread affinity: the controllers' thread. Cost: informers on the watched kinds; no request
// while every owner is found in the caches.

#include "controller.h"
#include "ownergraph.h"

#include <memory>
#include <vector>

namespace kube {

class DiscoveryClient;
class SharedInformer;

class GarbageCollector : public Controller
{
    Q_OBJECT
public:
    explicit GarbageCollector(const ControllerContext &context, QObject *parent = nullptr);
    ~GarbageCollector() override;

protected:
    void sync(const QString &key, Done done) override;

private:
    struct Resource {
        GroupVersionResource gvr;
        QString kind;
        bool namespaced;
        SharedInformer *informer = nullptr;
    };
    struct Dependent {
        const Resource *resource;
        Object object;
    };
    using OwnersDone = std::function<void(Expected<QList<OwnerVerdict>>)>;
    using OwnerDone = std::function<void(Expected<OwnerState>)>;

    void watch(const Resource &resource);
    void objectChanged(const Resource &resource, const Object *oldObject, const Object &object);
    void objectDeleted(const Object &object);
    void enqueueItem(char mode, const Resource &resource, const Object &object);
    // Owners of object that are deleting their dependents and may now be done.
    void enqueueWaitingOwners(const Object &object);

    void attemptToDelete(const Resource &resource, const QString &ns, const QString &name, Done done);
    void processDeletingDependents(const Resource &resource, const Object &owner, Done done);
    void orphanDependents(const Resource &resource, const QString &ns, const QString &name, Done done);
    void act(const Resource &resource, const Object &item, const QList<OwnerVerdict> &owners, Done done);

    // The state of one owner from the caches alone; nullopt when only the API can tell.
    std::optional<OwnerState> cachedOwnerState(const Object &item, const OwnerReference &ref) const;
    void lookUpOwners(const Object &item, OwnersDone done);
    void lookUpOwner(const Object &item, const OwnerReference &ref, OwnerDone done);
    void getOwner(const Object &item, const OwnerReference &ref, const GroupVersionResource &gvr, bool namespaced,
                  OwnerDone done);

    QList<Dependent> dependentsOf(const QString &uid) const;
    const Resource *resource(const QString &groupResource) const;
    const Resource *resourceForKind(const QString &apiVersion, const QString &kind) const;

    std::vector<Resource> m_resources;
    std::unique_ptr<DiscoveryClient> m_discovery;
};

} // namespace kube
