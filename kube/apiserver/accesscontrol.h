#pragma once
// AccessControl: who a request is and what it may do — upstream's authentication,
// impersonation and authorization filters, in that order, for the embedded API server.
//
//   - Authentication: the cluster's admin bearer token is UserInfo::admin() (system:masters);
//     a service account token (ServiceAccountTokens) is its account, with the account's uid,
//     groups and, as extra, its credential id and bound pod. (The HTTP front already refused
//     what authenticates as nobody with 401.)
//   - Impersonation (Impersonate-User, -Group, -Uid, -Extra-<key>): each requested attribute
//     must be authorized for the caller with verb "impersonate" (users, groups,
//     serviceaccounts, authentication.k8s.io uids and userextras); then the request acts as
//     the impersonated user (plus system:authenticated, and a service account's groups when no
//     group was asked for).
//   - Authorization: system:masters may do anything; everyone else gets what RBAC grants
//     (RbacIndex, in memory). A denial is upstream's 403 Forbidden Status, word for word.
// The default ClusterRoles and bindings are seeded when it is enabled (bootstrappolicy.h).
//
// Until enable() is called (a server without a cluster token, as unit tests build one) every
// request acts as admin.
// Thread safety: admit() and the lookups may run on any thread concurrently (the API server's
// and its workers); enable() before serving. Cost per request: a token comparison or one HMAC
// plus two store gets, then one rule walk (microseconds).

#include "rbacindex.h"
#include "rbacpolicy.h"
#include "userinfo.h"

#include "kube/api/status.h"

#include <memory>
#include <optional>

namespace kube {

struct ApiContext;
struct ApiRequest;
struct RequestInfo;
class ApiResponder;
class ServiceAccountTokens;

class AccessControl
{
public:
    explicit AccessControl(const ApiContext &context);
    ~AccessControl();

    // Turns authentication and authorization on. tokens must outlive this object.
    Status enable(const QByteArray &clusterToken, const ServiceAccountTokens *tokens);
    bool isEnabled() const { return !m_clusterToken.isEmpty(); }

    struct Authenticated {
        UserInfo user;
        QStringList audiences; // the requested audiences the token is valid for
    };
    // Who a bearer token belongs to; audiences empty means the API server's own.
    std::optional<Authenticated> authenticate(QByteArrayView token, const QStringList &audiences = {}) const;

    // The identity request acts as (after impersonation) when it may proceed; nullopt when
    // it was answered instead (401, 403, or 500 for groups without a user, as upstream).
    std::optional<UserInfo> admit(const ApiRequest &request, ApiResponder &responder) const;

    AuthorizationDecision authorize(const UserInfo &user, const AuthorizationAttributes &attributes) const;
    // The rules user has in namespace_: RBAC's, preceded by everything for system:masters.
    RulesForUser rulesFor(const UserInfo &user, const QString &namespace_) const;

    // After a request was handled, before it is answered: an RBAC write makes the index stale.
    void afterRequest(const RequestInfo &info);
    RbacIndex *rbac() const { return m_rbac.get(); }

    static AuthorizationAttributes attributesOf(const RequestInfo &info);
    // Upstream's 403 for a denied request (responsewriters.Forbidden).
    static Status forbidden(const UserInfo &user, const AuthorizationAttributes &attributes, const QString &reason);

private:
    std::optional<UserInfo> impersonate(const UserInfo &caller, const ApiRequest &request, Status *refusal) const;

    const ApiContext &m_context;
    QByteArray m_clusterToken;
    const ServiceAccountTokens *m_tokens = nullptr;
    std::unique_ptr<RbacIndex> m_rbac;
};

} // namespace kube
