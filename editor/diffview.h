#pragma once
// DiffView: two texts side by side — typically the live object ("Live (resourceVersion
// 1234)") and the edited manifest ("Edited") — with their lines aligned by a line diff
// (textdiff.h): removed lines tinted on the left, added ones on the right, changed ones on
// both, the other side of an added or removed line left blank. One widget paints both columns,
// so they scroll together (vertically and horizontally). Next / previous change: F8 and
// Shift+F8, or N and P, or the header's buttons; arrows, Page Up/Down, Home and End scroll.
//
// GUI thread. Cost: setTexts runs the diff (a few ms for 5,000 lines); painting touches only
// the visible rows.

#include "textdiff.h"

#include <QWidget>

class QAction;
class QLabel;

namespace timonel {

class DiffArea;

class DiffView : public QWidget
{
    Q_OBJECT
public:
    explicit DiffView(QWidget *parent = nullptr);

    void setTexts(const QString &leftTitle, const QString &leftText, const QString &rightTitle, const QString &rightText);

    const QList<DiffRow> &rows() const { return m_rows; }
    const QStringList &leftLines() const { return m_left; }
    const QStringList &rightLines() const { return m_right; }
    int changeCount() const { return int(m_changes.size()); }
    // The change last moved to (0-based), -1 before any.
    int currentChange() const { return m_current; }
    // The row of the diff at the top of the view.
    int firstVisibleRow() const;

public Q_SLOTS:
    void nextChange();
    void previousChange();

Q_SIGNALS:
    void currentChangeChanged(int index, int count);

private:
    friend class DiffArea;
    void goToChange(int index);
    void updateSummary();

    QLabel *m_leftTitle;
    QLabel *m_rightTitle;
    QLabel *m_summary;
    QAction *m_previous;
    QAction *m_next;
    DiffArea *m_area;
    QStringList m_left;
    QStringList m_right;
    QList<DiffRow> m_rows;
    QList<int> m_changes; // first row of each change
    int m_current = -1;
};

} // namespace timonel
