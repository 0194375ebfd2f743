// The API server's remaining gaps against a real embedded cluster (no controllers, so the test
// writes the PodDisruptionBudget status the disruption controller would):
//   - eviction honours the budget that selects the pod: 429 with a DisruptionBudget cause when
//     none is allowed, 500 with two budgets, else the budget is spent (disruptionsAllowed−1,
//     disruptedPods) and the pod deleted; pending pods skip the budget;
//   - serviceaccounts/<name>/token issues a token the server accepts as a bearer token, until
//     it expires or its account goes; tampered tokens and bad durations are refused;
//   - server-side apply that removes the last finalizer of a deleted object deletes it, and a
//     watch sees DELETED.
#include "clusterfixture.h"

#include "kube/apiserver/serviceaccounttoken.h"

#include <QJsonArray>
#include <QTest>

using namespace kube;
using namespace kube::test;

namespace {

const QByteArray kPods = "/api/v1/namespaces/default/pods";
const QByteArray kBudgets = "/apis/policy/v1/namespaces/default/poddisruptionbudgets";
const QByteArray kConfigMaps = "/api/v1/namespaces/default/configmaps";

QByteArray json(const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); }

QJsonObject pod(const QString &name, const QString &app)
{
    return {{u"apiVersion"_qs, u"v1"_qs}, {u"kind"_qs, u"Pod"_qs},
            {u"metadata"_qs, QJsonObject{{u"name"_qs, name}, {u"labels"_qs, QJsonObject{{u"app"_qs, app}}}}},
            {u"spec"_qs, QJsonObject{{u"containers"_qs, QJsonArray{QJsonObject{{u"name"_qs, u"c"_qs}, {u"image"_qs, u"nginx"_qs}}}}}}};
}

QJsonObject budget(const QString &name, const QString &app)
{
    return {{u"apiVersion"_qs, u"policy/v1"_qs}, {u"kind"_qs, u"PodDisruptionBudget"_qs},
            {u"metadata"_qs, QJsonObject{{u"name"_qs, name}}},
            {u"spec"_qs, QJsonObject{{u"minAvailable"_qs, 1}, {u"selector"_qs, QJsonObject{{u"matchLabels"_qs, QJsonObject{{u"app"_qs, app}}}}}}}};
}

QByteArray eviction(const QString &name)
{
    return json({{u"apiVersion"_qs, u"policy/v1"_qs}, {u"kind"_qs, u"Eviction"_qs}, {u"metadata"_qs, QJsonObject{{u"name"_qs, name}}}});
}

QByteArray tokenRequest(qint64 seconds)
{
    QJsonObject spec;
    if (seconds > 0)
        spec[u"expirationSeconds"_qs] = seconds;
    return json({{u"apiVersion"_qs, u"authentication.k8s.io/v1"_qs}, {u"kind"_qs, u"TokenRequest"_qs}, {u"spec"_qs, spec}});
}

// A raw request whose answer is read until the server closes (a watch with timeoutSeconds).
QByteArray readAll(quint16 port, const QByteArray &target, int ms)
{
    QSslSocket socket;
    socket.setPeerVerifyMode(QSslSocket::VerifyNone);
    socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
    if (!socket.waitForEncrypted(10000))
        return {};
    socket.write("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer fixture-test-token\r\nConnection: close\r\n\r\n");
    QByteArray buffer;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms && socket.state() == QAbstractSocket::ConnectedState) {
        socket.waitForReadyRead(100);
        buffer += socket.readAll();
    }
    return buffer + socket.readAll();
}

} // namespace

class tst_ApiGaps : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_cluster.start().isSuccess()); }
    void cleanupTestCase() { m_cluster.stop(); }
    void evictionRespectsBudget();
    void evictionWithTwoBudgets();
    void pendingPodSkipsBudget();
    void tokenAuthenticates();
    void tokenRefusals();
    void applyRemovingLastFinalizerDeletes();

