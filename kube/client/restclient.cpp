#include "restclient.h"

#include "clustertransport.h"
#include "listdecoder.h"
#include "resourcepath.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace kube {

namespace {

QByteArray pathOf(const ResourceRef &ref)
{
    return resourcePath(ref.gvr, ref.namespace_, ref.name, ref.subresource);
}

QueryString &addDryRun(QueryString &q, DryRun dryRun)
{
    return q.add("dryRun", dryRun == DryRun::All ? QStringLiteral("All") : QString());
}

QString propagationName(PropagationPolicy p)
{
    switch (p) {
    case PropagationPolicy::Default: return QString();
    case PropagationPolicy::Orphan: return QStringLiteral("Orphan");
    case PropagationPolicy::Background: return QStringLiteral("Background");
    case PropagationPolicy::Foreground: return QStringLiteral("Foreground");
    }
    return QString();
}

// A meta/v1 DeleteOptions body: preconditions only travel in the body.
QByteArray deleteBody(const DeleteOptions &options)
{
    QJsonObject body{{u"kind"_qs, u"DeleteOptions"_qs}, {u"apiVersion"_qs, u"v1"_qs}};
    if (const QString p = propagationName(options.propagationPolicy); !p.isEmpty())
        body.insert(u"propagationPolicy"_qs, p);
    if (options.gracePeriodSeconds)
        body.insert(u"gracePeriodSeconds"_qs, double(*options.gracePeriodSeconds));
    if (options.dryRun == DryRun::All)
        body.insert(u"dryRun"_qs, QJsonArray{u"All"_qs});
    QJsonObject preconditions;
    if (!options.preconditionUid.isEmpty())
        preconditions.insert(u"uid"_qs, options.preconditionUid);
    if (!options.preconditionResourceVersion.isEmpty())
        preconditions.insert(u"resourceVersion"_qs, options.preconditionResourceVersion);
    if (!preconditions.isEmpty())
        body.insert(u"preconditions"_qs, preconditions);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

HttpRequest jsonRequest(QByteArray method, QByteArray target, QByteArray body = {})
{
    HttpRequest r;
    r.method = std::move(method);
    r.target = std::move(target);
    r.body = std::move(body);
    if (!r.body.isEmpty())
        r.headers.append({QByteArray("Content-Type"), QByteArray("application/json")});
    return r;
}

} // namespace

RestClient::RestClient(ClusterTransport *transport, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
{
}

QByteArray RestClient::listQuery(const ListRequest &r)
{
    QueryString q;
    q.add("labelSelector", r.labelSelector).add("fieldSelector", r.fieldSelector);
    if (r.limit > 0)
        q.add("limit", qint64(r.limit));
    q.add("continue", r.continueToken).add("resourceVersion", r.resourceVersion).add("resourceVersionMatch", r.resourceVersionMatch);
    return q.toByteArray();
}

void RestClient::request(HttpRequest request, RawCallback done)
{
    m_transport->send(std::move(request), std::move(done));
}

void RestClient::send(HttpRequest request, ObjectCallback done)
{
    m_transport->send(std::move(request), [done = std::move(done)](Expected<HttpResponse> response) {
        if (!response) {
            done(response.error());
            return;
        }
        done(Object::parse(response->body));
    });
}

void RestClient::get(const ResourceRef &ref, ObjectCallback done, const QString &resourceVersion)
{
    send(jsonRequest("GET", pathOf(ref) + QueryString().add("resourceVersion", resourceVersion).toByteArray()), std::move(done));
}

void RestClient::list(const ResourceRef &ref, const ListRequest &request, ListCallback done)
{
    ResourceRef collection = ref;
    collection.name.clear();
    const auto managedFields = request.dropManagedFields ? Object::ManagedFields::Drop : Object::ManagedFields::Keep;
    m_transport->send(jsonRequest("GET", pathOf(collection) + listQuery(request)), [done = std::move(done), managedFields](Expected<HttpResponse> response) {
        if (!response) {
            done(response.error());
            return;
        }
        done(decodeListPage(response->body, managedFields));
    });
}

void RestClient::create(const ResourceRef &ref, const Object &object, ObjectCallback done, const WriteOptions &options)
{
    ResourceRef target = ref;
    if (ref.subresource.isEmpty())
        target.name.clear(); // POST goes to the collection
    QueryString q;
    addDryRun(q, options.dryRun).add("fieldManager", options.fieldManager).add("fieldValidation", options.fieldValidation);
    send(jsonRequest("POST", pathOf(target) + q.toByteArray(), object.json()), std::move(done));
}

void RestClient::update(const ResourceRef &ref, const Object &object, ObjectCallback done, const WriteOptions &options)
{
    ResourceRef target = ref;
    if (target.name.isEmpty())
        target.name = object.name();
    QueryString q;
    addDryRun(q, options.dryRun).add("fieldManager", options.fieldManager).add("fieldValidation", options.fieldValidation);
    send(jsonRequest("PUT", pathOf(target) + q.toByteArray(), object.json()), std::move(done));
}

void RestClient::patch(const ResourceRef &ref, PatchType type, const QByteArray &body, ObjectCallback done, const PatchOptions &options)
{
    QueryString q;
    addDryRun(q, options.dryRun).add("fieldManager", options.fieldManager);
    if (type == PatchType::ApplyYaml)
        q.addFlag("force", options.force);
    HttpRequest r = jsonRequest("PATCH", pathOf(ref) + q.toByteArray());
    r.body = body;
    r.headers.append({QByteArray("Content-Type"), contentType(type).toLatin1()});
    send(std::move(r), std::move(done));
}

void RestClient::apply(const ResourceRef &ref, const QByteArray &body, const QString &fieldManager, ObjectCallback done, bool force,
                       DryRun dryRun)
{
    patch(ref, PatchType::ApplyYaml, body, std::move(done), PatchOptions{dryRun, fieldManager, force});
}

void RestClient::remove(const ResourceRef &ref, ObjectCallback done, const DeleteOptions &options)
{
    QueryString q;
    addDryRun(q, options.dryRun);
    send(jsonRequest("DELETE", pathOf(ref) + q.toByteArray(), deleteBody(options)), std::move(done));
}

void RestClient::deleteCollection(const ResourceRef &ref, const ListRequest &selector, ObjectCallback done, const DeleteOptions &options)
{
    ResourceRef collection = ref;
    collection.name.clear();
    QByteArray query = listQuery(selector);
    if (options.dryRun == DryRun::All)
        query += (query.isEmpty() ? "?" : "&") + QByteArray("dryRun=All");
    send(jsonRequest("DELETE", pathOf(collection) + query, deleteBody(options)), std::move(done));
}

void RestClient::getScale(ResourceRef ref, ObjectCallback done)
{
    ref.subresource = QStringLiteral("scale");
    get(ref, std::move(done));
}

void RestClient::updateScale(ResourceRef ref, qint64 replicas, ObjectCallback done, DryRun dryRun)
{
    // A merge patch of spec.replicas on the scale subresource, as kubectl scale sends it.
    ref.subresource = QStringLiteral("scale");
    const QByteArray body = "{\"spec\":{\"replicas\":" + QByteArray::number(replicas) + "}}";
    patch(ref, PatchType::Merge, body, std::move(done), PatchOptions{dryRun, QString(), false});
}

} // namespace kube
