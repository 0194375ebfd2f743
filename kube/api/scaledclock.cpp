#include "scaledclock.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace kube {

namespace {

double clampSpeed(double speed)
{
    return std::isfinite(speed) ? std::clamp(speed, 1.0, ScaledClock::MaxSpeed) : 1.0;
}

} // namespace

ScaledClock::ScaledClock(double speed) : m_speed(clampSpeed(speed)), m_start(Clock::system().now())
{
    m_elapsed.start();
}

ScaledClock::ScaledClock(double speed, const Clock &base) : m_speed(clampSpeed(speed)), m_base(&base), m_start(base.now())
{
}

ScaledClock::ScaledClock(double speed, const QDateTime &start) : m_speed(clampSpeed(speed)), m_start(start.toUTC())
{
    m_elapsed.start();
}

QDateTime ScaledClock::now() const
{
    // Nanoseconds from the monotonic clock keep sub-millisecond steps: at speed 100 a
    // millisecond-granular reading would make the clock jump 100 ms at a time.
    const double realMs = m_base ? double(m_start.msecsTo(m_base->now())) : double(m_elapsed.nsecsElapsed()) / 1e6;
    return m_start.addMSecs(qint64(std::floor(realMs * m_speed)));
}

qint64 ScaledClock::realMsecs(qint64 clockMs) const
{
    if (clockMs <= 0)
        return 0;
    return qint64(std::ceil(double(clockMs) / m_speed));
}

qint64 ScaledClock::clockMsecs(qint64 realMs) const
{
    return qint64(std::llround(double(realMs) * m_speed));
}

std::optional<double> ScaledClock::parseSpeed(const QString &text)
{
    bool ok = false;
    const double speed = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(speed) || speed < 1 || speed > MaxSpeed)
        return std::nullopt;
    return speed;
}

} // namespace kube
