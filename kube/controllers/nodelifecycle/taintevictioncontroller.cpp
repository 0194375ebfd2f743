#include "taintevictioncontroller.h"

#include "tainteviction.h"

#include "kube/api/clock.h"
#include "kube/cache/indexers.h"
#include "kube/cache/sharedinformer.h"
#include "kube/client/restclient.h"
#include "kube/controllers/eventrecorder.h"

#include <QJsonObject>

#include <algorithm>

namespace kube {

namespace {

using namespace nodelifecycle;

// A timer further out than this is re-armed by the sync it triggers (QTimer takes int ms).
constexpr qint64 MaxRequeueMs = 24LL * 3600 * 1000;

QJsonArray taintsOf(const Object &node)
{
    return node.toJson().value(u"spec").toObject().value(u"taints").toArray();
}

} // namespace

TaintEvictionController::TaintEvictionController(const ControllerContext &context, QObject *parent)
    : Controller(u"taint-eviction-controller"_qs, context, parent)
    , m_pods(context.informer(gvr::pods()))
    , m_nodes(context.informer(gvr::nodes()))
{
    ResourceEventHandler pods;
    pods.added = [this](const Object &pod) {
        if (!pod.nodeName().isEmpty())
            enqueue(pod);
    };
    pods.updated = [this](const Object &old, const Object &pod) {
        if (!pod.nodeName().isEmpty() && old.nodeName() != pod.nodeName())
            enqueue(pod);
    };
    m_pods->addEventHandler(this, pods);

    ResourceEventHandler nodes;
    nodes.added = [this](const Object &node) {
        if (taintsOf(node).size() > 0)
            enqueuePodsOn(node.name());
    };
    nodes.updated = [this](const Object &old, const Object &node) {
        if (noExecuteTaintsDiffer(taintsOf(old), taintsOf(node)))
            enqueuePodsOn(node.name());
    };
    nodes.deleted = [this](const Object &node, DeleteState) { m_firstSeen.remove(node.name()); };
    m_nodes->addEventHandler(this, nodes);
}

void TaintEvictionController::enqueuePodsOn(const QString &nodeName)
{
    for (const Object &pod : m_pods->lister().byIndex(QString::fromLatin1(index::NodeName), nodeName))
        enqueue(pod);
}

QDateTime TaintEvictionController::firstSeen(const QString &nodeName, const QJsonObject &taint)
{
    const QString id = taint.value(u"key").toString() + u'=' + taint.value(u"value").toString() + u':'
                       + taint.value(u"effect").toString();
    auto &seen = m_firstSeen[nodeName];
    auto it = seen.find(id);
    if (it == seen.end())
        it = seen.insert(id, m_context.clock->now());
    return *it;
}

void TaintEvictionController::sync(const QString &key, Done done)
{
    const auto [ns, podName] = splitQueueKey(key);
    const std::optional<Object> pod = m_pods->lister().get(ns, podName);
    if (!pod || pod->isBeingDeleted() || pod->nodeName().isEmpty()) {
        done({});
        return;
    }
    const QString nodeName = pod->nodeName();
    const std::optional<Object> node = m_nodes->lister().get(QString(), nodeName);
    if (!node) {
        done({});
        return;
    }
    const QDateTime now = m_context.clock->now();
    const QJsonArray tolerations = pod->toJson().value(u"spec").toObject().value(u"tolerations").toArray();
    const EvictionDecision decision = decideEviction(taintsOf(*node), tolerations, now,
        [this, &nodeName](const QJsonObject &taint) { return firstSeen(nodeName, taint); });
    if (decision.action == EvictionDecision::Action::Keep) {
        done({});
        return;
    }
    if (decision.action == EvictionDecision::Action::EvictAt) {
        enqueueAfter(key, std::clamp<qint64>(now.msecsTo(decision.at) + 1, 1, MaxRequeueMs));
        done({});
        return;
    }
    m_context.events->record(*pod, EventRecorder::Type::Normal, u"TaintManagerEviction"_qs,
                             u"Marking for deletion Pod %1/%2"_qs.arg(ns, podName), u"taint-eviction-controller"_qs);
    DeleteOptions options;
    options.preconditionUid = pod->uid();
    m_context.client->remove({gvr::pods(), ns, podName, QString()},
        [done](Expected<Object> r) {
            done(r.ok() || r.error().is(reason::NotFound) || r.error().is(reason::Conflict) ? Status() : r.error());
        }, options);
}

} // namespace kube