private:
    // A pod with Running + Ready status.
    void createReadyPod(const QString &name, const QString &app)
    {
        const Reply created = m_cluster.request("POST", kPods, json(pod(name, app)));
        QCOMPARE(created.status, 201);
        QJsonObject object = created.json();
        object[u"status"_qs] = QJsonObject{{u"phase"_qs, u"Running"_qs},
                                          {u"conditions"_qs, QJsonArray{QJsonObject{{u"type"_qs, u"Ready"_qs}, {u"status"_qs, u"True"_qs}}}}};
        QCOMPARE(m_cluster.request("PUT", kPods + '/' + name.toUtf8() + "/status", json(object)).status, 200);
    }
    // Writes the budget's status as the disruption controller would.
    void setBudgetStatus(const QString &name, int allowed, int current, int desired)
    {
        QJsonObject object = m_cluster.request("GET", kBudgets + '/' + name.toUtf8()).json();
        object[u"status"_qs] = QJsonObject{{u"disruptionsAllowed"_qs, allowed}, {u"currentHealthy"_qs, current},
                                          {u"desiredHealthy"_qs, desired}, {u"expectedPods"_qs, current},
                                          {u"observedGeneration"_qs, object.value(u"metadata").toObject().value(u"generation")}};
        QCOMPARE(m_cluster.request("PUT", kBudgets + '/' + name.toUtf8() + "/status", json(object)).status, 200);
    }

    ClusterFixture m_cluster;
};

void tst_ApiGaps::evictionRespectsBudget()
{
    createReadyPod(u"web-1"_qs, u"web"_qs);
    QCOMPARE(m_cluster.request("POST", kBudgets, json(budget(u"web"_qs, u"web"_qs))).status, 201);

    // Status not observed yet (observedGeneration 0 < generation 1): still being processed.
    Reply refused = m_cluster.request("POST", kPods + "/web-1/eviction", eviction(u"web-1"_qs));
    QCOMPARE(refused.status, 429);
    QVERIFY(refused.json().value(u"details").toObject().value(u"causes").toArray().at(0).toObject().value(u"message").toString()
                .contains(u"still being processed"_qs));

    setBudgetStatus(u"web"_qs, 0, 1, 1);
    refused = m_cluster.request("POST", kPods + "/web-1/eviction", eviction(u"web-1"_qs));
    QCOMPARE(refused.status, 429);
    QCOMPARE(refused.json().value(u"reason").toString(), u"TooManyRequests"_qs);
    QCOMPARE(refused.json().value(u"message").toString(), u"Cannot evict pod as it would violate the pod's disruption budget."_qs);
    const QJsonObject cause = refused.json().value(u"details").toObject().value(u"causes").toArray().at(0).toObject();
    QCOMPARE(cause.value(u"reason").toString(), u"DisruptionBudget"_qs);
    QCOMPARE(cause.value(u"message").toString(), u"The disruption budget web needs 1 healthy pods and has 1 currently"_qs);
    QCOMPARE(m_cluster.request("GET", kPods + "/web-1").status, 200); // still there

    // Dry run: allowed, nothing spent, nothing deleted.
    setBudgetStatus(u"web"_qs, 1, 2, 1);
    QCOMPARE(m_cluster.request("POST", kPods + "/web-1/eviction?dryRun=All", eviction(u"web-1"_qs)).status, 201);
    QCOMPARE(m_cluster.request("GET", kBudgets + "/web").json().value(u"status").toObject().value(u"disruptionsAllowed").toInt(), 1);
    QCOMPARE(m_cluster.request("GET", kPods + "/web-1").status, 200);

    const Reply allowed = m_cluster.request("POST", kPods + "/web-1/eviction", eviction(u"web-1"_qs));
    QCOMPARE(allowed.status, 201);
    const QJsonObject status = m_cluster.request("GET", kBudgets + "/web").json().value(u"status").toObject();
    QCOMPARE(status.value(u"disruptionsAllowed").toInt(), 0);
    QVERIFY(status.value(u"disruptedPods").toObject().contains(u"web-1"));
    const QJsonObject condition = status.value(u"conditions").toArray().at(0).toObject();
    QCOMPARE(condition.value(u"reason").toString(), u"InsufficientPods"_qs);
    QCOMPARE(condition.value(u"status").toString(), u"False"_qs);
    QCOMPARE(m_cluster.request("GET", kPods + "/web-1").status, 404); // unscheduled: gone at once
}

