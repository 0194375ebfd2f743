#include "workqueue.h"

#include <QThread>

namespace kube {

WorkQueue::WorkQueue(WorkQueueOptions options, QObject *parent)
    : QObject(parent),
      m_options(options),
      m_clock(options.clock ? *options.clock : Clock::system()),
      m_rateLimiter(options.baseDelay, options.maxDelay)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &WorkQueue::releaseDue);
}

WorkQueue::~WorkQueue() = default;

void WorkQueue::add(const QString &key)
{
    QMutexLocker locker(&m_mutex);
    addLocked(key);
}

void WorkQueue::addLocked(const QString &key)
{
    if (m_shuttingDown || m_dirty.contains(key))
        return;
    m_dirty.insert(key);
    if (m_processing.contains(key))
        return;
    m_queue.enqueue(key);
    notifyLocked();
}

void WorkQueue::notifyLocked()
{
    if (m_notifyPosted)
        return;
    m_notifyPosted = true;
    QMetaObject::invokeMethod(this, [this] {
        bool ready = false;
        bool nowDrained = false;
        {
            QMutexLocker locker(&m_mutex);
            m_notifyPosted = false;
            ready = !m_queue.isEmpty();
            nowDrained = m_shuttingDown && m_queue.isEmpty() && m_processing.isEmpty() && !m_drainedEmitted;
            m_drainedEmitted = m_drainedEmitted || nowDrained;
        }
        if (ready)
            Q_EMIT keysReady();
        if (nowDrained)
            Q_EMIT drained();
    }, Qt::QueuedConnection);
}

void WorkQueue::addAfter(const QString &key, std::chrono::milliseconds delay)
{
    {
        QMutexLocker locker(&m_mutex);
        if (m_shuttingDown)
            return;
        if (delay.count() <= 0) {
            addLocked(key);
            return;
        }
        const QDateTime at = m_clock.now().addMSecs(delay.count());
        const auto existing = m_waitingAt.constFind(key);
        if (existing != m_waitingAt.cend()) {
            if (*existing <= at)
                return;
            m_waiting.remove(*existing, key);
        }
        m_waitingAt.insert(key, at);
        m_waiting.insert(at, key);
    }
    if (QThread::currentThread() == thread())
        armTimer();
    else
        QMetaObject::invokeMethod(this, &WorkQueue::armTimer, Qt::QueuedConnection);
}

void WorkQueue::addRateLimited(const QString &key)
{
    std::chrono::milliseconds delay;
    {
        QMutexLocker locker(&m_mutex);
        delay = m_rateLimiter.when(key);
    }
    addAfter(key, delay);
}

void WorkQueue::forget(const QString &key)
{
    QMutexLocker locker(&m_mutex);
    m_rateLimiter.forget(key);
}

int WorkQueue::numRequeues(const QString &key) const
{
    QMutexLocker locker(&m_mutex);
    return m_rateLimiter.numRequeues(key);
}

std::optional<QString> WorkQueue::take()
{
    QMutexLocker locker(&m_mutex);
    if (m_queue.isEmpty())
        return std::nullopt;
    QString key = m_queue.dequeue();
    m_processing.insert(key);
    m_dirty.remove(key);
    return key;
}

void WorkQueue::done(const QString &key)
{
    QMutexLocker locker(&m_mutex);
    m_processing.remove(key);
    if (m_dirty.contains(key)) {
        m_queue.enqueue(key);
        notifyLocked();
        return;
    }
    if (m_shuttingDown && m_processing.isEmpty() && m_queue.isEmpty())
        notifyLocked();
}

void WorkQueue::shutDown()
{
    QMutexLocker locker(&m_mutex);
    m_shuttingDown = true;
    m_waiting.clear();
    m_waitingAt.clear();
    notifyLocked();
}

bool WorkQueue::isShuttingDown() const
{
    QMutexLocker locker(&m_mutex);
    return m_shuttingDown;
}

qsizetype WorkQueue::length() const
{
    QMutexLocker locker(&m_mutex);
    return m_queue.size();
}

qsizetype WorkQueue::processingCount() const
{
    QMutexLocker locker(&m_mutex);
    return m_processing.size();
}

qsizetype WorkQueue::waitingCount() const
{
    QMutexLocker locker(&m_mutex);
    return m_waiting.size();
}

void WorkQueue::releaseDue()
{
    {
        QMutexLocker locker(&m_mutex);
        const QDateTime now = m_clock.now();
        while (!m_waiting.isEmpty() && m_waiting.firstKey() <= now) {
            const QString key = m_waiting.first();
            m_waiting.erase(m_waiting.begin());
            m_waitingAt.remove(key);
            addLocked(key);
        }
    }
    armTimer();
}

void WorkQueue::armTimer()
{
    QDateTime next;
    {
        QMutexLocker locker(&m_mutex);
        if (m_waiting.isEmpty()) {
            m_timer.stop();
            return;
        }
        next = m_waiting.firstKey();
    }
    m_timer.start(std::chrono::milliseconds(std::max<qint64>(0, m_clock.now().msecsTo(next))));
}

} // namespace kube
