#include "commitqueue.h"

namespace kube {

using Clock = std::chrono::steady_clock;

CommitQueue::CommitQueue(Committer &committer, qsizetype maxBatch, std::chrono::microseconds coalesceWindow)
    : m_committer(committer), m_maxBatch(std::max<qsizetype>(maxBatch, 1)), m_coalesceWindow(coalesceWindow)
{
}

Expected<Object> CommitQueue::submit(WriteRequest &request)
{
    std::unique_lock lock(m_mutex);
    if (m_closed)
        return Status(503, QString::fromLatin1(reason::ServiceUnavailable), u"the store is closed"_qs);
    ++m_inside;
    m_pending.push_back(&request);
    Clock::time_point now = Clock::now();
    if (!m_committing && now < m_gatherDeadline) {
        // The group is still coming back: on a busy machine its members trickle in slower than
        // one window, so each arrival extends the wait, up to a few windows after the release.
        m_gatherDeadline = std::min(now + m_coalesceWindow, m_releasedAt + MaxGatherWindows * m_coalesceWindow);
    }
    while (!request.done) {
        now = Clock::now();
        if (shouldLead(request, now)) {
            lead(lock);
            continue;
        }
        // Only the oldest queued request keeps time for its group; the others wait to be
        // completed, or to become the oldest when a leader releases the token.
        if (!m_committing && !request.taken && m_pending.front() == &request && now < m_gatherDeadline)
            lotOf(&request).wait_until(lock, m_gatherDeadline);
        else
            lotOf(&request).wait(lock);
    }
    --m_inside;
    if (m_closed && m_inside == 0)
        m_housekeeping.notify_all();
    return std::move(*request.result);
}

bool CommitQueue::shouldLead(const WriteRequest &request, Clock::time_point now) const
{
    if (m_committing || request.taken)
        return false;
    return m_closed || m_pending.size() >= m_expected || now >= m_gatherDeadline;
}

void CommitQueue::lead(std::unique_lock<std::mutex> &lock)
{
    m_committing = true;
    const auto n = qsizetype(std::min<size_t>(m_pending.size(), size_t(m_maxBatch)));
    std::vector<WriteRequest *> batch(m_pending.begin(), m_pending.begin() + n);
    m_pending.erase(m_pending.begin(), m_pending.begin() + n);
    for (WriteRequest *r : batch)
        r->taken = true;
    lock.unlock();

    m_committer.commitBatch(batch);
    // Housekeeping first, then the token goes back, and only then are the followers woken: a
    // woken follower usually takes the CPU from the leader at once (there are more threads than
    // cores), and must find the token free so that its group can commit without the leader.
    const bool idleWork = m_committer.afterBatch();

    // Which lots to wake, worked out before `done` is set: from then on a follower may return.
    std::array<bool, ParkingLots> wake{};
    for (const WriteRequest *r : batch)
        wake[size_t(&lotOf(r) - m_lots.data())] = true;
    lock.lock();
    for (WriteRequest *r : batch) {
        Q_ASSERT(r->result.has_value());
        r->done = true;
    }
    // Everyone in flight now comes back as one group: this batch and those queued behind it.
    m_expected = std::min(size_t(n) + m_pending.size(), size_t(m_maxBatch));
    m_idleWork = m_idleWork || idleWork;
    if (std::condition_variable *next = release())
        wake[size_t(next - m_lots.data())] = true;
    lock.unlock();
    for (size_t i = 0; i < ParkingLots; ++i) {
        if (wake[i])
            m_lots[i].notify_all();
    }
    lock.lock();
}

std::condition_variable *CommitQueue::release()
{
    m_committing = false;
    m_releasedAt = Clock::now();
    m_gatherDeadline = m_releasedAt + m_coalesceWindow;
    if (!m_pending.empty())
        return &lotOf(m_pending.front());
    if (m_idleWork || m_closed)
        m_housekeeping.notify_one();
    return nullptr;
}

std::condition_variable &CommitQueue::lotOf(const WriteRequest *request)
{
    // Requests are stack objects a few hundred bytes apart: drop the low bits that never differ.
    return m_lots[(quintptr(request) >> 6) % ParkingLots];
}

bool CommitQueue::acquireIdle()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        if (m_closed && m_inside == 0 && m_pending.empty() && !m_committing)
            return false;
        const bool quiet = !m_committing && m_pending.empty();
        if (m_idleWork && quiet && !m_closed) {
            // A group may still be coming back from its last batch: idle only once the window
            // passed without it.
            if (Clock::now() >= m_gatherDeadline) {
                m_idleWork = false;
                m_committing = true;
                return true;
            }
            m_housekeeping.wait_until(lock, m_gatherDeadline);
            continue;
        }
        m_housekeeping.wait(lock);
    }
}

void CommitQueue::releaseIdle(bool moreWork)
{
    std::condition_variable *next = nullptr;
    {
        std::lock_guard lock(m_mutex);
        m_idleWork = m_idleWork || moreWork;
        next = release();
    }
    if (next)
        next->notify_all();
}

void CommitQueue::close()
{
    std::lock_guard lock(m_mutex);
    m_closed = true;
    // Queued callers lead their own requests out; none is left waiting for a deadline.
    for (WriteRequest *r : m_pending)
        lotOf(r).notify_all();
    m_housekeeping.notify_all();
}

bool CommitQueue::isClosed() const
{
    std::lock_guard lock(m_mutex);
    return m_closed;
}

} // namespace kube
