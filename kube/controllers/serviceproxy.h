#pragma once
// ServiceProxy: the embedded cluster's kube-proxy. Every TCP port of a NodePort or LoadBalancer
// Service is served on 127.0.0.1:<nodePort> (all simulated nodes share the machine's loopback),
// so `curl 127.0.0.1:30080` reaches the Service as it would reach a node of a real cluster.
// Each HTTP request goes to one ready endpoint of the Service's Endpoints chosen uniformly at
// random (kube-proxy's iptables mode picks that way), and is answered by that pod's
// simulation (kubelet::PodSimulation::http on the resolved targetPort). LoadBalancer Services
// also get status.loadBalancer.ingress [{ip: 127.0.0.1}], as a cloud controller would write.
//
// Deliberate difference: with no ready endpoint upstream rejects the connection; we answer
// 503 with a sentence naming the Service, which tells a learner more than "connection refused".
// A ready pod whose container does not listen on the target port gives 502.
// A node port taken by another program on the machine is logged, reported as a Warning event
// on the Service, and retried every 10 s.
//
// Thread affinity: the kubelet's thread (ControllerManager: "kubelet"; listeners, handlers and
// the kubelet's simulations all live there). Ownership: borrows the KubeletController, which
// must outlive it. Randomness is seeded, so a run is reproducible for the same request sequence.

#include "controller.h"

#include <QHash>
#include <QRandomGenerator>
#include <QSet>

namespace kube {

class KubeletController;
class ServiceProxyListener;
class SharedInformer;
struct ProxyReply;
struct ProxyRequest;

class ServiceProxy : public Controller
{
    Q_OBJECT
public:
    ServiceProxy(const ControllerContext &context, const KubeletController *kubelet, quint32 seed, QObject *parent = nullptr);
    ~ServiceProxy() override;

    // Node ports listened on now (diagnostics and tests).
    QList<int> listeningPorts() const { return m_bindings.keys(); }

protected:
    void sync(const QString &key, Done done) override;

private:
    struct Binding {
        QString serviceKey;
        QString portName;   // the Service port's name: how Endpoints name the resolved port
        int servicePort = 0;
        ServiceProxyListener *listener = nullptr;
    };
    void closeBinding(int nodePort);
    ProxyReply answer(int nodePort, const ProxyRequest &request);
    void syncLoadBalancerStatus(const Object &service, bool isLoadBalancer, const std::shared_ptr<WriteJoin> &join);

    const KubeletController *m_kubelet;
    SharedInformer *m_services;
    SharedInformer *m_endpoints;
    QHash<int, Binding> m_bindings;            // by node port
    QHash<QString, QSet<int>> m_reportedFailures; // node ports whose failure was already an event
    QRandomGenerator m_random;
};

} // namespace kube
