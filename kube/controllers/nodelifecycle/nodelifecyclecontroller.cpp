#include "nodelifecyclecontroller.h"

#include "nodehealth.h"

#include "kube/api/clock.h"
#include "kube/cache/indexers.h"
#include "kube/cache/sharedinformer.h"
#include "kube/client/restclient.h"
#include "kube/controllers/eventrecorder.h"

#include <QJsonObject>

namespace kube {

namespace {

using namespace nodelifecycle;

// Upstream's recorder component for node lifecycle events.
const QString Component = u"node-controller"_qs;

Status ignoreNotFound(const Expected<Object> &r)
{
    return r.ok() || r.error().is(reason::NotFound) ? Status() : r.error();
}

QJsonArray conditionsOf(const QJsonObject &object)
{
    return object.value(u"status").toObject().value(u"conditions").toArray();
}

} // namespace

NodeLifecycleController::NodeLifecycleController(const ControllerContext &context, std::chrono::milliseconds grace, QObject *parent)
    : Controller(u"node-lifecycle-controller"_qs, context, parent)
    , m_grace(grace)
    , m_monitorStart(context.clock->now())
    , m_nodes(context.informer(gvr::nodes()))
    , m_leases(context.informer(gvr::leases()))
    , m_pods(context.informer(gvr::pods()))
{
    ResourceEventHandler nodes;
    nodes.added = [this](const Object &node) { enqueue(node.name()); };
    nodes.updated = [this](const Object &, const Object &node) { enqueue(node.name()); };
    m_nodes->addEventHandler(this, nodes);

    ResourceEventHandler leases;
    const auto leaseChanged = [this](const Object &lease) {
        if (lease.namespace_() == QLatin1String(NodeLeaseNamespace))
            enqueue(lease.name()); // a node's Lease has the node's name
    };
    leases.added = leaseChanged;
    leases.updated = [leaseChanged](const Object &, const Object &lease) { leaseChanged(lease); };
    m_leases->addEventHandler(this, leases);

    // A pod bound to a node that is not ready any more must be marked too.
    ResourceEventHandler pods;
    pods.added = [this](const Object &pod) {
        if (!pod.nodeName().isEmpty())
            enqueue(pod.nodeName());
    };
    m_pods->addEventHandler(this, pods);
}

void NodeLifecycleController::sync(const QString &key, Done done)
{
    const std::optional<Object> node = m_nodes->lister().get(QString(), key);
    if (!node) {
        done({});
        return;
    }
    const QDateTime now = m_context.clock->now();
    const QJsonObject json = node->toJson();
    const QJsonArray conditions = conditionsOf(json);

    // 1. A silent kubelet: its conditions go Unknown.
    const auto lease = m_leases->lister().get(QString::fromLatin1(NodeLeaseNamespace), key);
    const NodeHealth health = evaluateHealth(lastHeartbeat(*node, lease, m_monitorStart), now, m_grace);
    if (!health.stale) {
        enqueueAfter(key, std::max<qint64>(1, now.msecsTo(health.deadline) + 1)); // look again when it would end
    } else if (const auto unknown = markConditionsUnknown(conditions, now)) {
        const bool wasReady = conditionStatus(conditions, u"Ready") == u"True";
        QJsonObject updated = json;
        QJsonObject status = updated.value(u"status").toObject();
        status.insert(u"conditions", *unknown);
        updated.insert(u"status", status);
        m_context.client->update({gvr::nodes(), QString(), key, u"status"_qs}, Object::fromJson(updated),
            [this, node = *node, wasReady, done](Expected<Object> r) {
                if (r && wasReady)
                    m_context.events->record(node, EventRecorder::Type::Normal, u"NodeNotReady"_qs,
                                             u"Node %1 status is now: NodeNotReady"_qs.arg(node.name()), Component);
                done(ignoreNotFound(r));
            });
        return;
    }

    // 2. The taints the Ready condition calls for.
    const QString ready = conditionStatus(conditions, u"Ready");
    const QJsonObject spec = json.value(u"spec").toObject();
    if (const auto taints = reconcileConditionTaints(spec.value(u"taints").toArray(), ready, now)) {
        const bool recovered = ready == u"True";
        QJsonObject updatedSpec = spec;
        if (taints->isEmpty())
            updatedSpec.remove(u"taints");
        else
            updatedSpec.insert(u"taints", *taints);
        QJsonObject updated = json;
        updated.insert(u"spec", updatedSpec);
        m_context.client->update({gvr::nodes(), QString(), key, QString()}, Object::fromJson(updated),
            [this, node = *node, recovered, done](Expected<Object> r) {
                if (r && recovered)
                    m_context.events->record(node, EventRecorder::Type::Normal, u"NodeReady"_qs,
                                             u"Node %1 status is now: NodeReady"_qs.arg(node.name()), Component);
                done(ignoreNotFound(r));
            });
        return;
    }

    // 3. Its pods are not ready while it is not.
    if (!ready.isEmpty() && ready != u"True") {
        markPodsNotReady(*node, std::move(done));
        return;
    }
    done({});
}

// upstream MarkPodsNotReady: the Ready condition of every pod on the node goes False, with a
// NodeNotReady warning on the pod.
void NodeLifecycleController::markPodsNotReady(const Object &node, Done done)
{
    const QString now = formatKubeTime(m_context.clock->now());
    auto join = std::make_shared<WriteJoin>(std::move(done));
    for (const Object &pod : m_pods->lister().byIndex(QString::fromLatin1(index::NodeName), node.name())) {
        if (pod.isBeingDeleted())
            continue;
        QJsonObject json = pod.toJson();
        QJsonObject status = json.value(u"status").toObject();
        QJsonArray conditions = status.value(u"conditions").toArray();
        bool changed = false;
        for (qsizetype i = 0; i < conditions.size(); ++i) {
            QJsonObject condition = conditions.at(i).toObject();
            if (condition.value(u"type").toString() != u"Ready" || condition.value(u"status").toString() == u"False")
                continue;
            condition.insert(u"status", u"False"_qs);
            condition.insert(u"lastTransitionTime", now);
            conditions.replace(i, condition);
            changed = true;
        }
        if (!changed)
            continue;
        status.insert(u"conditions", conditions);
        json.insert(u"status", status);
        auto report = join->expect();
        m_context.client->update({gvr::pods(), pod.namespace_(), pod.name(), u"status"_qs}, Object::fromJson(json),
            [this, pod, report](Expected<Object> r) {
                if (r) // after the write, so the pod still exists (as upstream)
                    m_context.events->record(pod, EventRecorder::Type::Warning, u"NodeNotReady"_qs, u"Node is not ready"_qs, Component);
                report(ignoreNotFound(r));
            });
    }
}

} // namespace kube
