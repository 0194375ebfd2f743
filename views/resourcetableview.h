#pragma once
// ResourceTableView: the table of one kind's objects — a text filter and a label-selector filter
// above a QTableView with kubectl's columns, a column chooser on the header's context menu
// (wide columns hidden until chosen; the choice remembered per kind), multi-select, status
// colours from the model's StatusRole, and a count of shown/total rows.
//
// The view is given a sortable, filterable model (the app passes a ResourceFilterModel) and
// reports what the user asks for: filter text, selector text, the selected rows, activation.
// It never talks to a cluster. Rows are fixed-height (no per-row measuring), so 10k rows scroll
// without layout work; selection and scroll stay on the same objects while rows update because
// the model emits fine-grained signals. Columns are fitted to their contents once, when the first
// rows of a newly set model arrive (measuring a sample of rows, not all of them); after that the
// user's widths stay.
//
// GUI thread only.

#include <QModelIndexList>
#include <QWidget>

class QAbstractItemModel;
class QItemSelection;
class QLabel;
class QLineEdit;
class QTableView;
class QModelIndex;

namespace timonel {

class ResourceTableView : public QWidget
{
    Q_OBJECT
public:
    // The widest a column is fitted to, in average characters (the user may widen it).
    static constexpr int MaxFittedChars = 60;

    explicit ResourceTableView(QWidget *parent = nullptr);

    // model: the filter model the table shows; kindId: the key for remembered columns
    // ("deployments.apps"); wideColumns: columns hidden unless the user picks them.
    void setModel(QAbstractItemModel *model, const QString &kindId, const QList<int> &wideColumns);
    QAbstractItemModel *model() const;
    QTableView *table() const { return m_table; }

    QString textFilter() const;
    QString selectorFilter() const;
    // Shows why the selector was not applied (empty: it was).
    void setSelectorError(const QString &message);
    // "12 of 10,000" under the table.
    void setCounts(int shown, int total);

    QModelIndexList selectedRows() const;
    // Selects the row of a model index and scrolls to it.
    void selectRow(const QModelIndex &index);

public Q_SLOTS:
    void focusTextFilter();
    void focusSelectorFilter();
    void showColumnChooser(const QPoint &globalPos);

Q_SIGNALS:
    void textFilterChanged(const QString &text);
    void selectorFilterChanged(const QString &selector);
    void selectionChanged();
    // Enter or double-click on a row.
    void activated(const QModelIndex &index);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void rememberColumns() const;
    void restoreColumns(const QList<int> &wideColumns);
    // Fits the shown columns to the header and the first rows; a column takes at most
    // MaxFittedChars characters so one long value cannot push the others out of sight.
    void fitColumns();
    void fitColumnsWhenFilled();

    QLineEdit *m_filter = nullptr;
    QLineEdit *m_selector = nullptr;
    QLabel *m_selectorError = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_counts = nullptr;
    QString m_kindId;
    QMetaObject::Connection m_fitOnRows;
    QMetaObject::Connection m_fitOnReset;
    QMetaObject::Connection m_fitOnColumns;
    QMetaObject::Connection m_fitOnColumnsRemoved;
};

} // namespace timonel
