#include "kubeletcontroller.h"

#include "deferreddone.h"
#include "eventrecorder.h"
#include "kubeletlogserver.h"

#include "kube/api/clock.h"
#include "kube/cache/indexers.h"
#include "kube/cache/sharedinformer.h"
#include "kube/client/clustertransport.h"
#include "kube/client/restclient.h"
#include "kube/kubelet/nodeimagecache.h"
#include "kube/kubelet/podsimulation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTimer>

namespace kube {

namespace {

// The annotation that stops a node's simulated kubelet (see the header).
constexpr auto KubeletAnnotation = u"timonel.dev/kubelet";

QString nodeNameOf(const Object &pod)
{
    return pod.scalarAt(u"spec.nodeName").value_or(QString());
}

} // namespace

KubeletController::KubeletController(const ControllerContext &context, std::chrono::milliseconds leaseDuration, QObject *parent)
    : Controller(u"kubelet"_qs, context, parent)
    , m_pods(context.informer(gvr::pods()))
    , m_nodes(context.informer(gvr::nodes()))
    , m_leaseDuration(leaseDuration)
    , m_leaseTimer(new QTimer(this))
    , m_logServer(new KubeletLogServer(context.client->transport()->config().bearerToken,
                                       [this](const QString &key) { return simulation(key); }, *context.clock, this))
{
    if (m_logServer->listen() == 0)
        qWarning("kubelet: cannot listen on 127.0.0.1 for container logs");
    ResourceEventHandler pods;
    pods.added = [this](const Object &pod) {
        if (!nodeNameOf(pod).isEmpty())
            enqueue(pod);
    };
    pods.updated = [this](const Object &, const Object &pod) {
        if (!nodeNameOf(pod).isEmpty())
            enqueue(pod);
    };
    pods.deleted = [this](const Object &pod, DeleteState) { release(queueKey(pod.namespace_(), pod.name())); };
    m_pods->addEventHandler(this, pods);

    ResourceEventHandler nodes;
    nodes.synced = [this] { renewLeases(); };
    nodes.added = [this](const Object &node) {
        publishLogPort(node);
        nodeChanged(nullptr, node);
    };
    nodes.updated = [this](const Object &old, const Object &node) {
        publishLogPort(node);
        nodeChanged(&old, node);
    };
    m_nodes->addEventHandler(this, nodes);
    // Upstream renews every 1/4 of the duration (clock time: under --speed N, N times as often).
    m_leaseTimer->setInterval(int(std::max<qint64>(10, context.realMsecs(std::max<qint64>(100, m_leaseDuration.count() / 4)))));
    connect(m_leaseTimer, &QTimer::timeout, this, &KubeletController::renewLeases);
    m_leaseTimer->start();
}

KubeletController::~KubeletController() = default;

const kubelet::PodSimulation *KubeletController::simulation(const QString &key) const
{
    const auto it = m_running.constFind(key);
    return it == m_running.constEnd() ? nullptr : it->simulation.get();
}

quint16 KubeletController::logPort() const
{
    return m_logServer->port();
}

// The kubelet reports where it serves (upstream: status.daemonEndpoints.kubeletEndpoint.Port).
// Level-triggered on node events: a node that already names this port is left alone.
void KubeletController::publishLogPort(const Object &node)
{
    const int port = m_logServer->port();
    if (port == 0 || node.scalarAt(u"status.daemonEndpoints.kubeletEndpoint.Port").value_or(QString()).toInt() == port)
        return;
    const QJsonObject patch{{u"status"_qs, QJsonObject{{u"daemonEndpoints"_qs, QJsonObject{
                                {u"kubeletEndpoint"_qs, QJsonObject{{u"Port"_qs, port}}}}}}}};
    m_context.client->patch({gvr::nodes(), QString(), node.name(), u"status"_qs}, PatchType::Merge,
                            QJsonDocument(patch).toJson(QJsonDocument::Compact), [](Expected<Object>) {});
}

KubeletController::Node &KubeletController::nodeState(const QString &name)
{
    auto it = m_nodeStates.find(name);
    if (it != m_nodeStates.end())
        return *it;
    Node node;
    node.images = std::make_shared<kubelet::NodeImageCache>();
    QString cidr;
    if (const auto object = m_nodes->lister().get(QString(), name))
        cidr = object->scalarAt(u"spec.podCIDR").value_or(QString());
    if (cidr.isEmpty())
        cidr = u"10.244.0.0/24"_qs;
    node.podCidrBase = cidr.section(u'.', 0, 2) + u'.';
    return *m_nodeStates.insert(name, std::move(node));
}

QString KubeletController::allocateIp(Node &node)
{
    for (int host = 2; host < 255; ++host) {
        if (!node.usedHosts.contains(host)) {
            node.usedHosts.insert(host);
            return node.podCidrBase + QString::number(host);
        }
    }
    return node.podCidrBase + u"254"_qs; // a full /24: share the last address rather than fail
}

void KubeletController::release(const QString &key)
{
    auto it = m_running.find(key);
    if (it == m_running.end())
        return;
    auto node = m_nodeStates.find(it->node);
    if (node != m_nodeStates.end())
        node->usedHosts.remove(it->podIP.section(u'.', 3, 3).toInt());
    m_running.erase(it);
    m_logServer->podAdvanced(key); // its followers end
}

void KubeletController::sync(const QString &key, Done done)
{
    done = deferredDone(this, std::move(done)); // never nested in processReady (deferreddone.h)
    const auto [ns, objectName] = splitQueueKey(key);
    const std::optional<Object> pod = m_pods->lister().get(ns, objectName);
    if (!pod) {
        release(key);
        done({});
        return;
    }
    const QString nodeName = nodeNameOf(*pod);
    if (nodeName.isEmpty() || isStopped(nodeName)) {
        done({}); // a stopped kubelet is silent; its pods are synced again when it resumes
        return;
    }
    const QDateTime now = m_context.clock->now();
    auto it = m_running.find(key);
    if (it != m_running.end() && it->uid != pod->uid()) {
        release(key); // a new pod with the same objectName
        it = m_running.end();
    }
    if (it == m_running.end()) {
        const QString phase = pod->scalarAt(u"status.phase").value_or(QString());
        if (phase == u"Succeeded" || phase == u"Failed") {
            done({}); // finished before we (re)started: nothing to run
            return;
        }
        Node &node = nodeState(nodeName);
        Running running;
        running.uid = pod->uid();
        running.node = nodeName;
        running.podIP = allocateIp(node);
        running.resourceVersion = pod->resourceVersion();
        running.simulation = std::make_shared<kubelet::PodSimulation>(
            *pod, kubelet::PodPlacement{nodeName, u"127.0.0.1"_qs, running.podIP}, node.images, now);
        it = m_running.insert(key, std::move(running));
    } else if (it->resourceVersion != pod->resourceVersion()) {
        it->resourceVersion = pod->resourceVersion();
        if (!pod->isBeingDeleted())
            it->simulation->updateSpec(*pod, now);
    }
    Running &running = *it;
    if (pod->isBeingDeleted() && !running.simulation->isDeletionRequested()) {
        const auto grace = pod->scalarAt(u"metadata.deletionGracePeriodSeconds");
        running.simulation->requestDeletion(now, grace ? std::optional<qint64>(grace->toLongLong()) : std::nullopt);
    }
    running.simulation->advance(now);
    m_logServer->podAdvanced(key);

    for (const kubelet::PodEvent &event : running.simulation->takeEvents()) {
        m_context.events->record(*pod, event.type == u"Warning" ? EventRecorder::Type::Warning : EventRecorder::Type::Normal,
                                 event.reason, event.message, u"kubelet"_qs, nodeName, event.fieldPath);
    }

    auto join = std::make_shared<WriteJoin>(std::move(done));
    const QJsonObject status = running.simulation->status();
    const QJsonObject podJson = pod->toJson();
    if (status != running.lastStatus && status != podJson.value(u"status").toObject()) {
        QJsonObject updated = podJson;
        updated.insert(u"status", status);
        auto report = join->expect();
        m_context.client->update({gvr::pods(), ns, objectName, u"status"_qs}, Object::fromJson(updated),
            [this, key, status, report](Expected<Object> r) {
                if (r) {
                    auto again = m_running.find(key);
                    if (again != m_running.end())
                        again->lastStatus = status;
                }
                report(r.ok() || r.error().is(reason::NotFound) ? Status() : r.error());
            });
    }
    if (pod->isBeingDeleted() && running.simulation->isFinished() && !running.deleteSent) {
        running.deleteSent = true;
        DeleteOptions options;
        options.gracePeriodSeconds = 0;
        options.preconditionUid = pod->uid();
        auto report = join->expect();
        m_context.client->remove({gvr::pods(), ns, objectName, QString()},
            [report](Expected<Object> r) { report(r.ok() || r.error().is(reason::NotFound) || r.error().is(reason::Conflict) ? Status() : r.error()); },
            options);
        return;
    }
    if (const auto wake = running.simulation->nextWakeUp())
        enqueueAfter(key, std::max<qint64>(1, now.msecsTo(*wake)));
}

bool KubeletController::isStopped(const Object &node)
{
    return node.annotations().value(KubeletAnnotation) == u"stopped";
}

bool KubeletController::isStopped(const QString &nodeName) const
{
    const auto node = m_nodes->lister().get(QString(), nodeName);
    return node && isStopped(*node);
}

// Level-triggered on node events: a running kubelet keeps its node Ready (after a restart, or
// after it was silent and the node lifecycle controller marked it Unknown); one that resumes
// renews its Lease at once and catches its pods up, rewriting their status.
void KubeletController::nodeChanged(const Object *oldNode, const Object &node)
{
    if (isStopped(node))
        return;
    if (oldNode && isStopped(*oldNode)) {
        renewLease(node);
        for (Running &running : m_running) {
            if (running.node == node.name())
                running.lastStatus = {};
        }
        for (const Object &pod : m_pods->lister().byIndex(QString::fromLatin1(index::NodeName), node.name()))
            enqueue(pod);
    }
    postReady(node);
}

// The kubelet's NodeReady condition (upstream setNodeReadyCondition), written only when the
// node does not already say Ready=True.
void KubeletController::postReady(const Object &node)
{
    QJsonObject json = node.toJson();
    QJsonObject status = json.value(u"status").toObject();
    QJsonArray conditions = status.value(u"conditions").toArray();
    const QString now = formatKubeTime(m_context.clock->now());
    const QJsonObject ready{{u"type"_qs, u"Ready"_qs}, {u"status"_qs, u"True"_qs}, {u"reason"_qs, u"KubeletReady"_qs},
                            {u"message"_qs, u"kubelet is posting ready status"_qs},
                            {u"lastHeartbeatTime"_qs, now}, {u"lastTransitionTime"_qs, now}};
    qsizetype at = -1;
    for (qsizetype i = 0; i < conditions.size(); ++i) {
        if (conditions.at(i).toObject().value(u"type").toString() == u"Ready")
            at = i;
    }
    if (at >= 0 && conditions.at(at).toObject().value(u"status").toString() == u"True")
        return;
    if (at >= 0)
        conditions.replace(at, ready);
    else
        conditions.append(ready);
    status.insert(u"conditions", conditions);
    json.insert(u"status", status);
    m_context.client->update({gvr::nodes(), QString(), node.name(), u"status"_qs}, Object::fromJson(json),
                             [](Expected<Object>) {}); // a conflict brings another node event, and another try
}

void KubeletController::renewLeases()
{
    for (const Object &node : m_nodes->lister().list()) {
        if (!isStopped(node))
            renewLease(node);
    }
}

void KubeletController::renewLease(const Object &node)
{
    const QString now = formatKubeMicroTime(m_context.clock->now());
    const int leaseDurationSeconds = int(std::max<qint64>(1, m_leaseDuration.count() / 1000));
    const QString objectName = node.name();
    const QJsonObject lease{
        {u"apiVersion"_qs, u"coordination.k8s.io/v1"_qs},
        {u"kind"_qs, u"Lease"_qs},
        {u"metadata"_qs, QJsonObject{{u"name"_qs, objectName}, {u"namespace"_qs, u"kube-node-lease"_qs},
                                     {u"ownerReferences"_qs, QJsonArray{QJsonObject{
                                          {u"apiVersion"_qs, u"v1"_qs}, {u"kind"_qs, u"Node"_qs},
                                          {u"name"_qs, objectName}, {u"uid"_qs, node.uid()}}}}}},
        {u"spec"_qs, QJsonObject{{u"holderIdentity"_qs, objectName}, {u"leaseDurationSeconds"_qs, leaseDurationSeconds},
                                 {u"renewTime"_qs, now}}},
    };
    // Server-side apply creates the Lease the first time and renews it after.
    m_context.client->apply({gvr::leases(), u"kube-node-lease"_qs, objectName, QString()},
                            QJsonDocument(lease).toJson(QJsonDocument::Compact), u"kubelet"_qs,
                            [](Expected<Object>) {}, true);
}

} // namespace kube
