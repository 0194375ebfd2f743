// The pure parts of access control:
//   - upstream's 403 wording for each kind of denied request (namespaced, cluster scope,
//     subresource, named object, other API group, non-resource path, impersonation), with
//     details.kind/group/name as upstream's NewForbidden;
//   - the bootstrap policy: what every authenticated caller may do (discovery, whoami, can-i),
//     and no more; cluster-admin to system:masters; view/edit/admin through a RoleBinding;
//   - a Pod's QoS class and creation status (podqos.h).
#include "kube/apiserver/accesscontrol.h"
#include "kube/apiserver/bootstrappolicy.h"
#include "kube/apiserver/podqos.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace kube;

Q_DECLARE_METATYPE(kube::AuthorizationAttributes)

namespace {

AuthorizationAttributes res(QString verb, QString group, QString resource, QString subresource = {}, QString name = {},
                            QString ns = {})
{
    return AuthorizationAttributes::forResource(std::move(verb), std::move(group), std::move(resource), std::move(subresource),
                                                std::move(name), std::move(ns));
}

AuthorizationAttributes path(QString verb, QString p)
{
    return AuthorizationAttributes::forPath(std::move(verb), std::move(p));
}

RbacPolicy bootstrapPolicy()
{
    RbacPolicy policy;
    for (const QJsonObject &o : bootstrapClusterRoles())
        policy.addObject(o);
    for (const QJsonObject &o : bootstrapClusterRoleBindings())
        policy.addObject(o);
    return policy;
}

QJsonObject container(const char *resourcesJson)
{
    return {{u"name"_qs, u"c"_qs}, {u"resources"_qs, QJsonDocument::fromJson(resourcesJson).object()}};
}

} // namespace

