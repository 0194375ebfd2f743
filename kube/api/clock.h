#pragma once
// Clock: where "now" comes from. Everything that stamps or waits on time (creationTimestamp,
// AGE columns, probes, back-offs) takes a Clock so tests use a fake one instead of sleeping.
// Thread safety: implementations must be safe to call from any thread.

#include <QDateTime>

namespace kube {

class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;
    // The process-wide real clock.
    static const Clock &system();
};

// RFC 3339 with second precision in UTC, as metav1.Time serialises ("2026-11-27T10:00:00Z").
QString formatKubeTime(const QDateTime &time);
// RFC 3339 with microseconds, as metav1.MicroTime serialises ("2026-11-27T10:00:00.123456Z").
QString formatKubeMicroTime(const QDateTime &time);

} // namespace kube
