#pragma once
// IngressController: the embedded cluster's ingress controller (ingress-nginx's part, without
// nginx). Every IngressClass whose spec.controller is "timonel.dev/ingress-controller" and that
// names a port (annotation timonel.dev/ingress-port) is served on 127.0.0.1:<port>; the cluster
// creates the default class "timonel" at start with the port it was given. A request is routed
// by its Host header and path through the Ingresses of that class (those naming it, and those
// naming no class when it is the default) — IngressRouteTable — to a Service port, and answered
// by a random ready endpoint's simulation as a node port would be (ServiceBackend). Nothing
// matched: 404 "default backend - 404", as ingress-nginx's default backend answers.
//
// Served Ingresses get status.loadBalancer.ingress [{ip: 127.0.0.1}] (kubectl's ADDRESS) and a
// Normal "Sync" event "Scheduled for sync" once per generation; an Ingress that stops being
// served loses that address. A taken port is a Warning event on the class, retried every 10 s.
//
// Deliberate difference: the simulated containers see only the method and path, so the
// X-Forwarded-* headers ingress-nginx adds would reach no one and are not produced.
//
// Queue keys: "namespace/name" for an Ingress, "name" for an IngressClass.
// Thread affinity: the kubelet's thread (ControllerManager: "kubelet"; listeners and the
// kubelet's simulations live there).
// Ownership: borrows the KubeletController, which must outlive it. Cost: a request builds the
// route table of its class from the listers, O(paths of the class's Ingresses); randomness is
// seeded, so a run is reproducible for the same request sequence.

#include "kube/controllers/controller.h"

#include <QHash>
#include <QRandomGenerator>
#include <QSet>

namespace kube {

class ServiceProxyListener;
class KubeletController;
class SharedInformer;
struct ProxyRequest;
struct ProxyReply;

class IngressController : public Controller
{
    Q_OBJECT
public:
    IngressController(const ControllerContext &context, const KubeletController *kubelet, quint32 seed, QObject *parent = nullptr);
    ~IngressController() override;

    // Ports listened on now, by class name (diagnostics and tests).
    QHash<QString, int> listeningPorts() const;

protected:
    void sync(const QString &key, Done done) override;

private:
    struct Binding {
        int port = 0;
        ServiceProxyListener *listener = nullptr;
    };
    void syncClass(const QString &name);
    void syncIngress(const QString &key, Done done);
    void enqueueAllIngresses();
    // The served class an Ingress belongs to, if any (ours, with a port).
    std::optional<Object> servingClass(const QJsonObject &ingress) const;
    ProxyReply answer(const QString &className, const ProxyRequest &request);

    const KubeletController *m_kubelet;
    SharedInformer *m_ingresses;
    SharedInformer *m_classes;
    SharedInformer *m_services;
    SharedInformer *m_endpoints;
    QHash<QString, Binding> m_bindings;          // by IngressClass name
    QSet<QString> m_reportedFailures;            // classes whose failing port was already an event
    QHash<QString, qint64> m_syncedGenerations;  // Ingress key → generation its Sync event was for
    QRandomGenerator m_random;
};

} // namespace kube
