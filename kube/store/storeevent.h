#pragma once
// StoreEvent: one change of one key at one revision, as the store's watchers and history see it.
// Plain value type (objects are implicitly shared: one event's objects are the same instances
// for every watcher); usable from any thread.

#include "kube/api/object.h"

#include <QByteArray>

namespace kube {

struct StoreEvent {
    enum class Type { Added, Modified, Deleted };

    Type type = Type::Added;
    QByteArray key;
    // Added/Modified: the object as stored; Deleted: the last object, its resourceVersion set to
    // the deletion's revision (what upstream sends in a DELETED event).
    Object object;
    // The key's previous object (null for Added); lets a filtered watch turn "no longer matches"
    // into a deletion.
    Object prevObject;
    qint64 revision = 0; // the revision this change created; equals object's resourceVersion
};

} // namespace kube
