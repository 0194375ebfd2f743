// Authentication, RBAC and the review APIs against a real embedded cluster (no controllers):
//   - a service account token acts as its account: its list of pods is upstream's 403, word for
//     word; a Role and RoleBinding let it list (at once: the binding's answer is not ahead of
//     the index) but not delete; the default policy lets it discover and ask who it is;
//   - SelfSubjectReview, SelfSubjectAccessReview, SubjectAccessReview, LocalSubjectAccessReview,
//     SelfSubjectRulesReview and TokenReview answer as upstream; creating them is authorized;
//   - impersonation: the admin may act as the account (and is then refused like it); the
//     account may not impersonate; groups without a user are refused;
//   - a created Pod starts Pending with its QoS class;
//   - the RBAC index: a check costs microseconds and never lists; a store write outside the
//     API is picked up through its watch.
#include "clusterfixture.h"

#include "kube/api/typeregistry.h"
#include "kube/apiserver/rbacindex.h"
#include "kube/apiserver/storagekeys.h"
#include "kube/store/store.h"

#include <QJsonArray>
#include <QTest>

using namespace kube;
using namespace kube::test;

namespace {

QByteArray json(const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); }
QJsonObject parse(const char *text) { return QJsonDocument::fromJson(text).object(); }

const QByteArray kDemoPods = "/api/v1/namespaces/demo/pods";
const QByteArray kSsar = "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews";

QByteArray accessReview(const char *kind, const QString &verb, const QString &resource, const QString &ns, const QJsonObject &subject = {})
{
    QJsonObject spec = subject;
    spec[u"resourceAttributes"_qs] = QJsonObject{{u"verb"_qs, verb}, {u"resource"_qs, resource}, {u"namespace"_qs, ns}};
    return json({{u"apiVersion"_qs, u"authorization.k8s.io/v1"_qs}, {u"kind"_qs, QString::fromLatin1(kind)}, {u"spec"_qs, spec}});
}

} // namespace

class tst_Authorization : public QObject
{
    Q_OBJECT

private:
    Reply asApp(const QByteArray &method, const QByteArray &target, const QByteArray &body = {}, const QList<QByteArray> &extra = {}) const
    {
        QList<QByteArray> h{"Host: 127.0.0.1", "Authorization: Bearer " + m_token, "Accept: application/json", "Content-Type: application/json"};
        return send(m_cluster.port(), method, target, h + extra, body);
    }

