#include "eventhistory.h"

#include <algorithm>

namespace kube {

EventHistory::EventHistory(qsizetype capacity, qint64 floorRevision)
    : m_capacity(std::max<qsizetype>(capacity, 1)), m_floor(floorRevision)
{
}

void EventHistory::append(StoreEvent event)
{
    Q_ASSERT(event.revision > m_floor);
    Q_ASSERT(m_events.empty() || event.revision > m_events.back().revision);
    if (qsizetype(m_events.size()) == m_capacity) {
        m_floor = m_events.front().revision;
        m_events.pop_front();
    }
    m_events.push_back(std::move(event));
}

void EventHistory::trimThrough(qint64 revision)
{
    while (!m_events.empty() && m_events.front().revision <= revision)
        m_events.pop_front();
    m_floor = std::max(m_floor, revision);
}

Expected<QList<StoreEvent>> EventHistory::eventsAfter(qint64 after) const
{
    if (after < m_floor) {
        // Upstream's watch cache: "too old resource version: %d (%d)".
        return Status::expired(u"too old resource version: %1 (%2)"_qs.arg(after).arg(m_floor + 1));
    }
    const auto first = std::upper_bound(m_events.begin(), m_events.end(), after,
                                        [](qint64 rev, const StoreEvent &e) { return rev < e.revision; });
    QList<StoreEvent> out;
    out.reserve(qsizetype(m_events.end() - first));
    std::copy(first, m_events.end(), std::back_inserter(out));
    return out;
}

} // namespace kube
