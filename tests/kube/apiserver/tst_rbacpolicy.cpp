// RbacPolicy, the RBAC authorizer over an in-memory snapshot, and UserInfo's identities:
//   - rule matching, data-driven, as upstream's RuleAllows: verbs/apiGroups/resources with "*",
//     subresources ("pods/log", "*/status"), resourceNames, nonResourceURLs with trailing "*";
//     each allowed case has a near miss that must be denied;
//   - bindings: ClusterRoleBindings apply everywhere, RoleBindings only in their namespace and
//     to a Role of that namespace or a ClusterRole; User, Group and ServiceAccount subjects
//     (a RoleBinding's ServiceAccount without a namespace means the binding's);
//   - upstream's reasons: "RBAC: allowed by …", and the missing role in a denial;
//   - rulesFor (SelfSubjectRulesReview) collects the cluster's and the namespace's rules;
//   - UserInfo's admin and service-account identities, and its JSON.
#include "kube/apiserver/rbacpolicy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace kube;

Q_DECLARE_METATYPE(kube::PolicyRule)
Q_DECLARE_METATYPE(kube::AuthorizationAttributes)

namespace {

PolicyRule rule(QStringList verbs, QStringList groups, QStringList resources, QStringList names = {})
{
    return {std::move(verbs), std::move(groups), std::move(resources), std::move(names), {}};
}

PolicyRule urls(QStringList verbs, QStringList urls)
{
    return {std::move(verbs), {}, {}, {}, std::move(urls)};
}

AuthorizationAttributes res(QString verb, QString group, QString resource, QString subresource = {}, QString name = {},
                            QString ns = u"demo"_qs)
{
    return AuthorizationAttributes::forResource(std::move(verb), std::move(group), std::move(resource), std::move(subresource),
                                                std::move(name), std::move(ns));
}

AuthorizationAttributes path(QString verb, QString p)
{
    return AuthorizationAttributes::forPath(std::move(verb), std::move(p));
}

RbacBinding binding(QString name, QString ns, QString roleKind, QString role, QList<RbacSubject> subjects)
{
    return {std::move(name), std::move(ns), std::move(roleKind), std::move(role), std::move(subjects)};
}

UserInfo sa(const QString &ns, const QString &name) { return UserInfo::serviceAccount(ns, name); }

} // namespace

