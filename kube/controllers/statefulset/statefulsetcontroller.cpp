#include "statefulsetcontroller.h"

#include "statefulsetclaims.h"
#include "statefulsetplan.h"
#include "statefulsetpods.h"
#include "statefulsetrevisions.h"
#include "statefulsetstatus.h"

#include "kube/api/clock.h"
#include "kube/api/labelselector.h"
#include "kube/cache/indexers.h"
#include "kube/cache/sharedinformer.h"
#include "kube/client/restclient.h"
#include "kube/controllers/history/controllerrevisions.h"
#include "kube/controllers/intorstring.h"
#include "kube/controllers/podinfo.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace kube {

using namespace statefulset;

namespace {

GroupVersionResource statefulSetsResource() { return {u"apps"_qs, u"v1"_qs, u"statefulsets"_qs}; }
GroupVersionResource controllerRevisionsResource() { return {u"apps"_qs, u"v1"_qs, u"controllerrevisions"_qs}; }
GroupVersionResource claimsResource() { return {QString(), u"v1"_qs, u"persistentvolumeclaims"_qs}; }

constexpr int DefaultRevisionHistoryLimit = 10;

QJsonObject specOf(const QJsonObject &object)
{
    return object.value(u"spec").toObject();
}

QJsonArray ownerReferencesOf(const QJsonObject &object)
{
    return object.value(u"metadata").toObject().value(u"ownerReferences").toArray();
}

QJsonObject withOwnerReferences(QJsonObject object, const QJsonArray &refs)
{
    QJsonObject metadata = object.value(u"metadata").toObject();
    if (refs.isEmpty())
        metadata.remove(u"ownerReferences");
    else
        metadata.insert(u"ownerReferences", refs);
    object.insert(u"metadata", metadata);
    return object;
}

std::function<void(Expected<Object>)> reportIgnoringNotFound(std::function<void(const Status &)> report)
{
    return [report](Expected<Object> r) { report(r.ok() || r.error().is(reason::NotFound) ? Status() : r.error()); };
}

// A member's claims as the caches show them: the ones to create, and the existing ones whose
// owner references the retention policy wants otherwise (with those references).
struct ClaimWork {
    QList<QJsonObject> missing;
    QList<QJsonObject> reowned;
};

} // namespace

struct StatefulSetController::SyncState {
    Object set;
    QJsonObject json;       // the set
    QJsonObject currentSet; // the set with the current revision's template
    QJsonObject updateSet;  // the set with the update revision's template
    QString currentRevision;
    QString updateRevision;
    QList<Object> pods;      // members it controls
    QList<Object> revisions; // owned, ascending
    ClaimRetentionPolicy policy;
    ClaimOwner owner;        // the set, as claims name it
};

StatefulSetController::StatefulSetController(const ControllerContext &context, QObject *parent)
    : Controller(u"statefulset-controller"_qs, context, parent)
    , m_sets(context.informer(statefulSetsResource()))
    , m_pods(context.informer(gvr::pods()))
    , m_revisions(context.informer(controllerRevisionsResource()))
    , m_claims(context.informer(claimsResource()))
    , m_podControl(context, u"statefulset-controller"_qs)
{
    ResourceEventHandler sets;
    sets.added = [this](const Object &o) { enqueue(o); };
    sets.updated = [this](const Object &, const Object &o) { enqueue(o); };
    sets.deleted = [this](const Object &o, DeleteState) { enqueue(o); };
    m_sets->addEventHandler(this, sets);

    ResourceEventHandler owned;
    owned.added = [this](const Object &o) { enqueueOwner(o); };
    owned.updated = [this](const Object &oldObject, const Object &o) {
        const auto oldRef = oldObject.controllerRef();
        if (oldRef && oldRef != o.controllerRef())
            enqueueOwner(oldObject);
        enqueueOwner(o);
    };
    owned.deleted = [this](const Object &o, DeleteState) { enqueueOwner(o); };
    m_pods->addEventHandler(this, owned);
    m_revisions->addEventHandler(this, owned);

    // Claims carry the selector's labels: a claim's change concerns the sets that select it.
    ResourceEventHandler claims;
    claims.added = [this](const Object &o) { enqueueMatchingSets(o); };
    claims.updated = [this](const Object &, const Object &o) { enqueueMatchingSets(o); };
    claims.deleted = [this](const Object &o, DeleteState) { enqueueMatchingSets(o); };
    m_claims->addEventHandler(this, claims);
}

