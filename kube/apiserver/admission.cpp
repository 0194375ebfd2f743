#include "admission.h"

#include "kindstrategy.h"
#include "resourcerequest.h"
#include "storagekeys.h"

#include "kube/api/defaulting.h"
#include "kube/store/store.h"

#include <QJsonObject>

namespace kube {

void defaultObject(QJsonObject &object, const KindInfo &kind, const ApiContext &context)
{
    if (const TypeSchemaPtr root = context.registry->type(kind.rootType))
        applyDefaults(object, *root, *context.registry);
    applyKindDefaults(object, kind);
}

Status admitNamespace(const ApiContext &context, const KindInfo &kind, const QString &namespace_)
{
    if (!kind.namespaced)
        return {};
    const KindInfoPtr namespaces = context.registry->resource({QString(), u"v1"_qs, u"namespaces"_qs});
    if (!namespaces)
        return {};
    auto ns = context.store->get(storageKey(*namespaces, QString(), namespace_));
    if (!ns.ok())
        return Status::notFound(u"namespaces"_qs, namespace_);
    if (ns->isBeingDeleted()) {
        return Status(403, QString::fromLatin1(reason::Forbidden),
                      u"%1 \"%2\" is forbidden: unable to create new content in namespace %3 because it is being terminated"_qs
                          .arg(kind.gvr().groupResource(), QString(), namespace_));
    }
    return {};
}

} // namespace kube
