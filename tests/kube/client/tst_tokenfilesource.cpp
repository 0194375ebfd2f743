#include "kube/client/tokenfilesource.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace kube;

namespace {
class FakeClock final : public Clock
{
public:
    QDateTime now() const override { return m_now; }
    void advance(int seconds) { m_now = m_now.addSecs(seconds); }
    QDateTime m_now = QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);
};

void writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(content);
}
} // namespace

class tst_TokenFileSource : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsAndTrims();
    void rereadsAtMostOncePerMinute();
    void forceRefreshRereadsAtOnce();
    void errors_data();
    void errors();
    void keepsEarlierTokenWhenRereadFails();
};

void tst_TokenFileSource::readsAndTrims()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"token"_qs);
    writeFile(path, "  abc.def  \n");
    FakeClock clock;
    TokenFileSource source(path, &clock);
    auto c = source.credential(false);
    QVERIFY(c.ok());
    QCOMPARE(c->token, QByteArray("abc.def"));
    QVERIFY(!c->expiry.isValid());
    QCOMPARE(source.describe(), u"token file "_qs + path);
}

void tst_TokenFileSource::rereadsAtMostOncePerMinute()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"token"_qs);
    writeFile(path, "one");
    FakeClock clock;
    TokenFileSource source(path, &clock);
    QCOMPARE(source.credential(false).value().token, QByteArray("one"));
    writeFile(path, "two"); // rotated in place
    clock.advance(59);
    QCOMPARE(source.credential(false).value().token, QByteArray("one"));
    clock.advance(1);
    QCOMPARE(source.credential(false).value().token, QByteArray("two"));
}

void tst_TokenFileSource::forceRefreshRereadsAtOnce()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"token"_qs);
    writeFile(path, "one");
    FakeClock clock;
    TokenFileSource source(path, &clock);
    QCOMPARE(source.credential(false).value().token, QByteArray("one"));
    writeFile(path, "two");
    QCOMPARE(source.credential(true).value().token, QByteArray("two"));
}

void tst_TokenFileSource::errors_data()
{
    QTest::addColumn<QByteArray>("content"); // null: no file
    QTest::addColumn<QString>("message");
    QTest::newRow("missing-file") << QByteArray() << u"cannot read token file"_qs;
    QTest::newRow("blank-file") << QByteArray(" \n") << u"is empty"_qs;
}

void tst_TokenFileSource::errors()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"token"_qs);
    if (!content.isNull())
        writeFile(path, content);
    FakeClock clock;
    TokenFileSource source(path, &clock);
    auto c = source.credential(false);
    QVERIFY(!c.ok());
    QVERIFY2(c.error().message().contains(message), qPrintable(c.error().message()));
    QVERIFY(c.error().message().contains(path));
}

void tst_TokenFileSource::keepsEarlierTokenWhenRereadFails()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"token"_qs);
    writeFile(path, "one");
    FakeClock clock;
    TokenFileSource source(path, &clock);
    QVERIFY(source.credential(false).ok());
    QFile::remove(path);
    auto c = source.credential(true);
    QVERIFY(c.ok());
    QCOMPARE(c->token, QByteArray("one"));
}

QTEST_GUILESS_MAIN(tst_TokenFileSource)
#include "tst_tokenfilesource.moc"
