#pragma once
// The core/v1 Binding the scheduler POSTs to pods/<name>/binding once it has chosen a node:
//   {"apiVersion":"v1","kind":"Binding","metadata":{"name":…,"namespace":…},
//    "target":{"apiVersion":"v1","kind":"Node","name":…}}
// Free functions; any thread; cost linear in the names' length.

#include "kube/api/object.h"

#include <QByteArray>
#include <QString>

namespace kube::scheduler {

QByteArray bindingJson(const QString &namespace_, const QString &podName, const QString &nodeName);
// The Binding for pod onto nodeName, as an Object.
Object makeBinding(const Object &pod, const QString &nodeName);

} // namespace kube::scheduler
