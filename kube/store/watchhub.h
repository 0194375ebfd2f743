#pragma once
// WatchHub: the set of open watchers and the fan-out of each committed batch of events to them.
// Every watcher receives the same event instances (shared objects, no per-watcher copies).
//
// Thread safety: add() and size() from any thread; dispatch() from one thread at a time (the
// store's fan-out thread), in revision order. Ownership: holds watchers weakly (the consumer owns them).
// Cost: dispatch is O(watchers × events) prefix checks plus one notify per watcher that got
// something; no lock is held while watchers are notified.

#include "watcher.h"

#include <memory>
#include <mutex>
#include <vector>

namespace kube {

class WatchHub
{
public:
    void add(const std::shared_ptr<Watcher> &watcher);
    void dispatch(const QList<StoreEvent> &events);
    // Closes every watcher (the store is going away).
    void closeAll(const Status &status);
    qsizetype size() const;

private:
    // Live watchers: those not yet closed or dropped by their consumer. Pruned on each dispatch.
    std::vector<std::shared_ptr<Watcher>> liveWatchers();

    mutable std::mutex m_mutex;
    std::vector<std::weak_ptr<Watcher>> m_watchers; // guarded by m_mutex
};

} // namespace kube
