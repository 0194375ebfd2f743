#include "storagekeys.h"

#include "kube/api/typeregistry.h"
#include "kube/store/storekey.h"

namespace kube {

QByteArray storageKey(const KindInfo &kind, const QString &namespace_, const QString &name)
{
    return StoreKey::make(kind.gvk.group, kind.plural, kind.namespaced ? namespace_ : QString(), name);
}

QByteArray storagePrefix(const KindInfo &kind, const QString &namespace_)
{
    return StoreKey::prefix(kind.gvk.group, kind.plural, kind.namespaced ? namespace_ : QString());
}

} // namespace kube
