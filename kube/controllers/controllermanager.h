#pragma once
// ControllerManager: the embedded cluster's kube-controller-manager, scheduler and kubelets in
// one object. It connects to the cluster's API server like any client (HTTPS on loopback with
// the cluster's token and CA), shares one informer per resource between the controllers, and
// runs them: ReplicaSet, ReplicationController, Deployment, the scheduler and the simulated
// kubelets.
//
// The scheduler runs on a thread of its own ("scheduler"), so binding never waits behind the
// other controllers' syncs: it has its own client, connection pool, informers (a second watch
// of pods and nodes, decoded on its thread) and event recorder. The PV controller's claim
// lookup (over thread-safe listers) is installed on its thread too. The simulated kubelets run
// on another ("kubelet"), with the service proxy and the ingress controller, which answer through
// their simulated containers: again their own client, informers and event recorder.
//
// Thread affinity: create it on any thread, move it to the controllers' thread, then call
// start() there (EmbeddedCluster does this); everything it owns lives on that thread except
// the scheduler's and the kubelets' workers, which it starts, and stops and joins when destroyed.

#include "kube/api/object.h"

#include <QObject>

#include <chrono>
#include <memory>
#include <vector>

namespace kube {

class Clock;
class ClusterTransport;
class Controller;
class EventRecorder;
class RestClient;
class SharedInformerFactory;
struct ControllerContext;

struct ControllerManagerOptions {
    QString server;           // "https://127.0.0.1:<port>"
    QByteArray caPem;         // the cluster's CA
    QByteArray token;         // the cluster's bearer token
    quint32 seed = 1;         // the scheduler's tie-breaks
    // node-monitor-grace-period: a node whose kubelet is silent this long goes NotReady; the
    // simulated kubelets renew their Leases four times per period.
    std::chrono::milliseconds nodeMonitorGracePeriod{40000};
};

class ControllerManager : public QObject
{
    Q_OBJECT
public:
    ControllerManager(ControllerManagerOptions options, const Clock &clock, QObject *parent = nullptr);
    ~ControllerManager() override;

    // Builds the client, informers and controllers, and starts them. Call on the owning thread.
    void start();
    bool isStarted() const { return m_started; }

private:
    struct Worker;
    std::unique_ptr<ClusterTransport> makeTransport(const QString &userAgent) const;
    // Starts a thread with its own client, informers and event recorder (controllers are then
    // built on it through Worker::run); stopWorker deletes its controllers there and joins it.
    std::unique_ptr<Worker> startWorker(const QString &threadName, const QString &userAgent);
    void stopWorker(std::unique_ptr<Worker> &worker);

    ControllerManagerOptions m_options;
    const Clock &m_clock;
    bool m_started = false;
    std::unique_ptr<ClusterTransport> m_transport;
    std::unique_ptr<RestClient> m_client;
    std::unique_ptr<SharedInformerFactory> m_informers;
    std::unique_ptr<EventRecorder> m_events;
    std::unique_ptr<ControllerContext> m_context;
    std::vector<std::unique_ptr<Controller>> m_controllers;
    std::unique_ptr<Worker> m_schedulerWorker;
    std::unique_ptr<Worker> m_kubeletWorker;
};

} // namespace kube
