// HttpResponseParser: framing (Content-Length, chunked, until-close), bytes split anywhere,
// interim responses, keep-alive and malformed input.
#include "kube/client/httpresponseparser.h"

#include <QTest>

using namespace kube;

class tst_HttpResponseParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parses_data();
    void parses();
    void untilCloseNeedsClose();
    void truncatedIsAnError();
    void headTooLarge();
};

void tst_HttpResponseParser::parses_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<int>("code");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("keepAlive");
    QTest::addColumn<bool>("valid");

    QTest::newRow("content-length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello") << 200 << QByteArray("hello") << true << true;
    QTest::newRow("chunked-with-extension-and-trailer")
        << QByteArray("HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n3;x=y\r\nabc\r\nA\r\n0123456789\r\n0\r\nX-T: 1\r\n\r\n") << 201
        << QByteArray("abc0123456789") << true << true;
    QTest::newRow("connection-close") << QByteArray("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok") << 200 << QByteArray("ok") << false << true;
    QTest::newRow("http10-not-kept-alive") << QByteArray("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok") << 200 << QByteArray("ok") << false << true;
    QTest::newRow("no-content") << QByteArray("HTTP/1.1 204 No Content\r\n\r\n") << 204 << QByteArray() << true << true;
    QTest::newRow("interim-100-skipped") << QByteArray("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx") << 200 << QByteArray("x") << true << true;
    QTest::newRow("not-http") << QByteArray("SSH-2.0-OpenSSH\r\n\r\n") << 0 << QByteArray() << false << false;
    QTest::newRow("bad-chunk-size") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n") << 200 << QByteArray() << false << false;
}

void tst_HttpResponseParser::parses()
{
    QFETCH(QByteArray, wire);
    QFETCH(int, code);
    QFETCH(QByteArray, body);
    QFETCH(bool, keepAlive);
    QFETCH(bool, valid);
    // Every split into two pieces, and byte by byte, gives the same result.
    for (qsizetype split = 0; split <= wire.size(); ++split) {
        for (bool byteByByte : {false, true}) {
            HttpResponseParser parser;
            int gotCode = 0;
            QByteArray gotBody;
            parser.onHead = [&](const HttpResponse &h) { gotCode = h.statusCode; };
            parser.onBody = [&](QByteArrayView b) { gotBody += b; };
            Status s;
            if (byteByByte) {
                for (char c : wire) {
                    if (s = parser.feed(QByteArrayView(&c, 1)); !s.isSuccess())
                        break;
                }
            } else {
                s = parser.feed(QByteArrayView(wire).first(split));
                if (s.isSuccess())
                    s = parser.feed(QByteArrayView(wire).sliced(split));
            }
            if (!valid) {
                QVERIFY(!s.isSuccess() || !parser.isComplete());
                continue;
            }
            QVERIFY2(s.isSuccess(), qPrintable(s.message()));
            QVERIFY(parser.isComplete());
            QCOMPARE(gotCode, code);
            QCOMPARE(gotBody, body);
            QCOMPARE(parser.keepAlive(), keepAlive);
        }
    }
}

void tst_HttpResponseParser::untilCloseNeedsClose()
{
    HttpResponseParser parser;
    QByteArray body;
    parser.onBody = [&](QByteArrayView b) { body += b; };
    QVERIFY(parser.feed("HTTP/1.1 200 OK\r\n\r\nstream").isSuccess());
    QVERIFY(!parser.isComplete());
    QVERIFY(parser.finishOnClose().isSuccess());
    QVERIFY(parser.isComplete());
    QVERIFY(!parser.keepAlive());
    QCOMPARE(body, QByteArray("stream"));
}

void tst_HttpResponseParser::truncatedIsAnError()
{
    HttpResponseParser parser;
    QVERIFY(parser.feed("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc").isSuccess());
    const Status s = parser.finishOnClose();
    QVERIFY(!s.isSuccess());
    QVERIFY(s.message().contains(u"before the response was complete"_qs));
}

void tst_HttpResponseParser::headTooLarge()
{
    HttpResponseParser parser;
    QByteArray head = "HTTP/1.1 200 OK\r\n";
    head += "X: " + QByteArray(HttpResponseParser::kMaxHeadBytes, 'a') + "\r\n";
    const Status s = parser.feed(head);
    QVERIFY(!s.isSuccess());
    QCOMPARE(parser.state(), HttpResponseParser::State::Failed);
}

QTEST_GUILESS_MAIN(tst_HttpResponseParser)
#include "tst_httpresponseparser.moc"
