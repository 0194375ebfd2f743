#pragma once
// CommitQueue: group commit by leader and followers. Callers enqueue a WriteRequest and block;
// whoever finds no commit in progress and the group gathered becomes the leader: it takes
// everything queued (up to a bound) as one batch, commits it on its own thread through the
// Committer (one transaction, one fsync), completes the batch — waking each follower — and
// hands leadership on to the oldest request still queued. No thread sits between the callers
// and the disk: a batch costs one wake-up per follower and none for the commit itself.
//
// Thread safety: submit() and runIdle() from any thread. At most one thread at a time holds the
// commit token (leads a batch or runs idle work); the Committer runs only while holding it, so
// everything it touches is confined to one thread at a time, with a happens-before edge from
// one holder to the next (the queue's mutex).
// Ownership: requests live on their callers' stacks; the queue holds pointers until they are
// done. The Committer is borrowed and must outlive the queue.
// Cost: one mutex round and at most one wake-up per request, made after the lock is released
// (a woken caller does not block again on the mutex); no broadcast.
//
// Coalescing: callers that block on their write come back with the next one right after their
// batch completes, but a few microseconds apart; leading with whatever had arrived at that
// instant would commit them in several small fsyncs instead of one. So after a batch the queue
// expects as many requests as were in flight then (the batch plus those queued behind it) and,
// for up to the coalescing window (extended while members keep arriving, up to a bound), lets
// the arrival that completes the group lead. One writer
// alone never waits (its groups hold one request). Nothing is acknowledged earlier for it: this
// only delays the start of a commit.

#include "kube/api/expected.h"
#include "kube/api/object.h"

#include <QByteArray>

#include <array>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <vector>

namespace kube {

struct WriteRequest {
    enum class Kind { Create, Update, Delete, Compact };

    Kind kind = Kind::Create;
    QByteArray key;
    Object object;                          // Create/Update: what to store
    Object::ResourceVersionDraft draft;     // Create/Update: object's, prepared by the caller
                                            // before queueing, for the leader to stamp
    std::optional<qint64> expectedRevision; // Update/Delete: the key's modRevision must be this;
                                            // Compact: the horizon
    // Filled by the leader before the batch completes; read by the caller after submit returns.
    std::optional<Expected<Object>> result;

    // The queue's: guarded by its mutex.
    bool taken = false; // in a leader's batch
    bool done = false;
};

class CommitQueue
{
public:
    // What the leader runs, holding the commit token.
    class Committer
    {
    public:
        virtual ~Committer() = default;
        // Commits the batch durably and sets every request's result.
        virtual void commitBatch(const std::vector<WriteRequest *> &batch) = 0;
        // After the batch's callers were woken, still holding the token: cheap housekeeping
        // between batches. Returns whether work is left for an idle moment (runIdle).
        virtual bool afterBatch() = 0;
    };

    // coalesceWindow: the longest a gathering group waits for its missing members (0: never).
    CommitQueue(Committer &committer, qsizetype maxBatch, std::chrono::microseconds coalesceWindow);

    // Enqueues and blocks until the request's batch committed; returns its result. The calling
    // thread may lead: then it commits its own and others' requests before returning.
    // 503 ServiceUnavailable once the queue is closed.
    Expected<Object> submit(WriteRequest &request);

    // For the store's housekeeping thread: blocks until idle work was requested (afterBatch said
    // so) and nothing is queued or committing, then runs `work` holding the token; `work`
    // returns whether more is left. Returns false, without running it, once the queue is
    // closed and every caller has left.
    template<typename Work>
    bool runIdle(Work &&work)
    {
        if (!acquireIdle())
            return false;
        const bool more = work();
        releaseIdle(more);
        return true;
    }

    // New submissions fail; queued ones are still committed. Wakes the housekeeping thread.
    void close();
    bool isClosed() const;

private:
    bool shouldLead(const WriteRequest &request, std::chrono::steady_clock::time_point now) const;
    void lead(std::unique_lock<std::mutex> &lock);
    // Gives the token back. Returns the lot of the oldest queued request (its turn to lead), or
    // null; wakes the housekeeper when nothing is queued and idle work waits.
    std::condition_variable *release();
    bool acquireIdle();
    void releaseIdle(bool moreWork);

    // Callers wait on a condition variable of a fixed set, chosen by their request's address,
    // that the queue owns: so a leader may notify after unlocking, when the request may already
    // be gone from its caller's stack. Sharing one only costs a spurious wake-up.
    static constexpr size_t ParkingLots = 64;
    // A group gathering is given one window after the token's release, extended by each arrival
    // (one window from it), but never past this many windows after the release.
    static constexpr int MaxGatherWindows = 4;
    std::condition_variable &lotOf(const WriteRequest *request);

    Committer &m_committer;
    const qsizetype m_maxBatch;
    const std::chrono::microseconds m_coalesceWindow;

    mutable std::mutex m_mutex;
    std::condition_variable m_housekeeping; // the housekeeping thread waits here
    std::array<std::condition_variable, ParkingLots> m_lots; // callers wait here
    // All guarded by m_mutex.
    std::deque<WriteRequest *> m_pending; // FIFO, not yet taken by a leader
    bool m_committing = false;            // the commit token is held
    size_t m_expected = 1;                // the group the next leader waits for
    std::chrono::steady_clock::time_point m_gatherDeadline; // ...until then
    std::chrono::steady_clock::time_point m_releasedAt;     // the token was last given back
    bool m_idleWork = false;              // afterBatch asked for an idle moment
    int m_inside = 0;                     // callers inside submit()
    bool m_closed = false;                // never reset
};

} // namespace kube
