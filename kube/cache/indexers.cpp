#include "indexers.h"

namespace kube {

QStringList indexByNamespace(const Object &object)
{
    return {object.namespace_()};
}

QStringList indexByLabel(const Object &object)
{
    QStringList values;
    values.reserve(object.labels().size());
    for (const auto &[key, value] : object.labels())
        values.append(index::labelValue(key, value));
    return values;
}

QStringList indexByOwnerUid(const Object &object)
{
    QStringList values;
    for (const OwnerReference &owner : object.ownerReferences()) {
        if (!owner.uid.isEmpty())
            values.append(owner.uid);
    }
    return values;
}

QStringList indexByNodeName(const Object &object)
{
    const QString node = object.nodeName(); // read at parse
    if (node.isEmpty())
        return {};
    return {node};
}

Indexers defaultIndexers()
{
    return {
        {QString::fromLatin1(index::Namespace), indexByNamespace},
        {QString::fromLatin1(index::Label), indexByLabel},
        {QString::fromLatin1(index::OwnerUid), indexByOwnerUid},
        {QString::fromLatin1(index::NodeName), indexByNodeName},
    };
}

} // namespace kube
