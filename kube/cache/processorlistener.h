#pragma once
// ProcessorListener: one handler's mailbox (client-go's processorListener). The informer
// appends events from its thread; they are delivered on the handler's context thread in
// batches: everything that arrived since the last delivery, at most one delivery per interval
// (or per event-loop turn with a zero interval). A storm of events costs a few deliveries.
//
// Thread safety: enqueue() and stop() from any thread; delivery runs on context's thread.
// Ownership: shared between the informer and the posted deliveries (shared_ptr); holds no
// reference to the context, and stops delivering once it is destroyed.
// Cost: the pending batch is unbounded (as upstream's buffer): a handler that blocks its thread
// accumulates every event until it returns.

#include "informerevent.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QPointer>

#include <atomic>
#include <chrono>
#include <memory>

namespace kube {

class ProcessorListener : public std::enable_shared_from_this<ProcessorListener>
{
public:
    ProcessorListener(QObject *context, BatchHandler handler, std::chrono::milliseconds interval);

    void enqueue(const InformerEventBatch &events);
    void stop() { m_stopped = true; }
    bool isStopped() const { return m_stopped; }
    int deliveryCount() const { return m_deliveries; }

private:
    void schedule(); // callers hold m_mutex
    void deliver();

    QPointer<QObject> m_context;
    const BatchHandler m_handler;
    const std::chrono::milliseconds m_interval;
    std::atomic<bool> m_stopped = false;
    std::atomic<int> m_deliveries = 0;

    QMutex m_mutex;
    // Guarded by m_mutex. Invariant: m_scheduled is true iff a delivery is posted to the
    // context's thread and has not yet taken m_pending.
    InformerEventBatch m_pending;
    bool m_scheduled = false;
    // Context thread only: since the last delivery (invalid before the first).
    QElapsedTimer m_sinceDelivery;
};

} // namespace kube
