#pragma once
// Server-side apply (PATCH with application/apply-patch+yaml), what helm 4 and
// kubectl apply --server-side use: the applied configuration creates the object when absent
// and otherwise is merged into it; each field manager's fields are recorded in
// metadata.managedFields; a field this manager applied before and no longer applies is removed
// (unless another manager owns it); changing a field another applier owns is a 409 Conflict
// naming manager and field, unless force=true, which takes the field over.
//
// Update operations (create, PUT, other patches) record their managers too (managedfields.h),
// so an apply that changes a value an updater set conflicts with it, named as upstream names
// it ("kubectl-edit" using apps/v1). Simplification: list items are merged by the registry's
// keys.
// Thread affinity: the API server's thread.

#include "fieldset.h"

namespace kube {
// handleApply is declared in handlers.h.
} // namespace kube
