#include "replicasetcontroller.h"

#include "kube/controllers/deferreddone.h"
#include "replicasetstatus.h"

#include "kube/api/clock.h"
#include "kube/api/labelselector.h"
#include "kube/cache/sharedinformer.h"
#include "kube/client/restclient.h"
#include "kube/controllers/eventrecorder.h"
#include "kube/controllers/podinfo.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace kube {

namespace {

// Most pods one sync creates; the rest follow in the next syncs (upstream's burst).
constexpr int MaxBurst = 500;

// Real milliseconds a non-urgent pod change waits before its set is synced: the changes that
// arrive meanwhile are folded into the same sync (and the same status write).
constexpr int BatchDelayMs = 50;

Expected<LabelSelector> selectorOf(const QJsonObject &spec, bool mapSelector)
{
    if (!mapSelector)
        return LabelSelector::fromLabelSelectorJson(spec.value(u"selector"));
    QJsonObject map = spec.value(u"selector").toObject();
    if (map.isEmpty())
        map = spec.value(u"template").toObject().value(u"metadata").toObject().value(u"labels").toObject();
    Labels labels;
    for (auto it = map.begin(); it != map.end(); ++it)
        labels.insert(it.key(), it.value().toString());
    return LabelSelector::fromSet(labels);
}

} // namespace

ReplicaSetKind ReplicaSetKind::replicaSets()
{
    return {gvr::replicaSets(), u"apps/v1"_qs, u"ReplicaSet"_qs, false, u"replicaset-controller"_qs};
}

ReplicaSetKind ReplicaSetKind::replicationControllers()
{
    return {gvr::replicationControllers(), u"v1"_qs, u"ReplicationController"_qs, true, u"replication-controller"_qs};
}

ReplicaSetController::ReplicaSetController(const ControllerContext &context, ReplicaSetKind kind, QObject *parent)
    : Controller(kind.component, context, parent)
    , m_kind(std::move(kind))
    , m_owners(context.informer(m_kind.resource))
    , m_pods(context.informer(gvr::pods()))
    , m_expectations(context.realClock()) // a guard against lost watch events: real time under --speed
    , m_ownedPods(m_kind.kind)
{
    ResourceEventHandler owners;
    owners.added = [this](const Object &o) { enqueue(o); };
    owners.updated = [this](const Object &, const Object &o) { enqueue(o); };
    owners.deleted = [this](const Object &o, DeleteState) {
        m_expectations.forget(queueKey(o.namespace_(), o.name()));
        enqueue(o);
    };
    m_owners->addEventHandler(this, owners);

    ResourceEventHandler pods;
    pods.added = [this](const Object &p) { podAdded(p); };
    pods.updated = [this](const Object &o, const Object &n) { podUpdated(o, n); };
    pods.deleted = [this](const Object &p, DeleteState) { podDeleted(p); };
    pods.synced = [this] { m_podsSynced = true; };
    m_pods->addEventHandler(this, pods);
}

QString ReplicaSetController::ownerKey(const Object &pod) const
{
    const auto ref = pod.controllerRef();
    if (!ref || ref->kind != m_kind.kind)
        return {};
    return queueKey(pod.namespace_(), ref->name);
}

void ReplicaSetController::enqueueMatchingOwners(const Object &pod)
{
    for (const Object &owner : m_owners->lister().list(pod.namespace_())) {
        const auto selector = selectorOf(owner.toJson().value(u"spec").toObject(), m_kind.mapSelector);
        if (selector && !selector->isEmpty() && selector->matches(pod.labels()))
            enqueue(owner);
    }
}

void ReplicaSetController::notifyOwner(const QString &owner, bool urgent)
{
    if (urgent || m_expectations.satisfied(owner))
        enqueue(owner);
    else
        enqueueAfterRealTime(owner, BatchDelayMs);
}

void ReplicaSetController::podAdded(const Object &pod)
{
    m_ownedPods.upsert(pod);
    const QString owner = ownerKey(pod);
    if (owner.isEmpty()) {
        if (!pod.controllerRef() && !pod.isBeingDeleted())
            enqueueMatchingOwners(pod);
        return;
    }
    m_expectations.creationObserved(owner);
    notifyOwner(owner, false); // urgent once the last expected creation arrived
}

void ReplicaSetController::podUpdated(const Object &oldPod, const Object &newPod)
{
    const std::optional<bool> wasActive = m_ownedPods.isActive(oldPod);
    m_ownedPods.upsert(newPod);
    const QString oldOwner = ownerKey(oldPod);
    const QString newOwner = ownerKey(newPod);
    if (!oldOwner.isEmpty() && oldOwner != newOwner)
        enqueue(oldOwner);
    if (!newOwner.isEmpty()) {
        // Only a change of activeness (finished, deleting) or of owner can call for a pod to be
        // created or deleted; a status change of an active pod only moves the counts.
        const bool urgent = oldOwner != newOwner || wasActive != m_ownedPods.isActive(newPod);
        notifyOwner(newOwner, urgent);
    } else if (!newPod.controllerRef()) {
        enqueueMatchingOwners(newPod);
    }
}

void ReplicaSetController::podDeleted(const Object &pod)
{
    m_ownedPods.remove(pod);
    const QString owner = ownerKey(pod);
    if (owner.isEmpty())
        return;
    m_expectations.deletionObserved(owner);
    notifyOwner(owner, false); // urgent once the last expected deletion arrived, or unexpected
}

