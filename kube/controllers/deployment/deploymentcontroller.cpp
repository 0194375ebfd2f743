#include "deploymentcontroller.h"

#include "podtemplatehash.h"
#include "progress.h"
#include "replicasetinfo.h"
#include "revisions.h"
#include "rolling.h"

#include "kube/api/clock.h"
#include "kube/cache/sharedinformer.h"
#include "kube/client/restclient.h"
#include "kube/controllers/eventrecorder.h"
#include "kube/controllers/podinfo.h"

#include <QJsonDocument>

namespace kube {

namespace {

QJsonObject withCondition(QJsonObject status, const QString &type, const QString &value, const char *reason,
                          const QString &message, const QDateTime &now)
{
    setDeploymentCondition(status, type, value, QLatin1StringView(reason), message, now);
    return status;
}

} // namespace

DeploymentController::DeploymentController(const ControllerContext &context, QObject *parent)
    : Controller(u"deployment-controller"_qs, context, parent)
    , m_deployments(context.informer(gvr::deployments()))
    , m_replicaSets(context.informer(gvr::replicaSets()))
    , m_pods(context.informer(gvr::pods()))
{
    ResourceEventHandler deployments;
    deployments.added = [this](const Object &o) { enqueue(o); };
    deployments.updated = [this](const Object &, const Object &o) { enqueue(o); };
    deployments.deleted = [this](const Object &o, DeleteState) { enqueue(o); };
    m_deployments->addEventHandler(this, deployments);

    ResourceEventHandler sets;
    sets.added = [this](const Object &o) { enqueueOwner(o); };
    sets.updated = [this](const Object &, const Object &o) { enqueueOwner(o); };
    sets.deleted = [this](const Object &o, DeleteState) { enqueueOwner(o); };
    m_replicaSets->addEventHandler(this, sets);

    // Recreate waits for the old pods to be gone: their deletions bring the Deployment back.
    ResourceEventHandler pods;
    pods.deleted = [this](const Object &pod, DeleteState) {
        const auto ref = pod.controllerRef();
        if (!ref || ref->kind != u"ReplicaSet")
            return;
        if (const auto rs = m_replicaSets->lister().get(pod.namespace_(), ref->name))
            enqueueOwner(*rs);
    };
    m_pods->addEventHandler(this, pods);
}

void DeploymentController::enqueueOwner(const Object &replicaSet)
{
    const auto ref = replicaSet.controllerRef();
    if (ref && ref->kind == u"Deployment")
        enqueue(queueKey(replicaSet.namespace_(), ref->name));
}

int DeploymentController::activePodsOf(const QList<ReplicaSetInfo> &sets) const
{
    int count = 0;
    for (const auto &rs : sets) {
        for (const Object &pod : m_pods->lister().byIndex(u"ownerUid"_qs, rs.object.uid())) {
            if (isPodActive(PodInfo::from(pod)))
                ++count;
        }
    }
    return count;
}

void DeploymentController::scaleReplicaSet(const DeploymentInfo &d, const ReplicaSetInfo &rs, int to,
                                           std::function<void(const Status &)> report)
{
    QJsonObject json = rs.object.toJson();
    QJsonObject spec = json.value(u"spec").toObject();
    spec.insert(u"replicas", to);
    json.insert(u"spec", spec);
    QJsonObject metadata = json.value(u"metadata").toObject();
    QJsonObject annotations = metadata.value(u"annotations").toObject();
    setReplicasAnnotations(annotations, d.replicas, d.replicas + maxSurge(d));
    metadata.insert(u"annotations", annotations);
    json.insert(u"metadata", metadata);
    const int from = rs.specReplicas;
    m_context.client->update({gvr::replicaSets(), rs.object.namespace_(), rs.name, QString()}, Object::fromJson(json),
        [this, d, name = rs.name, from, to, report](Expected<Object> r) {
            if (!r) {
                report(r.error());
                return;
            }
            m_context.events->record(d.object, EventRecorder::Type::Normal, u"ScalingReplicaSet"_qs,
                                     QStringLiteral("Scaled %1 replica set %2 from %3 to %4")
                                         .arg(to > from ? u"up"_qs : u"down"_qs, name).arg(from).arg(to),
                                     this->name());
            report({});
        });
}

void DeploymentController::createNewReplicaSet(const DeploymentInfo &d, const QList<ReplicaSetInfo> &all, qint64 revision,
                                               std::function<void(const Status &)> report)
{
    const QString hash = computePodTemplateHash(d.podTemplate, d.collisionCount);
    ReplicaSetInfo empty;
    const int replicas = d.recreate ? d.replicas : newReplicaSetReplicas(d, all, empty);
    const QJsonObject rs = buildNewReplicaSet(d, hash, revision, replicas);
    const QString rsName = rs.value(u"metadata").toObject().value(u"name").toString();
    const QDateTime now = m_context.clock->now();
    m_context.client->create({gvr::replicaSets(), d.object.namespace_(), QString(), QString()}, Object::fromJson(rs),
        [this, d, rsName, replicas, revision, now, report](Expected<Object> created) {
            if (!created) {
                if (!created.error().is(reason::AlreadyExists)) {
                    report(created.error());
                    return;
                }
                // A set of that name exists. Ask the API server, not the informer: the set may
                // be ours from an earlier sync that the cache has not seen yet, and taking that
                // for a collision would create a second set. Another owner's set or another
                // template is a hash collision: bump collisionCount so the next hash differs
                // (upstream's getNewReplicaSet).
                m_context.client->get({gvr::replicaSets(), d.object.namespace_(), rsName, QString()},
                    [this, d, report](Expected<Object> existing) {
                        if (!existing) {
                            report(existing.error());
                            return;
                        }
                        const auto ref = existing->controllerRef();
                        if (ref && ref->uid == d.object.uid()
                            && templatesEqualIgnoringHash(ReplicaSetInfo::from(*existing).podTemplate, d.podTemplate)) {
                            report({});
                            return;
                        }
                        QJsonObject json = d.object.toJson();
                        QJsonObject status = json.value(u"status").toObject();
                        status.insert(u"collisionCount", d.collisionCount.value_or(0) + 1);
                        json.insert(u"status", status);
                        m_context.client->update({gvr::deployments(), d.object.namespace_(), d.name, u"status"_qs},
                                                 Object::fromJson(json),
                                                 [report](Expected<Object> r) { report(r.ok() ? Status() : r.error()); });
                    });
                return;
            }
            if (replicas > 0)
                m_context.events->record(d.object, EventRecorder::Type::Normal, u"ScalingReplicaSet"_qs,
                                         QStringLiteral("Scaled up replica set %1 from 0 to %2").arg(rsName).arg(replicas), name());
            // The Deployment carries its revision, and says a new set was created.
            QJsonObject json = d.object.toJson();
            QJsonObject metadata = json.value(u"metadata").toObject();
            QJsonObject annotations = metadata.value(u"annotations").toObject();
            annotations.insert(QLatin1StringView(deploymentannotation::Revision), QString::number(revision));
            metadata.insert(u"annotations", annotations);
            json.insert(u"metadata", metadata);
            json.insert(u"status", withCondition(json.value(u"status").toObject(), u"Progressing"_qs, u"True"_qs,
                                                 deploymentreason::NewReplicaSetCreated,
                                                 QStringLiteral("Created new replica set \"%1\"").arg(rsName), now));
            m_context.client->update({gvr::deployments(), d.object.namespace_(), d.name, QString()}, Object::fromJson(json),
                [this, json, d, report](Expected<Object> updated) {
                    if (!updated) {
                        report(updated.error());
                        return;
                    }
                    QJsonObject withStatus = updated->toJson();
                    withStatus.insert(u"status", json.value(u"status"));
                    m_context.client->update({gvr::deployments(), d.object.namespace_(), d.name, u"status"_qs}, Object::fromJson(withStatus),
                                             [report](Expected<Object> r) { report(r.ok() ? Status() : r.error()); });
                });
        });
}

void DeploymentController::writeStatus(const DeploymentInfo &d, const QList<ReplicaSetInfo> &all, const ReplicaSetInfo *newRS,
                                       std::function<void(const Status &)> report)
{
    const QDateTime now = m_context.clock->now();
    RolloutStatus rollout = rolloutStatus(d, all, newRS, now);
    if (d.paused)
        setDeploymentCondition(rollout.status, u"Progressing"_qs, u"Unknown"_qs, QLatin1StringView(deploymentreason::DeploymentPaused),
                               u"Deployment is paused"_qs, now);
    else if (deploymentCondition(d.status, u"Progressing"_qs).value(u"reason").toString() == QLatin1StringView(deploymentreason::DeploymentPaused))
        setDeploymentCondition(rollout.status, u"Progressing"_qs, u"Unknown"_qs, QLatin1StringView(deploymentreason::DeploymentResumed),
                               u"Deployment is resumed"_qs, now);
    if (rollout.recheckAfterMs)
        enqueueAfter(queueKey(d.object.namespace_(), d.name), *rollout.recheckAfterMs);
    if (rollout.status == d.status) {
        report({});
        return;
    }
    QJsonObject json = d.object.toJson();
    json.insert(u"status", rollout.status);
    m_context.client->update({gvr::deployments(), d.object.namespace_(), d.name, u"status"_qs}, Object::fromJson(json),
                             [report](Expected<Object> r) { report(r.ok() || r.error().is(reason::NotFound) ? Status() : r.error()); });
}

void DeploymentController::sync(const QString &key, Done done)
{
    const auto [ns, objectName] = splitQueueKey(key);
    const std::optional<Object> object = m_deployments->lister().get(ns, objectName);
    if (!object || object->isBeingDeleted()) {
        done({});
        return;
    }
    const DeploymentInfo d = DeploymentInfo::from(*object);
    QList<ReplicaSetInfo> all;
    for (const Object &rs : m_replicaSets->lister().byIndex(u"ownerUid"_qs, object->uid())) {
        const auto ref = rs.controllerRef();
        if (ref && ref->uid == object->uid())
            all.append(ReplicaSetInfo::from(rs));
    }

    auto join = std::make_shared<WriteJoin>(std::move(done));
    const std::optional<ReplicaSetInfo> newRS = findNewReplicaSet(d, all);
    const QList<ReplicaSetInfo> old = oldReplicaSets(all, newRS ? newRS->name : QString());
    const qint64 newRevision = maxRevision(old) + 1;

    if (d.paused) {
        // Scaling a paused Deployment resizes its current set; no rollout happens.
        if (newRS && old.isEmpty() && newRS->specReplicas != d.replicas) {
            scaleReplicaSet(d, *newRS, d.replicas, join->expect());
            return;
        }
        writeStatus(d, all, newRS ? &*newRS : nullptr, join->expect());
        return;
    }

    if (!newRS) {
        if (d.recreate) {
            bool scaled = false;
            for (const auto &rs : old) {
                if (rs.specReplicas > 0) {
                    scaleReplicaSet(d, rs, 0, join->expect());
                    scaled = true;
                }
            }
            if (scaled || activePodsOf(old) > 0) {
                writeStatus(d, all, nullptr, join->expect());
                return;
            }
        }
        createNewReplicaSet(d, all, newRevision, join->expect());
        return;
    }

    // The new set's annotations follow the Deployment's (revision, change-cause).
    {
        QJsonObject json = newRS->object.toJson();
        QJsonObject metadata = json.value(u"metadata").toObject();
        QJsonObject annotations = metadata.value(u"annotations").toObject();
        if (setNewReplicaSetAnnotations(d, annotations, newRevision, true)) {
            metadata.insert(u"annotations", annotations);
            json.insert(u"metadata", metadata);
            auto report = join->expect();
            m_context.client->update({gvr::replicaSets(), ns, newRS->name, QString()}, Object::fromJson(json),
                                     [report](Expected<Object> r) { report(r.ok() ? Status() : r.error()); });
            return;
        }
    }
    const QString revisionText = QString::number(newRS->revision);
    if (object->annotations().value(QString::fromLatin1(deploymentannotation::Revision)) != revisionText) {
        QJsonObject json = object->toJson();
        QJsonObject metadata = json.value(u"metadata").toObject();
        QJsonObject annotations = metadata.value(u"annotations").toObject();
        annotations.insert(QLatin1StringView(deploymentannotation::Revision), revisionText);
        metadata.insert(u"annotations", annotations);
        json.insert(u"metadata", metadata);
        auto report = join->expect();
        m_context.client->update({gvr::deployments(), ns, objectName, QString()}, Object::fromJson(json),
                                 [report](Expected<Object> r) { report(r.ok() ? Status() : r.error()); });
        return;
    }

    QList<ReplicaSetInfo> activeOld;
    for (const auto &rs : old) {
        if (rs.specReplicas > 0)
            activeOld.append(rs);
    }

    if (d.recreate) {
        if (!activeOld.isEmpty()) {
            for (const auto &rs : activeOld)
                scaleReplicaSet(d, rs, 0, join->expect());
        } else if (activePodsOf(old) == 0 && newRS->specReplicas != d.replicas) {
            scaleReplicaSet(d, *newRS, d.replicas, join->expect());
        }
        writeStatus(d, all, &*newRS, join->expect());
        return;
    }

    if (const auto step = reconcileNewReplicaSet(d, all, *newRS)) {
        scaleReplicaSet(d, *newRS, step->to, join->expect());
        writeStatus(d, all, &*newRS, join->expect());
        return;
    }
    const QList<ScaleStep> steps = reconcileOldReplicaSets(d, activeOld, *newRS);
    for (const auto &step : steps) {
        for (const auto &rs : activeOld) {
            if (rs.name == step.name)
                scaleReplicaSet(d, rs, step.to, join->expect());
        }
    }
    if (steps.isEmpty()) {
        const QJsonObject status = rolloutStatus(d, all, &*newRS, m_context.clock->now()).status;
        if (deploymentComplete(d, status)) {
            for (const QString &victim : replicaSetsToCleanUp(d, old)) {
                auto report = join->expect();
                m_context.client->remove({gvr::replicaSets(), ns, victim, QString()},
                                         [report](Expected<Object> r) { report(r.ok() || r.error().is(reason::NotFound) ? Status() : r.error()); });
            }
        }
    }
    writeStatus(d, all, &*newRS, join->expect());
}

} // namespace kube