    ClusterFixture m_cluster;
    QByteArray m_token;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_cluster.start().isSuccess());
        QCOMPARE(m_cluster.request("POST", "/api/v1/namespaces", R"({"apiVersion":"v1","kind":"Namespace","metadata":{"name":"demo"}})").status, 201);
        QCOMPARE(m_cluster.request("POST", "/api/v1/namespaces/demo/serviceaccounts", R"({"apiVersion":"v1","kind":"ServiceAccount","metadata":{"name":"app"}})").status, 201);
        const Reply issued = m_cluster.request("POST", "/api/v1/namespaces/demo/serviceaccounts/app/token",
                                               R"({"apiVersion":"authentication.k8s.io/v1","kind":"TokenRequest","spec":{}})");
        QCOMPARE(issued.status, 201);
        m_token = issued.json().value(u"status").toObject().value(u"token").toString().toLatin1();
        QVERIFY(!m_token.isEmpty());
        QCOMPARE(m_cluster.request("POST", kDemoPods, R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"web"}, "spec":{"containers":[{"name":"c","image":"nginx","resources":{"limits":{"cpu":"1","memory":"1Gi"}}}]}})").status, 201);
    }
    void cleanupTestCase() { m_cluster.stop(); }

    void podStartsPending()
    {
        const QJsonObject status = m_cluster.request("GET", kDemoPods + "/web").json().value(u"status").toObject();
        QCOMPARE(status.value(u"phase").toString(), u"Pending"_qs);
        QCOMPARE(status.value(u"qosClass").toString(), u"Guaranteed"_qs);
        // A status write without the class (as a kubelet's may be) keeps it.
        QJsonObject pod = m_cluster.request("GET", kDemoPods + "/web").json();
        pod[u"status"_qs] = QJsonObject{{u"phase"_qs, u"Running"_qs}};
        const Reply written = m_cluster.request("PUT", kDemoPods + "/web/status", json(pod));
        QCOMPARE(written.status, 200);
        QCOMPARE(written.json().value(u"status").toObject().value(u"phase").toString(), u"Running"_qs);
        QCOMPARE(written.json().value(u"status").toObject().value(u"qosClass").toString(), u"Guaranteed"_qs);
    }

    void serviceAccountIsForbidden()
    {
        const Reply r = asApp("GET", kDemoPods);
        QCOMPARE(r.status, 403);
        const QJsonObject s = r.json();
        QCOMPARE(s.value(u"kind").toString(), u"Status"_qs);
        QCOMPARE(s.value(u"reason").toString(), u"Forbidden"_qs);
        QCOMPARE(s.value(u"code").toInt(), 403);
        QCOMPARE(s.value(u"message").toString(),
                 u"pods is forbidden: User \"system:serviceaccount:demo:app\" cannot list resource \"pods\" in API group \"\" in the namespace \"demo\""_qs);
        QCOMPARE(s.value(u"details").toObject().value(u"kind").toString(), u"pods"_qs);

        const Reply log = asApp("GET", kDemoPods + "/web/log");
        QCOMPARE(log.status, 403);
        QCOMPARE(log.json().value(u"message").toString(),
                 u"pods \"web\" is forbidden: User \"system:serviceaccount:demo:app\" cannot get resource \"pods/log\" in API group \"\" in the namespace \"demo\""_qs);
        const Reply nodes = asApp("GET", "/api/v1/nodes");
        QCOMPARE(nodes.json().value(u"message").toString(),
                 u"nodes is forbidden: User \"system:serviceaccount:demo:app\" cannot list resource \"nodes\" in API group \"\" at the cluster scope"_qs);
        // The default policy: discovery and version for every authenticated caller.
        QCOMPARE(asApp("GET", "/apis").status, 200);
        QCOMPARE(asApp("GET", "/version").status, 200);
        QCOMPARE(asApp("GET", "/metrics").status, 403);
        // The admin token is untouched.
        QCOMPARE(m_cluster.request("GET", kDemoPods).status, 200);
        QCOMPARE(m_cluster.request("GET", "/api/v1/nodes").status, 200);
    }

    void selfSubjectReview()
    {
        const QByteArray body = R"({"apiVersion":"authentication.k8s.io/v1","kind":"SelfSubjectReview","metadata":{"creationTimestamp":null},"status":{}})";
        const Reply r = asApp("POST", "/apis/authentication.k8s.io/v1/selfsubjectreviews", body);
        QCOMPARE(r.status, 201);
        const QJsonObject user = r.json().value(u"status").toObject().value(u"userInfo").toObject();
        QCOMPARE(user.value(u"username").toString(), u"system:serviceaccount:demo:app"_qs);
        QCOMPARE(user.value(u"groups").toArray(), (QJsonArray{u"system:serviceaccounts"_qs, u"system:serviceaccounts:demo"_qs, u"system:authenticated"_qs}));
        const QJsonObject sa = m_cluster.request("GET", "/api/v1/namespaces/demo/serviceaccounts/app").json();
        QCOMPARE(user.value(u"uid").toString(), sa.value(u"metadata").toObject().value(u"uid").toString());
        QVERIFY(user.value(u"extra").toObject().value(u"authentication.kubernetes.io/credential-id").toArray().first().toString().startsWith(u"JTI="));

        const QJsonObject admin = m_cluster.request("POST", "/apis/authentication.k8s.io/v1/selfsubjectreviews", body)
                                      .json().value(u"status").toObject().value(u"userInfo").toObject();
        QVERIFY(admin.value(u"groups").toArray().contains(u"system:masters"_qs));
    }

    void roleBindingTakesEffectAtOnce()
    {
        QCOMPARE(m_cluster.request("POST", "/apis/rbac.authorization.k8s.io/v1/namespaces/demo/roles", R"({"apiVersion":"rbac.authorization.k8s.io/v1", "kind":"Role","metadata":{"name":"pod-reader"},"rules":[{"apiGroups":[""],"resources":["pods"],"verbs":["get","list","watch"]}]})").status, 201);
        QCOMPARE(asApp("GET", kDemoPods).status, 403); // a Role alone grants nothing
        QCOMPARE(m_cluster.request("POST", "/apis/rbac.authorization.k8s.io/v1/namespaces/demo/rolebindings", R"({"apiVersion":"rbac.authorization.k8s.io/v1", "kind":"RoleBinding","metadata":{"name":"app-reads"},"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"Role","name":"pod-reader"}, "subjects":[{"kind":"ServiceAccount","name":"app","namespace":"demo"}]})").status, 201);
        QCOMPARE(asApp("GET", kDemoPods).status, 200); // no wait: the write invalidated the index before it was answered
        QCOMPARE(asApp("GET", kDemoPods + "/web").status, 200);
        QCOMPARE(asApp("GET", "/api/v1/namespaces/default/pods").status, 403);
        const Reply del = asApp("DELETE", kDemoPods + "/web");
        QCOMPARE(del.status, 403);
        QCOMPARE(del.json().value(u"message").toString(),
                 u"pods \"web\" is forbidden: User \"system:serviceaccount:demo:app\" cannot delete resource \"pods\" in API group \"\" in the namespace \"demo\""_qs);
    }

    void accessReviews()
    {
        Reply r = asApp("POST", kSsar, accessReview("SelfSubjectAccessReview", u"list"_qs, u"pods"_qs, u"demo"_qs));
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value(u"status").toObject().value(u"allowed").toBool(), true);
        QCOMPARE(r.json().value(u"status").toObject().value(u"reason").toString(),
                 u"RBAC: allowed by RoleBinding \"app-reads/demo\" of Role \"pod-reader\" to ServiceAccount \"app/demo\""_qs);
        r = asApp("POST", kSsar, accessReview("SelfSubjectAccessReview", u"delete"_qs, u"pods"_qs, u"demo"_qs));
        QCOMPARE(r.json().value(u"status").toObject().value(u"allowed").toBool(), false);
        QVERIFY(r.json().value(u"status").toObject().contains(u"allowed")); // present even when false

        // SubjectAccessReview: the admin asks about someone else; the account may not.
        const QJsonObject subject{{u"user"_qs, u"system:serviceaccount:demo:app"_qs}, {u"groups"_qs, QJsonArray{u"system:authenticated"_qs}}};
        r = m_cluster.request("POST", "/apis/authorization.k8s.io/v1/subjectaccessreviews",
                              accessReview("SubjectAccessReview", u"watch"_qs, u"pods"_qs, u"demo"_qs, subject));
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value(u"status").toObject().value(u"allowed").toBool(), true);
        r = m_cluster.request("POST", "/apis/authorization.k8s.io/v1/subjectaccessreviews",
                              accessReview("SubjectAccessReview", u"watch"_qs, u"pods"_qs, u"demo"_qs));
        QCOMPARE(r.status, 422); // neither user nor group
        QCOMPARE(asApp("POST", "/apis/authorization.k8s.io/v1/subjectaccessreviews",
                       accessReview("SubjectAccessReview", u"watch"_qs, u"pods"_qs, u"demo"_qs, subject)).status, 403);

        // LocalSubjectAccessReview: the namespace must be the path's.
        r = m_cluster.request("POST", "/apis/authorization.k8s.io/v1/namespaces/demo/localsubjectaccessreviews",
                              accessReview("LocalSubjectAccessReview", u"get"_qs, u"pods"_qs, u"demo"_qs, subject));
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value(u"status").toObject().value(u"allowed").toBool(), true);
        r = m_cluster.request("POST", "/apis/authorization.k8s.io/v1/namespaces/demo/localsubjectaccessreviews",
                              accessReview("LocalSubjectAccessReview", u"get"_qs, u"pods"_qs, u"other"_qs, subject));
        QCOMPARE(r.status, 400);

        // SelfSubjectRulesReview: the namespace's rules and the cluster's.
        r = asApp("POST", "/apis/authorization.k8s.io/v1/selfsubjectrulesreviews",
                  R"({"apiVersion":"authorization.k8s.io/v1","kind":"SelfSubjectRulesReview","spec":{"namespace":"demo"}})");
        QCOMPARE(r.status, 201);
        const QJsonObject status = r.json().value(u"status").toObject();
        QCOMPARE(status.value(u"incomplete").toBool(true), false);
        bool pods = false;
        for (const QJsonValue &rule : status.value(u"resourceRules").toArray())
            pods = pods || rule.toObject().value(u"resources").toArray().contains(u"pods"_qs);
        QVERIFY(pods);
        QVERIFY(!status.value(u"resourceRules").toArray().contains(QJsonObject{{u"verbs"_qs, QJsonArray{u"*"_qs}}, {u"apiGroups"_qs, QJsonArray{u"*"_qs}}, {u"resources"_qs, QJsonArray{u"*"_qs}}}));
        QVERIFY(!status.value(u"nonResourceRules").toArray().isEmpty());
    }

    void tokenReview()
    {
        const auto review = [](const QByteArray &token, const QJsonArray &audiences = {}) {
            QJsonObject spec{{u"token"_qs, QString::fromLatin1(token)}};
            if (!audiences.isEmpty())
                spec[u"audiences"_qs] = audiences;
            return json({{u"apiVersion"_qs, u"authentication.k8s.io/v1"_qs}, {u"kind"_qs, u"TokenReview"_qs}, {u"spec"_qs, spec}});
        };
        Reply r = m_cluster.request("POST", "/apis/authentication.k8s.io/v1/tokenreviews", review(m_token));
        QCOMPARE(r.status, 201);
        QJsonObject status = r.json().value(u"status").toObject();
        QCOMPARE(status.value(u"authenticated").toBool(), true);
        QCOMPARE(status.value(u"user").toObject().value(u"username").toString(), u"system:serviceaccount:demo:app"_qs);
        QCOMPARE(status.value(u"audiences").toArray(), QJsonArray{u"https://kubernetes.default.svc.cluster.local"_qs});

        r = m_cluster.request("POST", "/apis/authentication.k8s.io/v1/tokenreviews", review(m_token, {u"vault"_qs}));
        QCOMPARE(r.json().value(u"status").toObject().value(u"authenticated").toBool(), false); // not meant for that audience
        r = m_cluster.request("POST", "/apis/authentication.k8s.io/v1/tokenreviews", review(m_token.chopped(2) + "xx"));
        status = r.json().value(u"status").toObject();
        QCOMPARE(status.value(u"authenticated").toBool(), false);
        QVERIFY(!status.value(u"error").toString().isEmpty());
        QCOMPARE(m_cluster.request("POST", "/apis/authentication.k8s.io/v1/tokenreviews", review("")).status, 400);
        QCOMPARE(asApp("POST", "/apis/authentication.k8s.io/v1/tokenreviews", review(m_token)).status, 403);
    }

    void impersonation()
    {
        const QByteArray as = "Impersonate-User: system:serviceaccount:demo:app";
        Reply r = m_cluster.request("GET", "/api/v1/namespaces/default/pods", {}, "application/json", {as});
        QCOMPARE(r.status, 403);
        QCOMPARE(r.json().value(u"message").toString(),
                 u"pods is forbidden: User \"system:serviceaccount:demo:app\" cannot list resource \"pods\" in API group \"\" in the namespace \"default\""_qs);
        QCOMPARE(m_cluster.request("GET", kDemoPods, {}, "application/json", {as}).status, 200);
        r = m_cluster.request("POST", "/apis/authentication.k8s.io/v1/selfsubjectreviews",
                              R"({"apiVersion":"authentication.k8s.io/v1","kind":"SelfSubjectReview"})", "application/json",
                              {"Impersonate-User: jane", "Impersonate-Group: devs", "Impersonate-Group: ops"});
        QCOMPARE(r.status, 201);
        const QJsonObject user = r.json().value(u"status").toObject().value(u"userInfo").toObject();
        QCOMPARE(user.value(u"username").toString(), u"jane"_qs);
        QCOMPARE(user.value(u"groups").toArray(), (QJsonArray{u"devs"_qs, u"ops"_qs, u"system:authenticated"_qs}));

        // The account may not impersonate.
        r = asApp("GET", kDemoPods, {}, {"Impersonate-User: jane"});
        QCOMPARE(r.status, 403);
        QCOMPARE(r.json().value(u"message").toString(),
                 u"users \"jane\" is forbidden: User \"system:serviceaccount:demo:app\" cannot impersonate resource \"users\" in API group \"\" at the cluster scope"_qs);
        QCOMPARE(m_cluster.request("GET", kDemoPods, {}, "application/json", {"Impersonate-Group: devs"}).status, 500);
    }

    void indexCostsMicroseconds()
    {
        QTemporaryDir dir;
        auto opened = Store::open(dir.filePath(u"store"_qs));
        QVERIFY(opened.ok());
        std::unique_ptr<Store> store = std::move(opened).value();
        const TypeRegistry &registry = TypeRegistry::builtin();
        const KindInfoPtr roles = registry.resource({u"rbac.authorization.k8s.io"_qs, u"v1"_qs, u"roles"_qs});
        const KindInfoPtr bindings = registry.resource({u"rbac.authorization.k8s.io"_qs, u"v1"_qs, u"rolebindings"_qs});
        const KindInfoPtr clusterBindings = registry.resource({u"rbac.authorization.k8s.io"_qs, u"v1"_qs, u"clusterrolebindings"_qs});
        const auto put = [&](const KindInfoPtr &kind, const QString &ns, const QJsonObject &o) {
            QVERIFY(store->create(storageKey(*kind, ns, o.value(u"metadata").toObject().value(u"name").toString()), Object::fromJson(o)).ok());
        };
        for (int i = 0; i < 50; ++i) { // 50 namespaces, each with a Role and a binding to it
            const QString ns = u"ns-%1"_qs.arg(i);
            QJsonObject role = parse(R"({"apiVersion":"rbac.authorization.k8s.io/v1","kind":"Role","rules":[{"apiGroups":[""],"resources":["pods"],"verbs":["get","list"]}]})");
            role[u"metadata"_qs] = QJsonObject{{u"name"_qs, u"reader"_qs}, {u"namespace"_qs, ns}};
            put(roles, ns, role);
            QJsonObject binding = parse(R"({"apiVersion":"rbac.authorization.k8s.io/v1","kind":"RoleBinding", "roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"Role","name":"reader"},"subjects":[{"kind":"ServiceAccount","name":"app"}]})");
            binding[u"metadata"_qs] = QJsonObject{{u"name"_qs, u"reader"_qs}, {u"namespace"_qs, ns}};
            put(bindings, ns, binding);
        }
        RbacIndex index(*store, registry);
        const UserInfo app = UserInfo::serviceAccount(u"ns-49"_qs, u"app"_qs);
        AuthorizationAttributes a;
        a.verb = u"list"_qs;
        a.resource = u"pods"_qs;
        a.namespace_ = u"ns-49"_qs;
        QVERIFY(index.policy()->authorize(app, a).allowed);
        QCOMPARE(index.rebuilds(), 1);
        QElapsedTimer timer;
        timer.start();
        constexpr int checks = 20000;
        int allowed = 0;
        for (int i = 0; i < checks; ++i)
            allowed += index.policy()->authorize(app, a).allowed ? 1 : 0;
        const double microseconds = timer.nsecsElapsed() / 1000.0 / checks;
        qInfo("one authorization check: %.2f µs", microseconds);
        QCOMPARE(allowed, checks);
        QCOMPARE(index.rebuilds(), 1); // no check listed the store
        QVERIFY2(microseconds < 50, qPrintable(QString::number(microseconds)));

        // A write that did not go through the API server reaches the index through its watch.
        a.verb = u"get"_qs;
        a.resource = u"nodes"_qs;
        a.namespace_.clear();
        QVERIFY(!index.policy()->authorize(app, a).allowed);
        QJsonObject admin = parse(R"({"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRoleBinding","metadata":{"name":"all"}, "roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"cluster-admin"},"subjects":[{"kind":"Group","name":"system:serviceaccounts"}]})");
        put(clusterBindings, QString(), admin);
        QJsonObject clusterAdmin = parse(R"({"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRole","metadata":{"name":"cluster-admin"}, "rules":[{"apiGroups":["*"],"resources":["*"],"verbs":["*"]}]})");
        put(registry.resource({u"rbac.authorization.k8s.io"_qs, u"v1"_qs, u"clusterroles"_qs}), QString(), clusterAdmin);
        QTRY_VERIFY(index.policy()->authorize(app, a).allowed);
    }
};

QTEST_GUILESS_MAIN(tst_Authorization)
#include "tst_authorization.moc"
