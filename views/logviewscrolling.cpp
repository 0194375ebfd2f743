// LogView, part 3: positions — the top line and row, the bottom, scrolling by rows, following,
// the scroll bars, and which line is where. See logview.h.
#include "logview.h"

#include "logviewmetrics.h"

#include <QScrollBar>

#include <cmath>

namespace timonel {

using namespace logviewmetrics;

// ------------------------------------------------------------------------- positions

LogView::Position LogView::bottomPosition() const
{
    if (!m_buffer || m_displayEnd <= m_buffer->firstSequence())
        return {m_buffer ? m_buffer->firstSequence() : 0, 0};
    const quint64 first = m_buffer->firstSequence();
    int need = visibleRowCount();
    if (!m_wrap)
        return {m_displayEnd - std::min<quint64>(m_displayEnd - first, quint64(need)), 0};
    for (quint64 s = m_displayEnd; s > first;) {
        --s;
        const int rows = rowsOf(s);
        if (rows >= need)
            return {s, rows - need};
        need -= rows;
    }
    return {first, 0};
}

bool LogView::isAtOrAfter(Position a, Position b) const
{
    return a.line > b.line || (a.line == b.line && a.row >= b.row);
}

bool LogView::isAtBottom() const
{
    return isAtOrAfter({m_top, m_topRow}, bottomPosition());
}

void LogView::setTop(Position p)
{
    const quint64 first = m_buffer ? m_buffer->firstSequence() : 0;
    const Position bottom = bottomPosition();
    if (p.line < first)
        p = {first, 0};
    if (isAtOrAfter(p, bottom))
        p = bottom;
    m_top = p.line;
    m_topRow = p.row;
    updateScrollBars();
    viewport()->update();
}

void LogView::scrollByRows(int rows)
{
    if (!m_buffer)
        return;
    Position p{m_top, m_topRow};
    const quint64 first = m_buffer->firstSequence();
    if (rows > 0) {
        const Position bottom = bottomPosition();
        if (!m_wrap) {
            p.line = std::min(bottom.line, p.line + quint64(rows));
        } else {
            for (; rows > 0 && !isAtOrAfter(p, bottom); --rows) {
                if (p.row + 1 < rowsOf(p.line))
                    ++p.row;
                else
                    p = {p.line + 1, 0};
            }
        }
    } else {
        for (; rows < 0 && (p.line > first || p.row > 0); ++rows) {
            if (p.row > 0)
                --p.row;
            else
                p = {p.line - 1, rowsOf(p.line - 1) - 1};
        }
    }
    setTop(p);
    updateFollowing();
}

void LogView::scrollToTop()
{
    if (!m_buffer)
        return;
    setTop({m_buffer->firstSequence(), 0});
    updateFollowing();
}

void LogView::updateFollowing()
{
    const bool atBottom = isAtBottom();
    if (atBottom == m_following)
        return;
    m_following = atBottom;
    Q_EMIT followingChanged(atBottom);
}

void LogView::updateScrollBars()
{
    m_syncingScrollBar = true;
    QScrollBar *v = verticalScrollBar();
    const quint64 first = m_buffer ? m_buffer->firstSequence() : 0;
    const Position bottom = bottomPosition();
    v->setRange(0, int(bottom.line - first));
    v->setPageStep(visibleRowCount());
    v->setValue(int(m_top - first));

    QScrollBar *h = horizontalScrollBar();
    if (m_wrap || !m_buffer) {
        h->setRange(0, 0);
    } else {
        const int chars = std::min(m_buffer->longestLineLength(), kMaxPaintedChars + 1);
        const int contentWidth = int(std::ceil(chars * m_charWidth)) + kMargin;
        h->setRange(0, std::max(0, contentWidth - (viewport()->width() - gutterWidth())));
        h->setPageStep(std::max(1, viewport()->width() - gutterWidth()));
        h->setSingleStep(std::max(1, int(m_charWidth * 4)));
    }
    m_syncingScrollBar = false;
}

void LogView::scrollContentsBy(int dx, int dy)
{
    if (m_syncingScrollBar)
        return;
    if (dy != 0 && m_buffer) {
        QScrollBar *v = verticalScrollBar();
        if (v->value() >= v->maximum())
            setTop(bottomPosition());
        else
            setTop({m_buffer->firstSequence() + quint64(v->value()), 0});
        updateFollowing();
    }
    if (dx != 0)
        viewport()->update();
}

quint64 LogView::lastVisibleLine() const
{
    const int height = viewport()->height();
    int y = -m_topRow * m_lineHeight;
    quint64 s = m_top;
    for (; s < m_displayEnd; ++s) {
        y += rowsOf(s) * m_lineHeight;
        if (y >= height)
            return s;
    }
    return s > m_top ? s - 1 : m_top;
}

std::optional<quint64> LogView::lineAt(int y) const
{
    if (!m_buffer || m_displayEnd <= m_top)
        return std::nullopt;
    int top = -m_topRow * m_lineHeight;
    const int height = viewport()->height();
    for (quint64 s = m_top; s < m_displayEnd; ++s) {
        const int bottom = top + rowsOf(s) * m_lineHeight;
        if (y < bottom || bottom >= height)
            return s;
        top = bottom;
    }
    return m_displayEnd - 1;
}

void LogView::ensureVisible(quint64 sequence, bool centre)
{
    const int visible = visibleRowCount();
    if (sequence < m_top || (sequence == m_top && m_topRow > 0) || sequence - m_top > quint64(visible)) {
        setTop({sequence, 0});
        if (centre)
            scrollByRows(-visible / 3);
        return;
    }
    int rowsToEnd = -m_topRow;
    for (quint64 s = m_top; s <= sequence; ++s)
        rowsToEnd += rowsOf(s);
    if (rowsToEnd > visible)
        scrollByRows(rowsToEnd - visible);
}

} // namespace timonel
