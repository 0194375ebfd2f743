#pragma once
// RbacIndex: the cluster's current RbacPolicy, kept in memory so an authorization check never
// reads the store. A store watch on the four RBAC resources (and invalidate(), which the API
// server calls after every RBAC write it handles, before that write is answered) bumps a
// generation; the next policy() rebuilds the snapshot from the store's in-memory state.
// So a check costs one uncontended mutex and a shared_ptr copy; a rebuild, four lists, happens
// only after RBAC changed. A write answered to a client is seen by every later check.
//
// Thread safety: every member may be called from any thread (the watch callback runs on the
// store's fan-out thread and only bumps an atomic). Not copyable. The store and registry must
// outlive it.

#include "rbacpolicy.h"

#include <QMutex>

#include <atomic>
#include <memory>
#include <vector>

namespace kube {

class Store;
class TypeRegistry;
class Watcher;

class RbacIndex
{
public:
    RbacIndex(Store &store, const TypeRegistry &registry);
    ~RbacIndex();
    RbacIndex(const RbacIndex &) = delete;
    RbacIndex &operator=(const RbacIndex &) = delete;

    std::shared_ptr<const RbacPolicy> policy() const;
    void invalidate() { m_generation.fetch_add(1, std::memory_order_acq_rel); }
    // How many times the snapshot was rebuilt (tests: a check must not rebuild).
    int rebuilds() const { return m_rebuilds.load(); }

private:
    std::shared_ptr<const RbacPolicy> build() const;

    Store &m_store;
    const TypeRegistry &m_registry;
    std::atomic<quint64> m_generation{1};
    mutable QMutex m_mutex;
    mutable std::shared_ptr<const RbacPolicy> m_policy; // guarded by m_mutex
    mutable quint64 m_builtAt = 0;                      // guarded by m_mutex
    mutable std::atomic<int> m_rebuilds{0};
    std::vector<std::shared_ptr<Watcher>> m_watchers;
};

} // namespace kube
