// LogStream against a fake server (the embedded cluster serves no pods/log yet): lines split
// across chunks, query parameters, errors, stop().
#include "fakehttpserver.h"

#include "kube/client/clustertransport.h"
#include "kube/client/logstream.h"

#include <QSignalSpy>
#include <QTimer>
#include <QTest>
#include <QTimeZone>

using namespace kube;

class tst_LogStream : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void query_data();
    void query();
    void linesAcrossChunks();
    void errorStatus();
    void stopIsSilent();
    void followResumesAfterADrop();
    void followGivesUpOnPermanentErrors();
};

void tst_LogStream::query_data()
{
    QTest::addColumn<LogOptions>("options");
    QTest::addColumn<QByteArray>("target");
    QTest::newRow("plain") << LogOptions{} << QByteArray("/api/v1/namespaces/ns/pods/p/log");
    LogOptions all;
    all.container = u"c"_qs;
    all.follow = true;
    all.previous = true;
    all.timestamps = true;
    all.tailLines = 10;
    all.sinceSeconds = 60;
    all.limitBytes = 4096;
    QTest::newRow("every-option") << all
                                  << QByteArray("/api/v1/namespaces/ns/pods/p/log?container=c&follow=true&previous=true&timestamps=true&tailLines=10&sinceSeconds=60&limitBytes=4096");
    LogOptions since;
    since.sinceTime = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);
    QTest::newRow("since-time") << since << QByteArray("/api/v1/namespaces/ns/pods/p/log?sinceTime=2026-01-02T03%3A04%3A05Z");
}

void tst_LogStream::query()
{
    QFETCH(LogOptions, options);
    QFETCH(QByteArray, target);
    QCOMPARE(LogStream::target(u"ns"_qs, u"p"_qs, options), target);
}

void tst_LogStream::linesAcrossChunks()
{
    FakeHttpServer server;
    server.handler = [](const FakeHttpServer::Request &r, QTcpSocket *s) {
        if (!r.target.contains("/log")) // asked once the followed log ended: the container exited
            return FakeHttpServer::response(200, R"({"kind":"Pod","status":{"containerStatuses":[{"name":"app","state":{"terminated":{"exitCode":0}}}]}})");
        s->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n");
        s->write("8\r\nfirst li\r\n");
        s->flush();
        // The rest arrives later, in pieces that cut lines anywhere.
        QTimer::singleShot(20, s, [s] {
            s->write("f\r\nne\nsecond line\n\r\n");
            s->write("4\r\nlast\r\n0\r\n\r\n");
        });
        return QByteArray();
    };
    RestConfig config;
    config.server = QUrl(server.url());
    ClusterTransport transport(config);
    LogOptions options;
    options.follow = true;
    LogStream stream(&transport, u"default"_qs, u"web"_qs, options);
    QStringList lines;
    connect(&stream, &LogStream::linesReceived, this, [&](const QStringList &l) { lines += l; });
    QSignalSpy finished(&stream, &LogStream::finished);
    QTRY_COMPARE(finished.size(), 1);
    QVERIFY(finished.first().first().value<Status>().isSuccess());
    QCOMPARE(lines, QStringList({u"first line"_qs, u"second line"_qs, u"last"_qs}));
    // Following asks for timestamps (to resume after a drop); lines without one pass as they are.
    QCOMPARE(server.requests.first().target, QByteArray("/api/v1/namespaces/default/pods/web/log?follow=true&timestamps=true"));
}

void tst_LogStream::errorStatus()
{
    FakeHttpServer server;
    server.handler = [](const FakeHttpServer::Request &, QTcpSocket *) {
        return FakeHttpServer::response(400, R"({"kind":"Status","code":400,"reason":"BadRequest","message":"container c is not valid for pod web"})");
    };
    RestConfig config;
    config.server = QUrl(server.url());
    ClusterTransport transport(config);
    LogStream stream(&transport, u"default"_qs, u"web"_qs, {});
    QSignalSpy lines(&stream, &LogStream::linesReceived);
    QSignalSpy finished(&stream, &LogStream::finished);
    QTRY_COMPARE(finished.size(), 1);
    const Status s = finished.first().first().value<Status>();
    QCOMPARE(s.code(), 400);
    QVERIFY(s.message().contains(u"not valid"_qs));
    QCOMPARE(lines.size(), 0);
}

