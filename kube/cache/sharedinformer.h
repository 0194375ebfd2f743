#pragma once
// SharedInformer: one Reflector feeding one indexed cache, shared by every consumer of one
// (resource, namespace scope, selectors) (client-go's sharedIndexInformer). Each watch event
// updates the ThreadSafeStore first, then becomes an InformerEvent for every handler; handlers
// receive batches on their own thread (ProcessorListener), so a storm costs a few deliveries.
// A relist's vanished objects become Deleted events with DeleteState::FinalStateUnknown.
//
// Every object passes through the transform before it is cached (default: drop managedFields).
// A handler added late first receives Added for everything cached (and Synced when synced).
//
// Thread affinity: lives on the ListWatch's thread, where start()/stop() are called and synced()
// is emitted. addEventHandler(), removeEventHandler(), hasSynced(), lister() and store() are
// safe from any thread. Ownership: owns the ListWatch, the Reflector and (shared with Listers)
// the store.

#include "informerevent.h"
#include "lister.h"
#include "objecttransform.h"
#include "processorlistener.h"
#include "reflector.h"

#include <QHash>
#include <QMutex>
#include <QObject>

#include <atomic>
#include <memory>

namespace kube {

struct SharedInformerOptions {
    ReflectorOptions reflector;
    // Applied to every object before caching; a null function caches objects as received.
    ObjectTransform transform = dropManagedFields;
    Indexers indexers = defaultIndexers();
    // At most one delivery per handler per interval; 0: once per event-loop turn.
    std::chrono::milliseconds deliveryInterval{16};
};

class SharedInformer : public QObject, private ReflectorStore
{
    Q_OBJECT
public:
    using HandlerId = quint64;

    SharedInformer(std::unique_ptr<ListWatch> listWatch, SharedInformerOptions options = {}, QObject *parent = nullptr);
    ~SharedInformer() override;

    void start();
    void stop();
    bool isRunning() const { return m_running; }

    // The first list is in the store (not necessarily delivered to handlers yet: they get a
    // Synced event after its events).
    bool hasSynced() const { return m_synced; }
    QString lastSyncResourceVersion() const;

    Lister lister() const { return Lister(m_store); }
    std::shared_ptr<const ThreadSafeStore> store() const { return m_store; }
    // Adds an index and builds it over what is cached.
    void addIndexer(const QString &name, IndexFunc function) { m_store->addIndexer(name, std::move(function)); }

    // Batches of events are delivered on context's thread while context lives.
    HandlerId addBatchHandler(QObject *context, BatchHandler handler);
    HandlerId addEventHandler(QObject *context, ResourceEventHandler handler);
    void removeEventHandler(HandlerId id);
    // Deliveries made to one handler so far (for tests and benchmarks).
    int deliveryCount(HandlerId id) const;

    Reflector &reflector() { return *m_reflector; }
    ListWatch &listWatch() { return *m_listWatch; }

Q_SIGNALS:
    void synced();

private:
    void replace(const QList<Object> &items, const QString &resourceVersion) override;
    void apply(const QList<WatchEvent> &events) override;
    Object transformed(const Object &object) const;
    void distribute(const InformerEventBatch &events); // callers hold m_handlersMutex

    std::unique_ptr<ListWatch> m_listWatch;
    const SharedInformerOptions m_options;
    const std::shared_ptr<ThreadSafeStore> m_store;
    std::unique_ptr<Reflector> m_reflector;
    bool m_running = false;
    std::atomic<bool> m_synced = false;

    // Held while the store changes and the change is handed to listeners, so a handler added
    // concurrently sees each change exactly once: in its initial snapshot or as an event.
    mutable QMutex m_handlersMutex;
    QHash<HandlerId, std::shared_ptr<ProcessorListener>> m_listeners;
    HandlerId m_nextHandlerId = 1;
};

} // namespace kube
