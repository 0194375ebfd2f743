#include "daemonsetcontroller.h"

#include "daemonpods.h"
#include "daemonsetstatus.h"

#include "kube/api/clock.h"
#include "kube/api/labelselector.h"
#include "kube/cache/sharedinformer.h"
#include "kube/client/restclient.h"
#include "kube/controllers/eventrecorder.h"
#include "kube/controllers/history/controllerrevisions.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace kube {

namespace {

const GroupVersionResource DaemonSets{u"apps"_qs, u"v1"_qs, u"daemonsets"_qs};
const GroupVersionResource ControllerRevisions{u"apps"_qs, u"v1"_qs, u"controllerrevisions"_qs};

// A write whose target may already be gone counts as done.
std::function<void(Expected<Object>)> ignoringNotFound(std::function<void(const Status &)> report)
{
    return [report = std::move(report)](Expected<Object> r) { report(r.ok() || r.error().is(reason::NotFound) ? Status() : r.error()); };
}

QString hashOf(const Object &revision, const QString &daemonSetName)
{
    const QString label = revision.labels().value(QString::fromLatin1(history::ControllerRevisionHashLabel));
    if (!label.isEmpty())
        return label;
    return revision.name().mid(daemonSetName.size() + 1); // "<ds>-<hash>"
}

} // namespace

DaemonSetController::DaemonSetController(const ControllerContext &context, QObject *parent)
    : Controller(u"daemonset-controller"_qs, context, parent)
    , m_daemonSets(context.informer(DaemonSets))
    , m_pods(context.informer(gvr::pods()))
    , m_nodes(context.informer(gvr::nodes()))
    , m_revisions(context.informer(ControllerRevisions))
    , m_expectations(context.realClock()) // a guard against lost watch events: real time under --speed
{
    ResourceEventHandler sets;
    sets.added = [this](const Object &o) { enqueue(o); };
    sets.updated = [this](const Object &, const Object &o) { enqueue(o); };
    sets.deleted = [this](const Object &o, DeleteState) {
        m_expectations.forget(queueKey(o.namespace_(), o.name()));
        enqueue(o);
    };
    m_daemonSets->addEventHandler(this, sets);

    ResourceEventHandler pods;
    pods.added = [this](const Object &p) { podAdded(p); };
    pods.updated = [this](const Object &o, const Object &n) { podUpdated(o, n); };
    pods.deleted = [this](const Object &p, DeleteState) { podDeleted(p); };
    m_pods->addEventHandler(this, pods);

    ResourceEventHandler nodes;
    nodes.added = [this](const Object &) { enqueueAll(); };
    nodes.updated = [this](const Object &o, const Object &n) { nodeUpdated(o, n); };
    nodes.deleted = [this](const Object &, DeleteState) { enqueueAll(); };
    m_nodes->addEventHandler(this, nodes);

    ResourceEventHandler revisions;
    const auto enqueueRevisionOwner = [this](const Object &r) {
        const QString owner = ownerKey(r);
        if (!owner.isEmpty())
            enqueue(owner);
    };
    revisions.added = enqueueRevisionOwner;
    revisions.updated = [enqueueRevisionOwner](const Object &, const Object &r) { enqueueRevisionOwner(r); };
    revisions.deleted = [enqueueRevisionOwner](const Object &r, DeleteState) { enqueueRevisionOwner(r); };
    m_revisions->addEventHandler(this, revisions);
}

QString DaemonSetController::ownerKey(const Object &object)
{
    const auto ref = object.controllerRef();
    if (!ref || ref->kind != u"DaemonSet")
        return {};
    return queueKey(object.namespace_(), ref->name);
}

void DaemonSetController::enqueueAll()
{
    for (const Object &ds : m_daemonSets->lister().list())
        enqueue(ds);
}

void DaemonSetController::enqueueMatchingDaemonSets(const Object &pod)
{
    for (const Object &ds : m_daemonSets->lister().list(pod.namespace_())) {
        const auto selector = LabelSelector::fromLabelSelectorJson(ds.toJson().value(u"spec").toObject().value(u"selector"));
        if (selector && !selector->isEmpty() && selector->matches(pod.labels()))
            enqueue(ds);
    }
}

void DaemonSetController::podAdded(const Object &pod)
{
    const QString owner = ownerKey(pod);
    if (owner.isEmpty()) {
        if (!pod.controllerRef() && !pod.isBeingDeleted())
            enqueueMatchingDaemonSets(pod);
        return;
    }
    if (pod.isBeingDeleted())
        m_expectations.deletionObserved(owner);
    else
        m_expectations.creationObserved(owner);
    enqueue(owner);
}

