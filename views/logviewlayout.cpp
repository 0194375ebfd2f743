// LogView, part 2: metrics, colours and the layout of one line (wrapped rows, ANSI colours,
// search highlights). See logview.h.
#include "logview.h"

#include "logcolors.h"
#include "logviewmetrics.h"

#include <QFontDatabase>
#include <QPainter>
#include <QScrollBar>

#include <cmath>

namespace timonel {

using namespace logcolors;
using namespace logviewmetrics;

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

} // namespace timonel
