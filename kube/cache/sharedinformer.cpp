#include "sharedinformer.h"

namespace kube {

SharedInformer::SharedInformer(std::unique_ptr<ListWatch> listWatch, SharedInformerOptions options, QObject *parent)
    : QObject(parent),
      m_listWatch(std::move(listWatch)),
      m_options(std::move(options)),
      m_store(std::make_shared<ThreadSafeStore>(m_options.indexers))
{
    m_reflector = std::make_unique<Reflector>(*m_listWatch, static_cast<ReflectorStore &>(*this), m_options.reflector);
    connect(m_reflector.get(), &Reflector::synced, this, &SharedInformer::synced);
}

SharedInformer::~SharedInformer()
{
    m_reflector.reset(); // closes the watch before the ListWatch goes
    QMutexLocker locker(&m_handlersMutex);
    for (const auto &listener : std::as_const(m_listeners))
        listener->stop();
}

void SharedInformer::start()
{
    if (m_running)
        return;
    m_running = true;
    m_reflector->start();
}

void SharedInformer::stop()
{
    m_running = false;
    m_reflector->stop();
}

QString SharedInformer::lastSyncResourceVersion() const
{
    return m_reflector->lastSyncResourceVersion();
}

Object SharedInformer::transformed(const Object &object) const
{
    return m_options.transform ? m_options.transform(object) : object;
}

void SharedInformer::replace(const QList<Object> &items, const QString &resourceVersion)
{
    QList<Object> fresh;
    fresh.reserve(items.size());
    for (const Object &o : items)
        fresh.append(transformed(o));

    QMutexLocker locker(&m_handlersMutex);
    QHash<ObjectKey, Object> old = m_store->replace(fresh);
    InformerEventBatch events;
    events.reserve(fresh.size());
    for (const Object &o : std::as_const(fresh)) {
        const auto it = old.constFind(o.key());
        if (it == old.cend()) {
            events.append({InformerEvent::Type::Added, o, {}, DeleteState::Observed});
            continue;
        }
        // Unchanged objects (same resourceVersion) are not news.
        if (it->resourceVersion() != o.resourceVersion())
            events.append({InformerEvent::Type::Updated, o, *it, DeleteState::Observed});
        old.erase(it);
    }
    for (const Object &gone : std::as_const(old))
        events.append({InformerEvent::Type::Deleted, gone, {}, DeleteState::FinalStateUnknown});
    if (!m_synced)
        events.append({InformerEvent::Type::Synced, {}, {}, DeleteState::Observed});
    m_synced = true;
    distribute(events);
}

void SharedInformer::apply(const QList<WatchEvent> &events)
{
    QList<Object> objects;
    objects.reserve(events.size());
    for (const WatchEvent &e : events)
        objects.append(e.type == WatchEvent::Type::Deleted ? e.object : transformed(e.object));

    QMutexLocker locker(&m_handlersMutex);
    InformerEventBatch out;
    out.reserve(events.size());
    for (qsizetype i = 0; i < events.size(); ++i) {
        const Object &o = objects.at(i);
        if (events.at(i).type == WatchEvent::Type::Deleted) {
            const Object old = m_store->remove(o.key());
            // Prefer the cached state: the event's copy carries fields the transform dropped.
            out.append({InformerEvent::Type::Deleted, old.isNull() ? transformed(o) : old, {}, DeleteState::Observed});
            continue;
        }
        const Object old = m_store->update(o);
        if (old.isNull())
            out.append({InformerEvent::Type::Added, o, {}, DeleteState::Observed});
        else
            out.append({InformerEvent::Type::Updated, o, old, DeleteState::Observed});
    }
    distribute(out);
}

void SharedInformer::distribute(const InformerEventBatch &events)
{
    for (const auto &listener : std::as_const(m_listeners))
        listener->enqueue(events);
}

SharedInformer::HandlerId SharedInformer::addBatchHandler(QObject *context, BatchHandler handler)
{
    auto listener = std::make_shared<ProcessorListener>(context, std::move(handler), m_options.deliveryInterval);
    QMutexLocker locker(&m_handlersMutex);
    InformerEventBatch initial;
    for (const Object &o : m_store->list())
        initial.append({InformerEvent::Type::Added, o, {}, DeleteState::Observed});
    if (m_synced)
        initial.append({InformerEvent::Type::Synced, {}, {}, DeleteState::Observed});
    listener->enqueue(initial);
    const HandlerId id = m_nextHandlerId++;
    m_listeners.insert(id, std::move(listener));
    return id;
}

SharedInformer::HandlerId SharedInformer::addEventHandler(QObject *context, ResourceEventHandler handler)
{
    return addBatchHandler(context, [handler = std::move(handler)](const InformerEventBatch &batch) { handler.dispatch(batch); });
}

void SharedInformer::removeEventHandler(HandlerId id)
{
    QMutexLocker locker(&m_handlersMutex);
    if (auto listener = m_listeners.take(id))
        listener->stop();
}

int SharedInformer::deliveryCount(HandlerId id) const
{
    QMutexLocker locker(&m_handlersMutex);
    const auto listener = m_listeners.value(id);
    return listener ? listener->deliveryCount() : 0;
}

} // namespace kube
