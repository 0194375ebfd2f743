#include "serviceproxy.h"

#include "servicebackend.h"
#include "serviceproxylistener.h"

#include "kube/api/clock.h"
#include "kube/cache/sharedinformer.h"
#include "kube/client/restclient.h"
#include "kube/controllers/eventrecorder.h"
#include "kube/controllers/kubeletcontroller.h"

#include <QJsonArray>
#include <QJsonObject>

namespace kube {

namespace {

constexpr qint64 RetryBindMs = 10'000;
const QString LoopbackIp = u"127.0.0.1"_qs;

bool exposesNodePorts(const QString &type)
{
    return type == u"NodePort" || type == u"LoadBalancer";
}

} // namespace

ServiceProxy::ServiceProxy(const ControllerContext &context, const KubeletController *kubelet, quint32 seed, QObject *parent)
    : Controller(u"kube-proxy"_qs, context, parent)
    , m_kubelet(kubelet)
    , m_services(context.informer(gvr::services()))
    , m_endpoints(context.informer(gvr::endpoints()))
    , m_random(seed)
{
    // Requests read the Endpoints lister when they arrive, so only Services drive syncs.
    ResourceEventHandler services;
    services.added = [this](const Object &s) { enqueue(s); };
    services.updated = [this](const Object &, const Object &s) { enqueue(s); };
    services.deleted = [this](const Object &s, DeleteState) { enqueue(s); };
    m_services->addEventHandler(this, services);
}

ServiceProxy::~ServiceProxy() = default; // listeners are children

void ServiceProxy::closeBinding(int nodePort)
{
    const auto it = m_bindings.find(nodePort);
    if (it == m_bindings.end())
        return;
    delete it->listener;
    m_bindings.erase(it);
}

void ServiceProxy::sync(const QString &key, Done done)
{
    const auto [ns, serviceName] = splitQueueKey(key);
    auto join = std::make_shared<WriteJoin>(std::move(done));
    const std::optional<Object> service = m_services->lister().get(ns, serviceName);
    const QJsonObject spec = service ? service->toJson().value(u"spec").toObject() : QJsonObject();
    const QString type = spec.value(u"type").toString(u"ClusterIP"_qs);

    // The node ports this Service wants, with the Service port each one serves.
    QHash<int, Binding> wanted;
    if (service && !service->isBeingDeleted() && exposesNodePorts(type)) {
        for (const QJsonValue &v : spec.value(u"ports").toArray()) {
            const QJsonObject port = v.toObject();
            const int nodePort = port.value(u"nodePort").toInt();
            if (nodePort <= 0 || port.value(u"protocol").toString(u"TCP"_qs) != u"TCP")
                continue; // UDP/SCTP: nothing on loopback would speak them
            wanted.insert(nodePort, Binding{key, port.value(u"name").toString(), port.value(u"port").toInt(), nullptr});
        }
    }

    // Close what this Service no longer wants (deleted, type changed, port removed).
    const QList<int> ports = m_bindings.keys();
    for (int nodePort : ports) {
        if (m_bindings.value(nodePort).serviceKey == key && !wanted.contains(nodePort))
            closeBinding(nodePort);
    }
    QSet<int> &reported = m_reportedFailures[key];
    bool retry = false;
    for (auto it = wanted.begin(); it != wanted.end(); ++it) {
        const int nodePort = it.key();
        auto existing = m_bindings.find(nodePort);
        if (existing != m_bindings.end() && existing->serviceKey == key) {
            existing->portName = it->portName;
            existing->servicePort = it->servicePort;
            continue;
        }
        if (existing != m_bindings.end())
            continue; // another Service's port; the allocator keeps that from happening
        auto *listener = new ServiceProxyListener([this, nodePort](const ProxyRequest &r) { return answer(nodePort, r); }, this);
        if (!listener->listen(quint16(nodePort))) {
            const QString message = u"Failed to listen on %1:%2 for port %3/TCP: %4"_qs
                                        .arg(LoopbackIp).arg(nodePort).arg(it->servicePort).arg(listener->errorString());
            delete listener;
            retry = true;
            if (!reported.contains(nodePort)) {
                reported.insert(nodePort);
                qWarning("kube-proxy: %s/%s: %s", qPrintable(ns), qPrintable(serviceName), qPrintable(message));
                m_context.events->record(*service, EventRecorder::Type::Warning, u"FailedToListenOnNodePort"_qs, message, name());
            }
            continue;
        }
        reported.remove(nodePort);
        Binding binding = *it;
        binding.listener = listener;
        m_bindings.insert(nodePort, binding);
    }
    if (reported.isEmpty())
        m_reportedFailures.remove(key);
    if (retry)
        enqueueAfterRealTime(key, RetryBindMs);

    if (service && !service->isBeingDeleted())
        syncLoadBalancerStatus(*service, type == u"LoadBalancer", join);
}

void ServiceProxy::syncLoadBalancerStatus(const Object &service, bool isLoadBalancer, const std::shared_ptr<WriteJoin> &join)
{
    const QJsonObject json = service.toJson();
    const QJsonObject status = json.value(u"status").toObject();
    const QJsonArray ingress = status.value(u"loadBalancer").toObject().value(u"ingress").toArray();
    const QJsonArray ours{QJsonObject{{u"ip"_qs, LoopbackIp}}};
    QJsonObject loadBalancer;
    if (isLoadBalancer) {
        if (ingress == ours)
            return;
        loadBalancer.insert(u"ingress", ours);
    } else if (ingress != ours) {
        return; // not ours to clear
    }
    QJsonObject newStatus = status;
    newStatus.insert(u"loadBalancer", loadBalancer);
    QJsonObject updated = json;
    updated.insert(u"status", newStatus);
    auto report = join->expect();
    m_context.client->update({gvr::services(), service.namespace_(), service.name(), u"status"_qs}, Object::fromJson(updated),
                             [report](Expected<Object> r) { report(r.ok() || r.error().is(reason::NotFound) ? Status() : r.error()); });
}

ProxyReply ServiceProxy::answer(int nodePort, const ProxyRequest &request)
{
    const Binding binding = m_bindings.value(nodePort);
    const auto [ns, name] = splitQueueKey(binding.serviceKey);
    const std::optional<Object> endpoints = m_endpoints->lister().get(ns, name);
    return forwardToEndpoints(ns, name, QString::number(binding.servicePort), endpoints ? endpoints->toJson() : QJsonObject(),
                              binding.portName, request, m_kubelet, m_context.clock->now(), m_random);
}

} // namespace kube
