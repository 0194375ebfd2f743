#include "reflector.h"

#include <QPointer>

#include <algorithm>

namespace kube {

Reflector::Reflector(ListWatch &listWatch, ReflectorStore &store, ReflectorOptions options, QObject *parent)
    : QObject(parent),
      m_listWatch(listWatch),
      m_store(store),
      m_options(std::move(options)),
      m_clock(m_options.clock ? *m_options.clock : Clock::system()),
      m_random(m_options.seed ? m_options.seed : std::random_device{}()),
      m_backoff(m_options.backoff, m_clock, quint32(m_random()))
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &Reflector::onRetryTimer);
}

Reflector::~Reflector()
{
    closeWatch();
}

void Reflector::start()
{
    if (m_phase != Phase::Stopped)
        return;
    beginList();
}

void Reflector::stop()
{
    ++m_listGeneration;
    m_retryTimer.stop();
    closeWatch();
    m_pageItems.clear();
    m_phase = Phase::Stopped;
}

void Reflector::beginList()
{
    ++m_listGeneration;
    m_pageItems.clear();
    m_phase = Phase::Listing;
    requestPage(QString());
}

void Reflector::requestPage(const QString &continueToken)
{
    ListRequest request;
    request.labelSelector = m_options.labelSelector;
    request.fieldSelector = m_options.fieldSelector;
    request.limit = m_options.pageSize;
    request.continueToken = continueToken;
    // "": a consistent (quorum) list; "0" would let a server ignore the limit.
    QPointer<Reflector> self(this);
    const quint64 generation = m_listGeneration;
    m_listWatch.list(request, [self, generation](Expected<ListPage> page) {
        if (!self || self->m_listGeneration != generation || self->m_phase != Phase::Listing)
            return;
        self->onPage(std::move(page));
    });
}

void Reflector::onPage(Expected<ListPage> page)
{
    if (!page.ok()) {
        m_pageItems.clear();
        retryLater(Phase::WaitingToList, page.error());
        return;
    }
    m_pageItems.append(page->items);
    if (!page->continueToken.isEmpty()) {
        requestPage(page->continueToken);
        return;
    }
    const QList<Object> items = std::exchange(m_pageItems, {});
    m_lastResourceVersion = page->resourceVersion;
    m_store.replace(items, m_lastResourceVersion);
    ++m_listCount;
    const bool first = !m_synced;
    m_synced = true;
    Q_EMIT listed(m_lastResourceVersion);
    if (first)
        Q_EMIT synced();
    if (m_phase == Phase::Listing) // a slot may have stopped us
        beginWatch();
}

void Reflector::beginWatch()
{
    std::uniform_int_distribution<int> timeout(m_options.minWatchTimeoutSeconds,
                                               std::max(m_options.minWatchTimeoutSeconds, m_options.maxWatchTimeoutSeconds - 1));
    WatchRequest request;
    request.labelSelector = m_options.labelSelector;
    request.fieldSelector = m_options.fieldSelector;
    request.resourceVersion = m_lastResourceVersion;
    request.timeoutSeconds = timeout(m_random);
    request.allowWatchBookmarks = true;

    m_phase = Phase::Watching;
    m_watchStartedAt = m_clock.now();
    m_eventsInWatch = 0;
    ++m_watchCount;
    m_watch = m_listWatch.watch(request);
    connect(m_watch.get(), &WatchConnection::eventsReceived, this, &Reflector::onEvents);
    connect(m_watch.get(), &WatchConnection::closed, this, &Reflector::onClosed);
    Q_EMIT watchStarted(m_lastResourceVersion);
}

void Reflector::onEvents(const QList<WatchEvent> &events)
{
    if (m_phase != Phase::Watching)
        return;
    QList<WatchEvent> changes;
    changes.reserve(events.size());
    for (const WatchEvent &event : events) {
        if (event.type == WatchEvent::Type::Error) {
            if (!changes.isEmpty())
                m_store.apply(changes);
            onClosed(event.error.isSuccess() ? Status::internalError(u"watch error event without a status"_qs) : event.error);
            return;
        }
        ++m_eventsInWatch;
        const QString rv = event.object.resourceVersion();
        if (!rv.isEmpty())
            m_lastResourceVersion = rv;
        if (event.type != WatchEvent::Type::Bookmark)
            changes.append(event);
    }
    if (!changes.isEmpty())
        m_store.apply(changes);
}

void Reflector::onClosed(const Status &why)
{
    if (m_phase != Phase::Watching)
        return;
    const bool healthy = watchWasHealthy();
    closeWatch();
    if (isExpired(why)) {
        if (healthy) {
            beginList();
            return;
        }
        retryLater(Phase::WaitingToList, why);
        return;
    }
    if (why.isSuccess() && healthy) {
        beginWatch();
        return;
    }
    retryLater(Phase::WaitingToWatch, why.isSuccess() ? Status(500, QString::fromLatin1(reason::InternalError), u"watch closed at once without events"_qs) : why);
}

bool Reflector::watchWasHealthy() const
{
    return m_eventsInWatch > 0 || m_watchStartedAt.msecsTo(m_clock.now()) >= m_options.minHealthyWatch.count();
}

bool Reflector::isExpired(const Status &status)
{
    return status.code() == 410 || status.is(reason::Expired) || status.is(reason::Gone);
}

void Reflector::closeWatch()
{
    if (!m_watch)
        return;
    m_watch->disconnect(this);
    m_watch->stop();
    // We may be inside one of its signals: delete it once that returns.
    m_watch.release()->deleteLater();
}

void Reflector::retryLater(Phase next, const Status &why)
{
    m_phase = next;
    const std::chrono::milliseconds delay = m_backoff.next();
    m_retryTimer.start(delay);
    Q_EMIT retryScheduled(delay.count(), why);
}

void Reflector::onRetryTimer()
{
    switch (m_phase) {
    case Phase::WaitingToList:
        beginList();
        return;
    case Phase::WaitingToWatch:
        beginWatch();
        return;
    default:
        return;
    }
}

} // namespace kube
