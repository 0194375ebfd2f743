#include "defaultstorageclass.h"

#include "resourcerequest.h"
#include "storagekeys.h"

#include "kube/api/object.h"
#include "kube/api/typeregistry.h"
#include "kube/store/store.h"

#include <QJsonObject>

namespace kube {

QString newestDefaultClass(const QList<Object> &classes, std::initializer_list<QStringView> annotationKeys)
{
    const Object *chosen = nullptr;
    for (const Object &c : classes) {
        const Labels annotations = c.annotations();
        bool isDefault = false;
        for (QStringView key : annotationKeys)
            isDefault = isDefault || annotations.value(key.toString()) == u"true";
        if (!isDefault)
            continue;
        // RFC 3339 UTC timestamps of equal precision compare as strings.
        if (!chosen || c.creationTimestamp() > chosen->creationTimestamp()
            || (c.creationTimestamp() == chosen->creationTimestamp() && c.name() < chosen->name()))
            chosen = &c;
    }
    return chosen ? chosen->name() : QString();
}

QString defaultStorageClassName(const QList<Object> &classes)
{
    return newestDefaultClass(classes, {u"storageclass.kubernetes.io/is-default-class", u"storageclass.beta.kubernetes.io/is-default-class"});
}

void admitDefaultStorageClass(QJsonObject &object, const KindInfo &kind, const ApiContext &context)
{
    if (kind.gvk.group != u"" || kind.gvk.kind != u"PersistentVolumeClaim")
        return;
    QJsonObject spec = object.value(u"spec").toObject();
    if (spec.contains(u"storageClassName") && !spec.value(u"storageClassName").isNull())
        return;
    if (!spec.value(u"volumeName").toString().isEmpty())
        return;
    const QJsonObject annotations = object.value(u"metadata").toObject().value(u"annotations").toObject();
    if (annotations.contains(u"volume.beta.kubernetes.io/storage-class"))
        return;
    const KindInfoPtr classes = context.registry->resource({u"storage.k8s.io"_qs, u"v1"_qs, u"storageclasses"_qs});
    if (!classes)
        return;
    const auto listed = context.store->list(storagePrefix(*classes));
    if (!listed.ok())
        return;
    const QString name = defaultStorageClassName(listed->items);
    if (name.isEmpty())
        return;
    spec.insert(u"storageClassName", name);
    object.insert(u"spec", spec);
}

} // namespace kube
