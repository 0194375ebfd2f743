#pragma once
// TaintEvictionController: the NoExecute taint manager (upstream pkg/controller/tainteviction).
// A pod on a node with NoExecute taints it does not tolerate is deleted at once; one that
// tolerates them for tolerationSeconds is deleted when that time (counted from the taint's
// timeAdded) runs out, unless the taint went first. Each deletion is announced with a
// TaintManagerEviction event ("Marking for deletion Pod ns/name"); the pod's owner (a
// ReplicaSet…) makes a replacement, which the scheduler keeps off the tainted node.
// The decision is tainteviction.h; this is the loop: per pod key, requeued for its eviction
// time on the work queue's timer — no polling.
//
// Thread affinity: the controllers' thread. Memory: the first sighting of each NoExecute taint
// that lacks timeAdded (a taint added by hand), per node.

#include "kube/controllers/controller.h"

#include <QDateTime>
#include <QHash>

namespace kube {

class SharedInformer;

class TaintEvictionController : public Controller
{
    Q_OBJECT
public:
    explicit TaintEvictionController(const ControllerContext &context, QObject *parent = nullptr);

protected:
    void sync(const QString &key, Done done) override;

private:
    void enqueuePodsOn(const QString &nodeName);
    QDateTime firstSeen(const QString &nodeName, const QJsonObject &taint);

    SharedInformer *m_pods;
    SharedInformer *m_nodes;
    // node → "key=value:effect" → when first seen without timeAdded.
    QHash<QString, QHash<QString, QDateTime>> m_firstSeen;
};

} // namespace kube
