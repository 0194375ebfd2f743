#include "openapipaths.h"

#include "openapischemas.h"

#include "kube/api/typeregistry.h"

#include <QJsonArray>

namespace kube {

namespace {

const QString statusComponent = u"io.k8s.apimachinery.pkg.apis.meta.v1.Status"_qs;
const QString deleteOptionsComponent = u"io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"_qs;
const QString patchComponent = u"io.k8s.apimachinery.pkg.apis.meta.v1.Patch"_qs;

QString capitalized(QString s)
{
    if (!s.isEmpty())
        s[0] = s[0].toUpper();
    return s;
}

QJsonObject parameter(const QString &name, const QString &in, const QString &type, const QString &description)
{
    QJsonObject p{{u"name"_qs, name}, {u"in"_qs, in}, {u"description"_qs, description},
                  {u"schema"_qs, QJsonObject{{u"type"_qs, type}, {u"uniqueItems"_qs, true}}}};
    if (in == u"path")
        p.insert(u"required"_qs, true);
    return p;
}

// The query parameters of the REST verbs, by name.
QJsonObject queryParameter(const QString &name)
{
    static const QHash<QString, QJsonObject> table = [] {
        const auto q = [](const QString &n, const QString &type, const QString &d) { return parameter(n, u"query"_qs, type, d); };
        const QString s = u"string"_qs, b = u"boolean"_qs, i = u"integer"_qs;
        return QHash<QString, QJsonObject>{
            {u"pretty"_qs, q(u"pretty"_qs, s, u"'true' asks for indented output."_qs)},
            {u"allowWatchBookmarks"_qs, q(u"allowWatchBookmarks"_qs, b, u"Asks a watch to send BOOKMARK events carrying the current resourceVersion."_qs)},
            {u"continue"_qs, q(u"continue"_qs, s, u"The token from a previous chunk of a list, to fetch the next chunk."_qs)},
            {u"fieldSelector"_qs, q(u"fieldSelector"_qs, s, u"Selects objects by field values (\"metadata.name=web\"). Everything when empty."_qs)},
            {u"labelSelector"_qs, q(u"labelSelector"_qs, s, u"Selects objects by labels (\"app=web,tier!=db\"). Everything when empty."_qs)},
            {u"limit"_qs, q(u"limit"_qs, i, u"The most objects to return in one chunk; metadata.continue is set when more remain."_qs)},
            {u"resourceVersion"_qs, q(u"resourceVersion"_qs, s, u"The resourceVersion the read must be at least as new as (or exactly, with resourceVersionMatch=Exact)."_qs)},
            {u"resourceVersionMatch"_qs, q(u"resourceVersionMatch"_qs, s, u"How resourceVersion applies to a list: NotOlderThan or Exact."_qs)},
            {u"sendInitialEvents"_qs, q(u"sendInitialEvents"_qs, b, u"With watch=true: first send every existing object as ADDED, then a BOOKMARK annotated k8s.io/initial-events-end."_qs)},
            {u"timeoutSeconds"_qs, q(u"timeoutSeconds"_qs, i, u"Ends the list or watch after this many seconds."_qs)},
            {u"watch"_qs, q(u"watch"_qs, b, u"Streams changes as watch events instead of returning a list."_qs)},
            {u"dryRun"_qs, q(u"dryRun"_qs, s, u"\"All\" runs every stage of the request without persisting the result."_qs)},
            {u"fieldManager"_qs, q(u"fieldManager"_qs, s, u"The name of the actor making the change, recorded in managedFields; required for apply patches."_qs)},
            {u"fieldValidation"_qs, q(u"fieldValidation"_qs, s, u"What to do with unknown or duplicate fields in the body: Ignore drops them, Warn drops them with a Warning header, Strict rejects the request."_qs)},
            {u"force"_qs, q(u"force"_qs, b, u"Lets an apply patch take over fields other managers own. Only for apply patches."_qs)},
            {u"gracePeriodSeconds"_qs, q(u"gracePeriodSeconds"_qs, i, u"Seconds to wait before deleting; 0 deletes at once; unset uses the kind's default."_qs)},
            {u"ignoreStoreReadErrorWithClusterBreakingPotential"_qs, q(u"ignoreStoreReadErrorWithClusterBreakingPotential"_qs, b, u"Deletes an object that can no longer be read from storage, skipping finalizers and preconditions."_qs)},
            {u"orphanDependents"_qs, q(u"orphanDependents"_qs, b, u"Deprecated: use propagationPolicy."_qs)},
            {u"propagationPolicy"_qs, q(u"propagationPolicy"_qs, s, u"What happens to dependents: Orphan, Background or Foreground."_qs)},
        };
    }();
    return table.value(name);
}

QJsonArray queryParameters(const QStringList &names)
{
    QJsonArray out;
    for (const QString &n : names)
        out.append(queryParameter(n));
    return out;
}

const QStringList listParams = {u"allowWatchBookmarks"_qs, u"continue"_qs, u"fieldSelector"_qs, u"labelSelector"_qs, u"limit"_qs,
                                u"resourceVersion"_qs, u"resourceVersionMatch"_qs, u"sendInitialEvents"_qs, u"timeoutSeconds"_qs, u"watch"_qs};
const QStringList writeParams = {u"dryRun"_qs, u"fieldManager"_qs, u"fieldValidation"_qs};
const QStringList patchParams = {u"dryRun"_qs, u"fieldManager"_qs, u"fieldValidation"_qs, u"force"_qs};
const QStringList deleteParams = {u"dryRun"_qs, u"gracePeriodSeconds"_qs, u"ignoreStoreReadErrorWithClusterBreakingPotential"_qs,
                                  u"orphanDependents"_qs, u"propagationPolicy"_qs};
const QStringList deleteCollectionParams = {u"continue"_qs, u"dryRun"_qs, u"fieldSelector"_qs, u"gracePeriodSeconds"_qs,
                                            u"ignoreStoreReadErrorWithClusterBreakingPotential"_qs, u"labelSelector"_qs, u"limit"_qs,
                                            u"orphanDependents"_qs, u"propagationPolicy"_qs, u"resourceVersion"_qs,
                                            u"resourceVersionMatch"_qs, u"sendInitialEvents"_qs, u"timeoutSeconds"_qs};

enum class Media { Object, List, Text };

QJsonObject content(const QJsonObject &schema, Media media)
{
    if (media == Media::Text)
        return {{u"*/*"_qs, QJsonObject{{u"schema"_qs, schema}}}};
    QStringList types = {u"application/json"_qs, u"application/yaml"_qs, u"application/vnd.kubernetes.protobuf"_qs};
    if (media == Media::List)
        types << u"application/json;stream=watch"_qs << u"application/vnd.kubernetes.protobuf;stream=watch"_qs;
    QJsonObject out;
    for (const QString &t : std::as_const(types))
        out.insert(t, QJsonObject{{u"schema"_qs, schema}});
    return out;
}

QJsonObject responses(const QJsonObject &schema, const QList<int> &codes, Media media)
{
    static const QHash<int, QString> text = {{200, u"OK"_qs}, {201, u"Created"_qs}, {202, u"Accepted"_qs}};
    QJsonObject out{{u"401"_qs, QJsonObject{{u"description"_qs, u"Unauthorized"_qs}}}};
    for (int code : codes)
        out.insert(QString::number(code), QJsonObject{{u"description"_qs, text.value(code)}, {u"content"_qs, content(schema, media)}});
    return out;
}

QJsonObject requestBody(const QJsonObject &schema)
{
    return {{u"required"_qs, true}, {u"content"_qs, QJsonObject{{u"*/*"_qs, QJsonObject{{u"schema"_qs, schema}}}}}};
}

QJsonObject patchBody()
{
    // No application/apply-patch+cbor: this server does not speak CBOR.
    QJsonObject types;
    for (const QString &t : {u"application/json-patch+json"_qs, u"application/merge-patch+json"_qs,
                             u"application/strategic-merge-patch+json"_qs, u"application/apply-patch+yaml"_qs})
        types.insert(t, QJsonObject{{u"schema"_qs, openApiRef(patchComponent)}});
    return {{u"required"_qs, true}, {u"content"_qs, types}};
}

// The pieces every operation of one endpoint shares.
struct Endpoint {
    QString idPrefix; // "AppsV1Namespaced"
    QString idSuffix; // "Deployment", "DeploymentStatus"
    QString tag;
    GroupVersionKind gvk;
};

QJsonObject operation(const Endpoint &e, const QString &verbId, const QString &action, const QString &description)
{
    return {{u"operationId"_qs, verbId + e.idPrefix + e.idSuffix},
            {u"description"_qs, description},
            {u"tags"_qs, QJsonArray{e.tag}},
            {u"x-kubernetes-action"_qs, action},
            {u"x-kubernetes-group-version-kind"_qs,
             QJsonObject{{u"group"_qs, e.gvk.group}, {u"kind"_qs, e.gvk.kind}, {u"version"_qs, e.gvk.version}}}};
}

QJsonObject withParams(QJsonObject op, const QJsonArray &params)
{
    if (!params.isEmpty())
        op.insert(u"parameters"_qs, params);
    return op;
}

QJsonArray pathParameters(const KindInfo &k, bool named, const QString &nameOf)
{
    QJsonArray out;
    if (named)
        out.append(parameter(u"name"_qs, u"path"_qs, u"string"_qs, u"The name of the %1."_qs.arg(nameOf)));
    if (k.namespaced)
        out.append(parameter(u"namespace"_qs, u"path"_qs, u"string"_qs, u"The namespace of the object."_qs));
    out.append(queryParameter(u"pretty"_qs));
    return out;
}

// A connect or log subresource's options become query parameters.
QJsonArray optionParameters(const TypeSchemaPtr &options)
{
    QJsonArray out;
    if (!options)
        return out;
    for (const FieldSchema &f : options->fields) {
        if (f.name == u"apiVersion" || f.name == u"kind")
            continue;
        const QString scalar = f.type.innermost().name;
        const QString type = scalar == u"boolean" ? u"boolean"_qs
            : (scalar == u"int32" || scalar == u"int64") ? u"integer"_qs
                                                          : u"string"_qs;
        out.append(parameter(f.name, u"query"_qs, type, f.description.isEmpty() ? u"See %1."_qs.arg(options->name) : f.description));
    }
    return out;
}

QString typeNameOfKind(const GroupVersionKind &gvk)
{
    const QString prefix = gvk.group.isEmpty() ? u"core"_qs : gvk.group.section(u'.', 0, 0);
    return prefix + u'.' + gvk.version + u'.' + gvk.kind;
}

void addSubresource(const TypeRegistry &registry, const OpenApiSchemaBuilder &schemas, const KindInfo &k,
                    const SubresourceInfo &s, const QString &itemPath, Endpoint e, QJsonObject &paths)
{
    const GroupVersionKind kind = s.kind.kind.isEmpty() ? k.gvk : s.kind;
    const bool connect = s.name == u"exec" || s.name == u"attach" || s.name == u"portforward" || s.name == u"proxy";
    const bool log = s.name == u"log";
    e.idSuffix = k.gvk.kind + capitalized(s.name);
    e.gvk = connect ? kind : (log ? k.gvk : kind);

    QString component = kind == k.gvk ? openApiKindComponent(k) : openApiComponentName(typeNameOfKind(kind));
    const QJsonObject body = schemas.hasComponent(component) ? openApiRef(component) : QJsonObject{{u"type"_qs, u"object"_qs}};
    const QJsonObject text{{u"type"_qs, u"string"_qs}};
    const QString what = u"%1 of the specified %2"_qs.arg(s.name, k.gvk.kind);

    QJsonObject item{{u"parameters"_qs, pathParameters(k, true, k.gvk.kind)}};
    if (connect || log) {
        const QJsonArray options = optionParameters(registry.type(typeNameOfKind(log ? GroupVersionKind{k.gvk.group, k.gvk.version, u"PodLogOptions"_qs} : kind)));
        static const QHash<QString, QString> methods = {{u"get"_qs, u"get"_qs}, {u"create"_qs, u"post"_qs}, {u"update"_qs, u"put"_qs},
                                                         {u"patch"_qs, u"patch"_qs}, {u"delete"_qs, u"delete"_qs}};
        for (const QString &verb : s.verbs) {
            const QString method = methods.value(verb);
            if (method.isEmpty())
                continue;
            QJsonObject op = log ? operation(e, u"read"_qs, u"get"_qs, u"read "_qs + what)
                                 : operation(e, u"connect"_qs + capitalized(method), u"connect"_qs, u"connect %1 requests to %2"_qs.arg(method.toUpper(), what));
            op.insert(u"responses"_qs, responses(text, {200}, Media::Text));
            item.insert(method, withParams(op, options));
        }
        paths.insert(itemPath + u'/' + s.name, item);
        return;
    }
    for (const QString &verb : s.verbs) {
        if (verb == u"get") {
            QJsonObject op = operation(e, u"read"_qs, u"get"_qs, u"read "_qs + what);
            op.insert(u"responses"_qs, responses(body, {200}, Media::Object));
            item.insert(u"get"_qs, op);
        } else if (verb == u"update") {
            QJsonObject op = operation(e, u"replace"_qs, u"put"_qs, u"replace "_qs + what);
            op.insert(u"requestBody"_qs, requestBody(body));
            op.insert(u"responses"_qs, responses(body, {200, 201}, Media::Object));
            item.insert(u"put"_qs, withParams(op, queryParameters(writeParams)));
        } else if (verb == u"patch") {
            QJsonObject op = operation(e, u"patch"_qs, u"patch"_qs, u"partially update "_qs + what);
            op.insert(u"requestBody"_qs, patchBody());
            op.insert(u"responses"_qs, responses(body, {200, 201}, Media::Object));
            item.insert(u"patch"_qs, withParams(op, queryParameters(patchParams)));
        } else if (verb == u"create") {
            QJsonObject op = operation(e, u"create"_qs, u"post"_qs, u"create "_qs + what);
            op.insert(u"requestBody"_qs, requestBody(body));
            op.insert(u"responses"_qs, responses(body, {200, 201, 202}, Media::Object));
            item.insert(u"post"_qs, withParams(op, queryParameters(writeParams)));
        }
    }
    paths.insert(itemPath + u'/' + s.name, item);
}

} // namespace

QString openApiGroupId(const QString &group)
{
    if (group.isEmpty())
        return u"Core"_qs;
    QString g = group;
    if (g.endsWith(u".k8s.io"))
        g.chop(7);
    QString out;
    for (const QString &label : g.split(u'.', Qt::SkipEmptyParts)) {
        for (const QString &part : label.split(u'-', Qt::SkipEmptyParts))
            out += capitalized(part);
    }
    return out;
}

QString openApiGroupVersionId(const GroupVersion &gv)
{
    return openApiGroupId(gv.group) + capitalized(gv.version);
}

QString openApiTag(const QString &group, const QString &version)
{
    QString id = openApiGroupId(group);
    id[0] = id[0].toLower();
    return version.isEmpty() ? id : id + u'_' + version;
}

QJsonObject openApiGetOperation(const QString &operationId, const QString &description, const QString &tag,
                                const QString &component)
{
    return {{u"operationId"_qs, operationId},
            {u"description"_qs, description},
            {u"tags"_qs, QJsonArray{tag}},
            {u"responses"_qs, responses(openApiRef(component), {200}, Media::Object)}};
}

void addOpenApiResourceListPath(const GroupVersion &gv, QJsonObject &paths)
{
    const QString path = gv.group.isEmpty() ? u"/api/"_qs + gv.version + u'/' : u"/apis/%1/%2/"_qs.arg(gv.group, gv.version);
    const QJsonObject get = openApiGetOperation(u"get"_qs + openApiGroupVersionId(gv) + u"APIResources"_qs, u"get available resources"_qs,
                                                openApiTag(gv.group, gv.version),
                                                u"io.k8s.apimachinery.pkg.apis.meta.v1.APIResourceList"_qs);
    paths.insert(path, QJsonObject{{u"get"_qs, get}});
}

void addOpenApiKindPaths(const TypeRegistry &registry, const OpenApiSchemaBuilder &schemas, const KindInfo &k,
                         QJsonObject &paths)
{
    const GroupVersion gv = k.gvk.groupVersion();
    const QString base = gv.group.isEmpty() ? u"/api/"_qs + gv.version : u"/apis/%1/%2"_qs.arg(gv.group, gv.version);
    const QString collectionPath = base + (k.namespaced ? u"/namespaces/{namespace}/"_qs : u"/"_qs) + k.plural;
    const QString itemPath = collectionPath + u"/{name}"_qs;
    const QString gvId = openApiGroupVersionId(gv);
    const Endpoint e{gvId + (k.namespaced ? u"Namespaced"_qs : QString()), k.gvk.kind, openApiTag(gv.group, gv.version), k.gvk};
    const QJsonObject object = openApiRef(openApiKindComponent(k));
    const QJsonObject list = openApiRef(openApiListComponent(k));
    const QJsonObject status = openApiRef(statusComponent);
    const QString &kind = k.gvk.kind;
    const auto has = [&](const char *verb) { return k.verbs.contains(QLatin1String(verb)); };

    QJsonObject collection;
    if (has("list")) {
        QJsonObject op = operation(e, u"list"_qs, u"list"_qs, u"list or watch objects of kind "_qs + kind);
        op.insert(u"responses"_qs, responses(list, {200}, Media::List));
        collection.insert(u"get"_qs, withParams(op, queryParameters(listParams)));
    }
    if (has("create")) {
        QJsonObject op = operation(e, u"create"_qs, u"post"_qs, u"create a "_qs + kind);
        op.insert(u"requestBody"_qs, requestBody(object));
        op.insert(u"responses"_qs, responses(object, {200, 201, 202}, Media::Object));
        collection.insert(u"post"_qs, withParams(op, queryParameters(writeParams)));
    }
    if (has("deletecollection")) {
        Endpoint c = e;
        c.idPrefix = gvId + u"Collection"_qs + (k.namespaced ? u"Namespaced"_qs : QString());
        QJsonObject op = operation(c, u"delete"_qs, u"deletecollection"_qs, u"delete collection of "_qs + kind);
        op.insert(u"requestBody"_qs, QJsonObject{{u"content"_qs, QJsonObject{{u"*/*"_qs, QJsonObject{{u"schema"_qs, openApiRef(deleteOptionsComponent)}}}}}});
        op.insert(u"responses"_qs, responses(status, {200}, Media::Object));
        collection.insert(u"delete"_qs, withParams(op, queryParameters(deleteCollectionParams)));
    }
    if (!collection.isEmpty()) {
        collection.insert(u"parameters"_qs, pathParameters(k, false, kind));
        paths.insert(collectionPath, collection);
    }

    QJsonObject item;
    if (has("get")) {
        QJsonObject op = operation(e, u"read"_qs, u"get"_qs, u"read the specified "_qs + kind);
        op.insert(u"responses"_qs, responses(object, {200}, Media::Object));
        item.insert(u"get"_qs, op);
    }
    if (has("update")) {
        QJsonObject op = operation(e, u"replace"_qs, u"put"_qs, u"replace the specified "_qs + kind);
        op.insert(u"requestBody"_qs, requestBody(object));
        op.insert(u"responses"_qs, responses(object, {200, 201}, Media::Object));
        item.insert(u"put"_qs, withParams(op, queryParameters(writeParams)));
    }
    if (has("patch")) {
        QJsonObject op = operation(e, u"patch"_qs, u"patch"_qs, u"partially update the specified "_qs + kind);
        op.insert(u"requestBody"_qs, patchBody());
        op.insert(u"responses"_qs, responses(object, {200, 201}, Media::Object));
        item.insert(u"patch"_qs, withParams(op, queryParameters(patchParams)));
    }
    if (has("delete")) {
        QJsonObject op = operation(e, u"delete"_qs, u"delete"_qs, u"delete a "_qs + kind);
        op.insert(u"requestBody"_qs, QJsonObject{{u"content"_qs, QJsonObject{{u"*/*"_qs, QJsonObject{{u"schema"_qs, openApiRef(deleteOptionsComponent)}}}}}});
        op.insert(u"responses"_qs, responses(status, {200, 202}, Media::Object));
        item.insert(u"delete"_qs, withParams(op, queryParameters(deleteParams)));
    }
    if (!item.isEmpty()) {
        item.insert(u"parameters"_qs, pathParameters(k, true, kind));
        paths.insert(itemPath, item);
    }

    if (k.namespaced && has("list")) {
        Endpoint all = e;
        all.idPrefix = gvId;
        all.idSuffix = kind + u"ForAllNamespaces"_qs;
        QJsonObject op = operation(all, u"list"_qs, u"list"_qs, u"list or watch objects of kind "_qs + kind);
        op.insert(u"responses"_qs, responses(list, {200}, Media::List));
        paths.insert(base + u'/' + k.plural,
                     QJsonObject{{u"get"_qs, withParams(op, queryParameters(listParams))},
                                 {u"parameters"_qs, QJsonArray{queryParameter(u"pretty"_qs)}}});
    }

    for (const SubresourceInfo &s : k.subresources)
        addSubresource(registry, schemas, k, s, itemPath, e, paths);
}

} // namespace kube