void StatefulSetController::enqueueOwner(const Object &object)
{
    const auto ref = object.controllerRef();
    if (ref) {
        if (ref->kind == u"StatefulSet")
            enqueue(queueKey(object.namespace_(), ref->name));
        return;
    }
    if (!object.isBeingDeleted())
        enqueueMatchingSets(object);
}

void StatefulSetController::enqueueMatchingSets(const Object &object)
{
    for (const Object &set : m_sets->lister().list(object.namespace_())) {
        const auto selector = LabelSelector::fromLabelSelectorJson(specOf(set.toJson()).value(u"selector"));
        if (selector && !selector->isEmpty() && selector->matches(object.labels()))
            enqueue(set);
    }
}

bool StatefulSetController::claimObjects(const Object &set, const LabelSelector &selector, const QList<Object> &candidates,
                                         const GroupVersionResource &resource, const std::shared_ptr<WriteJoin> &join)
{
    bool wrote = false;
    for (const Object &object : candidates) {
        const auto ref = object.controllerRef();
        const bool matches = selector.matches(object.labels());
        const bool ours = ref && ref->uid == set.uid();
        if (object.isBeingDeleted() || (ours && matches) || (!ours && (ref || !matches)))
            continue;
        QJsonArray refs = object.toJson().value(u"metadata").toObject().value(u"ownerReferences").toArray();
        PatchType type = PatchType::StrategicMerge;
        if (ours) {
            // Release: it no longer matches the selector. A merge patch replaces the whole list.
            QJsonArray kept;
            for (const auto &r : refs) {
                if (r.toObject().value(u"uid").toString() != set.uid())
                    kept.append(r);
            }
            refs = kept;
            type = PatchType::Merge;
        } else {
            refs.append(QJsonObject{{u"apiVersion"_qs, u"apps/v1"_qs}, {u"kind"_qs, u"StatefulSet"_qs}, {u"name"_qs, set.name()},
                                    {u"uid"_qs, set.uid()}, {u"controller"_qs, true}, {u"blockOwnerDeletion"_qs, true}});
        }
        const QJsonObject patch{{u"metadata"_qs, QJsonObject{{u"ownerReferences"_qs, refs}, {u"uid"_qs, object.uid()}}}};
        m_context.client->patch({resource, object.namespace_(), object.name(), QString()}, type,
                                QJsonDocument(patch).toJson(QJsonDocument::Compact), reportIgnoringNotFound(join->expect()));
        wrote = true;
    }
    return wrote;
}

void StatefulSetController::sync(const QString &key, Done done)
{
    const auto [ns, setName] = splitQueueKey(key);
    const std::optional<Object> set = m_sets->lister().get(ns, setName);
    // A set being deleted takes no step: the garbage collector removes its pods and revisions.
    if (!set || set->isBeingDeleted()) {
        done({});
        return;
    }
    SyncState s;
    s.set = *set;
    s.json = set->toJson();
    const auto selector = LabelSelector::fromLabelSelectorJson(specOf(s.json).value(u"selector"));
    if (!selector || selector->isEmpty()) {
        done({}); // an invalid selector never becomes valid without an update, which re-queues
        return;
    }
    auto join = std::make_shared<WriteJoin>(std::move(done));

    // Members are named after the set; the selector finds orphans, the owner index finds owned
    // pods the selector no longer matches.
    QList<Object> candidates;
    QSet<QString> seen;
    const auto consider = [&](const QList<Object> &pods) {
        for (const Object &pod : pods) {
            if (pod.namespace_() == ns && parseMemberName(pod.name()).parent == setName && !seen.contains(pod.uid())) {
                seen.insert(pod.uid());
                candidates.append(pod);
            }
        }
    };
    consider(m_pods->lister().list(ns, *selector));
    consider(m_pods->lister().byIndex(QString::fromLatin1(index::OwnerUid), set->uid()));
    if (claimObjects(*set, *selector, candidates, gvr::pods(), join))
        return;
    for (const Object &pod : candidates) {
        const auto ref = pod.controllerRef();
        if (ref && ref->uid == set->uid())
            s.pods.append(pod);
    }
    const QList<Object> revisions = m_revisions->lister().list(ns, *selector);
    if (claimObjects(*set, *selector, revisions, controllerRevisionsResource(), join))
        return;
    s.revisions = history::ownedRevisions(revisions, set->uid());

    const RevisionChoice choice = chooseRevisions(s.json, s.revisions);
    if (choice.step != RevisionChoice::Step::None) {
        writeRevision(s, choice.write, choice.step == RevisionChoice::Step::Create, join->expect());
        return;
    }
    s.currentRevision = choice.current->name();
    s.updateRevision = choice.update->name();
    s.currentSet = applyRevision(s.json, *choice.current);
    s.updateSet = applyRevision(s.json, *choice.update);
    s.policy = ClaimRetentionPolicy::from(specOf(s.json));
    s.owner = ClaimOwner{u"apps/v1"_qs, u"StatefulSet"_qs, setName, set->uid()};
    reconcile(s, join);
}

