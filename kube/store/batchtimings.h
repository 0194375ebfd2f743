#pragma once
// BatchTimings: where a group commit's time goes — planning, SQLite inserts, COMMIT (the fsync),
// applying to memory (and posting to the fan-out, housekeeping) — summed over the store's life
// and printed to stderr when it closes, each with the committing thread's own CPU time in it
// (the rest is waiting: for the disk, or for a CPU), and the mean time between batches.
// Off unless TIMONEL_STORE_TIMING is set in the environment (the benchmark's
// breakdown); when off, each probe is one predictable branch.
//
// Not thread-safe: the holder of the store's commit token records; the destructor prints.

#include <QtGlobal>

#include <array>
#include <chrono>
#include <cstdio>
#include <ctime>

namespace kube {

class BatchTimings
{
public:
    enum Phase { Plan, Insert, Commit, Apply, After, PhaseCount };

    BatchTimings() : m_enabled(qEnvironmentVariableIsSet("TIMONEL_STORE_TIMING")) {}
    ~BatchTimings() { print(); }

    bool isEnabled() const { return m_enabled; }
    // Starts timing a batch of n requests.
    void begin(size_t n)
    {
        if (!m_enabled)
            return;
        ++m_batches;
        m_requests += n;
        m_last = Clock::now();
        m_lastCpu = threadCpu();
        if (m_batches > 1)
            m_gap += m_last - m_end;
    }
    // The time since the previous mark belongs to phase.
    void mark(Phase phase)
    {
        if (!m_enabled)
            return;
        const Clock::time_point now = Clock::now();
        m_total[phase] += now - m_last;
        m_last = now;
        const qint64 cpu = threadCpu();
        m_cpu[phase] += cpu - m_lastCpu;
        m_lastCpu = cpu;
        m_end = now;
    }

private:
    using Clock = std::chrono::steady_clock;

    void print() const
    {
        if (!m_enabled || m_batches == 0)
            return;
        static constexpr const char *names[PhaseCount] = {"plan", "insert", "commit+fsync", "apply", "after"};
        std::fprintf(stderr, "store timing: %llu batches, %.2f requests each; mean us per batch:", (unsigned long long)m_batches,
                     double(m_requests) / double(m_batches));
        for (int p = 0; p < PhaseCount; ++p)
            std::fprintf(stderr, " %s %.1f (cpu %.1f)", names[p],
                         std::chrono::duration<double, std::micro>(m_total[p]).count() / double(m_batches),
                         double(m_cpu[p]) / 1e3 / double(m_batches));
        // From one batch's end to the next one's start: waking the callers, their next
        // request, the coalescing wait (and idle time, when writers pause).
        if (m_batches > 1)
            std::fprintf(stderr, "; between batches %.1f",
                         std::chrono::duration<double, std::micro>(m_gap).count() / double(m_batches - 1));
        std::fprintf(stderr, "\n");
    }

    // This thread's CPU time in ns: wall time minus this is time spent off the CPU (waiting for
    // the disk, or preempted by other threads).
    static qint64 threadCpu()
    {
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
    }

    const bool m_enabled;
    quint64 m_batches = 0;
    quint64 m_requests = 0;
    Clock::time_point m_last;
    std::array<Clock::duration, PhaseCount> m_total{};
    qint64 m_lastCpu = 0;
    Clock::time_point m_end;   // the previous batch's last mark
    Clock::duration m_gap{};   // summed from one batch's end to the next one's start
    std::array<qint64, PhaseCount> m_cpu{};
};

} // namespace kube
