// Crash safety: a child process (this executable with --crash-child) writes with several threads
// and prints every write the store acknowledged; the parent kills it with SIGKILL at a random
// moment, reopens the store and checks that every acknowledged write is there and that the
// revision did not go back. Repeated for many rounds on the same store, so each round also
// recovers from the previous crash. The seed is logged; TIMONEL_CRASH_SEED replays a run.
#include "kube/store/store.h"
#include "testobjects.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cstdio>
#include <mutex>
#include <thread>
#include <unistd.h>

using namespace kube;
using namespace timonel::test;

namespace {

constexpr int rounds = 25;
constexpr int childThreads = 4;
constexpr int keysPerThread = 40;

// The child: writes until killed. Each line "ACK <key> <revision>" is written with one write(2)
// after the store returned success, so the parent sees only acknowledged writes.
int runChild(const QString &dir, quint32 seed)
{
    Expected<std::unique_ptr<Store>> opened = Store::open(dir);
    if (!opened) {
        std::fprintf(stderr, "child: %s\n", qPrintable(opened.error().message()));
        return 2;
    }
    Store &store = **opened;
    std::mutex out;
    const auto say = [&out](const QByteArray &line) {
        std::lock_guard lock(out);
        const char *p = line.constData();
        qsizetype left = line.size();
        while (left > 0) {
            const ssize_t n = ::write(STDOUT_FILENO, p, size_t(left));
            if (n <= 0)
                return;
            p += n;
            left -= n;
        }
    };
    say("READY " + QByteArray::number(store.currentRevision()) + '\n');
    std::vector<std::thread> threads;
    for (int t = 0; t < childThreads; ++t) {
        threads.emplace_back([&, t] {
            QRandomGenerator rng(seed + quint32(t));
            for (;;) {
                const QString name = u"t%1-k%2"_qs.arg(t).arg(rng.bounded(keysPerThread));
                const QByteArray key = configMapKey(name);
                const QString value = QString::number(rng.generate()).repeated(int(rng.bounded(1, 150)));
                const std::optional<KeyEntry> current = store.entry(key);
                Expected<Object> r = current ? store.update(key, configMap(name, value), current->modRevision)
                                             : store.create(key, configMap(name, value));
                if (!r) {
                    std::fprintf(stderr, "child: %s\n", qPrintable(r.error().message()));
                    continue;
                }
                say("ACK " + key + ' ' + r->resourceVersion().toLatin1() + '\n');
            }
        });
    }
    for (std::thread &t : threads)
        t.join(); // never: the parent kills us
    return 0;
}

} // namespace

class tst_StoreCrash : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void acknowledgedWritesSurviveSigkill();
};

void tst_StoreCrash::acknowledgedWritesSurviveSigkill()
{
    const QByteArray seedText = qgetenv("TIMONEL_CRASH_SEED");
    const quint32 seed = seedText.isEmpty() ? QRandomGenerator::global()->generate() : seedText.toUInt();
    qInfo("crash test seed: %u (set TIMONEL_CRASH_SEED to replay)", seed);
    QRandomGenerator rng(seed);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString storeDir = dir.filePath(u"store"_qs);

    qint64 lastRevision = 0;
    qint64 totalAcks = 0;
    for (int round = 0; round < rounds; ++round) {
        QProcess child;
        child.setProgram(QCoreApplication::applicationFilePath());
        child.setArguments({u"--crash-child"_qs, storeDir, QString::number(rng.generate())});
        child.setProcessChannelMode(QProcess::SeparateChannels);
        child.start();
        QVERIFY(child.waitForStarted(5000));

        QByteArray output;
        QElapsedTimer clock;
        clock.start();
        while (!output.contains('\n')) {
            QVERIFY2(clock.elapsed() < 10000, "the child did not start writing");
            QVERIFY2(child.state() == QProcess::Running, child.readAllStandardError().constData());
            child.waitForReadyRead(100);
            output += child.readAllStandardOutput();
        }
        QVERIFY2(output.startsWith("READY "), output.constData());
        // The random moment of the kill; meanwhile keep draining the pipe so the child never blocks.
        const qint64 killAfterMs = 20 + qint64(rng.bounded(181));
        clock.restart();
        while (clock.elapsed() < killAfterMs) {
            child.waitForReadyRead(int(killAfterMs - clock.elapsed()) + 1);
            output += child.readAllStandardOutput();
        }
        ::kill(pid_t(child.processId()), SIGKILL);
        QVERIFY(child.waitForFinished(5000));
        output += child.readAllStandardOutput();
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        // Complete lines only: a line cut by the kill was never fully reported.
        QHash<QByteArray, qint64> acked;
        qint64 maxAck = 0;
        const QList<QByteArray> lines = output.left(output.lastIndexOf('\n') + 1).split('\n');
        const qint64 startRevision = lines.first().mid(6).toLongLong();
        QVERIFY2(startRevision >= lastRevision, "the revision went back across a restart");
        for (const QByteArray &line : lines) {
            if (!line.startsWith("ACK "))
                continue;
            const QList<QByteArray> parts = line.split(' ');
            QCOMPARE(parts.size(), 3);
            const qint64 rev = parts.at(2).toLongLong();
            acked[parts.at(1)] = std::max(acked.value(parts.at(1)), rev);
            maxAck = std::max(maxAck, rev);
        }

        Expected<std::unique_ptr<Store>> reopened = Store::open(storeDir);
        QVERIFY2(reopened, qPrintable(reopened.error().message()));
        Store &store = **reopened;
        QVERIFY2(store.currentRevision() >= maxAck, qPrintable(u"revision %1 < acknowledged %2"_qs.arg(store.currentRevision()).arg(maxAck)));
        QVERIFY(store.currentRevision() >= startRevision);
        for (auto it = acked.cbegin(); it != acked.cend(); ++it) {
            const std::optional<KeyEntry> e = store.entry(it.key());
            QVERIFY2(e, it.key().constData());
            QVERIFY2(e->modRevision >= it.value(), qPrintable(u"%1: revision %2 < acknowledged %3"_qs.arg(QString::fromLatin1(it.key())).arg(e->modRevision).arg(it.value())));
            QCOMPARE(e->object.resourceVersion(), QString::number(e->modRevision));
        }
        lastRevision = store.currentRevision();
        totalAcks += acked.size();
        qInfo("round %d: killed after %lld ms, %lld keys acknowledged (max revision %lld), reopened at %lld", round,
              killAfterMs, qint64(acked.size()), maxAck, lastRevision);
    }
    QVERIFY(totalAcks > 0);
}

int main(int argc, char **argv)
{
    if (argc >= 4 && qstrcmp(argv[1], "--crash-child") == 0)
        return runChild(QString::fromLocal8Bit(argv[2]), QByteArray(argv[3]).toUInt());
    QCoreApplication app(argc, argv);
    tst_StoreCrash test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_storecrash.moc"
