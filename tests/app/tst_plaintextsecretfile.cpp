// PlainTextSecretFile: entries round-trip, the file is 0600 whatever the umask, a write replaces
// it atomically (no temporary left behind), removing the last entry removes the file.
#include "app/plaintextsecretfile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using timonel::PlainTextSecretFile;

namespace {

int modeOf(const QString &path)
{
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

} // namespace

class TestPlainTextSecretFile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTripsAndIsPrivate()
    {
        QTemporaryDir dir;
        const QString path = dir.path() + QStringLiteral("/new/sub/tokens.json");
        PlainTextSecretFile file(path);
        QVERIFY(!file.exists());
        QVERIFY(!file.read(QStringLiteral("a#b")));
        const mode_t previous = ::umask(0);
        const kube::Status written = file.write(QStringLiteral("/k/config#prod"), "tok-1");
        ::umask(previous);
        QVERIFY2(written.isSuccess(), qPrintable(written.message()));
        QCOMPARE(modeOf(path), 0600);
        QCOMPARE(modeOf(dir.path() + QStringLiteral("/new/sub")), 0700); // created for it: private too
        QCOMPARE(file.read(QStringLiteral("/k/config#prod")), std::optional<QByteArray>("tok-1"));
        QVERIFY(file.write(QStringLiteral("/k/config#dev"), "tok-2").isSuccess());
        QCOMPARE(file.read(QStringLiteral("/k/config#prod")), std::optional<QByteArray>("tok-1"));
        QCOMPARE(file.read(QStringLiteral("/k/config#dev")), std::optional<QByteArray>("tok-2"));
        // Only the file itself in its directory: no temporary left over.
        QCOMPARE(QDir(dir.path() + QStringLiteral("/new/sub")).entryList(QDir::Files | QDir::Hidden), QStringList{u"tokens.json"_qs});
    }

    void aLooserExistingFileIsReplacedPrivate()
    {
        QTemporaryDir dir;
        const QString path = dir.path() + QStringLiteral("/tokens.json");
        QFile loose(path);
        QVERIFY(loose.open(QIODevice::WriteOnly));
        loose.write("{}");
        loose.close();
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
        PlainTextSecretFile file(path);
        QVERIFY(file.write(QStringLiteral("x#y"), "tok").isSuccess());
        QCOMPARE(modeOf(path), 0600);
    }

    void removingTheLastEntryRemovesTheFile()
    {
        QTemporaryDir dir;
        PlainTextSecretFile file(dir.path() + QStringLiteral("/tokens.json"));
        QVERIFY(file.write(QStringLiteral("a#1"), "one").isSuccess());
        QVERIFY(file.write(QStringLiteral("a#2"), "two").isSuccess());
        QVERIFY(file.remove(QStringLiteral("a#1")).isSuccess());
        QVERIFY(!file.read(QStringLiteral("a#1")));
        QVERIFY(file.exists());
        QVERIFY(file.remove(QStringLiteral("a#2")).isSuccess());
        QVERIFY(!file.exists());
        QVERIFY(file.remove(QStringLiteral("a#2")).isSuccess()); // absent: nothing to do
    }
};

QTEST_GUILESS_MAIN(TestPlainTextSecretFile)
#include "tst_plaintextsecretfile.moc"
