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
};

void tst_ObjectTransform::removeMember_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QByteArray>("expected"); // empty: absent
    QTest::newRow("first-member") << QByteArray(R"({"a":1,"b":2})") << QByteArray(R"({"b":2})");
    QTest::newRow("last-member") << QByteArray(R"({"b":2,"a":[1,{"x":"}"}]})") << QByteArray(R"({"b":2})");
    QTest::newRow("only-member") << QByteArray(R"({"a":{"q":"\"a\""}})") << QByteArray(R"({})");
    QTest::newRow("middle-member") << QByteArray(R"({"b":"a","a":true,"c":null})") << QByteArray(R"({"b":"a","c":null})");
    QTest::newRow("nested-key-not-top-level") << QByteArray(R"({"b":{"a":1}})") << QByteArray();
    QTest::newRow("string-value-equal-to-key") << QByteArray(R"({"b":"a"})") << QByteArray();
}

void tst_ObjectTransform::removeMember()
{
    QFETCH(QByteArray, json);
    QFETCH(QByteArray, expected);
    const auto out = kube::removeMember(json, 0, "a");
    if (expected.isEmpty()) {
        QVERIFY(!out);
        return;
    }
    QVERIFY(out);
    QCOMPARE(*out, expected);
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

QTEST_GUILESS_MAIN(tst_ObjectTransform)
#include "tst_objecttransform.moc"
