// Field ownership across managers against a real embedded cluster: create, update and patch
// record "Update" managers (fieldManager, else the User-Agent's program name); a server-side
// apply that changes a value an updater set is a 409 naming that manager as kube-apiserver
// does; force=true takes the field over; equal values are shared, not conflicts.
#include "clusterfixture.h"

#include "kube/apiserver/managedfields.h"

#include <QJsonArray>
#include <QTest>

using namespace kube;
using namespace kube::test;

namespace {

const QByteArray kDeployments = "/apis/apps/v1/namespaces/default/deployments";
const QByteArray kApplyType = "application/apply-patch+yaml";
const QByteArray kMergeType = "application/merge-patch+json";

QByteArray appliedDeployment(const QByteArray &name, int replicas)
{
    return "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " + name + "\nspec:\n  replicas: " + QByteArray::number(replicas)
         + "\n  selector:\n    matchLabels:\n      app: " + name + "\n  template:\n    metadata:\n      labels:\n        app: " + name
         + "\n    spec:\n      containers:\n      - name: web\n        image: nginx\n";
}

// The managedFields entry of manager/operation; empty when absent.
QJsonObject entryOf(const QJsonObject &object, const QString &manager, const QString &operation)
{
    for (const QJsonValue &v : object.value(u"metadata").toObject().value(u"managedFields").toArray()) {
        const QJsonObject e = v.toObject();
        if (e.value(u"manager").toString() == manager && e.value(u"operation").toString() == operation)
            return e;
    }
    return {};
}

bool ownsReplicas(const QJsonObject &entry)
{
    return entry.value(u"fieldsV1").toObject().value(u"f:spec").toObject().contains(u"f:replicas");
}

} // namespace

class tst_ManagedFields : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_cluster.start().isSuccess()); }
    void cleanupTestCase() { m_cluster.stop(); }
    void managerFromUserAgent_data();
    void managerFromUserAgent();
    void createRecordsUpdateManager();
    void userAgentNamesManager();
    void applyConflictsWithUpdater();
    void equalValueIsShared();
    void severalConflictsGroupedByManager();
    void putKeepsManagedFields();
    void appliedKeysTakeDefaults();
    void droppedListItemIsRemoved();

private:
    Reply apply(const QByteArray &name, const QByteArray &body, const QByteArray &query = "fieldManager=kubectl")
    {
        return m_cluster.request("PATCH", kDeployments + '/' + name + '?' + query, body, kApplyType);
    }
    ClusterFixture m_cluster;
};

void tst_ManagedFields::managerFromUserAgent_data()
{
    QTest::addColumn<QByteArray>("userAgent");
    QTest::addColumn<QString>("manager");
    QTest::newRow("kubectl") << QByteArray("kubectl/v1.35.0 (linux/amd64) kubernetes/66452049") << u"kubectl"_qs;
    QTest::newRow("helm") << QByteArray("Helm/4.0.0") << u"Helm"_qs;
    QTest::newRow("no-slash") << QByteArray("curl") << u"curl"_qs;
    QTest::newRow("empty") << QByteArray() << QString();
    QTest::newRow("long-truncated") << QByteArray(200, 'a') << QString(128, u'a');
}

void tst_ManagedFields::managerFromUserAgent()
{
    QFETCH(QByteArray, userAgent);
    QFETCH(QString, manager);
    QCOMPARE(kube::managerFromUserAgent(userAgent), manager);
}

