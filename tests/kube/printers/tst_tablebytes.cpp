// The Table envelope (includeObject, list metadata, rows embedding the stored bytes) and the
// byte-level helpers under it (top-level members, JSON values, times, JSONPath), without parsing
// whole objects.
#include "kube/printers/jsonbytes.h"
#include "kube/printers/jsonpath.h"
#include "kube/printers/rowprinters.h"
#include "kube/printers/tableprinter.h"

#include "kube/api/crdschema.h"
#include "kube/api/object.h"
#include "kube/api/typeregistry.h"

#include "tests/kube/printers/printerfixtures.h"
#include "tests/support/testpaths.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

class tst_TableBytes : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tableEnvelope();
    void includeObject_data();
    void includeObject();
    void tableJsonListMeta();
    void rowObjectEmbedsStoredBytes();
    void podTableBytesMatchTree();
    void topLevelMember_data();
    void topLevelMember();
    void jsonValueBytes();
    void timeFromBytes_data();
    void timeFromBytes();
    void defaultConvertor();
    void jsonPath_data();
    void jsonPath();
};

void tst_TableBytes::tableEnvelope()
{
    const KindInfoPtr kind = builtinKind({}, u"v1"_qs, u"Pod"_qs);
    const QJsonObject table = printTable(*kind, {}, {now});
    QCOMPARE(table.value(u"kind").toString(), u"Table"_qs);
    QCOMPARE(table.value(u"apiVersion").toString(), u"meta.k8s.io/v1"_qs);
    QVERIFY(table.value(u"metadata").isObject());
    QVERIFY(table.value(u"rows").isArray());
    QCOMPARE(table.value(u"rows").toArray().size(), 0);
    const QJsonArray columns = table.value(u"columnDefinitions").toArray();
    QCOMPARE(columns.size(), 9);
    const QJsonObject name = columns.at(0).toObject();
    QCOMPARE(name.keys(), (QStringList{u"description"_qs, u"format"_qs, u"name"_qs, u"priority"_qs, u"type"_qs}));
    QCOMPARE(name.value(u"format").toString(), u"name"_qs);
    QCOMPARE(columns.at(5).toObject().value(u"name").toString(), u"IP"_qs);
    QCOMPARE(columns.at(5).toObject().value(u"priority").toInt(), 1);

    TablePrintOptions noHeaders{now, false};
    QVERIFY(printTable(*kind, {}, noHeaders).value(u"columnDefinitions").isNull());
}

void tst_TableBytes::includeObject_data()
{
    QTest::addColumn<QString>("param");
    QTest::addColumn<QString>("expectedKind"); // of the row object; "" for null
    QTest::newRow("default-is-metadata") << QString() << u"PartialObjectMetadata"_qs;
    QTest::newRow("metadata") << u"Metadata"_qs << u"PartialObjectMetadata"_qs;
    QTest::newRow("object") << u"Object"_qs << u"ConfigMap"_qs;
    QTest::newRow("none") << u"None"_qs << QString();
}

void tst_TableBytes::includeObject()
{
    QFETCH(QString, param);
    QFETCH(QString, expectedKind);
    const std::optional<TableIncludeObject> include = parseTableIncludeObject(param);
    QVERIFY(include);
    const KindInfoPtr kind = builtinKind({}, u"v1"_qs, u"ConfigMap"_qs);
    const QJsonObject cm = objectOf(*kind, json(R"({"metadata":{"namespace":"default","labels":{"a":"b"}},"data":{"k":"v"}})"), u"cfg"_qs);
    const QJsonObject table = printTable(*kind, {Object::fromJson(cm)}, {now, true, *include});
    const QJsonValue rowObject = table.value(u"rows").toArray().at(0).toObject().value(u"object");
    if (expectedKind.isEmpty()) {
        QVERIFY(rowObject.isNull());
        return;
    }
    QCOMPARE(rowObject.toObject().value(u"kind").toString(), expectedKind);
    QCOMPARE(rowObject.toObject().value(u"metadata").toObject(), cm.value(u"metadata").toObject());
    if (expectedKind == u"PartialObjectMetadata") {
        QCOMPARE(rowObject.toObject().value(u"apiVersion").toString(), u"meta.k8s.io/v1"_qs);
        QVERIFY(!rowObject.toObject().contains(u"data"));
    } else {
        QCOMPARE(rowObject.toObject(), cm);
    }
    QVERIFY(!parseTableIncludeObject(u"metadata"));
}

