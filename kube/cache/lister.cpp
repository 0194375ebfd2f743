#include "lister.h"

namespace kube {

QList<Object> Lister::list(const LabelSelector &selector) const
{
    return list(QString(), selector);
}

QList<Object> Lister::list(const QString &ns, const LabelSelector &selector) const
{
    if (!m_store)
        return {};
    if (ns.isEmpty() && selector.isEmpty())
        return m_store->list();
    return m_store->select(ns, selector);
}

std::optional<Object> Lister::get(const ObjectKey &key) const
{
    return m_store ? m_store->get(key) : std::nullopt;
}

QList<Object> Lister::byIndex(const QString &indexName, const QString &value) const
{
    return m_store ? m_store->byIndex(indexName, value) : QList<Object>();
}

qsizetype Lister::size() const
{
    return m_store ? m_store->size() : 0;
}

} // namespace kube
