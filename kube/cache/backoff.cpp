#include "backoff.h"

#include <algorithm>

namespace kube {

Backoff::Backoff(BackoffPolicy policy, const Clock &clock, quint32 seed)
    : m_policy(policy), m_clock(clock), m_random(seed), m_base(policy.initial)
{
}

std::chrono::milliseconds Backoff::next()
{
    const QDateTime now = m_clock.now();
    if (m_lastFailure.isValid() && m_lastFailure.msecsTo(now) > m_policy.resetAfter.count())
        m_base = m_policy.initial;
    m_lastFailure = now;

    const double base = double(m_base.count());
    double delay = base;
    if (m_policy.jitter > 0) {
        std::uniform_real_distribution<double> unit(0.0, 1.0);
        delay += base * m_policy.jitter * unit(m_random);
    }
    const double grown = base * m_policy.factor;
    m_base = std::chrono::milliseconds(qint64(std::min(grown, double(m_policy.max.count()))));
    return std::chrono::milliseconds(qint64(std::min(delay, double(m_policy.max.count()))));
}

void Backoff::reset()
{
    m_base = m_policy.initial;
    m_lastFailure = QDateTime();
}

} // namespace kube
