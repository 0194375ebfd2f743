#include "metricsapimodel.h"

#include "kube/api/quantity.h"
#include "kube/kubelet/imagereference.h"
#include "kube/kubelet/resourceusage.h"
#include "kube/kubelet/simulationdata.h"

#include <QJsonArray>

namespace kube::metrics {

namespace {

QString timestamp(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODate);
}

std::optional<qint64> quantityOf(const QJsonObject &resources, const QString &name, bool milli)
{
    const QJsonValue v = resources.value(name);
    if (!v.isString())
        return std::nullopt;
    auto q = Quantity::parse(v.toString());
    if (!q.ok())
        return std::nullopt;
    return milli ? q->milliValue() : q->value();
}

QJsonObject labelsJson(const Object &object)
{
    return object.toJson().value(u"metadata"_qs).toObject().value(u"labels"_qs).toObject();
}

QJsonObject metadataJson(const Object &object, const QDateTime &scrape)
{
    QJsonObject meta{{u"name"_qs, object.name()}, {u"creationTimestamp"_qs, timestamp(scrape)}};
    if (!object.namespace_().isEmpty())
        meta[u"namespace"_qs] = object.namespace_();
    const QJsonObject labels = labelsJson(object);
    if (!labels.isEmpty())
        meta[u"labels"_qs] = labels;
    return meta;
}

QJsonObject usageJson(qint64 cpu, qint64 memory)
{
    return {{u"cpu"_qs, cpuText(cpu)}, {u"memory"_qs, memoryText(memory)}};
}

} // namespace

QDateTime scrapeTime(const QDateTime &now)
{
    const qint64 s = now.toSecsSinceEpoch();
    return QDateTime::fromSecsSinceEpoch(s - s % ResolutionSeconds, Qt::UTC);
}

QString cpuText(qint64 nanocores)
{
    return QString::number(nanocores) + u'n';
}

QString memoryText(qint64 bytes)
{
    return QString::number(bytes / 1024) + u"Ki"_qs;
}

QStringList readyNodeNames(const QList<Object> &nodes)
{
    QStringList out;
    for (const Object &node : nodes) {
        const QJsonArray conditions = node.toJson().value(u"status"_qs).toObject().value(u"conditions"_qs).toArray();
        for (const QJsonValue &c : conditions) {
            const QJsonObject o = c.toObject();
            if (o.value(u"type"_qs).toString() == u"Ready" && o.value(u"status"_qs).toString() == u"True")
                out.append(node.name());
        }
    }
    return out;
}

std::optional<QJsonObject> podMetrics(const Object &pod, const QStringList &readyNodes, const QDateTime &scrape,
                                      quint32 seed, Usage *usage)
{
    if (pod.isBeingDeleted())
        return std::nullopt;
    const QJsonObject json = pod.toJson();
    const QJsonObject spec = json.value(u"spec"_qs).toObject();
    const QJsonObject status = json.value(u"status"_qs).toObject();
    if (status.value(u"phase"_qs).toString() != u"Running")
        return std::nullopt;
    if (!readyNodes.contains(spec.value(u"nodeName"_qs).toString()))
        return std::nullopt;

    QHash<QString, QDateTime> startedAt; // running containers only
    for (const QJsonValue &v : status.value(u"containerStatuses"_qs).toArray()) {
        const QJsonObject cs = v.toObject();
        const QJsonObject running = cs.value(u"state"_qs).toObject().value(u"running"_qs).toObject();
        if (running.isEmpty())
            continue;
        QDateTime t = QDateTime::fromString(running.value(u"startedAt"_qs).toString(), Qt::ISODate);
        if (!t.isValid())
            t = QDateTime::fromString(status.value(u"startTime"_qs).toString(), Qt::ISODate);
        startedAt.insert(cs.value(u"name"_qs).toString(), t.isValid() ? t : scrape);
    }
    if (startedAt.isEmpty())
        return std::nullopt;

    const auto &data = kubelet::SimulationData::builtin();
    QJsonArray containers;
    Usage total;
    for (const QJsonValue &v : spec.value(u"containers"_qs).toArray()) {
        const QJsonObject c = v.toObject();
        const QString name = c.value(u"name"_qs).toString();
        const auto started = startedAt.constFind(name);
        if (started == startedAt.cend())
            continue;
        const QJsonObject resources = c.value(u"resources"_qs).toObject();
        const QJsonObject requests = resources.value(u"requests"_qs).toObject();
        const QJsonObject limits = resources.value(u"limits"_qs).toObject();
        kubelet::ContainerUsageInput in;
        in.key = pod.namespace_() + u'/' + pod.name() + u'/' + name;
        in.profile = data.findImage(kubelet::ImageReference::parse(c.value(u"image"_qs).toString()));
        in.cpuRequestMilli = quantityOf(requests, u"cpu"_qs, true);
        in.cpuLimitMilli = quantityOf(limits, u"cpu"_qs, true);
        in.memoryRequestBytes = quantityOf(requests, u"memory"_qs, false);
        in.memoryLimitBytes = quantityOf(limits, u"memory"_qs, false);
        in.ageSeconds = double(started->msecsTo(scrape)) / 1000.0;
        in.requestsPerSecond = 0; // the service proxy keeps no per-pod request counter the API server can read
        in.nowSeconds = scrape.toSecsSinceEpoch();
        in.seed = seed;
        const kubelet::ContainerUsage u = kubelet::containerUsage(in);
        total.cpuNanocores += u.cpuNanocores;
        total.memoryBytes += u.memoryBytes;
        containers.append(QJsonObject{{u"name"_qs, name}, {u"usage"_qs, usageJson(u.cpuNanocores, u.memoryBytes)}});
    }
    if (containers.isEmpty())
        return std::nullopt;
    if (usage)
        *usage = total;
    return QJsonObject{{u"metadata"_qs, metadataJson(pod, scrape)},
                       {u"timestamp"_qs, timestamp(scrape)},
                       {u"window"_qs, QString::fromLatin1(Window)},
                       {u"containers"_qs, containers}};
}

QJsonObject nodeMetrics(const Object &node, const Usage &podsUsage, const QDateTime &scrape, quint32 seed)
{
    const kubelet::ContainerUsage system = kubelet::nodeSystemUsage(node.name(), scrape.toSecsSinceEpoch(), seed);
    return {{u"metadata"_qs, metadataJson(node, scrape)},
            {u"timestamp"_qs, timestamp(scrape)},
            {u"window"_qs, QString::fromLatin1(Window)},
            {u"usage"_qs, usageJson(system.cpuNanocores + podsUsage.cpuNanocores, system.memoryBytes + podsUsage.memoryBytes)}};
}

} // namespace kube::metrics
