#pragma once
// ThreadSafeStore: the informer's indexed cache (client-go's threadSafeMap + Indexer). Objects
// keyed by namespace/name, plus one inverted index per index function: index name → indexed
// value → keys. Written by one informer; read from any thread through Listers.
//
// Thread safety: every method is safe from any thread (one read-write lock; readers share).
// Ownership: holds Object copies (shared bytes; cost about the JSON size each) and, per index,
// one 8-byte entry (a reference to the cached object) per value an object yields. Reads return
// copies that cost a reference count.
// Cost: get O(1); byIndex O(matches); list O(n); writes O(number of indexed values).
// Caches are read-only: never mutate what you get; copy and write through the client.

#include "indexers.h"

#include "kube/api/labelselector.h"
#include "kube/api/object.h"
#include "kube/api/objectkey.h"

#include <QHash>
#include <QList>
#include <QReadWriteLock>
#include <QSet>

#include <optional>

namespace kube {

class ThreadSafeStore
{
public:
    explicit ThreadSafeStore(Indexers indexers = defaultIndexers());

    // Adds the object or replaces the one with its key; returns the object it replaced (null
    // when new).
    Object update(const Object &object);
    // Removes the object with this key; returns it (null when absent).
    Object remove(const ObjectKey &key);
    // Replaces the whole content (a relist); returns what was held before.
    QHash<ObjectKey, Object> replace(const QList<Object> &objects);

    std::optional<Object> get(const ObjectKey &key) const;
    QList<Object> list() const;
    QList<ObjectKey> keys() const;
    qsizetype size() const;

    // Objects whose index function yielded `value` under `indexName` (empty when the index
    // does not exist).
    QList<Object> byIndex(const QString &indexName, const QString &value) const;
    QList<ObjectKey> indexKeys(const QString &indexName, const QString &value) const;
    QStringList indexNames() const;
    // Adds an index and builds it over the current content. Replaces one with the same name.
    void addIndexer(const QString &name, IndexFunc function);

    // Objects in namespace ns ("" for all) matching selector. Uses the label index for labels
    // the selector pins to one value, else the namespace index, else a scan.
    QList<Object> select(const QString &ns, const LabelSelector &selector) const;

private:
    // An index entry: the cached object itself (8 bytes, one reference), hashed and compared by
    // identity — the store holds one object per key, so identity names the entry.
    struct Entry {
        Object object;
        friend bool operator==(const Entry &a, const Entry &b) { return &a.object.json() == &b.object.json(); }
        friend size_t qHash(const Entry &e, size_t seed = 0) { return ::qHash(quintptr(&e.object.json()), seed); }
    };
    using Index = QHash<QString, QSet<Entry>>;

    // Callers hold m_lock for writing.
    void indexObject(const ObjectKey &key, const Object &object);
    void unindexObject(const ObjectKey &key, const Object &object);
    const QSet<Entry> *candidates(const QString &ns, const LabelSelector &selector) const;

    mutable QReadWriteLock m_lock;
    // Invariant: every object in m_indices[name][value] is (identically) in m_objects, and value
    // is among m_indexers[name](object); and conversely.
    QHash<ObjectKey, Object> m_objects;
    Indexers m_indexers;
    QHash<QString, Index> m_indices;
};

} // namespace kube
