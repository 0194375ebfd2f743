#include "diffview.h"

#include "editortheme.h"

#include <QAbstractScrollArea>
#include <QAction>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPainter>
#include <QScrollBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace timonel {

// Paints the aligned rows of both texts; one scroll position for both columns.
class DiffArea : public QAbstractScrollArea
{
public:
    explicit DiffArea(DiffView *view) : QAbstractScrollArea(view), m_view(view)
    {
        setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        setFocusPolicy(Qt::StrongFocus);
        setAccessibleName(DiffView::tr("Differences"));
        viewport()->setBackgroundRole(QPalette::Base);
    }

    int rowHeight() const { return fontMetrics().height(); }
    int visibleRows() const { return std::max(1, viewport()->height() / rowHeight()); }

    void updateScrollBars()
    {
        verticalScrollBar()->setRange(0, std::max(0, int(m_view->m_rows.size()) - visibleRows()));
        verticalScrollBar()->setPageStep(visibleRows());
        verticalScrollBar()->setSingleStep(1);
        int widest = 0;
        for (const QStringList *lines : {&m_view->m_left, &m_view->m_right}) {
            for (const QString &line : *lines)
                widest = std::max(widest, int(line.size()));
        }
        const int textWidth = widest * fontMetrics().horizontalAdvance(u'x');
        horizontalScrollBar()->setRange(0, std::max(0, textWidth - (columnWidth() - gutterWidth())));
        horizontalScrollBar()->setPageStep(columnWidth());
        viewport()->update();
    }

    // Puts row near the top third of the view.
    void showRow(int row)
    {
        verticalScrollBar()->setValue(std::max(0, row - visibleRows() / 3));
        viewport()->update();
    }

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        QAbstractScrollArea::resizeEvent(event);
        updateScrollBars();
    }

    void keyPressEvent(QKeyEvent *event) override
    {
        QScrollBar *v = verticalScrollBar();
        switch (event->key()) {
        case Qt::Key_N: m_view->nextChange(); return;
        case Qt::Key_P: m_view->previousChange(); return;
        case Qt::Key_Down: v->setValue(v->value() + 1); return;
        case Qt::Key_Up: v->setValue(v->value() - 1); return;
        case Qt::Key_PageDown: v->setValue(v->value() + v->pageStep()); return;
        case Qt::Key_PageUp: v->setValue(v->value() - v->pageStep()); return;
        case Qt::Key_Home: v->setValue(0); return;
        case Qt::Key_End: v->setValue(v->maximum()); return;
        default: QAbstractScrollArea::keyPressEvent(event);
        }
    }

    void paintEvent(QPaintEvent *) override
    {
        const EditorTheme theme = EditorTheme::fromPalette(palette());
        QPainter painter(viewport());
        const int height = rowHeight();
        const int first = verticalScrollBar()->value();
        const int column = columnWidth();
        const int gutter = gutterWidth();
        const int shift = horizontalScrollBar()->value();
        const int ascent = fontMetrics().ascent();
        const QList<DiffRow> &rows = m_view->m_rows;
        const int currentStart = m_view->m_current >= 0 ? m_view->m_changes[m_view->m_current] : -1;
        int currentEnd = currentStart;
        while (currentEnd >= 0 && currentEnd < rows.size() && rows[currentEnd].kind != DiffKind::Same)
            ++currentEnd;
        for (int r = first; r < rows.size() && (r - first) * height < viewport()->height(); ++r) {
            const DiffRow &row = rows[r];
            const int y = (r - first) * height;
            QColor leftBackground;
            QColor rightBackground;
            switch (row.kind) {
            case DiffKind::Same: break;
            case DiffKind::Removed: leftBackground = theme.diffRemoved; rightBackground = theme.diffFiller; break;
            case DiffKind::Added: leftBackground = theme.diffFiller; rightBackground = theme.diffAdded; break;
            case DiffKind::Changed: leftBackground = theme.diffChangedLeft; rightBackground = theme.diffChangedRight; break;
            }
            for (int side = 0; side < 2; ++side) {
                const int x0 = side * column;
                const QColor &background = side == 0 ? leftBackground : rightBackground;
                if (background.isValid())
                    painter.fillRect(x0, y, column, height, background);
                const int line = side == 0 ? row.left : row.right;
                if (line < 0)
                    continue;
                painter.fillRect(x0, y, gutter, height, theme.gutterBackground);
                painter.setPen(theme.gutterText);
                painter.drawText(QRect(x0, y, gutter - 4, height), Qt::AlignRight | Qt::AlignVCenter, QString::number(line + 1));
                painter.save();
                painter.setClipRect(x0 + gutter, y, column - gutter, height);
                painter.setPen(palette().color(QPalette::Text));
                const QStringList &lines = side == 0 ? m_view->m_left : m_view->m_right;
                painter.drawText(x0 + gutter + 4 - shift, y + ascent, lines[line]);
                painter.restore();
            }
            if (r >= currentStart && r < currentEnd) // the current change: a bar on both edges
                painter.fillRect(0, y, 3, height, palette().color(QPalette::Highlight));
        }
        painter.setPen(theme.gutterText);
        painter.drawLine(column, 0, column, viewport()->height());
    }

