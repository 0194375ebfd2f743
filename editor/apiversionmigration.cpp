#include "apiversionmigration.h"

#include "editortr.h"
#include "orderedjson.h"
#include "removedapis.h"
#include "yamlsourcemap.h"

#include "kube/api/yaml.h"

#include <algorithm>
#include <map>

namespace timonel {

namespace {

OrderedJson *path(OrderedJson *v, std::initializer_list<QStringView> keys)
{
    for (QStringView k : keys) {
        if (!v || !v->isObject())
            return nullptr;
        v = v->find(k);
    }
    return v;
}

OrderedJson target(const QString &type, const QString &field, OrderedJson value)
{
    OrderedJson t = OrderedJson::object();
    t.set(u"type"_qs, OrderedJson::string(type));
    t.set(field, std::move(value));
    return t;
}

bool isEmptySelector(const OrderedJson *selector)
{
    return !selector || selector->type == OrderedJson::Type::Null || (selector->isObject() && selector->members.empty());
}

// apps workloads: extensions/v1beta1, apps/v1beta1 and apps/v1beta2 → apps/v1.
void convertWorkload(OrderedJson &object, const QString &from, const QString &kind, QStringList &notes)
{
    OrderedJson *spec = object.find(u"spec");
    if (!spec || !spec->isObject())
        return;
    if (kind == u"Deployment" && spec->remove(u"rollbackTo"))
        notes << Tr::tr("spec.rollbackTo removed: apps/v1 has no such field (use “kubectl rollout undo”)");
    if (kind == u"DaemonSet" && spec->remove(u"templateGeneration"))
        notes << Tr::tr("spec.templateGeneration removed: apps/v1 has no such field");
    if (isEmptySelector(spec->find(u"selector"))) {
        const OrderedJson *labels = path(spec, {u"template", u"metadata", u"labels"});
        if (labels && labels->isObject() && !labels->members.empty()) {
            OrderedJson selector = OrderedJson::object();
            selector.set(u"matchLabels"_qs, *labels);
            spec->set(u"selector"_qs, std::move(selector), spec->find(u"replicas") ? u"replicas" : u"");
            notes << Tr::tr("spec.selector added from the template's labels: apps/v1 requires a selector");
        } else {
            notes << Tr::tr("apps/v1 requires spec.selector, and the template has no labels to take it from: "
                            "add labels to spec.template.metadata and the same ones to spec.selector.matchLabels");
        }
    }
    const bool fromExtensions = from == u"extensions/v1beta1";
    if (kind == u"Deployment" && (fromExtensions || from == u"apps/v1beta1") && !spec->find(u"revisionHistoryLimit"))
        notes << (fromExtensions ? Tr::tr("spec.revisionHistoryLimit now defaults to 10 old ReplicaSets (%1 kept them all)").arg(from)
                                 : Tr::tr("spec.revisionHistoryLimit now defaults to 10 old ReplicaSets (%1 kept %2)").arg(from).arg(2));
    if (kind == u"Deployment" && fromExtensions && !spec->find(u"progressDeadlineSeconds"))
        notes << Tr::tr("spec.progressDeadlineSeconds now defaults to 600 (extensions/v1beta1 had no deadline)");
    if (kind == u"Deployment" && fromExtensions && !path(spec, {u"strategy", u"rollingUpdate"}))
        notes << Tr::tr("Rolling updates now default to maxSurge 25% and maxUnavailable 25% (extensions/v1beta1: 1 and 1)");
    const bool updateStrategyChanged = (kind == u"DaemonSet" && fromExtensions) || (kind == u"StatefulSet" && from == u"apps/v1beta1");
    if (updateStrategyChanged && !spec->find(u"updateStrategy"))
        notes << Tr::tr("spec.updateStrategy now defaults to RollingUpdate (%1 defaulted to OnDelete)").arg(from);
}

// serviceName/servicePort → service.name + service.port.number|name.
bool convertBackend(OrderedJson &backend)
{
    if (!backend.isObject() || !backend.find(u"serviceName"))
        return false;
    OrderedJson service = OrderedJson::object();
    service.set(u"name"_qs, backend.take(u"serviceName"));
    OrderedJson port = OrderedJson::object();
    const OrderedJson servicePort = backend.take(u"servicePort");
    bool numeric = false;
    const int number = servicePort.scalar.toInt(&numeric);
    if (servicePort.isNumber() || (servicePort.isString() && numeric))
        port.set(u"number"_qs, OrderedJson::number(number));
    else if (servicePort.isString())
        port.set(u"name"_qs, servicePort);
    if (!port.members.empty())
        service.set(u"port"_qs, std::move(port));
    backend.set(u"service"_qs, std::move(service));
    return true;
}

void convertIngress(OrderedJson &object, QStringList &notes)
{
    OrderedJson *spec = object.find(u"spec");
    if (!spec || !spec->isObject())
        return;
    if (spec->rename(u"backend", u"defaultBackend"_qs)) {
        convertBackend(*spec->find(u"defaultBackend"));
        notes << Tr::tr("spec.backend renamed spec.defaultBackend");
    }
    int backends = 0;
    int pathTypes = 0;
    OrderedJson *rules = spec->find(u"rules");
    const auto convertPath = [&](OrderedJson &p) {
        if (!p.isObject())
            return;
        if (!p.find(u"pathType")) {
            p.set(u"pathType"_qs, OrderedJson::string(u"ImplementationSpecific"_qs), p.find(u"path") ? u"path" : u"");
            ++pathTypes;
        }
        if (OrderedJson *backend = p.find(u"backend"); backend && convertBackend(*backend))
            ++backends;
    };
    if (rules && rules->isArray()) {
        for (OrderedJson &rule : rules->items) {
            OrderedJson *paths = path(&rule, {u"http", u"paths"});
            if (!paths || !paths->isArray())
                continue;
            for (OrderedJson &p : paths->items)
                convertPath(p);
        }
    }
    if (backends > 0)
        notes << Tr::tr("%n backend(s): serviceName and servicePort became service.name and service.port.number or .name", nullptr, backends);
    if (pathTypes > 0)
        notes << Tr::tr("pathType: ImplementationSpecific added to %n path(s), as networking.k8s.io/v1 requires one "
                        "(Prefix or Exact is usually what you mean)", nullptr, pathTypes);
}

// A v2beta1 metric's target fields → a v2 MetricTarget.
OrderedJson metricTarget(OrderedJson &source)
{
    if (source.find(u"targetAverageUtilization"))
        return target(u"Utilization"_qs, u"averageUtilization"_qs, source.take(u"targetAverageUtilization"));
    if (source.find(u"targetAverageValue"))
        return target(u"AverageValue"_qs, u"averageValue"_qs, source.take(u"targetAverageValue"));
    if (source.find(u"averageValue"))
        return target(u"AverageValue"_qs, u"averageValue"_qs, source.take(u"averageValue"));
    if (source.find(u"targetValue"))
        return target(u"Value"_qs, u"value"_qs, source.take(u"targetValue"));
    return {};
}

// metricName (+ selector or metricSelector) → metric: {name, selector}.
void metricIdentifier(OrderedJson &source, QStringView selectorKey)
{
    OrderedJson metric = OrderedJson::object();
    metric.set(u"name"_qs, source.take(u"metricName"));
    if (source.find(selectorKey))
        metric.set(u"selector"_qs, source.take(selectorKey));
    source.set(u"metric"_qs, std::move(metric));
}

void convertHpaV2beta1(OrderedJson &object, QStringList &notes)
{
    OrderedJson *metrics = path(&object, {u"spec", u"metrics"});
    if (!metrics || !metrics->isArray())
        return;
    int converted = 0;
    for (OrderedJson &m : metrics->items) {
        const OrderedJson *type = m.isObject() ? m.find(u"type") : nullptr;
        if (!type)
            continue;
        const QString t = type->scalar;
        if (t == u"Resource" || t == u"ContainerResource") {
            OrderedJson *r = m.find(t == u"Resource" ? u"resource" : u"containerResource");
            if (!r || !r->isObject())
                continue;
            OrderedJson tgt = metricTarget(*r);
            if (tgt.isObject())
                r->set(u"target"_qs, std::move(tgt));
        } else if (t == u"Pods") {
            OrderedJson *p = m.find(u"pods");
            if (!p || !p->isObject())
                continue;
            OrderedJson tgt = metricTarget(*p);
            metricIdentifier(*p, u"selector");
            if (tgt.isObject())
                p->set(u"target"_qs, std::move(tgt));
        } else if (t == u"Object") {
            OrderedJson *o = m.find(u"object");
            if (!o || !o->isObject())
                continue;
            OrderedJson described = o->take(u"target"); // the v2beta1 object reference
            OrderedJson tgt = metricTarget(*o);
            metricIdentifier(*o, u"selector");
            o->set(u"describedObject"_qs, std::move(described));
            if (tgt.isObject())
                o->set(u"target"_qs, std::move(tgt));
        } else if (t == u"External") {
            OrderedJson *e = m.find(u"external");
            if (!e || !e->isObject())
                continue;
            OrderedJson tgt = metricTarget(*e);
            metricIdentifier(*e, u"metricSelector");
            if (tgt.isObject())
                e->set(u"target"_qs, std::move(tgt));
        } else {
            continue;
        }
        ++converted;
    }
    if (converted > 0)
        notes << Tr::tr("%n metric(s) rewritten in the autoscaling/v2 form (metric and target)", nullptr, converted);
}

bool isMarkerLine(const QString &line)
{
    return line.startsWith(u"---") && (line.size() == 3 || line[3].isSpace());
}

bool isOutsideContent(const QString &line)
{
    const QString trimmed = line.trimmed();
    return trimmed.isEmpty() || line.startsWith(u'#') || line.startsWith(u"...");
}

} // namespace

bool migrateObject(OrderedJson &object, QStringList &notes)
{
    if (!object.isObject())
        return false;
    const OrderedJson *apiVersionValue = object.find(u"apiVersion");
    const OrderedJson *kindValue = object.find(u"kind");
    if (!apiVersionValue || !kindValue)
        return false;
    const QString apiVersion = apiVersionValue->scalar;
    const QString kind = kindValue->scalar;
    const RemovedApi *removed = findRemovedApi(apiVersion, kind);
    if (!removed || !removed->convertible)
        return false;
    object.set(u"apiVersion"_qs, OrderedJson::string(removed->replacement));
    notes << Tr::tr("apiVersion %1 → %2").arg(apiVersion, removed->replacement);
    if (removed->replacement == u"apps/v1")
        convertWorkload(object, apiVersion, kind, notes);
    else if (kind == u"Ingress")
        convertIngress(object, notes);
    else if (kind == u"HorizontalPodAutoscaler" && apiVersion == u"autoscaling/v2beta1")
        convertHpaV2beta1(object, notes);
    else if (kind == u"PodDisruptionBudget" && isEmptySelector(path(&object, {u"spec", u"selector"})))
        notes << Tr::tr("In policy/v1 an empty spec.selector selects every pod of the namespace (in policy/v1beta1 it selected none)");
    return true;
}

MigrationResult migrateRemovedApis(const QString &text, int documentIndex)
{
    MigrationResult result;
    const YamlSourceMap map = YamlSourceMap::parse(text);
    QStringList lines = text.split(u'\n');
    std::map<int, QStringList> notesByDocument;
    const QList<YamlDocument> &documents = map.documents();
    for (auto it = documents.crbegin(); it != documents.crend(); ++it) {
        const YamlDocument &doc = *it;
        if (doc.error || doc.isEmpty() || (documentIndex >= 0 && doc.index != documentIndex))
            continue;
        OrderedJson object = OrderedJson::fromYaml(doc, 0);
        QStringList notes;
        if (!migrateObject(object, notes))
            continue;
        const QByteArray yaml = kube::jsonToYaml(object.toJson());
        if (yaml.isEmpty())
            continue;
        // Replace the document's content lines; its "---" line and the comments around it stay.
        int first = doc.node(0).range.line;
        int last = std::min(doc.lastLine, int(lines.size()) - 1);
        while (last > first && isOutsideContent(lines[last]))
            --last;
        QStringList replacement = QString::fromUtf8(yaml).split(u'\n');
        if (replacement.last().isEmpty())
            replacement.removeLast();
        if (isMarkerLine(lines[first]))
            replacement.prepend(u"---"_qs); // content began on the marker line ("--- {…}")
        bool hadComments = false;
        for (int i = first; i <= last; ++i)
            hadComments = hadComments || lines[i].trimmed().startsWith(u'#') || lines[i].contains(u" #");
        if (hadComments)
            notes << Tr::tr("Comments inside the converted document were not kept");
        lines.remove(first, last - first + 1);
        for (int i = 0; i < replacement.size(); ++i)
            lines.insert(first + i, replacement[i]);
        const OrderedJson *name = object.find(u"metadata") ? object.find(u"metadata")->find(u"name") : nullptr;
        const QString kind = object.find(u"kind")->scalar;
        QStringList &documentNotes = notesByDocument[doc.index];
        for (const QString &note : std::as_const(notes)) {
            documentNotes << Tr::tr("Document %1 (%2 %3): %4").arg(doc.index + 1).arg(kind, name ? name->scalar : QString(), note);
        }
        ++result.converted;
    }
    for (const auto &[index, notes] : notesByDocument)
        result.notes += notes;
    result.text = lines.join(u'\n');
    return result;
}

} // namespace timonel
