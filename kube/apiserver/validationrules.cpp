// The per-kind validation rules the registry cannot express (upstream's pkg/apis/*/validation):
// which names a kind accepts, workload replicas and selectors, containers, Service ports, and
// the fields an update may not change. Messages as upstream words them.
#include "validation.h"

#include "kube/api/cronjobvalidation.h"

#include "kube/api/kindinfo.h"
#include "kube/api/labels.h"
#include "kube/api/labelselector.h"

#include <QJsonArray>
#include <QSet>

namespace kube {

using namespace validation;

namespace {

// metadata.name per kind, from upstream's Validate<Kind>Name functions. Every kind not listed
// (and every custom resource) takes a DNS-1123 subdomain.
struct NameRule {
    const char16_t *group;
    const char16_t *kind;
    NameValidator validator;
};

const NameRule kNameRules[] = {
    {u"", u"Namespace", nameIsDNSLabel},          // ValidateNamespaceName
    {u"", u"Service", nameIsDNS1035Label},        // ValidateServiceName
    {u"apps", u"StatefulSet", nameIsDNSLabel},    // ValidateStatefulSetName (pod hostnames)
    {u"rbac.authorization.k8s.io", u"Role", nameIsPathSegment}, // ValidateRBACName
    {u"rbac.authorization.k8s.io", u"ClusterRole", nameIsPathSegment},
    {u"rbac.authorization.k8s.io", u"RoleBinding", nameIsPathSegment},
    {u"rbac.authorization.k8s.io", u"ClusterRoleBinding", nameIsPathSegment},
};

StatusCause invalidNumber(const QString &field, qint64 value, const QString &detail)
{
    return {u"FieldValueInvalid"_qs, u"Invalid value: %1: %2"_qs.arg(value).arg(detail), field};
}

StatusCause invalidGo(const QString &field, const QString &rendered, const QString &detail)
{
    return {u"FieldValueInvalid"_qs, u"Invalid value: %1: %2"_qs.arg(rendered, detail), field};
}

Labels labelsOf(const QJsonValue &map)
{
    Labels labels;
    const QJsonObject o = map.toObject();
    for (auto it = o.begin(); it != o.end(); ++it)
        labels.insert(it.key(), it.value().toString());
    return labels;
}

// Go's %#v of a *metav1.LabelSelector, as "field is immutable" prints it.
QString goLabelSelector(const QJsonValue &selector)
{
    if (!selector.isObject())
        return u"null"_qs;
    const QJsonObject s = selector.toObject();
    const QString labels = s.contains(u"matchLabels") ? goValue(s.value(u"matchLabels")) : u"map[string]string(nil)"_qs;
    QStringList exprs;
    for (const QJsonValue &e : s.value(u"matchExpressions").toArray()) {
        const QJsonObject r = e.toObject();
        QStringList values;
        for (const QJsonValue &v : r.value(u"values").toArray())
            values << goQuoted(v.toString());
        exprs << u"v1.LabelSelectorRequirement{Key:%1, Operator:%2, Values:[]string{%3}}"_qs.arg(
            goQuoted(r.value(u"key").toString()), goQuoted(r.value(u"operator").toString()), values.join(u", "_qs));
    }
    const QString expressions = s.contains(u"matchExpressions") ? u"[]v1.LabelSelectorRequirement{"_qs + exprs.join(u", "_qs) + u'}'
                                                                  : u"[]v1.LabelSelectorRequirement(nil)"_qs;
    return u"v1.LabelSelector{MatchLabels:%1, MatchExpressions:%2}"_qs.arg(labels, expressions);
}

void checkReplicas(const QJsonObject &spec, QList<StatusCause> &causes)
{
    const QJsonValue replicas = spec.value(u"replicas");
    if (replicas.isDouble() && replicas.toInteger() < 0)
        causes.append(invalidNumber(u"spec.replicas"_qs, replicas.toInteger(), u"must be greater than or equal to 0"_qs));
}

// A workload's selector: not empty, and matching its pod template's labels.
void checkSelector(const QJsonObject &spec, const QString &kindWord, QList<StatusCause> &causes)
{
    const QJsonValue selectorJson = spec.value(u"selector");
    if (!selectorJson.isObject())
        return; // absent: the registry's required marker reports it
    auto selector = LabelSelector::fromLabelSelectorJson(selectorJson);
    if (!selector.ok()) {
        causes.append(invalidGo(u"spec.selector"_qs, goLabelSelector(selectorJson), selector.error().message()));
        return;
    }
    if (selector->isEmpty()) {
        const QString detail = kindWord == u"daemonset" ? u"empty selector is not valid for daemonset."_qs
                                                        : u"empty selector is invalid for %1"_qs.arg(kindWord);
        causes.append(invalidGo(u"spec.selector"_qs, goLabelSelector(selectorJson), detail));
        return;
    }
    const QJsonValue templateLabels = spec.value(u"template").toObject().value(u"metadata").toObject().value(u"labels");
    if (!selector->matches(labelsOf(templateLabels))) {
        const QString rendered = templateLabels.isObject() ? goValue(templateLabels) : u"map[string]string(nil)"_qs;
        causes.append(invalidGo(u"spec.template.metadata.labels"_qs, rendered, u"`selector` does not match template `labels`"_qs));
    }
}

void checkContainerList(const QJsonArray &containers, const QString &path, QSet<QString> &names, QList<StatusCause> &causes)
{
    for (qsizetype i = 0; i < containers.size(); ++i) {
        const QJsonObject c = containers.at(i).toObject();
        const QString at = path + u'[' + QString::number(i) + u']';
        const QString name = c.value(u"name").toString();
        if (!name.isEmpty()) {
            causes += invalidCauses(at + u".name"_qs, name, isDNS1123Label(name));
            if (names.contains(name))
                causes.append({u"FieldValueDuplicate"_qs, u"Duplicate value: %1"_qs.arg(goQuoted(name)), at + u".name"_qs});
            names.insert(name);
        }
        if (c.value(u"image").toString().isEmpty())
            causes.append(requiredCause(at + u".image"_qs));
        const QJsonArray ports = c.value(u"ports").toArray();
        for (qsizetype p = 0; p < ports.size(); ++p) {
            const QJsonValue port = ports.at(p).toObject().value(u"containerPort");
            if (!port.isDouble())
                continue;
            const QString portPath = at + u".ports["_qs + QString::number(p) + u"].containerPort"_qs;
            for (const QString &m : isValidPortNum(port.toInteger()))
                causes.append(invalidNumber(portPath, port.toInteger(), m));
        }
    }
}

void checkPodSpec(const QJsonValue &specValue, const QString &path, QList<StatusCause> &causes)
{
    if (!specValue.isObject())
        return;
    const QJsonObject spec = specValue.toObject();
    QSet<QString> names;
    checkContainerList(spec.value(u"initContainers").toArray(), path + u".initContainers"_qs, names, causes);
    checkContainerList(spec.value(u"containers").toArray(), path + u".containers"_qs, names, causes);
}

void checkServicePort(const QJsonValue &value, const QString &field, bool nameAllowed, QList<StatusCause> &causes)
{
    if (value.isDouble()) {
        for (const QString &m : isValidPortNum(value.toInteger()))
            causes.append(invalidNumber(field, value.toInteger(), m));
    } else if (value.isString() && nameAllowed) {
        causes += invalidCauses(field, value.toString(), isValidPortName(value.toString()));
    }
}

void checkService(const QJsonObject &spec, QList<StatusCause> &causes)
{
    const QJsonArray ports = spec.value(u"ports").toArray();
    const QString type = spec.value(u"type").toString();
    const bool headless = spec.value(u"clusterIP").toString() == u"None";
    if (ports.isEmpty() && type != u"ExternalName" && !headless)
        causes.append(requiredCause(u"spec.ports"_qs));
    for (qsizetype i = 0; i < ports.size(); ++i) {
        const QJsonObject p = ports.at(i).toObject();
        const QString at = u"spec.ports["_qs + QString::number(i) + u']';
        checkServicePort(p.value(u"port"), at + u".port"_qs, false, causes);
        checkServicePort(p.value(u"targetPort"), at + u".targetPort"_qs, true, causes);
    }
}

void checkImmutableSelector(const QJsonObject &spec, const QJsonObject *old, QList<StatusCause> &causes)
{
    if (!old)
        return;
    const QJsonValue before = old->value(u"spec").toObject().value(u"selector");
    const QJsonValue after = spec.value(u"selector");
    if (before != after)
        causes.append(invalidGo(u"spec.selector"_qs, goLabelSelector(after), u"field is immutable"_qs));
}

} // namespace

NameValidator nameValidatorFor(const KindInfo &kind)
{
    if (kind.isCustom)
        return nameIsDNSSubdomain;
    for (const NameRule &rule : kNameRules) {
        if (kind.gvk.group == QStringView(rule.group) && kind.gvk.kind == QStringView(rule.kind))
            return rule.validator;
    }
    return nameIsDNSSubdomain;
}

QList<StatusCause> validateKindRules(const QJsonObject &object, const KindInfo &kind, const QJsonObject *old)
{
    QList<StatusCause> causes;
    if (kind.isCustom)
        return causes;
    const QString &group = kind.gvk.group;
    const QString &k = kind.gvk.kind;
    const QJsonObject spec = object.value(u"spec").toObject();

    if (group == u"apps" && (k == u"Deployment" || k == u"ReplicaSet" || k == u"StatefulSet" || k == u"DaemonSet")) {
        if (k != u"DaemonSet")
            checkReplicas(spec, causes);
        const QString word = k == u"ReplicaSet" ? u"deployment"_qs : k.toLower(); // upstream's wording
        checkSelector(spec, word, causes);
        checkImmutableSelector(spec, old, causes);
        checkPodSpec(spec.value(u"template").toObject().value(u"spec"), u"spec.template.spec"_qs, causes);
    } else if (group.isEmpty() && k == u"ReplicationController") {
        checkReplicas(spec, causes);
        checkPodSpec(spec.value(u"template").toObject().value(u"spec"), u"spec.template.spec"_qs, causes);
    } else if (group.isEmpty() && k == u"Pod") {
        checkPodSpec(spec, u"spec"_qs, causes);
    } else if (group == u"batch" && k == u"Job") {
        checkPodSpec(spec.value(u"template").toObject().value(u"spec"), u"spec.template.spec"_qs, causes);
    } else if (group == u"batch" && k == u"CronJob") {
        const QString name = object.value(u"metadata").toObject().value(u"name").toString();
        if (name.size() > 52)
            causes.append(invalidCause(u"metadata.name"_qs, name, u"must be no more than 52 characters"_qs));
        const QJsonObject jobSpec = spec.value(u"jobTemplate").toObject().value(u"spec").toObject();
        checkPodSpec(jobSpec.value(u"template").toObject().value(u"spec"), u"spec.jobTemplate.spec.template.spec"_qs, causes);
        const QJsonObject oldSpec = old ? old->value(u"spec").toObject() : QJsonObject();
        causes += validateCronJobSpec(spec, old ? &oldSpec : nullptr); // schedule, timeZone, limits
    } else if (group.isEmpty() && k == u"Service") {
        checkService(spec, causes);
    } else if (group == u"apiextensions.k8s.io" && k == u"CustomResourceDefinition") {
        const QString name = object.value(u"metadata").toObject().value(u"name").toString();
        const QString expected = spec.value(u"names").toObject().value(u"plural").toString() + u'.' + spec.value(u"group").toString();
        if (!name.isEmpty() && name != expected)
            causes.append(invalidCause(u"metadata.name"_qs, name, u"must be spec.names.plural+\".\"+spec.group"_qs));
    }
    return causes;
}

} // namespace kube
