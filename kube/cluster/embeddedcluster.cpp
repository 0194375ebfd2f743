#include "embeddedcluster.h"

#include "kube/api/clock.h"
#include "kube/api/scaledclock.h"
#include "kube/api/typeregistry.h"
#include "kube/apiserver/apihttpserver.h"
#include "kube/apiserver/apiserver.h"
#include "kube/apiserver/objectrules.h"
#include "kube/apiserver/storagekeys.h"
#include "kube/controllers/controllermanager.h"
#include "kube/controllers/ingress/ingressclassinfo.h"
#include "kube/store/store.h"
#include "clockfloor.h"
#include "servingcertificates.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTcpServer>
#include <QThread>
#include <QTimer>

namespace kube {

EmbeddedCluster::EmbeddedCluster(ClusterOptions options, QObject *parent) : QObject(parent), m_options(std::move(options))
{
    if (m_options.dataDir.isEmpty())
        m_options.dataDir = defaultDataDir();
    // The clock continues from where the last run left it when that run was sped up.
    const QDateTime realNow = Clock::system().now();
    const QDateTime start = ClockFloor::startFor(m_options.dataDir, realNow);
    if (m_options.speed > 1 || start > realNow)
        m_scaledClock = std::make_unique<ScaledClock>(m_options.speed, start);
}

void EmbeddedCluster::keepClockFloor()
{
    ClockFloor::write(m_options.dataDir, clock().now());
    auto *timer = new QTimer(this);
    timer->setInterval(m_scaledClock && m_scaledClock->speed() > 1 ? 2000 : 60000);
    connect(timer, &QTimer::timeout, this, [this] { ClockFloor::write(m_options.dataDir, clock().now()); });
    timer->start();
}

const Clock &EmbeddedCluster::clock() const
{
    return m_scaledClock ? *m_scaledClock : Clock::system();
}

EmbeddedCluster::~EmbeddedCluster()
{
    if (m_store)
        ClockFloor::write(m_options.dataDir, clock().now()); // started: the next run continues from here
    if (m_controllerThread) {
        // The manager is deleted on its own thread, then the thread ends.
        QMetaObject::invokeMethod(m_controllers, [manager = m_controllers] { delete manager; }, Qt::BlockingQueuedConnection);
        m_controllerThread->quit();
        m_controllerThread->wait();
        delete m_controllerThread;
    }
    m_http.reset(); // no new requests
    m_api.reset();  // ends watches before the store goes
    m_store.reset();
}

QString EmbeddedCluster::defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/timonel/cluster"_qs;
}

QString EmbeddedCluster::url() const
{
    return u"https://127.0.0.1:%1"_qs.arg(m_port);
}

Status EmbeddedCluster::loadOrCreateToken()
{
    if (!m_options.token.isEmpty()) {
        m_token = m_options.token;
        return {};
    }
    const QString path = m_options.dataDir + u"/token"_qs;
    QFile existing(path);
    if (existing.open(QIODevice::ReadOnly)) {
        m_token = existing.readAll().trimmed();
        if (!m_token.isEmpty())
            return {};
    }
    QByteArray random(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(random.data()),
                                         reinterpret_cast<quint32 *>(random.data() + random.size()));
    m_token = random.toHex();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Status::internalError(u"cannot write %1: %2"_qs.arg(path, file.errorString()));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(m_token + '\n');
    if (!file.commit())
        return Status::internalError(u"cannot write %1: %2"_qs.arg(path, file.errorString()));
    return {};
}

Status EmbeddedCluster::bootstrap()
{
    // The namespaces every cluster starts with.
    const KindInfoPtr namespaces = m_registry->resource({QString(), u"v1"_qs, u"namespaces"_qs});
    for (const QString &name : {u"default"_qs, u"kube-system"_qs, u"kube-public"_qs, u"kube-node-lease"_qs}) {
        const QByteArray key = storageKey(*namespaces, QString(), name);
        if (m_store->get(key).ok())
            continue;
        const QJsonObject ns{{u"apiVersion"_qs, u"v1"_qs},
                             {u"kind"_qs, u"Namespace"_qs},
                             {u"metadata"_qs, QJsonObject{{u"name"_qs, name},
                                                          {u"uid"_qs, newUid()},
                                                          {u"creationTimestamp"_qs, formatKubeTime(clock().now())},
                                                          {u"labels"_qs, QJsonObject{{u"kubernetes.io/metadata.name"_qs, name}}}}},
                             {u"spec"_qs, QJsonObject{{u"finalizers"_qs, QJsonArray{u"kubernetes"_qs}}}},
                             {u"status"_qs, QJsonObject{{u"phase"_qs, u"Active"_qs}}}};
        auto created = m_store->create(key, Object::fromJson(ns));
        if (!created.ok() && !created.error().is(reason::AlreadyExists))
            return created.error();
    }
    return {};
}

