#include "clustersession.h"

#include "kube/cache/sharedinformer.h"
#include "kube/client/clustertransport.h"
#include "kube/client/execcredentialsource.h"
#include "kube/client/httpmessage.h"
#include "kube/client/restlistwatch.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

namespace timonel {

// The worker side: everything that talks to the cluster. Lives on the session's thread.
class SessionWorker : public QObject
{
public:
    explicit SessionWorker(kube::RestConfig config) : m_config(std::move(config)) {}

    ~SessionWorker() override
    {
        for (Entry &entry : m_informers) {
            entry.informer->stop();
            delete entry.informer;
        }
        m_informers.clear();
    }

    // Runs on the worker thread, once.
    void init()
    {
        m_transport = new kube::ClusterTransport(m_config, this);
        m_client = new kube::RestClient(m_transport, this);
        m_discovery = new kube::DiscoveryClient(m_transport, this);
    }

    kube::ClusterTransport *transport() const { return m_transport; }
    kube::RestClient &client() { return *m_client; }
    kube::DiscoveryClient &discovery() { return *m_discovery; }

    kube::SharedInformer *acquire(const kube::GroupVersionResource &gvr, const QString &namespace_)
    {
        const QString key = gvr.group + u'/' + gvr.version + u'/' + gvr.resource + u'/' + namespace_;
        auto it = m_informers.find(key);
        if (it == m_informers.end()) {
            auto listWatch = std::make_unique<kube::RestListWatch>(m_transport, gvr, namespace_);
            auto *informer = new kube::SharedInformer(std::move(listWatch));
            it = m_informers.insert(key, Entry{informer, 0, nullptr});
            m_keys.insert(informer, key);
            informer->start();
        }
        Entry &entry = it.value();
        ++entry.users;
        if (entry.linger) {
            entry.linger->stop();
            entry.linger->deleteLater();
            entry.linger = nullptr;
        }
        return entry.informer;
    }

    void release(kube::SharedInformer *informer, std::chrono::milliseconds linger)
    {
        const QString key = m_keys.value(informer);
        auto it = m_informers.find(key);
        if (it == m_informers.end() || --it->users > 0)
            return;
        auto *timer = new QTimer(this);
        timer->setSingleShot(true);
        it->linger = timer;
        connect(timer, &QTimer::timeout, this, [this, key] {
            auto found = m_informers.find(key);
            if (found == m_informers.end() || found->users > 0)
                return;
            found->informer->stop();
            m_keys.remove(found->informer);
            delete found->informer;
            found->linger->deleteLater();
            m_informers.erase(found);
        });
        timer->start(linger);
    }

    int activeCount() const { return int(m_informers.size()); }

private:
    struct Entry {
        kube::SharedInformer *informer;
        int users;
        QTimer *linger;
    };
    kube::RestConfig m_config;
    kube::ClusterTransport *m_transport = nullptr;
    kube::RestClient *m_client = nullptr;
    kube::DiscoveryClient *m_discovery = nullptr;
    QHash<QString, Entry> m_informers;
    QHash<kube::SharedInformer *, QString> m_keys;
};

ClusterSession::ClusterSession(QString displayName, kube::RestConfig config, QObject *parent)
    : QObject(parent), m_displayName(std::move(displayName)), m_defaultNamespace(config.namespace_),
      m_serverUrl(config.server.toString()), m_config(config)
{
    m_thread.setObjectName(QStringLiteral("cluster-client"));
    m_worker = new SessionWorker(std::move(config));
    m_worker->moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, [w = m_worker] { w->init(); }, Qt::BlockingQueuedConnection);

    m_health.setInterval(kHealthInterval);
    connect(&m_health, &QTimer::timeout, this, &ClusterSession::checkHealth);
}

