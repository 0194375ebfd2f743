// The scale subresource (autoscaling/v1 Scale) of Deployments, ReplicaSets, StatefulSets,
// ReplicationControllers and custom resources that declare one: kubectl scale, autoscalers.
#include "handlers.h"

#include "codec.h"
#include "managedfields.h"
#include "resourcerequest.h"

#include "kube/api/jsonpatch.h"
#include "kube/api/labelselector.h"
#include "kube/api/mergepatch.h"
#include "kube/api/patchtype.h"
#include "kube/api/strategicmergepatch.h"
#include "kube/store/store.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace kube {

namespace {

// Reads a dotted path such as ".spec.replicas" from an object.
QJsonValue valueAt(const QJsonObject &object, const QString &path)
{
    QJsonValue v = object;
    for (const QString &part : path.split(u'.', Qt::SkipEmptyParts))
        v = v.toObject().value(part);
    return v;
}

void setValueAt(QJsonObject &object, const QStringList &parts, qsizetype index, const QJsonValue &value)
{
    if (index + 1 == parts.size()) {
        object[parts[index]] = value;
        return;
    }
    QJsonObject child = object.value(parts[index]).toObject();
    setValueAt(child, parts, index + 1, value);
    object[parts[index]] = child;
}

struct ScalePaths {
    QString specReplicas = u".spec.replicas"_qs;
    QString statusReplicas = u".status.replicas"_qs;
    QString selector = u".spec.selector"_qs;
};

ScalePaths pathsFor(const KindInfo &kind)
{
    ScalePaths paths;
    if (const SubresourceInfo *sub = kind.subresource(u"scale"); sub && !sub->specReplicasPath.isEmpty()) {
        paths.specReplicas = sub->specReplicasPath;
        paths.statusReplicas = sub->statusReplicasPath;
        paths.selector = sub->labelSelectorPath;
    }
    return paths;
}

QString selectorText(const QJsonValue &selector)
{
    if (selector.isString())
        return selector.toString();
    if (!selector.isObject())
        return QString();
    const QJsonObject o = selector.toObject();
    // ReplicationControllers select with a plain map; the others with a LabelSelector.
    if (!o.contains(u"matchLabels") && !o.contains(u"matchExpressions")) {
        Labels set;
        for (auto it = o.begin(); it != o.end(); ++it)
            set.insert(it.key(), it.value().toString());
        return LabelSelector::fromSet(set).toString();
    }
    auto parsed = LabelSelector::fromLabelSelectorJson(o);
    return parsed.ok() ? parsed->toString() : QString();
}

QJsonObject scaleOf(const Object &parent, const KindInfo &kind)
{
    const QJsonObject o = parent.toJson();
    const ScalePaths paths = pathsFor(kind);
    const QJsonObject meta = o.value(u"metadata").toObject();
    QJsonObject scaleMeta;
    for (const auto *key : {u"name", u"namespace", u"uid", u"resourceVersion", u"creationTimestamp"}) {
        const QString k = QString::fromUtf16(key);
        if (meta.contains(k))
            scaleMeta[k] = meta.value(k);
    }
    QJsonObject status{{u"replicas"_qs, valueAt(o, paths.statusReplicas).toInt()}};
    const QString selector = selectorText(valueAt(o, paths.selector));
    if (!selector.isEmpty())
        status[u"selector"_qs] = selector;
    return {{u"kind"_qs, u"Scale"_qs}, {u"apiVersion"_qs, u"autoscaling/v1"_qs}, {u"metadata"_qs, scaleMeta},
            {u"spec"_qs, QJsonObject{{u"replicas"_qs, valueAt(o, paths.specReplicas).toInt()}}}, {u"status"_qs, status}};
}

} // namespace

void handleScale(const ApiContext &context, const ResourceRequest &request, ApiResponder &responder)
{
    const QString groupResource = request.kind->gvr().groupResource();
    const QString verb = request.http.info.verb;
    if (verb == u"get") {
        auto parent = context.store->get(request.key());
        if (!parent.ok())
            return responder.respondStatus(Status::notFound(groupResource, request.name));
        return responder.respondJson(200, QJsonDocument(scaleOf(parent.value(), *request.kind)).toJson(QJsonDocument::Compact));
    }

    QJsonObject resultScale;
    auto tryUpdate = [&](const Object &current) -> Expected<Object> {
        if (current.isNull())
            return Status::notFound(groupResource, request.name);
        const QJsonObject scale = scaleOf(current, *request.kind);
        QJsonObject wanted;
        if (verb == u"update") {
            auto body = decodeObjectBody(request.http.header("Content-Type"), request.http.body, *context.registry,
                                         {u"autoscaling"_qs, u"v1"_qs, u"Scale"_qs});
            if (!body.ok())
                return body.error();
            wanted = body->toJson();
        } else {
            const auto type = patchTypeFromContentType(QString::fromLatin1(request.http.header("Content-Type")));
            Expected<QJsonObject> patched = Status::badRequest(u"unsupported patch type"_qs);
            if (type == PatchType::Json)
                patched = applyJsonPatch(scale, request.http.body);
            else if (type == PatchType::Merge || type == PatchType::StrategicMerge || type == PatchType::ApplyYaml)
                patched = applyMergePatch(scale, request.http.body); // Scale has no lists: merge is strategic merge
            if (!patched.ok())
                return patched.error();
            wanted = patched.value();
        }
        const QString rv = wanted.value(u"metadata").toObject().value(u"resourceVersion").toString();
        if (!rv.isEmpty() && rv != current.resourceVersion())
            return Status::conflict(groupResource, request.name,
                                    u"the object has been modified; please apply your changes to the latest version and try again"_qs);
        const QJsonValue replicas = wanted.value(u"spec").toObject().value(u"replicas");
        if (!replicas.isDouble() || replicas.toInt() < 0) {
            return Status::invalid(u"autoscaling"_qs, u"Scale"_qs, request.name,
                                   {{u"FieldValueInvalid"_qs, u"Invalid value: %1: must be greater than or equal to 0"_qs.arg(replicas.toInt()),
                                     u"spec.replicas"_qs}});
        }
        QJsonObject parent = current.toJson();
        const QJsonValue before = valueAt(parent, pathsFor(*request.kind).specReplicas);
        setValueAt(parent, pathsFor(*request.kind).specReplicas.split(u'.', Qt::SkipEmptyParts), 0, replicas.toInt());
        if (before != QJsonValue(replicas.toInt())) {
            QJsonObject meta = parent.value(u"metadata").toObject();
            if (meta.contains(u"generation"))
                meta[u"generation"_qs] = meta.value(u"generation").toInteger() + 1;
            parent[u"metadata"_qs] = meta;
        }
        if (request.isDryRun())
            return current;
        // managedFields: the scaler (kubectl scale: "kubectl-scale") owns the replicas through
        // the subresource, as kube-apiserver records it.
        recordUpdate(parent, current.toJson(), request, context);
        return Object::fromJson(parent);
    };
    auto stored = context.store->guaranteedUpdate(request.key(), tryUpdate);
    if (!stored.ok())
        return responder.respondStatus(stored.error().code() == 404 ? Status::notFound(groupResource, request.name) : stored.error());
    responder.respondJson(200, QJsonDocument(scaleOf(stored.value(), *request.kind)).toJson(QJsonDocument::Compact));
}

} // namespace kube
