#include "openapi.h"

#include "openapipaths.h"
#include "openapischemas.h"

#include "kube/api/typeregistry.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace kube {

struct OpenApiV3::Snapshot {
    quint64 generation = 0;
    QByteArray discovery;
    QStringList order;                  // index order
    QHash<QString, QByteArray> bytes;   // path → document
    QHash<QString, QByteArray> hashes;  // path → upper-case hex SHA-512
    BuildStats stats;
};

namespace {

const QString schemaKey = u"schemas"_qs;

QStringList refsOf(const QJsonObject &paths)
{
    // The seeds of a document's components: whatever its operations name; the closure adds
    // everything those reach.
    QStringList out;
    openApiCollectRefs(paths, out);
    out.removeDuplicates();
    return out;
}

QByteArray buildDocument(OpenApiSchemaBuilder &schemas, const QJsonObject &paths, const QStringList &extraSeeds = {})
{
    const QJsonObject components{
        {schemaKey, schemas.closure(refsOf(paths) + extraSeeds)},
        {u"securitySchemes"_qs, QJsonObject{{u"BearerToken"_qs, QJsonObject{{u"type"_qs, u"apiKey"_qs},
                                                                             {u"name"_qs, u"authorization"_qs},
                                                                             {u"in"_qs, u"header"_qs},
                                                                             {u"description"_qs, u"Bearer Token authentication"_qs}}}}}};
    const QJsonObject doc{{u"openapi"_qs, u"3.0.0"_qs},
                          {u"info"_qs, QJsonObject{{u"title"_qs, u"Kubernetes"_qs}, {u"version"_qs, u"unversioned"_qs}}},
                          {u"paths"_qs, paths},
                          {u"components"_qs, components}};
    return QJsonDocument(doc).toJson(QJsonDocument::Compact);
}

QByteArray buildGroupVersionDocument(const TypeRegistry &registry, OpenApiSchemaBuilder &schemas,
                                const QList<KindInfoPtr> &kinds, const GroupVersion &gv)
{
    QJsonObject paths;
    addOpenApiResourceListPath(gv, paths);
    QStringList seeds;
    for (const KindInfoPtr &k : kinds) {
        if (k->gvk.groupVersion() != gv)
            continue;
        addOpenApiKindPaths(registry, schemas, *k, paths);
        // A kind without REST verbs still gets its schemas, for explain and validation.
        seeds << openApiKindComponent(*k) << openApiListComponent(*k);
    }
    return buildDocument(schemas, paths, seeds);
}

QString normalized(QStringView path)
{
    QStringView p = path;
    const qsizetype query = p.indexOf(u'?');
    if (query >= 0)
        p = p.left(query);
    if (p.startsWith(u"/openapi/v3"))
        p = p.mid(11);
    while (p.startsWith(u'/'))
        p = p.mid(1);
    while (p.endsWith(u'/'))
        p.chop(1);
    return p.toString();
}

bool isGroupVersionPath(const QString &path)
{
    const QStringList parts = path.split(u'/');
    return (parts.size() == 2 && parts[0] == u"api") || (parts.size() == 3 && parts[0] == u"apis");
}

} // namespace

OpenApiV3::OpenApiV3(const TypeRegistry &registry)
    : m_registry(registry)
{
}

OpenApiV3::~OpenApiV3() = default;