void tst_ApiGaps::evictionWithTwoBudgets()
{
    createReadyPod(u"db-1"_qs, u"db"_qs);
    QCOMPARE(m_cluster.request("POST", kBudgets, json(budget(u"db-a"_qs, u"db"_qs))).status, 201);
    QCOMPARE(m_cluster.request("POST", kBudgets, json(budget(u"db-b"_qs, u"db"_qs))).status, 201);
    const Reply r = m_cluster.request("POST", kPods + "/db-1/eviction", eviction(u"db-1"_qs));
    QCOMPARE(r.status, 500);
    QVERIFY(r.json().value(u"message").toString().contains(
        u"This pod has more than one PodDisruptionBudget, which the eviction subresource does not support."_qs));
    QCOMPARE(m_cluster.request("GET", kPods + "/db-1").status, 200);
}

void tst_ApiGaps::pendingPodSkipsBudget()
{
    QCOMPARE(m_cluster.request("POST", kPods, json(pod(u"queue-1"_qs, u"queue"_qs))).status, 201);
    QCOMPARE(m_cluster.request("POST", kBudgets, json(budget(u"queue"_qs, u"queue"_qs))).status, 201);
    setBudgetStatus(u"queue"_qs, 0, 0, 1);
    // Pending (no status written): the budget does not guard it.
    QCOMPARE(m_cluster.request("POST", kPods + "/queue-1/eviction", eviction(u"queue-1"_qs)).status, 201);
    QCOMPARE(m_cluster.request("GET", kPods + "/queue-1").status, 404);
}

void tst_ApiGaps::tokenAuthenticates()
{
    const QJsonObject account{{u"apiVersion"_qs, u"v1"_qs}, {u"kind"_qs, u"ServiceAccount"_qs}, {u"metadata"_qs, QJsonObject{{u"name"_qs, u"robot"_qs}}}};
    QCOMPARE(m_cluster.request("POST", "/api/v1/namespaces/default/serviceaccounts", json(account)).status, 201);
    const Reply issued = m_cluster.request("POST", "/api/v1/namespaces/default/serviceaccounts/robot/token", tokenRequest(0));
    QCOMPARE(issued.status, 201);
    QCOMPARE(issued.json().value(u"kind").toString(), u"TokenRequest"_qs);
    QCOMPARE(issued.json().value(u"spec").toObject().value(u"expirationSeconds").toInt(), 3600);
    const QByteArray token = issued.json().value(u"status").toObject().value(u"token").toString().toLatin1();
    QVERIFY(!token.isEmpty());
    const QDateTime expires = QDateTime::fromString(issued.json().value(u"status").toObject().value(u"expirationTimestamp").toString(), Qt::ISODate);
    QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(expires) - 3600) < 60);

    const QList<QByteArray> headers{"Host: 127.0.0.1", "Authorization: Bearer " + token, "Accept: application/json"};
    QCOMPARE(send(m_cluster.port(), "GET", kPods, headers).status, 403); // authenticated (not 401); RBAC grants the account no pods
    QCOMPARE(send(m_cluster.port(), "GET", "/version", headers).status, 200); // system:discovery
    QByteArray tampered = token;
    tampered[tampered.size() - 2] = tampered[tampered.size() - 2] == 'A' ? 'B' : 'A';
    QCOMPARE(send(m_cluster.port(), "GET", kPods, {"Host: 127.0.0.1", "Authorization: Bearer " + tampered}).status, 401);

    // An expired token of the same account, signed with the cluster's key: 401.
    const ServiceAccountTokens tokens("fixture-test-token");
    ServiceAccountTokenClaims claims = tokens.decode(token).value();
    claims.issuedAt = QDateTime::currentDateTimeUtc().addSecs(-7200);
    claims.expires = QDateTime::currentDateTimeUtc().addSecs(-3600);
    QCOMPARE(send(m_cluster.port(), "GET", kPods, {"Host: 127.0.0.1", "Authorization: Bearer " + tokens.issue(claims)}).status, 401);
    // Another audience than the API server's: not for us.
    claims = tokens.decode(token).value();
    claims.audiences = QStringList{u"vault"_qs};
    QCOMPARE(send(m_cluster.port(), "GET", kPods, {"Host: 127.0.0.1", "Authorization: Bearer " + tokens.issue(claims)}).status, 401);

    // The account goes: so does its token.
    QCOMPARE(m_cluster.request("DELETE", "/api/v1/namespaces/default/serviceaccounts/robot").status, 200);
    QCOMPARE(send(m_cluster.port(), "GET", kPods, headers).status, 401);
}

