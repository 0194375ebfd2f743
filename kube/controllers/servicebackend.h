#pragma once
// ServiceBackend: what kube-proxy does with one HTTP request to a Service port, shared by the
// service proxy (node ports) and the ingress controller. The Service port is looked up by number
// or by name, its ready endpoints are the Endpoints addresses of the subset that carries that
// port's name, one is chosen uniformly at random (kube-proxy's iptables mode), and the pod's
// simulation answers on the resolved target port.
//
// Answers: 503 when the Service, its port or a ready endpoint is missing (with a sentence naming
// what is missing); 502 when the chosen pod does not run or does not listen.
//
// Thread affinity: the caller's (the controllers' thread, where the kubelet's simulations live).
// Cost: O(endpoint addresses) per request.

#include "kube/controllers/serviceproxylistener.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QRandomGenerator>

#include <optional>

namespace kube {

class KubeletController;

struct EndpointTarget {
    QString podKey;   // "namespace/name"
    int port = 0;     // the resolved target port
    bool operator==(const EndpointTarget &) const = default;
};

// The Service port a backend names (number, else name); nullopt when the Service has none.
std::optional<QJsonObject> servicePort(const QJsonObject &service, int number, const QString &name);
// Ready pod addresses of the Endpoints subsets that carry the port named portName.
QList<EndpointTarget> readyTargets(const QJsonObject &endpoints, const QString &portName);

// One request to the Service port named portName (portText names it in messages): a random
// ready endpoint answered by its pod's simulation. endpoints may be empty (not found).
ProxyReply forwardToEndpoints(const QString &namespace_, const QString &serviceName, const QString &portText,
                              const QJsonObject &endpoints, const QString &portName, const ProxyRequest &request,
                              const KubeletController *kubelet, const QDateTime &now, QRandomGenerator &random);

// One request to a Service port given by number (else name): the port looked up, then as
// forwardToEndpoints. service and endpoints may be empty objects (not found).
ProxyReply forwardToService(const QString &namespace_, const QString &serviceName, const QJsonObject &service,
                            const QJsonObject &endpoints, int portNumber, const QString &portName,
                            const ProxyRequest &request, const KubeletController *kubelet, const QDateTime &now,
                            QRandomGenerator &random);

} // namespace kube
