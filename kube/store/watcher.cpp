#include "watcher.h"

namespace kube {

Watcher::Watcher(QByteArray prefix, WatchOptions options, qint64 position)
    : m_prefix(std::move(prefix)), m_options(std::move(options)), m_position(position)
{
}

QList<StoreEvent> Watcher::takeEvents()
{
    std::lock_guard lock(m_mutex);
    return std::exchange(m_queue, {});
}

Watcher::State Watcher::state() const
{
    std::lock_guard lock(m_mutex);
    return m_state;
}

Status Watcher::closeStatus() const
{
    std::lock_guard lock(m_mutex);
    return m_closeStatus;
}

qint64 Watcher::position() const
{
    std::lock_guard lock(m_mutex);
    return m_position;
}

void Watcher::stop()
{
    std::lock_guard lock(m_mutex);
    if (m_state == State::Open)
        m_state = State::Stopped;
    m_queue.clear();
}

bool Watcher::offer(const QList<StoreEvent> &events)
{
    bool notify = false;
    {
        std::lock_guard lock(m_mutex);
        if (m_state != State::Open)
            return false;
        for (const StoreEvent &e : events) {
            if (e.revision <= m_position)
                continue; // already replayed from history when the watch started
            m_position = e.revision;
            if (!e.key.startsWith(m_prefix) || (m_options.filter && !m_options.filter(e)))
                continue;
            if (m_queue.size() >= m_options.queueLimit) {
                m_state = State::TooSlow;
                m_closeStatus = Status::expired(
                    u"watcher fell behind: more than %1 events pending at revision %2; watch again or relist"_qs
                        .arg(m_options.queueLimit)
                        .arg(e.revision));
                notify = true;
                break;
            }
            m_queue.append(e);
            notify = true;
        }
    }
    return notify;
}

void Watcher::notify() const
{
    if (m_options.notify)
        m_options.notify();
}

void Watcher::close(State why, const Status &status)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_state != State::Open)
            return;
        m_state = why;
        m_closeStatus = status;
    }
    notify();
}

} // namespace kube
