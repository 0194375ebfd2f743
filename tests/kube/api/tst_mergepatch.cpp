#include "kube/api/mergepatch.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace kube;

namespace {

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

class tst_MergePatch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void merges_data();
    void merges();
    void request_data();
    void request();
    void leavesInputsAlone();
};

void tst_MergePatch::merges_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<QByteArray>("expected");

    // RFC 7386 Appendix A, every example
    QTest::newRow("rfc-replace-member") << QByteArray(R"({"a":"b"})") << QByteArray(R"({"a":"c"})") << QByteArray(R"({"a":"c"})");
    QTest::newRow("rfc-add-member") << QByteArray(R"({"a":"b"})") << QByteArray(R"({"b":"c"})") << QByteArray(R"({"a":"b","b":"c"})");
    QTest::newRow("rfc-null-deletes") << QByteArray(R"({"a":"b"})") << QByteArray(R"({"a":null})") << QByteArray(R"({})");
    QTest::newRow("rfc-null-deletes-one-of-two") << QByteArray(R"({"a":"b","b":"c"})") << QByteArray(R"({"a":null})") << QByteArray(R"({"b":"c"})");
    QTest::newRow("rfc-scalar-replaces-array") << QByteArray(R"({"a":["b"]})") << QByteArray(R"({"a":"c"})") << QByteArray(R"({"a":"c"})");
    QTest::newRow("rfc-array-replaces-scalar") << QByteArray(R"({"a":"c"})") << QByteArray(R"({"a":["b"]})") << QByteArray(R"({"a":["b"]})");
    QTest::newRow("rfc-nested-merge-and-delete") << QByteArray(R"({"a":{"b":"c"}})") << QByteArray(R"({"a":{"b":"d","c":null}})") << QByteArray(R"({"a":{"b":"d"}})");
    QTest::newRow("rfc-array-replaces-array") << QByteArray(R"({"a":[{"b":"c"}]})") << QByteArray(R"({"a":[1]})") << QByteArray(R"({"a":[1]})");
    QTest::newRow("rfc-top-level-arrays") << QByteArray(R"(["a","b"])") << QByteArray(R"(["c","d"])") << QByteArray(R"(["c","d"])");
    QTest::newRow("rfc-array-replaces-object") << QByteArray(R"({"a":"b"})") << QByteArray(R"(["c"])") << QByteArray(R"(["c"])");
    QTest::newRow("rfc-null-patch") << QByteArray(R"({"a":"foo"})") << QByteArray("null") << QByteArray("null");
    QTest::newRow("rfc-string-patch") << QByteArray(R"({"a":"foo"})") << QByteArray(R"("bar")") << QByteArray(R"("bar")");
    QTest::newRow("rfc-target-null-kept") << QByteArray(R"({"e":null})") << QByteArray(R"({"a":1})") << QByteArray(R"({"a":1,"e":null})");
    QTest::newRow("rfc-object-replaces-array-nulls-pruned") << QByteArray("[1,2]") << QByteArray(R"({"a":"b","c":null})") << QByteArray(R"({"a":"b"})");
    QTest::newRow("rfc-new-object-nulls-pruned") << QByteArray("{}") << QByteArray(R"({"a":{"bb":{"ccc":null}}})") << QByteArray(R"({"a":{"bb":{}}})");

    // Upstream library details
    QTest::newRow("delete-missing-member-is-noop") << QByteArray(R"({"a":1})") << QByteArray(R"({"b":null})") << QByteArray(R"({"a":1})");
    QTest::newRow("object-over-null-member") << QByteArray(R"({"a":null})") << QByteArray(R"({"a":{"b":1,"c":null}})") << QByteArray(R"({"a":{"b":1}})");
    QTest::newRow("nulls-pruned-in-objects-inside-new-arrays") << QByteArray(R"({})") << QByteArray(R"({"a":[{"b":null,"c":1}]})") << QByteArray(R"({"a":[{"c":1}]})");
    QTest::newRow("null-array-elements-stay") << QByteArray(R"({})") << QByteArray(R"({"a":[null,1]})") << QByteArray(R"({"a":[null,1]})");
    QTest::newRow("empty-patch") << QByteArray(R"({"a":{"b":1}})") << QByteArray("{}") << QByteArray(R"({"a":{"b":1}})");
    QTest::newRow("empty-object-merges-nothing") << QByteArray(R"({"a":{"b":1}})") << QByteArray(R"({"a":{}})") << QByteArray(R"({"a":{"b":1}})");
    QTest::newRow("deep-merge") << QByteArray(R"({"a":{"b":{"c":{"d":1,"e":2}}}})") << QByteArray(R"({"a":{"b":{"c":{"e":3,"f":4}}}})")
        << QByteArray(R"({"a":{"b":{"c":{"d":1,"e":3,"f":4}}}})");

    // What kubectl sends as merge patches
    QTest::newRow("kubectl-scale-subresource") << QByteArray(R"({"spec":{"replicas":1},"status":{"replicas":1}})")
        << QByteArray(R"({"spec":{"replicas":3}})") << QByteArray(R"({"spec":{"replicas":3},"status":{"replicas":1}})");
    QTest::newRow("kubectl-label-add") << QByteArray(R"({"metadata":{"name":"web","labels":{"app":"web"}}})")
        << QByteArray(R"({"metadata":{"labels":{"tier":"frontend"}}})")
        << QByteArray(R"({"metadata":{"labels":{"app":"web","tier":"frontend"},"name":"web"}})");
    QTest::newRow("kubectl-label-remove") << QByteArray(R"({"metadata":{"labels":{"app":"web","tier":"frontend"}}})")
        << QByteArray(R"({"metadata":{"labels":{"tier":null}}})") << QByteArray(R"({"metadata":{"labels":{"app":"web"}}})");
    QTest::newRow("kubectl-label-overwrite-with-resource-version") << QByteArray(R"({"metadata":{"labels":{"app":"web"},"resourceVersion":"7"}})")
        << QByteArray(R"({"metadata":{"labels":{"app":"api"},"resourceVersion":"7"}})")
        << QByteArray(R"({"metadata":{"labels":{"app":"api"},"resourceVersion":"7"}})");
    QTest::newRow("kubectl-annotate-first-annotation") << QByteArray(R"({"metadata":{"name":"web"}})")
        << QByteArray(R"({"metadata":{"annotations":{"owner":"team-a"}}})")
        << QByteArray(R"({"metadata":{"annotations":{"owner":"team-a"},"name":"web"}})");
    QTest::newRow("containers-list-replaced-wholesale") << QByteArray(R"({"spec":{"containers":[{"name":"a","image":"x"},{"name":"b","image":"y"}]}})")
        << QByteArray(R"({"spec":{"containers":[{"name":"a","image":"z"}]}})") << QByteArray(R"({"spec":{"containers":[{"image":"z","name":"a"}]}})");
    QTest::newRow("custom-resource-spec") << QByteArray(R"({"spec":{"size":1,"config":{"debug":true,"level":2}}})")
        << QByteArray(R"({"spec":{"size":2,"config":{"debug":null}}})") << QByteArray(R"({"spec":{"config":{"level":2},"size":2}})");
}

