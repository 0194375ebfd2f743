#include "threadsafestore.h"

namespace kube {

ThreadSafeStore::ThreadSafeStore(Indexers indexers) : m_indexers(std::move(indexers))
{
}

void ThreadSafeStore::indexObject(const ObjectKey &, const Object &object)
{
    for (auto it = m_indexers.cbegin(); it != m_indexers.cend(); ++it) {
        Index &index = m_indices[it.key()];
        for (const QString &value : it.value()(object))
            index[value].insert(Entry{object});
    }
}

void ThreadSafeStore::unindexObject(const ObjectKey &, const Object &object)
{
    for (auto it = m_indexers.cbegin(); it != m_indexers.cend(); ++it) {
        Index &index = m_indices[it.key()];
        for (const QString &value : it.value()(object)) {
            auto set = index.find(value);
            if (set == index.end())
                continue;
            set->remove(Entry{object});
            // Drop empty sets so a churn of unique values (pod-template-hash) does not grow.
            if (set->isEmpty())
                index.erase(set);
        }
    }
}

Object ThreadSafeStore::update(const Object &object)
{
    const ObjectKey key = object.key();
    QWriteLocker locker(&m_lock);
    auto it = m_objects.find(key);
    Object old;
    if (it != m_objects.end()) {
        old = it.value();
        unindexObject(key, old);
        it.value() = object;
    } else {
        it = m_objects.insert(key, object);
    }
    indexObject(key, it.value());
    return old;
}

Object ThreadSafeStore::remove(const ObjectKey &key)
{
    QWriteLocker locker(&m_lock);
    auto it = m_objects.find(key);
    if (it == m_objects.end())
        return {};
    Object old = it.value();
    unindexObject(key, old);
    m_objects.erase(it);
    return old;
}

QHash<ObjectKey, Object> ThreadSafeStore::replace(const QList<Object> &objects)
{
    QHash<ObjectKey, Object> fresh;
    fresh.reserve(objects.size());
    for (const Object &o : objects)
        fresh.insert(o.key(), o);
    QWriteLocker locker(&m_lock);
    QHash<ObjectKey, Object> old = std::exchange(m_objects, std::move(fresh));
    m_indices.clear();
    for (auto it = m_objects.cbegin(); it != m_objects.cend(); ++it)
        indexObject(it.key(), it.value());
    return old;
}

std::optional<Object> ThreadSafeStore::get(const ObjectKey &key) const
{
    QReadLocker locker(&m_lock);
    auto it = m_objects.constFind(key);
    if (it == m_objects.cend())
        return std::nullopt;
    return it.value();
}

QList<Object> ThreadSafeStore::list() const
{
    QReadLocker locker(&m_lock);
    return m_objects.values();
}

QList<ObjectKey> ThreadSafeStore::keys() const
{
    QReadLocker locker(&m_lock);
    return m_objects.keys();
}

qsizetype ThreadSafeStore::size() const
{
    QReadLocker locker(&m_lock);
    return m_objects.size();
}

QList<ObjectKey> ThreadSafeStore::indexKeys(const QString &indexName, const QString &value) const
{
    QReadLocker locker(&m_lock);
    const auto index = m_indices.constFind(indexName);
    if (index == m_indices.cend())
        return {};
    const auto set = index->constFind(value);
    if (set == index->cend())
        return {};
    QList<ObjectKey> out;
    out.reserve(set->size());
    for (const Entry &e : *set)
        out.append(e.object.key());
    return out;
}

QList<Object> ThreadSafeStore::byIndex(const QString &indexName, const QString &value) const
{
    QReadLocker locker(&m_lock);
    QList<Object> out;
    const auto index = m_indices.constFind(indexName);
    if (index == m_indices.cend())
        return out;
    const auto set = index->constFind(value);
    if (set == index->cend())
        return out;
    out.reserve(set->size());
    for (const Entry &e : *set)
        out.append(e.object);
    return out;
}

QStringList ThreadSafeStore::indexNames() const
{
    QReadLocker locker(&m_lock);
    return m_indexers.keys();
}

void ThreadSafeStore::addIndexer(const QString &name, IndexFunc function)
{
    QWriteLocker locker(&m_lock);
    m_indexers.insert(name, function);
    Index &index = m_indices[name];
    index.clear();
    for (auto it = m_objects.cbegin(); it != m_objects.cend(); ++it) {
        for (const QString &value : function(it.value()))
            index[value].insert(Entry{it.value()});
    }
}

const QSet<ThreadSafeStore::Entry> *ThreadSafeStore::candidates(const QString &ns, const LabelSelector &selector) const
{
    static const QSet<Entry> none;
    const QSet<Entry> *best = nullptr;
    const auto labelIndex = m_indices.constFind(QString::fromLatin1(index::Label));
    if (labelIndex != m_indices.cend()) {
        for (const auto &[key, value] : selector.exactMatchLabels()) {
            const auto set = labelIndex->constFind(index::labelValue(key, value));
            if (set == labelIndex->cend())
                return &none;
            if (!best || set->size() < best->size())
                best = &*set;
        }
    }
    if (best || ns.isEmpty())
        return best;
    const auto nsIndex = m_indices.constFind(QString::fromLatin1(index::Namespace));
    if (nsIndex == m_indices.cend())
        return nullptr;
    const auto set = nsIndex->constFind(ns);
    return set == nsIndex->cend() ? &none : &*set;
}

QList<Object> ThreadSafeStore::select(const QString &ns, const LabelSelector &selector) const
{
    QReadLocker locker(&m_lock);
    QList<Object> out;
    if (selector.matchesNothing())
        return out;
    const auto accept = [&](const Object &o) {
        return (ns.isEmpty() || o.namespace_() == ns) && selector.matches(o.labels());
    };
    if (const QSet<Entry> *entries = candidates(ns, selector)) {
        for (const Entry &e : *entries) {
            if (accept(e.object))
                out.append(e.object);
        }
        return out;
    }
    for (const Object &o : m_objects) {
        if (accept(o))
            out.append(o);
    }
    return out;
}

} // namespace kube
