#include "serviceproxy.h"

#include "serviceproxylistener.h"

#include "kube/api/clock.h"
#include "kube/cache/sharedinformer.h"
#include "kube/client/restclient.h"
#include "kube/controllers/eventrecorder.h"
#include "kube/controllers/kubeletcontroller.h"
#include "kube/kubelet/podsimulation.h"

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
        enqueueAfter(key, RetryBindMs);

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

    // Ready addresses whose subset carries the Service port (matched by name, as kube-proxy does).
    struct Target { QString podKey; int port; };
    QList<Target> targets;
    if (endpoints) {
        for (const QJsonValue &s : endpoints->toJson().value(u"subsets").toArray()) {
            const QJsonObject subset = s.toObject();
            int port = 0;
            for (const QJsonValue &p : subset.value(u"ports").toArray()) {
                if (p.toObject().value(u"name").toString() == binding.portName)
                    port = p.toObject().value(u"port").toInt();
            }
            if (port <= 0)
                continue;
            for (const QJsonValue &a : subset.value(u"addresses").toArray()) {
                const QJsonObject ref = a.toObject().value(u"targetRef").toObject();
                if (ref.value(u"kind").toString() == u"Pod")
                    targets.append({queueKey(ref.value(u"namespace").toString(ns), ref.value(u"name").toString()), port});
            }
        }
    }
    if (targets.isEmpty()) {
        return {503, u"no ready endpoints for service %1/%2 (port %3): no pod it selects is ready\n"_qs
                         .arg(ns, name).arg(binding.servicePort).toUtf8(), {}};
    }
    const Target &target = targets.at(int(m_random.bounded(quint32(targets.size()))));
    const kubelet::PodSimulation *simulation = m_kubelet ? m_kubelet->simulation(target.podKey) : nullptr;
    const kubelet::HttpResponse response = simulation ? simulation->http(target.port, request.path, m_context.clock->now())
                                                      : kubelet::HttpResponse{};
    if (!simulation) {
        return {502, u"pod %1 is not running on its node\n"_qs.arg(target.podKey).toUtf8(), {}};
    }
    if (response.status == 0) {
        return {502, u"pod %1 refused the connection on port %2\n"_qs.arg(target.podKey).arg(target.port).toUtf8(),
                response.servedBy};
    }
    return {response.status, response.body.toUtf8(), response.servedBy};
}

} // namespace kube
