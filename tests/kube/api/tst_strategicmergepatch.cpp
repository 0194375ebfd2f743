#include "kube/api/patchtype.h"
#include "kube/api/strategicmergepatch.h"
#include "kube/api/typeregistry.h"
#include "tests/support/testpaths.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace kube;

namespace {

// The cases live in tests/data/patch/strategicmergepatch.json (see its "about").
QJsonArray cases()
{
    QFile file(timonel::test::dataPath(u"patch/strategicmergepatch.json"_qs));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    return QJsonDocument::fromJson(file.readAll()).object().value(u"cases").toArray();
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// Lists compare in order, objects by content: QJsonObject keeps keys sorted, so compact text
// is a faithful comparison.
QByteArray pretty(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

} // namespace

class tst_StrategicMergePatch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void applies_data();
    void applies();
    void fails_data();
    void fails();
    void leavesInputsAlone();
    void requestBody_data();
    void requestBody();
    void bigListsStayLinear();
    void patchTypes_data();
    void patchTypes();
    void customResourcesRefuseStrategicMerge();
};

void tst_StrategicMergePatch::applies_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QJsonObject>("original");
    QTest::addColumn<QJsonObject>("patch");
    QTest::addColumn<QJsonObject>("expected");
    for (const QJsonValue &v : cases()) {
        const QJsonObject c = v.toObject();
        if (c.contains(u"error"))
            continue;
        QTest::newRow(qPrintable(c.value(u"name").toString()))
            << c.value(u"type").toString() << c.value(u"original").toObject() << c.value(u"patch").toObject()
            << c.value(u"expected").toObject();
    }
}

void tst_StrategicMergePatch::applies()
{
    QFETCH(QString, type);
    QFETCH(QJsonObject, original);
    QFETCH(QJsonObject, patch);
    QFETCH(QJsonObject, expected);
    const Expected<QJsonObject> result = applyStrategicMergePatch(original, patch, TypeRegistry::builtin(), type);
    QVERIFY2(result.ok(), qPrintable(result.error().message()));
    if (compact(*result) != compact(expected))
        qWarning().noquote() << "got:\n" << pretty(*result) << "\nexpected:\n" << pretty(expected);
    QCOMPARE(compact(*result), compact(expected));
}

void tst_StrategicMergePatch::fails_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QJsonObject>("original");
    QTest::addColumn<QJsonObject>("patch");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    for (const QJsonValue &v : cases()) {
        const QJsonObject c = v.toObject();
        if (!c.contains(u"error"))
            continue;
        const QJsonObject e = c.value(u"error").toObject();
        QTest::newRow(qPrintable(c.value(u"name").toString()))
            << c.value(u"type").toString() << c.value(u"original").toObject() << c.value(u"patch").toObject()
            << e.value(u"code").toInt() << e.value(u"message").toString();
    }
}

void tst_StrategicMergePatch::fails()
{
    QFETCH(QString, type);
    QFETCH(QJsonObject, original);
    QFETCH(QJsonObject, patch);
    QFETCH(int, code);
    QFETCH(QString, message);
    const Expected<QJsonObject> result = applyStrategicMergePatch(original, patch, TypeRegistry::builtin(), type);
    QVERIFY2(!result.ok(), compact(result.ok() ? *result : QJsonObject()).constData());
    QCOMPARE(result.error().code(), code);
    QVERIFY2(result.error().message().contains(message), qPrintable(result.error().message()));
    const QString expectedReason = code == 400 ? u"BadRequest"_qs : code == 422 ? u"Invalid"_qs : QString();
    QCOMPARE(result.error().reason(), expectedReason);
}

void tst_StrategicMergePatch::leavesInputsAlone()
{
    const QJsonObject original = QJsonDocument::fromJson(
        R"({"spec":{"containers":[{"name":"a","image":"x","env":[{"name":"E","value":"1"}]}]}})").object();
    const QJsonObject patch = QJsonDocument::fromJson(
        R"({"spec":{"containers":[{"name":"a","image":"y","env":[{"name":"E","$patch":"delete"}]}]}})").object();
    const QByteArray originalBefore = compact(original);
    const QByteArray patchBefore = compact(patch);
    const Expected<QJsonObject> result = applyStrategicMergePatch(original, patch, TypeRegistry::builtin(), u"core.v1.Pod"_qs);
    QVERIFY(result.ok());
    QCOMPARE(compact(*result), QByteArray(R"({"spec":{"containers":[{"env":[],"image":"y","name":"a"}]}})"));
    QCOMPARE(compact(original), originalBefore);
    QCOMPARE(compact(patch), patchBefore);
}

void tst_StrategicMergePatch::requestBody_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");

    QTest::newRow("object") << QByteArray(R"({"data":{"b":"2"}})") << 200 << QString();
    QTest::newRow("null-is-empty-patch") << QByteArray("null") << 200 << QString();
    QTest::newRow("array") << QByteArray("[]") << 400
        << u"json: cannot unmarshal array into Go value of type map[string]interface {}"_qs;
    QTest::newRow("string") << QByteArray(R"("x")") << 400
        << u"json: cannot unmarshal string into Go value of type map[string]interface {}"_qs;
    QTest::newRow("not-json") << QByteArray("{") << 400 << QString();
}

