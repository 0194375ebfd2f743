#pragma once
// Where a kind's objects live in the store: StoreKey's etcd-like layout
// ("/registry/<group>/<resource>/[<namespace>/]<name>") applied to a KindInfo, so handlers
// never spell keys themselves. Pure functions; any thread.

#include <QByteArray>
#include <QString>

namespace kube {

struct KindInfo;

QByteArray storageKey(const KindInfo &kind, const QString &namespace_, const QString &name);
// The prefix of every object of kind (namespace_ empty) or of kind in one namespace.
QByteArray storagePrefix(const KindInfo &kind, const QString &namespace_ = {});

} // namespace kube