void tst_TableBytes::timeFromBytes_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("api-server-form") << QByteArray("2026-11-27T10:04:05Z");
    QTest::newRow("leap-day") << QByteArray("2024-02-29T23:59:59Z");
    QTest::newRow("epoch") << QByteArray("1970-01-01T00:00:00Z");
    QTest::newRow("before-epoch") << QByteArray("1969-12-31T23:59:59Z");
    QTest::newRow("go-zero-time") << QByteArray("0001-01-01T00:00:00Z");
    QTest::newRow("not-a-leap-day") << QByteArray("2023-02-29T00:00:00Z");
    QTest::newRow("month-13") << QByteArray("2026-13-01T00:00:00Z");
    QTest::newRow("hour-24") << QByteArray("2026-11-27T24:00:00Z");
    QTest::newRow("letters") << QByteArray("2026-1a-27T10:04:05Z");
    QTest::newRow("fraction") << QByteArray("2026-11-27T10:04:05.123Z");
    QTest::newRow("offset") << QByteArray("2026-11-27T10:04:05+02:00");
    QTest::newRow("empty") << QByteArray();
}

// The byte-level reader (pods' AGE, RESTARTS) agrees with the QJsonValue one everywhere.
void tst_TableBytes::timeFromBytes()
{
    QFETCH(QByteArray, text);
    const QDateTime fast = printers::parseTime(std::string_view(text.constData(), size_t(text.size())));
    const QDateTime reference = printers::parseTime(QJsonValue(QString::fromUtf8(text)));
    QCOMPARE(fast.isValid(), reference.isValid());
    if (reference.isValid())
        QCOMPARE(fast.toMSecsSinceEpoch(), reference.toMSecsSinceEpoch());
}

void tst_TableBytes::defaultConvertor()
{
    const KindInfoPtr kind = builtinKind(u"rbac.authorization.k8s.io"_qs, u"v1"_qs, u"Role"_qs);
    QVERIFY(kind);
    const QJsonObject role = objectOf(*kind, json(R"({"metadata":{"creationTimestamp":"2014-06-01T10:20:30Z"},"rules":[]})"), u"reader"_qs);
    const QJsonObject table = printTable(*kind, {Object::fromJson(role)}, {now});
    QCOMPARE(compact(table.value(u"columnDefinitions").toArray()).contains(u"\"type\":\"date\""_qs), true);
    QCOMPARE(compact(table.value(u"rows").toArray().at(0).toObject().value(u"cells").toArray()), uR"(["reader","2014-06-01T10:20:30Z"])"_qs);
    // The default convertor leaves rows nil for an empty list.
    QVERIFY(printTable(*kind, {}, {now}).value(u"rows").isNull());
}

void tst_TableBytes::jsonPath_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected"); // the matches as a JSON array; "invalid" when unparsable
    QTest::newRow("field") << u".spec.replicas"_qs << u"[3]"_qs;
    QTest::newRow("template-braces") << u"{.spec.replicas}"_qs << u"[3]"_qs;
    QTest::newRow("dollar-root") << u"$.spec.name"_qs << uR"(["n"])"_qs;
    QTest::newRow("missing-key") << u".spec.nothing.here"_qs << u"[]"_qs;
    QTest::newRow("index") << u".items[1].name"_qs << uR"(["b"])"_qs;
    QTest::newRow("negative-index") << u".items[-1].name"_qs << uR"(["c"])"_qs;
    QTest::newRow("index-out-of-range") << u".items[7].name"_qs << u"[]"_qs;
    QTest::newRow("wildcard") << u".items[*].name"_qs << uR"(["a","b","c"])"_qs;
    QTest::newRow("slice") << u".items[0:2].name"_qs << uR"(["a","b"])"_qs;
    QTest::newRow("quoted-key-with-dots") << u".metadata.labels['app.kubernetes.io/name']"_qs << uR"(["web"])"_qs;
    QTest::newRow("filter-equals") << uR"(.status.conditions[?(@.type=="Ready")].status)"_qs << uR"(["True"])"_qs;
    QTest::newRow("filter-single-quotes") << uR"(.status.conditions[?(@.type == 'Synced')].reason)"_qs << uR"(["Done"])"_qs;
    QTest::newRow("filter-number") << u".items[?(@.n > 1)].name"_qs << uR"(["b","c"])"_qs;
    QTest::newRow("filter-exists") << u".status.conditions[?(@.reason)].type"_qs << uR"(["Synced"])"_qs;
    QTest::newRow("recursive-descent") << u"..reason"_qs << uR"(["Done"])"_qs;
    QTest::newRow("unterminated-bracket") << u".items[0"_qs << u"invalid"_qs;
    QTest::newRow("bad-filter-operator") << u".items[?(@.n =~ 1)]"_qs << u"invalid"_qs;
}

