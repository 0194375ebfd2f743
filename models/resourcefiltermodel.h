#pragma once
// ResourceFilterModel: the sorted, filtered view of one ResourceTableModel that the table
// shows — its own index over the source's stable row ids instead of QSortFilterProxyModel:
// the full order of every row is kept sorted incrementally, so a filter change is one pass
// selecting a subsequence (no comparisons), and sorting compares precomputed numbers or text
// (bench/bench_tablemodel: a keystroke over 10k pods ≈ 5 ms, a sort ≤ 20 ms of CPU).
//
// Filters: text words, a label selector and a namespace set (resourcefilter.h). Sorting: any
// column by its typed key (cellsortkey.h: numbers as numbers, the AGE by creation time, text
// naturally and case-insensitively), ties in the source's order (list order, then arrival),
// so the order is total and stable. Signals are fine-grained so selection and scroll stay on
// their objects: a source row update is a dataChanged of that row (or a move of one row when
// its sort key passes a neighbour, or an insert/remove when it enters/leaves the filter); a
// filter change removes and inserts contiguous runs, and becomes one layout change plus one
// removal/insertion when the runs are many. The source's AGE ticks are forwarded as one
// dataChanged of that column.
//
// GUI thread only. Memory: four ints per source row. Costs: a filter change tests every source
// row (a narrowing one — typing more of a word — only the rows shown); a sort is O(n log n)
// over all source rows; a row update O(log n) plus O(n) position bookkeeping when it moves.
//
// Size: the .cpp is ~640 lines because the index and its signal emission are one invariant
// (every change must leave the order, the shown subsequence and the views' persistent indexes in
// step); the filter predicate lives in resourcefilter.h and the sort keys in cellsortkey.h.

#include "resourcefilter.h"

#include <QAbstractProxyModel>

namespace kube {
class Object;
}

namespace timonel {

class ResourceTableModel;

class ResourceFilterModel : public QAbstractProxyModel
{
    Q_OBJECT
public:
    explicit ResourceFilterModel(QObject *parent = nullptr);
    ~ResourceFilterModel() override;

    // source must be a ResourceTableModel (or nullptr); anything else is treated as nullptr.
    void setSourceModel(QAbstractItemModel *source) override;
    ResourceTableModel *tableModel() const { return m_table; }

    void setTextFilter(const QString &text);
    QString textFilter() const { return m_filter.text(); }
    // Parses text as a label selector and filters by it. On a parse error the previous
    // selector stays in effect, selectorError() says why, and false is returned.
    bool setLabelSelector(const QString &text);
    QString labelSelector() const { return m_selectorText; }
    QString selectorError() const { return m_selectorError; }
    // Only rows in these namespaces (empty: all).
    void setNamespaces(const QStringList &namespaces);
    QStringList namespaces() const { return m_filter.namespaces(); }
    const ResourceFilter &filter() const { return m_filter; }

    // column -1: the source's order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    int totalRowCount() const;
    kube::Object objectAt(int row) const;
    QModelIndex indexOfKey(const QString &key, int column = 0) const;

    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &index) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // The selector error text changed ("" once a selector parses again).
    void selectorErrorChanged(const QString &error);
    // Rows shown and rows in the source, after any change of either.
    void countsChanged(int shown, int total);

private:
    void connectSource();
    void rebuild();
    void sortAll();
    QList<int> shownInOrder() const;
    bool accepts(int id) const;
    void refilter(const ResourceFilter &previous);
    void transitionTo(const QList<int> &target);
    void insertIds(QList<int> ids);
    void removeIds(const QList<int> &ids);
    void removePositions(QList<qsizetype> positions);
    void addToAll(QList<int> ids);
    void removeFromAll(const QList<int> &ids);
    qsizetype sortedPosition(const QList<int> &list, qsizetype from, int id) const;
    void repositionInAll(int id);
    void reposition(int id);
    template<typename Change>
    void changeLayout(QAbstractItemModel::LayoutChangeHint hint, Change change);
    void renumberFrom(qsizetype first);
    void renumberAll(qsizetype first, qsizetype end);
    static int runsIn(const QList<qsizetype> &ascending);
    void ensureCapacity();
    bool lessThan(int a, int b) const;
    int compareCells(int a, int b) const;
    void onSourceRowsInserted(int first, int last);
    void onSourceRowsAboutToBeRemoved(int first, int last);
    void onSourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles);
    void emitCounts();

    ResourceTableModel *m_table = nullptr;
    QList<QMetaObject::Connection> m_connections;
    // Invariants: m_all holds every source row's id in display order (the sort, ties and
    // unsorted in source order) and m_allPos[id] its position; m_ids is the subsequence of
    // m_all the filter accepts, m_pos[id] its row here (-1 when filtered out). Both position
    // maps cover the source's id capacity.
    QList<int> m_all;
    QList<int> m_allPos;
    QList<int> m_ids;
    QList<int> m_pos;
    ResourceFilter m_filter;
    QString m_selectorText;
    QString m_selectorError;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace timonel
