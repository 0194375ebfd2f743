// LogView, part 1: the buffer it shows, coalesced updates, options, search and selection, and
// the events (paint, keys, mouse). Parts 2 and 3: logviewlayout.cpp, logviewscrolling.cpp.
#include "logview.h"

#include "logcolors.h"
#include "logviewmetrics.h"

#include <QClipboard>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>
#include <QTimer>

#include <cmath>

namespace timonel {

using namespace logcolors;
using namespace logviewmetrics;

LogView::LogView(QWidget *parent) : QAbstractScrollArea(parent), m_flushTimer(new QTimer(this))
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Log lines"));
    viewport()->setBackgroundRole(QPalette::Base);
    viewport()->setAutoFillBackground(true);
    verticalScrollBar()->setSingleStep(1);
    m_flushTimer->setSingleShot(true);
    m_flushTimer->setTimerType(Qt::PreciseTimer);
    connect(m_flushTimer, &QTimer::timeout, this, &LogView::flush);
    updateMetrics();
    updatePaletteColors();
}

LogView::~LogView() = default;

void LogView::setBuffer(LogBuffer *buffer)
{
    if (m_buffer)
        disconnect(m_buffer, nullptr, this, nullptr);
    m_buffer = buffer;
    m_current.reset();
    m_hasSelection = false;
    invalidateLayouts();
    if (buffer) {
        connect(buffer, &LogBuffer::linesChanged, this, &LogView::scheduleFlush);
        connect(buffer, &LogBuffer::searchChanged, this, &LogView::onSearchChanged);
        m_top = buffer->firstSequence();
        m_displayEnd = m_paused ? buffer->firstSequence() : buffer->endSequence();
    }
    m_topRow = 0;
    flush();
}

qsizetype LogView::displayedLineCount() const
{
    if (!m_buffer || m_displayEnd <= m_buffer->firstSequence())
        return 0;
    return qsizetype(m_displayEnd - m_buffer->firstSequence());
}

qsizetype LogView::pendingLineCount() const
{
    if (!m_buffer)
        return 0;
    return qsizetype(m_buffer->endSequence() - std::max(m_displayEnd, m_buffer->firstSequence()));
}

int LogView::visibleRowCount() const
{
    return std::max(1, viewport()->height() / m_lineHeight);
}

// ------------------------------------------------------------------------- coalesced updates

void LogView::scheduleFlush()
{
    if (m_flushTimer->isActive())
        return;
    const qint64 since = m_sinceFlush.isValid() ? m_sinceFlush.elapsed() : kFrameMs;
    m_flushTimer->start(int(std::max<qint64>(0, kFrameMs - since)));
}

void LogView::flush()
{
    m_flushTimer->stop();
    m_sinceFlush.start();
    ++m_flushCount;
    if (!m_buffer) {
        m_displayEnd = m_top = 0;
        m_topRow = 0;
        updateScrollBars();
        viewport()->update();
        return;
    }
    const quint64 first = m_buffer->firstSequence();
    if (!m_paused || m_displayEnd > m_buffer->endSequence())
        m_displayEnd = m_buffer->endSequence();
    m_displayEnd = std::max(m_displayEnd, first);

    int containerChars = 0;
    if (m_showContainers) {
        for (const QString &name : m_buffer->containers())
            containerChars = std::max(containerChars, int(name.size()));
        containerChars = std::min(containerChars, kMaxContainerChars);
    }
    if (containerChars != m_containerChars) {
        m_containerChars = containerChars;
        invalidateLayouts(); // the text column moved
    }
    if (m_rowsCache.size() > kRowsCacheLimit)
        m_rowsCache.clear();

    if (m_top < first) {
        m_top = first;
        m_topRow = 0;
    }
    if (m_hasSelection) {
        if (std::max(m_anchor, m_cursor) < first || std::min(m_anchor, m_cursor) >= m_displayEnd) {
            m_hasSelection = false;
        } else {
            m_anchor = std::clamp(m_anchor, first, m_displayEnd - 1);
            m_cursor = std::clamp(m_cursor, first, m_displayEnd - 1);
        }
    }
    if (m_current && !m_buffer->contains(m_current->sequence)) {
        m_current.reset();
        Q_EMIT currentMatchChanged();
    }
    const Position bottom = bottomPosition();
    if (m_following || isAtOrAfter({m_top, m_topRow}, bottom)) {
        m_top = bottom.line;
        m_topRow = bottom.row;
    }
    updateScrollBars();
    viewport()->update();
    Q_EMIT displayUpdated();
}

