#include "eventfanout.h"

#include "watchhub.h"

#include <pthread.h>

namespace kube {

EventFanout::EventFanout(WatchHub &hub) : m_hub(hub), m_thread([this] {
    pthread_setname_np(pthread_self(), "store-writer");
    run();
})
{
}

EventFanout::~EventFanout()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_posted.notify_one();
    m_thread.join();
}

void EventFanout::post(QList<StoreEvent> events, qint64 throughRevision)
{
    bool wake = false;
    {
        std::lock_guard lock(m_mutex);
        if (events.isEmpty()) {
            // Nothing to deliver, but dispatchedRevision() must not pass batches still queued.
            if (m_batches.empty())
                m_dispatched = throughRevision;
            else
                m_batches.back().through = throughRevision;
            return;
        }
        // A busy thread takes the new batch on its next round without being woken.
        wake = m_batches.empty();
        m_batches.push_back(Batch{std::move(events), throughRevision});
    }
    if (wake)
        m_posted.notify_one();
}

qint64 EventFanout::dispatchedRevision() const
{
    std::lock_guard lock(m_mutex);
    return m_dispatched;
}

void EventFanout::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_posted.wait(lock, [this] { return !m_batches.empty() || m_stopping; });
        if (m_batches.empty())
            return; // stopping, and everything posted was dispatched
        const QList<StoreEvent> events = std::move(m_batches.front().events);
        lock.unlock();
        m_hub.dispatch(events);
        lock.lock();
        // Popped only now, so post() sees a busy thread and does not wake it again.
        m_dispatched = m_batches.front().through;
        m_batches.pop_front();
    }
}

} // namespace kube