void StatefulSetController::writeRevision(const SyncState &s, const QJsonObject &revision, bool create,
                                          std::function<void(const Status &)> report)
{
    const QString ns = s.set.namespace_();
    const QString name = revision.value(u"metadata").toObject().value(u"name").toString();
    if (!create) {
        m_context.client->update({controllerRevisionsResource(), ns, name, QString()}, Object::fromJson(revision),
                                 [report](Expected<Object> r) { report(r.ok() ? Status() : r.error()); });
        return;
    }
    m_context.client->create({controllerRevisionsResource(), ns, QString(), QString()}, Object::fromJson(revision),
                             [this, s, ns, name, revision, report](Expected<Object> created) {
        if (created.ok() || !created.error().is(reason::AlreadyExists)) {
            report(created.ok() ? Status() : created.error());
            return;
        }
        // A revision of that name exists: ours if it holds the same data (a cache that lags),
        // else a hash collision — count it, so the next name differs.
        m_context.client->get({controllerRevisionsResource(), ns, name, QString()}, [this, s, revision, report](Expected<Object> existing) {
            if (!existing) {
                report(existing.error());
                return;
            }
            if (existing->toJson().value(u"data") == revision.value(u"data")) {
                report({});
                return;
            }
            QJsonObject json = s.json;
            QJsonObject status = json.value(u"status").toObject();
            status.insert(u"collisionCount", collisionCount(s.json).value_or(0) + 1);
            json.insert(u"status", status);
            m_context.client->update({statefulSetsResource(), s.set.namespace_(), s.set.name(), u"status"_qs}, Object::fromJson(json),
                                     [report](Expected<Object> r) { report(r.ok() ? Status() : r.error()); });
        });
    });
}

