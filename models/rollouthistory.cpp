#include "rollouthistory.h"

#include "kube/api/yaml.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace timonel {

namespace {

const QString kRevision = QStringLiteral("deployment.kubernetes.io/revision");
const QString kChangeCause = QStringLiteral("kubernetes.io/change-cause");
const QString kHashLabel = QStringLiteral("pod-template-hash");

// kubectl's annotationsToSkip: kept from the Deployment, never copied from the set.
bool skippedOnUndo(const QString &key)
{
    return key == u"kubectl.kubernetes.io/last-applied-configuration" || key == kRevision
        || key == u"deployment.kubernetes.io/revision-history" || key == u"deployment.kubernetes.io/desired-replicas"
        || key == u"deployment.kubernetes.io/max-replicas" || key == u"deprecated.deployment.rollback.to";
}

QJsonObject templateOf(const QJsonObject &object)
{
    return object.value(u"spec").toObject().value(u"template").toObject();
}

QJsonObject annotationsOf(const QJsonObject &object)
{
    return object.value(u"metadata").toObject().value(u"annotations").toObject();
}

// A revision number as kubectl parses it; -1 when absent or not a number.
qint64 revisionOf(const QJsonObject &annotations)
{
    if (!annotations.contains(kRevision))
        return -1;
    bool ok = false;
    const qint64 n = annotations.value(kRevision).toString().toLongLong(&ok);
    return ok ? n : -1;
}

} // namespace

bool controlledBy(const kube::Object &set, const kube::Object &deployment)
{
    const std::optional<kube::OwnerReference> owner = set.controllerRef();
    return owner && !deployment.uid().isEmpty() && owner->uid == deployment.uid();
}

QJsonObject withoutTemplateHash(QJsonObject podTemplate)
{
    QJsonObject metadata = podTemplate.value(u"metadata").toObject();
    QJsonObject labels = metadata.value(u"labels").toObject();
    if (!labels.contains(kHashLabel))
        return podTemplate;
    labels.remove(kHashLabel);
    if (labels.isEmpty())
        metadata.remove(u"labels");
    else
        metadata.insert(u"labels", labels);
    podTemplate.insert(u"metadata", metadata);
    return podTemplate;
}

QString podTemplateYaml(const QJsonObject &podTemplate)
{
    return QString::fromUtf8(kube::jsonToYaml(QJsonDocument(podTemplate).toJson(QJsonDocument::Compact)));
}

QStringList templateImages(const QJsonObject &podTemplate)
{
    QStringList images;
    const QJsonObject spec = podTemplate.value(u"spec").toObject();
    for (const auto *list : {u"containers", u"initContainers"}) {
        for (const QJsonValue &c : spec.value(QStringView(list)).toArray()) {
            const QJsonObject container = c.toObject();
            images.append(container.value(u"name").toString() + u'=' + container.value(u"image").toString());
        }
    }
    return images;
}

RolloutHistory RolloutHistory::from(const kube::Object &deployment, const QList<kube::Object> &replicaSets)
{
    RolloutHistory h;
    h.m_deployment = deployment;
    if (deployment.isNull())
        return h;
    const QJsonObject d = deployment.toJson();
    const QJsonObject deploymentTemplate = withoutTemplateHash(templateOf(d));

    QList<RolloutRevision> all;
    for (const kube::Object &set : replicaSets) {
        if (!controlledBy(set, deployment))
            continue;
        const QJsonObject rs = set.toJson();
        RolloutRevision r;
        r.number = revisionOf(annotationsOf(rs));
        r.changeCause = annotationsOf(rs).value(kChangeCause).toString();
        r.podTemplate = withoutTemplateHash(templateOf(rs));
        r.images = templateImages(r.podTemplate);
        r.created = QDateTime::fromString(set.creationTimestamp(), Qt::ISODate);
        r.replicaSetName = set.name();
        r.replicaSetUid = set.uid();
        const QJsonObject spec = rs.value(u"spec").toObject();
        const QJsonObject status = rs.value(u"status").toObject();
        r.replicas = spec.value(u"replicas").toInt(1);
        r.readyReplicas = status.value(u"readyReplicas").toInt();
        r.availableReplicas = status.value(u"availableReplicas").toInt();
        r.replicaSet = set;
        all.append(r);
    }
    // The new set: the oldest whose template is the Deployment's (ties by name).
    std::sort(all.begin(), all.end(), [](const RolloutRevision &a, const RolloutRevision &b) {
        return a.created != b.created ? a.created < b.created : a.replicaSetName < b.replicaSetName;
    });
    for (RolloutRevision &r : all) {
        if (r.podTemplate == deploymentTemplate) {
            r.current = true;
            h.m_current = std::max<qint64>(r.number, 0);
            break;
        }
    }
    if (h.m_current == 0)
        h.m_current = std::max<qint64>(revisionOf(annotationsOf(d)), 0);
    for (const RolloutRevision &r : std::as_const(all)) {
        if (r.number >= 0)
            h.m_revisions.append(r);
    }
    std::stable_sort(h.m_revisions.begin(), h.m_revisions.end(),
                     [](const RolloutRevision &a, const RolloutRevision &b) { return a.number < b.number; });
    return h;
}

