// The executables' relaunch with glibc's huge-page heap (app/hugepageheap.h): which tunables are
// added to which environment, and — through hugepageprobe, a process that relaunches itself the
// same way — that glibc really backs the heap with huge pages afterwards, that the user's own
// GLIBC_TUNABLES is what the relaunched process (and so its children) sees, and that
// TIMONEL_HUGEPAGE_HEAP=0 opts out.
#include "app/hugepageheap.h"

#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>

class tst_HugePageHeap : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tunables_data();
    void tunables();
    void relaunchedProcessGetsHugePages();

private:
    struct Probe {
        QByteArray tunables;
        long anonHugeKb = -1;
    };
    static Probe runProbe(const QProcessEnvironment &env)
    {
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(HUGEPAGEPROBE), {});
        Probe out;
        if (!p.waitForFinished(30000) || p.exitCode() != 0)
            return out;
        for (const QByteArray &line : p.readAllStandardOutput().split('\n')) {
            if (line.startsWith("tunables="))
                out.tunables = line.mid(9);
            else if (line.startsWith("anonhuge_kb="))
                out.anonHugeKb = line.mid(12).toLong();
        }
        return out;
    }
    static QByteArray thpMode()
    {
        QFile f(QStringLiteral("/sys/kernel/mm/transparent_hugepage/enabled"));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        const QByteArray line = f.readAll();
        const qsizetype open = line.indexOf('['), close = line.indexOf(']');
        return open >= 0 && close > open ? line.mid(open + 1, close - open - 1) : QByteArray();
    }
};

void tst_HugePageHeap::tunables_data()
{
    QTest::addColumn<QByteArray>("existing"); // "-": unset
    QTest::addColumn<QByteArray>("mode");
    QTest::addColumn<QByteArray>("expected");
    const QByteArray ours = "glibc.malloc.hugetlb=1";
    QTest::newRow("madvise, unset") << QByteArray("-") << QByteArray("madvise") << ours;
    QTest::newRow("madvise, empty") << QByteArray("") << QByteArray("madvise") << ours;
    QTest::newRow("madvise, user's own kept first") << QByteArray("glibc.malloc.check=3") << QByteArray("madvise")
                                                  << QByteArray("glibc.malloc.check=3:") + ours;
    QTest::newRow("user chose hugetlb") << QByteArray("glibc.malloc.hugetlb=0") << QByteArray("madvise") << QByteArray();
    QTest::newRow("always: nothing to gain") << QByteArray("-") << QByteArray("always") << QByteArray();
    QTest::newRow("never") << QByteArray("-") << QByteArray("never") << QByteArray();
    QTest::newRow("no THP") << QByteArray("-") << QByteArray() << QByteArray();
}

void tst_HugePageHeap::tunables()
{
    QFETCH(QByteArray, existing);
    QFETCH(QByteArray, mode);
    QFETCH(QByteArray, expected);
    char buffer[1024];
    const char *got = timonel::hugePageTunablesFor(existing == "-" ? nullptr : existing.constData(), mode.constData(),
                                                   buffer, sizeof buffer);
    QCOMPARE(QByteArray(got), expected);
    // A buffer too small for the result: nothing rather than a cut value.
    char tiny[8];
    QCOMPARE(QByteArray(timonel::hugePageTunablesFor(nullptr, "madvise", tiny, sizeof tiny)), QByteArray());
}

void tst_HugePageHeap::relaunchedProcessGetsHugePages()
{
    if (thpMode() != "madvise")
        QSKIP("transparent huge pages are not in madvise mode here: the relaunch does nothing");
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("GLIBC_TUNABLES"));
    env.remove(QStringLiteral("TIMONEL_HUGEPAGE_HEAP"));
    env.insert(QStringLiteral("GLIBC_TUNABLES"), QStringLiteral("glibc.malloc.check=0"));
    const Probe relaunched = runProbe(env);
    QCOMPARE(relaunched.tunables, QByteArray("glibc.malloc.check=0")); // the user's, restored
    QVERIFY2(relaunched.anonHugeKb >= 2048, qPrintable(QStringLiteral("AnonHugePages %1 kB").arg(relaunched.anonHugeKb)));

    env.remove(QStringLiteral("GLIBC_TUNABLES"));
    const Probe unset = runProbe(env);
    QCOMPARE(unset.tunables, QByteArray("(unset)"));
    QVERIFY(unset.anonHugeKb >= 2048);

    env.insert(QStringLiteral("TIMONEL_HUGEPAGE_HEAP"), QStringLiteral("0"));
    const Probe optedOut = runProbe(env);
    QCOMPARE(optedOut.tunables, QByteArray("(unset)"));
    QVERIFY2(optedOut.anonHugeKb < relaunched.anonHugeKb / 4,
             qPrintable(QStringLiteral("opted out %1 kB vs %2 kB").arg(optedOut.anonHugeKb).arg(relaunched.anonHugeKb)));
}

QTEST_GUILESS_MAIN(tst_HugePageHeap)
#include "tst_hugepageheap.moc"