void StatefulSetController::reconcile(const SyncState &s, const std::shared_ptr<WriteJoin> &join)
{
    const QString ns = s.set.namespace_();
    const QJsonObject spec = specOf(s.json);
    const int replicas = spec.contains(u"replicas") ? spec.value(u"replicas").toInt() : 1;
    const int minReadySeconds = spec.value(u"minReadySeconds").toInt();
    const QJsonObject strategy = spec.value(u"updateStrategy").toObject();
    const QJsonObject rollingUpdate = strategy.value(u"rollingUpdate").toObject();
    const QDateTime now = m_context.clock->now();

    PlanInput input;
    input.replicas = replicas;
    input.startOrdinal = startOrdinal(s.json);
    input.parallel = spec.value(u"podManagementPolicy").toString() == u"Parallel";
    input.onDelete = strategy.value(u"type").toString() == u"OnDelete";
    // A RollingUpdate without rollingUpdate (the API defaults it) behaves as partition 0.
    input.partition = rollingUpdate.value(u"partition").toInt();
    const Expected<int> maxUnavailable = scaledIntOrPercent(rollingUpdate.value(u"maxUnavailable"), replicas, Rounding::Down, 1);
    input.maxUnavailable = maxUnavailable.ok() ? std::max(1, *maxUnavailable) : 1;
    input.updateRevision = s.updateRevision;

    // What the member with ordinal (pod: its name and UID, empty when absent) needs of its claims.
    const auto claimWork = [&](int ordinal, const ClaimOwner &pod) {
        const bool scaledDown = ordinal < input.startOrdinal || ordinal >= input.startOrdinal + replicas;
        ClaimWork work;
        for (const QJsonObject &claim : claimsForOrdinal(s.json, ordinal)) {
            const auto existing = m_claims->lister().get(ns, claim.value(u"metadata").toObject().value(u"name").toString());
            if (!existing) {
                work.missing.append(withOwnerReferences(claim, claimOwnerReferences({}, s.policy, s.owner, pod, scaledDown)));
                continue;
            }
            const QJsonObject json = existing->toJson();
            const QJsonArray refs = ownerReferencesOf(json);
            const QJsonArray wanted = claimOwnerReferences(refs, s.policy, s.owner, pod, scaledDown);
            if (wanted != refs)
                work.reowned.append(withOwnerReferences(json, wanted));
        }
        return work;
    };

    QHash<int, ClaimWork> claims;
    std::optional<qint64> recheckMs;
    for (const Object &pod : s.pods) {
        const PodInfo info = PodInfo::from(pod);
        MemberState m;
        m.name = pod.name();
        m.uid = pod.uid();
        m.ordinal = parseMemberName(pod.name()).ordinal;
        if (m.ordinal < 0)
            continue;
        m.phase = info.phase;
        m.runningAndReady = info.phase == u"Running" && info.ready;
        m.available = m.runningAndReady && isPodAvailable(info, minReadySeconds, now);
        m.terminating = info.deleting;
        m.revision = pod.labels().value(QString::fromLatin1(RevisionLabel));
        m.identityOk = identityMatches(s.json, pod);
        const ClaimWork work = claimWork(m.ordinal, ClaimOwner{u"v1"_qs, u"Pod"_qs, m.name, m.uid});
        m.claimsMissing = !work.missing.isEmpty();
        m.claimOwnersOk = work.reowned.isEmpty();
        claims.insert(m.ordinal, work);
        if (m.runningAndReady && !m.available && info.readySince.isValid()) {
            const qint64 ms = now.msecsTo(info.readySince.addSecs(minReadySeconds));
            recheckMs = std::min(recheckMs.value_or(ms), ms);
        }
        input.members.append(m);
    }
    for (int ordinal = input.startOrdinal; ordinal < input.startOrdinal + replicas; ++ordinal) {
        if (claims.contains(ordinal))
            continue;
        for (const QJsonObject &claim : claimsForOrdinal(s.json, ordinal)) {
            const auto existing = m_claims->lister().get(ns, claim.value(u"metadata").toObject().value(u"name").toString());
            if (existing && claimIsStale(ownerReferencesOf(existing->toJson()), s.policy, podName(s.set.name(), ordinal), QString()))
                input.staleClaimOrdinals.insert(ordinal);
        }
    }

    const Plan plan = planStatefulSet(input);
    for (const PlanStep &step : plan.steps) {
        switch (step.kind) {
        case PlanStep::Kind::CreatePod: {
            const QJsonObject &source = step.atUpdateRevision ? s.updateSet : s.currentSet;
            const QString &revision = step.atUpdateRevision ? s.updateRevision : s.currentRevision;
            m_podControl.createPod(s.set, newStatefulSetPod(source, step.ordinal, revision),
                                   claimWork(step.ordinal, ClaimOwner{u"v1"_qs, u"Pod"_qs, step.podName, QString()}).missing, join->expect());
            break;
        }
        case PlanStep::Kind::DeletePod:
            m_podControl.deletePod(s.set, step.podName, step.podUid, join->expect());
            break;
        case PlanStep::Kind::FixPod:
            if (const auto pod = m_pods->lister().get(ns, step.podName))
                m_podControl.updatePod(s.set, withIdentity(s.json, pod->toJson()), join->expect());
            break;
        case PlanStep::Kind::FixClaims: {
            const ClaimWork work = claims.value(step.ordinal);
            m_podControl.createClaims(s.set, step.podName, work.missing, join->expect());
            for (const QJsonObject &claim : work.reowned)
                m_podControl.updateClaim(claim, join->expect());
            break;
        }
        }
    }

    StatusInput statusInput;
    statusInput.generation = s.set.generation();
    statusInput.currentRevision = s.currentRevision;
    statusInput.updateRevision = s.updateRevision;
    statusInput.collisionCount = collisionCount(s.json).value_or(0);
    statusInput.rollingUpdate = !input.onDelete;
    statusInput.updateDeletions = plan.updateDeletions;
    const QJsonObject oldStatus = s.json.value(u"status").toObject();
    const QJsonObject status = statefulSetStatus(oldStatus, input.members, statusInput);
    if (status != oldStatus) {
        QJsonObject json = s.json;
        json.insert(u"status", status);
        m_context.client->update({statefulSetsResource(), ns, s.set.name(), u"status"_qs}, Object::fromJson(json),
                                 reportIgnoringNotFound(join->expect()));
    }

    // truncateHistory: revisions in use are the current, the update, and the members'.
    QStringList inUse{s.currentRevision, s.updateRevision};
    for (const MemberState &m : input.members)
        inUse.append(m.revision);
    const qint64 historyLimit = spec.contains(u"revisionHistoryLimit") ? spec.value(u"revisionHistoryLimit").toInteger() : DefaultRevisionHistoryLimit;
    for (const Object &revision : history::revisionsToPrune(s.revisions, historyLimit, inUse))
        m_context.client->remove({controllerRevisionsResource(), ns, revision.name(), QString()}, reportIgnoringNotFound(join->expect()));

    if (recheckMs)
        enqueueAfter(queueKey(ns, s.set.name()), std::max<qint64>(*recheckMs, 0) + 100);
}

} // namespace kube
