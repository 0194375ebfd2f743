#pragma once
// RbacPolicy: upstream's RBAC authorizer (plugin/pkg/auth/authorizer/rbac) over one snapshot of
// the cluster's Roles, ClusterRoles, RoleBindings and ClusterRoleBindings, held in memory.
//
// A request is allowed when a rule of a role bound to its user allows it: ClusterRoleBindings
// (→ ClusterRoles) always, and for a namespaced request the RoleBindings of that namespace
// (→ a Role of the namespace or a ClusterRole). Subjects: User by name, Group by membership,
// ServiceAccount by "system:serviceaccount:<ns>:<name>" (a RoleBinding's subject without a
// namespace means the binding's). Rules match as upstream's RuleAllows: verbs and apiGroups
// with "*", resources with "*", "<resource>/<subresource>" and "*/<subresource>", resourceNames
// (empty: any), nonResourceURLs with "*" and a trailing-"*" prefix. Nothing here knows about
// system:masters: the caller lets that group through first (as upstream's privileged-group
// authorizer does).
//
// Value type, immutable once built; any thread. Cost: authorize() walks the bindings that
// exist (tens) and the rules of those that name the user — microseconds, no allocation beyond
// the reason text. Built from lists of stored objects in O(objects).

#include "userinfo.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

class QJsonObject;

namespace kube {

struct Object;

// What an authorizer is asked (upstream's authorizer.Attributes).
struct AuthorizationAttributes {
    QString verb;               // get, list, watch, create, …, impersonate; or the lower-case HTTP method
    bool isResourceRequest = true;
    QString path;               // non-resource requests
    QString namespace_;
    QString apiGroup;
    QString apiVersion;
    QString resource;
    QString subresource;
    QString name;

    // A request for a resource (subresource, name and namespace may be empty) / for a path.
    static AuthorizationAttributes forResource(QString verb, QString apiGroup, QString resource, QString subresource,
                                               QString name, QString namespace_);
    static AuthorizationAttributes forPath(QString verb, QString path);
};

struct PolicyRule {
    QStringList verbs;
    QStringList apiGroups;
    QStringList resources;
    QStringList resourceNames;
    QStringList nonResourceURLs;

    static PolicyRule fromJson(const QJsonObject &o);
    bool allows(const AuthorizationAttributes &a) const;
};

struct RbacSubject {
    QString kind;      // User, Group, ServiceAccount
    QString name;
    QString namespace_;
};

struct RbacBinding {
    QString name;
    QString namespace_;      // empty for a ClusterRoleBinding
    QString roleKind;        // Role or ClusterRole
    QString roleName;
    QList<RbacSubject> subjects;

    static RbacBinding fromJson(const QJsonObject &o);
};

struct AuthorizationDecision {
    bool allowed = false;
    QString reason; // upstream's: "RBAC: allowed by …", or why rules could not be read
};

// The rules that apply to a user in a namespace (SelfSubjectRulesReview).
struct RulesForUser {
    QList<PolicyRule> rules;
    QStringList errors; // roles that bindings name but that do not exist
};

class RbacPolicy
{
public:
    void addRole(const QString &namespace_, const QString &name, QList<PolicyRule> rules);
    void addClusterRole(const QString &name, QList<PolicyRule> rules);
    void addBinding(RbacBinding binding);
    // Adds a stored Role, ClusterRole, RoleBinding or ClusterRoleBinding (by its kind).
    void addObject(const QJsonObject &object);

    AuthorizationDecision authorize(const UserInfo &user, const AuthorizationAttributes &attributes) const;
    RulesForUser rulesFor(const UserInfo &user, const QString &namespace_) const;

    // Whether subject names user; bindingNamespace is the RoleBinding's (empty for a ClusterRoleBinding).
    static bool appliesTo(const RbacSubject &subject, const UserInfo &user, const QString &bindingNamespace);

private:
    // The rules of a binding's role, or nullptr (with *error) when the role does not exist.
    const QList<PolicyRule> *rulesOf(const RbacBinding &binding, QString *error) const;
    static QString describe(const RbacBinding &binding, const RbacSubject &subject);

    QHash<QString, QList<PolicyRule>> m_clusterRoles;
    QHash<QString, QHash<QString, QList<PolicyRule>>> m_roles; // namespace → name → rules
    QList<RbacBinding> m_clusterRoleBindings;
    QHash<QString, QList<RbacBinding>> m_roleBindings;          // namespace → bindings
};

} // namespace kube
