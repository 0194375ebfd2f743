#pragma once
// ItemExponentialRateLimiter: per-key exponential back-off for controller retries (client-go's
// ItemExponentialFailureRateLimiter): the n-th failure of a key waits base * 2^(n-1), capped;
// forget() after a success starts the key over. Defaults 5 ms → 1000 s.
//
// Not thread-safe: the WorkQueue calls it under its lock. Cost: O(1), one entry per failing key.

#include <QHash>
#include <QString>

#include <chrono>

namespace kube {

class ItemExponentialRateLimiter
{
public:
    explicit ItemExponentialRateLimiter(std::chrono::milliseconds base = std::chrono::milliseconds(5),
                                        std::chrono::milliseconds max = std::chrono::seconds(1000));

    // Records a failure of key; returns how long to wait before retrying it.
    std::chrono::milliseconds when(const QString &key);
    void forget(const QString &key) { m_failures.remove(key); }
    int numRequeues(const QString &key) const { return m_failures.value(key); }

private:
    std::chrono::milliseconds m_base;
    std::chrono::milliseconds m_max;
    QHash<QString, int> m_failures;
};

} // namespace kube
