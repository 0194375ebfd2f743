#include "disruptioncontroller.h"

#include "disruptionstatus.h"

#include "kube/api/clock.h"
#include "kube/api/labelselector.h"
#include "kube/cache/sharedinformer.h"
#include "kube/client/restclient.h"
#include "kube/controllers/eventrecorder.h"
#include "kube/controllers/podinfo.h"

#include <QJsonArray>
#include <QSet>

#include <algorithm>

namespace kube {

namespace {

GroupVersionResource budgetsResource() { return {u"policy"_qs, u"v1"_qs, u"poddisruptionbudgets"_qs}; }
GroupVersionResource statefulSetsResource() { return {u"apps"_qs, u"v1"_qs, u"statefulsets"_qs}; }

const QString Component = u"controllermanager"_qs;

// A PDB's selector; a null or empty one selects nothing (upstream getPodsForPdb).
std::optional<LabelSelector> budgetSelector(const QJsonObject &budget)
{
    auto selector = LabelSelector::fromLabelSelectorJson(budget.value(u"spec").toObject().value(u"selector"));
    if (!selector.ok() || selector->isEmpty() || selector->matchesNothing())
        return std::nullopt;
    return selector.value();
}

int replicasOf(const Object &o)
{
    const QJsonValue replicas = o.toJson().value(u"spec").toObject().value(u"replicas");
    return replicas.isUndefined() || replicas.isNull() ? 1 : replicas.toInt();
}

} // namespace

DisruptionController::DisruptionController(const ControllerContext &context, QObject *parent)
    : Controller(u"disruption-controller"_qs, context, parent)
    , m_budgets(context.informer(budgetsResource()))
    , m_pods(context.informer(gvr::pods()))
    , m_replicaSets(context.informer(gvr::replicaSets()))
    , m_deployments(context.informer(gvr::deployments()))
    , m_statefulSets(context.informer(statefulSetsResource()))
    , m_replicationControllers(context.informer(gvr::replicationControllers()))
{
    ResourceEventHandler budgets;
    budgets.added = [this](const Object &o) { enqueue(o); };
    budgets.updated = [this](const Object &, const Object &o) { enqueue(o); };
    m_budgets->addEventHandler(this, budgets);

    ResourceEventHandler pods;
    pods.added = [this](const Object &p) { podChanged(p); };
    pods.updated = [this](const Object &old, const Object &p) {
        podChanged(p);
        if (old.labels() != p.labels())
            podChanged(old);
    };
    pods.deleted = [this](const Object &p, DeleteState) { podChanged(p); };
    m_pods->addEventHandler(this, pods);
}

void DisruptionController::podChanged(const Object &pod)
{
    for (const Object &budget : m_budgets->lister().list(pod.namespace_())) {
        const auto selector = budgetSelector(budget.toJson());
        if (selector && selector->matches(pod.labels()))
            enqueue(budget);
    }
}

std::optional<int> DisruptionController::controllerScale(const QList<Object> &pods, QStringList *unmanaged) const
{
    QSet<QString> counted;
    int scale = 0;
    for (const Object &pod : pods) {
        const auto ref = pod.controllerRef();
        if (!ref) {
            unmanaged->append(pod.name());
            continue;
        }
        if (counted.contains(ref->uid))
            continue;
        std::optional<Object> controller;
        QString uid = ref->uid;
        if (ref->kind == u"ReplicaSet") {
            controller = m_replicaSets->lister().get(pod.namespace_(), ref->name);
            // A Deployment's ReplicaSet: the Deployment's replicas count, once for all its sets.
            if (controller && controller->uid() == ref->uid) {
                if (const auto owner = controller->controllerRef(); owner && owner->kind == u"Deployment") {
                    if (counted.contains(owner->uid)) {
                        counted.insert(ref->uid);
                        continue;
                    }
                    const auto deployment = m_deployments->lister().get(pod.namespace_(), owner->name);
                    if (deployment && deployment->uid() == owner->uid) {
                        counted.insert(ref->uid);
                        controller = deployment;
                        uid = owner->uid;
                    }
                }
            }
        } else if (ref->kind == u"ReplicationController") {
            controller = m_replicationControllers->lister().get(pod.namespace_(), ref->name);
        } else if (ref->kind == u"StatefulSet") {
            controller = m_statefulSets->lister().get(pod.namespace_(), ref->name);
        }
        if (!controller || (uid == ref->uid && controller->uid() != ref->uid))
            return std::nullopt;
        counted.insert(uid);
        scale += replicasOf(*controller);
    }
    return scale;
}

void DisruptionController::sync(const QString &key, Done done)
{
    const auto [ns, name] = splitQueueKey(key);
    const std::optional<Object> budget = m_budgets->lister().get(ns, name);
    if (!budget || budget->isBeingDeleted()) {
        done({});
        return;
    }
    const QJsonObject json = budget->toJson();
    const QJsonObject spec = json.value(u"spec").toObject();
    const QJsonObject oldStatus = json.value(u"status").toObject();
    const QDateTime nowTime = m_context.clock->now();
    const QString now = formatKubeTime(nowTime);

    QList<Object> pods;
    if (const auto selector = budgetSelector(json))
        pods = m_pods->lister().list(ns, *selector);
    if (pods.isEmpty())
        m_context.events->record(*budget, EventRecorder::Type::Normal, u"NoPods"_qs, u"No matching pods found"_qs, Component);

    QList<BudgetPod> selected;
    selected.reserve(pods.size());
    for (const Object &pod : pods) {
        const PodInfo info = PodInfo::from(pod);
        selected.append({info.name, info.ready, info.deleting});
    }
    QStringList unmanaged;
    const bool needsScale = spec.contains(u"maxUnavailable") || spec.value(u"minAvailable").isString();
    const std::optional<int> scale = needsScale ? controllerScale(pods, &unmanaged) : std::optional<int>(0);
    if (!unmanaged.isEmpty()) {
        const QString selectorText = budgetSelector(json) ? budgetSelector(json)->toString() : QString();
        m_context.events->record(*budget, EventRecorder::Type::Warning, u"UnmanagedPods"_qs,
                                 u"Pods selected by this PodDisruptionBudget (selector: %1) were found to be unmanaged. As a result, "
                                 "the status of the PDB cannot be calculated correctly, which may result in undefined behavior. To "
                                 "account for these pods please set \".spec.minAvailable\" field of the PDB to an integer value."_qs
                                     .arg(selectorText),
                                 Component);
    }

    QJsonObject status;
    const auto counts = budgetCounts(spec, int(pods.size()), scale);
    if (!counts.ok()) {
        status = failedBudgetStatus(oldStatus, counts.error().message(), budget->generation(), now);
    } else {
        QDateTime recheck;
        const QJsonObject pending = pendingDisruptions(oldStatus.value(u"disruptedPods").toObject(), selected, nowTime, &recheck);
        status = budgetStatus(oldStatus, counts.value(), countHealthy(selected, pending), pending, budget->generation(), now);
        if (recheck.isValid())
            enqueueAfter(key, std::max<qint64>(nowTime.msecsTo(recheck) + 1, 0));
    }
    if (!budgetStatusChanged(oldStatus, status)) {
        done({});
        return;
    }
    QJsonObject updated = json;
    updated.insert(u"status", status);
    m_context.client->update({budgetsResource(), ns, name, u"status"_qs}, Object::fromJson(updated), [done](Expected<Object> r) {
        done(r.ok() || r.error().is(reason::NotFound) ? Status() : r.error());
    });
}

} // namespace kube
