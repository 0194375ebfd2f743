#pragma once
// FakeClock: a Clock tests move by hand. Thread-safe (atomic milliseconds).

#include "kube/api/clock.h"

#include <atomic>
#include <chrono>

namespace kube::testing {

class FakeClock final : public Clock
{
public:
    QDateTime now() const override { return QDateTime::fromMSecsSinceEpoch(m_ms.load(), Qt::UTC); }
    void advance(std::chrono::milliseconds by) { m_ms += by.count(); }

private:
    std::atomic<qint64> m_ms = 1'800'000'000'000;
};

} // namespace kube::testing
