#include "indexers.h"

namespace kube {

namespace {

// The index functions run for every object the store indexes. Objects decoded on one thread
// share their repeating values (Object::parse interns namespaces, node names, label sets and
// owner references), so each function keeps its last answer and returns it again — a reference
// count, no allocation — while the input is the same shared data. The cache holds a copy of
// the input, so an equal address always means the same bytes.
QStringList single(const QString &value, QStringList &last)
{
    if (!last.isEmpty() && last.constFirst().constData() == value.constData() && last.constFirst().size() == value.size())
        return last;
    last = QStringList{value};
    return last;
}

} // namespace

QStringList indexByNamespace(const Object &object)
{
    thread_local QStringList last;
    return single(object.namespace_(), last);
}

QStringList indexByLabel(const Object &object)
{
    const Labels &labels = object.labels();
    if (labels.isEmpty())
        return {};
    thread_local Labels lastLabels;
    thread_local QStringList lastValues;
    if (labels.items().constData() == lastLabels.items().constData())
        return lastValues;
    QStringList values;
    values.reserve(labels.size());
    for (const auto &[key, value] : labels)
        values.append(index::labelValue(key, value));
    lastLabels = labels;
    lastValues = values;
    return values;
}

QStringList indexByOwnerUid(const Object &object)
{
    const QList<OwnerReference> &owners = object.ownerReferences();
    if (owners.isEmpty())
        return {};
    thread_local QList<OwnerReference> lastOwners;
    thread_local QStringList lastValues;
    if (owners.constData() == lastOwners.constData())
        return lastValues;
    QStringList values;
    for (const OwnerReference &owner : owners) {
        if (!owner.uid.isEmpty())
            values.append(owner.uid);
    }
    lastOwners = owners;
    lastValues = values;
    return values;
}

QStringList indexByNodeName(const Object &object)
{
    const QString node = object.nodeName(); // read at parse
    if (node.isEmpty())
        return {};
    thread_local QStringList last;
    return single(node, last);
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