void LogView::onSearchChanged()
{
    if (m_current) {
        m_current.reset();
        Q_EMIT currentMatchChanged();
    }
    viewport()->update();
}

// ------------------------------------------------------------------------- options

void LogView::setFollowing(bool following)
{
    if (following != m_following) {
        m_following = following;
        Q_EMIT followingChanged(following);
    }
    if (following)
        setTop(bottomPosition());
}

void LogView::setPaused(bool paused)
{
    if (paused == m_paused)
        return;
    m_paused = paused;
    Q_EMIT pausedChanged(paused);
    if (!paused)
        flush(); // catch up at once
}

void LogView::setWordWrap(bool wrap)
{
    if (wrap == m_wrap)
        return;
    m_wrap = wrap;
    m_topRow = 0;
    invalidateLayouts();
    flush();
}

void LogView::setShowTimestamps(bool show)
{
    if (show == m_showTimestamps)
        return;
    m_showTimestamps = show;
    invalidateLayouts();
    flush();
}

void LogView::setShowContainers(bool show)
{
    if (show == m_showContainers)
        return;
    m_showContainers = show;
    invalidateLayouts();
    flush();
}

LogBuffer::LineParts LogView::shownParts() const
{
    LogBuffer::LineParts parts;
    if (m_showTimestamps)
        parts |= LogBuffer::WithTimestamp;
    if (m_showContainers)
        parts |= LogBuffer::WithContainer;
    return parts;
}

// ------------------------------------------------------------------------- search and selection

void LogView::findNext()
{
    find(LogBuffer::Direction::Forward);
}

void LogView::findPrevious()
{
    find(LogBuffer::Direction::Backward);
}

void LogView::find(LogBuffer::Direction direction)
{
    if (!m_buffer || !m_buffer->search().isActive())
        return;
    if (m_flushTimer->isActive())
        flush(); // search what has arrived, not what the last frame showed
    const bool forward = direction == LogBuffer::Direction::Forward;
    LogPosition from;
    if (m_current && m_buffer->contains(m_current->sequence))
        from = {m_current->sequence, forward ? m_current->start + 1 : m_current->start};
    else
        from = forward ? LogPosition{m_top, 0} : LogPosition{lastVisibleLine() + 1, 0};
    const auto match = m_buffer->find(m_buffer->search(), from, direction, m_displayEnd);
    if (!match) {
        Q_EMIT notFound();
        return;
    }
    m_current = match;
    ensureVisible(match->sequence, true);
    if (m_following) { // looking at a match: new lines must not scroll it away
        m_following = false;
        Q_EMIT followingChanged(false);
    }
    viewport()->update();
    Q_EMIT currentMatchChanged();
}

void LogView::setSelectionCursor(quint64 sequence, bool extend)
{
    if (!extend || !m_hasSelection)
        m_anchor = sequence;
    m_cursor = sequence;
    m_hasSelection = true;
    viewport()->update();
}

void LogView::selectAll()
{
    if (displayedLineCount() == 0)
        return;
    m_anchor = m_buffer->firstSequence();
    m_cursor = m_displayEnd - 1;
    m_hasSelection = true;
    viewport()->update();
}

void LogView::clearSelection()
{
    m_hasSelection = false;
    viewport()->update();
}

QString LogView::selectedText() const
{
    if (!m_hasSelection || displayedLineCount() == 0)
        return {};
    const quint64 from = std::max(std::min(m_anchor, m_cursor), m_buffer->firstSequence());
    const quint64 to = std::min(std::max(m_anchor, m_cursor), m_displayEnd - 1);
    QStringList lines;
    for (quint64 s = from; s <= to; ++s)
        lines << m_buffer->lineText(s, shownParts());
    return lines.join(QLatin1Char('\n'));
}

void LogView::copySelection() const
{
    if (m_hasSelection)
        QGuiApplication::clipboard()->setText(selectedText());
}

// ------------------------------------------------------------------------- events