ClusterSession::~ClusterSession()
{
    m_health.stop();
    SessionWorker *worker = m_worker;
    m_worker = nullptr;
    QMetaObject::invokeMethod(worker, [worker] { delete worker; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

template<typename Fn> void ClusterSession::onWorker(Fn fn)
{
    if (!m_worker)
        return;
    QMetaObject::invokeMethod(m_worker, [w = m_worker, fn = std::move(fn)]() mutable { fn(*w); }, Qt::QueuedConnection);
}

ClusterSession::ObjectReply ClusterSession::toGui(ObjectReply reply)
{
    QPointer<ClusterSession> self(this);
    return [self, reply = std::move(reply)](kube::Expected<kube::Object> result) {
        if (!self)
            return;
        QMetaObject::invokeMethod(self, [self, reply, result = std::move(result)]() mutable {
            if (self && reply)
                reply(std::move(result));
        }, Qt::QueuedConnection);
    };
}

void ClusterSession::setState(State state, const kube::Status &error)
{
    m_error = error.isSuccess() ? QString() : error.message();
    m_errorReason = error.isSuccess() ? QString() : error.reason();
    if (m_state == state && state != State::Failed)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void ClusterSession::connectToCluster()
{
    setState(State::Connecting);
    QPointer<ClusterSession> self(this);
    onWorker([self](SessionWorker &w) {
        const kube::Status config = w.transport()->configurationError();
        if (!config.isSuccess()) {
            QMetaObject::invokeMethod(self, [self, config] { if (self) self->setState(State::Failed, config); });
            return;
        }
        w.discovery().refresh([self, &w](kube::Status status) {
            QList<kube::ApiResource> resources = w.discovery().resources();
            QMetaObject::invokeMethod(self, [self, status, resources = std::move(resources)] {
                if (!self)
                    return;
                if (!status.isSuccess()) {
                    self->setState(State::Failed, status);
                    return;
                }
                self->m_resources = resources;
                Q_EMIT self->resourcesChanged();
                self->checkHealth();
                self->m_health.start();
            });
        });
    });
}

void ClusterSession::refreshDiscovery()
{
    QPointer<ClusterSession> self(this);
    onWorker([self](SessionWorker &w) {
        w.discovery().refresh([self, &w](kube::Status status) {
            if (!status.isSuccess())
                return; // the previous list stays; the health check reports connectivity
            QList<kube::ApiResource> resources = w.discovery().resources();
            QMetaObject::invokeMethod(self, [self, resources = std::move(resources)] {
                if (!self)
                    return;
                self->m_resources = resources;
                Q_EMIT self->resourcesChanged();
            });
        });
    });
}

void ClusterSession::checkHealth()
{
    if (m_healthInFlight)
        return;
    m_healthInFlight = true;
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    QPointer<ClusterSession> self(this);
    getRaw("/version", [self, timer](kube::Expected<QByteArray> body) {
        if (!self)
            return;
        self->m_healthInFlight = false;
        if (!body) {
            self->setState(State::Failed, body.error());
            return;
        }
        self->m_latencyMs = int(timer->elapsed());
        const QJsonObject version = QJsonDocument::fromJson(*body).object();
        self->m_serverVersion = version.value(u"gitVersion").toString();
        self->setState(State::Connected);
        Q_EMIT self->latencyChanged(self->m_latencyMs);
    });
}

std::optional<kube::ExecApproval> ClusterSession::pendingExecApproval() const
{
    if (m_state != State::Failed || m_errorReason != QLatin1StringView(kube::reason::ExecPluginNotApproved))
        return std::nullopt;
    auto *exec = dynamic_cast<kube::ExecCredentialSource *>(m_config.credentialSource.get());
    if (!exec)
        return std::nullopt;
    kube::Expected<kube::ExecApproval> request = exec->approvalRequest();
    if (!request)
        return std::nullopt;
    return *request;
}

kube::Status ClusterSession::approveExecPlugin()
{
    const std::optional<kube::ExecApproval> request = pendingExecApproval();
    if (!request)
        return kube::Status::badRequest(tr("no exec plugin is waiting for approval"));
    // The same file the kubeconfig loader consults (the default AppConfigLocation store).
    kube::ExecApprovalStore store;
    const kube::Status approved = store.approve(*request);
    if (approved.isSuccess())
        connectToCluster();
    return approved;
}

std::optional<kube::ApiResource> ClusterSession::findResource(const QString &nameOrId) const
{
    // Exact ids first ("deployments.apps", "pods"), then kubectl's short names and kinds.
    for (const kube::ApiResource &r : m_resources) {
        if (r.preferredVersion && resourceId(r.gvr) == nameOrId)
            return r;
    }
    const QString lower = nameOrId.toLower();
    for (const kube::ApiResource &r : m_resources) {
        if (!r.preferredVersion)
            continue;
        if (r.gvr.resource == lower || r.singularName == lower || r.kind.toLower() == lower || r.shortNames.contains(lower))
            return r;
    }
    return std::nullopt;
}

QString ClusterSession::resourceId(const kube::GroupVersionResource &gvr)
{
    return gvr.group.isEmpty() ? gvr.resource : gvr.resource + u'.' + gvr.group;
}

kube::SharedInformer *ClusterSession::acquireInformer(const QString &resourceId, const QString &namespace_)
{
    const std::optional<kube::ApiResource> resource = findResource(resourceId);
    if (!resource || !m_worker)
        return nullptr;
    const QString scope = resource->namespaced ? namespace_ : QString();
    kube::SharedInformer *informer = nullptr;
    const kube::GroupVersionResource gvr = resource->gvr;
    QMetaObject::invokeMethod(m_worker, [&, w = m_worker] { informer = w->acquire(gvr, scope); },
                              Qt::BlockingQueuedConnection);
    return informer;
}

void ClusterSession::releaseInformer(kube::SharedInformer *informer)
{
    if (!informer)
        return;
    const auto linger = std::chrono::duration_cast<std::chrono::milliseconds>(kInformerLinger);
    onWorker([informer, linger](SessionWorker &w) { w.release(informer, linger); });
}

int ClusterSession::activeInformerCount() const
{
    int count = 0;
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, [&, w = m_worker] { count = w->activeCount(); }, Qt::BlockingQueuedConnection);
    return count;
}

void ClusterSession::get(const kube::ResourceRef &ref, ObjectReply reply)
{
    onWorker([ref, reply = toGui(std::move(reply))](SessionWorker &w) { w.client().get(ref, reply); });
}

void ClusterSession::create(const kube::ResourceRef &ref, const kube::Object &object, ObjectReply reply,
                            const kube::WriteOptions &options)
{
    onWorker([=, reply = toGui(std::move(reply))](SessionWorker &w) { w.client().create(ref, object, reply, options); });
}

void ClusterSession::update(const kube::ResourceRef &ref, const kube::Object &object, ObjectReply reply,
                            const kube::WriteOptions &options)
{
    onWorker([=, reply = toGui(std::move(reply))](SessionWorker &w) { w.client().update(ref, object, reply, options); });
}

void ClusterSession::patch(const kube::ResourceRef &ref, kube::PatchType type, const QByteArray &body, ObjectReply reply,
                           const kube::PatchOptions &options)
{
    onWorker([=, reply = toGui(std::move(reply))](SessionWorker &w) { w.client().patch(ref, type, body, reply, options); });
}

void ClusterSession::apply(const kube::ResourceRef &ref, const QByteArray &body, const QString &fieldManager,
                           ObjectReply reply, bool force, kube::DryRun dryRun)
{
    onWorker([=, reply = toGui(std::move(reply))](SessionWorker &w) {
        w.client().apply(ref, body, fieldManager, reply, force, dryRun);
    });
}

void ClusterSession::remove(const kube::ResourceRef &ref, ObjectReply reply, const kube::DeleteOptions &options)
{
    onWorker([=, reply = toGui(std::move(reply))](SessionWorker &w) { w.client().remove(ref, reply, options); });
}

void ClusterSession::updateScale(const kube::ResourceRef &ref, qint64 replicas, ObjectReply reply)
{
    onWorker([=, reply = toGui(std::move(reply))](SessionWorker &w) { w.client().updateScale(ref, replicas, reply); });
}

void ClusterSession::getRaw(const QByteArray &target, RawReply reply)
{
    QPointer<ClusterSession> self(this);
    onWorker([self, target, reply = std::move(reply)](SessionWorker &w) {
        kube::HttpRequest request;
        request.target = target;
        request.headers.append({QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")});
        w.client().request(request, [self, reply](kube::Expected<kube::HttpResponse> response) {
            kube::Expected<QByteArray> body = response ? kube::Expected<QByteArray>(response->body)
                                                       : kube::Expected<QByteArray>(response.error());
            QMetaObject::invokeMethod(self, [self, reply, body = std::move(body)]() mutable {
                if (self && reply)
                    reply(std::move(body));
            });
        });
    });
}

kube::LogStream *ClusterSession::startLogStream(const QString &namespace_, const QString &pod, const kube::LogOptions &options)
{
    kube::LogStream *stream = nullptr;
    if (!m_worker)
        return nullptr;
    QMetaObject::invokeMethod(m_worker, [&, w = m_worker] {
        stream = new kube::LogStream(w->transport(), namespace_, pod, options, w);
    }, Qt::BlockingQueuedConnection);
    return stream;
}

void ClusterSession::stopLogStream(kube::LogStream *stream)
{
    if (!stream || !m_worker)
        return;
    QPointer<kube::LogStream> guarded(stream);
    onWorker([guarded](SessionWorker &) {
        if (guarded) {
            guarded->stop();
            guarded->deleteLater();
        }
    });
}

} // namespace timonel
