#include "ingresscontroller.h"

#include "ingressclassinfo.h"
#include "ingressroutes.h"

#include "kube/api/clock.h"
#include "kube/cache/sharedinformer.h"
#include "kube/client/restclient.h"
#include "kube/controllers/eventrecorder.h"
#include "kube/controllers/servicebackend.h"
#include "kube/controllers/serviceproxylistener.h"

#include <QJsonArray>
#include <QJsonObject>

namespace kube {

namespace {

constexpr qint64 RetryBindMs = 10'000;
const QString LoopbackIp = u"127.0.0.1"_qs;
const QString Component = u"timonel-ingress-controller"_qs;

QJsonArray ourAddress()
{
    return QJsonArray{QJsonObject{{u"ip"_qs, LoopbackIp}}};
}

QJsonArray statusAddresses(const QJsonObject &ingress)
{
    return ingress.value(u"status").toObject().value(u"loadBalancer").toObject().value(u"ingress").toArray();
}

} // namespace

IngressController::IngressController(const ControllerContext &context, const KubeletController *kubelet, quint32 seed, QObject *parent)
    : Controller(u"ingress-controller"_qs, context, parent)
    , m_kubelet(kubelet)
    , m_ingresses(context.informer(ingress::ingresses()))
    , m_classes(context.informer(ingress::ingressClasses()))
    , m_services(context.informer(gvr::services()))
    , m_endpoints(context.informer(gvr::endpoints()))
    , m_random(seed)
{
    // Requests read Services and Endpoints when they arrive: only Ingresses and classes sync.
    ResourceEventHandler ingresses;
    ingresses.added = [this](const Object &i) { enqueue(i); };
    ingresses.updated = [this](const Object &, const Object &i) { enqueue(i); };
    ingresses.deleted = [this](const Object &i, DeleteState) { enqueue(i); };
    m_ingresses->addEventHandler(this, ingresses);

    // A class change can move any Ingress in or out of being served (default, controller, port).
    ResourceEventHandler classes;
    classes.added = [this](const Object &c) { enqueue(c); enqueueAllIngresses(); };
    classes.updated = [this](const Object &, const Object &c) { enqueue(c); enqueueAllIngresses(); };
    classes.deleted = [this](const Object &c, DeleteState) { enqueue(c); enqueueAllIngresses(); };
    m_classes->addEventHandler(this, classes);
}

IngressController::~IngressController() = default; // listeners are children

QHash<QString, int> IngressController::listeningPorts() const
{
    QHash<QString, int> ports;
    for (auto it = m_bindings.begin(); it != m_bindings.end(); ++it)
        ports.insert(it.key(), it->port);
    return ports;
}

void IngressController::enqueueAllIngresses()
{
    for (const Object &i : m_ingresses->lister().list())
        enqueue(i);
}

void IngressController::sync(const QString &key, Done done)
{
    if (key.contains(u'/')) {
        syncIngress(key, std::move(done));
        return;
    }
    syncClass(key);
    done({});
}

void IngressController::syncClass(const QString &name)
{
    const std::optional<Object> found = m_classes->lister().get(QString(), name);
    const QJsonObject json = found && !found->isBeingDeleted() ? found->toJson() : QJsonObject();
    const int wanted = ingress::isOurClass(json) ? ingress::listenPort(json) : 0;

    const auto existing = m_bindings.find(name);
    if (existing != m_bindings.end() && existing->port == wanted)
        return;
    if (existing != m_bindings.end()) {
        delete existing->listener;
        m_bindings.erase(existing);
    }
    if (wanted == 0) {
        m_reportedFailures.remove(name);
        return;
    }
    auto *listener = new ServiceProxyListener([this, name](const ProxyRequest &r) { return answer(name, r); }, this);
    if (!listener->listen(quint16(wanted))) {
        const QString message = u"Failed to listen on %1:%2 for IngressClass %3: %4"_qs
                                    .arg(LoopbackIp).arg(wanted).arg(name, listener->errorString());
        delete listener;
        if (!m_reportedFailures.contains(name)) {
            m_reportedFailures.insert(name);
            qWarning("ingress-controller: %s", qPrintable(message));
            m_context.events->record(*found, EventRecorder::Type::Warning, u"FailedToListen"_qs, message, Component);
        }
        enqueueAfterRealTime(name, RetryBindMs);
        return;
    }
    m_reportedFailures.remove(name);
    m_bindings.insert(name, Binding{wanted, listener});
}

std::optional<Object> IngressController::servingClass(const QJsonObject &ingress) const
{
    for (const Object &c : m_classes->lister().list()) {
        const QJsonObject json = c.toJson();
        if (!c.isBeingDeleted() && ingress::isOurClass(json) && ingress::listenPort(json) > 0 && ingress::belongsTo(ingress, json))
            return c;
    }
    return std::nullopt;
}

void IngressController::syncIngress(const QString &key, Done done)
{
    const auto [ns, name] = splitQueueKey(key);
    const std::optional<Object> found = m_ingresses->lister().get(ns, name);
    if (!found || found->isBeingDeleted()) {
        m_syncedGenerations.remove(key);
        done({});
        return;
    }
    const QJsonObject json = found->toJson();
    const bool served = servingClass(json).has_value();
    const QJsonArray current = statusAddresses(json);

    if (served && m_syncedGenerations.value(key, -1) != found->generation()) {
        m_syncedGenerations.insert(key, found->generation());
        m_context.events->record(*found, EventRecorder::Type::Normal, u"Sync"_qs, u"Scheduled for sync"_qs, Component);
    }
    if (!served)
        m_syncedGenerations.remove(key);
    // Write our address when served; clear it only when it is ours and we stopped serving.
    if (served == (current == ourAddress())) {
        done({});
        return;
    }
    QJsonObject loadBalancer;
    if (served)
        loadBalancer.insert(u"ingress", ourAddress());
    QJsonObject status = json.value(u"status").toObject();
    status.insert(u"loadBalancer", loadBalancer);
    QJsonObject updated = json;
    updated.insert(u"status", status);
    m_context.client->update({ingress::ingresses(), ns, name, u"status"_qs}, Object::fromJson(updated),
                             [done](Expected<Object> r) { done(r.ok() || r.error().is(reason::NotFound) ? Status() : r.error()); });
}

ProxyReply IngressController::answer(const QString &className, const ProxyRequest &request)
{
    const std::optional<Object> ingressClass = m_classes->lister().get(QString(), className);
    const QJsonObject classJson = ingressClass ? ingressClass->toJson() : QJsonObject();
    QList<QJsonObject> ingresses;
    for (const Object &i : m_ingresses->lister().list()) {
        if (i.isBeingDeleted())
            continue;
        QJsonObject json = i.toJson();
        if (ingress::belongsTo(json, classJson))
            ingresses.append(std::move(json));
    }
    IngressRouteTable table;
    IngressRouteTable::sortOldestFirst(ingresses);
    for (const QJsonObject &i : ingresses)
        table.addIngress(i);

    const std::optional<IngressBackend> backend = table.route(request.host, request.path);
    if (!backend)
        return {404, "default backend - 404\n", {}};
    if (backend->service.isEmpty()) {
        return {503, u"Ingress %1 sends this request to a %2 resource; the timonel ingress controller serves Service backends only\n"_qs
                         .arg(backend->ingress, backend->resourceKind).toUtf8(), {}};
    }
    const std::optional<Object> service = m_services->lister().get(backend->namespace_, backend->service);
    const std::optional<Object> endpoints = m_endpoints->lister().get(backend->namespace_, backend->service);
    return forwardToService(backend->namespace_, backend->service, service ? service->toJson() : QJsonObject(),
                                     endpoints ? endpoints->toJson() : QJsonObject(), backend->portNumber, backend->portName,
                                     request, m_kubelet, m_context.clock->now(), m_random);
}

} // namespace kube
