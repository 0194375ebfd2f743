#include "schedulercache.h"

namespace kube::scheduler {

NodeInfo &SchedulerCache::nodeInfo(const QString &name)
{
    auto it = m_nodes.find(name);
    if (it == m_nodes.end())
        it = m_nodes.emplace(name, NodeInfo(name)).first;
    return it->second;
}

void SchedulerCache::addNode(const Object &node)
{
    NodeInfo &info = nodeInfo(node.name());
    if (!info.hasNode())
        m_sortedNodesDirty = true;
    info.setNode(node);
}

void SchedulerCache::removeNode(const QString &name)
{
    const auto it = m_nodes.find(name);
    if (it == m_nodes.end())
        return;
    for (const QString &key : it->second.pods().keys())
        m_pods.remove(key);
    m_nodes.erase(it);
    m_sortedNodesDirty = true;
}

void SchedulerCache::place(const PodInfoPtr &pod, const QString &nodeName, bool assumed)
{
    const auto existing = m_pods.constFind(pod->key);
    if (existing != m_pods.cend() && existing->nodeName != nodeName) {
        const auto old = m_nodes.find(existing->nodeName);
        if (old != m_nodes.end()) {
            old->second.removePod(pod->key);
            if (!old->second.hasNode() && old->second.podCount() == 0)
                m_nodes.erase(old);
        }
    }
    nodeInfo(nodeName).addPod(pod);
    m_pods.insert(pod->key, {nodeName, assumed});
}

void SchedulerCache::addPod(const PodInfoPtr &pod)
{
    if (pod->isTerminal()) {
        removePod(pod->key); // finished pods hold no resources
        return;
    }
    if (pod->nodeName.isEmpty()) {
        // Still pending as far as the API knows; an assumption made meanwhile stands.
        if (!isAssumed(pod->key))
            removePod(pod->key);
        return;
    }
    place(pod, pod->nodeName, false);
}

void SchedulerCache::removePod(const QString &key)
{
    const auto it = m_pods.constFind(key);
    if (it == m_pods.cend())
        return;
    const auto node = m_nodes.find(it->nodeName);
    m_pods.erase(it);
    if (node == m_nodes.end())
        return;
    node->second.removePod(key);
    if (!node->second.hasNode() && node->second.podCount() == 0)
        m_nodes.erase(node);
}

Status SchedulerCache::assumePod(const PodInfoPtr &pod, const QString &nodeName)
{
    if (m_pods.contains(pod->key))
        return Status::conflict(u"pods"_qs, pod->name, u"the pod is already bound or assumed"_qs);
    if (!node(nodeName))
        return Status::notFound(u"nodes"_qs, nodeName);
    place(pod, nodeName, true);
    return {};
}

void SchedulerCache::forgetPod(const QString &key)
{
    if (isAssumed(key))
        removePod(key);
}

bool SchedulerCache::isAssumed(const QString &key) const
{
    const auto it = m_pods.constFind(key);
    return it != m_pods.cend() && it->assumed;
}

QString SchedulerCache::nodeOf(const QString &key) const
{
    return m_pods.value(key).nodeName;
}

const NodeInfo *SchedulerCache::node(const QString &name) const
{
    const auto it = m_nodes.find(name);
    if (it == m_nodes.end() || !it->second.hasNode())
        return nullptr;
    return &it->second;
}

const QList<const NodeInfo *> &SchedulerCache::nodes() const
{
    if (!m_sortedNodesDirty)
        return m_sortedNodes;
    m_sortedNodes.clear();
    for (const auto &[name, info] : m_nodes) {
        if (info.hasNode())
            m_sortedNodes.append(&info);
    }
    m_sortedNodesDirty = false;
    return m_sortedNodes;
}

} // namespace kube::scheduler
