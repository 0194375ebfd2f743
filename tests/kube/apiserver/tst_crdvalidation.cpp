// Custom resources against their CRD's structural schema: the pure validator (one row per
// keyword, upstream's field paths and wording) and, end to end through a real embedded
// cluster, the 422 on create and patch, and pruning of unknown fields.
#include "clusterfixture.h"

#include "kube/apiserver/crdvalidation.h"

#include <QJsonArray>
#include <QTest>

using namespace kube;
using namespace kube::test;

namespace {

QJsonObject parse(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s: %s", qPrintable(error.errorString()), json.constData());
    return doc.object();
}

const char kSchema[] = R"({"type":"object","properties":{
  "spec":{"type":"object","required":["image"],"properties":{
    "image":{"type":"string","minLength":3,"maxLength":20,"pattern":"^[a-z:./0-9-]+$"},
    "replicas":{"type":"integer","minimum":1,"maximum":10},
    "ratio":{"type":"number","exclusiveMinimum":true,"minimum":0,"exclusiveMaximum":true,"maximum":1},
    "step":{"type":"integer","multipleOf":5},
    "color":{"type":"string","enum":["red","blue"]},
    "size":{"type":"integer","enum":[1,2]},
    "tags":{"type":"array","minItems":1,"maxItems":3,"items":{"type":"string"},"x-kubernetes-list-type":"set"},
    "unique":{"type":"array","uniqueItems":true,"items":{"type":"integer"}},
    "ports":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name"],
             "items":{"type":"object","required":["name"],"properties":{"name":{"type":"string"},"port":{"type":"integer","format":"int32","maximum":65535}}}},
    "labels":{"type":"object","minProperties":1,"maxProperties":2,"additionalProperties":{"type":"string","maxLength":5}},
    "note":{"type":"string","nullable":true},
    "owner":{"type":"string"},
    "id":{"type":"string","format":"uuid"},
    "day":{"type":"string","format":"date"},
    "at":{"type":"string","format":"date-time"},
    "blob":{"type":"string","format":"byte"},
    "port":{"x-kubernetes-int-or-string":true},
    "extra":{"type":"object","x-kubernetes-preserve-unknown-fields":true},
    "rules":{"type":"string","x-kubernetes-validations":[{"rule":"self.size() > 100"}]}
  }}}})";

QStringList describe(const QList<StatusCause> &causes)
{
    QStringList out;
    for (const StatusCause &c : causes)
        out << c.field + u": "_qs + c.message;
    return out;
}

const QByteArray kCrd = R"({"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
  "metadata":{"name":"crontabs.stable.example.com"},
  "spec":{"group":"stable.example.com","scope":"Namespaced",
    "names":{"plural":"crontabs","singular":"crontab","kind":"CronTab"},
    "versions":[{"name":"v1","served":true,"storage":true,"schema":{"openAPIV3Schema":{"type":"object","properties":{
      "spec":{"type":"object","properties":{
        "cronSpec":{"type":"string","pattern":"^(\\d+|\\*)(/\\d+)?(\\s+(\\d+|\\*)(/\\d+)?){4}$"},
        "replicas":{"type":"integer","minimum":1,"maximum":10},
        "color":{"type":"string","enum":["red","blue"]},
        "extra":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}}}}}]}})";

const QByteArray kCronTabs = "/apis/stable.example.com/v1/namespaces/default/crontabs";

} // namespace

class tst_CrdValidation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void schema_data();
    void schema();
    void initTestCase();
    void cleanupTestCase() { m_cluster.stop(); }
    void createIsValidated();
    void patchIsValidated();
    void unknownFieldsArePruned();

private:
    ClusterFixture m_cluster;
};

