#pragma once
// RestClient: typed Kubernetes requests over a ClusterTransport — get, list, create, update,
// patch (JSON, merge, strategic merge, server-side apply), delete, deletecollection, scale and
// any other subresource — with the paths and query parameters kube-apiserver expects. Every
// answer arrives as an Expected: the object (or list page), or the server's Status.
//
// Thread affinity: the transport's thread; callbacks run there, never synchronously. The
// transport is not owned and must outlive the client. Cost: one HTTP request per call; list
// bodies are split with decodeListPage.

#include "listwatch.h"

#include "kube/api/groupversion.h"
#include "kube/api/patchtype.h"

#include <QObject>

#include <functional>
#include <optional>

namespace kube {

class ClusterTransport;
struct HttpRequest;
struct HttpResponse;

enum class DryRun { No, All };

// Where a request goes: a resource, a namespace ("" for cluster-scoped or all namespaces),
// an object name and a subresource ("status", "scale", "binding", "eviction"…).
struct ResourceRef {
    GroupVersionResource gvr;
    QString namespace_;
    QString name;
    QString subresource;
};

struct WriteOptions {
    DryRun dryRun = DryRun::No;
    QString fieldManager;
    QString fieldValidation; // "", "Ignore", "Warn", "Strict"
};

struct PatchOptions {
    DryRun dryRun = DryRun::No;
    QString fieldManager; // required for ApplyYaml
    bool force = false;   // ApplyYaml: take fields owned by other managers
};

enum class PropagationPolicy { Default, Orphan, Background, Foreground };

struct DeleteOptions {
    DryRun dryRun = DryRun::No;
    PropagationPolicy propagationPolicy = PropagationPolicy::Default;
    std::optional<qint64> gracePeriodSeconds;
    QString preconditionUid;
    QString preconditionResourceVersion;
};

class RestClient : public QObject
{
    Q_OBJECT
public:
    using ObjectCallback = std::function<void(Expected<Object>)>;
    using ListCallback = std::function<void(Expected<ListPage>)>;
    using RawCallback = std::function<void(Expected<HttpResponse>)>;

    explicit RestClient(ClusterTransport *transport, QObject *parent = nullptr);
    ClusterTransport *transport() const { return m_transport; }

    void get(const ResourceRef &ref, ObjectCallback done, const QString &resourceVersion = {});
    void list(const ResourceRef &ref, const ListRequest &request, ListCallback done);
    // POST to the collection (or, with ref.subresource, to the object's subresource: binding, eviction).
    void create(const ResourceRef &ref, const Object &object, ObjectCallback done, const WriteOptions &options = {});
    // PUT the object (or ref.subresource: status, scale).
    void update(const ResourceRef &ref, const Object &object, ObjectCallback done, const WriteOptions &options = {});
    void patch(const ResourceRef &ref, PatchType type, const QByteArray &body, ObjectCallback done, const PatchOptions &options = {});
    // Server-side apply: a PATCH with application/apply-patch+yaml (JSON is valid YAML).
    void apply(const ResourceRef &ref, const QByteArray &body, const QString &fieldManager, ObjectCallback done,
               bool force = false, DryRun dryRun = DryRun::No);
    // The answer is the deleted object, or a Status object (kind Status) for some resources.
    void remove(const ResourceRef &ref, ObjectCallback done, const DeleteOptions &options = {});
    void deleteCollection(const ResourceRef &ref, const ListRequest &selector, ObjectCallback done, const DeleteOptions &options = {});
    void getScale(ResourceRef ref, ObjectCallback done);
    void updateScale(ResourceRef ref, qint64 replicas, ObjectCallback done, DryRun dryRun = DryRun::No);

    // Any request (discovery, /version, proxies): target is path and query.
    void request(HttpRequest request, RawCallback done);

    // Query strings, exposed for the watch and log requests built elsewhere.
    static QByteArray listQuery(const ListRequest &request);

private:
    void send(HttpRequest request, ObjectCallback done);
    ClusterTransport *m_transport;
};

} // namespace kube
