#include "accesscontrol.h"

#include "apirequest.h"
#include "bootstrappolicy.h"
#include "resourcerequest.h"
#include "serviceaccounttoken.h"

#include "kube/api/clock.h"
#include "kube/api/constanttime.h"

#include <QUrl>

namespace kube {

namespace {

QByteArray bearerToken(const ApiRequest &request)
{
    const QByteArray auth = request.header("Authorization");
    if (auth.size() <= 7 || auth.first(7).compare("Bearer ", Qt::CaseInsensitive) != 0)
        return {};
    return auth.mid(7).trimmed();
}

Status unauthorized() { return Status(401, QString::fromLatin1(reason::Unauthorized), u"Unauthorized"_qs); }

bool isRbacWrite(const RequestInfo &info)
{
    return info.isResourceRequest && info.apiGroup == u"rbac.authorization.k8s.io" && info.verb != u"get" && info.verb != u"list"
        && info.verb != u"watch";
}

} // namespace

AccessControl::AccessControl(const ApiContext &context) : m_context(context) {}

AccessControl::~AccessControl() = default;

Status AccessControl::enable(const QByteArray &clusterToken, const ServiceAccountTokens *tokens)
{
    Q_ASSERT(!clusterToken.isEmpty());
    m_clusterToken = clusterToken;
    m_tokens = tokens;
    m_rbac = std::make_unique<RbacIndex>(*m_context.store, *m_context.registry);
    return seedBootstrapPolicy(*m_context.store, *m_context.registry, formatKubeTime(m_context.clock->now()));
}

std::optional<AccessControl::Authenticated> AccessControl::authenticate(QByteArrayView token, const QStringList &audiences) const
{
    if (token.isEmpty())
        return std::nullopt;
    if (equalsInConstantTime(token, m_clusterToken)) {
        // The admin token is meant for this API server only.
        if (!audiences.isEmpty() && !audiences.contains(ServiceAccountTokens::issuer()))
            return std::nullopt;
        return Authenticated{UserInfo::admin(), {ServiceAccountTokens::issuer()}};
    }
    if (!m_tokens || !m_tokens->isEnabled())
        return std::nullopt;
    QStringList matched;
    const auto claims = m_tokens->verify(token, m_context.clock->now(), *m_context.store, *m_context.registry, audiences, &matched);
    if (!claims.ok())
        return std::nullopt;
    UserInfo user = UserInfo::serviceAccount(claims->namespace_, claims->serviceAccount, claims->serviceAccountUid);
    if (!claims->id.isEmpty())
        user.extra.insert(u"authentication.kubernetes.io/credential-id"_qs, {u"JTI="_qs + claims->id});
    if (claims->boundKind == u"Pod") {
        user.extra.insert(u"authentication.kubernetes.io/pod-name"_qs, {claims->boundName});
        user.extra.insert(u"authentication.kubernetes.io/pod-uid"_qs, {claims->boundUid});
    }
    return Authenticated{std::move(user), matched};
}

std::optional<UserInfo> AccessControl::admit(const ApiRequest &request, ApiResponder &responder) const
{
    if (!isEnabled())
        return UserInfo::admin();
    const auto authenticated = authenticate(bearerToken(request));
    if (!authenticated) {
        responder.respondStatus(unauthorized());
        return std::nullopt;
    }
    Status refusal;
    const std::optional<UserInfo> user = impersonate(authenticated->user, request, &refusal);
    if (!user) {
        responder.respondStatus(refusal);
        return std::nullopt;
    }
    const AuthorizationAttributes attributes = attributesOf(request.info);
    const AuthorizationDecision decision = authorize(*user, attributes);
    if (!decision.allowed) {
        responder.respondStatus(forbidden(*user, attributes, decision.reason));
        return std::nullopt;
    }
    return user;
}

std::optional<UserInfo> AccessControl::impersonate(const UserInfo &caller, const ApiRequest &request, Status *refusal) const
{
    QString userName;
    QString uid;
    QStringList groups;
    QMap<QString, QStringList> extra;
    bool any = false;
    static const QByteArray extraPrefix = "impersonate-extra-";
    for (const auto &[key, value] : request.headers) {
        const QByteArray k = key.toLower();
        if (!k.startsWith("impersonate-"))
            continue;
        any = true;
        if (k == "impersonate-user")
            userName = QString::fromUtf8(value);
        else if (k == "impersonate-group")
            groups << QString::fromUtf8(value);
        else if (k == "impersonate-uid")
            uid = QString::fromUtf8(value);
        else if (k.startsWith(extraPrefix))
            extra[QUrl::fromPercentEncoding(k.mid(extraPrefix.size()))] << QString::fromUtf8(value);
    }
    if (!any)
        return caller;
    if (userName.isEmpty()) {
        // Upstream answers this with an internal error too.
        *refusal = Status::internalError(u"requested impersonation of groups, uid or extras without impersonating a user"_qs);
        return std::nullopt;
    }

    // Every requested attribute must be allowed to the caller (verb "impersonate").
    QList<AuthorizationAttributes> checks;
    AuthorizationAttributes asUser;
    asUser.verb = u"impersonate"_qs;
    QString saNamespace, saName;
    const bool serviceAccount = UserInfo::splitServiceAccountName(userName, &saNamespace, &saName);
    if (serviceAccount) {
        asUser.namespace_ = saNamespace;
        asUser.resource = u"serviceaccounts"_qs;
        asUser.name = saName;
    } else {
        asUser.resource = u"users"_qs;
        asUser.name = userName;
    }
    checks << asUser;
    for (const QString &g : std::as_const(groups)) {
        AuthorizationAttributes a;
        a.verb = u"impersonate"_qs;
        a.resource = u"groups"_qs;
        a.name = g;
        checks << a;
    }
    for (auto it = extra.cbegin(); it != extra.cend(); ++it) {
        for (const QString &v : it.value()) {
            AuthorizationAttributes a;
            a.verb = u"impersonate"_qs;
            a.apiGroup = u"authentication.k8s.io"_qs;
            a.resource = u"userextras"_qs;
            a.subresource = it.key();
            a.name = v;
            checks << a;
        }
    }
    if (!uid.isEmpty()) {
        AuthorizationAttributes a;
        a.verb = u"impersonate"_qs;
        a.apiGroup = u"authentication.k8s.io"_qs;
        a.resource = u"uids"_qs;
        a.name = uid;
        checks << a;
    }
    for (const AuthorizationAttributes &a : std::as_const(checks)) {
        const AuthorizationDecision d = authorize(caller, a);
        if (!d.allowed) {
            *refusal = forbidden(caller, a, d.reason);
            return std::nullopt;
        }
    }

    UserInfo user{userName, uid, {}, extra};
    if (serviceAccount && groups.isEmpty())
        user.groups = UserInfo::serviceAccountGroups(saNamespace);
    user.groups += groups;
    if (userName != u"system:anonymous" && !user.groups.contains(usergroup::Authenticated)
        && !user.groups.contains(usergroup::Unauthenticated))
        user.groups << usergroup::Authenticated.toString();
    return user;
}

AuthorizationDecision AccessControl::authorize(const UserInfo &user, const AuthorizationAttributes &attributes) const
{
    if (!isEnabled() || user.isPrivileged())
        return {true, QString()};
    return m_rbac->policy()->authorize(user, attributes);
}

RulesForUser AccessControl::rulesFor(const UserInfo &user, const QString &namespace_) const
{
    RulesForUser out;
    if (!isEnabled() || user.isPrivileged()) {
        out.rules << PolicyRule{{u"*"_qs}, {u"*"_qs}, {u"*"_qs}, {}, {}} << PolicyRule{{u"*"_qs}, {}, {}, {}, {u"*"_qs}};
        if (!isEnabled())
            return out;
    }
    RulesForUser rbac = m_rbac->policy()->rulesFor(user, namespace_);
    out.rules += rbac.rules;
    out.errors = rbac.errors;
    return out;
}

void AccessControl::afterRequest(const RequestInfo &info)
{
    if (m_rbac && isRbacWrite(info))
        m_rbac->invalidate();
}

AuthorizationAttributes AccessControl::attributesOf(const RequestInfo &info)
{
    AuthorizationAttributes a;
    a.verb = info.verb;
    a.isResourceRequest = info.isResourceRequest;
    a.path = info.path;
    a.namespace_ = info.namespace_;
    a.apiGroup = info.apiGroup;
    a.apiVersion = info.apiVersion;
    a.resource = info.resource;
    a.subresource = info.subresource;
    a.name = info.name;
    return a;
}

Status AccessControl::forbidden(const UserInfo &user, const AuthorizationAttributes &a, const QString &reason)
{
    QString message;
    if (!a.isResourceRequest) {
        message = u"User \"%1\" cannot %2 path \"%3\""_qs.arg(user.name, a.verb, a.path);
    } else {
        const QString resource = a.subresource.isEmpty() ? a.resource : a.resource + u'/' + a.subresource;
        if (!a.namespace_.isEmpty())
            message = u"User \"%1\" cannot %2 resource \"%3\" in API group \"%4\" in the namespace \"%5\""_qs.arg(user.name, a.verb, resource,
                                                                                                                 a.apiGroup, a.namespace_);
        else
            message = u"User \"%1\" cannot %2 resource \"%3\" in API group \"%4\" at the cluster scope"_qs.arg(user.name, a.verb, resource,
                                                                                                            a.apiGroup);
    }
    if (!reason.isEmpty())
        message += u": "_qs + reason;
    const QString groupResource = a.apiGroup.isEmpty() ? a.resource : a.resource + u'.' + a.apiGroup;
    QString full;
    if (groupResource.isEmpty())
        full = u"forbidden: "_qs + message;
    else if (a.name.isEmpty())
        full = groupResource + u" is forbidden: "_qs + message;
    else
        full = u"%1 \"%2\" is forbidden: %3"_qs.arg(groupResource, a.name, message);
    Status status(403, QString::fromLatin1(reason::Forbidden), full);
    if (!groupResource.isEmpty())
        status.setDetails(a.apiGroup, a.resource, a.name);
    return status;
}

} // namespace kube