const RolloutRevision *RolloutHistory::revision(qint64 number) const
{
    for (const RolloutRevision &r : m_revisions) {
        if (r.number == number)
            return &r;
    }
    return nullptr;
}

qint64 RolloutHistory::previousRevision() const
{
    return m_revisions.size() < 2 ? 0 : m_revisions.at(m_revisions.size() - 2).number;
}

RolloutHistory::Undo RolloutHistory::undo(qint64 toRevision) const
{
    if (!isDeployment())
        return controllerRevisionUndo(toRevision);
    Undo u;
    const qint64 number = toRevision == 0 ? previousRevision() : toRevision;
    const RolloutRevision *target = number > 0 ? revision(number) : nullptr;
    if (!target) {
        u.message = toRevision == 0 ? tr("no rollout history found for deployment \"%1\"").arg(m_deployment.name())
                                    : tr("unable to find specified revision %1 in history").arg(toRevision);
        return u;
    }
    const QJsonObject d = m_deployment.toJson();
    if (d.value(u"spec").toObject().value(u"paused").toBool()) {
        u.outcome = Undo::Outcome::Paused;
        u.message = tr("you cannot rollback a paused deployment; resume it first and try again");
        return u;
    }
    if (target->podTemplate == withoutTemplateHash(templateOf(d))) {
        u.outcome = Undo::Outcome::AlreadyCurrent;
        u.message = tr("skipped rollback (current template already matches revision %1)").arg(number);
        return u;
    }
    QJsonObject annotations;
    const QJsonObject deploymentAnnotations = annotationsOf(d);
    for (auto it = deploymentAnnotations.begin(); it != deploymentAnnotations.end(); ++it) {
        if (skippedOnUndo(it.key()))
            annotations.insert(it.key(), it.value());
    }
    const QJsonObject setAnnotations = annotationsOf(target->replicaSet.toJson());
    for (auto it = setAnnotations.begin(); it != setAnnotations.end(); ++it) {
        if (!skippedOnUndo(it.key()))
            annotations.insert(it.key(), it.value());
    }
    const QJsonArray patch{
        QJsonObject{{u"op"_qs, u"replace"_qs}, {u"path"_qs, u"/spec/template"_qs}, {u"value"_qs, target->podTemplate}},
        QJsonObject{{u"op"_qs, u"replace"_qs}, {u"path"_qs, u"/metadata/annotations"_qs}, {u"value"_qs, annotations}},
    };
    u.outcome = Undo::Outcome::Patch;
    u.body = QJsonDocument(patch).toJson(QJsonDocument::Compact);
    return u;
}

QByteArray setImagePatch(const kube::Object &deployment, const QString &container, const QString &image,
                         const QString &changeCause)
{
    const QJsonObject templateSpec = templateOf(deployment.toJson()).value(u"spec").toObject();
    for (const QString &list : {u"containers"_qs, u"initContainers"_qs}) {
        const QJsonArray containers = templateSpec.value(list).toArray();
        QJsonArray order;
        bool found = false;
        for (const QJsonValue &c : containers) {
            const QString name = c.toObject().value(u"name").toString();
            order.append(QJsonObject{{u"name"_qs, name}});
            found = found || name == container;
        }
        if (!found)
            continue;
        const QJsonObject spec{
            {u"$setElementOrder/"_qs + list, order},
            {list, QJsonArray{QJsonObject{{u"image"_qs, image}, {u"name"_qs, container}}}},
        };
        QJsonObject patch{{u"spec"_qs, QJsonObject{{u"template"_qs, QJsonObject{{u"spec"_qs, spec}}}}}};
        if (!changeCause.isEmpty())
            patch.insert(u"metadata", QJsonObject{{u"annotations"_qs, QJsonObject{{kChangeCause, changeCause}}}});
        return QJsonDocument(patch).toJson(QJsonDocument::Compact);
    }
    return {};
}

QByteArray pausePatch(bool pause)
{
    return pause ? QByteArrayLiteral(R"({"spec":{"paused":true}})") : QByteArrayLiteral(R"({"spec":{"paused":null}})");
}

} // namespace timonel