void tst_StrategicMergePatch::requestBody()
{
    QFETCH(QByteArray, body);
    QFETCH(int, code);
    QFETCH(QString, message);
    const QJsonObject original{{u"data"_qs, QJsonObject{{u"a"_qs, u"1"_qs}}}};
    const Expected<QJsonObject> result = applyStrategicMergePatch(original, body, TypeRegistry::builtin(), u"core.v1.ConfigMap"_qs);
    if (code == 200) {
        QVERIFY(result.ok());
        QCOMPARE(result->value(u"data").toObject().value(u"a"), QJsonValue(u"1"_qs));
        return;
    }
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code(), code);
    QCOMPARE(result.error().reason(), u"BadRequest"_qs);
    if (!message.isEmpty())
        QCOMPARE(result.error().message(), message);
}

void tst_StrategicMergePatch::bigListsStayLinear()
{
    // 20,000 env vars patched by 20,000 items, and as many finalizers: quadratic matching or
    // ordering would take minutes; hash lookups take milliseconds.
    const int n = 20000;
    QJsonArray env, envPatch, finalizers, finalizersPatch;
    for (int i = 0; i < n; ++i) {
        env.append(QJsonObject{{u"name"_qs, u"V%1"_qs.arg(i)}, {u"value"_qs, u"old"_qs}});
        envPatch.append(QJsonObject{{u"name"_qs, u"V%1"_qs.arg(n - 1 - i + n / 2)}, {u"value"_qs, u"new"_qs}});
        finalizers.append(u"f%1"_qs.arg(i));
        finalizersPatch.append(u"f%1"_qs.arg(i + n / 2));
    }
    const QJsonObject original{
        {u"metadata"_qs, QJsonObject{{u"finalizers"_qs, finalizers}}},
        {u"spec"_qs, QJsonObject{{u"containers"_qs, QJsonArray{QJsonObject{{u"name"_qs, u"a"_qs}, {u"env"_qs, env}}}}}}};
    const QJsonObject patch{
        {u"metadata"_qs, QJsonObject{{u"finalizers"_qs, finalizersPatch}}},
        {u"spec"_qs, QJsonObject{{u"containers"_qs, QJsonArray{QJsonObject{{u"name"_qs, u"a"_qs}, {u"env"_qs, envPatch}}}}}}};
    QElapsedTimer timer;
    timer.start();
    const Expected<QJsonObject> result = applyStrategicMergePatch(original, patch, TypeRegistry::builtin(), u"core.v1.Pod"_qs);
    QVERIFY(result.ok());
    QVERIFY2(timer.elapsed() < 10000, qPrintable(u"%1 ms"_qs.arg(timer.elapsed())));
    const QJsonArray mergedEnv = result->value(u"spec").toObject().value(u"containers").toArray().first().toObject().value(u"env").toArray();
    QCOMPARE(mergedEnv.size(), n + n / 2);
    QCOMPARE(result->value(u"metadata").toObject().value(u"finalizers").toArray().size(), n + n / 2);
    // Upstream's interleaving: the new items lead (V29999…V20000), then the server-only ones
    // (V0…V9999) because the server had them before the patched V19999, then V19999…V10000.
    QCOMPARE(mergedEnv.first().toObject().value(u"name").toString(), u"V%1"_qs.arg(n - 1 + n / 2));
    QCOMPARE(mergedEnv.at(n / 2).toObject().value(u"name").toString(), u"V0"_qs);
    QCOMPARE(mergedEnv.at(n).toObject().value(u"name").toString(), u"V%1"_qs.arg(n - 1));
    QCOMPARE(mergedEnv.last().toObject(), (QJsonObject{{u"name"_qs, u"V%1"_qs.arg(n / 2)}, {u"value"_qs, u"new"_qs}}));
}

void tst_StrategicMergePatch::patchTypes_data()
{
    QTest::addColumn<QString>("header");
    QTest::addColumn<int>("type"); // -1: not a patch type

    QTest::newRow("json-patch") << u"application/json-patch+json"_qs << int(PatchType::Json);
    QTest::newRow("merge-patch-with-charset") << u"application/merge-patch+json; charset=utf-8"_qs << int(PatchType::Merge);
    QTest::newRow("strategic") << u"application/strategic-merge-patch+json"_qs << int(PatchType::StrategicMerge);
    QTest::newRow("apply-yaml") << u"application/apply-patch+yaml"_qs << int(PatchType::ApplyYaml);
    QTest::newRow("plain-json-is-not-a-patch") << u"application/json"_qs << -1;
}

void tst_StrategicMergePatch::patchTypes()
{
    QFETCH(QString, header);
    QFETCH(int, type);
    const std::optional<PatchType> parsed = patchTypeFromContentType(header);
    QCOMPARE(parsed ? int(*parsed) : -1, type);
    if (parsed)
        QVERIFY(header.startsWith(contentType(*parsed)));
}

void tst_StrategicMergePatch::customResourcesRefuseStrategicMerge()
{
    KindInfo builtin;
    QVERIFY(acceptsPatchType(builtin, PatchType::StrategicMerge));
    KindInfo custom;
    custom.isCustom = true;
    QVERIFY(!acceptsPatchType(custom, PatchType::StrategicMerge));
    QVERIFY(acceptsPatchType(custom, PatchType::Merge));
    const Status s = unsupportedPatchType(acceptedPatchTypes(custom));
    QCOMPARE(s.code(), 415);
    QCOMPARE(s.reason(), u"UnsupportedMediaType"_qs);
    QCOMPARE(s.message(), u"the body of the request was in an unknown format - accepted media types include: "
                          "application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml"_qs);
}

QTEST_GUILESS_MAIN(tst_StrategicMergePatch)
#include "tst_strategicmergepatch.moc"
