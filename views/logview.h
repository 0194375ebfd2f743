#pragma once
// LogView: a custom viewport over a LogBuffer that lays out and paints only the visible lines
// (QTextLayout per visible line, monospace font), so 100k buffered lines cost what one screen
// costs. It renders ANSI colours (the 16 basic ones from a palette readable on the window's
// background, any colour nudged until it contrasts), an optional timestamp column and an
// optional "[container]" column coloured per container, wraps or scrolls horizontally, and
// highlights every visible match of the buffer's search plus the current match.
//
// Positions are sequence numbers, so the view keeps its place while old lines drop. Follow:
// while following, the view sticks to the bottom; scrolling up leaves follow, End (or
// setFollowing) re-enters, scrolling back to the bottom re-enters too. Pause freezes what is
// displayed (the range [firstSequence, displayedEnd)) while the buffer keeps filling; resuming
// catches up. A paused view whose top lines are dropped by the ring shows the oldest kept line.
// Wrap: the vertical scroll bar counts logical lines (its value is the top line); wrapped rows
// are measured only for the lines on screen and the few above the bottom, never for the buffer.
//
// Buffer signals are coalesced: at most one relayout/repaint per frame (16 ms) however fast
// lines arrive. Lines longer than kMaxPaintedChars are painted cut (search, copy and save use
// the whole line).
//
// Keyboard: arrows, PgUp/PgDn, Home/End, Left/Right (no wrap), F3/Shift+F3 (next/previous
// match), Shift+Up/Down extend the selection, Ctrl+A, Ctrl+C, Esc clears the selection. Mouse:
// click selects a line, Shift+click or drag extends. GUI thread only; the buffer is not owned.
//
// Size: logview.cpp is ~770 lines on purpose — painting, scrolling, selection and the keyboard
// all work on one position model (sequence numbers that survive dropped lines) and split apart
// they would pass it around; the colour rules live in logcolors.h.

#include "models/logbuffer.h"

#include <QAbstractScrollArea>
#include <QElapsedTimer>
#include <QHash>
#include <QPointer>
#include <QTextLayout>

#include <array>
#include <memory>
#include <optional>

class QTimer;

namespace timonel {

class LogView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    static constexpr int kFrameMs = 16;
    static constexpr int kMaxPaintedChars = 10000;

    explicit LogView(QWidget *parent = nullptr);
    ~LogView() override;

    void setBuffer(LogBuffer *buffer);
    LogBuffer *buffer() const { return m_buffer; }

    bool isFollowing() const { return m_following; }
    bool isPaused() const { return m_paused; }
    bool wordWrap() const { return m_wrap; }
    bool showsTimestamps() const { return m_showTimestamps; }
    bool showsContainers() const { return m_showContainers; }

    // The first line on screen (its first visible row may be a continuation when wrapping).
    quint64 topSequence() const { return m_top; }
    // What the view shows: [buffer's firstSequence, displayedEndSequence()).
    quint64 displayedEndSequence() const { return m_displayEnd; }
    qsizetype displayedLineCount() const;
    // Lines the buffer holds beyond what is displayed (while paused).
    qsizetype pendingLineCount() const;
    // Whole rows that fit on screen.
    int visibleRowCount() const;
    bool isAtBottom() const;

    std::optional<LogMatch> currentMatch() const { return m_current; }
    bool hasSelection() const { return m_hasSelection; }
    QString selectedText() const;

    // Diagnostics for tests and benchmarks: coalesced updates so far, lines laid out by the last paint.
    int flushCount() const { return m_flushCount; }
    int lastPaintedLineCount() const { return m_lastPainted; }

public Q_SLOTS:
    void setFollowing(bool following);
    void setPaused(bool paused);
    void setWordWrap(bool wrap);
    void setShowTimestamps(bool show);
    void setShowContainers(bool show);
    void scrollToEnd() { setFollowing(true); }
    void scrollToTop();
    void findNext();
    void findPrevious();
    void selectAll();
    void clearSelection();
    void copySelection() const;

Q_SIGNALS:
    void followingChanged(bool following);
    void pausedChanged(bool paused);
    // The current match moved (or was reset); find() found nothing → notFound().
    void currentMatchChanged();
    void notFound();
    // After each coalesced update (the displayed range or pending count may have changed).
    void displayUpdated();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void changeEvent(QEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    struct Position {
        quint64 line = 0;
        int row = 0; // wrapped row within the line
    };

    void scheduleFlush();
    void flush();
    void onSearchChanged();
    void updateMetrics();
    void updatePaletteColors();
    void updateScrollBars();
    void invalidateLayouts();

    int gutterWidth() const;
    int textWidth() const;
    int rowsOf(quint64 sequence) const;
    Position bottomPosition() const;
    bool isAtOrAfter(Position a, Position b) const;
    void setTop(Position p);
    void scrollByRows(int rows);
    void updateFollowing();
    void find(LogBuffer::Direction direction);
    void ensureVisible(quint64 sequence, bool centre);
    quint64 lastVisibleLine() const;
    std::optional<quint64> lineAt(int y) const;
    void setSelectionCursor(quint64 sequence, bool extend);
    LogBuffer::LineParts shownParts() const;

    // The line laid out for the current width and options; highlights (optional) receives the
    // search matches as ranges for QTextLayout::draw().
    std::unique_ptr<QTextLayout> layoutFor(quint64 sequence, QList<QTextLayout::FormatRange> *highlights) const;
    QColor ansiColor(const AnsiColor &color, const QColor &fallback) const;
    QColor containerColor(quint16 container) const;

    QPointer<LogBuffer> m_buffer;
    QTimer *m_flushTimer = nullptr;
    QElapsedTimer m_sinceFlush;
    int m_flushCount = 0;

    quint64 m_displayEnd = 0;
    quint64 m_top = 0;
    int m_topRow = 0;
    bool m_following = true;
    bool m_paused = false;
    bool m_wrap = false;
    bool m_showTimestamps = false;
    bool m_showContainers = false;
    bool m_syncingScrollBar = false;

    bool m_hasSelection = false;
    quint64 m_anchor = 0;
    quint64 m_cursor = 0;
    std::optional<LogMatch> m_current;

    int m_lineHeight = 1;
    int m_ascent = 0;
    qreal m_charWidth = 1;
    int m_containerChars = 0;
    std::array<QColor, 256> m_palette;           // foregrounds, readable on Base
    std::array<QColor, 256> m_backgroundPalette; // backgrounds as the terminal colours are
    QColor m_matchBackground;
    QColor m_selectionBackground;

    mutable QHash<quint64, int> m_rowsCache; // wrapped row counts of lines measured lately
    int m_lastPainted = 0;
    int m_wheelAccumulator = 0;
};

} // namespace timonel