void tst_LogStream::stopIsSilent()
{
    FakeHttpServer server;
    server.handler = [](const FakeHttpServer::Request &, QTcpSocket *s) {
        s->write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nhello\n\r\n");
        return QByteArray();
    };
    RestConfig config;
    config.server = QUrl(server.url());
    ClusterTransport transport(config);
    LogStream stream(&transport, u"default"_qs, u"web"_qs, {});
    QSignalSpy lines(&stream, &LogStream::linesReceived);
    QSignalSpy finished(&stream, &LogStream::finished);
    QTRY_COMPARE(lines.size(), 1);
    stream.stop();
    QTest::qWait(50);
    QCOMPARE(finished.size(), 0);
}

namespace {
QByteArray chunk(const QByteArray &data)
{
    return QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n";
}
} // namespace

// The connection drops in the middle of a line; the stream reconnects with sinceTime at the last
// line's second and timestamps on, skips what the server sends again, delivers the cut line
// whole, and — when the server ends the log — asks the pod whether the container still runs.
void tst_LogStream::followResumesAfterADrop()
{
    FakeHttpServer server;
    int logRequests = 0;
    server.handler = [&](const FakeHttpServer::Request &r, QTcpSocket *s) -> QByteArray {
        if (!r.target.contains("/log")) // the pod: its container has exited
            return FakeHttpServer::response(200, R"({"kind":"Pod","status":{"containerStatuses":[{"name":"app","state":{"terminated":{"exitCode":0}}}]}})");
        ++logRequests;
        s->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n");
        if (logRequests == 1) {
            s->write(chunk("2026-11-27T10:00:00.100000000Z one\n2026-11-27T10:00:00.200000000Z two\n2026-11-27T10:00:00.200000000Z two\n2026-11-27T10:00:01.5Z thr"));
            s->flush();
            QTimer::singleShot(50, s, [s] { s->abort(); }); // the server went away mid-line
        } else {
            s->write(chunk("2026-11-27T10:00:01.5Z three\n2026-11-27T10:00:01.6Z four\n"));
            s->write("0\r\n\r\n");
        }
        return QByteArray();
    };
    RestConfig config;
    config.server = QUrl(server.url());
    ClusterTransport transport(config);
    LogOptions options;
    options.container = u"app"_qs;
    options.follow = true;
    options.tailLines = 10;
    LogStream stream(&transport, u"default"_qs, u"web"_qs, options);
    QStringList lines;
    connect(&stream, &LogStream::linesReceived, this, [&](const QStringList &l) { lines += l; });
    QSignalSpy reconnecting(&stream, &LogStream::reconnecting);
    QSignalSpy finished(&stream, &LogStream::finished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QVERIFY(finished.first().first().value<Status>().isSuccess());
    QCOMPARE(lines, QStringList({u"one"_qs, u"two"_qs, u"two"_qs, u"three"_qs, u"four"_qs}));
    QCOMPARE(reconnecting.size(), 1);
    QCOMPARE(stream.reconnections(), 1);
    QList<QByteArray> targets;
    for (const FakeHttpServer::Request &r : std::as_const(server.requests))
        targets.append(r.target);
    QCOMPARE(targets.size(), 3);
    QCOMPARE(targets.at(0), QByteArray("/api/v1/namespaces/default/pods/web/log?container=app&follow=true&timestamps=true&tailLines=10"));
    // Resumed at the newest line's second (the API's precision), the tail not asked again.
    QCOMPARE(targets.at(1), QByteArray("/api/v1/namespaces/default/pods/web/log?container=app&follow=true&timestamps=true&sinceTime=2026-11-27T10%3A00%3A00Z"));
    QCOMPARE(targets.at(2), QByteArray("/api/v1/namespaces/default/pods/web"));
}

void tst_LogStream::followGivesUpOnPermanentErrors()
{
    FakeHttpServer server;
    server.handler = [](const FakeHttpServer::Request &, QTcpSocket *) {
        return FakeHttpServer::response(404, R"({"kind":"Status","code":404,"reason":"NotFound","message":"pods \"web\" not found"})");
    };
    RestConfig config;
    config.server = QUrl(server.url());
    ClusterTransport transport(config);
    LogOptions options;
    options.follow = true;
    LogStream stream(&transport, u"default"_qs, u"web"_qs, options);
    QSignalSpy reconnecting(&stream, &LogStream::reconnecting);
    QSignalSpy finished(&stream, &LogStream::finished);
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().value<Status>().code(), 404);
    QCOMPARE(reconnecting.size(), 0);
    QCOMPARE(server.requests.size(), 1);
}

QTEST_GUILESS_MAIN(tst_LogStream)
#include "tst_logstream.moc"
