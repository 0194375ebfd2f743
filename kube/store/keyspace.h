#pragma once
// KeySpace: the current state — every live key with its object and revisions, sorted by key
// bytes (memcmp order, as SQLite's BLOB order) so a prefix is one contiguous range.
//
// Not thread-safe: the Store guards it with its state lock (readers shared, the commit leader
// exclusive). Memory: one map node per key plus the shared object. Cost: get O(log n); list
// O(log n + items), copying an Object is a reference count.

#include "kube/api/object.h"

#include <QByteArray>
#include <QList>

#include <map>
#include <optional>

namespace kube {

struct KeyEntry {
    Object object;            // metadata.resourceVersion == modRevision
    qint64 createRevision = 0; // the revision that created this incarnation of the key
    qint64 modRevision = 0;    // the revision of the last write; >= createRevision
};

class KeySpace
{
public:
    struct Page {
        QList<Object> items;
        QByteArray lastKey;              // the key of the last item (for the continue token)
        bool more = false;               // keys after lastKey match the prefix
        qint64 remaining = 0;            // how many match after lastKey; -1 (not counted) when more
    };

    const KeyEntry *find(QByteArrayView key) const;
    void put(const QByteArray &key, KeyEntry entry);
    void erase(const QByteArray &key);
    qsizetype size() const { return qsizetype(m_entries.size()); }

    // Keys starting with prefix and greater than after (empty: from the start), in key order, at
    // most limit items (limit <= 0: all).
    Page list(QByteArrayView prefix, QByteArrayView after, qsizetype limit) const;

private:
    // Invariant: every entry's object is non-null and its resourceVersion is modRevision.
    std::map<QByteArray, KeyEntry, std::less<>> m_entries;
};

} // namespace kube
