#include "rbacindex.h"

#include "storagekeys.h"

#include "kube/api/typeregistry.h"
#include "kube/store/store.h"

namespace kube {

namespace {

const QStringList &rbacResources()
{
    static const QStringList r{u"clusterroles"_qs, u"clusterrolebindings"_qs, u"roles"_qs, u"rolebindings"_qs};
    return r;
}

} // namespace

RbacIndex::RbacIndex(Store &store, const TypeRegistry &registry) : m_store(store), m_registry(registry)
{
    for (const QString &resource : rbacResources()) {
        const KindInfoPtr kind = m_registry.resource({u"rbac.authorization.k8s.io"_qs, u"v1"_qs, resource});
        if (!kind)
            continue;
        WatchOptions options;
        // Nothing is queued: the event only marks the snapshot stale.
        options.filter = [this](const StoreEvent &) {
            invalidate();
            return false;
        };
        auto watcher = m_store.watch(storagePrefix(*kind), 0, std::move(options));
        if (watcher.ok())
            m_watchers.push_back(std::move(watcher).value());
    }
}

RbacIndex::~RbacIndex()
{
    for (const auto &w : m_watchers)
        w->stop();
}

std::shared_ptr<const RbacPolicy> RbacIndex::policy() const
{
    QMutexLocker lock(&m_mutex);
    const quint64 generation = m_generation.load(std::memory_order_acquire);
    if (!m_policy || m_builtAt != generation) {
        m_policy = build(); // reads the state after every write that bumped the generation
        m_builtAt = generation;
        ++m_rebuilds;
    }
    return m_policy;
}

std::shared_ptr<const RbacPolicy> RbacIndex::build() const
{
    auto policy = std::make_shared<RbacPolicy>();
    for (const QString &resource : rbacResources()) {
        const KindInfoPtr kind = m_registry.resource({u"rbac.authorization.k8s.io"_qs, u"v1"_qs, resource});
        if (!kind)
            continue;
        const auto list = m_store.list(storagePrefix(*kind));
        if (!list.ok())
            continue;
        for (const Object &o : list->items)
            policy->addObject(o.toJson());
    }
    return policy;
}

} // namespace kube