void DaemonSetController::podUpdated(const Object &oldPod, const Object &newPod)
{
    const QString oldOwner = ownerKey(oldPod);
    const QString newOwner = ownerKey(newPod);
    // A deletion is observed as soon as the pod is marked (upstream updatePod → deletePod).
    if (!newOwner.isEmpty() && newPod.isBeingDeleted() && !oldPod.isBeingDeleted())
        m_expectations.deletionObserved(newOwner);
    if (!oldOwner.isEmpty() && oldOwner != newOwner)
        enqueue(oldOwner);
    if (!newOwner.isEmpty())
        enqueue(newOwner);
    else if (!newPod.controllerRef() && !newPod.isBeingDeleted())
        enqueueMatchingDaemonSets(newPod);
}

void DaemonSetController::podDeleted(const Object &pod)
{
    const QString owner = ownerKey(pod);
    if (owner.isEmpty())
        return;
    if (!pod.isBeingDeleted())
        m_expectations.deletionObserved(owner); // not seen marked before
    enqueue(owner);
}

void DaemonSetController::nodeUpdated(const Object &oldNode, const Object &newNode)
{
    // Heartbeats and status reports change nothing a daemon set decides on.
    if (oldNode.labels() == newNode.labels() && oldNode.toJson().value(u"spec") == newNode.toJson().value(u"spec"))
        return;
    enqueueAll();
}

DaemonSetController::ClaimedPods DaemonSetController::claimPods(const DaemonSetInfo &ds, const LabelSelector &selector,
                                                                const std::shared_ptr<WriteJoin> &join)
{
    ClaimedPods claimed;
    for (const Object &pod : m_pods->lister().list(ds.namespace_)) {
        const auto ref = pod.controllerRef();
        if (ref && ref->uid == ds.uid) {
            const QString hash = pod.labels().value(QString::fromLatin1(history::ControllerRevisionHashLabel));
            if (!hash.isEmpty())
                claimed.liveHashes.insert(hash);
            PodInfo info = PodInfo::from(pod);
            const bool finished = info.phase == u"Succeeded" || info.phase == u"Failed";
            if (finished && info.deleting)
                continue; // the kubelet is removing it: nothing left to decide
            const QString node = info.nodeName.isEmpty() ? targetNodeName(pod.toJson()) : info.nodeName;
            if (!node.isEmpty())
                claimed.byNode[node].append(std::move(info));
            continue;
        }
        if (ref || pod.isBeingDeleted() || !selector.matches(pod.labels()))
            continue;
        // Adoption (upstream ClaimPods): the orphan gets us as its controller and is counted
        // once the informer brings it back.
        QJsonArray refs = pod.toJson().value(u"metadata").toObject().value(u"ownerReferences").toArray();
        refs.append(QJsonObject{{u"apiVersion"_qs, u"apps/v1"_qs}, {u"kind"_qs, u"DaemonSet"_qs}, {u"name"_qs, ds.name},
                                {u"uid"_qs, ds.uid}, {u"controller"_qs, true}, {u"blockOwnerDeletion"_qs, true}});
        const QJsonObject patch{{u"metadata"_qs, QJsonObject{{u"ownerReferences"_qs, refs}, {u"uid"_qs, pod.uid()}}}};
        m_context.client->patch({gvr::pods(), ds.namespace_, pod.name(), QString()}, PatchType::StrategicMerge,
                                QJsonDocument(patch).toJson(QJsonDocument::Compact), ignoringNotFound(join->expect()));
    }
    return claimed;
}

void DaemonSetController::createRevision(const DaemonSetInfo &ds, qint64 revision, Report report)
{
    const QJsonObject created = history::newRevision(ds.json, u"DaemonSet"_qs, revision, ds.collisionCount);
    const QString revisionName = created.value(u"metadata").toObject().value(u"name").toString();
    m_context.client->create({ControllerRevisions, ds.namespace_, QString(), QString()}, Object::fromJson(created),
        [this, ds, revisionName, report](Expected<Object> r) {
            if (r.ok() || !r.error().is(reason::AlreadyExists)) {
                report(r.ok() ? Status() : r.error());
                return;
            }
            // Our own earlier write, or a revision of this name with another template: then
            // collisionCount changes the hash (upstream snapshot's collision handling).
            const auto existing = m_revisions->lister().get(ds.namespace_, revisionName);
            if (!existing || existing->toJson().value(u"data").toObject() == history::templatePatch(ds.json)) {
                report({});
                return;
            }
            QJsonObject json = ds.json;
            QJsonObject status = ds.status;
            status.insert(u"collisionCount", ds.collisionCount.value_or(0) + 1);
            json.insert(u"status", status);
            m_context.client->update({DaemonSets, ds.namespace_, ds.name, u"status"_qs}, Object::fromJson(json),
                                     ignoringNotFound(report));
        });
}