// The default StorageClass "standard", as kind ships one: claims without a class get it (the
// DefaultStorageClass admission) and the local-path provisioner of the controllers
// (kube/controllers/volumes/provisioner.h) makes their volumes. Created only while the cluster
// has no StorageClass at all, so one a learner replaced stays replaced.
Status EmbeddedCluster::createDefaultStorageClass()
{
    const KindInfoPtr classes = m_registry->resource({u"storage.k8s.io"_qs, u"v1"_qs, u"storageclasses"_qs});
    const auto existing = m_store->list(storagePrefix(*classes), ListOptions{1, {}, 0});
    if (!existing.ok())
        return existing.error();
    if (!existing->items.isEmpty())
        return {};
    const QJsonObject storageClass{
        {u"apiVersion"_qs, u"storage.k8s.io/v1"_qs},
        {u"kind"_qs, u"StorageClass"_qs},
        {u"metadata"_qs, QJsonObject{{u"name"_qs, u"standard"_qs},
                                     {u"uid"_qs, newUid()},
                                     {u"creationTimestamp"_qs, formatKubeTime(clock().now())},
                                     {u"annotations"_qs, QJsonObject{{u"storageclass.kubernetes.io/is-default-class"_qs, u"true"_qs}}}}},
        {u"provisioner"_qs, u"timonel.dev/local-path"_qs},
        {u"reclaimPolicy"_qs, u"Delete"_qs},
        {u"volumeBindingMode"_qs, u"Immediate"_qs}};
    auto created = m_store->create(storageKey(*classes, QString(), u"standard"_qs), Object::fromJson(storageClass));
    if (!created.ok() && !created.error().is(reason::AlreadyExists))
        return created.error();
    return {};
}

// The default IngressClass "timonel" (ingress-nginx's install creates its class the same way),
// annotated with the port its controller serves: ClusterOptions::ingressPort, or a free port
// chosen now for 0 so it can be printed at once. A taken port is not fatal — the controller
// reports it and retries — so a second cluster on the machine still starts. A class the learner
// edited keeps its edits; only the port follows this start.
Status EmbeddedCluster::createDefaultIngressClass()
{
    if (m_options.controllers) {
        QTcpServer probe;
        if (probe.listen(QHostAddress::LocalHost, m_options.ingressPort))
            m_ingressPort = probe.serverPort();
        else if ((m_ingressPort = m_options.ingressPort) != 0)
            qWarning("timonel-cluster: 127.0.0.1:%d is in use; Ingresses are served there once it is free", int(m_ingressPort));
    }
    const KindInfoPtr classes = m_registry->resource(ingress::ingressClasses());
    const QByteArray key = storageKey(*classes, QString(), QLatin1String(ingress::DefaultClassName));
    const QString port = QString::number(m_ingressPort);
    auto written = m_store->guaranteedUpdate(key, [&](const Object &current) -> Expected<Object> {
        QJsonObject json = current.isNull() ? ingress::defaultIngressClass(m_ingressPort) : current.toJson();
        QJsonObject metadata = json.value(u"metadata").toObject();
        if (current.isNull()) {
            metadata.insert(u"uid", newUid());
            metadata.insert(u"creationTimestamp", formatKubeTime(clock().now()));
        }
        QJsonObject annotations = metadata.value(u"annotations").toObject();
        if (m_ingressPort != 0)
            annotations.insert(QLatin1String(ingress::PortAnnotation), port);
        metadata.insert(u"annotations", annotations);
        json.insert(u"metadata", metadata);
        return Object::fromJson(json);
    }, Store::IfMissing::Create);
    return written.ok() ? Status() : written.error();
}

