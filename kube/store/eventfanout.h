#pragma once
// EventFanout: the store's "store-writer" thread as far as watchers see it — it hands each
// committed batch's events to the WatchHub, in commit order, off the commit path. The leader of
// a group commit posts a batch after waking its callers and goes on; the fan-out of batch N may
// therefore still be running when batch N+1 commits, but batches are dispatched strictly in
// the order posted (one thread, FIFO), so every watcher sees revisions in order.
//
// Thread safety: post() from one thread at a time (the holder of the commit token, which keeps
// revision order); the fan-out runs on its own thread. Ownership: borrows the hub, which must
// outlive it; the destructor dispatches what was posted, then joins. Cost: post() is a mutex
// round plus a wake-up when the thread was idle; a batch without events only moves a counter.

#include "storeevent.h"

#include <QList>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace kube {

class WatchHub;

class EventFanout
{
public:
    explicit EventFanout(WatchHub &hub);
    ~EventFanout();
    EventFanout(const EventFanout &) = delete;
    EventFanout &operator=(const EventFanout &) = delete;

    // The events of the batch that ended at `throughRevision` (empty when no watcher was open).
    void post(QList<StoreEvent> events, qint64 throughRevision);
    // Every event up to this revision has been offered to the watchers.
    qint64 dispatchedRevision() const;

private:
    struct Batch {
        QList<StoreEvent> events;
        qint64 through = 0;
    };
    void run();

    WatchHub &m_hub;
    mutable std::mutex m_mutex;
    std::condition_variable m_posted;
    std::deque<Batch> m_batches; // guarded by m_mutex; oldest first; the front is being dispatched
    qint64 m_dispatched = 0;     // guarded by m_mutex
    bool m_stopping = false;     // guarded by m_mutex
    std::thread m_thread;                    // last: starts once the rest is constructed
};

} // namespace kube
