#include "apiserver.h"

#include "customresources.h"
#include "discovery.h"
#include "handlers.h"
#include "maxinflight.h"
#include "metricsapi.h"
#include "namespacelifecycle.h"
#include "openapi.h"
#include "reviews.h"
#include "storagekeys.h"
#include "tokenrequest.h"
#include "watchstream.h"

#include "kube/api/clock.h"
#include "kube/api/status.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>
#include <QThread>

namespace kube {

namespace {

Status notFoundPath()
{
    return Status(404, QString::fromLatin1(reason::NotFound), u"the server could not find the requested resource"_qs);
}

Status methodNotAllowed()
{
    return Status(405, QString::fromLatin1(reason::MethodNotAllowed), u"the server does not allow this method on the requested resource"_qs);
}

} // namespace

ApiServer::ApiServer(TypeRegistry *registry, Store *store, const Clock &clock, QObject *parent)
    : QObject(parent), m_watches(new WatchStreams(this)), m_namespaces(nullptr)
{
    m_context.registry = registry;
    m_context.store = store;
    m_context.clock = &clock;
    m_context.watches = m_watches;
    m_namespaces = new NamespaceLifecycle(m_context, this);
    m_context.namespaces = m_namespaces;
    m_openApi = std::make_unique<OpenApiV3>(*registry);
    m_access = std::make_unique<AccessControl>(m_context);
    syncCustomResources(m_context); // serve the CRDs already stored
}

ApiServer::~ApiServer()
{
    delete m_watches; // stops every store watcher before the store can go away
    m_watches = nullptr;
}

QByteArray ApiServer::versionJson()
{
    const QJsonObject o{{u"major"_qs, u"1"_qs},
                        {u"minor"_qs, u"35"_qs},
                        {u"emulationMajor"_qs, u"1"_qs},
                        {u"emulationMinor"_qs, u"35"_qs},
                        {u"gitVersion"_qs, u"v1.35.0+timonel." TIMONEL_VERSION ""_qs},
                        {u"gitCommit"_qs, QString()},
                        {u"gitTreeState"_qs, u"clean"_qs},
                        {u"buildDate"_qs, QString()},
                        {u"goVersion"_qs, u"none (C++, Qt "_qs + QString::fromLatin1(qVersion()) + u")"_qs},
                        {u"compiler"_qs, u"gcc"_qs},
                        {u"platform"_qs, u"linux/"_qs + QSysInfo::buildCpuArchitecture()}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

void ApiServer::setServiceAccountTokenKey(const QByteArray &clusterToken)
{
    m_tokens = ServiceAccountTokens(clusterToken);
    if (Status s = m_access->enable(clusterToken, &m_tokens); !s.isSuccess())
        qWarning("cannot seed the default RBAC policy: %s", qPrintable(s.message()));
}

void ApiServer::handle(const ApiRequest &request, ApiResponder &responder)
{
    const std::optional<UserInfo> user = m_access->admit(request, responder); // 401/403 answered here
    if (!user)
        return;
    if (isReviewRequest(request.info))
        return handleReview(*m_access, m_context, *user, request, responder);
    handleAdmitted(request, responder);
    m_access->afterRequest(request.info); // an RBAC write is seen before it is answered
}

void ApiServer::handleAdmitted(const ApiRequest &request, ApiResponder &responder)
{
    if (isMetricsPath(request.path)) // metrics.k8s.io: served here as metrics-server would be
        return handleMetrics(m_context, request, responder);
    if (request.info.isResourceRequest)
        return handleResource(request, responder);
    handleNonResource(request, responder);
}

bool ApiServer::runsOnWorker(const ApiRequest &request) const
{
    return request.info.isResourceRequest && MaxInFlight::isMutating(request.method)
        && !MaxInFlight::isLongRunning(request.info) && !isMetricsPath(request.path);
}

void ApiServer::afterWorker(const ApiRequest &request)
{
    const RequestInfo &info = request.info;
    const KindInfoPtr kind = m_context.registry->resource({info.apiGroup, info.apiVersion, info.resource});
    if (kind && isCrdWrite(*kind, info.verb))
        syncCustomResources(m_context); // before the answer: a CRD's objects may follow at once
}

bool ApiServer::authenticatesToken(QByteArrayView token) const
{
    return m_tokens.isEnabled() && m_tokens.authenticates(token, m_context.clock->now(), *m_context.store, *m_context.registry);
}

bool ApiServer::isCrdWrite(const KindInfo &kind, const QString &verb)
{
    return kind.gvk.group == u"apiextensions.k8s.io" && kind.gvk.kind == u"CustomResourceDefinition" && verb != u"get"
        && verb != u"list" && verb != u"watch";
}

void ApiServer::handleNonResource(const ApiRequest &request, ApiResponder &responder)
{
    if (request.method != "GET" && request.method != "HEAD")
        return responder.respondStatus(methodNotAllowed());
    const QString &path = request.path;
    if (path == u"/version" || path == u"/version/")
        return responder.respondJson(200, versionJson());
    if (path == u"/healthz" || path == u"/livez" || path == u"/readyz" || path.startsWith(u"/healthz/")
        || path.startsWith(u"/livez/") || path.startsWith(u"/readyz/"))
        return responder.respond(200, "text/plain; charset=utf-8", "ok");

    if (path == u"/openapi/v2") {
        // kubectl falls back to v2 only for what v3 cannot describe (a kind: List file). An empty
        // gnostic Document (zero protobuf bytes) is valid and declares no schemas, so such
        // files are validated item by item through v3 instead of failing on a 404.
        return responder.respond(200, "application/octet-stream", QByteArray());
    }
    if (path == u"/openapi/v3" || path == u"/openapi/v3/")
        return responder.respondJson(200, m_openApi->discoveryDocument());
    if (path.startsWith(u"/openapi/v3/")) {
        if (auto doc = m_openApi->document(path)) {
            HttpHeaders headers;
            if (request.hasParam(u"hash"_qs))
                headers.append(qMakePair(QByteArray("Cache-Control"), QByteArray("public, immutable, max-age=31536000"))); // content-addressed
            return responder.respondJson(200, *doc, headers);
        }
        return responder.respondStatus(notFoundPath());
    }

    const TypeRegistry &registry = *m_context.registry;
    const QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
    const DiscoveryFormat format = negotiateDiscovery(request.header("Accept"));
    if (parts == QStringList{u"api"_qs}) {
        if (format != DiscoveryFormat::Legacy)
            return responder.respond(200, discoveryContentType(format), aggregatedDiscovery(registry, true, format));
        return responder.respondJson(200, legacyApiVersions(m_context.serverAddress));
    }
    if (parts == QStringList{u"apis"_qs}) {
        if (format != DiscoveryFormat::Legacy)
            return responder.respond(200, discoveryContentType(format), aggregatedDiscovery(registry, false, format));
        return responder.respondJson(200, legacyGroupList(registry));
    }
    if (parts.size() == 2 && parts[0] == u"api") {
        if (auto doc = legacyResourceList(registry, {QString(), parts[1]}))
            return responder.respondJson(200, *doc);
    }
    if (parts.size() == 2 && parts[0] == u"apis") {
        if (auto doc = legacyGroup(registry, parts[1]))
            return responder.respondJson(200, *doc);
    }
    if (parts.size() == 3 && parts[0] == u"apis") {
        if (auto doc = legacyResourceList(registry, {parts[1], parts[2]}))
            return responder.respondJson(200, *doc);
    }
    responder.respondStatus(notFoundPath());
}

void ApiServer::handleResource(const ApiRequest &request, ApiResponder &responder)
{
    const RequestInfo &info = request.info;
    const KindInfoPtr kind = m_context.registry->resource({info.apiGroup, info.apiVersion, info.resource});
    if (!kind)
        return responder.respondStatus(notFoundPath());

    QString namespace_ = info.namespace_;
    if (!kind->namespaced) {
        // /api/v1/namespaces/<name> carries the namespace's own name; other cluster-scoped
        // kinds may not be addressed inside a namespace.
        const bool isNamespaceItself = info.resource == u"namespaces";
        if (!namespace_.isEmpty() && !isNamespaceItself)
            return responder.respondStatus(notFoundPath());
        namespace_.clear();
    }
    if (kind->namespaced && namespace_.isEmpty() && info.verb != u"list" && info.verb != u"watch")
        return responder.respondStatus(notFoundPath());

    QString verb = info.verb;
    const bool write = verb != u"get" && verb != u"list" && verb != u"watch";
    const bool serviceAddresses = write && kind->gvk.group.isEmpty() && kind->gvk.kind == u"Service" && info.subresource != u"status";
    const WriteSerialization::Guard serialized(m_writeLocks, write && !info.name.isEmpty() ? storageKey(*kind, namespace_, info.name) : QByteArray(),
                                               serviceAddresses);
    if (!info.subresource.isEmpty()) {
        const SubresourceInfo *sub = kind->subresource(info.subresource);
        const bool podSubresource = kind->gvk.group.isEmpty() && kind->gvk.kind == u"Pod"
            && (info.subresource == u"binding" || info.subresource == u"eviction" || info.subresource == u"log");
        const bool tokenRequest = kind->gvk.group.isEmpty() && kind->gvk.kind == u"ServiceAccount" && info.subresource == u"token";
        if (!sub || (info.subresource != u"status" && info.subresource != u"scale" && !podSubresource && !tokenRequest))
            return responder.respondStatus(notFoundPath()); // other subresources arrive with their features
        if (!sub->verbs.contains(verb))
            return responder.respondStatus(methodNotAllowed());
        const ResourceRequest subRequest{request, kind, namespace_, info.name, info.subresource};
        if (info.subresource == u"scale")
            return handleScale(m_context, subRequest, responder);
        if (info.subresource == u"binding")
            return handleBinding(m_context, subRequest, responder);
        if (info.subresource == u"eviction")
            return handleEviction(m_context, subRequest, responder);
        if (info.subresource == u"log")
            return handlePodLog(m_context, subRequest, responder);
        if (tokenRequest)
            return handleTokenRequest(m_context, m_tokens, subRequest, responder);
    } else if (!kind->verbs.contains(verb)) {
        return responder.respondStatus(methodNotAllowed());
    }

    const ResourceRequest resource{request, kind, namespace_, info.name, info.subresource};
    dispatch(verb, resource, responder);
    // On a worker, afterWorker() syncs on the server's thread instead.
    if (isCrdWrite(*kind, verb) && QThread::currentThread() == thread())
        syncCustomResources(m_context); // before the next request: a CRD's objects may follow at once
}

void ApiServer::dispatch(const QString &verb, const ResourceRequest &resource, ApiResponder &responder)
{
    if (verb == u"get")
        return handleGet(m_context, resource, responder);
    if (verb == u"list")
        return handleList(m_context, resource, responder);
    if (verb == u"watch")
        return handleWatch(m_context, resource, responder);
    if (verb == u"create")
        return handleCreate(m_context, resource, responder);
    if (verb == u"update")
        return handleUpdate(m_context, resource, responder);
    if (verb == u"patch")
        return handlePatch(m_context, resource, responder);
    if (verb == u"delete")
        return handleDelete(m_context, resource, responder);
    if (verb == u"deletecollection")
        return handleDeleteCollection(m_context, resource, responder);
    responder.respondStatus(methodNotAllowed());
}

} // namespace kube
