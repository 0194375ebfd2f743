#pragma once
// InformerSubscription: one batch handler on one SharedInformer, removed when the subscription
// is reset, replaced or destroyed — the bookkeeping every model and workflow that follows an
// informer needs (the informer may outlive its consumers and the other way round).
//
// Thread affinity: use it on the thread of the handler's context; SharedInformer's
// addBatchHandler/removeEventHandler are safe from any thread. The informer is not owned; a
// QPointer notices when it is destroyed first.

#include "sharedinformer.h"

#include <QPointer>

namespace kube {

class InformerSubscription
{
public:
    InformerSubscription() = default;
    ~InformerSubscription() { reset(); }
    InformerSubscription(const InformerSubscription &) = delete;
    InformerSubscription &operator=(const InformerSubscription &) = delete;

    // Drops the current handler, then (when informer is set) delivers batches to handler on
    // context's thread while context lives; a late subscriber first gets everything cached.
    void reset(SharedInformer *informer = nullptr, QObject *context = nullptr, BatchHandler handler = {})
    {
        if (m_informer && m_handler)
            m_informer->removeEventHandler(m_handler);
        m_handler = 0;
        m_informer = informer;
        if (informer)
            m_handler = informer->addBatchHandler(context, std::move(handler));
    }

    SharedInformer *informer() const { return m_informer; }
    bool isActive() const { return m_informer && m_handler; }

private:
    QPointer<SharedInformer> m_informer;
    SharedInformer::HandlerId m_handler = 0;
};

} // namespace kube
