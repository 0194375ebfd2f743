// WatchDecoder: events split across chunks at every offset, ERROR events, bad input, bounds.
#include "kube/client/watchdecoder.h"

#include <QTest>

using namespace kube;

class tst_WatchDecoder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void splitsAnywhere();
    void errorEventCarriesStatus();
    void rejects_data();
    void rejects();
    void lastEventWithoutNewline();
};

namespace {
const QByteArray kStream = R"({"type":"ADDED","object":{"apiVersion":"v1","kind":"Pod","metadata":{"name":"a","resourceVersion":"5"}}}
{"type":"MODIFIED","object":{"kind":"Pod","metadata":{"name":"a","resourceVersion":"6"}}}

{"type":"BOOKMARK","object":{"kind":"Pod","metadata":{"resourceVersion":"9"}}}
{"type":"DELETED","object":{"kind":"Pod","metadata":{"name":"a","resourceVersion":"10"}}}
)";
}

void tst_WatchDecoder::splitsAnywhere()
{
    for (qsizetype split = 0; split <= kStream.size(); ++split) {
        WatchDecoder decoder;
        QList<WatchEvent> events;
        QVERIFY(decoder.feed(QByteArrayView(kStream).first(split), events).isSuccess());
        QVERIFY(decoder.feed(QByteArrayView(kStream).sliced(split), events).isSuccess());
        QVERIFY(decoder.finish(events).isSuccess());
        QCOMPARE(events.size(), 4);
        QCOMPARE(events[0].type, WatchEvent::Type::Added);
        QCOMPARE(events[0].object.name(), u"a"_qs);
        QCOMPARE(events[1].type, WatchEvent::Type::Modified);
        QCOMPARE(events[2].type, WatchEvent::Type::Bookmark);
        QCOMPARE(events[2].object.resourceVersion(), u"9"_qs);
        QCOMPARE(events[3].type, WatchEvent::Type::Deleted);
    }
}

void tst_WatchDecoder::errorEventCarriesStatus()
{
    WatchDecoder decoder;
    QList<WatchEvent> events;
    QVERIFY(decoder.feed(R"x({"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","status":"Failure","message":"too old resource version: 1 (50)","reason":"Expired","code":410}})x"
                         "\n",
                         events)
                .isSuccess());
    QCOMPARE(events.size(), 1);
    QCOMPARE(events[0].type, WatchEvent::Type::Error);
    QCOMPARE(events[0].error.code(), 410);
    QVERIFY(events[0].error.is(reason::Expired));
}

void tst_WatchDecoder::rejects_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::newRow("not-json") << QByteArray("nope\n");
    QTest::newRow("unknown-type") << QByteArray(R"({"type":"RENAMED","object":{}})" "\n");
    QTest::newRow("no-object") << QByteArray(R"({"type":"ADDED"})" "\n");
    QTest::newRow("object-not-an-object") << QByteArray(R"({"type":"ADDED","object":3})" "\n");
}

void tst_WatchDecoder::rejects()
{
    QFETCH(QByteArray, line);
    WatchDecoder decoder;
    QList<WatchEvent> events;
    QVERIFY(!decoder.feed(line, events).isSuccess());
}

void tst_WatchDecoder::lastEventWithoutNewline()
{
    WatchDecoder decoder;
    QList<WatchEvent> events;
    QVERIFY(decoder.feed(R"({"type":"ADDED","object":{"metadata":{"name":"x"}}})", events).isSuccess());
    QCOMPARE(events.size(), 0);
    QVERIFY(decoder.finish(events).isSuccess());
    QCOMPARE(events.size(), 1);

    WatchDecoder truncated;
    const QByteArray cut = "{\"type\":\"ADDED\",\"obj";
    QVERIFY(truncated.feed(cut, events).isSuccess());
    QVERIFY(!truncated.finish(events).isSuccess());
}

QTEST_GUILESS_MAIN(tst_WatchDecoder)
#include "tst_watchdecoder.moc"
