#include "kube/api/jsonpatch.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace kube;

namespace {

// Any JSON value from text (QJsonDocument alone reads only objects and arrays).
QJsonValue json(const QByteArray &text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson("[" + text + "]", &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s in %s", qPrintable(error.errorString()), text.constData());
    return doc.array().first();
}

QByteArray compact(const QJsonValue &v)
{
    return QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact).chopped(1).mid(1);
}

} // namespace

class tst_JsonPatch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void applies_data();
    void applies();
    void rejects_data();
    void rejects();
    void parse_data();
    void parse();
    void tooManyOperations();
    void copiesAreCapped();
    void wholeRequestNeedsAnObject();
    void largeArrayAppendsStayFast();
};

void tst_JsonPatch::applies_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<QByteArray>("expected");

    // RFC 6902 Appendix A
    QTest::newRow("rfc-a1-add-object-member") << QByteArray(R"({"foo":"bar"})")
        << QByteArray(R"([{"op":"add","path":"/baz","value":"qux"}])") << QByteArray(R"({"baz":"qux","foo":"bar"})");
    QTest::newRow("rfc-a2-add-array-element") << QByteArray(R"({"foo":["bar","baz"]})")
        << QByteArray(R"([{"op":"add","path":"/foo/1","value":"qux"}])") << QByteArray(R"({"foo":["bar","qux","baz"]})");
    QTest::newRow("rfc-a3-remove-object-member") << QByteArray(R"({"baz":"qux","foo":"bar"})")
        << QByteArray(R"([{"op":"remove","path":"/baz"}])") << QByteArray(R"({"foo":"bar"})");
    QTest::newRow("rfc-a4-remove-array-element") << QByteArray(R"({"foo":["bar","qux","baz"]})")
        << QByteArray(R"([{"op":"remove","path":"/foo/1"}])") << QByteArray(R"({"foo":["bar","baz"]})");
    QTest::newRow("rfc-a5-replace-value") << QByteArray(R"({"baz":"qux","foo":"bar"})")
        << QByteArray(R"([{"op":"replace","path":"/baz","value":"boo"}])") << QByteArray(R"({"baz":"boo","foo":"bar"})");
    QTest::newRow("rfc-a6-move-value") << QByteArray(R"({"foo":{"bar":"baz","waldo":"fred"},"qux":{"corge":"grault"}})")
        << QByteArray(R"([{"op":"move","from":"/foo/waldo","path":"/qux/thud"}])")
        << QByteArray(R"({"foo":{"bar":"baz"},"qux":{"corge":"grault","thud":"fred"}})");
    QTest::newRow("rfc-a7-move-array-element") << QByteArray(R"({"foo":["all","grass","cows","eat"]})")
        << QByteArray(R"([{"op":"move","from":"/foo/1","path":"/foo/3"}])") << QByteArray(R"({"foo":["all","cows","eat","grass"]})");
    QTest::newRow("rfc-a8-test-success") << QByteArray(R"({"baz":"qux","foo":["a",2,"c"]})")
        << QByteArray(R"([{"op":"test","path":"/baz","value":"qux"},{"op":"test","path":"/foo/1","value":2}])")
        << QByteArray(R"({"baz":"qux","foo":["a",2,"c"]})");
    QTest::newRow("rfc-a10-add-nested-member-object") << QByteArray(R"({"foo":"bar"})")
        << QByteArray(R"([{"op":"add","path":"/child","value":{"grandchild":{}}}])")
        << QByteArray(R"({"foo":"bar","child":{"grandchild":{}}})");
    QTest::newRow("rfc-a11-ignores-unrecognized-elements") << QByteArray(R"({"foo":"bar"})")
        << QByteArray(R"([{"op":"add","path":"/baz","value":"qux","xyz":123}])") << QByteArray(R"({"foo":"bar","baz":"qux"})");
    QTest::newRow("rfc-a14-escape-ordering") << QByteArray(R"({"/":9,"~1":10})")
        << QByteArray(R"([{"op":"test","path":"/~01","value":10}])") << QByteArray(R"({"/":9,"~1":10})");
    QTest::newRow("rfc-a16-add-array-value") << QByteArray(R"({"foo":["bar"]})")
        << QByteArray(R"([{"op":"add","path":"/foo/-","value":["abc","def"]}])") << QByteArray(R"({"foo":["bar",["abc","def"]]})");

    // More of RFC 6902 and what upstream's library does beyond it
    QTest::newRow("add-replaces-existing-member") << QByteArray(R"({"a":1})")
        << QByteArray(R"([{"op":"add","path":"/a","value":2}])") << QByteArray(R"({"a":2})");
    QTest::newRow("add-at-array-end-index") << QByteArray(R"({"a":[1,2]})")
        << QByteArray(R"([{"op":"add","path":"/a/2","value":3}])") << QByteArray(R"({"a":[1,2,3]})");
    QTest::newRow("add-negative-index-counts-from-end") << QByteArray(R"({"a":[1,2]})")
        << QByteArray(R"([{"op":"add","path":"/a/-1","value":9}])") << QByteArray(R"({"a":[1,2,9]})");
    QTest::newRow("remove-negative-index") << QByteArray(R"({"a":[1,2,3]})")
        << QByteArray(R"([{"op":"remove","path":"/a/-1"}])") << QByteArray(R"({"a":[1,2]})");
    QTest::newRow("add-null-value") << QByteArray(R"({})")
        << QByteArray(R"([{"op":"add","path":"/a","value":null}])") << QByteArray(R"({"a":null})");
    QTest::newRow("replace-array-element") << QByteArray(R"({"a":[1,2]})")
        << QByteArray(R"([{"op":"replace","path":"/a/0","value":"x"}])") << QByteArray(R"({"a":["x",2]})");
    QTest::newRow("replace-root") << QByteArray(R"({"a":1})")
        << QByteArray(R"([{"op":"replace","path":"","value":{"b":2}}])") << QByteArray(R"({"b":2})");
    QTest::newRow("copy-object") << QByteArray(R"({"a":{"x":[1]}})")
        << QByteArray(R"([{"op":"copy","from":"/a","path":"/b"}])") << QByteArray(R"({"a":{"x":[1]},"b":{"x":[1]}})");
    QTest::newRow("copy-into-array") << QByteArray(R"({"a":[1,2],"v":"x"})")
        << QByteArray(R"([{"op":"copy","from":"/v","path":"/a/0"}])") << QByteArray(R"({"a":["x",1,2],"v":"x"})");
    QTest::newRow("move-to-same-place-is-noop") << QByteArray(R"({"a":1})")
        << QByteArray(R"([{"op":"move","from":"/a","path":"/a"}])") << QByteArray(R"({"a":1})");
    QTest::newRow("test-objects-ignore-member-order") << QByteArray(R"({"a":{"x":1,"y":2}})")
        << QByteArray(R"([{"op":"test","path":"/a","value":{"y":2,"x":1}}])") << QByteArray(R"({"a":{"x":1,"y":2}})");
    QTest::newRow("test-missing-member-equals-null") << QByteArray(R"({})")
        << QByteArray(R"([{"op":"test","path":"/nope","value":null}])") << QByteArray(R"({})");
    QTest::newRow("operations-apply-in-order") << QByteArray(R"({})")
        << QByteArray(R"([{"op":"add","path":"/a","value":[]},{"op":"add","path":"/a/-","value":1},{"op":"add","path":"/a/0","value":0},{"op":"move","from":"/a","path":"/b"}])")
        << QByteArray(R"({"b":[0,1]})");
    QTest::newRow("empty-patch") << QByteArray(R"({"a":1})") << QByteArray("[]") << QByteArray(R"({"a":1})");

    // What kubectl and controllers send
    QTest::newRow("kubectl-patch-type-json-replicas") << QByteArray(R"({"spec":{"replicas":1,"template":{}}})")
        << QByteArray(R"([{"op":"test","path":"/spec/replicas","value":1},{"op":"replace","path":"/spec/replicas","value":3}])")
        << QByteArray(R"({"spec":{"replicas":3,"template":{}}})");
    QTest::newRow("annotation-key-with-slash-escaped") << QByteArray(R"({"metadata":{"annotations":{}}})")
        << QByteArray(R"([{"op":"add","path":"/metadata/annotations/kubectl.kubernetes.io~1restartedAt","value":"2026-01-01T00:00:00Z"}])")
        << QByteArray(R"({"metadata":{"annotations":{"kubectl.kubernetes.io/restartedAt":"2026-01-01T00:00:00Z"}}})");
    QTest::newRow("remove-finalizer-by-index") << QByteArray(R"({"metadata":{"finalizers":["a","b"]}})")
        << QByteArray(R"([{"op":"remove","path":"/metadata/finalizers/0"}])") << QByteArray(R"({"metadata":{"finalizers":["b"]}})");
    QTest::newRow("container-image-by-index") << QByteArray(R"({"spec":{"containers":[{"name":"a","image":"x"},{"name":"b","image":"y"}]}})")
        << QByteArray(R"([{"op":"replace","path":"/spec/containers/1/image","value":"z"}])")
        << QByteArray(R"({"spec":{"containers":[{"name":"a","image":"x"},{"name":"b","image":"z"}]}})");
}

