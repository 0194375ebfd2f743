#include "nodeinfo.h"

#include <QJsonArray>
#include <QJsonObject>

namespace kube::scheduler {

void NodeInfo::setNode(const Object &node)
{
    m_node = node;
    m_labels = node.labels();
    const QJsonObject json = node.toJson();
    const QJsonObject spec = json.value(u"spec").toObject();
    const QJsonObject status = json.value(u"status").toObject();
    m_allocatable = Resources::fromResourceList(status.value(u"allocatable").toObject());
    m_taints = Taint::listFromJson(spec.value(u"taints").toArray());
    m_unschedulable = spec.value(u"unschedulable").toBool();
    m_readiness = Readiness::Ready;
    for (const QJsonValue &c : status.value(u"conditions").toArray()) {
        const QJsonObject condition = c.toObject();
        if (condition.value(u"type").toString() != u"Ready")
            continue;
        const QString value = condition.value(u"status").toString();
        m_readiness = value == u"True" ? Readiness::Ready : value == u"False" ? Readiness::NotReady : Readiness::Unknown;
    }
}

void NodeInfo::addPod(const PodInfoPtr &pod)
{
    removePod(pod->key);
    m_pods.insert(pod->key, pod);
    m_requested += pod->requests;
    m_nonZeroRequested += pod->nonZeroRequests;
    m_usedPorts.append(pod->hostPorts);
    if (!pod->controllerUid.isEmpty())
        ++m_controllerCounts[pod->controllerUid];
}

void NodeInfo::removePod(const QString &key)
{
    const auto it = m_pods.constFind(key);
    if (it == m_pods.cend())
        return;
    const PodInfoPtr pod = it.value();
    m_pods.erase(it);
    m_requested -= pod->requests;
    m_nonZeroRequested -= pod->nonZeroRequests;
    for (const HostPort &port : pod->hostPorts)
        m_usedPorts.removeOne(port);
    if (!pod->controllerUid.isEmpty()) {
        auto count = m_controllerCounts.find(pod->controllerUid);
        if (count != m_controllerCounts.end() && --count.value() <= 0)
            m_controllerCounts.erase(count);
    }
}

} // namespace kube::scheduler