std::shared_ptr<const OpenApiV3::Snapshot> OpenApiV3::snapshot() const
{
    QMutexLocker lock(&m_mutex);
    const quint64 generation = m_registry.generation();
    if (m_snapshot && m_snapshot->generation == generation)
        return m_snapshot;

    QElapsedTimer timer;
    timer.start();
    auto s = std::make_shared<Snapshot>();
    s->generation = generation;
    OpenApiSchemaBuilder schemas(m_registry);
    const QList<KindInfoPtr> kinds = m_registry.kinds();
    const QList<GroupVersion> gvs = m_registry.groupVersions();
    const auto add = [&](const QString &path, QByteArray bytes) {
        s->order.append(path);
        s->hashes.insert(path, QCryptographicHash::hash(bytes, QCryptographicHash::Sha512).toHex().toUpper());
        s->stats.totalBytes += bytes.size();
        s->bytes.insert(path, std::move(bytes));
    };

    QJsonObject api{{u"/api/"_qs, QJsonObject{{u"get"_qs, openApiGetOperation(u"getCoreAPIVersions"_qs, u"get available API versions"_qs, u"core"_qs,
                                                                                   u"io.k8s.apimachinery.pkg.apis.meta.v1.APIVersions"_qs)}}}};
    add(u"api"_qs, buildDocument(schemas, api));
    for (const GroupVersion &gv : gvs) {
        if (gv.group.isEmpty())
            add(u"api/"_qs + gv.version, buildGroupVersionDocument(m_registry, schemas, kinds, gv));
    }
    QJsonObject apis{{u"/apis/"_qs, QJsonObject{{u"get"_qs, openApiGetOperation(u"getAPIVersions"_qs, u"get available API versions"_qs, u"apis"_qs,
                                                                                     u"io.k8s.apimachinery.pkg.apis.meta.v1.APIGroupList"_qs)}}}};
    add(u"apis"_qs, buildDocument(schemas, apis));
    QStringList groupsDone;
    for (const GroupVersion &gv : gvs) {
        if (gv.group.isEmpty())
            continue;
        if (!groupsDone.contains(gv.group)) {
            groupsDone.append(gv.group);
            const QJsonObject get = openApiGetOperation(u"get"_qs + openApiGroupId(gv.group) + u"APIGroup"_qs, u"get information of a group"_qs,
                                                        openApiTag(gv.group), u"io.k8s.apimachinery.pkg.apis.meta.v1.APIGroup"_qs);
            add(u"apis/"_qs + gv.group, buildDocument(schemas, QJsonObject{{u"/apis/"_qs + gv.group + u'/', QJsonObject{{u"get"_qs, get}}}}));
        }
        add(u"apis/%1/%2"_qs.arg(gv.group, gv.version), buildGroupVersionDocument(m_registry, schemas, kinds, gv));
    }
    const QJsonObject version{{u"/version/"_qs, QJsonObject{{u"get"_qs, openApiGetOperation(u"getCodeVersion"_qs, u"get the version information for this server"_qs,
                                                                                             u"version"_qs, u"io.k8s.apimachinery.pkg.version.Info"_qs)}}}};
    add(u"version"_qs, buildDocument(schemas, version));

    QJsonObject index;
    for (const QString &path : std::as_const(s->order)) {
        const QString url = u"/openapi/v3/"_qs + path + u"?hash="_qs + QString::fromLatin1(s->hashes.value(path));
        index.insert(path, QJsonObject{{u"serverRelativeURL"_qs, url}});
    }
    s->discovery = QJsonDocument(QJsonObject{{u"paths"_qs, index}}).toJson(QJsonDocument::Compact);
    s->stats.generation = generation;
    s->stats.elapsedMs = timer.elapsed();
    m_snapshot = std::move(s);
    return m_snapshot;
}

QByteArray OpenApiV3::discoveryDocument() const
{
    return snapshot()->discovery;
}

std::optional<QByteArray> OpenApiV3::document(QStringView path) const
{
    const auto s = snapshot();
    const auto it = s->bytes.constFind(normalized(path));
    if (it == s->bytes.constEnd())
        return std::nullopt;
    return *it;
}

std::optional<QByteArray> OpenApiV3::groupVersionDocument(QStringView path) const
{
    if (!isGroupVersionPath(normalized(path)))
        return std::nullopt;
    return document(path);
}

QByteArray OpenApiV3::hashOf(QStringView path) const
{
    return snapshot()->hashes.value(normalized(path));
}

QStringList OpenApiV3::paths() const
{
    return snapshot()->order;
}

OpenApiV3::BuildStats OpenApiV3::lastBuild() const
{
    return snapshot()->stats;
}

} // namespace kube
