#pragma once
// Which fields a field selector may name for each kind, as kube-apiserver's per-kind
// GetAttrs/field label conversion functions allow (metadata.name and metadata.namespace
// everywhere, plus e.g. spec.nodeName and status.phase for pods, involvedObject.* for events).
// Pure; any thread.

#include <QStringList>

namespace kube {

struct GroupVersionKind;

QStringList selectableFields(const GroupVersionKind &gvk);

} // namespace kube
