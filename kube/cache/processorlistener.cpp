#include "processorlistener.h"

#include <QMetaObject>
#include <QTimer>

namespace kube {

ProcessorListener::ProcessorListener(QObject *context, BatchHandler handler, std::chrono::milliseconds interval)
    : m_context(context), m_handler(std::move(handler)), m_interval(interval)
{
}

void ProcessorListener::enqueue(const InformerEventBatch &events)
{
    if (m_stopped || events.isEmpty())
        return;
    QMutexLocker locker(&m_mutex);
    m_pending.append(events);
    if (m_scheduled)
        return;
    m_scheduled = true;
    schedule();
}

void ProcessorListener::schedule()
{
    QObject *context = m_context.data();
    if (!context)
        return;
    QMetaObject::invokeMethod(context, [weak = weak_from_this()] {
        if (auto self = weak.lock())
            self->deliver();
    }, Qt::QueuedConnection);
}

void ProcessorListener::deliver()
{
    if (m_stopped || !m_context)
        return;
    if (m_sinceDelivery.isValid() && m_interval.count() > 0) {
        const qint64 wait = m_interval.count() - m_sinceDelivery.elapsed();
        if (wait > 0) {
            // Too soon after the last delivery: let more events gather.
            QTimer::singleShot(std::chrono::milliseconds(wait), m_context.data(), [weak = weak_from_this()] {
                if (auto self = weak.lock())
                    self->deliver();
            });
            return;
        }
    }
    InformerEventBatch batch;
    {
        QMutexLocker locker(&m_mutex);
        batch = std::exchange(m_pending, {});
        m_scheduled = false;
    }
    m_sinceDelivery.start();
    if (batch.isEmpty())
        return;
    ++m_deliveries;
    m_handler(batch);
}

} // namespace kube
