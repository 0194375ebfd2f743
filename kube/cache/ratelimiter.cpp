#include "ratelimiter.h"

#include <cmath>

namespace kube {

ItemExponentialRateLimiter::ItemExponentialRateLimiter(std::chrono::milliseconds base, std::chrono::milliseconds max)
    : m_base(base), m_max(max)
{
}

std::chrono::milliseconds ItemExponentialRateLimiter::when(const QString &key)
{
    const int exponent = m_failures[key]++;
    // Computed in double so 2^exponent cannot overflow before the cap applies.
    const double delay = double(m_base.count()) * std::pow(2.0, exponent);
    if (delay >= double(m_max.count()))
        return m_max;
    return std::chrono::milliseconds(qint64(delay));
}

} // namespace kube
