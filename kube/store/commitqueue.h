#pragma once
// CommitQueue: the hand-off between the threads that write and the store's single writer
// thread — the front half of group commit. Callers enqueue a WriteRequest and block; the writer
// takes everything queued (up to a bound) as one batch, commits it with one fsync, fills in
// each result and completes the batch, which wakes the callers.
//
// Thread safety: submit() from any thread; take() and complete() from the writer thread only.
// Ownership: requests live on their callers' stacks; the queue holds pointers until complete().
// Cost: one mutex round and one wake-up per request; callers of one batch share one broadcast.

#include "kube/api/expected.h"
#include "kube/api/object.h"

#include <QByteArray>

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
    explicit CommitQueue(qsizetype maxBatch);

    // Enqueues and blocks until the writer completed the request; returns its result.
    // 503 ServiceUnavailable once the queue is closed.
    Expected<Object> submit(WriteRequest &request);

    enum class Wait { No, Yes };
    // Up to maxBatch requests in arrival order. With Wait::Yes blocks until some arrive or the
    // queue closes; an empty batch then means closed and drained.
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
    std::deque<WriteRequest *> m_pending; // guarded by m_mutex; FIFO
    bool m_closed = false;                // guarded by m_mutex; never reset
};

} // namespace kube
