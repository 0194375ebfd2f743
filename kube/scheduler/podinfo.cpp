#include "podinfo.h"

#include <QJsonArray>
#include <QJsonObject>

namespace kube::scheduler {

namespace {

struct ContainerRequests {
    Resources requests;
    Resources nonZero;
};

// A container's requests. As API defaulting does, a limit without a request stands for the
// request; the non-zero form fills in upstream's defaults for a missing cpu or memory request
// (an explicit zero stays zero).
ContainerRequests containerRequests(const QJsonObject &container)
{
    const QJsonObject resources = container.value(u"resources").toObject();
    QJsonObject requests = resources.value(u"requests").toObject();
    const QJsonObject limits = resources.value(u"limits").toObject();
    for (auto it = limits.begin(); it != limits.end(); ++it) {
        if (!requests.contains(it.key()))
            requests.insert(it.key(), it.value());
    }
    ContainerRequests out;
    out.requests = Resources::fromResourceList(requests);
    out.nonZero.milliCpu = requests.contains(u"cpu") ? out.requests.milliCpu : DefaultMilliCpuRequest;
    out.nonZero.memory = requests.contains(u"memory") ? out.requests.memory : DefaultMemoryRequest;
    return out;
}

// upstream resource.PodRequests: app containers and restartable init containers (sidecars) run
// together; each regular init container runs alone beside the sidecars started before it; the
// pod needs the larger of the two phases.
template<typename Pick>
Resources effectiveRequests(const QList<ContainerRequests> &app, const QList<std::pair<ContainerRequests, bool>> &init, Pick pick)
{
    Resources sum;
    for (const ContainerRequests &c : app)
        sum += pick(c);
    Resources sidecars;
    Resources initPeak;
    for (const auto &[c, restartable] : init) {
        Resources step = pick(c);
        if (restartable) {
            sum += step;
            sidecars += step;
            step = sidecars;
        } else {
            step += sidecars;
        }
        initPeak.setMax(step);
    }
    sum.setMax(initPeak);
    return sum;
}

QList<HostPort> hostPortsOf(const QJsonArray &containers)
{
    QList<HostPort> out;
    for (const QJsonValue &c : containers) {
        for (const QJsonValue &p : c.toObject().value(u"ports").toArray()) {
            const QJsonObject port = p.toObject();
            const int hostPort = port.value(u"hostPort").toInt();
            if (hostPort <= 0)
                continue;
            HostPort hp;
            hp.port = hostPort;
            if (const QString ip = port.value(u"hostIP").toString(); !ip.isEmpty())
                hp.ip = ip;
            if (const QString protocol = port.value(u"protocol").toString(); !protocol.isEmpty())
                hp.protocol = protocol;
            out.append(hp);
        }
    }
    return out;
}

} // namespace

std::shared_ptr<const PodInfo> PodInfo::fromObject(const Object &pod)
{
    auto info = std::make_shared<PodInfo>();
    info->object = pod;
    info->namespace_ = pod.namespace_();
    info->name = pod.name();
    info->key = info->namespace_ + u'/' + info->name;
    info->uid = pod.uid();
    info->labels = pod.labels();
    if (const auto owner = pod.controllerRef())
        info->controllerUid = owner->uid.isEmpty() ? owner->kind + u'/' + owner->name : owner->uid;

    const QJsonObject json = pod.toJson();
    const QJsonObject spec = json.value(u"spec").toObject();
    info->nodeName = spec.value(u"nodeName").toString();
    info->phase = json.value(u"status").toObject().value(u"phase").toString();
    info->priority = spec.value(u"priority").toInt();
    info->preemptionNever = spec.value(u"preemptionPolicy").toString() == u"Never";

    const QJsonArray containers = spec.value(u"containers").toArray();
    QList<ContainerRequests> app;
    app.reserve(containers.size());
    for (const QJsonValue &c : containers)
        app.append(containerRequests(c.toObject()));
    QList<std::pair<ContainerRequests, bool>> init;
    for (const QJsonValue &c : spec.value(u"initContainers").toArray()) {
        const QJsonObject container = c.toObject();
        init.append({containerRequests(container), container.value(u"restartPolicy").toString() == u"Always"});
    }
    info->requests = effectiveRequests(app, init, [](const ContainerRequests &c) { return c.requests; });
    info->nonZeroRequests = effectiveRequests(app, init, [](const ContainerRequests &c) { return c.nonZero; });
    const Resources overhead = Resources::fromResourceList(spec.value(u"overhead").toObject());
    info->requests += overhead;
    info->nonZeroRequests.milliCpu += overhead.milliCpu;
    info->nonZeroRequests.memory += overhead.memory;

    info->hostPorts = hostPortsOf(containers);
    info->tolerations = Toleration::listFromJson(spec.value(u"tolerations").toArray());
    const QJsonObject selector = spec.value(u"nodeSelector").toObject();
    for (auto it = selector.begin(); it != selector.end(); ++it)
        info->nodeSelector.insert(it.key(), it.value().toString());
    const QJsonObject nodeAffinity = spec.value(u"affinity").toObject().value(u"nodeAffinity").toObject();
    if (const QJsonValue required = nodeAffinity.value(u"requiredDuringSchedulingIgnoredDuringExecution"); required.isObject())
        info->requiredNodeAffinity = NodeSelector::fromJson(required.toObject());
    info->preferredNodeAffinity = PreferredSchedulingTerm::listFromJson(nodeAffinity.value(u"preferredDuringSchedulingIgnoredDuringExecution").toArray());
    return info;
}

} // namespace kube::scheduler