void tst_MergePatch::merges()
{
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, patch);
    QFETCH(QByteArray, expected);
    QCOMPARE(compact(mergePatch(json(target), json(patch))), compact(json(expected)));
}

void tst_MergePatch::request_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("code");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("object") << QByteArray(R"({"b":2})") << 200 << QByteArray(R"({"a":1,"b":2})");
    QTest::newRow("null-body") << QByteArray("null") << 400 << QByteArray();
    QTest::newRow("array-body") << QByteArray("[1]") << 400 << QByteArray();
    QTest::newRow("not-json") << QByteArray("{\"b\":") << 400 << QByteArray();
}

void tst_MergePatch::request()
{
    QFETCH(QByteArray, body);
    QFETCH(int, code);
    QFETCH(QByteArray, expected);
    const Expected<QJsonObject> result = applyMergePatch(QJsonObject{{u"a"_qs, 1}}, body);
    if (code == 200) {
        QVERIFY(result.ok());
        QCOMPARE(compact(*result), compact(json(expected)));
        return;
    }
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code(), code);
    QCOMPARE(result.error().reason(), u"BadRequest"_qs);
    QCOMPARE(result.error().message(), u"Invalid JSON Patch"_qs);
}

void tst_MergePatch::leavesInputsAlone()
{
    const QJsonObject original = json(R"({"a":{"b":1,"c":2}})").toObject();
    const QJsonObject patch = json(R"({"a":{"b":null,"d":3}})").toObject();
    const QByteArray before = compact(original);
    const Expected<QJsonObject> result = applyMergePatch(original, QJsonValue(patch));
    QVERIFY(result.ok());
    QCOMPARE(compact(*result), QByteArray(R"({"a":{"c":2,"d":3}})"));
    QCOMPARE(compact(original), before);
}

QTEST_GUILESS_MAIN(tst_MergePatch)
#include "tst_mergepatch.moc"