void tst_ApiGaps::tokenRefusals()
{
    const QJsonObject account{{u"apiVersion"_qs, u"v1"_qs}, {u"kind"_qs, u"ServiceAccount"_qs}, {u"metadata"_qs, QJsonObject{{u"name"_qs, u"short"_qs}}}};
    QCOMPARE(m_cluster.request("POST", "/api/v1/namespaces/default/serviceaccounts", json(account)).status, 201);
    const Reply tooShort = m_cluster.request("POST", "/api/v1/namespaces/default/serviceaccounts/short/token", tokenRequest(60));
    QCOMPARE(tooShort.status, 422);
    QVERIFY(tooShort.json().value(u"message").toString().contains(u"may not specify a duration less than 10 minutes"_qs));
    const Reply ten = m_cluster.request("POST", "/api/v1/namespaces/default/serviceaccounts/short/token", tokenRequest(600));
    QCOMPARE(ten.status, 201);
    QCOMPARE(m_cluster.request("POST", "/api/v1/namespaces/default/serviceaccounts/nobody/token", tokenRequest(0)).status, 404);
}

void tst_ApiGaps::applyRemovingLastFinalizerDeletes()
{
    const QByteArray path = kConfigMaps + "/held?fieldManager=tester";
    const QByteArray withFinalizer =
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: held\n  finalizers:\n  - example.com/hold\ndata:\n  a: b\n";
    QCOMPARE(m_cluster.request("PATCH", path, withFinalizer, "application/apply-patch+yaml").status, 201);
    const Reply deleted = m_cluster.request("DELETE", kConfigMaps + "/held");
    QCOMPARE(deleted.status, 200);
    const Reply held = m_cluster.request("GET", kConfigMaps + "/held");
    QCOMPARE(held.status, 200);
    QVERIFY(!held.json().value(u"metadata").toObject().value(u"deletionTimestamp").toString().isEmpty());
    const QByteArray rv = held.json().value(u"metadata").toObject().value(u"resourceVersion").toString().toLatin1();

    const QByteArray without = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: held\ndata:\n  a: b\n";
    QCOMPARE(m_cluster.request("PATCH", path, without, "application/apply-patch+yaml").status, 200);
    QCOMPARE(m_cluster.request("GET", kConfigMaps + "/held").status, 404);
    const QByteArray events = readAll(m_cluster.port(), kConfigMaps + "?watch=1&resourceVersion=" + rv + "&timeoutSeconds=1", 5000);
    QVERIFY2(events.contains("\"type\":\"DELETED\""), events.constData());
}

QTEST_GUILESS_MAIN(tst_ApiGaps)
#include "tst_apigaps.moc"
