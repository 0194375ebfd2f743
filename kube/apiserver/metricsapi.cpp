#include "metricsapi.h"

#include "metricsapimodel.h"
#include "resourcerequest.h"
#include "storagekeys.h"

#include "kube/api/clock.h"
#include "kube/api/fieldselector.h"
#include "kube/api/labelselector.h"
#include "kube/api/status.h"
#include "kube/store/store.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace kube {

namespace {

// The seed of the simulated load; the controller manager's default, so a cluster reproduces.
constexpr quint32 MetricsSeed = 1;

QString group() { return QString::fromLatin1(metrics::Group); }
QString groupVersion() { return QString::fromLatin1(metrics::GroupVersion); }

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject versionEntry()
{
    return {{u"groupVersion"_qs, groupVersion()}, {u"version"_qs, QString::fromLatin1(metrics::Version)}};
}

struct MetricsResource {
    QString plural, singular, kind;
    bool namespaced;
};

QList<MetricsResource> resources()
{
    return {{u"nodes"_qs, u"node"_qs, u"NodeMetrics"_qs, false}, {u"pods"_qs, u"pod"_qs, u"PodMetrics"_qs, true}};
}

const QJsonArray &verbs()
{
    static const QJsonArray v{u"get"_qs, u"list"_qs};
    return v;
}

QByteArray resourceList()
{
    QJsonArray list;
    for (const MetricsResource &r : resources())
        list.append(QJsonObject{{u"name"_qs, r.plural}, {u"singularName"_qs, r.singular}, {u"namespaced"_qs, r.namespaced},
                                {u"kind"_qs, r.kind}, {u"verbs"_qs, verbs()}});
    return compact({{u"kind"_qs, u"APIResourceList"_qs}, {u"apiVersion"_qs, u"v1"_qs},
                    {u"groupVersion"_qs, groupVersion()}, {u"resources"_qs, list}});
}

Status notFoundPath()
{
    return Status(404, QString::fromLatin1(reason::NotFound), u"the server could not find the requested resource"_qs);
}

QList<Object> listAll(const ApiContext &context, const QString &resource, const QString &namespace_, Status *error)
{
    const KindInfoPtr kind = context.registry->resource({QString(), u"v1"_qs, resource});
    if (!kind)
        return {};
    auto result = context.store->list(storagePrefix(*kind, namespace_));
    if (!result.ok()) {
        *error = result.error();
        return {};
    }
    return result->items;
}

struct Selectors {
    LabelSelector labels;
    FieldSelector fields;
    bool matches(const Object &object) const
    {
        if (!labels.matches(object.labels()))
            return false;
        return fields.matches([&](QStringView field) -> std::optional<QString> {
            if (field == u"metadata.name")
                return object.name();
            if (field == u"metadata.namespace")
                return object.namespace_();
            return std::nullopt;
        });
    }
};

Expected<Selectors> selectorsOf(const ApiRequest &request)
{
    Selectors s;
    auto labels = LabelSelector::parse(request.param(u"labelSelector"_qs));
    if (!labels.ok())
        return labels.error();
    s.labels = labels.value();
    auto fields = FieldSelector::parse(request.param(u"fieldSelector"_qs));
    if (!fields.ok())
        return fields.error();
    for (const FieldRequirement &r : fields->requirements()) {
        if (r.field != u"metadata.name" && r.field != u"metadata.namespace")
            return Status::badRequest(u"\"%1\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""_qs.arg(r.field));
    }
    s.fields = fields.value();
    return s;
}

QByteArray listJson(const QString &kind, const QJsonArray &items)
{
    return compact({{u"kind"_qs, kind}, {u"apiVersion"_qs, groupVersion()}, {u"metadata"_qs, QJsonObject()}, {u"items"_qs, items}});
}

QByteArray objectJson(const QString &kind, QJsonObject object)
{
    object[u"kind"_qs] = kind;
    object[u"apiVersion"_qs] = groupVersion();
    return compact(object);
}

void serveNodes(const ApiContext &context, const ApiRequest &request, const QString &name, ApiResponder &responder)
{
    auto selectors = selectorsOf(request);
    if (!selectors.ok())
        return responder.respondStatus(selectors.error());
    Status error;
    const QList<Object> nodes = listAll(context, u"nodes"_qs, {}, &error);
    const QList<Object> pods = listAll(context, u"pods"_qs, {}, &error);
    if (error.code() >= 400)
        return responder.respondStatus(error);
    const QStringList ready = metrics::readyNodeNames(nodes);
    const QDateTime scrape = metrics::scrapeTime(context.clock->now());

    QHash<QString, metrics::Usage> perNode;
    for (const Object &pod : pods) {
        metrics::Usage usage;
        if (metrics::podMetrics(pod, ready, scrape, MetricsSeed, &usage)) {
            metrics::Usage &sum = perNode[pod.nodeName()];
            sum.cpuNanocores += usage.cpuNanocores;
            sum.memoryBytes += usage.memoryBytes;
        }
    }
    QJsonArray items;
    for (const Object &node : nodes) {
        if (!ready.contains(node.name()) || (!name.isEmpty() && node.name() != name))
            continue;
        if (name.isEmpty() && !selectors->matches(node))
            continue;
        items.append(metrics::nodeMetrics(node, perNode.value(node.name()), scrape, MetricsSeed));
    }
    if (!name.isEmpty()) {
        if (items.isEmpty())
            return responder.respondStatus(Status::notFound(u"nodemetrics.metrics.k8s.io"_qs, name));
        return responder.respondJson(200, objectJson(u"NodeMetrics"_qs, items.first().toObject()));
    }
    responder.respondJson(200, listJson(u"NodeMetricsList"_qs, items));
}

void servePods(const ApiContext &context, const ApiRequest &request, const QString &namespace_, const QString &name,
               ApiResponder &responder)
{
    auto selectors = selectorsOf(request);
    if (!selectors.ok())
        return responder.respondStatus(selectors.error());
    Status error;
    const QList<Object> nodes = listAll(context, u"nodes"_qs, {}, &error);
    const QList<Object> pods = listAll(context, u"pods"_qs, namespace_, &error);
    if (error.code() >= 400)
        return responder.respondStatus(error);
    const QStringList ready = metrics::readyNodeNames(nodes);
    const QDateTime scrape = metrics::scrapeTime(context.clock->now());

    QJsonArray items;
    for (const Object &pod : pods) {
        if (!name.isEmpty() ? pod.name() != name : !selectors->matches(pod))
            continue;
        if (auto m = metrics::podMetrics(pod, ready, scrape, MetricsSeed))
            items.append(*m);
    }
    if (!name.isEmpty()) {
        if (items.isEmpty())
            return responder.respondStatus(Status::notFound(u"podmetrics.metrics.k8s.io"_qs, namespace_ + u'/' + name));
        return responder.respondJson(200, objectJson(u"PodMetrics"_qs, items.first().toObject()));
    }
    responder.respondJson(200, listJson(u"PodMetricsList"_qs, items));
}

} // namespace

bool isMetricsPath(const QString &path)
{
    return path == u"/apis/metrics.k8s.io" || path.startsWith(u"/apis/metrics.k8s.io/");
}

QJsonObject metricsApiGroup()
{
    return {{u"name"_qs, group()}, {u"versions"_qs, QJsonArray{versionEntry()}}, {u"preferredVersion"_qs, versionEntry()}};
}

QJsonObject metricsAggregatedGroup()
{
    QJsonArray list;
    for (const MetricsResource &r : resources()) {
        const QJsonObject kind{{u"group"_qs, group()}, {u"version"_qs, QString::fromLatin1(metrics::Version)}, {u"kind"_qs, r.kind}};
        list.append(QJsonObject{{u"resource"_qs, r.plural}, {u"responseKind"_qs, kind},
                                {u"scope"_qs, r.namespaced ? u"Namespaced"_qs : u"Cluster"_qs},
                                {u"singularResource"_qs, r.singular}, {u"verbs"_qs, verbs()}});
    }
    const QJsonObject version{{u"version"_qs, QString::fromLatin1(metrics::Version)}, {u"resources"_qs, list}, {u"freshness"_qs, u"Current"_qs}};
    return {{u"metadata"_qs, QJsonObject{{u"name"_qs, group()}}}, {u"versions"_qs, QJsonArray{version}}};
}

void handleMetrics(const ApiContext &context, const ApiRequest &request, ApiResponder &responder)
{
    const QStringList parts = request.path.split(u'/', Qt::SkipEmptyParts); // "apis", group, …
    if (request.method != "GET" && request.method != "HEAD")
        return responder.respondStatus(Status(405, QString::fromLatin1(reason::MethodNotAllowed),
                                              u"the server does not allow this method on the requested resource"_qs));
    if (parts.size() == 2) {
        QJsonObject g = metricsApiGroup();
        g[u"kind"_qs] = u"APIGroup"_qs;
        g[u"apiVersion"_qs] = u"v1"_qs;
        return responder.respondJson(200, compact(g));
    }
    if (parts.value(2) != QLatin1String(metrics::Version))
        return responder.respondStatus(notFoundPath());
    if (parts.size() == 3)
        return responder.respondJson(200, resourceList());
    const QString watch = request.param(u"watch"_qs);
    if (watch == u"true" || watch == u"1")
        return responder.respondStatus(Status(405, QString::fromLatin1(reason::MethodNotAllowed),
                                              u"the server does not allow this method on the requested resource"_qs));
    const QStringList rest = parts.mid(3);
    if (rest.value(0) == u"nodes" && rest.size() <= 2)
        return serveNodes(context, request, rest.value(1), responder);
    if (rest.value(0) == u"pods" && rest.size() == 1)
        return servePods(context, request, {}, {}, responder);
    if (rest.value(0) == u"namespaces" && rest.size() >= 3 && rest.size() <= 4 && rest.value(2) == u"pods")
        return servePods(context, request, rest.value(1), rest.value(3), responder);
    responder.respondStatus(notFoundPath());
}

} // namespace kube
