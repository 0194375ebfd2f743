#pragma once
// Index functions for the ThreadSafeStore: each maps an object to the values it is found under
// (client-go's IndexFunc / Indexers). The built-in ones answer the questions controllers and
// the console ask most: objects in a namespace, with a label, owned by a UID, on a node.
//
// Pure functions; callable from any thread.

#include "kube/api/object.h"

#include <QHash>
#include <QStringList>

#include <functional>

namespace kube {

using IndexFunc = std::function<QStringList(const Object &)>;
using Indexers = QHash<QString, IndexFunc>;

namespace index {
inline constexpr auto Namespace = "namespace";   // value: metadata.namespace ("" when cluster-scoped)
inline constexpr auto Label = "label";           // values: "key=value" per label
inline constexpr auto OwnerUid = "ownerUid";     // values: each ownerReferences[].uid
inline constexpr auto NodeName = "nodeName";     // value: spec.nodeName when set (pods)

// The value the label index stores for one label.
inline QString labelValue(const QString &key, const QString &value) { return key + u'=' + value; }
} // namespace index

QStringList indexByNamespace(const Object &object);
QStringList indexByLabel(const Object &object);
QStringList indexByOwnerUid(const Object &object);
// spec.nodeName, read at parse (no second parse).
QStringList indexByNodeName(const Object &object);

// The four built-in indexes, under their index:: names.
Indexers defaultIndexers();

} // namespace kube
