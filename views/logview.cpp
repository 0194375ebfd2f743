#include "logview.h"

#include "logcolors.h"

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

namespace {

constexpr int kMargin = 4;
constexpr int kTimestampChars = 30; // LogBuffer::formatTimestamp's fixed width
constexpr int kMaxContainerChars = 24;
constexpr int kWheelRows = 3;
constexpr int kRowsCacheLimit = 8192;
constexpr int kMaxHighlightsPerLine = 200;

} // namespace

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

// ------------------------------------------------------------------------- metrics and layout

void LogView::updateMetrics()
{
    const QFontMetricsF fm(font());
    m_lineHeight = std::max(1, int(std::ceil(fm.lineSpacing())));
    m_ascent = int(std::round(fm.ascent()));
    m_charWidth = std::max<qreal>(1, fm.horizontalAdvance(QLatin1Char('M')));
}

void LogView::updatePaletteColors()
{
    const QColor base = palette().color(QPalette::Base);
    const AnsiBackground background = isDark(base) ? AnsiBackground::Dark : AnsiBackground::Light;
    for (int i = 0; i < 256; ++i) {
        m_backgroundPalette[size_t(i)] = fromRgb(ansiPaletteRgb(i, background));
        m_palette[size_t(i)] = readableOn(m_backgroundPalette[size_t(i)], base);
    }
    m_selectionBackground = blend(base, palette().color(QPalette::Highlight), 0.35);
    m_matchBackground = searchMatchColor(base);
}

void LogView::invalidateLayouts()
{
    m_rowsCache.clear();
}

int LogView::gutterWidth() const
{
    qreal width = kMargin;
    if (m_showTimestamps)
        width += (kTimestampChars + 1) * m_charWidth;
    if (m_showContainers && m_containerChars > 0)
        width += (m_containerChars + 3) * m_charWidth;
    return int(std::ceil(width));
}

int LogView::textWidth() const
{
    return std::max(int(m_charWidth) * 8, viewport()->width() - gutterWidth() - kMargin);
}

QColor LogView::ansiColor(const AnsiColor &color, const QColor &fallback) const
{
    switch (color.kind) {
    case AnsiColor::Kind::Default: return fallback;
    case AnsiColor::Kind::Palette: return m_palette[color.index];
    case AnsiColor::Kind::Rgb: return readableOn(fromRgb(color.rgb), palette().color(QPalette::Base));
    }
    return fallback;
}

QColor LogView::containerColor(quint16 container) const
{
    // By order of appearance, so the first twelve containers never share a colour.
    static constexpr std::array<quint8, 12> indices = {4, 2, 5, 6, 3, 1, 12, 10, 13, 14, 11, 9};
    return m_palette[indices[container % indices.size()]];
}

std::unique_ptr<QTextLayout> LogView::layoutFor(quint64 sequence, QList<QTextLayout::FormatRange> *highlights) const
{
    const LogLine &line = m_buffer->line(sequence);
    const bool cut = line.text.size() > kMaxPaintedChars;
    const QString text = cut ? line.text.left(kMaxPaintedChars) + QChar(0x2026) : line.text;
    auto layout = std::make_unique<QTextLayout>(text, font());
    QTextOption option;
    option.setWrapMode(m_wrap ? QTextOption::WrapAtWordBoundaryOrAnywhere : QTextOption::NoWrap);
    option.setTabStopDistance(8 * m_charWidth);
    layout->setTextOption(option);

    const QPalette &pal = palette();
    const QColor text0 = pal.color(QPalette::Text);
    const QColor base = pal.color(QPalette::Base);
    QList<QTextLayout::FormatRange> formats;
    formats.reserve(line.spans.size());
    for (const AnsiSpan &span : line.spans) {
        if (span.start >= kMaxPaintedChars)
            break;
        const AnsiStyle &style = span.style;
        QColor fg = ansiColor(style.foreground, text0);
        QColor bg;
        if (style.background.kind == AnsiColor::Kind::Palette)
            bg = m_backgroundPalette[style.background.index];
        else if (style.background.kind == AnsiColor::Kind::Rgb)
            bg = fromRgb(style.background.rgb);
        if (style.inverse) {
            const QColor oldFg = fg;
            fg = bg.isValid() ? bg : base;
            bg = oldFg;
        }
        const QColor under = bg.isValid() ? bg : base;
        fg = readableOn(fg, under);
        if (style.dim)
            fg = blend(under, fg, 0.65);
        QTextCharFormat format;
        format.setForeground(fg);
        if (bg.isValid())
            format.setBackground(bg);
        if (style.bold)
            format.setFontWeight(QFont::Bold);
        format.setFontItalic(style.italic);
        format.setFontUnderline(style.underline);
        formats.append({span.start, std::min(span.length, kMaxPaintedChars - span.start), format});
    }
    layout->setFormats(formats);

    layout->beginLayout();
    int rows = 0;
    const int width = textWidth();
    for (QTextLine row = layout->createLine(); row.isValid(); row = layout->createLine()) {
        row.setLineWidth(width);
        row.setPosition(QPointF(0, rows * m_lineHeight));
        ++rows;
    }
    layout->endLayout();
    if (m_wrap)
        m_rowsCache.insert(sequence, std::max(1, rows));

    if (highlights && m_buffer->search().isActive()) {
        QTextCharFormat match;
        match.setBackground(m_matchBackground);
        match.setForeground(readableOn(text0, m_matchBackground, 4.5));
        QTextCharFormat current;
        current.setBackground(pal.color(QPalette::Highlight));
        current.setForeground(pal.color(QPalette::HighlightedText));
        for (const LogMatch &m : m_buffer->matchesIn(m_buffer->search(), sequence, kMaxHighlightsPerLine)) {
            if (m.start >= kMaxPaintedChars)
                break;
            const bool isCurrent = m_current && *m_current == m;
            highlights->append({m.start, std::min(m.length, kMaxPaintedChars - m.start), isCurrent ? current : match});
        }
    }
    return layout;
}

int LogView::rowsOf(quint64 sequence) const
{
    if (!m_wrap)
        return 1;
    if (const auto it = m_rowsCache.constFind(sequence); it != m_rowsCache.constEnd())
        return it.value();
    return std::max(1, layoutFor(sequence, nullptr)->lineCount());
}

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
