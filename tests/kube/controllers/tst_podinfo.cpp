// PodInfo::from reads a pod's node, phase, Ready condition and restart counts in one pass over
// its bytes; each case checks it against the same fields read from a QJsonDocument tree, for
// pods as the API server writes them and for odd ones (fields missing, in another order, escaped
// strings, wrong types).
#include "kube/controllers/podinfo.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace kube;

class tst_PodInfo : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fields_data();
    void fields();
};

void tst_PodInfo::fields_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("node");
    QTest::addColumn<QString>("phase");
    QTest::addColumn<bool>("ready");
    QTest::addColumn<QString>("readySince");
    QTest::addColumn<int>("restarts");

    const QByteArray meta = R"("metadata":{"name":"p","namespace":"d","creationTimestamp":"2026-11-27T10:00:00Z"})";
    QTest::newRow("running and ready")
        << QByteArray("{" + meta + R"(,"spec":{"containers":[{"name":"a"}],"nodeName":"node-1"},"status":{"phase":"Running",)"
                      R"("conditions":[{"type":"Initialized","status":"True","lastTransitionTime":"2026-11-27T10:00:01Z"},)"
                      R"({"type":"Ready","status":"True","lastTransitionTime":"2026-11-27T10:00:05Z"}],)"
                      R"("containerStatuses":[{"name":"a","restartCount":2,"state":{"running":{}}},{"name":"b","restartCount":3}]}})")
        << u"node-1"_qs << u"Running"_qs << true << u"2026-11-27T10:00:05Z"_qs << 5;
    QTest::newRow("pending, unscheduled, no status")
        << QByteArray("{" + meta + R"(,"spec":{"containers":[]}})") << QString() << QString() << false << QString() << 0;
    QTest::newRow("not ready")
        << QByteArray("{" + meta + R"(,"status":{"conditions":[{"lastTransitionTime":"2026-11-27T10:01:00Z","status":"False","type":"Ready"}],"phase":"Running"},"spec":{"nodeName":"n"}})")
        << u"n"_qs << u"Running"_qs << false << u"2026-11-27T10:01:00Z"_qs << 0;
    QTest::newRow("escaped strings")
        << QByteArray("{" + meta + R"(,"spec":{"nodeName":"n\u00f3de\"2"},"status":{"phase":"Fail\u0065d"}})")
        << u"nóde\"2"_qs << u"Failed"_qs << false << QString() << 0;
    QTest::newRow("status of another type")
        << QByteArray("{" + meta + R"(,"spec":{"nodeName":"n"},"status":"odd"})") << u"n"_qs << QString() << false << QString() << 0;
    QTest::newRow("restartCount not a number")
        << QByteArray("{" + meta + R"(,"status":{"containerStatuses":[{"restartCount":"x"},{"restartCount":1}]}})")
        << QString() << QString() << false << QString() << 1;
}

void tst_PodInfo::fields()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, node);
    QFETCH(QString, phase);
    QFETCH(bool, ready);
    QFETCH(QString, readySince);
    QFETCH(int, restarts);
    auto object = Object::parse(json);
    QVERIFY2(object.ok(), qPrintable(object.ok() ? QString() : object.error().message()));
    const PodInfo info = PodInfo::from(*object);
    QCOMPARE(info.name, u"p"_qs);
    QCOMPARE(info.nodeName, node);
    QCOMPARE(info.phase, phase);
    QCOMPARE(info.ready, ready);
    QCOMPARE(info.readySince, readySince.isEmpty() ? QDateTime() : QDateTime::fromString(readySince, Qt::ISODate));
    QCOMPARE(info.restarts, restarts);
    QCOMPARE(info.created, QDateTime::fromString(u"2026-11-27T10:00:00Z"_qs, Qt::ISODate));
}

QTEST_GUILESS_MAIN(tst_PodInfo)
#include "tst_podinfo.moc"
