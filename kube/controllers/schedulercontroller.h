#pragma once
// SchedulerController: the embedded cluster's default-scheduler. Pending pods (no nodeName,
// schedulerName default-scheduler) are queued; each sync asks kube::scheduler::Scheduler for a
// node, assumes the pod there and POSTs its Binding. A pod that fits nowhere gets a
// FailedScheduling event and PodScheduled=False with the reason, and is retried when nodes or
// pods change (or after five minutes), like upstream's unschedulable queue.
//
// Thread affinity: the scheduler's own thread (ControllerManager builds it there with its own
// client and informers); enqueue() is safe from any thread. Memory: the scheduler cache holds
// every bound pod's requests and ports (a few hundred bytes each).

#include "controller.h"

#include <QSet>

#include <memory>

namespace kube {

namespace scheduler {
class Scheduler;
class SchedulerCache;
} // namespace scheduler

class SharedInformer;

class SchedulerController : public Controller
{
    Q_OBJECT
public:
    explicit SchedulerController(const ControllerContext &context, quint32 seed = 1, QObject *parent = nullptr);
    ~SchedulerController() override;

protected:
    void sync(const QString &key, Done done) override;

private:
    static bool isPending(const Object &pod);
    void retryUnschedulable();

    SharedInformer *m_pods;
    SharedInformer *m_nodes;
    std::unique_ptr<scheduler::SchedulerCache> m_cache;
    std::unique_ptr<scheduler::Scheduler> m_scheduler;
    QSet<QString> m_unschedulable; // keys waiting for the cluster to change
};

} // namespace kube
