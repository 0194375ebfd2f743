#pragma once
// StoreKey: how store keys are spelled. Keys follow kube-apiserver's etcd layout,
// "/registry/<group>/<resource>/<namespace>/<name>" (cluster-scoped objects have no namespace
// segment; the core group is spelled "core"). The store itself treats keys as opaque byte
// strings ordered by memcmp; this file only builds them and reads the parts errors need.
//
// Pure functions; usable from any thread; cost: one small allocation per call.

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace kube::StoreKey {

// "/registry/<group>/<resource>/<namespace>/<name>", or without the namespace segment when
// namespace_ is empty. An empty group is written "core".
QByteArray make(QStringView group, QStringView resource, QStringView namespace_, QStringView name);
// The prefix that lists one resource (namespace_ empty: all namespaces) — ends with '/', so
// "default" never matches "default2".
QByteArray prefix(QStringView group, QStringView resource, QStringView namespace_ = {});

// "deployments.apps", "pods" (core): the qualified resource named in Status messages; the whole
// key when it does not follow the layout.
QString groupResource(QByteArrayView key);
// The last segment of the key (the object's name).
QString name(QByteArrayView key);

// The smallest byte string greater than every string starting with prefix; empty when there is
// none (prefix empty or all 0xff). Used as the exclusive upper bound of a prefix range.
QByteArray prefixEnd(QByteArrayView prefix);

} // namespace kube::StoreKey
