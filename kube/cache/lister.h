#pragma once
// Lister: the read-only view of one informer's cache that controllers and models use (client-go's
// generic Lister / NamespaceLister): list all, by namespace, by selector, by index; get one.
//
// Value type holding a shared reference to the store, so it stays valid after the informer is
// gone (showing what was last known). Safe from any thread; cost as ThreadSafeStore's reads.
// Results are shared, immutable objects: copy before mutating.

#include "threadsafestore.h"

#include <memory>

namespace kube {

class Lister
{
public:
    Lister() = default; // empty: lists nothing
    explicit Lister(std::shared_ptr<const ThreadSafeStore> store) : m_store(std::move(store)) {}

    bool isValid() const { return m_store != nullptr; }

    QList<Object> list(const LabelSelector &selector = LabelSelector::everything()) const;
    // Objects in namespace ns; "" means every namespace.
    QList<Object> list(const QString &ns, const LabelSelector &selector = LabelSelector::everything()) const;
    std::optional<Object> get(const ObjectKey &key) const;
    std::optional<Object> get(const QString &ns, const QString &name) const { return get(ObjectKey{ns, name}); }
    QList<Object> byIndex(const QString &indexName, const QString &value) const;
    qsizetype size() const;

private:
    std::shared_ptr<const ThreadSafeStore> m_store;
};

} // namespace kube
