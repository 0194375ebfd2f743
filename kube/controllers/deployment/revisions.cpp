#include "revisions.h"

#include "podtemplatehash.h"
#include "rolling.h"

#include <QJsonArray>

#include <algorithm>

namespace kube {

namespace {

bool skipCopy(const QString &key)
{
    return key == QLatin1StringView(deploymentannotation::Revision) || key == QLatin1StringView(deploymentannotation::RevisionHistory)
        || key == QLatin1StringView(deploymentannotation::DesiredReplicas) || key == QLatin1StringView(deploymentannotation::MaxReplicas)
        || key == u"kubectl.kubernetes.io/last-applied-configuration" || key == u"deprecated.deployment.rollback.to";
}

// Upstream bounds revision-history to this many characters.
constexpr qsizetype MaxRevisionHistoryChars = 2000;

} // namespace

std::optional<ReplicaSetInfo> findNewReplicaSet(const DeploymentInfo &d, const QList<ReplicaSetInfo> &sets)
{
    QList<ReplicaSetInfo> sorted = sets;
    sortByCreation(sorted);
    for (const auto &rs : sorted) {
        if (templatesEqualIgnoringHash(rs.podTemplate, d.podTemplate))
            return rs;
    }
    return std::nullopt;
}

QList<ReplicaSetInfo> oldReplicaSets(const QList<ReplicaSetInfo> &sets, const QString &newName)
{
    QList<ReplicaSetInfo> old;
    for (const auto &rs : sets) {
        if (rs.name != newName)
            old.append(rs);
    }
    return old;
}

qint64 maxRevision(const QList<ReplicaSetInfo> &sets)
{
    qint64 max = 0;
    for (const auto &rs : sets)
        max = std::max(max, rs.revision);
    return max;
}

bool setReplicasAnnotations(QJsonObject &annotations, int desired, int max)
{
    bool changed = false;
    const QString desiredText = QString::number(desired);
    const QString maxText = QString::number(max);
    if (annotations.value(QLatin1StringView(deploymentannotation::DesiredReplicas)).toString() != desiredText) {
        annotations.insert(QLatin1StringView(deploymentannotation::DesiredReplicas), desiredText);
        changed = true;
    }
    if (annotations.value(QLatin1StringView(deploymentannotation::MaxReplicas)).toString() != maxText) {
        annotations.insert(QLatin1StringView(deploymentannotation::MaxReplicas), maxText);
        changed = true;
    }
    return changed;
}

bool setNewReplicaSetAnnotations(const DeploymentInfo &d, QJsonObject &annotations, qint64 newRevision, bool exists)
{
    bool changed = false;
    const QJsonObject deploymentAnnotations = d.object.isNull() ? QJsonObject()
        : d.object.toJson().value(u"metadata").toObject().value(u"annotations").toObject();
    for (auto it = deploymentAnnotations.begin(); it != deploymentAnnotations.end(); ++it) {
        if (skipCopy(it.key()) || annotations.value(it.key()) == it.value())
            continue;
        annotations.insert(it.key(), it.value());
        changed = true;
    }
    const QString revisionKey = QLatin1StringView(deploymentannotation::Revision);
    const bool hadRevision = annotations.contains(revisionKey);
    const QString oldRevision = annotations.value(revisionKey).toString();
    const qint64 oldNumber = oldRevision.toLongLong();
    if (oldNumber < newRevision) {
        annotations.insert(revisionKey, QString::number(newRevision));
        changed = true;
        // A set that becomes new again is a rollback: keep the numbers it had.
        if (hadRevision && !oldRevision.isEmpty()) {
            const QString historyKey = QLatin1StringView(deploymentannotation::RevisionHistory);
            const QString history = annotations.value(historyKey).toString();
            QString next = history.isEmpty() ? oldRevision : history + u',' + oldRevision;
            while (next.size() > MaxRevisionHistoryChars && next.contains(u','))
                next = next.mid(next.indexOf(u',') + 1);
            annotations.insert(historyKey, next);
        }
    }
    if (!exists && setReplicasAnnotations(annotations, d.replicas, d.replicas + maxSurge(d)))
        changed = true;
    return changed;
}

QJsonObject buildNewReplicaSet(const DeploymentInfo &d, const QString &podTemplateHash, qint64 revision, int replicas)
{
    const QJsonObject deployment = d.object.toJson();
    const QJsonObject deploymentMeta = deployment.value(u"metadata").toObject();
    const QJsonObject spec = deployment.value(u"spec").toObject();
    const QString hashKey = QLatin1StringView(PodTemplateHashLabel);

    QJsonObject podTemplate = d.podTemplate;
    QJsonObject templateMeta = podTemplate.value(u"metadata").toObject();
    QJsonObject templateLabels = templateMeta.value(u"labels").toObject();
    templateLabels.insert(hashKey, podTemplateHash);
    templateMeta.insert(u"labels", templateLabels);
    podTemplate.insert(u"metadata", templateMeta);

    QJsonObject selector = spec.value(u"selector").toObject();
    QJsonObject matchLabels = selector.value(u"matchLabels").toObject();
    matchLabels.insert(hashKey, podTemplateHash);
    selector.insert(u"matchLabels", matchLabels);

    QJsonObject labels = templateMeta.value(u"labels").toObject();
    QJsonObject annotations;
    setNewReplicaSetAnnotations(d, annotations, revision, false);

    const QJsonObject owner{
        {u"apiVersion"_qs, u"apps/v1"_qs},
        {u"kind"_qs, u"Deployment"_qs},
        {u"name"_qs, d.name},
        {u"uid"_qs, deploymentMeta.value(u"uid")},
        {u"controller"_qs, true},
        {u"blockOwnerDeletion"_qs, true},
    };
    QJsonObject metadata{
        {u"name"_qs, d.name + u'-' + podTemplateHash},
        {u"namespace"_qs, deploymentMeta.value(u"namespace")},
        {u"labels"_qs, labels},
        {u"annotations"_qs, annotations},
        {u"ownerReferences"_qs, QJsonArray{owner}},
    };
    QJsonObject rsSpec{
        {u"replicas"_qs, replicas},
        {u"minReadySeconds"_qs, d.minReadySeconds},
        {u"selector"_qs, selector},
        {u"template"_qs, podTemplate},
    };
    return QJsonObject{
        {u"apiVersion"_qs, u"apps/v1"_qs},
        {u"kind"_qs, u"ReplicaSet"_qs},
        {u"metadata"_qs, metadata},
        {u"spec"_qs, rsSpec},
    };
}

QStringList replicaSetsToCleanUp(const DeploymentInfo &d, const QList<ReplicaSetInfo> &oldSets)
{
    QList<ReplicaSetInfo> cleanable;
    for (const auto &rs : oldSets) {
        if (!rs.object.isBeingDeleted())
            cleanable.append(rs);
    }
    const qsizetype excess = cleanable.size() - d.revisionHistoryLimit;
    if (excess <= 0)
        return {};
    std::stable_sort(cleanable.begin(), cleanable.end(), [](const ReplicaSetInfo &a, const ReplicaSetInfo &b) {
        if (a.revision != b.revision)
            return a.revision < b.revision;
        return a.created < b.created;
    });
    QStringList names;
    for (qsizetype i = 0; i < excess; ++i) {
        const auto &rs = cleanable.at(i);
        if (rs.statusReplicas != 0 || rs.specReplicas != 0)
            continue;
        names.append(rs.name);
    }
    return names;
}

} // namespace kube