void tst_TableBytes::jsonPath()
{
    QFETCH(QString, path);
    QFETCH(QString, expected);
    const QJsonObject doc = json(R"({"spec":{"replicas":3,"name":"n"},"metadata":{"labels":{"app.kubernetes.io/name":"web"}},
        "items":[{"name":"a","n":1},{"name":"b","n":2},{"name":"c","n":3}],
        "status":{"conditions":[{"type":"Ready","status":"True"},{"type":"Synced","status":"False","reason":"Done"}]}})");
    bool ok = false;
    const QList<QJsonValue> result = printers::evaluateJsonPath(doc, path, &ok);
    if (expected == u"invalid") {
        QVERIFY(!ok);
        return;
    }
    QVERIFY(ok);
    QJsonArray array;
    for (const QJsonValue &v : result)
        array.append(v);
    QCOMPARE(compact(array), expected);
    QCOMPARE(printers::jsonPathText(QJsonValue(2.5e-7)), u"2.5e-07"_qs);
    QCOMPARE(printers::jsonPathText(QJsonValue(1234567.5)), u"1.2345675e+06"_qs);
    QCOMPARE(printers::jsonPathText(QJsonValue(42)), u"42"_qs);
}


void tst_TableBytes::tableJsonListMeta()
{
    const KindInfoPtr kind = builtinKind({}, u"v1"_qs, u"Pod"_qs);
    const QByteArray withMeta = printTableJson(*kind, {}, {now}, {u"42"_qs, u"next\"page"_qs});
    const QJsonObject table = QJsonDocument::fromJson(withMeta).object();
    QCOMPARE(table.value(u"metadata").toObject(), json("{\"resourceVersion\":\"42\",\"continue\":\"next\\\"page\"}"));
    QVERIFY(withMeta.startsWith(R"({"kind":"Table","apiVersion":"meta.k8s.io/v1","metadata":{"resourceVersion":"42")"));
    QCOMPARE(QJsonDocument::fromJson(printTableJson(*kind, {}, {now}, {{}, u"c"_qs})).object().value(u"metadata").toObject(),
             json(R"({"continue":"c"})"));
    QCOMPARE(QJsonDocument::fromJson(printTableJson(*kind, {}, {now})).object().value(u"metadata").toObject(), QJsonObject());
}

void tst_TableBytes::rowObjectEmbedsStoredBytes()
{
    // An object whose metadata holds braces, brackets and escaped quotes in strings, and whose
    // later members must not leak into the PartialObjectMetadata.
    const Expected<Object> object = Object::parse(
        R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","namespace":"n","creationTimestamp":"2014-12-31T23:55:00Z",)"
        "\"annotations\":{\"note\":\"a \\\"}{][\\\" b\\\\\"}},\"data\":{\"metadata\":\"not this\"}}");
    QVERIFY(object.ok());
    const KindInfoPtr kind = builtinKind({}, u"v1"_qs, u"ConfigMap"_qs);
    const QByteArray full = printTableJson(*kind, {*object}, {now, true, TableIncludeObject::Object});
    QVERIFY(full.contains(R"(,"object":)" + object->json() + "}]}"));
    const QByteArray partial = printTableJson(*kind, {*object}, {now, true, TableIncludeObject::Metadata});
    const QJsonObject row = QJsonDocument::fromJson(partial).object().value(u"rows").toArray().at(0).toObject();
    QCOMPARE(row.value(u"object").toObject(),
             QJsonObject({{u"kind"_qs, u"PartialObjectMetadata"_qs},
                          {u"apiVersion"_qs, u"meta.k8s.io/v1"_qs},
                          {u"metadata"_qs, object->toJson().value(u"metadata")}}));
    QCOMPARE(compact(row.value(u"cells").toArray()), uR"(["c",1,"5m"])"_qs);

    // A metadata key written with an escape is still found (through a tree).
    const Expected<Object> escaped = Object::parse("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"\\u006detadata\":{\"name\":\"e\"}}");
    QVERIFY(escaped.ok());
    const QJsonObject escapedRow = QJsonDocument::fromJson(printTableJson(*kind, {*escaped}, {now})).object().value(u"rows").toArray().at(0).toObject();
    QCOMPARE(escapedRow.value(u"object").toObject().value(u"metadata").toObject(), json(R"({"name":"e"})"));
}