void tst_ManagedFields::createRecordsUpdateManager()
{
    const QByteArray body = R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"created"},
        "spec":{"replicas":2,"selector":{"matchLabels":{"app":"created"}},
        "template":{"metadata":{"labels":{"app":"created"}},"spec":{"containers":[{"name":"web","image":"nginx"}]}}}})";
    const Reply r = m_cluster.request("POST", kDeployments + "?fieldManager=kubectl-create", body);
    QCOMPARE(r.status, 201);
    const QJsonObject e = entryOf(r.json(), u"kubectl-create"_qs, u"Update"_qs);
    QVERIFY2(!e.isEmpty(), r.body.constData());
    QCOMPARE(e.value(u"apiVersion").toString(), u"apps/v1"_qs);
    QCOMPARE(e.value(u"fieldsType").toString(), u"FieldsV1"_qs);
    QVERIFY(ownsReplicas(e));
    const QJsonObject metadata = e.value(u"fieldsV1").toObject().value(u"f:metadata").toObject();
    QVERIFY2(!metadata.contains(u"f:name") && !metadata.contains(u"f:uid"), r.body.constData()); // identity is nobody's
    QVERIFY(!e.value(u"fieldsV1").toObject().contains(u"f:status")); // status is written through /status
}

void tst_ManagedFields::userAgentNamesManager()
{
    const Reply r = m_cluster.request("POST", "/api/v1/namespaces/default/configmaps",
                                      R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"ua"},"data":{"a":"1"}})",
                                      "application/json", {"User-Agent: kubectl/v1.35.0 (linux/amd64) kubernetes/66452049"});
    QCOMPARE(r.status, 201);
    const QJsonObject e = entryOf(r.json(), u"kubectl"_qs, u"Update"_qs);
    QVERIFY2(!e.isEmpty(), r.body.constData());
    QCOMPARE(e.value(u"apiVersion").toString(), u"v1"_qs);
    QVERIFY(e.value(u"fieldsV1").toObject().value(u"f:data").toObject().contains(u"f:a"));
}

void tst_ManagedFields::applyConflictsWithUpdater()
{
    QCOMPARE(apply("web", appliedDeployment("web", 1)).status, 201);
    // An edit takes .spec.replicas from the applier.
    const Reply edited = m_cluster.request("PATCH", kDeployments + "/web?fieldManager=kubectl-edit", R"({"spec":{"replicas":3}})", kMergeType);
    QCOMPARE(edited.status, 200);
    QVERIFY(ownsReplicas(entryOf(edited.json(), u"kubectl-edit"_qs, u"Update"_qs)));
    QVERIFY(!ownsReplicas(entryOf(edited.json(), u"kubectl"_qs, u"Apply"_qs)));

    const Reply conflict = apply("web", appliedDeployment("web", 1));
    QCOMPARE(conflict.status, 409);
    const QJsonObject status = conflict.json();
    QCOMPARE(status.value(u"reason").toString(), u"Conflict"_qs);
    QCOMPARE(status.value(u"message").toString(), u"Apply failed with 1 conflict: conflict with \"kubectl-edit\" using apps/v1: .spec.replicas"_qs);
    const QJsonArray causes = status.value(u"details").toObject().value(u"causes").toArray();
    QCOMPARE(causes.size(), 1);
    QCOMPARE(causes[0].toObject().value(u"reason").toString(), u"FieldManagerConflict"_qs);
    QCOMPARE(causes[0].toObject().value(u"message").toString(), u"conflict with \"kubectl-edit\" using apps/v1"_qs);
    QCOMPARE(causes[0].toObject().value(u"field").toString(), u".spec.replicas"_qs);
    const QJsonObject live = m_cluster.request("GET", kDeployments + "/web").json();
    QCOMPARE(live.value(u"spec").toObject().value(u"replicas").toInt(), 3);

    // force=true takes it over: the editor's entry had nothing else and goes away.
    const Reply forced = apply("web", appliedDeployment("web", 1), "fieldManager=kubectl&force=true");
    QCOMPARE(forced.status, 200);
    QCOMPARE(forced.json().value(u"spec").toObject().value(u"replicas").toInt(), 1);
    QVERIFY(ownsReplicas(entryOf(forced.json(), u"kubectl"_qs, u"Apply"_qs)));
    QVERIFY(entryOf(forced.json(), u"kubectl-edit"_qs, u"Update"_qs).isEmpty());
}

