#include "sharedinformerfactory.h"

namespace kube {

SharedInformerFactory::SharedInformerFactory(ListWatchFactory makeListWatch, SharedInformerOptions defaults, QObject *parent)
    : QObject(parent), m_makeListWatch(std::move(makeListWatch)), m_defaults(std::move(defaults))
{
}

SharedInformerFactory::~SharedInformerFactory()
{
    // Informers are children; delete them before m_makeListWatch and the hash go.
    qDeleteAll(m_informers);
}

SharedInformer *SharedInformerFactory::informer(const InformerKey &key)
{
    if (SharedInformer *existing = m_informers.value(key))
        return existing;
    SharedInformerOptions options = m_defaults;
    options.reflector.labelSelector = key.labelSelector;
    options.reflector.fieldSelector = key.fieldSelector;
    auto *informer = new SharedInformer(m_makeListWatch(key), std::move(options), this);
    m_informers.insert(key, informer);
    Q_EMIT informerCreated(key);
    if (m_started)
        informer->start();
    return informer;
}

void SharedInformerFactory::start()
{
    m_started = true;
    for (SharedInformer *informer : std::as_const(m_informers))
        informer->start();
}

void SharedInformerFactory::stop()
{
    m_started = false;
    for (SharedInformer *informer : std::as_const(m_informers))
        informer->stop();
}

bool SharedInformerFactory::hasSynced() const
{
    for (const SharedInformer *informer : m_informers) {
        if (!informer->hasSynced())
            return false;
    }
    return true;
}

} // namespace kube
