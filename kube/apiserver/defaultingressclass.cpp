#include "defaultingressclass.h"

#include "defaultstorageclass.h"
#include "resourcerequest.h"
#include "storagekeys.h"

#include "kube/api/object.h"
#include "kube/api/typeregistry.h"
#include "kube/store/store.h"

#include <QJsonObject>

namespace kube {

void admitDefaultIngressClass(QJsonObject &object, const KindInfo &kind, const ApiContext &context)
{
    if (kind.gvk.group != u"networking.k8s.io" || kind.gvk.kind != u"Ingress")
        return;
    QJsonObject spec = object.value(u"spec").toObject();
    if (!spec.value(u"ingressClassName").toString().isEmpty())
        return;
    const QJsonObject annotations = object.value(u"metadata").toObject().value(u"annotations").toObject();
    if (annotations.contains(u"kubernetes.io/ingress.class"))
        return; // the deprecated annotation names a class already
    const KindInfoPtr classes = context.registry->resource({u"networking.k8s.io"_qs, u"v1"_qs, u"ingressclasses"_qs});
    if (!classes)
        return;
    const auto listed = context.store->list(storagePrefix(*classes));
    if (!listed.ok())
        return;
    const QString name = newestDefaultClass(listed->items, {u"ingressclass.kubernetes.io/is-default-class"});
    if (name.isEmpty())
        return;
    spec.insert(u"ingressClassName", name);
    object.insert(u"spec", spec);
}

} // namespace kube
