#pragma once
// WorkQueue: the controllers' queue of keys to reconcile, with client-go workqueue semantics:
//  - a key is queued at most once (dirty set): adding it again while queued is a no-op;
//  - a key is never handed to two workers at once (processing set): added while processing, it
//    is queued again only when done() is called for it;
//  - addAfter() holds a key until the Clock reaches its time (earlier wins for the same key);
//  - addRateLimited() = addAfter(per-key exponential back-off 5 ms → 1000 s); forget() resets;
//  - shutDown(): later adds are ignored, waiting keys dropped, queued keys still handed out;
//    drained() once nothing is queued or processing.
//
// Typical use on one event loop: connect keysReady() to a slot that loops
// `while (auto key = q.take()) { sync(*key); q.done(*key); }`.
//
// Thread safety: every method is safe from any thread; signals are emitted on the queue's
// thread (posted, at most one keysReady() per event-loop turn). Delayed keys are released by a
// QTimer on the queue's thread, or by releaseDue() (tests call it after advancing a fake
// Clock). Ownership: holds keys only. Cost: O(1) per operation, O(log n) for delayed keys.

#include "ratelimiter.h"

#include "kube/api/clock.h"

#include <QHash>
#include <QMultiMap>
#include <QMutex>
#include <QObject>
#include <QQueue>
#include <QSet>
#include <QTimer>

#include <optional>

namespace kube {

struct WorkQueueOptions {
    const Clock *clock = nullptr; // nullptr: Clock::system()
    std::chrono::milliseconds baseDelay{5};
    std::chrono::milliseconds maxDelay{std::chrono::seconds(1000)};
};

class WorkQueue : public QObject
{
    Q_OBJECT
public:
    explicit WorkQueue(WorkQueueOptions options = {}, QObject *parent = nullptr);
    ~WorkQueue() override;

    void add(const QString &key);
    void addAfter(const QString &key, std::chrono::milliseconds delay);
    void addRateLimited(const QString &key);
    void forget(const QString &key);
    int numRequeues(const QString &key) const;

    // The next key to process, or nullopt when none is queued. The caller must call done(key).
    std::optional<QString> take();
    void done(const QString &key);

    void shutDown();
    bool isShuttingDown() const;

    qsizetype length() const;          // queued, ready to take
    qsizetype processingCount() const; // taken, not done
    qsizetype waitingCount() const;    // held by addAfter

    // Queues the delayed keys whose time has come; re-arms the timer for the rest.
    void releaseDue();

Q_SIGNALS:
    // Keys are queued: take() them.
    void keysReady();
    // After shutDown(): nothing queued or processing any more.
    void drained();

private:
    void addLocked(const QString &key);      // callers hold m_mutex
    void notifyLocked();                     // callers hold m_mutex
    void armTimer();                         // queue's thread

    WorkQueueOptions m_options;
    const Clock &m_clock;
    QTimer m_timer;

    mutable QMutex m_mutex;
    // Invariants (under m_mutex): every key in m_queue is in m_dirty and not in m_processing;
    // a key in m_dirty and m_processing is queued on done(); m_waitingAt[k] is the time of k's
    // only entry in m_waiting.
    QQueue<QString> m_queue;
    QSet<QString> m_dirty;
    QSet<QString> m_processing;
    QMultiMap<QDateTime, QString> m_waiting;
    QHash<QString, QDateTime> m_waitingAt;
    ItemExponentialRateLimiter m_rateLimiter;
    bool m_shuttingDown = false;
    bool m_notifyPosted = false;
    bool m_drainedEmitted = false;
};

} // namespace kube