void tst_ManagedFields::equalValueIsShared()
{
    QCOMPARE(apply("shared", appliedDeployment("shared", 1)).status, 201);
    QCOMPARE(m_cluster.request("PATCH", kDeployments + "/shared?fieldManager=kubectl-edit", R"({"spec":{"replicas":4}})", kMergeType).status, 200);
    // Applying the value the editor set is no conflict: both own it.
    const Reply r = apply("shared", appliedDeployment("shared", 4));
    QCOMPARE(r.status, 200);
    QVERIFY(ownsReplicas(entryOf(r.json(), u"kubectl"_qs, u"Apply"_qs)));
    QVERIFY(ownsReplicas(entryOf(r.json(), u"kubectl-edit"_qs, u"Update"_qs)));
    // A different applier changing a value the first applier set conflicts with it (no "using").
    const Reply other = apply("shared", appliedDeployment("shared", 5), "fieldManager=helm");
    QCOMPARE(other.status, 409);
    QCOMPARE(other.json().value(u"message").toString(),
             u"Apply failed with 2 conflicts: conflicts with \"kubectl\":\n- .spec.replicas\nconflicts with \"kubectl-edit\" using apps/v1:\n- .spec.replicas"_qs);
}

void tst_ManagedFields::severalConflictsGroupedByManager()
{
    QCOMPARE(apply("several", appliedDeployment("several", 1)).status, 201);
    QCOMPARE(m_cluster.request("PATCH", kDeployments + "/several?fieldManager=kubectl-edit",
                               R"({"spec":{"replicas":2,"template":{"spec":{"containers":[{"name":"web","image":"httpd"}]}}}})",
                               "application/strategic-merge-patch+json").status, 200);
    const Reply r = apply("several", appliedDeployment("several", 1));
    QCOMPARE(r.status, 409);
    QCOMPARE(r.json().value(u"message").toString(),
             u"Apply failed with 2 conflicts: conflicts with \"kubectl-edit\" using apps/v1:\n- .spec.replicas\n"
             "- .spec.template.spec.containers[name=\"web\"].image"_qs);
}

void tst_ManagedFields::putKeepsManagedFields()
{
    QCOMPARE(apply("put", appliedDeployment("put", 1)).status, 201);
    QJsonObject live = m_cluster.request("GET", kDeployments + "/put").json();
    QJsonObject metadata = live.value(u"metadata").toObject();
    metadata.remove(u"managedFields"_qs); // a client that drops them, as kubectl replace of a hand-written file
    live[u"metadata"_qs] = metadata;
    QJsonObject spec = live.value(u"spec").toObject();
    spec[u"minReadySeconds"_qs] = 5;
    live[u"spec"_qs] = spec;
    const Reply r = m_cluster.request("PUT", kDeployments + "/put?fieldManager=kubectl-replace", QJsonDocument(live).toJson());
    QCOMPARE(r.status, 200);
    QVERIFY(ownsReplicas(entryOf(r.json(), u"kubectl"_qs, u"Apply"_qs)));
    const QJsonObject replace = entryOf(r.json(), u"kubectl-replace"_qs, u"Update"_qs);
    QVERIFY2(replace.value(u"fieldsV1").toObject().value(u"f:spec").toObject().contains(u"f:minReadySeconds"), r.body.constData());
    QVERIFY(!ownsReplicas(replace)); // unchanged values stay with their owner
}

