#pragma once
// The review APIs, answered from AccessControl and never stored (upstream
// pkg/registry/authentication and pkg/registry/authorization):
//   authentication.k8s.io/v1  SelfSubjectReview (who am I, after impersonation — kubectl auth
//                             whoami), TokenReview (who is this bearer token);
//   authorization.k8s.io/v1   SelfSubjectAccessReview (may I — kubectl auth can-i),
//                             SubjectAccessReview (may this user or group),
//                             LocalSubjectAccessReview (the same, within the path's namespace),
//                             SelfSubjectRulesReview (what may I in a namespace — can-i --list).
// Each create answers 201 with the object it got and its status filled in. Creating a review is
// itself authorized like any create before it gets here.
// Thread affinity: any (runs on a worker thread like other creates). Cost: one rule walk, or one
// token check (an HMAC and two store gets).

#include "userinfo.h"

namespace kube {

struct ApiContext;
struct ApiRequest;
struct RequestInfo;
class AccessControl;
class ApiResponder;

// Whether the request creates one of the reviews above.
bool isReviewRequest(const RequestInfo &info);
void handleReview(const AccessControl &access, const ApiContext &context, const UserInfo &user, const ApiRequest &request,
                  ApiResponder &responder);

} // namespace kube
