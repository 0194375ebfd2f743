#include "daemonpods.h"

#include "daemonsetinfo.h"

#include "kube/controllers/history/controllerrevisions.h"
#include "kube/controllers/replicaset/replicasetstatus.h"

#include <algorithm>

namespace kube {

namespace {

QJsonObject toleration(const char *key, const char *effect)
{
    return {{u"key"_qs, QLatin1StringView(key)}, {u"operator"_qs, u"Exists"_qs}, {u"effect"_qs, QLatin1StringView(effect)}};
}

// v1helper.AddOrUpdateTolerationInPodSpec: Toleration.MatchToleration compares key, operator,
// value and effect; a match that differs otherwise (tolerationSeconds) is replaced.
void addOrUpdateToleration(QJsonArray &tolerations, const QJsonObject &wanted)
{
    const auto same = [&wanted](const QJsonObject &t) {
        for (const auto *field : {u"key", u"operator", u"value", u"effect"}) {
            if (t.value(field).toString() != wanted.value(field).toString())
                return false;
        }
        return true;
    };
    for (qsizetype i = 0; i < tolerations.size(); ++i) {
        const QJsonObject existing = tolerations.at(i).toObject();
        if (!same(existing))
            continue;
        if (existing != wanted)
            tolerations.replace(i, wanted);
        return;
    }
    tolerations.append(wanted);
}

} // namespace

void addDaemonPodTolerations(QJsonObject &podSpec)
{
    QJsonArray tolerations = podSpec.value(u"tolerations").toArray();
    // Daemon pods survive node problems: the node lifecycle's taint-based eviction spares them.
    addOrUpdateToleration(tolerations, toleration("node.kubernetes.io/not-ready", "NoExecute"));
    addOrUpdateToleration(tolerations, toleration("node.kubernetes.io/unreachable", "NoExecute"));
    // TaintNodesByCondition: daemons run on nodes under pressure and on cordoned nodes.
    addOrUpdateToleration(tolerations, toleration("node.kubernetes.io/disk-pressure", "NoSchedule"));
    addOrUpdateToleration(tolerations, toleration("node.kubernetes.io/memory-pressure", "NoSchedule"));
    addOrUpdateToleration(tolerations, toleration("node.kubernetes.io/pid-pressure", "NoSchedule"));
    addOrUpdateToleration(tolerations, toleration("node.kubernetes.io/unschedulable", "NoSchedule"));
    if (podSpec.value(u"hostNetwork").toBool())
        addOrUpdateToleration(tolerations, toleration("node.kubernetes.io/network-unavailable", "NoSchedule"));
    podSpec.insert(u"tolerations", tolerations);
}

void replaceNodeNameAffinity(QJsonObject &podSpec, const QString &nodeName)
{
    const QJsonObject term{{u"matchFields"_qs, QJsonArray{QJsonObject{
        {u"key"_qs, u"metadata.name"_qs}, {u"operator"_qs, u"In"_qs}, {u"values"_qs, QJsonArray{nodeName}}}}}};
    QJsonObject affinity = podSpec.value(u"affinity").toObject();
    QJsonObject nodeAffinity = affinity.value(u"nodeAffinity").toObject();
    nodeAffinity.insert(u"requiredDuringSchedulingIgnoredDuringExecution", QJsonObject{{u"nodeSelectorTerms"_qs, QJsonArray{term}}});
    affinity.insert(u"nodeAffinity", nodeAffinity);
    podSpec.insert(u"affinity", affinity);
}

QJsonObject daemonPodTemplate(const DaemonSetInfo &ds, const QString &hash)
{
    QJsonObject podTemplate = ds.podTemplate;
    QJsonObject spec = podTemplate.value(u"spec").toObject();
    addDaemonPodTolerations(spec);
    podTemplate.insert(u"spec", spec);
    QJsonObject metadata = podTemplate.value(u"metadata").toObject();
    QJsonObject labels = metadata.value(u"labels").toObject();
    // Without the API server's deprecated annotation, the generation stands in: it changes with
    // every template change too.
    labels.insert(QLatin1StringView(PodTemplateGenerationLabel), QString::number(ds.templateGeneration.value_or(ds.generation)));
    if (!hash.isEmpty())
        labels.insert(QLatin1StringView(history::ControllerRevisionHashLabel), hash);
    metadata.insert(u"labels", labels);
    podTemplate.insert(u"metadata", metadata);
    return podTemplate;
}

QJsonObject newDaemonPod(const DaemonSetInfo &ds, const QJsonObject &daemonTemplate, const QString &nodeName)
{
    QJsonObject podTemplate = daemonTemplate;
    QJsonObject spec = podTemplate.value(u"spec").toObject();
    replaceNodeNameAffinity(spec, nodeName);
    podTemplate.insert(u"spec", spec);
    return podFromTemplate(podTemplate, OwnerInfo{u"apps/v1"_qs, u"DaemonSet"_qs, ds.name, ds.uid, ds.namespace_});
}

QString targetNodeName(const QJsonObject &pod)
{
    const QJsonObject spec = pod.value(u"spec").toObject();
    const QString nodeName = spec.value(u"nodeName").toString();
    if (!nodeName.isEmpty())
        return nodeName;
    const QJsonArray terms = spec.value(u"affinity").toObject().value(u"nodeAffinity").toObject()
                                 .value(u"requiredDuringSchedulingIgnoredDuringExecution").toObject()
                                 .value(u"nodeSelectorTerms").toArray();
    for (const QJsonValue &term : terms) {
        for (const QJsonValue &field : term.toObject().value(u"matchFields").toArray()) {
            const QJsonObject requirement = field.toObject();
            if (requirement.value(u"key").toString() != u"metadata.name" || requirement.value(u"operator").toString() != u"In")
                continue;
            const QJsonArray values = requirement.value(u"values").toArray();
            return values.size() == 1 ? values.first().toString() : QString();
        }
    }
    return {};
}

bool isPodUpdated(const Object &pod, const QString &hash, std::optional<qint64> templateGeneration)
{
    const Labels &labels = pod.labels();
    if (templateGeneration && labels.value(QString::fromLatin1(PodTemplateGenerationLabel)) == QString::number(*templateGeneration))
        return true;
    return !hash.isEmpty() && labels.value(QString::fromLatin1(history::ControllerRevisionHashLabel)) == hash;
}

void sortByCreationAndPhase(QList<PodInfo> &pods)
{
    std::stable_sort(pods.begin(), pods.end(), [](const PodInfo &a, const PodInfo &b) {
        if (a.nodeName.isEmpty() != b.nodeName.isEmpty())
            return !a.nodeName.isEmpty();
        if (a.created != b.created)
            return a.created < b.created;
        return a.name < b.name;
    });
}

} // namespace kube
