#include "controllermanager.h"

#include "controller.h"
#include "controllercontext.h"
#include "endpointscontroller.h"
#include "eventrecorder.h"
#include "garbagecollector.h"
#include "kubeletcontroller.h"
#include "schedulercontroller.h"
#include "serviceaccountcontroller.h"
#include "serviceproxy.h"
#include "daemonset/daemonsetcontroller.h"
#include "deployment/deploymentcontroller.h"
#include "disruption/disruptioncontroller.h"
#include "cronjob/cronjobcontroller.h"
#include "ingress/ingresscontroller.h"
#include "job/jobcontroller.h"
#include "replicaset/replicasetcontroller.h"
#include "volumes/persistentvolumecontroller.h"
#include "statefulset/statefulsetcontroller.h"
#include "nodelifecycle/nodelifecyclecontroller.h"
#include "nodelifecycle/taintevictioncontroller.h"

#include "kube/api/scaledclock.h"
#include "kube/cache/sharedinformerfactory.h"
#include "kube/client/clustertransport.h"
#include "kube/client/restclient.h"
#include "kube/client/restlistwatch.h"
#include "kube/scheduler/volumebinding.h"

#include <QThread>

namespace kube {

namespace {

// The version each group's informers list and watch.
GroupVersionResource resourceFor(const QString &groupResource)
{
    const qsizetype dot = groupResource.indexOf(u'.');
    const QString resource = dot < 0 ? groupResource : groupResource.left(dot);
    const QString group = dot < 0 ? QString() : groupResource.mid(dot + 1);
    return {group, u"v1"_qs, resource}; // every group the controllers read serves v1
}

} // namespace

// A thread of its own for some controllers, with the client and event recorder they write
// through (both belong to that thread).
struct ControllerManager::Worker {
    QThread thread;
    QObject *anchor = nullptr; // lives on thread: blocking calls are queued to it
    std::unique_ptr<ClusterTransport> transport;
    std::unique_ptr<RestClient> client;
    std::unique_ptr<SharedInformerFactory> informers; // its own watches, read on its thread
    std::unique_ptr<EventRecorder> events;
    std::unique_ptr<ControllerContext> context;
    std::unique_ptr<scheduler::ScopedClaimLookup> claimLookup;

