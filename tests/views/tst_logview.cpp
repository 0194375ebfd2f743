#include "views/logview.h"

#include <QApplication>
#include <QClipboard>
#include <QScrollBar>
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

void append(LogBuffer &b, const QStringList &lines)
{
    b.appendLines(QStringLiteral("app"), lines, LogBuffer::Timestamps::Absent);
}

} // namespace

class TestLogView : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<LogBuffer> m_buffer;
    std::unique_ptr<LogView> m_view;

    LogView &view() { return *m_view; }
    LogBuffer &buffer() { return *m_buffer; }

private Q_SLOTS:
    void init()
    {
        m_buffer = std::make_unique<LogBuffer>();
        m_view = std::make_unique<LogView>();
        m_view->resize(640, 300);
        m_view->setBuffer(m_buffer.get());
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    }

    void cleanup()
    {
        m_view.reset();
        m_buffer.reset();
    }

    void followsAndScrollBarMatchesLineCount()
    {
        append(buffer(), numbered(0, 1000));
        QTRY_COMPARE(view().displayedLineCount(), 1000);
        QVERIFY(view().isFollowing());
        const int rows = view().visibleRowCount();
        QVERIFY(rows > 3);
        QScrollBar *bar = view().verticalScrollBar();
        QCOMPARE(bar->maximum() + bar->pageStep(), 1000);
        QCOMPARE(bar->value(), bar->maximum());
        QCOMPARE(view().topSequence(), quint64(1000 - rows));

        append(buffer(), numbered(1000, 500));
        QTRY_COMPARE(view().displayedLineCount(), 1500);
        QCOMPARE(bar->maximum() + bar->pageStep(), 1500);
        QCOMPARE(view().topSequence(), quint64(1500 - rows));

        // Only the visible lines are laid out and painted.
        view().viewport()->repaint();
        QVERIFY(view().lastPaintedLineCount() >= rows);
        QVERIFY(view().lastPaintedLineCount() <= rows + 1);
    }

    void scrollingUpLeavesFollowEndReenters()
    {
        append(buffer(), numbered(0, 1000));
        QTRY_COMPARE(view().displayedLineCount(), 1000);
        QSignalSpy following(&view(), &LogView::followingChanged);
        QTest::keyClick(&view(), Qt::Key_PageUp);
        QVERIFY(!view().isFollowing());
        QCOMPARE(following.size(), 1);
        const quint64 top = view().topSequence();

        append(buffer(), numbered(1000, 200));
        QTRY_COMPARE(view().displayedLineCount(), 1200);
        QCOMPARE(view().topSequence(), top); // the view stays where the reader is

        QTest::keyClick(&view(), Qt::Key_End);
        QVERIFY(view().isFollowing());
        QVERIFY(view().isAtBottom());
        QCOMPARE(view().topSequence(), quint64(1200 - view().visibleRowCount()));

        // Dragging the scroll bar to the bottom re-enters follow too.
        QTest::keyClick(&view(), Qt::Key_Home);
        QVERIFY(!view().isFollowing());
        QCOMPARE(view().topSequence(), 0u);
        view().verticalScrollBar()->setValue(view().verticalScrollBar()->maximum());
        QVERIFY(view().isFollowing());
    }

    void keepsPlaceWhileOldLinesDrop()
    {
        buffer().setMaxLines(500);
        append(buffer(), numbered(0, 500));
        QTRY_COMPARE(view().displayedLineCount(), 500);
        view().verticalScrollBar()->setValue(300);
        QCOMPARE(view().topSequence(), 300u);
        append(buffer(), numbered(500, 100)); // drops 0–99
        QTRY_COMPARE(buffer().firstSequence(), 100u);
        QTRY_COMPARE(view().verticalScrollBar()->value(), 200);
        QCOMPARE(view().topSequence(), 300u);
        QCOMPARE(buffer().line(view().topSequence()).text, QStringLiteral("line 300"));
        append(buffer(), numbered(600, 300)); // drops past the top: the oldest kept line shows
        QTRY_COMPARE(view().topSequence(), 400u);
    }

    void pauseFreezesResumeCatchesUp()
    {
        append(buffer(), numbered(0, 100));
        QTRY_COMPARE(view().displayedLineCount(), 100);
        const quint64 top = view().topSequence();
        view().setPaused(true);
        append(buffer(), numbered(100, 250));
        const int flushes = view().flushCount();
        QTRY_VERIFY(view().flushCount() > flushes);
        QCOMPARE(view().displayedLineCount(), 100);
        QCOMPARE(view().pendingLineCount(), 250);
        QCOMPARE(view().topSequence(), top);
        QCOMPARE(view().verticalScrollBar()->maximum() + view().verticalScrollBar()->pageStep(), 100);

        view().setPaused(false);
        QCOMPARE(view().displayedLineCount(), 350);
        QCOMPARE(view().pendingLineCount(), 0);
        QVERIFY(view().isAtBottom());
        QCOMPARE(view().topSequence(), quint64(350 - view().visibleRowCount()));
    }

    void repaintsAreCoalesced()
    {
        const int before = view().flushCount();
        QElapsedTimer clock;
        clock.start();
        int batches = 0;
        for (; batches < 200; ++batches) {
            append(buffer(), numbered(batches * 10, 10));
            QTest::qWait(1);
        }
        const qint64 elapsed = clock.elapsed();
        QTRY_COMPARE(view().displayedLineCount(), qsizetype(batches) * 10);
        const int flushes = view().flushCount() - before;
        // At most one update per 16 ms frame (plus the trailing one), however many batches.
        QVERIFY2(flushes <= elapsed / LogView::kFrameMs + 3,
                 qPrintable(QStringLiteral("%1 flushes for %2 batches in %3 ms").arg(flushes).arg(batches).arg(elapsed)));
    }

    void wrapLaysOutOnlyWhatIsShown()
    {
        QStringList lines;
        for (int i = 0; i < 20000; ++i)
            lines << QStringLiteral("%1 ").arg(i) + QString(300, QLatin1Char('x'));
        append(buffer(), lines);
        view().setWordWrap(true);
        QTRY_COMPARE(view().displayedLineCount(), 20000);
        QVERIFY(view().isAtBottom());
        view().viewport()->repaint();
        // Each 300-character line takes several rows at 640 px, so fewer lines than rows are painted.
        QVERIFY(view().lastPaintedLineCount() < view().visibleRowCount());
        QVERIFY(view().lastPaintedLineCount() >= 1);
        // The scroll bar counts lines: its maximum is the top line at the bottom.
        QCOMPARE(quint64(view().verticalScrollBar()->maximum()), view().topSequence());
        QVERIFY(view().topSequence() >= 20000 - quint64(view().visibleRowCount()));

        // Rows scroll one at a time inside a wrapped line.
        const quint64 top = view().topSequence();
        for (int i = 0; i < 10; ++i)
            QTest::keyClick(&view(), Qt::Key_Up);
        QVERIFY(!view().isFollowing());
        QVERIFY(view().topSequence() < top);
        QVERIFY(view().topSequence() > top - 10); // fewer lines than rows went by
    }

    void findNextPreviousScrollsToMatches()
    {
        QStringList lines = numbered(0, 1000);
        lines[10] = QStringLiteral("a NEEDLE here");
        lines[500] = QStringLiteral("needle twice needle");
        lines[900] = QStringLiteral("last needle");
        append(buffer(), lines);
        QTRY_COMPARE(view().displayedLineCount(), 1000);
        buffer().setSearch(LogSearch(QStringLiteral("needle")));
        view().scrollToTop();

        QSignalSpy current(&view(), &LogView::currentMatchChanged);
        view().findNext();
        QCOMPARE(view().currentMatch(), (LogMatch{10, 2, 6}));
        view().findNext();
        QCOMPARE(view().currentMatch(), (LogMatch{500, 0, 6}));
        QTest::keyClick(&view(), Qt::Key_F3);
        QCOMPARE(view().currentMatch(), (LogMatch{500, 13, 6}));
        QVERIFY(view().topSequence() <= 500 && 500 < view().topSequence() + quint64(view().visibleRowCount()));
        QVERIFY(!view().isFollowing());
        view().findNext();
        view().findNext(); // wraps around
        QCOMPARE(view().currentMatch(), (LogMatch{10, 2, 6}));
        QTest::keyClick(&view(), Qt::Key_F3, Qt::ShiftModifier);
        QCOMPARE(view().currentMatch(), (LogMatch{900, 5, 6}));
        QVERIFY(view().topSequence() <= 900 && 900 < view().topSequence() + quint64(view().visibleRowCount()));
        QCOMPARE(current.size(), 6);

        // Paused: matches beyond the displayed lines are not visited.
        view().setPaused(true);
        append(buffer(), {QStringLiteral("needle after pause")});
        view().findNext();
        QCOMPARE(view().currentMatch()->sequence, 10u);

        // A new search resets the current match.
        buffer().setSearch(LogSearch(QStringLiteral("other")));
        QVERIFY(!view().currentMatch());
    }

    void selectionAndCopy()
    {
        append(buffer(), numbered(0, 5));
        QTRY_COMPARE(view().displayedLineCount(), 5);
        QCOMPARE(view().topSequence(), 0u);
        const int rowHeight = view().fontMetrics().lineSpacing();
        QTest::mouseClick(view().viewport(), Qt::LeftButton, {}, QPoint(20, rowHeight / 2));
        QTest::mouseClick(view().viewport(), Qt::LeftButton, Qt::ShiftModifier, QPoint(20, rowHeight * 2 + rowHeight / 2));
        QVERIFY(view().hasSelection());
        QCOMPARE(view().selectedText(), QStringLiteral("line 0\nline 1\nline 2"));
        QTest::keyClick(&view(), Qt::Key_Down, Qt::ShiftModifier);
        QCOMPARE(view().selectedText(), QStringLiteral("line 0\nline 1\nline 2\nline 3"));
        QTest::keyClick(&view(), Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("line 0\nline 1\nline 2\nline 3"));
        QTest::keyClick(&view(), Qt::Key_Escape);
        QVERIFY(!view().hasSelection());
        QTest::keyClick(&view(), Qt::Key_A, Qt::ControlModifier);
        QCOMPARE(view().selectedText().count(QLatin1Char('\n')), 4);
    }

    void columnsInCopiedText()
    {
        buffer().appendLines(QStringLiteral("web"), {QStringLiteral("2024-05-01T10:00:00Z \x1b[31mhello\x1b[0m")},
                             LogBuffer::Timestamps::Prefixed);
        view().setShowTimestamps(true);
        view().setShowContainers(true);
        QTRY_COMPARE(view().displayedLineCount(), 1);
        view().selectAll();
        QCOMPARE(view().selectedText(), QStringLiteral("[web] 2024-05-01T10:00:00.000000000Z hello"));
        view().viewport()->repaint(); // paints the columns and the coloured span without trouble
        QCOMPARE(view().lastPaintedLineCount(), 1);
    }

    void clearEmptiesTheView()
    {
        append(buffer(), numbered(0, 100));
        QTRY_COMPARE(view().displayedLineCount(), 100);
        buffer().clear();
        QCOMPARE(view().displayedLineCount(), 0);
        QTRY_COMPARE(view().verticalScrollBar()->maximum(), 0);
        append(buffer(), numbered(0, 3));
        QTRY_COMPARE(view().displayedLineCount(), 3);
        QCOMPARE(view().topSequence(), 100u);
    }
};

QTEST_MAIN(TestLogView)
#include "tst_logview.moc"
