#pragma once
// UserInfo: who a request acts as — upstream's user.Info (name, uid, groups, extra) — and the
// identities this API server hands out: the cluster's admin token (a member of system:masters,
// which every authorizer lets through) and service accounts
// ("system:serviceaccount:<ns>:<name>", in system:serviceaccounts and
// system:serviceaccounts:<ns>). Every authenticated identity is in system:authenticated.
// Plain value type; any thread. Cost: a few small strings.

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

namespace kube {

namespace usergroup {
inline constexpr QStringView Masters = u"system:masters";
inline constexpr QStringView Authenticated = u"system:authenticated";
inline constexpr QStringView Unauthenticated = u"system:unauthenticated";
inline constexpr QStringView ServiceAccounts = u"system:serviceaccounts";
} // namespace usergroup

struct UserInfo {
    QString name;
    QString uid;
    QStringList groups;
    QMap<QString, QStringList> extra;

    bool isPrivileged() const { return groups.contains(usergroup::Masters); }
    // authentication.k8s.io/v1 UserInfo as JSON (username, uid, groups, extra; empty ones omitted).
    QJsonObject toJson() const;
    static UserInfo fromJson(const QJsonObject &o);

    // The holder of the cluster's admin bearer token.
    static UserInfo admin();
    static UserInfo serviceAccount(const QString &namespace_, const QString &name, const QString &uid = {});
    // "system:serviceaccount:<ns>:<name>" split into namespace and name; false for other names.
    static bool splitServiceAccountName(const QString &userName, QString *namespace_, QString *name);
    static QString serviceAccountName(const QString &namespace_, const QString &name)
    {
        return u"system:serviceaccount:"_qs + namespace_ + u':' + name;
    }
    static QStringList serviceAccountGroups(const QString &namespace_)
    {
        return {usergroup::ServiceAccounts.toString(), usergroup::ServiceAccounts.toString() + u':' + namespace_};
    }
};

} // namespace kube