void tst_JsonPatch::applies()
{
    QFETCH(QByteArray, document);
    QFETCH(QByteArray, patch);
    QFETCH(QByteArray, expected);
    QString why;
    const Expected<QJsonValue> result = applyJsonPatch(json(document), json(patch).toArray(), {}, &why);
    QVERIFY2(result.ok(), qPrintable(result.error().message() + u" / "_qs + why));
    QCOMPARE(compact(*result), compact(json(expected)));
}

void tst_JsonPatch::rejects_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<QString>("why");

    QTest::newRow("rfc-a9-test-fails") << QByteArray(R"({"baz":"qux"})")
        << QByteArray(R"([{"op":"test","path":"/baz","value":"bar"}])") << u"testing value /baz failed: test failed"_qs;
    QTest::newRow("rfc-a12-add-to-nonexistent-target") << QByteArray(R"({"foo":"bar"})")
        << QByteArray(R"([{"op":"add","path":"/baz/bat","value":"qux"}])")
        << u"add operation does not apply: doc is missing path: \"/baz/bat\": missing value"_qs;
    QTest::newRow("rfc-a15-string-is-not-number") << QByteArray(R"({"/":9,"~1":10})")
        << QByteArray(R"([{"op":"test","path":"/~01","value":"10"}])") << u"testing value /~01 failed: test failed"_qs;
    QTest::newRow("remove-nonexistent-key") << QByteArray(R"({"a":1})")
        << QByteArray(R"([{"op":"remove","path":"/b"}])")
        << u"error in remove for path: '/b': Unable to remove nonexistent key: b: missing value"_qs;
    QTest::newRow("remove-below-missing-parent") << QByteArray(R"({"a":1})")
        << QByteArray(R"([{"op":"remove","path":"/b/c"}])")
        << u"remove operation does not apply: doc is missing path: \"/b/c\": missing value"_qs;
    QTest::newRow("remove-index-out-of-range") << QByteArray(R"({"a":[1]})")
        << QByteArray(R"([{"op":"remove","path":"/a/5"}])")
        << u"error in remove for path: '/a/5': Unable to access invalid index: 5: invalid index referenced"_qs;
    QTest::newRow("add-index-past-end") << QByteArray(R"({"a":[1]})")
        << QByteArray(R"([{"op":"add","path":"/a/3","value":0}])")
        << u"error in add for path: '/a/3': Unable to access invalid index: 3: invalid index referenced"_qs;
    QTest::newRow("replace-missing-key") << QByteArray(R"({"a":1})")
        << QByteArray(R"([{"op":"replace","path":"/b","value":2}])")
        << u"replace operation does not apply: doc is missing key: /b: missing value"_qs;
    QTest::newRow("move-from-missing") << QByteArray(R"({"a":1})")
        << QByteArray(R"([{"op":"move","from":"/x","path":"/y"}])")
        << u"move operation does not apply: doc is missing from path: /x: missing value"_qs;
    QTest::newRow("move-into-own-child") << QByteArray(R"({"a":{"b":1}})")
        << QByteArray(R"([{"op":"move","from":"/a","path":"/a/b/c"}])")
        << u"move operation does not apply: \"from\" /a is a prefix of \"path\" /a/b/c"_qs;
    QTest::newRow("copy-from-missing") << QByteArray(R"({"a":1})")
        << QByteArray(R"([{"op":"copy","from":"/x","path":"/y"}])")
        << u"copy operation does not apply: doc is missing from path: /x: missing value"_qs;
    QTest::newRow("unknown-op") << QByteArray(R"({})")
        << QByteArray(R"([{"op":"frobnicate","path":"/a"}])") << u"Unexpected kind: frobnicate"_qs;
    QTest::newRow("missing-op") << QByteArray(R"({})")
        << QByteArray(R"([{"path":"/a"}])") << u"Unexpected kind: unknown"_qs;
    QTest::newRow("missing-path") << QByteArray(R"({})")
        << QByteArray(R"([{"op":"add","value":1}])") << u"add operation failed to decode path: missing value"_qs;
    QTest::newRow("missing-value") << QByteArray(R"({})")
        << QByteArray(R"([{"op":"add","path":"/a"}])") << u"add operation failed to decode value: missing value"_qs;
    QTest::newRow("pointer-without-leading-slash") << QByteArray(R"({"a":1})")
        << QByteArray(R"([{"op":"add","path":"a","value":1}])")
        << u"add operation does not apply: doc is missing path: \"a\": missing value"_qs;
    QTest::newRow("test-below-missing-parent") << QByteArray(R"({})")
        << QByteArray(R"([{"op":"test","path":"/a/b","value":null}])")
        << u"test operation does not apply: is missing path: /a/b: missing value"_qs;
    QTest::newRow("failed-test-aborts-whole-patch") << QByteArray(R"({"spec":{"replicas":2}})")
        << QByteArray(R"([{"op":"replace","path":"/spec/replicas","value":5},{"op":"test","path":"/spec/replicas","value":2}])")
        << u"testing value /spec/replicas failed: test failed"_qs;
}