void ReplicaSetController::sync(const QString &key, Done done)
{
    done = deferredDone(this, std::move(done)); // never nested in processReady (deferreddone.h)
    if (!m_podsSynced) {
        // The pods listed at start have not all reached OwnedPods yet: counting now would
        // create pods that already exist.
        enqueueAfterRealTime(key, 100);
        done({});
        return;
    }
    const auto [ns, objectName] = splitQueueKey(key);
    const std::optional<Object> owner = m_owners->lister().get(ns, objectName);
    if (!owner) {
        m_expectations.forget(key);
        done({});
        return;
    }
    const QJsonObject ownerJson = owner->toJson();
    const QJsonObject spec = ownerJson.value(u"spec").toObject();
    const int replicas = spec.contains(u"replicas") ? spec.value(u"replicas").toInt() : 1;
    const int minReadySeconds = spec.value(u"minReadySeconds").toInt();
    const QJsonObject podTemplate = spec.value(u"template").toObject();
    const auto selector = selectorOf(spec, m_kind.mapSelector);
    if (!selector) {
        done({});
        return; // an invalid selector never becomes valid without an update, which re-queues
    }

    auto join = std::make_shared<WriteJoin>(std::move(done));
    const OwnerInfo ownerInfo{m_kind.apiVersion, m_kind.kind, objectName, owner->uid(), ns};

    // The pods it controls, and orphans it may adopt.
    const QHash<QString, PodInfo> &controlled = m_ownedPods.controlledBy(owner->uid());
    QList<PodInfo> active;
    active.reserve(controlled.size());
    for (const PodInfo &info : controlled) {
        if (isPodActive(info))
            active.append(info);
    }
    for (const Object &pod : m_ownedPods.orphans(ns)) {
        if (owner->isBeingDeleted() || selector->isEmpty() || !selector->matches(pod.labels()))
            continue;
        // Adoption: the pod gets us as its controller (upstream ClaimPods).
        QJsonArray refs = pod.toJson().value(u"metadata").toObject().value(u"ownerReferences").toArray();
        refs.append(QJsonObject{{u"apiVersion"_qs, m_kind.apiVersion}, {u"kind"_qs, m_kind.kind}, {u"name"_qs, objectName},
                                {u"uid"_qs, owner->uid()}, {u"controller"_qs, true}, {u"blockOwnerDeletion"_qs, true}});
        const QJsonObject patch{{u"metadata"_qs, QJsonObject{{u"ownerReferences"_qs, refs}, {u"uid"_qs, pod.uid()}}}};
        auto report = join->expect();
        m_context.client->patch({gvr::pods(), ns, pod.name(), QString()}, PatchType::StrategicMerge,
                                QJsonDocument(patch).toJson(QJsonDocument::Compact),
                                [report](Expected<Object> r) { report(r.ok() || r.error().is(reason::NotFound) ? Status() : r.error()); });
    }

    if (!owner->isBeingDeleted() && m_expectations.satisfied(key)) {
        const qsizetype diff = active.size() - replicas;
        if (diff < 0) {
            const int count = int(std::min<qsizetype>(-diff, MaxBurst));
            m_expectations.expect(key, count, 0);
            const Object pod = Object::fromJson(podFromTemplate(podTemplate, ownerInfo));
            for (int i = 0; i < count; ++i) {
                auto report = join->expect();
                m_context.client->create({gvr::pods(), ns, QString(), QString()}, pod,
                    [this, key, owner = *owner, report](Expected<Object> created) {
                        if (!created) {
                            m_expectations.creationObserved(key);
                            m_context.events->record(owner, EventRecorder::Type::Warning, u"FailedCreate"_qs,
                                                     u"Error creating: "_qs + created.error().message(), name());
                            report(created.error());
                            return;
                        }
                        m_context.events->record(owner, EventRecorder::Type::Normal, u"SuccessfulCreate"_qs,
                                                 u"Created pod: "_qs + created->name(), name());
                        report({});
                    });
            }
        } else if (diff > 0) {
            sortForDeletion(active);
            m_expectations.expect(key, 0, int(diff));
            for (qsizetype i = 0; i < diff; ++i) {
                const QString podName = active.at(i).name;
                auto report = join->expect();
                m_context.client->remove({gvr::pods(), ns, podName, QString()},
                    [this, key, owner = *owner, podName, report](Expected<Object> removed) {
                        if (!removed) {
                            m_expectations.deletionObserved(key);
                            report(removed.error().is(reason::NotFound) ? Status() : removed.error());
                            return;
                        }
                        m_context.events->record(owner, EventRecorder::Type::Normal, u"SuccessfulDelete"_qs,
                                                 u"Deleted pod: "_qs + podName, name());
                        report({});
                    });
            }
            active = active.mid(diff);
        }
    }

    const QDateTime now = m_context.clock->now();
    const QJsonObject templateLabels = podTemplate.value(u"metadata").toObject().value(u"labels").toObject();
    const QJsonObject oldStatus = ownerJson.value(u"status").toObject();
    const QJsonObject status = calculateReplicaSetStatus(oldStatus, templateLabels, active, owner->generation(), minReadySeconds, now);
    if (status != oldStatus) {
        QJsonObject updated = ownerJson;
        updated.insert(u"status", status);
        auto report = join->expect();
        m_context.client->update({m_kind.resource, ns, objectName, u"status"_qs}, Object::fromJson(updated),
                                 [report](Expected<Object> r) { report(r.ok() || r.error().is(reason::NotFound) ? Status() : r.error()); });
    }
    // Pods that are ready but not yet available for minReadySeconds: look again then.
    if (minReadySeconds > 0) {
        for (const auto &pod : active) {
            if (pod.ready && !isPodAvailable(pod, minReadySeconds, now)) {
                enqueueAfter(key, qint64(minReadySeconds) * 1000 + 100);
                break;
            }
        }
    }
}

} // namespace kube
