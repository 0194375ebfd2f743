#pragma once
// TokenBucket: client-side rate limiting as client-go's flowcontrol token bucket — tokens
// refill at qps per second up to burst; each request takes one, and when none is left it waits
// for the next. reserve() does not wait itself: it books a token and says how long the caller
// must wait before using it, so the transport waits on its event loop and tests use a fake
// Clock instead of sleeping.
//
// Not thread-safe: owned by one transport on its thread. Cost: O(1).

#include <QDateTime>

namespace kube {

class Clock;

class TokenBucket
{
public:
    // qps <= 0 disables limiting. The bucket starts full. The clock must outlive the bucket.
    TokenBucket(double qps, int burst, const Clock &clock);

    // Books one token; returns the milliseconds to wait before using it (0: now).
    qint64 reserve();
    // Tokens available now (may be negative while reservations wait).
    double available() const;

private:
    void refill();

    double m_qps;
    double m_burst;
    const Clock &m_clock;
    double m_tokens;
    QDateTime m_last;
};

} // namespace kube
