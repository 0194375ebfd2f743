#pragma once
// ApiServer: the Kubernetes API behind the HTTP front — version and health endpoints,
// discovery, and every resource verb, routed by RequestInfo to the handler for it.
//
// Thread affinity: created on the API server's thread. Reads, watches, logs and everything
// that is not a resource write are handled there. Resource writes (POST/PUT/PATCH/DELETE on a
// resource or its status, scale, binding, eviction and token subresources, server-side apply) say
// runsOnWorker() and are handled on the HTTP server's worker threads, concurrently: they touch
// only thread-safe parts (the store, the type registry's lock-protected lookups, the clock,
// pure admission and validation code, WatchStreams::notify via the store), take their
// WriteSerialization locks, and hand what is bound to this thread back to it (a deleted
// namespace's finalization is posted; the served custom resources are synced in afterWorker(),
// before the CRD write's answer goes out). Does not own the store or the registry; they must
// outlive it (and the HTTP server's workers).

#include "accesscontrol.h"
#include "apirequest.h"
#include "resourcerequest.h"
#include "serviceaccounttoken.h"
#include "writeserialization.h"

#include <QObject>

#include <memory>

namespace kube {

class NamespaceLifecycle;
class OpenApiV3;
class WatchStreams;

class ApiServer : public QObject, public RequestHandler
{
    Q_OBJECT
public:
    ApiServer(TypeRegistry *registry, Store *store, const Clock &clock, QObject *parent = nullptr);
    ~ApiServer() override;

    void setServerAddress(const QString &hostPort) { m_context.serverAddress = hostPort; }
    // Enables serviceaccounts/<name>/token and accepting its tokens, signed under a key
    // derived from the cluster's bearer token. Before serving.
    // Also turns on authorization (accesscontrol.h): the cluster token is system:masters.
    void setServiceAccountTokenKey(const QByteArray &clusterToken);
    const ApiContext &context() const { return m_context; }

    void handle(const ApiRequest &request, ApiResponder &responder) override;
    bool runsOnWorker(const ApiRequest &request) const override;
    void afterWorker(const ApiRequest &request) override;
    bool authenticatesToken(QByteArrayView token) const override;

    // The version this server reports (/version): the Kubernetes release it follows.
    static QByteArray versionJson();

private:
    void handleAdmitted(const ApiRequest &request, ApiResponder &responder);
    void handleNonResource(const ApiRequest &request, ApiResponder &responder);
    void handleResource(const ApiRequest &request, ApiResponder &responder);
    void dispatch(const QString &verb, const ResourceRequest &resource, ApiResponder &responder);
    static bool isCrdWrite(const KindInfo &kind, const QString &verb);

    ApiContext m_context;
    WatchStreams *m_watches;
    NamespaceLifecycle *m_namespaces;
    std::unique_ptr<OpenApiV3> m_openApi;
    WriteSerialization m_writeLocks;
    ServiceAccountTokens m_tokens;
    std::unique_ptr<AccessControl> m_access;
};

} // namespace kube
