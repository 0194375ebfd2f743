#pragma once
// ScaledClock: a clock that runs `speed` times faster than real time, for `timonel-cluster
// --speed N` demos. now() = start + (real time elapsed since construction) × speed, so one
// clock drives every timestamp of the embedded cluster (API server, controllers, kubelets,
// Leases, events) and they stay consistent with each other. Whoever waits for a clock-time
// deadline with a real timer converts the wait with realMsecs(): a 10 s probe period at speed
// 20 is 500 real ms.
//
// Elapsed real time comes from the monotonic clock (a wall-clock jump is not multiplied), or
// from an injected base Clock (tests). Thread safety: const after construction; every method
// may be called from any thread at once. Cost: one clock read per now().

#include "clock.h"

#include <QElapsedTimer>

#include <chrono>
#include <optional>

namespace kube {

class ScaledClock final : public Clock
{
public:
    // The fastest speed accepted: at 100 a 10-minute rollout takes 6 real seconds.
    static constexpr double MaxSpeed = 100;

    // speed >= 1 (clamped to 1..MaxSpeed); elapsed real time from the monotonic clock.
    explicit ScaledClock(double speed);
    // Elapsed real time read from base (which must outlive this clock).
    ScaledClock(double speed, const Clock &base);
    // Starts at `start` instead of real now (a restarted cluster continuing a clock that ran
    // ahead of real time; speed 1 is allowed then), elapsed real time from the monotonic clock.
    ScaledClock(double speed, const QDateTime &start);

    QDateTime now() const override;

    double speed() const { return m_speed; }
    // The real clock that timers wait on: the injected base, or Clock::system().
    const Clock &base() const { return m_base ? *m_base : Clock::system(); }
    // The real wait for a clock-time delay: ceil(clockMs / speed); 0 stays 0, negative is 0.
    qint64 realMsecs(qint64 clockMs) const;
    std::chrono::milliseconds realDelay(std::chrono::milliseconds clock) const
    {
        return std::chrono::milliseconds(realMsecs(clock.count()));
    }

    // The clock time that passes in realMs of real time: realMs × speed.
    qint64 clockMsecs(qint64 realMs) const;

    // Parses a --speed argument: a number from 1 to MaxSpeed ("20", "2.5"); nullopt otherwise.
    static std::optional<double> parseSpeed(const QString &text);

private:
    const double m_speed;
    const Clock *m_base = nullptr;  // null: m_elapsed
    QDateTime m_start;              // the clock's reading at construction (real UTC time unless given)
    QElapsedTimer m_elapsed;        // monotonic, started at construction
};

} // namespace kube
