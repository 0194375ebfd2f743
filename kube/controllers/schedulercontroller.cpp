#include "schedulercontroller.h"

#include "deferreddone.h"
#include "eventrecorder.h"

#include "kube/api/clock.h"
#include "kube/cache/sharedinformer.h"
#include "kube/client/restclient.h"
#include "kube/scheduler/binding.h"
#include "kube/scheduler/scheduler.h"
#include "kube/scheduler/schedulercache.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

namespace kube {

namespace {

constexpr int UnschedulableRetryMs = 5 * 60 * 1000;

QString nodeNameOf(const Object &pod)
{
    return pod.scalarAt(u"spec.nodeName").value_or(QString());
}

} // namespace

SchedulerController::SchedulerController(const ControllerContext &context, quint32 seed, QObject *parent)
    : Controller(u"default-scheduler"_qs, context, parent)
    , m_pods(context.informer(gvr::pods()))
    , m_nodes(context.informer(gvr::nodes()))
    , m_cache(std::make_unique<scheduler::SchedulerCache>())
    , m_scheduler(std::make_unique<scheduler::Scheduler>(m_cache.get(), seed))
{
    ResourceEventHandler nodes;
    nodes.added = [this](const Object &node) {
        m_cache->addNode(node);
        retryUnschedulable();
    };
    nodes.updated = [this](const Object &, const Object &node) {
        m_cache->updateNode(node);
        retryUnschedulable();
    };
    nodes.deleted = [this](const Object &node, DeleteState) { m_cache->removeNode(node.name()); };
    m_nodes->addEventHandler(this, nodes);

    ResourceEventHandler pods;
    pods.added = [this](const Object &pod) {
        if (isPending(pod))
            enqueue(pod);
        else if (!nodeNameOf(pod).isEmpty())
            m_cache->addPod(pod);
    };
    pods.updated = [this](const Object &, const Object &pod) {
        if (isPending(pod)) {
            enqueue(pod);
            return;
        }
        if (!nodeNameOf(pod).isEmpty())
            m_cache->updatePod(pod);
    };
    pods.deleted = [this](const Object &pod, DeleteState) {
        m_unschedulable.remove(queueKey(pod.namespace_(), pod.name()));
        m_cache->removePod(pod);
        retryUnschedulable(); // freed capacity may fit a waiting pod
    };
    m_pods->addEventHandler(this, pods);

    auto *flush = new QTimer(this);
    flush->setInterval(int(context.realMsecs(UnschedulableRetryMs))); // a clock-time period: shorter under --speed
    connect(flush, &QTimer::timeout, this, &SchedulerController::retryUnschedulable);
    flush->start();
}

SchedulerController::~SchedulerController() = default;

bool SchedulerController::isPending(const Object &pod)
{
    if (pod.isBeingDeleted() || !nodeNameOf(pod).isEmpty())
        return false;
    const QString scheduler = pod.scalarAt(u"spec.schedulerName").value_or(QString());
    if (!scheduler.isEmpty() && scheduler != u"default-scheduler")
        return false;
    const QString phase = pod.scalarAt(u"status.phase").value_or(QString());
    return phase != u"Succeeded" && phase != u"Failed";
}

void SchedulerController::retryUnschedulable()
{
    const QSet<QString> waiting = std::exchange(m_unschedulable, {});
    for (const QString &key : waiting)
        enqueue(key);
}

void SchedulerController::sync(const QString &key, Done done)
{
    done = deferredDone(this, std::move(done)); // never nested in processReady (deferreddone.h)
    if (!m_nodes->hasSynced() || !m_pods->hasSynced()) {
        enqueueAfterRealTime(key, 100);
        done({});
        return;
    }
    const auto [ns, objectName] = splitQueueKey(key);
    const std::optional<Object> pod = m_pods->lister().get(ns, objectName);
    if (!pod || !isPending(*pod)) {
        done({});
        return;
    }
    const QString podKey = ns + u'/' + objectName;
    if (m_cache->isAssumed(podKey)) {
        done({}); // its binding is on the way
        return;
    }
    const scheduler::ScheduleResult result = m_scheduler->scheduleAndAssume(*pod);
    if (!result.isScheduled()) {
        m_unschedulable.insert(key);
        const QString message = result.message();
        m_context.events->record(*pod, EventRecorder::Type::Warning, u"FailedScheduling"_qs, message, name());
        QJsonObject json = pod->toJson();
        QJsonObject status = json.value(u"status").toObject();
        QJsonArray conditions;
        for (const auto &c : status.value(u"conditions").toArray()) {
            if (c.toObject().value(u"type").toString() != u"PodScheduled")
                conditions.append(c);
        }
        conditions.append(QJsonObject{{u"type"_qs, u"PodScheduled"_qs}, {u"status"_qs, u"False"_qs},
                                      {u"lastProbeTime"_qs, QJsonValue::Null},
                                      {u"lastTransitionTime"_qs, formatKubeTime(m_context.clock->now())},
                                      {u"reason"_qs, u"Unschedulable"_qs}, {u"message"_qs, message}});
        status.insert(u"conditions", conditions);
        if (!status.contains(u"phase"))
            status.insert(u"phase", u"Pending"_qs);
        json.insert(u"status", status);
        if (json == pod->toJson()) {
            done({});
            return;
        }
        m_context.client->update({gvr::pods(), ns, objectName, u"status"_qs}, Object::fromJson(json),
                                 [done](Expected<Object>) { done({}); });
        return;
    }
    const QString node = result.nodeName;
    m_context.client->create({gvr::pods(), ns, objectName, u"binding"_qs}, scheduler::makeBinding(*pod, node),
        [this, pod = *pod, podKey, node, done](Expected<Object> bound) {
            if (!bound) {
                m_cache->forgetPod(podKey);
                done(bound.error().is(reason::NotFound) || bound.error().is(reason::Conflict) ? Status() : bound.error());
                return;
            }
            m_context.events->record(pod, EventRecorder::Type::Normal, u"Scheduled"_qs,
                                     QStringLiteral("Successfully assigned %1/%2 to %3").arg(pod.namespace_(), pod.name(), node), name());
            done({});
        });
}

} // namespace kube
