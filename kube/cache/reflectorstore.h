#pragma once
// ReflectorStore: where a Reflector writes what it learns (client-go's Store as the Reflector
// sees it: Replace after a list, Add/Update/Delete per watch event). The SharedInformer
// implements it; tests may implement it to observe a Reflector alone.
//
// Thread affinity: called on the Reflector's thread only.

#include "kube/client/listwatch.h"

namespace kube {

class ReflectorStore
{
public:
    virtual ~ReflectorStore() = default;
    // A complete list at resourceVersion: replaces everything held; objects absent from items
    // are gone (deleted while nobody watched).
    virtual void replace(const QList<Object> &items, const QString &resourceVersion) = 0;
    // Watch events in server order; only Added, Modified and Deleted.
    virtual void apply(const QList<WatchEvent> &events) = 0;
};

} // namespace kube
