#include "commitqueue.h"

namespace kube {

CommitQueue::CommitQueue(qsizetype maxBatch, std::chrono::microseconds coalesceWindow)
    : m_maxBatch(std::max<qsizetype>(maxBatch, 1)), m_coalesceWindow(coalesceWindow)
{
}

Expected<Object> CommitQueue::submit(WriteRequest &request)
{
    std::unique_lock lock(m_mutex);
    if (m_closed)
        return Status(503, QString::fromLatin1(reason::ServiceUnavailable), u"the store is closed"_qs);
    m_pending.push_back(&request);
    if (m_pending.size() == 1 || m_pending.size() == m_gather)
        m_arrived.notify_one();
    m_completed.wait(lock, [&request] { return request.done; });
    return std::move(*request.result);
}

std::vector<WriteRequest *> CommitQueue::take(Wait wait)
{
    std::unique_lock lock(m_mutex);
    if (wait == Wait::Yes) {
        m_arrived.wait(lock, [this] { return !m_pending.empty() || m_closed; });
    } else if (m_pending.empty() && m_gather > 1 && m_coalesceWindow.count() > 0) {
        // The last batch's callers were just woken: not idle yet, whatever the queue says.
        m_arrived.wait_for(lock, m_coalesceWindow, [this] { return !m_pending.empty() || m_closed; });
    }
    if (!m_pending.empty() && m_pending.size() < m_gather && m_coalesceWindow.count() > 0) {
        m_arrived.wait_for(lock, m_coalesceWindow, [this] { return m_pending.size() >= m_gather || m_closed; });
    }
    const auto n = std::min<size_t>(m_pending.size(), size_t(m_maxBatch));
    std::vector<WriteRequest *> batch(m_pending.begin(), m_pending.begin() + qsizetype(n));
    m_pending.erase(m_pending.begin(), m_pending.begin() + qsizetype(n));
    if (n > 0)
        m_gather = std::min(n, size_t(m_maxBatch));
    return batch;
}

void CommitQueue::complete(const std::vector<WriteRequest *> &batch)
{
    {
        std::lock_guard lock(m_mutex);
        for (WriteRequest *r : batch) {
            Q_ASSERT(r->result.has_value());
            r->done = true;
        }
    }
    m_completed.notify_all();
}

void CommitQueue::close()
{
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
    }
    m_arrived.notify_all();
}

bool CommitQueue::isClosed() const
{
    std::lock_guard lock(m_mutex);
    return m_closed;
}

} // namespace kube