std::optional<QString> DaemonSetController::constructHistory(const DaemonSetInfo &ds, const QList<Object> &owned,
                                                             const std::shared_ptr<WriteJoin> &join, QString *currentName)
{
    const std::optional<Object> current = history::matchingRevision(owned, ds.json);
    QList<Object> old;
    const QJsonObject wanted = history::templatePatch(ds.json);
    for (const Object &r : owned) {
        if (current && r.name() == current->name())
            continue;
        if (current && r.toJson().value(u"data").toObject() == wanted) {
            // A twin of the current revision (upstream dedupCurHistories): the newest stays.
            m_context.client->remove({ControllerRevisions, ds.namespace_, r.name(), QString()}, ignoringNotFound(join->expect()));
            continue;
        }
        old.append(r);
    }
    const qint64 next = history::nextRevisionNumber(old);
    if (!current) {
        createRevision(ds, next, join->expect());
        return std::nullopt; // its arrival in the informer brings the set back
    }
    *currentName = current->name();
    QJsonObject json = current->toJson();
    if (json.value(u"revision").toInteger() < next) {
        // The template came back (rollout undo): its revision becomes the newest.
        json.insert(u"revision", double(next));
        m_context.client->update({ControllerRevisions, ds.namespace_, current->name(), QString()}, Object::fromJson(json),
                                 ignoringNotFound(join->expect()));
    }
    return hashOf(*current, ds.name);
}