// kubectl apply --server-side over a client-side-applied object: the applied port has no
// protocol, the live one (and the client-side applier's record) has TCP. They are one item; after
// kubectl moves the client-side fields into its own Apply entry and applies again, the port stays.
void tst_ManagedFields::appliedKeysTakeDefaults()
{
    const QByteArray created = R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"ports"},
        "spec":{"replicas":2,"selector":{"matchLabels":{"app":"ports"}},
        "template":{"metadata":{"labels":{"app":"ports"}},"spec":{"containers":[{"name":"web","image":"nginx","ports":[{"containerPort":80}]}]}}}})";
    QCOMPARE(m_cluster.request("POST", kDeployments + "?fieldManager=kubectl-client-side-apply", created).status, 201);
    const QByteArray applied = appliedDeployment("ports", 3) + "        ports: [{containerPort: 80}]\n";
    const Reply first = apply("ports", applied, "fieldManager=kubectl&force=true");
    QCOMPARE(first.status, 200);
    const QJsonObject ports = entryOf(first.json(), u"kubectl"_qs, u"Apply"_qs)
                                  .value(u"fieldsV1").toObject().value(u"f:spec").toObject().value(u"f:template").toObject()
                                  .value(u"f:spec").toObject().value(u"f:containers").toObject().value(u"k:{\"name\":\"web\"}").toObject()
                                  .value(u"f:ports").toObject();
    QVERIFY2(ports.contains(u"k:{\"containerPort\":80,\"protocol\":\"TCP\"}"), QJsonDocument(ports).toJson().constData());

    // What kubectl's csaupgrade does: the client-side applier's fields join the Apply entry.
    QJsonObject live = first.json();
    QJsonArray managed = live.value(u"metadata").toObject().value(u"managedFields").toArray();
    QJsonObject csaFields;
    for (const QJsonValue &v : managed) {
        if (v.toObject().value(u"manager").toString() == u"kubectl-client-side-apply")
            csaFields = v.toObject().value(u"fieldsV1").toObject();
    }
    QVERIFY(!csaFields.isEmpty());
    QJsonArray upgraded;
    for (const QJsonValue &v : managed) {
        QJsonObject e = v.toObject();
        if (e.value(u"manager").toString() == u"kubectl-client-side-apply")
            continue;
        if (e.value(u"manager").toString() == u"kubectl")
            e[u"fieldsV1"_qs] = csaFields; // a superset of what kubectl applied here
        upgraded.append(e);
    }
    const QJsonArray patch{QJsonObject{{u"op"_qs, u"replace"_qs}, {u"path"_qs, u"/metadata/managedFields"_qs}, {u"value"_qs, upgraded}}};
    QCOMPARE(m_cluster.request("PATCH", kDeployments + "/ports", QJsonDocument(patch).toJson(), "application/json-patch+json").status, 200);

    const Reply again = apply("ports", applied, "fieldManager=kubectl&force=true");
    QCOMPARE(again.status, 200);
    const QJsonArray livePorts = again.json().value(u"spec").toObject().value(u"template").toObject().value(u"spec").toObject()
                                     .value(u"containers").toArray().at(0).toObject().value(u"ports").toArray();
    QCOMPARE(livePorts.size(), 1);
    QCOMPARE(livePorts.at(0).toObject().value(u"containerPort").toInt(), 80);
    QCOMPARE(livePorts.at(0).toObject().value(u"protocol").toString(), u"TCP"_qs);
}

// An item the applier stops applying is removed; the items it keeps stay whole.
void tst_ManagedFields::droppedListItemIsRemoved()
{
    const QByteArray both = appliedDeployment("dropped", 1) + "        ports: [{containerPort: 80}, {containerPort: 443, name: https}]\n";
    QCOMPARE(apply("dropped", both).status, 201);
    const Reply r = apply("dropped", appliedDeployment("dropped", 1) + "        ports: [{containerPort: 80}]\n");
    QCOMPARE(r.status, 200);
    const QJsonArray ports = r.json().value(u"spec").toObject().value(u"template").toObject().value(u"spec").toObject()
                                 .value(u"containers").toArray().at(0).toObject().value(u"ports").toArray();
    QCOMPARE(ports.size(), 1);
    QCOMPARE(ports.at(0).toObject(), (QJsonObject{{u"containerPort"_qs, 80}, {u"protocol"_qs, u"TCP"_qs}}));
}

QTEST_GUILESS_MAIN(tst_ManagedFields)
#include "tst_managedfields.moc"
