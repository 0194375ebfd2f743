#include "servicebackend.h"

#include "kube/controllers/kubeletcontroller.h"
#include "kube/kubelet/podsimulation.h"

#include <QJsonArray>

namespace kube {

std::optional<QJsonObject> servicePort(const QJsonObject &service, int number, const QString &name)
{
    for (const QJsonValue &v : service.value(u"spec").toObject().value(u"ports").toArray()) {
        const QJsonObject port = v.toObject();
        if (number > 0 ? port.value(u"port").toInt() == number : port.value(u"name").toString() == name)
            return port;
    }
    return std::nullopt;
}

QList<EndpointTarget> readyTargets(const QJsonObject &endpoints, const QString &portName)
{
    const QString ns = endpoints.value(u"metadata").toObject().value(u"namespace").toString();
    QList<EndpointTarget> targets;
    for (const QJsonValue &s : endpoints.value(u"subsets").toArray()) {
        const QJsonObject subset = s.toObject();
        int port = 0;
        for (const QJsonValue &p : subset.value(u"ports").toArray()) {
            if (p.toObject().value(u"name").toString() == portName)
                port = p.toObject().value(u"port").toInt();
        }
        if (port <= 0)
            continue;
        for (const QJsonValue &a : subset.value(u"addresses").toArray()) {
            const QJsonObject ref = a.toObject().value(u"targetRef").toObject();
            if (ref.value(u"kind").toString() == u"Pod")
                targets.append({ref.value(u"namespace").toString(ns) + u'/' + ref.value(u"name").toString(), port});
        }
    }
    return targets;
}

ProxyReply forwardToService(const QString &namespace_, const QString &serviceName, const QJsonObject &service,
                            const QJsonObject &endpoints, int portNumber, const QString &portName,
                            const ProxyRequest &request, const KubeletController *kubelet, const QDateTime &now,
                            QRandomGenerator &random)
{
    const QString portText = portNumber > 0 ? QString::number(portNumber) : portName;
    if (service.isEmpty())
        return {503, u"service %1/%2 not found\n"_qs.arg(namespace_, serviceName).toUtf8(), {}};
    const std::optional<QJsonObject> port = servicePort(service, portNumber, portName);
    if (!port)
        return {503, u"service %1/%2 has no port %3\n"_qs.arg(namespace_, serviceName, portText).toUtf8(), {}};
    return forwardToEndpoints(namespace_, serviceName, portText, endpoints, port->value(u"name").toString(), request, kubelet,
                              now, random);
}

ProxyReply forwardToEndpoints(const QString &namespace_, const QString &serviceName, const QString &portText,
                              const QJsonObject &endpoints, const QString &portName, const ProxyRequest &request,
                              const KubeletController *kubelet, const QDateTime &now, QRandomGenerator &random)
{
    const QList<EndpointTarget> targets = readyTargets(endpoints, portName);
    if (targets.isEmpty()) {
        return {503, u"no ready endpoints for service %1/%2 (port %3): no pod it selects is ready\n"_qs
                         .arg(namespace_, serviceName, portText).toUtf8(), {}};
    }
    const EndpointTarget &target = targets.at(int(random.bounded(quint32(targets.size()))));
    const kubelet::PodSimulation *simulation = kubelet ? kubelet->simulation(target.podKey) : nullptr;
    if (!simulation)
        return {502, u"pod %1 is not running on its node\n"_qs.arg(target.podKey).toUtf8(), {}};
    const kubelet::HttpResponse response = simulation->http(target.port, request.path, now);
    if (response.status == 0) {
        return {502, u"pod %1 refused the connection on port %2\n"_qs.arg(target.podKey).arg(target.port).toUtf8(),
                response.servedBy};
    }
    return {response.status, response.body.toUtf8(), response.servedBy};
}

} // namespace kube
