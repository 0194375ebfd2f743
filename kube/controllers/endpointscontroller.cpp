#include "endpointscontroller.h"

#include "kube/api/labelselector.h"
#include "kube/cache/sharedinformer.h"
#include "kube/client/restclient.h"
#include "kube/controllers/podinfo.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <map>

namespace kube {

namespace {

const QString ServiceNameLabel = u"kubernetes.io/service-name"_qs;
const QString ManagedByLabel = u"endpointslice.kubernetes.io/managed-by"_qs;
const QString ManagedByValue = u"endpointslice-controller.k8s.io"_qs;
const QString HeadlessLabel = u"service.kubernetes.io/headless"_qs;

// One pod as an endpoint of the Service being synced.
struct Backend {
    QString ip;
    QString nodeName;
    QString name;
    QString uid;
    bool ready = false;
    bool terminating = false;
};

// The pods sharing one resolved port set: a subset of Endpoints, one EndpointSlice.
struct Group {
    QJsonArray ports;
    QList<Backend> backends;
};

// The Service's selector as a label set; nullopt when it has none (the Service is not ours).
std::optional<Labels> selectorOf(const QJsonObject &spec)
{
    const QJsonObject map = spec.value(u"selector").toObject();
    if (map.isEmpty())
        return std::nullopt;
    Labels labels;
    for (auto it = map.begin(); it != map.end(); ++it)
        labels.insert(it.key(), it.value().toString());
    return labels;
}

// podutil.FindPort: a numeric targetPort as it is (absent: the service port), a name through the
// pod's container ports of the same protocol; nullopt when the pod has no such named port.
std::optional<int> resolveTargetPort(const QJsonObject &servicePort, const QJsonObject &podSpec)
{
    const QJsonValue target = servicePort.value(u"targetPort");
    if (target.isDouble())
        return target.toInt();
    if (!target.isString() || target.toString().isEmpty())
        return servicePort.value(u"port").toInt();
    bool numeric = false;
    const int number = target.toString().toInt(&numeric);
    if (numeric)
        return number;
    const QString protocol = servicePort.value(u"protocol").toString(u"TCP"_qs);
    for (const QJsonValue &c : podSpec.value(u"containers").toArray()) {
        for (const QJsonValue &p : c.toObject().value(u"ports").toArray()) {
            const QJsonObject port = p.toObject();
            if (port.value(u"name").toString() == target.toString() && port.value(u"protocol").toString(u"TCP"_qs) == protocol)
                return port.value(u"containerPort").toInt();
        }
    }
    return std::nullopt;
}

QJsonObject targetRef(const QString &ns, const Backend &b)
{
    return {{u"kind"_qs, u"Pod"_qs}, {u"namespace"_qs, ns}, {u"name"_qs, b.name}, {u"uid"_qs, b.uid}};
}

QString portsKey(const QJsonArray &ports)
{
    return QString::fromUtf8(QJsonDocument(ports).toJson(QJsonDocument::Compact));
}

// The Service's labels plus what upstream adds (headless marker).
QJsonObject labelsFor(const Object &service, const QJsonObject &spec)
{
    QJsonObject labels;
    for (const auto &[key, value] : service.labels())
        labels.insert(key, value);
    if (spec.value(u"clusterIP").toString() == u"None")
        labels.insert(HeadlessLabel, QString());
    return labels;
}

} // namespace

GroupVersionResource EndpointsController::endpointSlices()
{
    return {u"discovery.k8s.io"_qs, u"v1"_qs, u"endpointslices"_qs};
}

EndpointsController::EndpointsController(const ControllerContext &context, QObject *parent)
    : Controller(u"endpoint-controller"_qs, context, parent)
    , m_services(context.informer(gvr::services()))
    , m_pods(context.informer(gvr::pods()))
    , m_endpoints(context.informer(gvr::endpoints()))
    , m_slices(context.informer(endpointSlices()))
{
    ResourceEventHandler services;
    services.added = [this](const Object &s) { enqueue(s); };
    services.updated = [this](const Object &, const Object &s) { enqueue(s); };
    services.deleted = [this](const Object &s, DeleteState) { enqueue(s); };
    m_services->addEventHandler(this, services);

    ResourceEventHandler pods;
    pods.added = [this](const Object &p) { enqueueServicesOf(p); };
    pods.updated = [this](const Object &o, const Object &n) {
        if (!(o.labels() == n.labels()))
            enqueueServicesOf(o);
        enqueueServicesOf(n);
    };
    pods.deleted = [this](const Object &p, DeleteState) { enqueueServicesOf(p); };
    m_pods->addEventHandler(this, pods);

    // Someone else changed or deleted what we wrote: put it back (level-triggered).
    ResourceEventHandler endpoints;
    endpoints.updated = [this](const Object &, const Object &e) { enqueue(e); };
    endpoints.deleted = [this](const Object &e, DeleteState) { enqueue(e); };
    m_endpoints->addEventHandler(this, endpoints);

    ResourceEventHandler slices;
    const auto enqueueOwner = [this](const Object &slice) {
        const QString service = slice.labels().value(ServiceNameLabel);
        if (!service.isEmpty() && slice.labels().value(ManagedByLabel) == ManagedByValue)
            enqueue(queueKey(slice.namespace_(), service));
    };
    slices.updated = [enqueueOwner](const Object &, const Object &s) { enqueueOwner(s); };
    slices.deleted = [enqueueOwner](const Object &s, DeleteState) { enqueueOwner(s); };
    m_slices->addEventHandler(this, slices);
}

void EndpointsController::enqueueServicesOf(const Object &pod)
{
    for (const Object &service : m_services->lister().list(pod.namespace_())) {
        const auto selector = selectorOf(service.toJson().value(u"spec").toObject());
        if (selector && LabelSelector::fromSet(*selector).matches(pod.labels()))
            enqueue(service);
    }
}

void EndpointsController::sync(const QString &key, Done done)
{
    const auto [ns, serviceName] = splitQueueKey(key);
    auto join = std::make_shared<WriteJoin>(std::move(done));
    const auto ignoreNotFound = [](const std::function<void(const Status &)> &report) {
        return [report](Expected<Object> r) { report(r.ok() || r.error().is(reason::NotFound) ? Status() : r.error()); };
    };

    const std::optional<Object> service = m_services->lister().get(ns, serviceName);
    if (!service) {
        // Upstream deletes the Endpoints of a deleted Service; its slices would go with their
        // owner through garbage collection, which we do not rely on.
        if (m_endpoints->lister().get(ns, serviceName))
            m_context.client->remove({gvr::endpoints(), ns, serviceName, QString()}, ignoreNotFound(join->expect()));
        const LabelSelector ours = LabelSelector::fromSet(Labels{{ServiceNameLabel, serviceName}, {ManagedByLabel, ManagedByValue}});
        for (const Object &slice : m_slices->lister().list(ns, ours))
            m_context.client->remove({endpointSlices(), ns, slice.name(), QString()}, ignoreNotFound(join->expect()));
        return;
    }
    const QJsonObject spec = service->toJson().value(u"spec").toObject();
    const auto selector = selectorOf(spec);
    if (!selector || service->isBeingDeleted())
        return; // no selector: its Endpoints are somebody else's

    const bool publishNotReady = spec.value(u"publishNotReadyAddresses").toBool();
    const QJsonArray servicePorts = spec.value(u"ports").toArray();
    std::map<QString, Group> groups; // by port set, so the output is ordered and stable
    for (const Object &pod : m_pods->lister().list(ns, LabelSelector::fromSet(*selector))) {
        const QJsonObject podJson = pod.toJson();
        const QString ip = podJson.value(u"status").toObject().value(u"podIP").toString();
        const PodInfo info = PodInfo::from(pod);
        if (ip.isEmpty() || info.phase == u"Succeeded" || info.phase == u"Failed")
            continue;
        QJsonArray ports;
        const QJsonObject podSpec = podJson.value(u"spec").toObject();
        for (const QJsonValue &v : servicePorts) {
            const QJsonObject sp = v.toObject();
            const auto target = resolveTargetPort(sp, podSpec);
            if (!target)
                continue; // upstream skips the port for this pod
            QJsonObject port{{u"port"_qs, *target}, {u"protocol"_qs, sp.value(u"protocol").toString(u"TCP"_qs)}};
            if (!sp.value(u"name").toString().isEmpty())
                port.insert(u"name", sp.value(u"name"));
            if (sp.contains(u"appProtocol"))
                port.insert(u"appProtocol", sp.value(u"appProtocol"));
            ports.append(port);
        }
        if (ports.isEmpty() && !servicePorts.isEmpty())
            continue;
        Group &group = groups[portsKey(ports)];
        group.ports = ports;
        group.backends.append({ip, info.nodeName, pod.name(), pod.uid(), info.ready, pod.isBeingDeleted()});
    }

    // Endpoints: terminating pods leave, others split by readiness.
    QJsonArray subsets;
    for (auto &[portKey, group] : groups) {
        std::sort(group.backends.begin(), group.backends.end(),
                  [](const Backend &a, const Backend &b) { return std::tie(a.ip, a.uid) < std::tie(b.ip, b.uid); });
        QJsonArray addresses, notReady;
        for (const Backend &b : group.backends) {
            if (b.terminating && !publishNotReady)
                continue;
            QJsonObject address{{u"ip"_qs, b.ip}, {u"targetRef"_qs, targetRef(ns, b)}};
            if (!b.nodeName.isEmpty())
                address.insert(u"nodeName", b.nodeName);
            (b.ready || publishNotReady ? addresses : notReady).append(address);
        }
        if (addresses.isEmpty() && notReady.isEmpty())
            continue;
        QJsonObject subset;
        if (!addresses.isEmpty())
            subset.insert(u"addresses", addresses);
        if (!notReady.isEmpty())
            subset.insert(u"notReadyAddresses", notReady);
        if (!group.ports.isEmpty())
            subset.insert(u"ports", group.ports);
        subsets.append(subset);
    }
    QJsonObject endpoints{{u"apiVersion"_qs, u"v1"_qs}, {u"kind"_qs, u"Endpoints"_qs},
                          {u"metadata"_qs, QJsonObject{{u"name"_qs, serviceName}, {u"namespace"_qs, ns}, {u"labels"_qs, labelsFor(*service, spec)}}}};
    if (!subsets.isEmpty())
        endpoints.insert(u"subsets", subsets);
    syncEndpoints(*service, endpoints, join);

    // Slices: terminating pods stay, with their conditions. An empty Service keeps one
    // placeholder slice without ports, as upstream does.
    if (groups.empty())
        groups[portsKey({})] = Group{};
    QJsonObject sliceLabels = labelsFor(*service, spec);
    sliceLabels.insert(ServiceNameLabel, serviceName);
    sliceLabels.insert(ManagedByLabel, ManagedByValue);
    const QJsonArray owners{QJsonObject{{u"apiVersion"_qs, u"v1"_qs}, {u"kind"_qs, u"Service"_qs}, {u"name"_qs, serviceName},
                                        {u"uid"_qs, service->uid()}, {u"controller"_qs, true}, {u"blockOwnerDeletion"_qs, true}}};
    QList<QJsonObject> slices;
    for (const auto &[portKey, group] : groups) {
        QJsonArray sliceEndpoints;
        for (const Backend &b : group.backends) {
            const bool ready = !b.terminating && (b.ready || publishNotReady);
            QJsonObject endpoint{{u"addresses"_qs, QJsonArray{b.ip}},
                                 {u"conditions"_qs, QJsonObject{{u"ready"_qs, ready}, {u"serving"_qs, b.ready || publishNotReady},
                                                                {u"terminating"_qs, b.terminating}}},
                                 {u"targetRef"_qs, targetRef(ns, b)}};
            if (!b.nodeName.isEmpty())
                endpoint.insert(u"nodeName", b.nodeName);
            sliceEndpoints.append(endpoint);
        }
        // Lower-case hex of the Service's uid and port set: stable across syncs and restarts.
        const QString suffix = QString::fromLatin1(
            QCryptographicHash::hash((service->uid() + portKey).toUtf8(), QCryptographicHash::Sha256).toHex().left(5));
        QJsonObject slice{{u"apiVersion"_qs, u"discovery.k8s.io/v1"_qs}, {u"kind"_qs, u"EndpointSlice"_qs},
                          {u"metadata"_qs, QJsonObject{{u"name"_qs, serviceName + u'-' + suffix}, {u"namespace"_qs, ns},
                                                       {u"labels"_qs, sliceLabels}, {u"ownerReferences"_qs, owners}}},
                          {u"addressType"_qs, u"IPv4"_qs}, {u"endpoints"_qs, sliceEndpoints}};
        if (!group.ports.isEmpty())
            slice.insert(u"ports", group.ports);
        slices.append(slice);
    }
    syncSlices(*service, slices, join);
}

void EndpointsController::syncEndpoints(const Object &service, const QJsonObject &wanted, const std::shared_ptr<WriteJoin> &join)
{
    const QString ns = service.namespace_();
    const auto report = [r = join->expect()](Expected<Object> result) {
        r(result.ok() || result.error().is(reason::NotFound) ? Status() : result.error());
    };
    const std::optional<Object> existing = m_endpoints->lister().get(ns, service.name());
    if (!existing) {
        m_context.client->create({gvr::endpoints(), ns, QString(), QString()}, Object::fromJson(wanted), report);
        return;
    }
    QJsonObject current = existing->toJson();
    QJsonObject metadata = current.value(u"metadata").toObject();
    const QJsonObject wantedLabels = wanted.value(u"metadata").toObject().value(u"labels").toObject();
    if (current.value(u"subsets").toArray() == wanted.value(u"subsets").toArray()
        && metadata.value(u"labels").toObject() == wantedLabels) {
        report(Object());
        return;
    }
    metadata.insert(u"labels", wantedLabels);
    current.insert(u"metadata", metadata);
    if (wanted.contains(u"subsets"))
        current.insert(u"subsets", wanted.value(u"subsets"));
    else
        current.remove(u"subsets");
    m_context.client->update({gvr::endpoints(), ns, service.name(), QString()}, Object::fromJson(current), report);
}

void EndpointsController::syncSlices(const Object &service, const QList<QJsonObject> &wanted, const std::shared_ptr<WriteJoin> &join)
{
    const QString ns = service.namespace_();
    const auto reporter = [join]() {
        return [r = join->expect()](Expected<Object> result) {
            r(result.ok() || result.error().is(reason::NotFound) ? Status() : result.error());
        };
    };
    const LabelSelector ours = LabelSelector::fromSet(Labels{{ServiceNameLabel, service.name()}, {ManagedByLabel, ManagedByValue}});
    QHash<QString, Object> existing;
    for (const Object &slice : m_slices->lister().list(ns, ours))
        existing.insert(slice.name(), slice);

    for (const QJsonObject &slice : wanted) {
        const QJsonObject wantedMeta = slice.value(u"metadata").toObject();
        const QString name = wantedMeta.value(u"name").toString();
        const auto it = existing.constFind(name);
        if (it == existing.constEnd()) {
            m_context.client->create({endpointSlices(), ns, QString(), QString()}, Object::fromJson(slice), reporter());
            continue;
        }
        QJsonObject current = it->toJson();
        existing.remove(name);
        QJsonObject metadata = current.value(u"metadata").toObject();
        const bool same = metadata.value(u"labels") == wantedMeta.value(u"labels") && current.value(u"endpoints") == slice.value(u"endpoints")
                          && current.value(u"ports") == slice.value(u"ports") && current.value(u"addressType") == slice.value(u"addressType");
        if (same)
            continue;
        metadata.insert(u"labels", wantedMeta.value(u"labels"));
        metadata.insert(u"ownerReferences", wantedMeta.value(u"ownerReferences"));
        current.insert(u"metadata", metadata);
        current.insert(u"endpoints", slice.value(u"endpoints"));
        current.insert(u"addressType", slice.value(u"addressType"));
        if (slice.contains(u"ports"))
            current.insert(u"ports", slice.value(u"ports"));
        else
            current.remove(u"ports");
        m_context.client->update({endpointSlices(), ns, name, QString()}, Object::fromJson(current), reporter());
    }
    // Port sets no pod has any more.
    for (const Object &stale : std::as_const(existing))
        m_context.client->remove({endpointSlices(), ns, stale.name(), QString()}, reporter());
}

} // namespace kube
