#pragma once
// One function per API verb on a resource (upstream's k8s.io/apiserver endpoints/handlers).
// Each reads its request, talks to the store, and answers through the responder (or starts a
// stream, for watch). Thread affinity: reads, watches and logs on the API server's thread;
// writes (create, update, patch, apply, delete, deletecollection, scale and pod subresource
// writes) on the HTTP server's worker threads, concurrently, with a deferred responder and
// under WriteSerialization (see apiserver.h).

namespace kube {

struct ApiContext;
struct ResourceRequest;
class ApiResponder;

void handleGet(const ApiContext &context, const ResourceRequest &request, ApiResponder &responder);
void handleList(const ApiContext &context, const ResourceRequest &request, ApiResponder &responder);
void handleCreate(const ApiContext &context, const ResourceRequest &request, ApiResponder &responder);
void handleUpdate(const ApiContext &context, const ResourceRequest &request, ApiResponder &responder);
void handleDelete(const ApiContext &context, const ResourceRequest &request, ApiResponder &responder);
void handleDeleteCollection(const ApiContext &context, const ResourceRequest &request, ApiResponder &responder);
void handlePatch(const ApiContext &context, const ResourceRequest &request, ApiResponder &responder);
// PATCH with application/apply-patch+yaml: server-side apply (serversideapply.cpp).
void handleApply(const ApiContext &context, const ResourceRequest &request, ApiResponder &responder);
// get, update and patch of the scale subresource (scalehandler.cpp).
void handleScale(const ApiContext &context, const ResourceRequest &request, ApiResponder &responder);
void handleWatch(const ApiContext &context, const ResourceRequest &request, ApiResponder &responder);
// pods/binding and pods/eviction (podsubresources.cpp).
void handleBinding(const ApiContext &context, const ResourceRequest &request, ApiResponder &responder);
void handleEviction(const ApiContext &context, const ResourceRequest &request, ApiResponder &responder);
// pods/log: proxied to the kubelet of the pod's node (podloghandler.cpp).
void handlePodLog(const ApiContext &context, const ResourceRequest &request, ApiResponder &responder);

} // namespace kube