int DaemonSetController::syncNodes(const QString &key, const DaemonSetInfo &ds, const QStringList &podsToDelete,
                                   const QStringList &nodesToCreate, const QString &hash, const std::shared_ptr<WriteJoin> &join)
{
    if (podsToDelete.isEmpty() && nodesToCreate.isEmpty())
        return 0;
    m_expectations.expect(key, int(nodesToCreate.size()), int(podsToDelete.size()));
    const QJsonObject podTemplate = daemonPodTemplate(ds, hash);
    for (const QString &node : nodesToCreate) {
        auto report = join->expect();
        m_context.client->create({gvr::pods(), ds.namespace_, QString(), QString()}, Object::fromJson(newDaemonPod(ds, podTemplate, node)),
            [this, key, owner = ds.object, report](Expected<Object> created) {
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
    for (const QString &podName : podsToDelete) {
        auto report = join->expect();
        m_context.client->remove({gvr::pods(), ds.namespace_, podName, QString()},
            [this, key, owner = ds.object, podName, report](Expected<Object> removed) {
                if (!removed) {
                    m_expectations.deletionObserved(key);
                    if (!removed.error().is(reason::NotFound))
                        m_context.events->record(owner, EventRecorder::Type::Warning, u"FailedDelete"_qs,
                                                 u"Error deleting: "_qs + removed.error().message(), name());
                    report(removed.error().is(reason::NotFound) ? Status() : removed.error());
                    return;
                }
                m_context.events->record(owner, EventRecorder::Type::Normal, u"SuccessfulDelete"_qs,
                                         u"Deleted pod: "_qs + podName, name());
                report({});
            });
    }
    return int(nodesToCreate.size() + podsToDelete.size());
}

int DaemonSetController::manage(const QString &key, const DaemonSetInfo &ds, const QList<DaemonNode> &nodes,
                                const NodeToDaemonPods &pods, const QString &hash, const std::shared_ptr<WriteJoin> &join)
{
    const QDateTime now = m_context.clock->now();
    const ManagePlan plan = planManage(ds, nodes, pods, hash, now);
    QStringList toDelete = plan.podsToDelete;
    m_failedPodsBackoff.collect(now);
    for (const FailedDaemonPod &failed : plan.failedPods) {
        // The DaemonSet often fights a kubelet that rejects its pod: replace it at a slowing pace.
        const QString backoffKey = key + u'/' + failed.node;
        if (m_failedPodsBackoff.inBackoff(backoffKey, now)) {
            enqueueAfter(key, m_failedPodsBackoff.remainingMs(backoffKey, now) + 1);
            continue;
        }
        m_failedPodsBackoff.next(backoffKey, now);
        m_context.events->record(ds.object, EventRecorder::Type::Warning, u"FailedDaemonPod"_qs,
                                 QStringLiteral("Found failed daemon pod %1/%2 on node %3, will try to kill it")
                                     .arg(ds.namespace_, failed.name, failed.node),
                                 name());
        toDelete.append(failed.name);
    }
    return syncNodes(key, ds, toDelete, plan.nodesNeedingPods, hash, join);
}

void DaemonSetController::cleanupHistory(const DaemonSetInfo &ds, const QList<Object> &owned, const QString &currentName,
                                         const QSet<QString> &liveHashes, const std::shared_ptr<WriteJoin> &join)
{
    QStringList inUse{currentName};
    for (const Object &r : owned) {
        if (liveHashes.contains(hashOf(r, ds.name)))
            inUse.append(r.name());
    }
    for (const Object &victim : history::revisionsToPrune(owned, ds.revisionHistoryLimit, inUse))
        m_context.client->remove({ControllerRevisions, ds.namespace_, victim.name(), QString()}, ignoringNotFound(join->expect()));
}

void DaemonSetController::writeStatus(const QString &key, const DaemonSetInfo &ds, const QList<DaemonNode> &nodes,
                                      const NodeToDaemonPods &pods, const QString &hash, bool observeGeneration,
                                      const std::shared_ptr<WriteJoin> &join)
{
    const QJsonObject status = calculateDaemonSetStatus(ds, nodes, pods, hash, observeGeneration, m_context.clock->now());
    // Ready pods become available after minReadySeconds: look again then.
    if (ds.minReadySeconds > 0 && status.value(u"numberReady").toInt() != status.value(u"numberAvailable").toInt())
        enqueueAfter(key, qint64(ds.minReadySeconds) * 1000 + 100);
    if (status == ds.status)
        return;
    QJsonObject json = ds.json;
    json.insert(u"status", status);
    m_context.client->update({DaemonSets, ds.namespace_, ds.name, u"status"_qs}, Object::fromJson(json), ignoringNotFound(join->expect()));
}

void DaemonSetController::sync(const QString &key, Done done)
{
    const auto [ns, objectName] = splitQueueKey(key);
    const std::optional<Object> object = m_daemonSets->lister().get(ns, objectName);
    if (!object) {
        m_expectations.forget(key);
        done({});
        return;
    }
    // A set being deleted may already have lost its revisions: its status cannot be trusted.
    if (object->isBeingDeleted()) {
        done({});
        return;
    }
    const DaemonSetInfo ds = DaemonSetInfo::from(*object);
    const auto selector = LabelSelector::fromLabelSelectorJson(ds.json.value(u"spec").toObject().value(u"selector"));
    if (!selector || selector->isEmpty()) {
        m_context.events->record(*object, EventRecorder::Type::Warning, u"SelectingAll"_qs,
                                 u"This daemon set is selecting all pods. A non-empty selector is required."_qs, name());
        done({});
        return;
    }

    auto join = std::make_shared<WriteJoin>(std::move(done));
    const ClaimedPods pods = claimPods(ds, *selector, join);
    const QList<Object> owned = history::ownedRevisions(m_revisions->lister().byIndex(u"ownerUid"_qs, ds.uid), ds.uid);
    QString currentName;
    const std::optional<QString> hash = constructHistory(ds, owned, join, &currentName);
    if (!hash)
        return;

    QList<DaemonNode> nodes;
    for (const Object &node : m_nodes->lister().list())
        nodes.append(DaemonNode::from(node));

    // Until the informers show the last step's pods, only the status is brought up to date, and
    // without raising observedGeneration: this generation was not acted on yet.
    const bool satisfied = m_expectations.satisfied(key);
    if (satisfied) {
        const int started = manage(key, ds, nodes, pods.byNode, *hash, join);
        if (started == 0 && !ds.onDelete) {
            const RollingPlan rolling = planRollingUpdate(ds, nodes, pods.byNode, *hash, m_context.clock->now());
            syncNodes(key, ds, rolling.podsToDelete, rolling.nodesToCreate, *hash, join);
        }
        cleanupHistory(ds, owned, currentName, pods.liveHashes, join);
    }
    writeStatus(key, ds, nodes, pods.byNode, *hash, satisfied, join);
}

} // namespace kube
