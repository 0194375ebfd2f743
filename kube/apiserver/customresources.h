#pragma once
// CustomResources: keeps the registry's custom kinds in step with the CustomResourceDefinitions
// in the store — upstream's apiextensions controllers in miniature. After any write to a CRD
// (and at start) it re-reads them all: new or changed ones are served (and their status gets
// NamesAccepted and Established, which `kubectl wait --for condition=established` reads);
// removed ones stop being served and their objects are deleted. Running synchronously after
// the write means a CRD and its first object can be applied back to back.
//
// Thread affinity: the API server's thread. Cost: proportional to the number of CRDs.

#include "kube/api/status.h"

namespace kube {

struct ApiContext;

// Brings the registry and the CRDs' status up to date with the stored CRDs.
void syncCustomResources(const ApiContext &context);

} // namespace kube