void tst_JsonPatch::rejects()
{
    QFETCH(QByteArray, document);
    QFETCH(QByteArray, patch);
    QFETCH(QString, why);
    QString actualWhy;
    const Expected<QJsonValue> result = applyJsonPatch(json(document), json(patch).toArray(), {}, &actualWhy);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code(), 422);
    QCOMPARE(result.error().reason(), u"Invalid"_qs);
    QCOMPARE(result.error().message(), u"the server rejected our request due to an error in our request"_qs);
    QCOMPARE(actualWhy, why);
}

void tst_JsonPatch::parse_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("operations");

    QTest::newRow("array-of-operations") << QByteArray(R"([{"op":"remove","path":"/a"}])") << 200 << QString() << 1;
    QTest::newRow("null-is-empty") << QByteArray("null") << 200 << QString() << 0;
    QTest::newRow("object-is-not-a-patch") << QByteArray(R"({"op":"add"})") << 400
        << u"json: cannot unmarshal object into Go value of type jsonpatch.Patch"_qs << 0;
    QTest::newRow("string-operation") << QByteArray(R"(["add"])") << 400
        << u"json: cannot unmarshal string into Go value of type jsonpatch.Operation"_qs << 0;
    QTest::newRow("not-json") << QByteArray("[{") << 400 << QString() << 0;
}

