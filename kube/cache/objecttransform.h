#pragma once
// ObjectTransform: what an informer does to each object before caching it. The default drops
// metadata.managedFields (client-go's TransformStripManagedFields): server-side-apply
// bookkeeping nobody reads from a cache and often a third of a pod's bytes, so a cached object
// costs about the JSON the console shows.
//
// Pure functions; callable from any thread.

#include "kube/api/object.h"

#include <functional>

namespace kube {

using ObjectTransform = std::function<Object(const Object &)>;

// The object without metadata.managedFields; the same object (no copy) when it has none.
// Cost: a byte scan and one copy of the bytes when something is removed; no parse.
inline Object dropManagedFields(const Object &object) { return object.withoutManagedFields(); }

} // namespace kube
