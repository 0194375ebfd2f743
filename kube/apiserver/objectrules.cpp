#include "objectrules.h"

#include "podqos.h"

#include "kube/api/clock.h"
#include "kube/api/typeregistry.h"

#include <QRandomGenerator>
#include <QUuid>

namespace kube {

namespace {

bool kindHasSpec(const KindInfo &kind, const TypeRegistry &registry)
{
    const TypeSchemaPtr root = registry.type(kind.rootType);
    return root && root->field(u"spec") != nullptr;
}

bool kindHasStatusSubresource(const KindInfo &kind)
{
    return kind.subresource(u"status") != nullptr;
}

Status checkTypeMeta(QJsonObject &object, const KindInfo &kind)
{
    const QString apiVersion = object.value(u"apiVersion").toString();
    const QString objectKind = object.value(u"kind").toString();
    const QString expected = kind.gvk.apiVersion();
    if (!apiVersion.isEmpty() && apiVersion != expected)
        return Status::badRequest(u"the API version in the data (%1) does not match the expected API version (%2)"_qs.arg(apiVersion, expected));
    if (!objectKind.isEmpty() && objectKind != kind.gvk.kind)
        return Status::badRequest(u"the kind in the data (%1) does not match the expected kind (%2)"_qs.arg(objectKind, kind.gvk.kind));
    object[u"apiVersion"_qs] = expected;
    object[u"kind"_qs] = kind.gvk.kind;
    return {};
}

Status checkNamespace(QJsonObject &metadata, const CreateContext &context)
{
    if (!context.kind.namespaced) {
        metadata.remove(u"namespace"_qs);
        return {};
    }
    const QString given = metadata.value(u"namespace").toString();
    if (!given.isEmpty() && given != context.namespace_)
        return Status::badRequest(u"the namespace of the provided object does not match the namespace sent on the request"_qs);
    metadata[u"namespace"_qs] = context.namespace_;
    return {};
}

} // namespace

QString generateNameSuffix()
{
    static const char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
    QString out;
    for (int i = 0; i < 5; ++i)
        out += QLatin1Char(alphabet[QRandomGenerator::global()->bounded(int(sizeof(alphabet) - 1))]);
    return out;
}

QString newUid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

Status prepareForCreate(QJsonObject &object, const CreateContext &context)
{
    if (Status s = checkTypeMeta(object, context.kind); !s.isSuccess())
        return s;
    QJsonObject metadata = object.value(u"metadata").toObject();
    if (Status s = checkNamespace(metadata, context); !s.isSuccess())
        return s;
    if (!metadata.value(u"resourceVersion").toString().isEmpty())
        return Status::badRequest(u"resourceVersion should not be set on objects to be created"_qs);

    QString name = metadata.value(u"name").toString();
    const QString generateName = metadata.value(u"generateName").toString();
    if (name.isEmpty() && !generateName.isEmpty()) {
        name = generateName + generateNameSuffix();
        metadata[u"name"_qs] = name;
    }
    if (name.isEmpty()) {
        return Status::invalid(context.kind.gvk.group, context.kind.gvk.kind, QString(),
                               {{u"FieldValueRequired"_qs, u"Required value: name or generateName is required"_qs, u"metadata.name"_qs}});
    }
    metadata[u"uid"_qs] = newUid();
    metadata[u"creationTimestamp"_qs] = formatKubeTime(context.clock.now());
    metadata.remove(u"resourceVersion"_qs);
    metadata.remove(u"selfLink"_qs);
    metadata.remove(u"deletionTimestamp"_qs);
    metadata.remove(u"deletionGracePeriodSeconds"_qs);
    if (kindHasSpec(context.kind, context.registry))
        metadata[u"generation"_qs] = 1;
    else
        metadata.remove(u"generation"_qs);
    object[u"metadata"_qs] = metadata;
    if (kindHasStatusSubresource(context.kind) && context.kind.gvk.kind != u"Namespace")
        object.remove(u"status"_qs);
    if (context.kind.gvk.group.isEmpty() && context.kind.gvk.kind == u"Pod" && context.subresource.isEmpty())
        object[u"status"_qs] = newPodStatus(object.value(u"spec").toObject()); // upstream's pod PrepareForCreate
    return {};
}

Status prepareForUpdate(QJsonObject &object, const QJsonObject &current, const CreateContext &context,
                        const QString &name)
{
    if (Status s = checkTypeMeta(object, context.kind); !s.isSuccess())
        return s;
    QJsonObject metadata = object.value(u"metadata").toObject();
    if (Status s = checkNamespace(metadata, context); !s.isSuccess())
        return s;
    const QString bodyName = metadata.value(u"name").toString();
    if (!bodyName.isEmpty() && bodyName != name)
        return Status::badRequest(u"the name of the object (%1) does not match the name on the URL (%2)"_qs.arg(bodyName, name));
    metadata[u"name"_qs] = name;

    const QJsonObject currentMeta = current.value(u"metadata").toObject();
    for (const auto *kept : {u"uid", u"creationTimestamp", u"deletionTimestamp", u"deletionGracePeriodSeconds", u"generation"}) {
        const QString key = QString::fromUtf16(kept);
        if (currentMeta.contains(key))
            metadata[key] = currentMeta.value(key);
        else
            metadata.remove(key);
    }
    metadata.remove(u"selfLink"_qs);

    const bool statusUpdate = context.subresource == u"status";
    if (statusUpdate) {
        // A status write changes the status (and, upstream allows, labels and annotations).
        QJsonObject merged = current;
        merged[u"status"_qs] = object.value(u"status");
        QJsonObject mergedMeta = currentMeta;
        for (const auto *allowed : {u"labels", u"annotations", u"resourceVersion"}) {
            const QString key = QString::fromUtf16(allowed);
            if (metadata.contains(key))
                mergedMeta[key] = metadata.value(key);
        }
        merged[u"metadata"_qs] = mergedMeta;
        if (context.kind.gvk.group.isEmpty() && context.kind.gvk.kind == u"Pod")
            keepPodQosClass(merged, current); // upstream's pod status PrepareForUpdate
        object = merged;
        return {};
    }
    if (kindHasStatusSubresource(context.kind) && context.kind.gvk.kind != u"Namespace") {
        if (current.contains(u"status"))
            object[u"status"_qs] = current.value(u"status");
        else
            object.remove(u"status"_qs);
    }
    if (metadata.contains(u"generation") && object.value(u"spec") != current.value(u"spec"))
        metadata[u"generation"_qs] = metadata.value(u"generation").toInteger() + 1;
    object[u"metadata"_qs] = metadata;
    return {};
}

} // namespace kube