void tst_JsonPatch::parse()
{
    QFETCH(QByteArray, body);
    QFETCH(int, code);
    QFETCH(QString, message);
    QFETCH(int, operations);
    const Expected<QJsonArray> ops = parseJsonPatch(body);
    if (code == 200) {
        QVERIFY(ops.ok());
        QCOMPARE(ops->size(), operations);
        return;
    }
    QVERIFY(!ops.ok());
    QCOMPARE(ops.error().code(), code);
    QCOMPARE(ops.error().reason(), u"BadRequest"_qs);
    if (!message.isEmpty())
        QCOMPARE(ops.error().message(), message);
}

void tst_JsonPatch::tooManyOperations()
{
    QByteArray body = "[";
    for (int i = 0; i < 10001; ++i)
        body += QByteArray(i ? "," : "") + R"({"op":"test","path":"/a","value":1})";
    body += "]";
    const Expected<QJsonArray> ops = parseJsonPatch(body);
    QVERIFY(!ops.ok());
    QCOMPARE(ops.error().code(), 413);
    QCOMPARE(ops.error().reason(), u"RequestEntityTooLarge"_qs);
    QCOMPARE(ops.error().message(),
             u"Request entity too large: The allowed maximum operations in a JSON patch is 10000, got 10001"_qs);

    JsonPatchOptions loose;
    loose.maxOperations = 20000;
    QVERIFY(parseJsonPatch(body, loose).ok());
}