void tst_TableBytes::podTableBytesMatchTree()
{
    // The bytes printTableJson writes for pods in every state parse to the cells tableRowCells
    // gives, with conditions only on completed pods.
    const KindInfoPtr kind = builtinKind({}, u"v1"_qs, u"Pod"_qs);
    QList<Object> pods;
    pods.append(Object::fromJson(objectOf(*kind, pod({u"a"_qs, u"b"_qs}, json(R"({"phase":"Running","podIP":"10.0.0.1",
        "containerStatuses":[{"name":"a","ready":true,"restartCount":2,"state":{"running":{}},
          "lastState":{"terminated":{"exitCode":1,"finishedAt":"2014-12-31T23:00:00Z"}}},
          {"name":"b","ready":false,"restartCount":0,"state":{"waiting":{"reason":"CrashLoopBackOff"}}}]})")), u"p1"_qs)));
    pods.append(Object::fromJson(objectOf(*kind, pod({u"a"_qs}, json(R"({"phase":"Succeeded"})")), u"p2"_qs)));
    pods.append(Object::fromJson(objectOf(*kind, pod({u"a"_qs}, json(R"({"phase":"Pending",
        "initContainerStatuses":[{"name":"init","state":{"waiting":{"reason":"PodInitializing"}}}]})"), jsonArray(R"([{"name":"init"}])")), u"p3"_qs)));
    const QJsonObject table = QJsonDocument::fromJson(printTableJson(*kind, pods, {now})).object();
    const QJsonArray rows = table.value(u"rows").toArray();
    QCOMPARE(rows.size(), pods.size());
    for (qsizetype i = 0; i < pods.size(); ++i)
        QCOMPARE(rows.at(i).toObject().value(u"cells").toArray(), tableRowCells(*kind, pods.at(i), now));
    QCOMPARE(compact(rows.at(0).toObject().value(u"cells").toArray()),
             uR"x(["p1","1/2","CrashLoopBackOff","2 (60m ago)","5m","10.0.0.1","<none>","<none>","<none>"])x"_qs);
    QVERIFY(!rows.at(0).toObject().contains(u"conditions"));
    QVERIFY(rows.at(1).toObject().contains(u"conditions"));
    QCOMPARE(rows.at(2).toObject().value(u"cells").toArray().at(2).toString(), u"Init:0/1"_qs);
}

void tst_TableBytes::topLevelMember_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("object") << QByteArray(R"({"a":1,"metadata":{"x":[1,{"y":"}"}]},"b":2})") << QByteArray("metadata")
                            << QByteArray(R"({"x":[1,{"y":"}"}]})");
    QTest::newRow("first") << QByteArray(R"({"metadata":{},"b":2})") << QByteArray("metadata") << QByteArray("{}");
    QTest::newRow("last-scalar") << QByteArray(R"({"a":"x","n":-1.5e3})") << QByteArray("n") << QByteArray("-1.5e3");
    QTest::newRow("escaped-quotes") << QByteArray("{\"a\":\"q\\\"\\\\\",\"m\":\"v\\\\\\\"}\"}") << QByteArray("m")
                                    << QByteArray("\"v\\\\\\\"}\"");
    QTest::newRow("nested-only") << QByteArray(R"({"spec":{"metadata":{}}})") << QByteArray("metadata") << QByteArray();
    QTest::newRow("absent") << QByteArray(R"({"a":true})") << QByteArray("metadata") << QByteArray();
    QTest::newRow("not-an-object") << QByteArray("[1]") << QByteArray("metadata") << QByteArray();
    QTest::newRow("truncated") << QByteArray(R"({"metadata":{"a":)") << QByteArray("metadata") << QByteArray();
}

void tst_TableBytes::topLevelMember()
{
    QFETCH(QByteArray, json);
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, expected);
    QCOMPARE(printers::topLevelMember(json, key).toByteArray(), expected);
}

void tst_TableBytes::jsonValueBytes()
{
    // As QJsonDocument::Compact writes them.
    const QJsonArray values = jsonArray("[\"a\\\"b\\n\\u00e9\",1,-7,0.5,1e300,true,false,null,{\"b\":1,\"a\":[2]}]");
    QByteArray out;
    printers::appendJsonValue(out, values);
    QCOMPARE(out, QJsonDocument(values).toJson(QJsonDocument::Compact));
}

QTEST_GUILESS_MAIN(tst_TableBytes)
#include "tst_tablebytes.moc"
