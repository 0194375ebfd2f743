#include "views/logpanel.h"
#include "views/logview.h"
#include "models/logbuffer.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace timonel;

class TestLogPanel : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<LogPanel> m_panel;

    template <typename T>
    T *child(const char *name)
    {
        T *w = m_panel->findChild<T *>(QLatin1String(name));
        if (!w)
            qFatal("no child %s", name);
        return w;
    }

    static LogRequest lastRequest(const QSignalSpy &spy) { return spy.last().at(0).value<LogRequest>(); }

    void setWebPod()
    {
        m_panel->setPod(QStringLiteral("shop"), QStringLiteral("web-1"),
                        {QStringLiteral("nginx"), QStringLiteral("sidecar")}, {QStringLiteral("migrate")});
    }

private Q_SLOTS:
    void init()
    {
        m_panel = std::make_unique<LogPanel>();
        m_panel->resize(900, 500);
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    }

    void cleanup() { m_panel.reset(); }

    void setPodRequestsTheFirstContainer()
    {
        QSignalSpy requested(m_panel.get(), &LogPanel::streamRequested);
        setWebPod();
        QCOMPARE(requested.size(), 1);
        const LogRequest r = lastRequest(requested);
        QCOMPARE(r.namespace_, QStringLiteral("shop"));
        QCOMPARE(r.pod, QStringLiteral("web-1"));
        QCOMPARE(r.containers, QStringList{QStringLiteral("nginx")});
        QVERIFY(!r.allContainers);
        QVERIFY(r.follow);
        QVERIFY(!r.previous);
        QVERIFY(!r.timestamps);
        QCOMPARE(r.tailLines, std::optional<qint64>(LogPanel::kDefaultTailLines));
        QVERIFY(!r.sinceSeconds);

        // The picker offers the containers, the init container and "All containers".
        auto *picker = child<QComboBox>("container");
        QStringList items;
        for (int i = 0; i < picker->count(); ++i)
            items << picker->itemText(i);
        QVERIFY(items.contains(QStringLiteral("migrate (init)")));
        QCOMPARE(items.last(), QStringLiteral("All containers"));

        // The same pod again (a status update) does not restart the stream.
        setWebPod();
        QCOMPARE(requested.size(), 1);
    }

    void lostConnectionIsShownUntilLinesFlowAgain()
    {
        setWebPod();
        auto *status = child<QLabel>("status");
        QVERIFY(status->text().startsWith(QStringLiteral("Streaming")));
        m_panel->streamReconnecting(QStringLiteral("nginx"), QStringLiteral("connection refused"));
        QVERIFY(status->text().contains(QStringLiteral("reconnecting")));
        QCOMPARE(status->toolTip(), QStringLiteral("connection refused"));
        m_panel->appendLines(QStringLiteral("nginx"), {QStringLiteral("back")});
        QVERIFY(status->text().startsWith(QStringLiteral("Streaming")));
        // A stream that is not running (another container) changes nothing.
        m_panel->streamReconnecting(QStringLiteral("sidecar"), QStringLiteral("x"));
        QVERIFY(status->text().startsWith(QStringLiteral("Streaming")));
    }

    void togglesEmitTheRightIntent()
    {
        setWebPod();
        QSignalSpy requested(m_panel.get(), &LogPanel::streamRequested);
        QSignalSpy stopped(m_panel.get(), &LogPanel::stopRequested);

        child<QToolButton>("previous")->click();
        QCOMPARE(requested.size(), 1);
        QVERIFY(lastRequest(requested).previous);
        QVERIFY(!lastRequest(requested).timestamps);

        child<QToolButton>("timestamps")->click();
        QCOMPARE(requested.size(), 2);
        QVERIFY(lastRequest(requested).timestamps);
        QVERIFY(lastRequest(requested).previous);
        QVERIFY(m_panel->view()->showsTimestamps());

        auto *picker = child<QComboBox>("container");
        picker->setCurrentIndex(picker->findData(QStringLiteral("sidecar")));
        QCOMPARE(requested.size(), 3);
        QCOMPARE(lastRequest(requested).containers, QStringList{QStringLiteral("sidecar")});

        picker->setCurrentIndex(picker->count() - 1);
        QCOMPARE(requested.size(), 4);
        QVERIFY(lastRequest(requested).allContainers);
        QCOMPARE(lastRequest(requested).containers,
                 (QStringList{QStringLiteral("migrate"), QStringLiteral("nginx"), QStringLiteral("sidecar")}));
        QVERIFY(m_panel->view()->showsContainers());

        auto *since = child<QComboBox>("since");
        since->setCurrentIndex(since->findData(qint64(3600)));
        QCOMPARE(lastRequest(requested).sinceSeconds, std::optional<qint64>(3600));
        child<QSpinBox>("tail")->setValue(0);
        QCOMPARE(requested.size(), 6);
        QVERIFY(!lastRequest(requested).tailLines);

        child<QToolButton>("timestamps")->click();
        QVERIFY(!lastRequest(requested).timestamps);
        QVERIFY(!m_panel->view()->showsTimestamps());

        // Follow off stops the stream and keeps the lines; on asks for a following stream again.
        m_panel->appendLines(QStringLiteral("nginx"), {QStringLiteral("kept")});
        child<QToolButton>("follow")->click();
        QCOMPARE(stopped.size(), 1);
        QCOMPARE(m_panel->buffer()->size(), 1);
        const qsizetype before = requested.size();
        child<QToolButton>("follow")->click();
        QCOMPARE(requested.size(), before + 1);
        QVERIFY(lastRequest(requested).follow);
        QVERIFY(m_panel->buffer()->isEmpty()); // a new stream starts from a clean log

        // View-only options never restart the stream.
        child<QToolButton>("wrap")->click();
        child<QToolButton>("pause")->click();
        child<QSpinBox>("maxLines")->setValue(5000);
        QCOMPARE(requested.size(), before + 1);
        QVERIFY(m_panel->view()->wordWrap());
        QVERIFY(m_panel->view()->isPaused());
        QCOMPARE(m_panel->buffer()->maxLines(), 5000);

        // A new pod resets "previous" and asks again; no pod stops.
        m_panel->setPod(QStringLiteral("shop"), QStringLiteral("web-2"), {QStringLiteral("nginx")}, {});
        QVERIFY(!lastRequest(requested).previous);
        QCOMPARE(lastRequest(requested).pod, QStringLiteral("web-2"));
        m_panel->setPod({}, {}, {}, {});
        QCOMPARE(stopped.size(), 2);
    }

    void linesTimestampsAndStaleStreams()
    {
        setWebPod();
        child<QToolButton>("timestamps")->click();
        m_panel->appendLines(QStringLiteral("nginx"), {QStringLiteral("2024-05-01T10:00:00.5Z GET / 200")});
        m_panel->appendLines(QStringLiteral("sidecar"), {QStringLiteral("not requested")});
        QCOMPARE(m_panel->buffer()->size(), 1);
        const LogLine &line = m_panel->buffer()->line(m_panel->buffer()->firstSequence());
        QCOMPARE(line.text, QStringLiteral("GET / 200"));
        QVERIFY(line.hasTimestamp());
    }

    void finishReasonGoesToTheBanner()
    {
        setWebPod();
        m_panel->appendLines(QStringLiteral("nginx"), {QStringLiteral("one")});
        QVERIFY(m_panel->bannerText().isEmpty());
        m_panel->streamFinished(QStringLiteral("nginx"),
                                QStringLiteral("container \"nginx\" in pod \"web-1\" is waiting to start"));
        QVERIFY(m_panel->bannerText().contains(QStringLiteral("is waiting to start")));
        QVERIFY(!child<QToolButton>("retry")->isHidden());
        QCOMPARE(m_panel->buffer()->size(), 1); // not in the log
        QVERIFY(child<QLabel>("status")->text().contains(QStringLiteral("ended")));

        // Retry asks again and hides the banner.
        QSignalSpy requested(m_panel.get(), &LogPanel::streamRequested);
        child<QToolButton>("retry")->click();
        QCOMPARE(requested.size(), 1);
        QVERIFY(m_panel->bannerText().isEmpty());
    }

    void saveWritesTheText()
    {
        setWebPod();
        m_panel->appendLines(QStringLiteral("nginx"),
                             {QStringLiteral("\x1b[32mfirst\x1b[0m"), QStringLiteral("second\tline"), QStringLiteral("é")});
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("web.log"));
        QVERIFY(m_panel->saveTo(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("first\nsecond\tline\n\xc3\xa9\n"));

        QVERIFY(!m_panel->saveTo(dir.filePath(QStringLiteral("missing/dir/web.log"))));
        QVERIFY(m_panel->bannerText().startsWith(QStringLiteral("Could not save")));
        QVERIFY(child<QToolButton>("retry")->isHidden()); // retrying the stream would discard the log
        QCOMPARE(m_panel->buffer()->size(), 3);
    }

    void searchFieldCountsAndNavigates()
    {
        setWebPod();
        m_panel->appendLines(QStringLiteral("nginx"),
                             {QStringLiteral("error a"), QStringLiteral("ok"), QStringLiteral("Error b error c")});
        auto *search = child<QLineEdit>("search");
        QTest::keyClicks(search, QStringLiteral("error"));
        QVERIFY(child<QLabel>("matchCount")->text().startsWith(QStringLiteral("3 match"))); // "%n match(es)"
        search->setFocus();
        QTest::keyClick(search, Qt::Key_Return);
        QVERIFY(m_panel->view()->currentMatch());
        const LogMatch first = *m_panel->view()->currentMatch();
        QTest::keyClick(search, Qt::Key_Return);
        QVERIFY(!(*m_panel->view()->currentMatch() == first));
        QTest::keyClick(search, Qt::Key_Return, Qt::ShiftModifier);
        QCOMPARE(*m_panel->view()->currentMatch(), first);

        child<QToolButton>("matchCase")->click();
        QVERIFY(child<QLabel>("matchCount")->text().startsWith(QStringLiteral("2 match")));
        child<QToolButton>("regex")->click();
        search->setText(QStringLiteral("(broken"));
        QVERIFY(child<QLabel>("matchCount")->text().startsWith(QStringLiteral("Invalid pattern")));
        QVERIFY(!child<QToolButton>("findNext")->isEnabled());
    }

    void keyboardShortcuts()
    {
        setWebPod();
        m_panel->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_panel.get()));
        m_panel->view()->setFocus();
        QTest::keyClick(m_panel->view(), Qt::Key_F, Qt::ControlModifier);
        QVERIFY(child<QLineEdit>("search")->hasFocus());
        QTest::keyClick(child<QLineEdit>("search"), Qt::Key_Escape);
        QVERIFY(m_panel->view()->hasFocus());
        m_panel->appendLines(QStringLiteral("nginx"), {QStringLiteral("x")});
        QTest::keyClick(m_panel->view(), Qt::Key_L, Qt::ControlModifier);
        QVERIFY(m_panel->buffer()->isEmpty());
        // Every control can take keyboard focus.
        for (const char *name : {"container", "follow", "previous", "timestamps", "since", "tail", "pause", "autoScroll",
                                 "wrap", "search", "save", "clear", "maxLines"}) {
            auto *w = child<QWidget>(name);
            QVERIFY2(w->focusPolicy() & Qt::TabFocus, name);
            QVERIFY2(!w->toolTip().isEmpty() || qobject_cast<QLineEdit *>(w), name);
        }
    }
};

QTEST_MAIN(TestLogPanel)
#include "tst_logpanel.moc"
