#pragma once
// Backoff: how long to wait after a failure, growing exponentially with jitter up to a cap and
// falling back to the initial delay after a healthy period (client-go's exponential back-off
// manager as the Reflector uses it: 800 ms → 30 s, factor 2, jitter 1.0, reset after 2 min).
//
// Pure value logic: time comes from an injected Clock, randomness from a seeded generator, so
// tests assert exact sequences. Not thread-safe; owned and used by one object. Cost: O(1).

#include "kube/api/clock.h"

#include <chrono>
#include <random>

namespace kube {

struct BackoffPolicy {
    std::chrono::milliseconds initial{800};
    std::chrono::milliseconds max{30'000};
    // A failure more than this after the previous one starts again from initial.
    std::chrono::milliseconds resetAfter{120'000};
    double factor = 2.0;
    // Each delay is base * (1 + jitter * u), u uniform in [0, 1); never more than max.
    double jitter = 1.0;
};

class Backoff
{
public:
    Backoff(BackoffPolicy policy, const Clock &clock, quint32 seed);

    // A failure happened now: the delay to wait before the next attempt.
    std::chrono::milliseconds next();
    // Forget past failures: the next failure waits about the initial delay.
    void reset();
    // The un-jittered base the next failure starts from (for messages and tests).
    std::chrono::milliseconds currentBase() const { return m_base; }
    const BackoffPolicy &policy() const { return m_policy; }

private:
    BackoffPolicy m_policy;
    const Clock &m_clock;
    std::mt19937 m_random;
    // Invariant: initial <= m_base <= max.
    std::chrono::milliseconds m_base;
    // Null until the first failure.
    QDateTime m_lastFailure;
};

} // namespace kube
