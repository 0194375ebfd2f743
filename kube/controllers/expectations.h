#pragma once
// ControllerExpectations: creations and deletions a controller asked for and has not yet seen
// come back through its informer (upstream controller_utils.go). While any are outstanding the
// controller does not act on the owner again, so a stale cache cannot make it create or delete
// twice. Expectations expire after five minutes, in case an event was never seen.
//
// Thread affinity: the controllers' thread. Memory: one entry per owner with work in flight.

#include <QDateTime>
#include <QHash>
#include <QString>

namespace kube {

class Clock;

class ControllerExpectations
{
public:
    explicit ControllerExpectations(const Clock &clock) : m_clock(clock) {}

    void expect(const QString &owner, int creations, int deletions);
    void creationObserved(const QString &owner) { lower(owner, 1, 0); }
    void deletionObserved(const QString &owner) { lower(owner, 0, 1); }
    // Nothing outstanding (or expired): the owner may be synced.
    bool satisfied(const QString &owner) const;
    void forget(const QString &owner) { m_entries.remove(owner); }

private:
    void lower(const QString &owner, int creations, int deletions);
    struct Entry {
        int creations = 0;
        int deletions = 0;
        QDateTime since;
    };
    const Clock &m_clock;
    QHash<QString, Entry> m_entries;
};

} // namespace kube