void tst_CrdValidation::schema_data()
{
    QTest::addColumn<QByteArray>("spec");
    QTest::addColumn<QStringList>("causes");
    const auto row = [](const char *name, const QByteArray &spec, const QStringList &causes) {
        QTest::newRow(name) << spec << causes;
    };
    row("valid", R"({"image":"nginx:1.25","replicas":3,"ratio":0.5,"step":10,"color":"red","size":2,"tags":["a","b"],
        "unique":[1,2],"ports":[{"name":"http","port":80},{"name":"https","port":443}],"labels":{"a":"x"},"note":null,
        "id":"123e4567-e89b-12d3-a456-426614174000","day":"2024-02-29","at":"2024-02-29T10:00:00Z","blob":"aGVsbG8=",
        "port":"http","extra":{"anything":{"goes":[1]}},"rules":"short, CEL is not evaluated"})", {});
    row("maximum", R"({"image":"nginx","replicas":20})",
        {u"spec.replicas: Invalid value: 20: spec.replicas in body should be less than or equal to 10"_qs});
    row("minimum", R"({"image":"nginx","replicas":0})",
        {u"spec.replicas: Invalid value: 0: spec.replicas in body should be greater than or equal to 1"_qs});
    row("exclusive-maximum", R"({"image":"nginx","ratio":1})",
        {u"spec.ratio: Invalid value: 1: spec.ratio in body should be less than 1"_qs});
    row("exclusive-minimum", R"({"image":"nginx","ratio":0})",
        {u"spec.ratio: Invalid value: 0: spec.ratio in body should be greater than 0"_qs});
    row("multiple-of", R"({"image":"nginx","step":7})",
        {u"spec.step: Invalid value: 7: spec.step in body should be a multiple of 5"_qs});
    row("enum-string", R"({"image":"nginx","color":"pink"})",
        {u"spec.color: Unsupported value: \"pink\": supported values: \"red\", \"blue\""_qs});
    row("enum-number", R"({"image":"nginx","size":3})", {u"spec.size: Unsupported value: 3: supported values: \"1\", \"2\""_qs});
    row("max-length", R"({"image":"nginx-with-a-very-long-name"})", {u"spec.image: Too long: may not be more than 20 bytes"_qs});
    row("min-length", R"({"image":"ng"})", {u"spec.image: Invalid value: \"ng\": spec.image in body should be at least 3 chars long"_qs});
    row("pattern", R"({"image":"NGINX"})", {u"spec.image: Invalid value: \"NGINX\": spec.image in body should match '^[a-z:./0-9-]+$'"_qs});
    row("required", R"({"replicas":2})", {u"spec.image: Required value"_qs});
    row("required-in-list-item", R"({"image":"nginx","ports":[{"port":80}]})", {u"spec.ports[0].name: Required value"_qs});
    row("max-items", R"({"image":"nginx","tags":["a","b","c","d"]})", {u"spec.tags: Too many: 4: must have at most 3 items"_qs});
    row("min-items", R"({"image":"nginx","tags":[]})", {u"spec.tags: Invalid value: []interface {}{}: spec.tags in body should have at least 1 items"_qs});
    row("set-duplicate", R"({"image":"nginx","tags":["a","a"]})", {u"spec.tags[1]: Duplicate value: \"a\""_qs});
    row("map-duplicate", R"({"image":"nginx","ports":[{"name":"http","port":80},{"name":"http","port":81}]})",
        {u"spec.ports[1]: Duplicate value: map[string]interface {}{\"name\":\"http\"}"_qs});
    row("unique-items", R"({"image":"nginx","unique":[1,1]})",
        {u"spec.unique: Invalid value: []interface {}{1, 1}: spec.unique in body shouldn't contain duplicates"_qs});
    row("nested-maximum", R"({"image":"nginx","ports":[{"name":"a","port":70000}]})",
        {u"spec.ports[0].port: Invalid value: 70000: spec.ports[0].port in body should be less than or equal to 65535"_qs});
    row("max-properties", R"({"image":"nginx","labels":{"a":"1","b":"2","c":"3"}})", {u"spec.labels: Too many: 3: must have at most 2 items"_qs});
    row("min-properties", R"({"image":"nginx","labels":{}})",
        {u"spec.labels: Invalid value: map[string]interface {}{}: spec.labels in body should have at least 1 properties"_qs});
    row("additional-properties", R"({"image":"nginx","labels":{"a":"toolong"}})", {u"spec.labels.a: Too long: may not be more than 5 bytes"_qs});
    row("not-nullable", R"({"image":"nginx","owner":null})",
        {u"spec.owner: Invalid value: \"null\": spec.owner in body must be of type string: \"null\""_qs});
    row("type", R"({"image":"nginx","replicas":"three"})",
        {u"spec.replicas: Invalid value: \"three\": spec.replicas in body must be of type integer: \"string\""_qs});
    row("int-or-string", R"({"image":"nginx","port":true})",
        {u"spec.port: Invalid value: true: spec.port in body must be of type integer,string: \"boolean\""_qs});
    row("format-uuid", R"({"image":"nginx","id":"nope"})",
        {u"spec.id: Invalid value: \"nope\": spec.id in body must be of type uuid: \"nope\""_qs});
    row("format-date", R"({"image":"nginx","day":"2023-02-29"})",
        {u"spec.day: Invalid value: \"2023-02-29\": spec.day in body must be of type date: \"2023-02-29\""_qs});
    row("format-date-time", R"({"image":"nginx","at":"yesterday"})",
        {u"spec.at: Invalid value: \"yesterday\": spec.at in body must be of type date-time: \"yesterday\""_qs});
    row("format-byte", R"({"image":"nginx","blob":"not base64!"})",
        {u"spec.blob: Invalid value: \"not base64!\": spec.blob in body must be of type byte: \"not base64!\""_qs});
    row("format-int32", R"({"image":"nginx","ports":[{"name":"a","port":3000000000}]})",
        {u"spec.ports[0].port: Invalid value: 3000000000: spec.ports[0].port in body must be of type int32: 3000000000"_qs,
         u"spec.ports[0].port: Invalid value: 3000000000: spec.ports[0].port in body should be less than or equal to 65535"_qs});
    row("two-problems", R"({"image":"nginx","replicas":11,"color":"green"})",
        {u"spec.color: Unsupported value: \"green\": supported values: \"red\", \"blue\""_qs,
         u"spec.replicas: Invalid value: 11: spec.replicas in body should be less than or equal to 10"_qs});
}

