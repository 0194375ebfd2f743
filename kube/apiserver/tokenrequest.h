#pragma once
// serviceaccounts/<name>/token (upstream pkg/registry/core/serviceaccount/storage/token.go):
// a TokenRequest (authentication.k8s.io/v1) create answers the same object with status.token
// — a ServiceAccountTokens JWT for the account — and status.expirationTimestamp.
// spec.expirationSeconds defaults to 3600 and must be 600 … 2^32; spec.audiences defaults to
// the API server's; spec.boundObjectRef (a Pod or Secret of the namespace, by name and
// optionally uid) ties the token's life to that object. Nothing is stored.
// Thread affinity: any (runs on a worker thread like other resource writes). Cost: two store
// reads and one HMAC.

namespace kube {

struct ApiContext;
struct ResourceRequest;
class ApiResponder;
class ServiceAccountTokens;

void handleTokenRequest(const ApiContext &context, const ServiceAccountTokens &tokens, const ResourceRequest &request,
                        ApiResponder &responder);

} // namespace kube
