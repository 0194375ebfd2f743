#pragma once
// ClusterSession: the console's connection to one cluster as one user — a worker thread that
// owns the transport, the RestClient, discovery and the informers, and a GUI-thread façade that
// the rest of the app talks to. Every request's answer and every state change arrives on the
// GUI thread; informers deliver their batches to whichever thread the handler's context lives
// on (the models, on the GUI thread).
//
// Informers are shared and reference-counted: acquireInformer() creates (or reuses) the
// informer for a resource and namespace scope and starts it; releaseInformer() stops it
// kInformerLinger after its last user let go, so flipping back to a kind is instant and an
// abandoned kind costs no watch for long.
//
// Connection state: Connecting until discovery and /version answer, then Connected; a failure
// (unreachable, TLS, 401/403, an exec plugin awaiting approval) is Failed with the server's or
// the transport's message. latencyMs() is the round trip of the last health request (/version,
// every kHealthInterval while the session lives; the console's only periodic request).
//
// Thread affinity: create and use on the GUI thread. The destructor stops informers and streams
// on the worker and joins it.

#include "kube/api/expected.h"
#include "kube/api/object.h"
#include "kube/client/discoveryclient.h"
#include "kube/client/execapprovalstore.h"
#include "kube/client/logstream.h"
#include "kube/client/restclient.h"
#include "kube/client/restconfig.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QThread>
#include <QTimer>

#include <chrono>
#include <functional>

namespace kube {
class SharedInformer;
}

namespace timonel {

class SessionWorker;

class ClusterSession : public QObject
{
    Q_OBJECT
public:
    enum class State { Connecting, Connected, Failed };
    Q_ENUM(State)

    static constexpr std::chrono::seconds kInformerLinger{60};
    static constexpr std::chrono::seconds kHealthInterval{30};

    using ObjectReply = std::function<void(kube::Expected<kube::Object>)>;
    using RawReply = std::function<void(kube::Expected<QByteArray>)>;

    // displayName: what the cluster picker shows ("Embedded cluster", a context name).
    ClusterSession(QString displayName, kube::RestConfig config, QObject *parent = nullptr);
    ~ClusterSession() override;

    QString displayName() const { return m_displayName; }
    QString defaultNamespace() const { return m_defaultNamespace; }
    QString serverUrl() const { return m_serverUrl; }
    State state() const { return m_state; }
    QString errorMessage() const { return m_error; }
    // The failure's Status reason ("Unauthorized", "Forbidden", …); empty unless Failed.
    QString errorReason() const { return m_errorReason; }
    // Failed because the kubeconfig's exec credential plugin has not been approved yet: the
    // command to approve (kubeconfig, absolute path, arguments).
    std::optional<kube::ExecApproval> pendingExecApproval() const;
    // Approves that plugin (persisted; see ExecApprovalStore) and reconnects.
    kube::Status approveExecPlugin();
    int latencyMs() const { return m_latencyMs; }
    QString serverVersion() const { return m_serverVersion; }

    // Starts the worker: discovery, then /version; connected() or failed() follows.
    void connectToCluster();
    // Discovery again (after a CRD changed); resourcesChanged() follows.
    void refreshDiscovery();
    const QList<kube::ApiResource> &resources() const { return m_resources; }
    // kubectl-style lookup over the discovered resources ("pods", "deploy", "deployments.apps").
    std::optional<kube::ApiResource> findResource(const QString &nameOrId) const;
    // "deployments.apps", "pods": the id informers and the navigator use.
    static QString resourceId(const kube::GroupVersionResource &gvr);

    // The shared informer for a resource id and namespace ("" = all namespaces or cluster-scoped).
    // Never null once connected; null for an unknown resource. Balanced by releaseInformer().
    kube::SharedInformer *acquireInformer(const QString &resourceId, const QString &namespace_ = {});
    void releaseInformer(kube::SharedInformer *informer);
    int activeInformerCount() const;

    // Requests; the reply runs on the GUI thread while this session lives.
    void get(const kube::ResourceRef &ref, ObjectReply reply);
    void create(const kube::ResourceRef &ref, const kube::Object &object, ObjectReply reply,
                const kube::WriteOptions &options = {});
    void update(const kube::ResourceRef &ref, const kube::Object &object, ObjectReply reply,
                const kube::WriteOptions &options = {});
    void patch(const kube::ResourceRef &ref, kube::PatchType type, const QByteArray &body, ObjectReply reply,
               const kube::PatchOptions &options = {});
    void apply(const kube::ResourceRef &ref, const QByteArray &body, const QString &fieldManager, ObjectReply reply,
               bool force = false, kube::DryRun dryRun = kube::DryRun::No);
    void remove(const kube::ResourceRef &ref, ObjectReply reply, const kube::DeleteOptions &options = {});
    void updateScale(const kube::ResourceRef &ref, qint64 replicas, ObjectReply reply);
    // A GET of any path ("/version", "/apis/metrics.k8s.io/…"): the body.
    void getRaw(const QByteArray &target, RawReply reply);

    // A log stream living on the worker; its signals reach receivers on other threads queued.
    // Stop it with stopLogStream() (never delete it directly).
    kube::LogStream *startLogStream(const QString &namespace_, const QString &pod, const kube::LogOptions &options);
    void stopLogStream(kube::LogStream *stream);

Q_SIGNALS:
    void stateChanged(timonel::ClusterSession::State state);
    void resourcesChanged();
    void latencyChanged(int milliseconds);

private:
    void setState(State state, const kube::Status &error = kube::Status());
    void checkHealth();
    template<typename Fn> void onWorker(Fn fn);
    ObjectReply toGui(ObjectReply reply);

    QString m_displayName;
    QString m_defaultNamespace;
    QString m_serverUrl;
    QThread m_thread;
    SessionWorker *m_worker = nullptr; // lives on m_thread
    State m_state = State::Connecting;
    QString m_error;
    QString m_errorReason;
    kube::RestConfig m_config; // for exec approvals; secrets stay in memory only
    QString m_serverVersion;
    int m_latencyMs = -1;
    QList<kube::ApiResource> m_resources;
    QTimer m_health;
    bool m_healthInFlight = false;
};

} // namespace timonel
