#pragma once
// SharedInformerFactory: hands every consumer of the same (resource, namespace, selectors) the
// same SharedInformer, so one list and one watch serve them all (client-go's
// sharedInformerFactory). Informers are created on first request and started with the factory.
//
// Thread affinity: lives on the thread the ListWatches belong to; call it there. The informers
// it returns are owned by the factory (children) and live as long as it does.

#include "sharedinformer.h"

#include <QHash>
#include <QObject>

#include <functional>

namespace kube {

struct InformerKey {
    QString resource;      // "pods", "deployments.apps", "widgets.v1.example.com"…
    QString namespace_;    // "" for all namespaces
    QString labelSelector;
    QString fieldSelector;
    friend bool operator==(const InformerKey &, const InformerKey &) = default;
};

inline size_t qHash(const InformerKey &k, size_t seed = 0)
{
    return qHashMulti(seed, k.resource, k.namespace_, k.labelSelector, k.fieldSelector);
}

// Makes the ListWatch for a key's resource and namespace (selectors travel in the requests).
using ListWatchFactory = std::function<std::unique_ptr<ListWatch>(const InformerKey &key)>;

class SharedInformerFactory : public QObject
{
    Q_OBJECT
public:
    // defaults: the options of every informer (the key's selectors replace the reflector's).
    SharedInformerFactory(ListWatchFactory makeListWatch, SharedInformerOptions defaults = {}, QObject *parent = nullptr);
    ~SharedInformerFactory() override;

    // The informer for key, created on first use; started when the factory is.
    SharedInformer *informer(const InformerKey &key);
    // Starts every informer, and those created later.
    void start();
    void stop();
    bool hasSynced() const; // every informer has synced
    QList<InformerKey> keys() const { return m_informers.keys(); }

Q_SIGNALS:
    void informerCreated(const kube::InformerKey &key);

private:
    ListWatchFactory m_makeListWatch;
    SharedInformerOptions m_defaults;
    QHash<InformerKey, SharedInformer *> m_informers;
    bool m_started = false;
};

} // namespace kube
