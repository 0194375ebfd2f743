#include "namespacewatch.h"

#include "clustersession.h"

#include "kube/cache/sharedinformer.h"

namespace timonel {

namespace {

const QStringList kResources{u"deployments.apps"_qs, u"services"_qs, u"endpoints"_qs, u"pods"_qs};

} // namespace

NamespaceWatch::NamespaceWatch(ClusterSession *session, const QString &namespace_, QObject *parent)
    : QObject(parent), m_session(session), m_namespace(namespace_)
{
    if (!session)
        return;
    for (const QString &resource : kResources) {
        kube::SharedInformer *informer = session->acquireInformer(resource, namespace_);
        if (!informer)
            continue;
        m_informers.insert(resource, informer);
        m_order.append(informer);
        m_handlers.append(informer->addBatchHandler(this, [this](const kube::InformerEventBatch &) { Q_EMIT changed(); }));
    }
}

NamespaceWatch::~NamespaceWatch()
{
    for (qsizetype i = 0; i < m_order.size(); ++i) {
        m_order.at(i)->removeEventHandler(m_handlers.at(i));
        if (m_session)
            m_session->releaseInformer(m_order.at(i));
    }
}

bool NamespaceWatch::isSynced() const
{
    if (m_informers.size() != kResources.size())
        return false;
    for (const kube::SharedInformer *informer : m_informers) {
        if (!informer->hasSynced())
            return false;
    }
    return true;
}

kube::Object NamespaceWatch::get(const QString &resource, const QString &name) const
{
    const kube::SharedInformer *informer = m_informers.value(resource);
    if (!informer)
        return {};
    return informer->lister().get(m_namespace, name).value_or(kube::Object());
}

kube::Object NamespaceWatch::deployment(const QString &name) const
{
    return get(u"deployments.apps"_qs, name);
}

kube::Object NamespaceWatch::service(const QString &name) const
{
    return get(u"services"_qs, name);
}

kube::Object NamespaceWatch::endpoints(const QString &name) const
{
    return get(u"endpoints"_qs, name);
}

kube::Object NamespaceWatch::pod(const QString &name) const
{
    return get(u"pods"_qs, name);
}

QList<kube::Object> NamespaceWatch::pods() const
{
    const kube::SharedInformer *informer = m_informers.value(u"pods"_qs);
    return informer ? informer->lister().list(m_namespace) : QList<kube::Object>();
}

} // namespace timonel