    // Runs fn on the thread and waits for it.
    void run(const std::function<void()> &fn) { QMetaObject::invokeMethod(anchor, fn, Qt::BlockingQueuedConnection); }
};

ControllerManager::ControllerManager(ControllerManagerOptions options, const Clock &clock, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_clock(clock)
{
}

ControllerManager::~ControllerManager()
{
    // The kubelets' worker first (its service proxy and ingress controller borrow the kubelet),
    // then the scheduler's.
    stopWorker(m_kubeletWorker);
    stopWorker(m_schedulerWorker);
    // Controllers first (they hold handlers on informers), then informers, then the client.
    m_controllers.clear();
    m_informers.reset();
    m_events.reset();
    m_client.reset();
    m_transport.reset();
}

void ControllerManager::start()
{
    if (m_started)
        return;
    m_started = true;
    m_transport = makeTransport(u"kube-controller-manager/v1.35.0 (linux/amd64) timonel"_qs);
    const auto *scale = dynamic_cast<const ScaledClock *>(&m_clock);
    m_client = std::make_unique<RestClient>(m_transport.get());
    ClusterTransport *transport = m_transport.get();
    m_informers = std::make_unique<SharedInformerFactory>([transport](const InformerKey &key) {
        return std::make_unique<RestListWatch>(transport, resourceFor(key.resource), key.namespace_);
    });
    m_events = std::make_unique<EventRecorder>(m_client.get(), m_clock);
    m_context = std::make_unique<ControllerContext>(ControllerContext{m_client.get(), m_informers.get(), &m_clock, m_events.get(), scale});

    m_schedulerWorker = startWorker(u"scheduler"_qs, u"kube-scheduler/v1.35.0 (linux/amd64) timonel"_qs);
    m_schedulerWorker->run([this, w = m_schedulerWorker.get()] {
        m_controllers.push_back(std::make_unique<SchedulerController>(*w->context, m_options.seed));
    });
    // The kubelets, and the service proxy and ingress controller that answer through their
    // simulated containers, on a thread of their own.
    m_kubeletWorker = startWorker(u"kubelet"_qs, u"kubelet/v1.35.0 (linux/amd64) timonel"_qs);
    m_kubeletWorker->run([this, w = m_kubeletWorker.get()] {
        auto kubelet = std::make_unique<KubeletController>(*w->context, m_options.nodeMonitorGracePeriod);
        const KubeletController *borrowed = kubelet.get();
        m_controllers.push_back(std::move(kubelet));
        m_controllers.push_back(std::make_unique<ServiceProxy>(*w->context, borrowed, m_options.seed));
        m_controllers.push_back(std::make_unique<IngressController>(*w->context, borrowed, m_options.seed));
        w->informers->start();
    });
    m_controllers.push_back(std::make_unique<ReplicaSetController>(*m_context, ReplicaSetKind::replicaSets()));
    m_controllers.push_back(std::make_unique<ReplicaSetController>(*m_context, ReplicaSetKind::replicationControllers()));
    m_controllers.push_back(std::make_unique<DeploymentController>(*m_context));
    m_controllers.push_back(std::make_unique<GarbageCollector>(*m_context));
    m_controllers.push_back(std::make_unique<ServiceAccountController>(*m_context));
    m_controllers.push_back(std::make_unique<JobController>(*m_context));
    m_controllers.push_back(std::make_unique<CronJobController>(*m_context));
    m_controllers.push_back(std::make_unique<DaemonSetController>(*m_context));
    m_controllers.push_back(std::make_unique<PersistentVolumeController>(*m_context, m_controllers));
    m_controllers.push_back(std::make_unique<StatefulSetController>(*m_context));
    m_controllers.push_back(std::make_unique<EndpointsController>(*m_context));
    m_controllers.push_back(std::make_unique<NodeLifecycleController>(*m_context, m_options.nodeMonitorGracePeriod));
    m_controllers.push_back(std::make_unique<TaintEvictionController>(*m_context));
    m_controllers.push_back(std::make_unique<DisruptionController>(*m_context));
    // The PV controller installed its claim lookup (over thread-safe listers) on this thread;
    // the scheduler needs it on its own.
    m_schedulerWorker->run([w = m_schedulerWorker.get(), lookup = scheduler::currentClaimLookup()] {
        w->claimLookup = std::make_unique<scheduler::ScopedClaimLookup>(lookup);
        w->informers->start();
    });
    m_informers->start();
}

std::unique_ptr<ClusterTransport> ControllerManager::makeTransport(const QString &userAgent) const
{
    RestConfig config;
    config.contextName = u"timonel-controllers"_qs;
    config.server = QUrl(m_options.server);
    config.certificateAuthorityPem = m_options.caPem;
    config.bearerToken = m_options.token;
    config.qps = 5000; // in-process peers: the server's own limits are the ones that matter
    config.burst = 10000;
    config.userAgent = userAgent;
    TransportOptions transportOptions;
    transportOptions.maxConnections = 8;
    // Under --speed the clock is a ScaledClock: timestamps and deadlines follow it, the client's
    // rate limits and retries stay in real time.
    const auto *scale = dynamic_cast<const ScaledClock *>(&m_clock);
    return std::make_unique<ClusterTransport>(config, scale ? scale->base() : m_clock, transportOptions);
}

std::unique_ptr<ControllerManager::Worker> ControllerManager::startWorker(const QString &threadName, const QString &userAgent)
{
    auto worker = std::make_unique<Worker>();
    Worker *w = worker.get();
    w->thread.setObjectName(threadName);
    w->anchor = new QObject;
    w->anchor->moveToThread(&w->thread);
    w->thread.start();
    const ScaledClock *scale = m_context->scale;
    w->run([&] {
        w->transport = makeTransport(userAgent);
        w->client = std::make_unique<RestClient>(w->transport.get());
        ClusterTransport *transport = w->transport.get();
        w->informers = std::make_unique<SharedInformerFactory>([transport](const InformerKey &key) {
            return std::make_unique<RestListWatch>(transport, resourceFor(key.resource), key.namespace_);
        });
        w->events = std::make_unique<EventRecorder>(w->client.get(), m_clock);
        w->context = std::make_unique<ControllerContext>(ControllerContext{w->client.get(), w->informers.get(), &m_clock, w->events.get(), scale});
    });
    return worker;
}

void ControllerManager::stopWorker(std::unique_ptr<Worker> &worker)
{
    if (!worker)
        return;
    Worker *w = worker.get();
    // Its controllers are deleted on its thread (their queues and timers live there), the last
    // built first (borrowers before what they borrow), with the client they write through;
    // then the thread ends.
    std::vector<Controller *> own;
    for (auto &c : m_controllers) {
        if (c && c->thread() == &w->thread)
            own.push_back(c.release());
    }
    w->run([w, &own] {
        for (auto it = own.rbegin(); it != own.rend(); ++it)
            delete *it;
        w->claimLookup.reset();
        w->informers.reset();
        w->events.reset();
        w->client.reset();
        w->transport.reset();
    });
    w->thread.quit();
    w->thread.wait();
    delete w->anchor;
    worker.reset();
}

} // namespace kube