void tst_CrdValidation::schema()
{
    QFETCH(QByteArray, spec);
    QFETCH(QStringList, causes);
    const QJsonObject object{{u"apiVersion"_qs, u"stable.example.com/v1"_qs}, {u"kind"_qs, u"CronTab"_qs},
                             {u"metadata"_qs, QJsonObject{{u"name"_qs, u"x"_qs}}}, {u"spec"_qs, parse(spec)}};
    QStringList actual = describe(validateAgainstSchema(object, parse(kSchema)));
    actual.sort();
    causes.sort();
    QCOMPARE(actual, causes);
}

void tst_CrdValidation::initTestCase()
{
    QVERIFY(m_cluster.start().isSuccess());
    const Reply crd = m_cluster.request("POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", kCrd);
    QVERIFY2(crd.status == 201, crd.body.constData());
}

void tst_CrdValidation::createIsValidated()
{
    const Reply r = m_cluster.request("POST", kCronTabs, R"({"apiVersion":"stable.example.com/v1","kind":"CronTab",
        "metadata":{"name":"bad"},"spec":{"cronSpec":"* * * *","replicas":15}})");
    QCOMPARE(r.status, 422);
    const QJsonObject status = r.json();
    QCOMPARE(status.value(u"reason").toString(), u"Invalid"_qs);
    const QString message = status.value(u"message").toString();
    QVERIFY2(message.startsWith(u"CronTab.stable.example.com \"bad\" is invalid: ["_qs), qPrintable(message));
    QVERIFY2(message.contains(u"spec.replicas: Invalid value: 15: spec.replicas in body should be less than or equal to 10"_qs), qPrintable(message));
    QVERIFY2(message.contains(u"spec.cronSpec: Invalid value: \"* * * *\": spec.cronSpec in body should match"_qs), qPrintable(message));
    QCOMPARE(status.value(u"details").toObject().value(u"causes").toArray().size(), 2);
    QCOMPARE(m_cluster.request("GET", kCronTabs + "/bad").status, 404);
}

void tst_CrdValidation::patchIsValidated()
{
    QCOMPARE(m_cluster.request("POST", kCronTabs, R"({"apiVersion":"stable.example.com/v1","kind":"CronTab",
        "metadata":{"name":"good"},"spec":{"replicas":2,"color":"red"}})").status, 201);
    const Reply patched = m_cluster.request("PATCH", kCronTabs + "/good", R"({"spec":{"color":"pink"}})", "application/merge-patch+json");
    QCOMPARE(patched.status, 422);
    QCOMPARE(patched.json().value(u"message").toString(),
             u"CronTab.stable.example.com \"good\" is invalid: spec.color: Unsupported value: \"pink\": supported values: \"red\", \"blue\""_qs);
    const Reply applied = m_cluster.request("PATCH", kCronTabs + "/good?fieldManager=test&force=true", // force: the creator owns replicas
                                            "apiVersion: stable.example.com/v1\nkind: CronTab\nmetadata:\n  name: good\nspec:\n  replicas: 0\n",
                                            "application/apply-patch+yaml");
    QCOMPARE(applied.status, 422);
    QCOMPARE(m_cluster.request("GET", kCronTabs + "/good").json().value(u"spec").toObject().value(u"replicas").toInt(), 2);
}

void tst_CrdValidation::unknownFieldsArePruned()
{
    const Reply r = m_cluster.request("POST", kCronTabs + "?fieldValidation=Ignore", R"({"apiVersion":"stable.example.com/v1","kind":"CronTab",
        "metadata":{"name":"pruned"},"spec":{"replicas":2,"bogus":1,"extra":{"kept":{"deep":true}}},"top":"x"})");
    QCOMPARE(r.status, 201);
    const QJsonObject stored = m_cluster.request("GET", kCronTabs + "/pruned").json();
    QVERIFY(!stored.contains(u"top"));
    QVERIFY(!stored.value(u"spec").toObject().contains(u"bogus"));
    QCOMPARE(stored.value(u"spec").toObject().value(u"extra").toObject().value(u"kept").toObject().value(u"deep").toBool(), true);
}

QTEST_GUILESS_MAIN(tst_CrdValidation)
#include "tst_crdvalidation.moc"