// The nodes a learner schedules onto. For now they register as Ready with fixed capacity; the
// simulated kubelet (issue 4) takes over their status and heartbeats.
Status EmbeddedCluster::registerNodes()
{
    const KindInfoPtr nodes = m_registry->resource({QString(), u"v1"_qs, u"nodes"_qs});
    const QString now = formatKubeTime(clock().now());
    for (int i = 1; i <= m_options.nodes; ++i) {
        const QString name = u"timonel-node-%1"_qs.arg(i);
        const QByteArray key = storageKey(*nodes, QString(), name);
        if (m_store->get(key).ok())
            continue;
        const QJsonObject capacity{{u"cpu"_qs, u"4"_qs}, {u"memory"_qs, u"8Gi"_qs}, {u"pods"_qs, QString::number(m_options.maxPods)},
                                   {u"ephemeral-storage"_qs, u"50Gi"_qs}};
        QJsonObject labels{{u"kubernetes.io/hostname"_qs, name}, {u"kubernetes.io/os"_qs, u"linux"_qs},
                           {u"kubernetes.io/arch"_qs, u"amd64"_qs}};
        if (i == 1)
            labels[u"node-role.kubernetes.io/control-plane"_qs] = QString();
        const QJsonObject node{
            {u"apiVersion"_qs, u"v1"_qs},
            {u"kind"_qs, u"Node"_qs},
            {u"metadata"_qs, QJsonObject{{u"name"_qs, name}, {u"uid"_qs, newUid()}, {u"creationTimestamp"_qs, now}, {u"labels"_qs, labels}}},
            {u"spec"_qs, QJsonObject{{u"podCIDR"_qs, u"10.244.%1.0/24"_qs.arg(i - 1)}, {u"podCIDRs"_qs, QJsonArray{u"10.244.%1.0/24"_qs.arg(i - 1)}}}},
            {u"status"_qs, QJsonObject{
                {u"capacity"_qs, capacity},
                {u"allocatable"_qs, capacity},
                {u"conditions"_qs, QJsonArray{QJsonObject{{u"type"_qs, u"Ready"_qs}, {u"status"_qs, u"True"_qs},
                                                          {u"reason"_qs, u"KubeletReady"_qs}, {u"message"_qs, u"kubelet is posting ready status"_qs},
                                                          {u"lastHeartbeatTime"_qs, now}, {u"lastTransitionTime"_qs, now}}}},
                {u"addresses"_qs, QJsonArray{QJsonObject{{u"type"_qs, u"InternalIP"_qs}, {u"address"_qs, u"127.0.0.1"_qs}},
                                             QJsonObject{{u"type"_qs, u"Hostname"_qs}, {u"address"_qs, name}}}},
                {u"nodeInfo"_qs, QJsonObject{{u"kubeletVersion"_qs, u"v1.35.0"_qs}, {u"kubeProxyVersion"_qs, QString()},
                                             {u"operatingSystem"_qs, u"linux"_qs}, {u"architecture"_qs, u"amd64"_qs},
                                             {u"osImage"_qs, u"Timonel simulated node"_qs}, {u"kernelVersion"_qs, u"simulated"_qs},
                                             {u"containerRuntimeVersion"_qs, u"timonel://" TIMONEL_VERSION ""_qs},
                                             {u"machineID"_qs, QString()}, {u"systemUUID"_qs, QString()}, {u"bootID"_qs, QString()}}}}}};
        auto created = m_store->create(key, Object::fromJson(node));
        if (!created.ok() && !created.error().is(reason::AlreadyExists))
            return created.error();
    }
    return {};
}