class tst_AccessControl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void forbiddenWording_data()
    {
        QTest::addColumn<AuthorizationAttributes>("request");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("group");
        QTest::addColumn<QString>("name");
        const QString app = u"User \"system:serviceaccount:demo:app\""_qs;
        QTest::newRow("list in a namespace") << res(u"list"_qs, {}, u"pods"_qs, {}, {}, u"demo"_qs)
            << u"pods is forbidden: "_qs + app + u" cannot list resource \"pods\" in API group \"\" in the namespace \"demo\""_qs
            << u"pods"_qs << QString() << QString();
        QTest::newRow("named, other group") << res(u"delete"_qs, u"apps"_qs, u"deployments"_qs, {}, u"web"_qs, u"demo"_qs)
            << u"deployments.apps \"web\" is forbidden: "_qs + app + u" cannot delete resource \"deployments\" in API group \"apps\" in the namespace \"demo\""_qs
            << u"deployments"_qs << u"apps"_qs << u"web"_qs;
        QTest::newRow("cluster scope") << res(u"list"_qs, {}, u"nodes"_qs)
            << u"nodes is forbidden: "_qs + app + u" cannot list resource \"nodes\" in API group \"\" at the cluster scope"_qs
            << u"nodes"_qs << QString() << QString();
        QTest::newRow("subresource") << res(u"get"_qs, {}, u"pods"_qs, u"log"_qs, u"web"_qs, u"demo"_qs)
            << u"pods \"web\" is forbidden: "_qs + app + u" cannot get resource \"pods/log\" in API group \"\" in the namespace \"demo\""_qs
            << u"pods"_qs << QString() << u"web"_qs;
        QTest::newRow("non-resource path") << path(u"get"_qs, u"/metrics"_qs)
            << u"forbidden: "_qs + app + u" cannot get path \"/metrics\""_qs << QString() << QString() << QString();
        QTest::newRow("impersonate a user") << res(u"impersonate"_qs, {}, u"users"_qs, {}, u"jane"_qs)
            << u"users \"jane\" is forbidden: "_qs + app + u" cannot impersonate resource \"users\" in API group \"\" at the cluster scope"_qs
            << u"users"_qs << QString() << u"jane"_qs;
    }
    void forbiddenWording()
    {
        QFETCH(AuthorizationAttributes, request);
        QFETCH(QString, message);
        QFETCH(QString, kind);
        QFETCH(QString, group);
        QFETCH(QString, name);
        const Status s = AccessControl::forbidden(UserInfo::serviceAccount(u"demo"_qs, u"app"_qs), request, QString());
        QCOMPARE(s.code(), 403);
        QCOMPARE(s.reason(), u"Forbidden"_qs);
        QCOMPARE(s.message(), message);
        QCOMPARE(s.detailsKind(), kind);
        QCOMPARE(s.detailsGroup(), group);
        QCOMPARE(s.detailsName(), name);
    }

    void forbiddenWithReason()
    {
        const Status s = AccessControl::forbidden(UserInfo{u"jane"_qs, {}, {}, {}}, res(u"get"_qs, {}, u"pods"_qs, {}, {}, u"d"_qs),
                                                  u"RBAC: role.rbac.authorization.k8s.io \"x\" not found"_qs);
        QVERIFY(s.message().endsWith(u"in the namespace \"d\": RBAC: role.rbac.authorization.k8s.io \"x\" not found"_qs));
    }

    void bootstrapGrants_data()
    {
        QTest::addColumn<QString>("who"); // "sa", "admin-group", or a ClusterRole bound in "demo"
        QTest::addColumn<AuthorizationAttributes>("request");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("sa: discovery /apis") << u"sa"_qs << path(u"get"_qs, u"/apis"_qs) << true;
        QTest::newRow("sa: discovery group") << u"sa"_qs << path(u"get"_qs, u"/apis/apps/v1"_qs) << true;
        QTest::newRow("sa: /version") << u"sa"_qs << path(u"get"_qs, u"/version"_qs) << true;
        QTest::newRow("sa: openapi") << u"sa"_qs << path(u"get"_qs, u"/openapi/v3"_qs) << true;
        QTest::newRow("sa: not /metrics") << u"sa"_qs << path(u"get"_qs, u"/metrics"_qs) << false;
        QTest::newRow("sa: whoami") << u"sa"_qs << res(u"create"_qs, u"authentication.k8s.io"_qs, u"selfsubjectreviews"_qs) << true;
        QTest::newRow("sa: can-i") << u"sa"_qs << res(u"create"_qs, u"authorization.k8s.io"_qs, u"selfsubjectaccessreviews"_qs) << true;
        QTest::newRow("sa: can-i --list") << u"sa"_qs << res(u"create"_qs, u"authorization.k8s.io"_qs, u"selfsubjectrulesreviews"_qs) << true;
        QTest::newRow("sa: not tokenreviews") << u"sa"_qs << res(u"create"_qs, u"authentication.k8s.io"_qs, u"tokenreviews"_qs) << false;
        QTest::newRow("sa: not subjectaccessreviews") << u"sa"_qs << res(u"create"_qs, u"authorization.k8s.io"_qs, u"subjectaccessreviews"_qs) << false;
        QTest::newRow("sa: not pods") << u"sa"_qs << res(u"list"_qs, {}, u"pods"_qs, {}, {}, u"demo"_qs) << false;
        QTest::newRow("masters group: anything") << u"admin-group"_qs << res(u"delete"_qs, u"x.io"_qs, u"things"_qs, {}, u"a"_qs, u"demo"_qs) << true;
        QTest::newRow("masters group: any path") << u"admin-group"_qs << path(u"post"_qs, u"/anything"_qs) << true;
        QTest::newRow("view: pods") << u"view"_qs << res(u"list"_qs, {}, u"pods"_qs, {}, {}, u"demo"_qs) << true;
        QTest::newRow("view: pod logs") << u"view"_qs << res(u"get"_qs, {}, u"pods"_qs, u"log"_qs, u"p"_qs, u"demo"_qs) << true;
        QTest::newRow("view: not secrets") << u"view"_qs << res(u"get"_qs, {}, u"secrets"_qs, {}, u"s"_qs, u"demo"_qs) << false;
        QTest::newRow("view: not delete") << u"view"_qs << res(u"delete"_qs, {}, u"pods"_qs, {}, u"p"_qs, u"demo"_qs) << false;
        QTest::newRow("view: only its namespace") << u"view"_qs << res(u"list"_qs, {}, u"pods"_qs, {}, {}, u"prod"_qs) << false;
        QTest::newRow("edit: deployments") << u"edit"_qs << res(u"create"_qs, u"apps"_qs, u"deployments"_qs, {}, {}, u"demo"_qs) << true;
        QTest::newRow("edit: secrets") << u"edit"_qs << res(u"get"_qs, {}, u"secrets"_qs, {}, u"s"_qs, u"demo"_qs) << true;
        QTest::newRow("edit: not roles") << u"edit"_qs << res(u"create"_qs, u"rbac.authorization.k8s.io"_qs, u"roles"_qs, {}, {}, u"demo"_qs) << false;
        QTest::newRow("admin: roles") << u"admin"_qs << res(u"create"_qs, u"rbac.authorization.k8s.io"_qs, u"roles"_qs, {}, {}, u"demo"_qs) << true;
        QTest::newRow("admin: not nodes") << u"admin"_qs << res(u"list"_qs, {}, u"nodes"_qs) << false;
    }
    void bootstrapGrants()
    {
        QFETCH(QString, who);
        QFETCH(AuthorizationAttributes, request);
        QFETCH(bool, allowed);
        RbacPolicy policy = bootstrapPolicy();
        UserInfo user = UserInfo::serviceAccount(u"demo"_qs, u"app"_qs);
        if (who == u"admin-group") {
            user = UserInfo{u"someone"_qs, {}, {u"system:masters"_qs, u"system:authenticated"_qs}, {}};
        } else if (who != u"sa") {
            policy.addBinding({u"grant"_qs, u"demo"_qs, u"ClusterRole"_qs, who, {{u"ServiceAccount"_qs, u"app"_qs, {}}}});
        }
        QCOMPARE(policy.authorize(user, request).allowed, allowed);
    }

    void bootstrapObjects()
    {
        for (const QJsonObject &o : bootstrapClusterRoles() + bootstrapClusterRoleBindings()) {
            const QJsonObject meta = o.value(u"metadata").toObject();
            QCOMPARE(meta.value(u"labels").toObject().value(u"kubernetes.io/bootstrapping").toString(), u"rbac-defaults"_qs);
            QVERIFY(!meta.value(u"name").toString().isEmpty());
        }
        QStringList names;
        for (const QJsonObject &o : bootstrapClusterRoles())
            names << o.value(u"metadata").toObject().value(u"name").toString();
        for (const char *n : {"cluster-admin", "admin", "edit", "view", "system:discovery", "system:basic-user"})
            QVERIFY2(names.contains(QString::fromLatin1(n)), n);
    }

    void qosClass_data()
    {
        QTest::addColumn<QJsonArray>("containers");
        QTest::addColumn<QString>("qos");
        QTest::newRow("nothing set") << QJsonArray{container("{}"), container("{}")} << u"BestEffort"_qs;
        QTest::newRow("only other resources") << QJsonArray{container(R"({"limits":{"nvidia.com/gpu":"1"}})")} << u"BestEffort"_qs;
        QTest::newRow("requests below limits") << QJsonArray{container(R"({"requests":{"cpu":"100m","memory":"64Mi"},"limits":{"cpu":"200m","memory":"64Mi"}})")} << u"Burstable"_qs;
        QTest::newRow("equal") << QJsonArray{container(R"({"requests":{"cpu":"100m","memory":"64Mi"},"limits":{"cpu":"0.1","memory":"64Mi"}})")} << u"Guaranteed"_qs;
        QTest::newRow("limits only: requests follow") << QJsonArray{container(R"({"limits":{"cpu":"1","memory":"1Gi"}})")} << u"Guaranteed"_qs;
        QTest::newRow("memory limit missing") << QJsonArray{container(R"({"limits":{"cpu":"1"}})")} << u"Burstable"_qs;
        QTest::newRow("one container without") << QJsonArray{container(R"({"limits":{"cpu":"1","memory":"1Gi"}})"), container("{}")} << u"Burstable"_qs;
        QTest::newRow("requests only") << QJsonArray{container(R"({"requests":{"memory":"1Gi"}})")} << u"Burstable"_qs;
    }
    void qosClass()
    {
        QFETCH(QJsonArray, containers);
        QFETCH(QString, qos);
        QCOMPARE(podQosClass(QJsonObject{{u"containers"_qs, containers}}), qos);
        const QJsonObject status = newPodStatus(QJsonObject{{u"containers"_qs, containers}});
        QCOMPARE(status.value(u"phase").toString(), u"Pending"_qs);
        QCOMPARE(status.value(u"qosClass").toString(), qos);
    }
};

QTEST_APPLESS_MAIN(tst_AccessControl)
#include "tst_accesscontrol.moc"
