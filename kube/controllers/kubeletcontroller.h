#pragma once
// KubeletController: the simulated kubelet of every node of the embedded cluster. For each pod
// bound to a node it runs a kube::kubelet::PodSimulation (pulls, starts, probes, restarts,
// logs — behaviour from resources/simulation), and writes what a kubelet writes: pod status,
// events (source: kubelet on that node), the final deletion once a terminating pod's containers
// stopped, and each node's Lease heartbeat in kube-node-lease. It serves the containers' logs
// (KubeletLogServer, on a loopback port it records in every node's
// status.daemonEndpoints.kubeletEndpoint.Port, where the API server's pods/log finds it).
//
// A learner makes a node fail with data: while the Node carries the annotation
// timonel.dev/kubelet=stopped its kubelet is silent — no Lease renewal, no node or pod status,
// no events, no final deletions — so the node lifecycle controller takes it NotReady and evicts
// its pods; removing the annotation brings it back (it posts Ready and catches its pods up).
//
// Work is level-triggered per pod key: a sync advances the simulation to now, reports, and
// asks to be woken at the simulation's next transition — no polling.
//
// Thread affinity: the thread it is built on (ControllerManager: "kubelet"). Memory: one
// simulation per pod (its containers' bounded logs dominate: at most ~1 MiB per container
// instance).

#include "controller.h"

#include <QHash>
#include <QSet>
#include <QJsonObject>

#include <chrono>
#include <memory>

class QTimer;

namespace kube {

namespace kubelet {
class NodeImageCache;
class PodSimulation;
} // namespace kubelet

class KubeletLogServer;
class SharedInformer;

class KubeletController : public Controller
{
    Q_OBJECT
public:
    // leaseDuration: the Leases' leaseDurationSeconds; they are renewed four times per duration.
    explicit KubeletController(const ControllerContext &context, std::chrono::milliseconds leaseDuration = std::chrono::seconds(40),
                               QObject *parent = nullptr);
    ~KubeletController() override;

    // The simulation of a pod ("namespace/name"), for logs and traffic; null when not running.
    const kubelet::PodSimulation *simulation(const QString &key) const;
    // The port of the log endpoint on 127.0.0.1 (0 when it could not listen).
    quint16 logPort() const;

protected:
    void sync(const QString &key, Done done) override;

private:
    struct Running {
        std::shared_ptr<kubelet::PodSimulation> simulation;
        QString uid;
        QString resourceVersion; // of the pod last fed to the simulation
        QString podIP;
        QString node;
        QJsonObject lastStatus;  // last written
        bool deleteSent = false;
    };
    struct Node {
        std::shared_ptr<kubelet::NodeImageCache> images;
        QString podCidrBase; // "10.244.0."
        QSet<int> usedHosts; // last octets taken
    };
    Node &nodeState(const QString &name);
    QString allocateIp(Node &node);
    void release(const QString &key);
    void renewLeases();
    // The simulated kubelet outage (timonel.dev/kubelet: stopped).
    static bool isStopped(const Object &node);
    bool isStopped(const QString &nodeName) const;
    void renewLease(const Object &node);
    void postReady(const Object &node);
    void nodeChanged(const Object *oldNode, const Object &node);
    void publishLogPort(const Object &node);

    SharedInformer *m_pods;
    SharedInformer *m_nodes;
    QHash<QString, Running> m_running;
    QHash<QString, Node> m_nodeStates;
    const std::chrono::milliseconds m_leaseDuration;
    QTimer *m_leaseTimer;
    KubeletLogServer *m_logServer;
};

} // namespace kube
