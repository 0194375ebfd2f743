#pragma once
// Watcher: one watch on the store — the consumer's handle and its bounded queue of events.
// Store::watch() creates it; the WatchHub feeds it in revision order; the consumer drains it.
//
// Thread safety: every member may be called from any thread. The notify callback runs on the
// store's fan-out thread (or on the thread calling Store::watch, for replayed history) with no
// lock held; it must not block — post to your own thread and call takeEvents() there.
// Ownership: shared between the consumer and the hub, which holds it weakly: dropping the last
// handle ends the watch. Memory: at most queueLimit queued events (objects are shared).

#include "kube/api/status.h"
#include "storeevent.h"

#include <QByteArray>
#include <QList>

#include <functional>
#include <mutex>

namespace kube {

struct WatchOptions {
    // Called after events were queued and when the watcher closes (not after stop()).
    std::function<void()> notify;
    // Keeps only the events it accepts; runs on the fan-out thread, so it must be cheap.
    std::function<bool(const StoreEvent &)> filter;
    // More pending events than this closes the watcher as too slow (the client relists).
    qsizetype queueLimit = 10000;
};

class Watcher
{
public:
    enum class State { Open, Stopped, TooSlow, StoreClosed };

    // position: the revision whose successors this watcher has yet to see.
    Watcher(QByteArray prefix, WatchOptions options, qint64 position);

    const QByteArray &prefix() const { return m_prefix; }

    // Takes every queued event, oldest first. Still returns what was queued before a close.
    QList<StoreEvent> takeEvents();
    State state() const;
    bool isOpen() const { return state() == State::Open; }
    // Why the watcher closed: success while open or after stop(); 410 Expired when it fell behind
    // (the client re-watches or relists); 503 when the store closed.
    Status closeStatus() const;
    // The last revision offered to this watcher (delivered or filtered out).
    qint64 position() const;
    // Ends the watch and drops pending events; the hub forgets the watcher on its next pass.
    void stop();

    // For the hub and the store: queues the events newer than position() that match prefix and
    // filter, in revision order. Returns whether the consumer should be notified (something was
    // queued, or the watcher closed as too slow); the caller then calls notify() holding no lock.
    bool offer(const QList<StoreEvent> &events);
    // Calls the consumer's notify callback (if any).
    void notify() const;
    // For the store: closes with a reason and notifies.
    void close(State why, const Status &status);

private:
    const QByteArray m_prefix;
    const WatchOptions m_options;

    mutable std::mutex m_mutex;
    // Guarded by m_mutex. Invariant: m_queue holds events with strictly increasing revisions,
    // all <= m_position; m_queue.size() <= queueLimit; nothing is queued after a close.
    QList<StoreEvent> m_queue;
    qint64 m_position;
    State m_state = State::Open;
    Status m_closeStatus;
};

} // namespace kube
