#include "rbacpolicy.h"

#include "kube/api/jsonstrings.h"

#include <QJsonArray>
#include <QJsonObject>

namespace kube {

AuthorizationAttributes AuthorizationAttributes::forResource(QString verb, QString apiGroup, QString resource, QString subresource,
                                                             QString name, QString namespace_)
{
    AuthorizationAttributes a;
    a.verb = std::move(verb);
    a.apiGroup = std::move(apiGroup);
    a.resource = std::move(resource);
    a.subresource = std::move(subresource);
    a.name = std::move(name);
    a.namespace_ = std::move(namespace_);
    return a;
}

AuthorizationAttributes AuthorizationAttributes::forPath(QString verb, QString path)
{
    AuthorizationAttributes a;
    a.isResourceRequest = false;
    a.verb = std::move(verb);
    a.path = std::move(path);
    return a;
}

namespace {


bool containsOrStar(const QStringList &list, const QString &value)
{
    for (const QString &s : list) {
        if (s == u"*" || s == value)
            return true;
    }
    return false;
}

bool resourceMatches(const QStringList &resources, const QString &combined, const QString &subresource)
{
    for (const QString &r : resources) {
        if (r == u"*" || r == combined)
            return true;
        // "*/status" allows the status subresource of every resource.
        if (!subresource.isEmpty() && r.size() == subresource.size() + 2 && r.startsWith(u"*/") && r.endsWith(subresource))
            return true;
    }
    return false;
}

bool nonResourceURLMatches(const QStringList &urls, const QString &path)
{
    for (const QString &u : urls) {
        if (u == u"*" || u == path)
            return true;
        if (u.endsWith(u'*') && path.startsWith(QStringView(u).chopped(1)))
            return true;
    }
    return false;
}

QString roleNotFound(const QString &kind, const QString &name)
{
    return u"%1.rbac.authorization.k8s.io \"%2\" not found"_qs.arg(kind.toLower(), name);
}

} // namespace

PolicyRule PolicyRule::fromJson(const QJsonObject &o)
{
    return {jsonStrings(o.value(u"verbs")), jsonStrings(o.value(u"apiGroups")), jsonStrings(o.value(u"resources")),
            jsonStrings(o.value(u"resourceNames")), jsonStrings(o.value(u"nonResourceURLs"))};
}

bool PolicyRule::allows(const AuthorizationAttributes &a) const
{
    if (!containsOrStar(verbs, a.verb))
        return false;
    if (!a.isResourceRequest)
        return nonResourceURLMatches(nonResourceURLs, a.path);
    const QString combined = a.subresource.isEmpty() ? a.resource : a.resource + u'/' + a.subresource;
    return containsOrStar(apiGroups, a.apiGroup) && resourceMatches(resources, combined, a.subresource)
        && (resourceNames.isEmpty() || resourceNames.contains(a.name));
}

RbacBinding RbacBinding::fromJson(const QJsonObject &o)
{
    const QJsonObject metadata = o.value(u"metadata").toObject();
    const QJsonObject roleRef = o.value(u"roleRef").toObject();
    RbacBinding b{metadata.value(u"name").toString(), metadata.value(u"namespace").toString(), roleRef.value(u"kind").toString(),
                  roleRef.value(u"name").toString(), {}};
    for (const QJsonValue &s : o.value(u"subjects").toArray()) {
        const QJsonObject subject = s.toObject();
        b.subjects.append({subject.value(u"kind").toString(), subject.value(u"name").toString(), subject.value(u"namespace").toString()});
    }
    return b;
}

void RbacPolicy::addRole(const QString &namespace_, const QString &name, QList<PolicyRule> rules)
{
    m_roles[namespace_].insert(name, std::move(rules));
}

void RbacPolicy::addClusterRole(const QString &name, QList<PolicyRule> rules)
{
    m_clusterRoles.insert(name, std::move(rules));
}

void RbacPolicy::addBinding(RbacBinding binding)
{
    if (binding.namespace_.isEmpty())
        m_clusterRoleBindings.append(std::move(binding));
    else
        m_roleBindings[binding.namespace_].append(std::move(binding));
}

void RbacPolicy::addObject(const QJsonObject &object)
{
    const QString kind = object.value(u"kind").toString();
    const QJsonObject metadata = object.value(u"metadata").toObject();
    if (kind == u"Role" || kind == u"ClusterRole") {
        QList<PolicyRule> rules;
        for (const QJsonValue &r : object.value(u"rules").toArray())
            rules.append(PolicyRule::fromJson(r.toObject()));
        if (kind == u"Role")
            addRole(metadata.value(u"namespace").toString(), metadata.value(u"name").toString(), std::move(rules));
        else
            addClusterRole(metadata.value(u"name").toString(), std::move(rules));
    } else if (kind == u"RoleBinding" || kind == u"ClusterRoleBinding") {
        RbacBinding binding = RbacBinding::fromJson(object);
        if (kind == u"ClusterRoleBinding")
            binding.namespace_.clear();
        else if (binding.namespace_.isEmpty())
            return;
        addBinding(std::move(binding));
    }
}

bool RbacPolicy::appliesTo(const RbacSubject &subject, const UserInfo &user, const QString &bindingNamespace)
{
    if (subject.kind == u"User")
        return subject.name == user.name;
    if (subject.kind == u"Group")
        return user.groups.contains(subject.name);
    if (subject.kind == u"ServiceAccount") {
        const QString &ns = subject.namespace_.isEmpty() ? bindingNamespace : subject.namespace_;
        if (ns.isEmpty())
            return false;
        static const QString prefix = u"system:serviceaccount:"_qs;
        const QStringView n(user.name);
        return n.size() == prefix.size() + ns.size() + 1 + subject.name.size() && n.startsWith(prefix)
            && n.sliced(prefix.size(), ns.size()) == ns && n[prefix.size() + ns.size()] == u':' && n.endsWith(subject.name);
    }
    return false;
}

const QList<PolicyRule> *RbacPolicy::rulesOf(const RbacBinding &binding, QString *error) const
{
    if (binding.roleKind == u"ClusterRole") {
        const auto it = m_clusterRoles.constFind(binding.roleName);
        if (it != m_clusterRoles.constEnd())
            return &it.value();
    } else if (binding.roleKind == u"Role" && !binding.namespace_.isEmpty()) {
        const auto ns = m_roles.constFind(binding.namespace_);
        if (ns != m_roles.constEnd()) {
            const auto it = ns->constFind(binding.roleName);
            if (it != ns->constEnd())
                return &it.value();
        }
    }
    *error = roleNotFound(binding.roleKind, binding.roleName);
    return nullptr;
}

QString RbacPolicy::describe(const RbacBinding &binding, const RbacSubject &subject)
{
    QString who;
    if (subject.kind == u"ServiceAccount")
        who = u"%1 \"%2/%3\""_qs.arg(subject.kind, subject.name, subject.namespace_.isEmpty() ? binding.namespace_ : subject.namespace_);
    else
        who = u"%1 \"%2\""_qs.arg(subject.kind, subject.name);
    if (binding.namespace_.isEmpty())
        return u"ClusterRoleBinding \"%1\" of %2 \"%3\" to %4"_qs.arg(binding.name, binding.roleKind, binding.roleName, who);
    return u"RoleBinding \"%1/%2\" of %3 \"%4\" to %5"_qs.arg(binding.name, binding.namespace_, binding.roleKind, binding.roleName, who);
}

AuthorizationDecision RbacPolicy::authorize(const UserInfo &user, const AuthorizationAttributes &attributes) const
{
    QStringList errors;
    const auto visit = [&](const RbacBinding &binding) -> std::optional<AuthorizationDecision> {
        for (const RbacSubject &subject : binding.subjects) {
            if (!appliesTo(subject, user, binding.namespace_))
                continue;
            QString error;
            const QList<PolicyRule> *rules = rulesOf(binding, &error);
            if (!rules) {
                errors << error;
                return std::nullopt;
            }
            for (const PolicyRule &rule : *rules) {
                if (rule.allows(attributes))
                    return AuthorizationDecision{true, u"RBAC: allowed by "_qs + describe(binding, subject)};
            }
            return std::nullopt; // the first subject that names the user decides, as upstream
        }
        return std::nullopt;
    };
    for (const RbacBinding &binding : m_clusterRoleBindings) {
        if (auto d = visit(binding))
            return *d;
    }
    if (!attributes.namespace_.isEmpty()) {
        const auto it = m_roleBindings.constFind(attributes.namespace_);
        if (it != m_roleBindings.constEnd()) {
            for (const RbacBinding &binding : *it) {
                if (auto d = visit(binding))
                    return *d;
            }
        }
    }
    AuthorizationDecision denied;
    if (errors.size() == 1)
        denied.reason = u"RBAC: "_qs + errors.first();
    else if (!errors.isEmpty())
        denied.reason = u"RBAC: ["_qs + errors.join(u", "_qs) + u']';
    return denied;
}

RulesForUser RbacPolicy::rulesFor(const UserInfo &user, const QString &namespace_) const
{
    RulesForUser out;
    const auto collect = [&](const RbacBinding &binding) {
        for (const RbacSubject &subject : binding.subjects) {
            if (!appliesTo(subject, user, binding.namespace_))
                continue;
            QString error;
            if (const QList<PolicyRule> *rules = rulesOf(binding, &error))
                out.rules += *rules;
            else
                out.errors << error;
            return;
        }
    };
    for (const RbacBinding &binding : m_clusterRoleBindings)
        collect(binding);
    if (!namespace_.isEmpty()) {
        for (const RbacBinding &binding : m_roleBindings.value(namespace_))
            collect(binding);
    }
    return out;
}

} // namespace kube
