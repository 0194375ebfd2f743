#include "tokenbucket.h"

#include "kube/api/clock.h"

#include <cmath>

namespace kube {

TokenBucket::TokenBucket(double qps, int burst, const Clock &clock)
    : m_qps(qps)
    , m_burst(std::max(1, burst))
    , m_clock(clock)
    , m_tokens(m_burst)
    , m_last(clock.now())
{
}

void TokenBucket::refill()
{
    const QDateTime now = m_clock.now();
    const qint64 elapsedMs = m_last.msecsTo(now);
    if (elapsedMs <= 0)
        return; // a clock that went backwards refills nothing
    m_tokens = std::min(m_burst, m_tokens + double(elapsedMs) * m_qps / 1000.0);
    m_last = now;
}

qint64 TokenBucket::reserve()
{
    if (m_qps <= 0)
        return 0;
    refill();
    m_tokens -= 1;
    if (m_tokens >= 0)
        return 0;
    // Waiting -m_tokens tokens' worth of refill makes this reservation's token exist.
    return qint64(std::ceil(-m_tokens * 1000.0 / m_qps));
}

double TokenBucket::available() const
{
    return m_tokens;
}

} // namespace kube
