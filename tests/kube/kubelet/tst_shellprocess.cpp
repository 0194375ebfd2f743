// ShellScript + ShellProcess: the `sh -c` subset, run stepwise against a virtual clock.

#include "kube/kubelet/shellprocess.h"

#include <QTest>

using namespace kube::kubelet;

namespace {
const QDateTime T0 = QDateTime(QDate(2026, 11, 27), QTime(10, 0), Qt::UTC);

struct Run {
    QStringList lines;
    int exitCode = -1;
    bool exited = false;
    QDateTime end;
};

// Runs a script until it exits or `limitSeconds` of virtual time pass.
Run runScript(const QString &source, VirtualFileSystem *fs, const QString &container = QStringLiteral("c"),
              QList<VolumeMount> mounts = {}, int limitSeconds = 600)
{
    Run r;
    auto script = ShellScript::parse(source);
    if (!script.ok()) {
        r.lines << script.error().message();
        return r;
    }
    QHash<QString, QString> env{{QStringLiteral("HOSTNAME"), QStringLiteral("pod-1")}, {QStringLiteral("GREETING"), QStringLiteral("hello world")}};
    ShellProcess p(script.value(), env, FileSystemView(fs, container, mounts));
    QDateTime t = T0;
    while (true) {
        p.run(t);
        for (const ShellOutputLine &l : p.takeOutput())
            r.lines << l.text;
        if (p.isExited() || !p.wakeUpAt() || T0.secsTo(*p.wakeUpAt()) > limitSeconds)
            break;
        t = *p.wakeUpAt();
    }
    r.exited = p.isExited();
    r.exitCode = p.isExited() ? p.exitCode() : -1;
    r.end = t;
    return r;
}
} // namespace

class tst_ShellProcess : public QObject
{
    Q_OBJECT
private slots:
    void scripts_data();
    void scripts();
    void parseErrors_data();
    void parseErrors();
    void sleepYieldsAtVirtualTime();
    void loopWithoutSleepIsCapped();
    void emptyDirSharedBetweenContainers();
    void containerRootIsPrivate();
};

void tst_ShellProcess::scripts_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QStringList>("lines");
    QTest::addColumn<int>("exitCode");

    QTest::newRow("echo-plain") << "echo hello" << QStringList{"hello"} << 0;
    QTest::newRow("echo-quotes") << "echo 'a  b' \"c  d\" e\\ f" << QStringList{"a  b c  d e f"} << 0;
    QTest::newRow("echo-n-joins-lines") << "echo -n a; echo b" << QStringList{"ab"} << 0;
    QTest::newRow("echo-e-escapes") << "echo -e 'a\\nb'" << QStringList{"a", "b"} << 0;
    QTest::newRow("variable-forms") << "X=1; echo $X ${X}x \"$GREETING\" '$X'" << QStringList{"1 1x hello world $X"} << 0;
    QTest::newRow("unquoted-splitting") << "for w in $GREETING; do echo \"<$w>\"; done" << QStringList{"<hello>", "<world>"} << 0;
    QTest::newRow("status-variable") << "false; echo $?; true; echo $?" << QStringList{"1", "0"} << 0;
    QTest::newRow("and-or") << "true && echo yes; false && echo no; false || echo fallback; true || echo skipped"
                            << QStringList{"yes", "fallback"} << 0;
    QTest::newRow("and-or-chain") << "false && echo a || echo b" << QStringList{"b"} << 0;
    QTest::newRow("negation") << "! false && echo negated" << QStringList{"negated"} << 0;
    QTest::newRow("for-loop") << "for x in a b c; do echo item $x; done" << QStringList{"item a", "item b", "item c"} << 0;
    QTest::newRow("while-with-counter-file") << "touch /n; while [ ! -s /n ]; do echo once; echo x > /n; done"
                                             << QStringList{"once"} << 0;
    QTest::newRow("if-else") << "if [ -f /nope ]; then echo yes; else echo no; fi" << QStringList{"no"} << 0;
    QTest::newRow("if-elif") << "X=b; if [ $X = a ]; then echo A; elif [ $X = b ]; then echo B; fi" << QStringList{"B"} << 0;
    QTest::newRow("exit-code") << "echo before; exit 3; echo after" << QStringList{"before"} << 3;
    QTest::newRow("last-status-is-exit-code") << "false" << QStringList{} << 1;
    QTest::newRow("redirect-and-cat") << "echo one > /f; echo two >> /f; cat /f" << QStringList{"one", "two"} << 0;
    QTest::newRow("truncate-redirect") << "echo one > /f; echo two > /f; cat /f" << QStringList{"two"} << 0;
    QTest::newRow("cat-missing-file") << "cat /tmp/healthy" << QStringList{"cat: can't open '/tmp/healthy': No such file or directory"} << 1;
    QTest::newRow("stderr-to-null") << "cat /missing 2>/dev/null; echo $?" << QStringList{"1"} << 0;
    QTest::newRow("stderr-to-stdout-file") << "cat /missing > /err 2>&1; cat /err" << QStringList{"cat: can't open '/missing': No such file or directory"} << 0;
    QTest::newRow("input-redirect") << "echo data > /in; cat < /in" << QStringList{"data"} << 0;
    QTest::newRow("rm") << "touch /t; rm /t; cat /t; rm /t; rm -f /t" << QStringList{"cat: can't open '/t': No such file or directory", "rm: can't remove '/t': No such file or directory"} << 0;
    QTest::newRow("printenv") << "printenv HOSTNAME; printenv NOPE; echo $?" << QStringList{"pod-1", "1"} << 0;
    QTest::newRow("env-sorted") << "env" << QStringList{"GREETING=hello world", "HOSTNAME=pod-1"} << 0;
    QTest::newRow("hostname") << "hostname" << QStringList{"pod-1"} << 0;
    QTest::newRow("date-default") << "date" << QStringList{"Fri Nov 27 10:00:00 UTC 2026"} << 0;
    QTest::newRow("date-format") << "date +%F_%T" << QStringList{"2026-11-27_10:00:00"} << 0;
    QTest::newRow("tail-n") << "for i in 1 2 3 4; do echo $i >> /l; done; tail -n 2 /l" << QStringList{"3", "4"} << 0;
    QTest::newRow("unknown-command") << "frobnicate --now; echo $?" << QStringList{"sh: frobnicate: not found", "127"} << 0;
    QTest::newRow("comments-and-newlines") << "# start\necho a # trailing\n\necho b\n" << QStringList{"a", "b"} << 0;
    QTest::newRow("sleep-then-echo") << "sleep 5; echo awake" << QStringList{"awake"} << 0;
    QTest::newRow("bin-path-commands") << "/bin/echo hi" << QStringList{"hi"} << 0;
}

