#pragma once
// EventHistory: the bounded window of recent events that lets a watch start from a past
// revision. A ring of the last `capacity` events in revision order.
//
// Not thread-safe: the Store guards it with its state lock. Memory: capacity events; each holds
// two shared Objects (an old version stays alive while its event is in the window).

#include "kube/api/expected.h"
#include "storeevent.h"

#include <QList>

#include <deque>

namespace kube {

class EventHistory
{
public:
    // floorRevision: the revision the (empty) window starts after.
    explicit EventHistory(qsizetype capacity, qint64 floorRevision = 0);

    qsizetype capacity() const { return m_capacity; }
    qsizetype size() const { return qsizetype(m_events.size()); }
    // Every event with a revision in (floorRevision(), lastRevision] is in the window.
    qint64 floorRevision() const { return m_floor; }

    // Appends an event; its revision must be greater than every revision already held. Drops the
    // oldest event (raising the floor) when full.
    void append(StoreEvent event);
    // Forgets events at or below revision (compaction); never lowers the floor.
    void trimThrough(qint64 revision);

    // The events with revision > after, oldest first. Expired (410, upstream's wording) when
    // `after` is below the floor: events the caller needs were dropped.
    Expected<QList<StoreEvent>> eventsAfter(qint64 after) const;

private:
    qsizetype m_capacity; // > 0
    // Invariant: revisions strictly increase front to back; all > m_floor; size <= m_capacity.
    std::deque<StoreEvent> m_events;
    qint64 m_floor; // never decreases
};

} // namespace kube
