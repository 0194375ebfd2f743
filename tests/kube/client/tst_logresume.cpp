// LogResume: stamps parsed as the API writes them, and a followed log resumed after a drop
// delivers each line exactly once — including several identical lines at one instant.
#include "kube/client/logresume.h"

#include <QTimeZone>

#include <QTest>

using namespace kube;

class tst_LogResume : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parseStamp_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<int>("nanos");
        QTest::addColumn<QString>("text");
        const qint64 base = QDateTime(QDate(2026, 11, 27), QTime(10, 0, 0), Qt::UTC).toSecsSinceEpoch();
        QTest::newRow("nanos") << u"2026-11-27T10:00:00.123456789Z hello world"_qs << true << base << 123456789 << u"hello world"_qs;
        QTest::newRow("trimmed fraction") << u"2026-11-27T10:00:00.5Z x"_qs << true << base << 500000000 << u"x"_qs;
        QTest::newRow("no fraction") << u"2026-11-27T10:00:01Z x"_qs << true << base + 1 << 0 << u"x"_qs;
        QTest::newRow("more than nine digits") << u"2026-11-27T10:00:00.1234567891Z x"_qs << true << base << 123456789 << u"x"_qs;
        QTest::newRow("offset") << u"2026-11-27T11:30:00+01:30 x"_qs << true << base << 0 << u"x"_qs;
        QTest::newRow("negative offset") << u"2026-11-27T09:00:00-01:00 x"_qs << true << base << 0 << u"x"_qs;
        QTest::newRow("empty text") << u"2026-11-27T10:00:00Z "_qs << true << base << 0 << QString();
        QTest::newRow("no stamp") << u"hello"_qs << false << qint64(0) << 0 << QString();
        QTest::newRow("no space after") << u"2026-11-27T10:00:00Zx"_qs << false << qint64(0) << 0 << QString();
        QTest::newRow("no zone") << u"2026-11-27T10:00:00 x"_qs << false << qint64(0) << 0 << QString();
        QTest::newRow("bad month") << u"2026-13-27T10:00:00Z x"_qs << false << qint64(0) << 0 << QString();
        QTest::newRow("letters") << u"2026-11-2xT10:00:00Z x"_qs << false << qint64(0) << 0 << QString();
        QTest::newRow("empty fraction") << u"2026-11-27T10:00:00.Z x"_qs << false << qint64(0) << 0 << QString();
    }
    void parseStamp()
    {
        QFETCH(QString, line);
        QFETCH(bool, valid);
        qsizetype textStart = -1;
        const std::optional<LogResume::Stamp> stamp = LogResume::parseStamp(line, &textStart);
        QCOMPARE(stamp.has_value(), valid);
        if (!valid)
            return;
        QFETCH(qint64, seconds);
        QFETCH(int, nanos);
        QFETCH(QString, text);
        QCOMPARE(stamp->seconds, seconds);
        QCOMPARE(stamp->nanos, nanos);
        QCOMPARE(line.mid(textStart), text);
    }

    void withoutDropsEveryLineIsDelivered()
    {
        LogResume r;
        QCOMPARE(r.accept(u"2026-11-27T10:00:00.1Z a"_qs, false), std::optional<QString>(u"a"_qs));
        QCOMPARE(r.accept(u"2026-11-27T10:00:00.1Z a"_qs, false), std::optional<QString>(u"a"_qs)); // same instant, same text
        QCOMPARE(r.accept(u"2026-11-27T10:00:00.05Z late"_qs, false), std::optional<QString>(u"late"_qs)); // out of order
        QCOMPARE(r.accept(u"no stamp"_qs, false), std::optional<QString>(u"no stamp"_qs));
        QCOMPARE(r.accept(u"2026-11-27T10:00:00.2Z b"_qs, true), std::optional<QString>(u"2026-11-27T10:00:00.2Z b"_qs));
    }

    void replayAfterADropIsSkipped()
    {
        LogResume r;
        QVERIFY(!r.resumeFrom().isValid());
        const QStringList first{u"2026-11-27T10:00:00.100Z one"_qs, u"2026-11-27T10:00:00.300Z two"_qs,
                                u"2026-11-27T10:00:00.300Z two"_qs, u"2026-11-27T10:00:00.300Z three"_qs};
        for (const QString &l : first)
            QVERIFY(r.accept(l, false));
        r.reconnecting();
        QCOMPARE(r.resumeFrom(), QDateTime(QDate(2026, 11, 27), QTime(10, 0, 0), Qt::UTC));
        // The server sends again everything from 10:00:00 on, then what is new.
        QStringList delivered;
        for (const QString &l : first + QStringList{u"2026-11-27T10:00:00.300Z two"_qs, u"2026-11-27T10:00:00.400Z four"_qs,
                                                    u"2026-11-27T10:00:00.100Z old-but-new"_qs}) {
            if (std::optional<QString> kept = r.accept(l, false))
                delivered.append(*kept);
        }
        // The third "two" at .300 is new (two were seen); after .400 the replay is over, so a
        // line stamped earlier is the log's own disorder and is delivered.
        QCOMPARE(delivered, QStringList({u"two"_qs, u"four"_qs, u"old-but-new"_qs}));
    }

    void dropBeforeAnyLineResumesFromTheStart()
    {
        LogResume r;
        r.reconnecting();
        QVERIFY(!r.hasPosition());
        QCOMPARE(r.accept(u"2026-11-27T10:00:00Z a"_qs, false), std::optional<QString>(u"a"_qs));
    }
};

QTEST_GUILESS_MAIN(tst_LogResume)
#include "tst_logresume.moc"