void tst_ShellProcess::scripts()
{
    QFETCH(QString, source);
    QFETCH(QStringList, lines);
    QFETCH(int, exitCode);
    VirtualFileSystem fs;
    const Run r = runScript(source, &fs);
    QCOMPARE(r.lines, lines);
    QVERIFY(r.exited);
    QCOMPARE(r.exitCode, exitCode);
}

void tst_ShellProcess::parseErrors_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("message");
    QTest::newRow("pipe") << "echo a | grep a" << "sh: unsupported syntax: pipes ('|') are not simulated (line 1)";
    QTest::newRow("background") << "sleep 1 &" << "sh: unsupported syntax: background jobs ('&') are not simulated (line 1)";
    QTest::newRow("command-substitution") << "echo $(date)" << "sh: unsupported syntax: command substitution $(…) is not simulated (line 1)";
    QTest::newRow("arithmetic") << "i=$((i+1))" << "sh: unsupported syntax: arithmetic expansion $((…)) is not simulated (line 1)";
    QTest::newRow("backticks") << "echo `date`" << "sh: unsupported syntax: command substitution `…` is not simulated (line 1)";
    QTest::newRow("missing-done") << "while true; do echo" << "sh: syntax error: unexpected end of file";
    QTest::newRow("stray-done") << "echo a; done" << "sh: syntax error: unexpected \"done\"";
    QTest::newRow("unterminated-quote") << "echo 'abc" << "sh: syntax error: unterminated quoted string";
    QTest::newRow("empty-body") << "while true; do done" << "sh: syntax error: unexpected \"done\"";
    QTest::newRow("line-number") << "echo a\necho b | cat" << "sh: unsupported syntax: pipes ('|') are not simulated (line 2)";
}

void tst_ShellProcess::parseErrors()
{
    QFETCH(QString, source);
    QFETCH(QString, message);
    const auto script = ShellScript::parse(source);
    QVERIFY(!script.ok());
    QCOMPARE(script.error().message(), message);
}

void tst_ShellProcess::sleepYieldsAtVirtualTime()
{
    VirtualFileSystem fs;
    ShellProcess p(ShellScript::parse(u"while true; do date +%T; sleep 5; done").value(), {}, FileSystemView(&fs, "c", {}));
    p.run(T0);
    QCOMPARE(p.wakeUpAt(), T0.addSecs(5));
    p.run(T0.addSecs(3)); // too early: nothing happens
    QCOMPARE(p.takeOutput().size(), 1);
    p.run(T0.addSecs(5));
    const auto out = p.takeOutput();
    QCOMPARE(out.size(), 1);
    QCOMPARE(out[0].text, QStringLiteral("10:00:05"));
    QCOMPARE(out[0].time, T0.addSecs(5));
    QVERIFY(!p.isExited());
}

void tst_ShellProcess::loopWithoutSleepIsCapped()
{
    VirtualFileSystem fs;
    const Run r = runScript("while true; do true; done", &fs);
    QVERIFY(r.exited);
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.lines, QStringList{"timonel: script stopped after 10000 steps without sleeping (simulation limit)"});
}

void tst_ShellProcess::emptyDirSharedBetweenContainers()
{
    VirtualFileSystem fs;
    runScript("echo from busy > /busy/msg", &fs, "busy", {{"test", "/busy"}});
    const Run r = runScript("cat /box/msg", &fs, "box", {{"test", "/box/"}});
    QCOMPARE(r.lines, QStringList{"from busy"});
}

void tst_ShellProcess::containerRootIsPrivate()
{
    VirtualFileSystem fs;
    runScript("echo secret > /tmp/x", &fs, "a");
    QCOMPARE(runScript("cat /tmp/x", &fs, "b").exitCode, 1);
    QCOMPARE(runScript("cat /tmp/x", &fs, "a").lines, QStringList{"secret"});
    fs.removePrefix(VirtualFileSystem::containerRootKey("a") + "/");
    QCOMPARE(runScript("cat /tmp/x", &fs, "a").exitCode, 1);
}

QTEST_GUILESS_MAIN(tst_ShellProcess)
#include "tst_shellprocess.moc"