void tst_JsonPatch::copiesAreCapped()
{
    // Each copy doubles the document: 24 rounds of a 1 KiB string would need 16 GiB.
    QJsonObject doc{{u"a"_qs, QJsonArray{QString(1024, u'x')}}};
    QJsonArray ops;
    for (int i = 0; i < 24; ++i)
        ops.append(QJsonObject{{u"op"_qs, u"copy"_qs}, {u"from"_qs, u"/a"_qs}, {u"path"_qs, u"/a/-"_qs}});
    // A copy appends the whole list to itself, so it grows: cap it small to keep the test quick.
    JsonPatchOptions options;
    options.maxCopyBytes = 64 * 1024;
    QString why;
    const Expected<QJsonValue> result = applyJsonPatch(doc, ops, options, &why);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code(), 422);
    QVERIFY2(why.startsWith(u"Unable to complete the copy, the accumulated size increase of copy is "_qs), qPrintable(why));
    QVERIFY(why.endsWith(u", exceeding the limit 65536"_qs));

    // Small copies under the default cap go through.
    QVERIFY(applyJsonPatch(doc, QJsonArray{ops.first(), ops.first()}).ok());
}

void tst_JsonPatch::wholeRequestNeedsAnObject()
{
    const QJsonObject doc{{u"a"_qs, 1}};
    const Expected<QJsonObject> ok = applyJsonPatch(doc, QByteArray(R"([{"op":"add","path":"/b","value":2}])"));
    QVERIFY(ok.ok());
    QCOMPARE(ok->value(u"b"), QJsonValue(2));

    QString why;
    const Expected<QJsonObject> rootArray = applyJsonPatch(doc, QByteArray(R"([{"op":"replace","path":"","value":[1]}])"), {}, &why);
    QVERIFY(!rootArray.ok());
    QCOMPARE(rootArray.error().code(), 422);

    const Expected<QJsonObject> badBody = applyJsonPatch(doc, QByteArray("{"));
    QVERIFY(!badBody.ok());
    QCOMPARE(badBody.error().code(), 400);
}

void tst_JsonPatch::largeArrayAppendsStayFast()
{
    // 10,000 appends to one list: each rebuild touches only the path, not the whole document.
    QJsonObject doc{{u"spec"_qs, QJsonObject{{u"items"_qs, QJsonArray()}}}};
    QJsonArray ops;
    for (int i = 0; i < 10000; ++i)
        ops.append(QJsonObject{{u"op"_qs, u"add"_qs}, {u"path"_qs, u"/spec/items/-"_qs}, {u"value"_qs, i}});
    const Expected<QJsonValue> result = applyJsonPatch(doc, ops);
    QVERIFY(result.ok());
    const QJsonArray items = result->toObject().value(u"spec").toObject().value(u"items").toArray();
    QCOMPARE(items.size(), 10000);
    QCOMPARE(items.last().toInt(), 9999);
}

QTEST_GUILESS_MAIN(tst_JsonPatch)
#include "tst_jsonpatch.moc"
