// dropManagedFields and the member scanner behind it.
#include "kube/cache/objecttransform.h"

#include <QJsonObject>
#include <QTest>

class tst_ObjectTransform : public QObject
{
    Q_OBJECT
private slots:
    void removeMember_data();
    void removeMember();
    void dropsManagedFields();
    void keepsObjectsWithoutManagedFieldsShared();
    void droppedAtDecodeStaysDropped();
};

void tst_ObjectTransform::removeMember_data()
{
    QTest::addColumn<QByteArray>("metadata");
    QTest::addColumn<QByteArray>("expected"); // empty: nothing removed (the same bytes)
    QTest::newRow("first-member") << QByteArray(R"({"managedFields":[1],"name":"p"})") << QByteArray(R"({"name":"p"})");
    QTest::newRow("last-member") << QByteArray(R"({"name":"p","managedFields":[1,{"x":"}]"}]})") << QByteArray(R"({"name":"p"})");
    QTest::newRow("only-member") << QByteArray(R"({"managedFields":[{"q":"\"managedFields\""}]})") << QByteArray(R"({})");
    QTest::newRow("middle-member") << QByteArray(R"({"name":"managedFields","managedFields":[],"uid":null})") << QByteArray(R"({"name":"managedFields","uid":null})");
    QTest::newRow("nested-key-not-metadata-member") << QByteArray(R"({"labels":{"managedFields":"1"}})") << QByteArray();
    QTest::newRow("string-value-equal-to-key") << QByteArray(R"({"name":"managedFields"})") << QByteArray();
}

void tst_ObjectTransform::removeMember()
{
    QFETCH(QByteArray, metadata);
    QFETCH(QByteArray, expected);
    const QByteArray json = R"({"kind":"Pod","metadata":)" + metadata + R"(,"spec":{}})";
    const kube::Object pod = kube::Object::parse(json).value();
    const kube::Object out = kube::dropManagedFields(pod);
    if (expected.isEmpty()) {
        QCOMPARE(out.json().constData(), pod.json().constData());
        return;
    }
    QCOMPARE(out.json(), R"({"kind":"Pod","metadata":)" + expected + R"(,"spec":{}})");
    QCOMPARE(kube::Object::parse(out.json()).value().json(), out.json()); // still valid JSON
}

void tst_ObjectTransform::dropsManagedFields()
{
    const QByteArray json = R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","namespace":"d","managedFields":[{"manager":"kubectl","fieldsV1":{"f:metadata":{"f:labels":{}}}}],"labels":{"app":"web"},"resourceVersion":"7"},"spec":{"managedFields":"kept: not metadata"}})";
    const kube::Object pod = kube::Object::parse(json).value();
    const kube::Object slim = kube::dropManagedFields(pod);
    QCOMPARE(slim.json(), QByteArray(R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","namespace":"d","labels":{"app":"web"},"resourceVersion":"7"},"spec":{"managedFields":"kept: not metadata"}})"));
    QCOMPARE(slim.name(), u"p"_qs);
    QCOMPARE(slim.labels().value(u"app"), u"web"_qs);
    QCOMPARE(slim.resourceVersion(), u"7"_qs);
    QVERIFY(slim.byteSize() < pod.byteSize());
}

void tst_ObjectTransform::keepsObjectsWithoutManagedFieldsShared()
{
    const kube::Object pod = kube::Object::parse(R"({"metadata":{"name":"p"}})").value();
    const kube::Object same = kube::dropManagedFields(pod);
    QCOMPARE(same.json().constData(), pod.json().constData());
}

// Objects decoded with ManagedFields::Drop (an informer's list) pass the transform as they are;
// objects decoded with Keep, and copies with another resourceVersion, are still transformed.
void tst_ObjectTransform::droppedAtDecodeStaysDropped()
{
    const QByteArray json = R"({"kind":"Pod","metadata":{"name":"p","managedFields":[{"manager":"m"}],"resourceVersion":"1"},"spec":{}})";
    const QByteArray slim = R"({"kind":"Pod","metadata":{"name":"p","resourceVersion":"1"},"spec":{}})";
    const kube::Object dropped = kube::Object::parse(json, kube::Object::ManagedFields::Drop).value();
    QCOMPARE(dropped.json(), slim);
    QCOMPARE(kube::dropManagedFields(dropped).json().constData(), dropped.json().constData());
    const kube::Object kept = kube::Object::parse(json, kube::Object::ManagedFields::Keep).value();
    QCOMPARE(kube::dropManagedFields(kept).json(), slim);
    const kube::Object keptNewRv = kept.withResourceVersion(u"2");
    QVERIFY(keptNewRv.json().contains("managedFields"));
    QVERIFY(!kube::dropManagedFields(keptNewRv).json().contains("managedFields"));
    QCOMPARE(kube::dropManagedFields(dropped.withResourceVersion(u"3")).resourceVersion(), u"3"_qs);
}

QTEST_GUILESS_MAIN(tst_ObjectTransform)
#include "tst_objecttransform.moc"
