#pragma once
// SchedulerCache: the scheduler's incrementally updated picture of the cluster — one NodeInfo
// per node with the pods bound or assumed to it. upstream's internal/cache, minus the
// snapshot copy: the scheduler runs on the cache's own thread and reads it in place.
//
// Pod lifecycle (keys are "namespace/name"):
//   assumePod()  the scheduler picked a node; counted at once so the next decision sees it
//   addPod()/updatePod()  the informer saw the pod with spec.nodeName: confirms an assumed pod
//                (moving it if the API bound it elsewhere); terminal pods are dropped
//   forgetPod()  the binding failed: undo an assumption
//   removePod()  the pod was deleted
// Nodes: addNode()/updateNode() (same thing), removeNode() drops the node and the pods counted
// on it, freeing its capacity; pods reported on an unknown node wait in a ghost NodeInfo that
// nodes() does not list until the node arrives.
//
// Not thread-safe: one thread (the scheduler's) owns it. Node updates cost one JSON parse;
// pod updates one JSON parse (PodInfo) unless given a parsed PodInfo.

#include "nodeinfo.h"
#include "podinfo.h"

#include "kube/api/object.h"
#include "kube/api/status.h"

#include <QHash>
#include <QList>
#include <QString>

#include <map>

namespace kube::scheduler {

class SchedulerCache
{
public:
    void addNode(const Object &node);
    void updateNode(const Object &node) { addNode(node); }
    void removeNode(const QString &name);

    void addPod(const Object &pod) { addPod(PodInfo::fromObject(pod)); }
    void addPod(const PodInfoPtr &pod);
    void updatePod(const Object &pod) { addPod(pod); }
    void removePod(const Object &pod) { removePod(pod.namespace_() + u'/' + pod.name()); }
    void removePod(const QString &key);

    // 409 Conflict when the pod is already bound or assumed; 404 when nodeName is not a node.
    Status assumePod(const PodInfoPtr &pod, const QString &nodeName);
    Status assumePod(const Object &pod, const QString &nodeName) { return assumePod(PodInfo::fromObject(pod), nodeName); }
    void forgetPod(const QString &key);
    bool isAssumed(const QString &key) const;
    // The node a pod is counted on (bound or assumed), or empty.
    QString nodeOf(const QString &key) const;

    // The node called name, or nullptr; ghosts (pods but no Node object) are not returned.
    const NodeInfo *node(const QString &name) const;
    // Every known node sorted by name; valid until the next node is added or removed.
    const QList<const NodeInfo *> &nodes() const;
    qsizetype nodeCount() const { return nodes().size(); }
    qsizetype podCount() const { return m_pods.size(); }

private:
    struct PodState {
        QString nodeName;
        bool assumed = false;
    };
    NodeInfo &nodeInfo(const QString &name);
    void place(const PodInfoPtr &pod, const QString &nodeName, bool assumed);

    std::map<QString, NodeInfo> m_nodes;  // node-based: NodeInfo addresses stay stable
    QHash<QString, PodState> m_pods;      // every pod counted on some NodeInfo
    mutable QList<const NodeInfo *> m_sortedNodes;
    mutable bool m_sortedNodesDirty = true;
};

} // namespace kube::scheduler
