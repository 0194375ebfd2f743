#include "userinfo.h"

#include <QJsonArray>

namespace kube {

QJsonObject UserInfo::toJson() const
{
    QJsonObject o;
    if (!name.isEmpty())
        o[u"username"_qs] = name;
    if (!uid.isEmpty())
        o[u"uid"_qs] = uid;
    if (!groups.isEmpty())
        o[u"groups"_qs] = QJsonArray::fromStringList(groups);
    if (!extra.isEmpty()) {
        QJsonObject e;
        for (auto it = extra.begin(); it != extra.end(); ++it)
            e[it.key()] = QJsonArray::fromStringList(it.value());
        o[u"extra"_qs] = e;
    }
    return o;
}

UserInfo UserInfo::fromJson(const QJsonObject &o)
{
    UserInfo u;
    u.name = o.value(u"username").toString();
    u.uid = o.value(u"uid").toString();
    for (const QJsonValue &g : o.value(u"groups").toArray())
        u.groups << g.toString();
    const QJsonObject e = o.value(u"extra").toObject();
    for (auto it = e.begin(); it != e.end(); ++it) {
        QStringList values;
        for (const QJsonValue &v : it.value().toArray())
            values << v.toString();
        u.extra.insert(it.key(), values);
    }
    return u;
}

UserInfo UserInfo::admin()
{
    return {u"kubernetes-admin"_qs, QString(), {usergroup::Masters.toString(), usergroup::Authenticated.toString()}, {}};
}

UserInfo UserInfo::serviceAccount(const QString &namespace_, const QString &name, const QString &uid)
{
    QStringList groups = serviceAccountGroups(namespace_);
    groups << usergroup::Authenticated.toString();
    return {serviceAccountName(namespace_, name), uid, groups, {}};
}

bool UserInfo::splitServiceAccountName(const QString &userName, QString *namespace_, QString *name)
{
    static const QString prefix = u"system:serviceaccount:"_qs;
    if (!userName.startsWith(prefix))
        return false;
    const QStringView rest = QStringView(userName).sliced(prefix.size());
    const qsizetype colon = rest.indexOf(u':');
    if (colon <= 0 || colon == rest.size() - 1 || rest.sliced(colon + 1).contains(u':'))
        return false;
    *namespace_ = rest.first(colon).toString();
    *name = rest.sliced(colon + 1).toString();
    return true;
}

} // namespace kube
