#include "watchhub.h"

namespace kube {

void WatchHub::add(const std::shared_ptr<Watcher> &watcher)
{
    std::lock_guard lock(m_mutex);
    m_watchers.push_back(watcher);
}

std::vector<std::shared_ptr<Watcher>> WatchHub::liveWatchers()
{
    std::vector<std::shared_ptr<Watcher>> live;
    std::lock_guard lock(m_mutex);
    live.reserve(m_watchers.size());
    std::erase_if(m_watchers, [&live](const std::weak_ptr<Watcher> &weak) {
        std::shared_ptr<Watcher> w = weak.lock();
        if (!w || !w->isOpen())
            return true;
        live.push_back(std::move(w));
        return false;
    });
    return live;
}

void WatchHub::dispatch(const QList<StoreEvent> &events)
{
    if (events.isEmpty())
        return;
    for (const std::shared_ptr<Watcher> &w : liveWatchers()) {
        if (w->offer(events))
            w->notify();
    }
}

void WatchHub::closeAll(const Status &status)
{
    for (const std::shared_ptr<Watcher> &w : liveWatchers())
        w->close(Watcher::State::StoreClosed, status);
}

qsizetype WatchHub::size() const
{
    std::lock_guard lock(m_mutex);
    return qsizetype(m_watchers.size());
}

} // namespace kube