void LogView::paintEvent(QPaintEvent *)
{
    QPainter p(viewport());
    m_lastPainted = 0;
    if (!m_buffer)
        return;
    const QPalette &pal = palette();
    const int width = viewport()->width();
    const int height = viewport()->height();
    const int gutter = gutterWidth();
    const int scrollX = m_wrap ? 0 : horizontalScrollBar()->value();
    const quint64 selFrom = std::min(m_anchor, m_cursor);
    const quint64 selTo = std::max(m_anchor, m_cursor);
    const QColor placeholder = pal.color(QPalette::PlaceholderText);
    const QString ellipsis(QChar(0x2026));

    int y = -m_topRow * m_lineHeight;
    for (quint64 s = std::max(m_top, m_buffer->firstSequence()); s < m_displayEnd && y < height; ++s) {
        QList<QTextLayout::FormatRange> highlights;
        const std::unique_ptr<QTextLayout> layout = layoutFor(s, &highlights);
        const int h = std::max(1, layout->lineCount()) * m_lineHeight;
        ++m_lastPainted;
        if (m_hasSelection && s >= selFrom && s <= selTo)
            p.fillRect(QRect(0, y, width, h), m_selectionBackground);

        const LogLine &line = m_buffer->line(s);
        // The columns in kubectl's order (--prefix before --timestamps), as copy and save write them.
        qreal x = kMargin;
        if (m_showContainers && m_containerChars > 0) {
            QString name = m_buffer->containerName(line);
            if (name.size() > m_containerChars)
                name = name.left(m_containerChars - 1) + ellipsis;
            p.setPen(containerColor(line.container));
            p.drawText(QPointF(x, y + m_ascent), u'[' + name + u']');
            x += (m_containerChars + 3) * m_charWidth;
        }
        if (m_showTimestamps && line.hasTimestamp()) {
            p.setPen(placeholder);
            p.drawText(QPointF(x, y + m_ascent), LogBuffer::formatTimestamp(line.timestampNs));
        }

        p.save();
        p.setClipRect(QRect(gutter, y, width - gutter, h));
        p.setPen(pal.color(QPalette::Text));
        layout->draw(&p, QPointF(gutter - scrollX, y), highlights);
        p.restore();
        y += h;
    }
}

void LogView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    if (m_wrap)
        invalidateLayouts();
    flush();
}

void LogView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        updateMetrics();
        invalidateLayouts();
        flush();
    } else if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        updatePaletteColors();
        viewport()->update();
    }
}

void LogView::keyPressEvent(QKeyEvent *event)
{
    if (event == QKeySequence::Copy)
        return copySelection();
    if (event == QKeySequence::SelectAll)
        return selectAll();
    if (event == QKeySequence::FindNext)
        return findNext();
    if (event == QKeySequence::FindPrevious)
        return findPrevious();
    const bool shift = event->modifiers() & Qt::ShiftModifier;
    const int page = std::max(1, visibleRowCount() - 1);
    switch (event->key()) {
    case Qt::Key_Up:
    case Qt::Key_Down: {
        const int step = event->key() == Qt::Key_Up ? -1 : 1;
        if (!shift || !m_buffer || displayedLineCount() == 0)
            return scrollByRows(step);
        const quint64 from = m_hasSelection ? m_cursor : m_top;
        const quint64 to = step < 0 ? std::max(from, m_buffer->firstSequence() + 1) - 1 : std::min(from + 1, m_displayEnd - 1);
        setSelectionCursor(to, true);
        ensureVisible(to, false);
        return;
    }
    case Qt::Key_PageUp: return scrollByRows(-page);
    case Qt::Key_PageDown: return scrollByRows(page);
    case Qt::Key_Home: return scrollToTop();
    case Qt::Key_End: return setFollowing(true);
    case Qt::Key_Left:
        return horizontalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepSub);
    case Qt::Key_Right:
        return horizontalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepAdd);
    case Qt::Key_Escape:
        if (m_hasSelection)
            return clearSelection();
        break;
    default:
        break;
    }
    QAbstractScrollArea::keyPressEvent(event);
}

void LogView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QAbstractScrollArea::mousePressEvent(event);
    setFocus(Qt::MouseFocusReason);
    const auto line = lineAt(int(event->position().y()));
    if (!line)
        return clearSelection();
    setSelectionCursor(*line, (event->modifiers() & Qt::ShiftModifier) && m_hasSelection);
}

void LogView::mouseMoveEvent(QMouseEvent *event)
{
    if (!(event->buttons() & Qt::LeftButton) || !m_hasSelection)
        return;
    const int y = int(event->position().y());
    if (y < 0)
        scrollByRows(-1);
    else if (y >= viewport()->height())
        scrollByRows(1);
    if (const auto line = lineAt(std::clamp(y, 0, viewport()->height() - 1)))
        setSelectionCursor(*line, true);
}

void LogView::wheelEvent(QWheelEvent *event)
{
    const QPoint delta = event->angleDelta();
    if (delta.y() != 0) {
        m_wheelAccumulator += delta.y() * kWheelRows;
        const int rows = m_wheelAccumulator / 120;
        m_wheelAccumulator -= rows * 120;
        if (rows != 0)
            scrollByRows(-rows);
    } else if (delta.x() != 0 && !m_wrap) {
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
    }
    event->accept();
}

} // namespace timonel
