#pragma once
// CommitQueue: the hand-off between the threads that write and the store's single writer
// thread — the front half of group commit. Callers enqueue a WriteRequest and block; the writer
// takes everything queued (up to a bound) as one batch, commits it with one fsync, fills in
// each result and completes the batch, which wakes the callers.
//
// Thread safety: submit() from any thread; take() and complete() from the writer thread only.
// Ownership: requests live on their callers' stacks; the queue holds pointers until complete().
// Cost: one mutex round and one wake-up per request; callers of one batch share one broadcast.
//
// Coalescing: callers that block on their write come back with the next one right after their
// batch completes, but a few microseconds apart; a writer that took whatever had arrived at that
// instant would commit them in several small fsyncs instead of one. So when the last batch held
// n > 1 requests and fewer are queued, take() waits up to the coalescing window for n to gather.
// One writer alone never waits (its batches hold one request). Nothing is acknowledged earlier
// for it: this only delays the start of a commit.

#include "kube/api/expected.h"
#include "kube/api/object.h"

#include <QByteArray>

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
    std::optional<qint64> expectedRevision; // Update/Delete: the key's modRevision must be this;
                                            // Compact: the horizon
    // Filled by the writer before complete(); read by the caller after it returns.
    std::optional<Expected<Object>> result;
    bool done = false; // guarded by the queue's mutex
};

class CommitQueue
{
public:
    // coalesceWindow: the longest take() waits for the last batch's size to gather (0: never).
    explicit CommitQueue(qsizetype maxBatch, std::chrono::microseconds coalesceWindow = std::chrono::microseconds(0));

    // Enqueues and blocks until the writer completed the request; returns its result.
    // 503 ServiceUnavailable once the queue is closed.
    Expected<Object> submit(WriteRequest &request);

    enum class Wait { No, Yes };
    // Up to maxBatch requests in arrival order. With Wait::Yes blocks until some arrive or the
    // queue closes; an empty batch then means closed and drained. With Wait::No an empty batch
    // means idle — after a batch of several, only once the coalescing window passed with none.
    std::vector<WriteRequest *> take(Wait wait);
    // Marks the batch done (every result set) and wakes its callers.
    void complete(const std::vector<WriteRequest *> &batch);
    // New submissions fail; queued ones are still taken.
    void close();
    bool isClosed() const;

private:
    const qsizetype m_maxBatch;
    mutable std::mutex m_mutex;
    std::condition_variable m_arrived;   // the writer waits here
    std::condition_variable m_completed; // callers wait here
    const std::chrono::microseconds m_coalesceWindow;
    std::deque<WriteRequest *> m_pending; // guarded by m_mutex; FIFO
    size_t m_gather = 1;                  // guarded by m_mutex; the last batch's size
    bool m_closed = false;                // guarded by m_mutex; never reset
};

} // namespace kube