private:
    int columnWidth() const { return std::max(1, viewport()->width() / 2); }
    int gutterWidth() const
    {
        const int lines = int(std::max(m_view->m_left.size(), m_view->m_right.size()));
        return fontMetrics().horizontalAdvance(u'9') * (int(QString::number(std::max(lines, 1)).size()) + 1) + 4;
    }

    DiffView *m_view;
};

DiffView::DiffView(QWidget *parent) : QWidget(parent)
{
    m_leftTitle = new QLabel(this);
    m_rightTitle = new QLabel(this);
    m_summary = new QLabel(this);
    for (QLabel *l : {m_leftTitle, m_rightTitle})
        l->setTextFormat(Qt::PlainText);
    QFont bold = m_leftTitle->font();
    bold.setBold(true);
    m_leftTitle->setFont(bold);
    m_rightTitle->setFont(bold);

    m_previous = new QAction(tr("Previous Change"), this);
    m_previous->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F8));
    m_previous->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_previous->setToolTip(tr("Previous change (Shift+F8 or P)"));
    connect(m_previous, &QAction::triggered, this, &DiffView::previousChange);
    addAction(m_previous);
    m_next = new QAction(tr("Next Change"), this);
    m_next->setShortcut(QKeySequence(Qt::Key_F8));
    m_next->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_next->setToolTip(tr("Next change (F8 or N)"));
    connect(m_next, &QAction::triggered, this, &DiffView::nextChange);
    addAction(m_next);
    auto *previousButton = new QToolButton(this);
    previousButton->setDefaultAction(m_previous);
    previousButton->setArrowType(Qt::UpArrow);
    previousButton->setFocusPolicy(Qt::TabFocus);
    auto *nextButton = new QToolButton(this);
    nextButton->setDefaultAction(m_next);
    nextButton->setArrowType(Qt::DownArrow);
    nextButton->setFocusPolicy(Qt::TabFocus);

    m_area = new DiffArea(this);
    auto *header = new QHBoxLayout;
    header->addWidget(m_leftTitle, 1);
    header->addWidget(m_summary);
    header->addWidget(previousButton);
    header->addWidget(nextButton);
    header->addWidget(m_rightTitle, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_area, 1);
    setFocusProxy(m_area);
    updateSummary();
}

void DiffView::setTexts(const QString &leftTitle, const QString &leftText, const QString &rightTitle, const QString &rightText)
{
    m_leftTitle->setText(leftTitle);
    m_rightTitle->setText(rightTitle);
    m_left = leftText.split(u'\n');
    m_right = rightText.split(u'\n');
    if (m_left.size() > 1 && m_left.last().isEmpty()) // a final newline is not a line
        m_left.removeLast();
    if (m_right.size() > 1 && m_right.last().isEmpty())
        m_right.removeLast();
    m_rows = diffLines(m_left, m_right);
    m_changes = changeStarts(m_rows);
    m_current = -1;
    m_area->updateScrollBars();
    m_area->verticalScrollBar()->setValue(0);
    updateSummary();
    emit currentChangeChanged(m_current, changeCount());
}

int DiffView::firstVisibleRow() const
{
    return m_area->verticalScrollBar()->value();
}

void DiffView::nextChange()
{
    if (m_current + 1 < changeCount())
        goToChange(m_current + 1);
}

void DiffView::previousChange()
{
    if (m_current > 0)
        goToChange(m_current - 1);
}

void DiffView::goToChange(int index)
{
    m_current = index;
    m_area->showRow(m_changes[index]);
    updateSummary();
    emit currentChangeChanged(m_current, changeCount());
}

void DiffView::updateSummary()
{
    if (m_changes.isEmpty())
        m_summary->setText(tr("No differences"));
    else if (m_current < 0)
        m_summary->setText(tr("%n change(s)", nullptr, changeCount()));
    else
        m_summary->setText(tr("Change %1 of %2").arg(m_current + 1).arg(changeCount()));
    m_previous->setEnabled(m_current > 0);
    m_next->setEnabled(!m_changes.isEmpty() && m_current < changeCount() - 1);
}

} // namespace timonel