Status EmbeddedCluster::start()
{
    if (!QDir().mkpath(m_options.dataDir))
        return Status::internalError(u"cannot create the data directory %1"_qs.arg(m_options.dataDir));
    QFile::setPermissions(m_options.dataDir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    if (Status s = loadOrCreateToken(); !s.isSuccess())
        return s;
    keepClockFloor();
    auto store = Store::open(m_options.dataDir + u"/store"_qs);
    if (!store.ok())
        return store.error();
    m_store = std::move(store).value();
    m_registry = TypeRegistry::builtin().clone();
    if (Status s = bootstrap(); !s.isSuccess())
        return s;
    if (Status s = registerNodes(); !s.isSuccess())
        return s;
    if (Status s = createDefaultStorageClass(); !s.isSuccess())
        return s;
    if (Status s = createDefaultIngressClass(); !s.isSuccess())
        return s;

    m_api = std::make_unique<ApiServer>(m_registry.get(), m_store.get(), clock());
    m_api->setServiceAccountTokenKey(m_token);
    m_http = std::make_unique<ApiHttpServer>(m_token, m_api.get());
    auto tls = loadOrCreateServingCertificates(m_options.dataDir + u"/pki"_qs);
    if (!tls.ok())
        return tls.error();
    m_caCertificate = tls->caCertificatePem;
    if (!m_http->useTls(tls->certificatePem, tls->privateKeyPem))
        return Status::internalError(u"the API server's TLS certificate or key in %1/pki cannot be used"_qs.arg(m_options.dataDir));
    m_port = m_http->listenOnLoopback(m_options.port);
    if (m_port == 0)
        return Status::internalError(u"cannot listen on 127.0.0.1:%1 (is it in use?)"_qs.arg(m_options.port));
    m_api->setServerAddress(u"127.0.0.1:%1"_qs.arg(m_port));
    if (Status s = publishKubernetesService(); !s.isSuccess())
        return s;
    if (m_options.controllers)
        startControllers();
    return {};
}

// Under --speed the API server does not answer faster: a Lease renewal that waits behind a
// burst of pod writes is late by real seconds. So the grace period (and with it the Leases'
// duration and renewal interval) is at least MinRealGrace of real time, else a busy cluster at
// speed 100 (40 s of clock = 0.4 real s) takes its nodes NotReady and evicts what it just started.
std::chrono::milliseconds EmbeddedCluster::nodeMonitorGracePeriod() const
{
    constexpr qint64 MinRealGraceMs = 40000; // upstream's default, kept in real time
    if (!m_scaledClock || m_scaledClock->speed() <= 1)
        return m_options.nodeMonitorGracePeriod;
    const qint64 floor = m_scaledClock->clockMsecs(MinRealGraceMs);
    return std::chrono::milliseconds(std::max<qint64>(m_options.nodeMonitorGracePeriod.count(), floor));
}

void EmbeddedCluster::startControllers()
{
    m_controllerThread = new QThread;
    m_controllerThread->setObjectName(u"controllers"_qs);
    ControllerManagerOptions options{url(), m_caCertificate, m_token, 1};
    options.nodeMonitorGracePeriod = nodeMonitorGracePeriod();
    m_controllers = new ControllerManager(options, clock());
    m_controllers->moveToThread(m_controllerThread);
    m_controllerThread->start();
    QMetaObject::invokeMethod(m_controllers, &ControllerManager::start, Qt::QueuedConnection);
}

// default/kubernetes: the Service every cluster has for its API server (cluster IP 10.96.0.1,
// port 443), with Endpoints pointing at the port this start listens on.
Status EmbeddedCluster::publishKubernetesService()
{
    const QString now = formatKubeTime(clock().now());
    const QJsonObject labels{{u"component"_qs, u"apiserver"_qs}, {u"provider"_qs, u"kubernetes"_qs}};
    const auto put = [&](const QString &resource, const QJsonObject &body) -> Status {
        const KindInfoPtr kind = m_registry->resource({QString(), u"v1"_qs, resource});
        const QByteArray key = storageKey(*kind, u"default"_qs, u"kubernetes"_qs);
        auto written = m_store->guaranteedUpdate(key, [&](const Object &current) -> Expected<Object> {
            QJsonObject object = body;
            QJsonObject metadata = object.value(u"metadata").toObject();
            if (current.isNull()) {
                metadata.insert(u"uid", newUid());
                metadata.insert(u"creationTimestamp", now);
            } else {
                const QJsonObject old = current.toJson().value(u"metadata").toObject();
                metadata.insert(u"uid", old.value(u"uid"));
                metadata.insert(u"creationTimestamp", old.value(u"creationTimestamp"));
            }
            object.insert(u"metadata", metadata);
            const Object next = Object::fromJson(object);
            return current.isNull() || current.withResourceVersion(u"") != next.withResourceVersion(u"") ? next : current;
        }, Store::IfMissing::Create);
        return written.ok() ? Status() : written.error();
    };
    const QJsonObject metadata{{u"name"_qs, u"kubernetes"_qs}, {u"namespace"_qs, u"default"_qs}, {u"labels"_qs, labels}};
    const QJsonObject service{
        {u"apiVersion"_qs, u"v1"_qs}, {u"kind"_qs, u"Service"_qs}, {u"metadata"_qs, metadata},
        {u"spec"_qs, QJsonObject{
            {u"type"_qs, u"ClusterIP"_qs}, {u"clusterIP"_qs, u"10.96.0.1"_qs}, {u"clusterIPs"_qs, QJsonArray{u"10.96.0.1"_qs}},
            {u"ipFamilies"_qs, QJsonArray{u"IPv4"_qs}}, {u"ipFamilyPolicy"_qs, u"SingleStack"_qs},
            {u"sessionAffinity"_qs, u"None"_qs}, {u"internalTrafficPolicy"_qs, u"Cluster"_qs},
            {u"ports"_qs, QJsonArray{QJsonObject{{u"name"_qs, u"https"_qs}, {u"port"_qs, 443}, {u"protocol"_qs, u"TCP"_qs},
                                                 {u"targetPort"_qs, int(m_port)}}}}}},
        {u"status"_qs, QJsonObject{{u"loadBalancer"_qs, QJsonObject()}}}};
    if (Status s = put(u"services"_qs, service); !s.isSuccess())
        return s;
    const QJsonObject endpoints{
        {u"apiVersion"_qs, u"v1"_qs}, {u"kind"_qs, u"Endpoints"_qs}, {u"metadata"_qs, metadata},
        {u"subsets"_qs, QJsonArray{QJsonObject{
            {u"addresses"_qs, QJsonArray{QJsonObject{{u"ip"_qs, u"127.0.0.1"_qs}}}},
            {u"ports"_qs, QJsonArray{QJsonObject{{u"name"_qs, u"https"_qs}, {u"port"_qs, int(m_port)}, {u"protocol"_qs, u"TCP"_qs}}}}}}}};
    return put(u"endpoints"_qs, endpoints);
}

} // namespace kube
