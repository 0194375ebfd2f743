#pragma once
// MaxInFlight: kube-apiserver's max-in-flight filter (--max-requests-inflight=400 for reads,
// --max-mutating-requests-inflight=200 for writes). A request past its class's limit is refused
// with 429 TooManyRequests, "Too many requests, please try again later.", and Retry-After: 1
// (a Status with details.retryAfterSeconds, which client-go honours by retrying).
// Long-running requests (watches; log, exec, attach, port-forward and proxy subresources) are
// never counted, as upstream: they would hold a slot for their whole life.
//
// Slots are taken and released on the API server's thread only (a request handled on a worker
// thread keeps its slot until its answer is written back there); the counts are plain integers
// for that reason. Thread affinity: the API server's thread. Cost: O(1).

#include "requestinfo.h"

#include <QByteArray>

namespace kube {

class MaxInFlight
{
public:
    static constexpr int kDefaultReadLimit = 400;
    static constexpr int kDefaultMutatingLimit = 200;

    // 0 or less: that class is not limited.
    void setLimits(int readLimit, int mutatingLimit)
    {
        m_readLimit = readLimit;
        m_mutatingLimit = mutatingLimit;
    }
    int readLimit() const { return m_readLimit; }
    int mutatingLimit() const { return m_mutatingLimit; }

    static bool isLongRunning(const RequestInfo &info);
    static bool isMutating(QByteArrayView method);

    // A slot held for one request; released when destroyed. Invalid (isAdmitted() false) when
    // the limit is reached: answer 429.
    class Slot
    {
    public:
        Slot(Slot &&other) noexcept : m_counter(other.m_counter), m_admitted(other.m_admitted) { other.m_counter = nullptr; }
        Slot(const Slot &) = delete;
        Slot &operator=(const Slot &) = delete;
        Slot &operator=(Slot &&) = delete;
        ~Slot()
        {
            if (m_counter)
                --*m_counter;
        }
        bool isAdmitted() const { return m_admitted; }

    private:
        friend class MaxInFlight;
        Slot(int *counter, bool admitted) : m_counter(counter), m_admitted(admitted) {}
        int *m_counter;
        bool m_admitted;
    };

    Slot acquire(QByteArrayView method, const RequestInfo &info);
    int inFlight() const { return m_reads + m_mutating; }

private:
    int m_readLimit = kDefaultReadLimit;
    int m_mutatingLimit = kDefaultMutatingLimit;
    int m_reads = 0;
    int m_mutating = 0;
};

} // namespace kube
