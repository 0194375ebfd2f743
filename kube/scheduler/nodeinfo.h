#pragma once
// NodeInfo: one node as the scheduler sees it — the node's own facts parsed once (labels,
// allocatable, taints, spec.unschedulable, the Ready condition) plus running sums over the pods
// assigned or assumed to it: requests (fit), non-zero requests (scoring), pod count, host ports
// in use, and pods per controller owner (spreading). upstream's framework.NodeInfo.
//
// Owned by SchedulerCache; not thread-safe (the scheduler's thread). setNode() costs one JSON
// parse of the node; addPod()/removePod() are O(ports + scalars) plus a hash update.

#include "hostport.h"
#include "podinfo.h"
#include "resources.h"
#include "taints.h"

#include "kube/api/labels.h"
#include "kube/api/object.h"

#include <QHash>
#include <QList>
#include <QString>

namespace kube::scheduler {

class NodeInfo
{
public:
    enum class Readiness { Ready, NotReady, Unknown };

    explicit NodeInfo(QString name) : m_name(std::move(name)) {}

    const QString &name() const { return m_name; }
    // False for a "ghost": pods were reported on a node the cache has not seen (yet).
    bool hasNode() const { return !m_node.isNull(); }
    const Object &node() const { return m_node; }
    void setNode(const Object &node);
    void clearNode() { m_node = Object(); }

    const Labels &labels() const { return m_labels; }
    const Resources &allocatable() const { return m_allocatable; }
    const QList<Taint> &taints() const { return m_taints; }
    bool isUnschedulable() const { return m_unschedulable; }
    // The Ready condition; a node that reports no Ready condition counts as Ready.
    Readiness readiness() const { return m_readiness; }

    const Resources &requested() const { return m_requested; }
    const Resources &nonZeroRequested() const { return m_nonZeroRequested; }
    qsizetype podCount() const { return m_pods.size(); }
    const QHash<QString, PodInfoPtr> &pods() const { return m_pods; } // by PodInfo::key
    const QList<HostPort> &usedPorts() const { return m_usedPorts; }  // one entry per claim
    int podsOfController(const QString &controllerUid) const { return m_controllerCounts.value(controllerUid); }

    // Adds pod (replacing an entry with the same key) / removes it; keeps every sum exact.
    void addPod(const PodInfoPtr &pod);
    void removePod(const QString &key);

private:
    QString m_name;
    Object m_node;
    Labels m_labels;
    Resources m_allocatable;
    QList<Taint> m_taints;
    bool m_unschedulable = false;
    Readiness m_readiness = Readiness::Ready;

    // Invariant: the sums below equal the sums over m_pods.
    QHash<QString, PodInfoPtr> m_pods;
    Resources m_requested;
    Resources m_nonZeroRequested;
    QList<HostPort> m_usedPorts;
    QHash<QString, int> m_controllerCounts; // controller uid → pods here; no zero entries
};

} // namespace kube::scheduler
