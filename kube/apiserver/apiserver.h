#pragma once
// ApiServer: the Kubernetes API behind the HTTP front — version and health endpoints,
// discovery, and every resource verb, routed by RequestInfo to the handler for it.
//
// Thread affinity: created on, and serving from, the API server's thread. Does not own the
// store or the registry; they must outlive it.

#include "apirequest.h"
#include "resourcerequest.h"

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
    const ApiContext &context() const { return m_context; }

    void handle(const ApiRequest &request, ApiResponder &responder) override;

    // The version this server reports (/version): the Kubernetes release it follows.
    static QByteArray versionJson();

private:
    void handleNonResource(const ApiRequest &request, ApiResponder &responder);
    void handleResource(const ApiRequest &request, ApiResponder &responder);
    void dispatch(const QString &verb, const ResourceRequest &resource, ApiResponder &responder);

    ApiContext m_context;
    WatchStreams *m_watches;
    NamespaceLifecycle *m_namespaces;
    std::unique_ptr<OpenApiV3> m_openApi;
};

} // namespace kube
