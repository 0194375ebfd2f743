#include "models/logbuffer.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace timonel;

namespace {

QStringList numbered(int from, int count, const QString &prefix = QStringLiteral("line "))
{
    QStringList out;
    for (int i = from; i < from + count; ++i)
        out << prefix + QString::number(i);
    return out;
}

QStringList texts(const LogBuffer &b)
{
    QStringList out;
    for (quint64 s = b.firstSequence(); s < b.endSequence(); ++s)
        out << b.line(s).text;
    return out;
}

// The match count from scratch, to check the incremental one against.
qsizetype recount(const LogBuffer &b)
{
    qsizetype n = 0;
    for (quint64 s = b.firstSequence(); s < b.endSequence(); ++s)
        n += b.search().count(b.line(s).text);
    return n;
}

} // namespace

class TestLogBuffer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void appendsParsedLines()
    {
        LogBuffer b;
        QSignalSpy changed(&b, &LogBuffer::linesChanged);
        b.appendLines(QStringLiteral("app"), {QStringLiteral("\x1b[32mok\x1b[0m done"), QStringLiteral("plain")},
                      LogBuffer::Timestamps::Absent);
        QCOMPARE(changed.size(), 1); // one signal per batch, not per line
        QCOMPARE(b.size(), 2);
        QCOMPARE(b.firstSequence(), 0u);
        QCOMPARE(b.endSequence(), 2u);
        QCOMPARE(b.line(0).text, QStringLiteral("ok done"));
        QCOMPARE(b.line(0).spans.size(), 1);
        QCOMPARE(b.line(0).spans[0].length, 2);
        QCOMPARE(b.containerName(b.line(1)), QStringLiteral("app"));
        QVERIFY(!b.line(1).hasTimestamp());
    }

    void ringBoundAndSequences()
    {
        LogBuffer b;
        b.setMaxLines(5);
        b.appendLines(QStringLiteral("c"), numbered(0, 3), LogBuffer::Timestamps::Absent);
        b.appendLines(QStringLiteral("c"), numbered(3, 4), LogBuffer::Timestamps::Absent);
        QCOMPARE(b.size(), 5);
        QCOMPARE(b.firstSequence(), 2u);
        QCOMPARE(b.endSequence(), 7u);
        QCOMPARE(b.droppedCount(), 2u);
        QCOMPARE(texts(b), numbered(2, 5));
        QCOMPARE(b.line(4).text, QStringLiteral("line 4")); // a sequence names the same line as before

        // A batch larger than the bound keeps its newest lines; sequences still count every line.
        b.appendLines(QStringLiteral("c"), numbered(7, 12), LogBuffer::Timestamps::Absent);
        QCOMPARE(b.endSequence(), 19u);
        QCOMPARE(b.firstSequence(), 14u);
        QCOMPARE(texts(b), numbered(14, 5));

        // Lowering the bound drops the oldest at once; raising it keeps everything.
        b.setMaxLines(3);
        QCOMPARE(texts(b), numbered(16, 3));
        b.setMaxLines(10);
        b.appendLines(QStringLiteral("c"), numbered(19, 4), LogBuffer::Timestamps::Absent);
        QCOMPARE(texts(b), numbered(16, 7));
        QCOMPARE(b.firstSequence(), 16u);

        // clear() never reuses sequence numbers.
        b.clear();
        QVERIFY(b.isEmpty());
        QCOMPARE(b.firstSequence(), 23u);
        b.appendLines(QStringLiteral("c"), {QStringLiteral("after clear")}, LogBuffer::Timestamps::Absent);
        QCOMPARE(b.firstSequence(), 23u);
        QCOMPARE(b.line(23).text, QStringLiteral("after clear"));
    }

    void manyWrapsOfTheRing()
    {
        LogBuffer b;
        b.setMaxLines(7);
        for (int i = 0; i < 100; i += 3)
            b.appendLines(QStringLiteral("c"), numbered(i, 3), LogBuffer::Timestamps::Absent);
        QCOMPARE(b.endSequence(), 102u);
        QCOMPARE(texts(b), numbered(95, 7));
    }

    void timestampsSplit()
    {
        LogBuffer b;
        b.appendLines(QStringLiteral("c"),
                      {QStringLiteral("2024-05-01T10:00:00.123456789Z hello"),
                       QStringLiteral("2024-05-01T10:00:01Z \x1b[31mred\x1b[0m"),
                       QStringLiteral("2024-05-01T12:00:00.5+02:00 offset"),
                       QStringLiteral("not a timestamp line"), QStringLiteral("2024-13-01T10:00:00Z bad month")},
                      LogBuffer::Timestamps::Prefixed);
        QCOMPARE(b.line(0).text, QStringLiteral("hello"));
        QVERIFY(b.line(0).hasTimestamp());
        QCOMPARE(LogBuffer::formatTimestamp(b.line(0).timestampNs), QStringLiteral("2024-05-01T10:00:00.123456789Z"));
        QCOMPARE(b.line(1).text, QStringLiteral("red"));
        QCOMPARE(b.line(1).spans.value(0).start, 0); // spans are relative to the text after the timestamp
        QCOMPARE(b.line(1).timestampNs - b.line(0).timestampNs, 876543211LL);
        QCOMPARE(LogBuffer::formatTimestamp(b.line(2).timestampNs), QStringLiteral("2024-05-01T10:00:00.500000000Z"));
        QVERIFY(!b.line(3).hasTimestamp());
        QCOMPARE(b.line(3).text, QStringLiteral("not a timestamp line"));
        QVERIFY(!b.line(4).hasTimestamp());

        // Without --timestamps a leading date is text.
        b.appendLines(QStringLiteral("c"), {QStringLiteral("2024-05-01T10:00:00Z text")}, LogBuffer::Timestamps::Absent);
        QCOMPARE(b.line(5).text, QStringLiteral("2024-05-01T10:00:00Z text"));
        QCOMPARE(b.lineText(0, LogBuffer::WithTimestamp), QStringLiteral("2024-05-01T10:00:00.123456789Z hello"));
    }

    void timestampEdges()
    {
        QCOMPARE(LogBuffer::parseTimestampPrefix(u"1970-01-01T00:00:00Z x")->first, 0);
        QCOMPARE(LogBuffer::parseTimestampPrefix(u"1970-01-01T00:00:00Z x")->second, 21);
        QCOMPARE(LogBuffer::formatTimestamp(-1), QStringLiteral("1969-12-31T23:59:59.999999999Z"));
        QVERIFY(!LogBuffer::parseTimestampPrefix(u"1970-01-01T00:00:00Z"));  // no space: not a prefix
        QVERIFY(!LogBuffer::parseTimestampPrefix(u"1970-01-01T00:00:00. x")); // empty fraction
        QVERIFY(!LogBuffer::parseTimestampPrefix(u"2023-02-29T00:00:00Z x")); // no such day
        QVERIFY(!LogBuffer::parseTimestampPrefix(u"1970-01-01T24:00:00Z x"));
    }

    void containersAndText()
    {
        LogBuffer b;
        b.appendLines(QStringLiteral("web"), {QStringLiteral("a")}, LogBuffer::Timestamps::Absent);
        b.appendLines(QStringLiteral("sidecar"), {QStringLiteral("b")}, LogBuffer::Timestamps::Absent);
        b.appendLines(QStringLiteral("web"), {QStringLiteral("c")}, LogBuffer::Timestamps::Absent);
        QCOMPARE(b.containers(), (QStringList{QStringLiteral("web"), QStringLiteral("sidecar")}));
        QCOMPARE(b.containerName(b.line(1)), QStringLiteral("sidecar"));
        QCOMPARE(b.line(2).container, b.line(0).container);
        QCOMPARE(b.lineText(1, LogBuffer::WithContainer), QStringLiteral("[sidecar] b"));

        QBuffer out;
        out.open(QIODevice::WriteOnly);
        QVERIFY(b.writeTo(&out, LogBuffer::WithContainer));
        QCOMPARE(out.data(), QByteArray("[web] a\n[sidecar] b\n[web] c\n"));
    }

    void searchNextPreviousWrapAround()
    {
        LogBuffer b;
        b.appendLines(QStringLiteral("c"),
                      {QStringLiteral("error one"), QStringLiteral("fine"), QStringLiteral("ERROR two, Error three"),
                       QStringLiteral("fine"), QStringLiteral("last error")},
                      LogBuffer::Timestamps::Absent);
        const LogSearch s(QStringLiteral("error"));
        using D = LogBuffer::Direction;
        auto next = [&](quint64 seq, int col) { return b.find(s, {seq, col}, D::Forward); };
        auto prev = [&](quint64 seq, int col) { return b.find(s, {seq, col}, D::Backward); };

        QCOMPARE(next(0, 0), (LogMatch{0, 0, 5}));
        QCOMPARE(next(0, 1), (LogMatch{2, 0, 5})); // case-insensitive
        QCOMPARE(next(2, 1), (LogMatch{2, 11, 5}));
        QCOMPARE(next(2, 12), (LogMatch{4, 5, 5}));
        QCOMPARE(next(4, 6), (LogMatch{0, 0, 5})); // wraps to the top
        QCOMPARE(prev(0, 0), (LogMatch{4, 5, 5})); // wraps to the bottom
        QCOMPARE(prev(4, 5), (LogMatch{2, 11, 5}));
        QCOMPARE(prev(2, 11), (LogMatch{2, 0, 5}));
        QCOMPARE(prev(2, 0), (LogMatch{0, 0, 5}));

        // A single match is found again from just after itself (wrap onto the start line).
        LogBuffer one;
        one.appendLines(QStringLiteral("c"), {QStringLiteral("x needle x"), QStringLiteral("hay")},
                        LogBuffer::Timestamps::Absent);
        const LogSearch needle(QStringLiteral("needle"));
        QCOMPARE(one.find(needle, {0, 3}, D::Forward), (LogMatch{0, 2, 6}));
        QCOMPARE(one.find(needle, {0, 2}, D::Backward), (LogMatch{0, 2, 6}));
        QVERIFY(!one.find(LogSearch(QStringLiteral("absent")), {0, 0}, D::Forward));

        // The limit keeps the search inside a paused view's lines.
        QCOMPARE(b.find(s, {3, 0}, D::Forward, 4), (LogMatch{0, 0, 5}));

        // Case-sensitive and regex searches.
        QCOMPARE(b.find(LogSearch(QStringLiteral("Error"), LogSearch::Syntax::Substring, Qt::CaseSensitive), {0, 0},
                        D::Forward),
                 (LogMatch{2, 11, 5}));
        const LogSearch rx(QStringLiteral("t\\w+o"), LogSearch::Syntax::RegularExpression);
        QCOMPARE(b.find(rx, {0, 0}, D::Forward), (LogMatch{2, 6, 3}));
        QVERIFY(!LogSearch(QStringLiteral("(unclosed"), LogSearch::Syntax::RegularExpression).isActive());
        QVERIFY(!LogSearch(QStringLiteral("(unclosed"), LogSearch::Syntax::RegularExpression).errorString().isEmpty());
        // Empty regex matches show nothing.
        QCOMPARE(LogSearch(QStringLiteral("z*"), LogSearch::Syntax::RegularExpression).count(u"abc"), 0);
    }

    void matchesInLine()
    {
        LogBuffer b;
        b.appendLines(QStringLiteral("c"), {QStringLiteral("aXbxcx")}, LogBuffer::Timestamps::Absent);
        const QList<LogMatch> m = b.matchesIn(LogSearch(QStringLiteral("x")), 0);
        QCOMPARE(m.size(), 3);
        QCOMPARE(m[0], (LogMatch{0, 1, 1}));
        QCOMPARE(m[2], (LogMatch{0, 5, 1}));
    }

    void matchCountIncremental()
    {
        LogBuffer b;
        b.setMaxLines(50);
        b.appendLines(QStringLiteral("c"), numbered(0, 40, QStringLiteral("err ")), LogBuffer::Timestamps::Absent);
        QSignalSpy counted(&b, &LogBuffer::matchCountChanged);
        b.setSearch(LogSearch(QStringLiteral("err 1")));
        QVERIFY(b.isMatchCountComplete()); // small buffers are counted at once
        QCOMPARE(b.matchCount(), 11);      // 1, 10–19
        QVERIFY(counted.size() >= 1);

        // New lines count as they arrive; dropped lines subtract what they held.
        b.appendLines(QStringLiteral("c"), numbered(40, 30, QStringLiteral("err ")), LogBuffer::Timestamps::Absent);
        QCOMPARE(b.firstSequence(), 20u);
        QCOMPARE(b.matchCount(), recount(b));
        b.setMaxLines(10);
        QCOMPARE(b.matchCount(), recount(b));
        b.clear();
        QCOMPARE(b.matchCount(), 0);
        b.setSearch(LogSearch());
        QCOMPARE(b.matchCount(), 0);
    }

    void matchCountOfAFullBufferRunsInSlices()
    {
        LogBuffer b;
        QStringList lines;
        for (int i = 0; i < 100000; ++i)
            lines << QStringLiteral("2024-05-01 INFO request %1 served in %2 ms by worker-%3 path=/api/v1/items")
                         .arg(i)
                         .arg(i % 97)
                         .arg(i % 8);
        b.appendLines(QStringLiteral("c"), lines, LogBuffer::Timestamps::Absent);
        QElapsedTimer t;
        t.start();
        b.setSearch(LogSearch(QStringLiteral("WORKER-7")));
        const qint64 firstSlice = t.elapsed();
        QVERIFY2(firstSlice < 100, qPrintable(QString::number(firstSlice))); // bounded work per call
        // Appends while the count is in progress keep it exact.
        b.appendLines(QStringLiteral("c"), numbered(0, 500, QStringLiteral("worker-7 ")), LogBuffer::Timestamps::Absent);
        QTRY_VERIFY(b.isMatchCountComplete());
        QCOMPARE(b.matchCount(), 12500 - 62 + 500); // 62 of the first 500 held worker-7 and were dropped
        QCOMPARE(b.matchCount(), recount(b));
        // find() with the active search skips lines known not to match, and still finds the rest.
        using D = LogBuffer::Direction;
        QCOMPARE(b.find(b.search(), {b.firstSequence(), 0}, D::Forward)->sequence, 503u);
        QCOMPARE(b.find(b.search(), {b.endSequence(), 0}, D::Backward)->sequence, 100499u);
        QCOMPARE(b.find(b.search(), {99999, 1000}, D::Forward)->sequence, 100000u);
    }
};

QTEST_GUILESS_MAIN(TestLogBuffer)
#include "tst_logbuffer.moc"