class tst_RbacPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ruleMatching_data()
    {
        QTest::addColumn<PolicyRule>("rule");
        QTest::addColumn<AuthorizationAttributes>("request");
        QTest::addColumn<bool>("allowed");
        const PolicyRule readPods = rule({u"get"_qs, u"list"_qs, u"watch"_qs}, {u""_qs}, {u"pods"_qs});
        QTest::newRow("verb listed") << readPods << res(u"list"_qs, u""_qs, u"pods"_qs) << true;
        QTest::newRow("verb not listed") << readPods << res(u"delete"_qs, u""_qs, u"pods"_qs) << false;
        QTest::newRow("other group") << readPods << res(u"get"_qs, u"apps"_qs, u"pods"_qs) << false;
        QTest::newRow("other resource") << readPods << res(u"get"_qs, u""_qs, u"secrets"_qs) << false;
        QTest::newRow("subresource not granted by its resource") << readPods << res(u"get"_qs, u""_qs, u"pods"_qs, u"log"_qs) << false;
        QTest::newRow("subresource named") << rule({u"get"_qs}, {u""_qs}, {u"pods/log"_qs}) << res(u"get"_qs, u""_qs, u"pods"_qs, u"log"_qs) << true;
        QTest::newRow("subresource rule, main resource asked") << rule({u"get"_qs}, {u""_qs}, {u"pods/log"_qs}) << res(u"get"_qs, u""_qs, u"pods"_qs) << false;
        QTest::newRow("*/status") << rule({u"update"_qs}, {u"apps"_qs}, {u"*/status"_qs}) << res(u"update"_qs, u"apps"_qs, u"deployments"_qs, u"status"_qs) << true;
        QTest::newRow("*/status, other subresource") << rule({u"update"_qs}, {u"apps"_qs}, {u"*/status"_qs}) << res(u"update"_qs, u"apps"_qs, u"deployments"_qs, u"scale"_qs) << false;
        QTest::newRow("*/status, main resource") << rule({u"update"_qs}, {u"apps"_qs}, {u"*/status"_qs}) << res(u"update"_qs, u"apps"_qs, u"deployments"_qs) << false;
        QTest::newRow("all verbs") << rule({u"*"_qs}, {u"apps"_qs}, {u"deployments"_qs}) << res(u"deletecollection"_qs, u"apps"_qs, u"deployments"_qs) << true;
        QTest::newRow("all groups") << rule({u"get"_qs}, {u"*"_qs}, {u"deployments"_qs}) << res(u"get"_qs, u"example.com"_qs, u"deployments"_qs) << true;
        QTest::newRow("all resources incl. subresources") << rule({u"get"_qs}, {u""_qs}, {u"*"_qs}) << res(u"get"_qs, u""_qs, u"pods"_qs, u"log"_qs) << true;
        QTest::newRow("resource name listed") << rule({u"get"_qs}, {u""_qs}, {u"configmaps"_qs}, {u"app"_qs}) << res(u"get"_qs, u""_qs, u"configmaps"_qs, {}, u"app"_qs) << true;
        QTest::newRow("resource name not listed") << rule({u"get"_qs}, {u""_qs}, {u"configmaps"_qs}, {u"app"_qs}) << res(u"get"_qs, u""_qs, u"configmaps"_qs, {}, u"db"_qs) << false;
        QTest::newRow("resource names deny a list") << rule({u"list"_qs}, {u""_qs}, {u"configmaps"_qs}, {u"app"_qs}) << res(u"list"_qs, u""_qs, u"configmaps"_qs) << false;
        QTest::newRow("no verbs") << rule({}, {u""_qs}, {u"pods"_qs}) << res(u"get"_qs, u""_qs, u"pods"_qs) << false;
        QTest::newRow("url exact") << urls({u"get"_qs}, {u"/version"_qs}) << path(u"get"_qs, u"/version"_qs) << true;
        QTest::newRow("url exact, other") << urls({u"get"_qs}, {u"/version"_qs}) << path(u"get"_qs, u"/versions"_qs) << false;
        QTest::newRow("url prefix") << urls({u"get"_qs}, {u"/apis/" "*"_qs}) << path(u"get"_qs, u"/apis/apps/v1"_qs) << true;
        QTest::newRow("url prefix excludes its parent") << urls({u"get"_qs}, {u"/apis/" "*"_qs}) << path(u"get"_qs, u"/apis"_qs) << false;
        QTest::newRow("url, other verb") << urls({u"get"_qs}, {u"/healthz"_qs}) << path(u"post"_qs, u"/healthz"_qs) << false;
        QTest::newRow("url rule never grants resources") << urls({u"*"_qs}, {u"*"_qs}) << res(u"get"_qs, u""_qs, u"pods"_qs) << false;
        QTest::newRow("resource rule never grants urls") << rule({u"*"_qs}, {u"*"_qs}, {u"*"_qs}) << path(u"get"_qs, u"/version"_qs) << false;
    }
    void ruleMatching()
    {
        QFETCH(PolicyRule, rule);
        QFETCH(AuthorizationAttributes, request);
        QFETCH(bool, allowed);
        QCOMPARE(rule.allows(request), allowed);
    }

    void bindings_data()
    {
        QTest::addColumn<QString>("user");      // "sa:<ns>:<name>", or a user name
        QTest::addColumn<QStringList>("groups"); // extra groups
        QTest::addColumn<AuthorizationAttributes>("request");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<QString>("reason");
        const auto list = [](const QString &ns) { return res(u"list"_qs, u""_qs, u"pods"_qs, {}, {}, ns); };
        QTest::newRow("rolebinding to a Role, SA without namespace")
            << u"sa:demo:app"_qs << QStringList() << list(u"demo"_qs) << true
            << u"RBAC: allowed by RoleBinding \"read/demo\" of Role \"pod-reader\" to ServiceAccount \"app/demo\""_qs;
        QTest::newRow("rolebinding applies in its namespace only") << u"sa:demo:app"_qs << QStringList() << list(u"other"_qs) << false << QString();
        QTest::newRow("cluster-scope list not granted by a rolebinding") << u"sa:demo:app"_qs << QStringList() << list(QString()) << false << QString();
        QTest::newRow("same name, other namespace's account") << u"sa:other:app"_qs << QStringList() << list(u"demo"_qs) << false << QString();
        QTest::newRow("Role does not grant delete") << u"sa:demo:app"_qs << QStringList()
                                                    << res(u"delete"_qs, u""_qs, u"pods"_qs, {}, u"web"_qs) << false << QString();
        QTest::newRow("clusterrolebinding to a group, any namespace")
            << u"jane"_qs << QStringList{u"readers"_qs} << res(u"get"_qs, u""_qs, u"nodes"_qs, {}, u"n1"_qs, {}) << true
            << u"RBAC: allowed by ClusterRoleBinding \"node-readers\" of ClusterRole \"node-reader\" to Group \"readers\""_qs;
        QTest::newRow("group not held") << u"jane"_qs << QStringList() << res(u"get"_qs, u""_qs, u"nodes"_qs, {}, u"n1"_qs, {}) << false << QString();
        QTest::newRow("rolebinding to a ClusterRole, User subject")
            << u"bob"_qs << QStringList() << res(u"create"_qs, u"apps"_qs, u"deployments"_qs, {}, {}, u"demo"_qs) << true
            << u"RBAC: allowed by RoleBinding \"bob-edit/demo\" of ClusterRole \"deployer\" to User \"bob\""_qs;
        QTest::newRow("ClusterRole through a rolebinding stays in the namespace")
            << u"bob"_qs << QStringList() << res(u"create"_qs, u"apps"_qs, u"deployments"_qs, {}, {}, u"prod"_qs) << false << QString();
        QTest::newRow("binding to a missing role: the reason says so")
            << u"ghost"_qs << QStringList() << list(u"demo"_qs) << false
            << u"RBAC: role.rbac.authorization.k8s.io \"missing\" not found"_qs;
        QTest::newRow("SA subject with explicit namespace in a clusterrolebinding")
            << u"sa:kube-system:ctl"_qs << QStringList() << res(u"get"_qs, u""_qs, u"nodes"_qs, {}, u"n1"_qs, {}) << true
            << u"RBAC: allowed by ClusterRoleBinding \"node-readers\" of ClusterRole \"node-reader\" to ServiceAccount \"ctl/kube-system\""_qs;
        QTest::newRow("Role of another namespace is not found")
            << u"carol"_qs << QStringList() << list(u"other"_qs) << false
            << u"RBAC: role.rbac.authorization.k8s.io \"pod-reader\" not found"_qs;
    }
    void bindings()
    {
        QFETCH(QString, user);
        QFETCH(QStringList, groups);
        QFETCH(AuthorizationAttributes, request);
        QFETCH(bool, allowed);
        QFETCH(QString, reason);
        RbacPolicy policy;
        policy.addRole(u"demo"_qs, u"pod-reader"_qs, {rule({u"get"_qs, u"list"_qs, u"watch"_qs}, {u""_qs}, {u"pods"_qs})});
        policy.addClusterRole(u"node-reader"_qs, {rule({u"get"_qs}, {u""_qs}, {u"nodes"_qs})});
        policy.addClusterRole(u"deployer"_qs, {rule({u"create"_qs}, {u"apps"_qs}, {u"deployments"_qs})});
        policy.addBinding(binding(u"read"_qs, u"demo"_qs, u"Role"_qs, u"pod-reader"_qs, {{u"ServiceAccount"_qs, u"app"_qs, {}}}));
        policy.addBinding(binding(u"node-readers"_qs, {}, u"ClusterRole"_qs, u"node-reader"_qs,
                                  {{u"Group"_qs, u"readers"_qs, {}}, {u"ServiceAccount"_qs, u"ctl"_qs, u"kube-system"_qs}}));
        policy.addBinding(binding(u"bob-edit"_qs, u"demo"_qs, u"ClusterRole"_qs, u"deployer"_qs, {{u"User"_qs, u"bob"_qs, {}}}));
        policy.addBinding(binding(u"broken"_qs, u"demo"_qs, u"Role"_qs, u"missing"_qs, {{u"User"_qs, u"ghost"_qs, {}}}));
        // A RoleBinding in "other" naming demo's Role: Roles are per namespace.
        policy.addBinding(binding(u"cross"_qs, u"other"_qs, u"Role"_qs, u"pod-reader"_qs, {{u"User"_qs, u"carol"_qs, {}}}));

        UserInfo u;
        if (user.startsWith(u"sa:")) {
            const QStringList parts = user.split(u':');
            u = sa(parts[1], parts[2]);
        } else {
            u = UserInfo{user, {}, QStringList{u"system:authenticated"_qs}, {}};
        }
        u.groups += groups;
        const AuthorizationDecision d = policy.authorize(u, request);
        QCOMPARE(d.allowed, allowed);
        QCOMPARE(d.reason, reason);
    }

    void storedObjects()
    {
        // The JSON of stored Roles and bindings (addObject), as the index feeds them.
        RbacPolicy policy;
        const auto parse = [](const char *json) { return QJsonDocument::fromJson(json).object(); };
        policy.addObject(parse(R"({"apiVersion":"rbac.authorization.k8s.io/v1","kind":"Role","metadata":{"name":"pod-reader","namespace":"demo"}, "rules":[{"apiGroups":[""],"resources":["pods","pods/log"],"verbs":["get","list","watch"]}]})"));
        policy.addObject(parse(R"({"apiVersion":"rbac.authorization.k8s.io/v1","kind":"RoleBinding","metadata":{"name":"app","namespace":"demo"}, "roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"Role","name":"pod-reader"}, "subjects":[{"kind":"ServiceAccount","name":"app","namespace":"demo"}]})"));
        policy.addObject(parse(R"({"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRole","metadata":{"name":"disco"}, "rules":[{"nonResourceURLs":["/api","/api/\u002a"],"verbs":["get"]}]})"));
        policy.addObject(parse(R"({"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRoleBinding","metadata":{"name":"disco"}, "roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"disco"}, "subjects":[{"kind":"Group","name":"system:authenticated","apiGroup":"rbac.authorization.k8s.io"}]})"));
        const UserInfo app = sa(u"demo"_qs, u"app"_qs);
        QVERIFY(policy.authorize(app, res(u"get"_qs, u""_qs, u"pods"_qs, u"log"_qs, u"web"_qs)).allowed);
        QVERIFY(!policy.authorize(app, res(u"delete"_qs, u""_qs, u"pods"_qs, {}, u"web"_qs)).allowed);
        QVERIFY(policy.authorize(app, path(u"get"_qs, u"/api/v1"_qs)).allowed);
        QVERIFY(!policy.authorize(app, path(u"get"_qs, u"/apis"_qs)).allowed);

        const RulesForUser inDemo = policy.rulesFor(app, u"demo"_qs);
        QCOMPARE(inDemo.rules.size(), 2);
        QCOMPARE(inDemo.rules[0].nonResourceURLs, (QStringList{u"/api"_qs, u"/api/" "*"_qs}));
        QCOMPARE(inDemo.rules[1].resources, (QStringList{u"pods"_qs, u"pods/log"_qs}));
        QCOMPARE(policy.rulesFor(app, u"other"_qs).rules.size(), 1); // only the cluster-wide one
        QVERIFY(policy.rulesFor(app, u"other"_qs).errors.isEmpty());
    }

    void identities()
    {
        const UserInfo admin = UserInfo::admin();
        QVERIFY(admin.isPrivileged());
        QVERIFY(admin.groups.contains(u"system:authenticated"_qs));
        const UserInfo app = UserInfo::serviceAccount(u"demo"_qs, u"app"_qs, u"uid-1"_qs);
        QCOMPARE(app.name, u"system:serviceaccount:demo:app"_qs);
        QCOMPARE(app.groups, (QStringList{u"system:serviceaccounts"_qs, u"system:serviceaccounts:demo"_qs, u"system:authenticated"_qs}));
        QVERIFY(!app.isPrivileged());
        QString ns, name;
        QVERIFY(UserInfo::splitServiceAccountName(app.name, &ns, &name));
        QCOMPARE(ns, u"demo"_qs);
        QCOMPARE(name, u"app"_qs);
        QVERIFY(!UserInfo::splitServiceAccountName(u"system:serviceaccount:demo"_qs, &ns, &name));
        QVERIFY(!UserInfo::splitServiceAccountName(u"system:serviceaccount:a:b:c"_qs, &ns, &name));
        QVERIFY(!UserInfo::splitServiceAccountName(u"jane"_qs, &ns, &name));

        UserInfo withExtra = app;
        withExtra.extra.insert(u"authentication.kubernetes.io/credential-id"_qs, {u"JTI=x"_qs});
        const QJsonObject json = withExtra.toJson();
        QCOMPARE(json.value(u"username").toString(), app.name);
        QCOMPARE(json.value(u"uid").toString(), u"uid-1"_qs);
        QCOMPARE(json.value(u"extra").toObject().value(u"authentication.kubernetes.io/credential-id").toArray().first().toString(), u"JTI=x"_qs);
        const UserInfo back = UserInfo::fromJson(json);
        QCOMPARE(back.name, withExtra.name);
        QCOMPARE(back.groups, withExtra.groups);
        QCOMPARE(back.extra, withExtra.extra);
        QVERIFY(!UserInfo::admin().toJson().contains(u"uid")); // empty fields are omitted
    }
};

QTEST_APPLESS_MAIN(tst_RbacPolicy)
#include "tst_rbacpolicy.moc"
