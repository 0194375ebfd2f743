#pragma once
// ResourceTableModel: one kind's objects as kubectl's table — the printer columns of
// kube/printers (priority-1 columns marked wide), plus a NAMESPACE column first when the table
// spans several namespaces — fed by an informer's coalesced batches (one delivery per ~16 ms).
//
// Rows keep their objects' shared bytes and precomputed cells (resourcerow.h); data() only
// looks them up, except the AGE column, which is computed from the creation time against the
// clock so it stays live: a 1 s timer emits one dataChanged for that column (views repaint
// only what they show). Signals are fine-grained: a batch's additions are one insertion at the
// end, an update is a dataChanged of its row, deletions are grouped into contiguous removals —
// or, when scattered over many places, one layout change that moves the doomed rows to the end
// (persistent indexes follow their rows) and one removal of that tail. Rows are never reset
// for an increment, so selections and scroll positions stay on their objects.
//
// Order: rows stay in arrival order; sorting and filtering belong to ResourceFilterModel,
// which reads rows through rowById()/rowAt() and their stable ids.
//
// GUI thread (the model's thread; informer batches are delivered there). Cost: memory per row
// ≈ the cells' text twice (display + search) plus the shared Object; an Added/Updated event
// costs one row print (pods ≈ 10 µs); data() is O(1).

#include "resourcerow.h"

#include "kube/cache/sharedinformer.h"

#include "kube/cache/informersubscription.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>
#include <QTimer>

#include <memory>
#include <vector>

namespace kube {
class Clock;
}

namespace timonel {

class ResourceTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit ResourceTableModel(const kube::KindInfoPtr &kind, QObject *parent = nullptr);
    ~ResourceTableModel() override;

    const kube::KindInfo &kind() const { return *m_columns.kind; }
    kube::KindInfoPtr kindInfo() const { return m_columns.kind; }
    const ResourceColumns &columns() const { return m_columns; }

    // The clock for AGE cells (not owned; must outlive the model). nullptr: the system clock.
    void setClock(const kube::Clock *clock);
    // Shows the NAMESPACE column first (namespaced kinds only) — when the table spans more
    // than one namespace. Inserts or removes column 0; rows are kept.
    void setShowNamespaceColumn(bool show);
    bool showsNamespaceColumn() const { return m_namespaceColumn; }

    // Column roles. -1 when the kind has no such column.
    bool isWideColumn(int column) const;
    QList<int> wideColumns() const;
    int namespaceColumn() const { return m_namespaceColumn ? 0 : -1; }
    int ageColumn() const { return columnOfCell(m_columns.ageCell); }
    int statusColumn() const { return columnOfCell(m_columns.statusCell); }
    // The printer cell a model column shows (-1: the NAMESPACE column), and back.
    int cellOfColumn(int column) const { return m_namespaceColumn ? column - 1 : column; }
    int columnOfCell(int cell) const { return cell < 0 ? -1 : (m_namespaceColumn ? cell + 1 : cell); }

    // Feeding. setInformer subscribes with a batch handler (removing the previous one) after
    // clearing the rows; the informer is not owned. applyBatch is what the handler calls.
    void setInformer(kube::SharedInformer *informer);
    kube::SharedInformer *informer() const { return m_subscription.informer(); }
    void applyBatch(const kube::InformerEventBatch &batch);
    // Drops every row (a reset) and forgets the synced state.
    void clear();
    // The informer's initial list has been delivered.
    bool isSynced() const { return m_synced; }

    // What the 1 s timer does: re-read the clock and emit dataChanged for the AGE column.
    void refreshAges();

    // Rows.
    const ResourceRow &rowAt(int row) const { return *m_rows.at(row); }
    kube::Object objectAt(int row) const { return m_rows.at(row)->object; }
    int rowOfKey(const QString &key) const;
    // Stable handles for ResourceFilterModel: an id names one row from its insertion to its
    // removal (ids are reused afterwards); idCapacity() bounds them.
    const ResourceRow *rowById(int id) const { return id >= 0 && size_t(id) < m_byId.size() ? m_byId[size_t(id)] : nullptr; }
    int idCapacity() const { return int(m_byId.size()); }
    // The text a cell shows (the AGE cell computed against the current clock reading).
    QString cellText(const ResourceRow &row, int column) const;
    // The typed sort key behind SortRole.
    QVariant sortKey(const ResourceRow &row, int column) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    // After the informer's Synced event (its initial list is in the rows).
    void synced();
    // After each batch that changed rows.
    void rowsChangedBy(int added, int updated, int removed);

private:
    void removeRows(QList<ResourceRow *> doomed);
    void removeRun(int first, int last);
    void removeScattered(const QList<ResourceRow *> &doomed);
    void renumberFrom(int first);
    int takeId(ResourceRow *row);
    void releaseId(int id);
    void updateTimer();

    ResourceColumns m_columns;
    bool m_namespaceColumn = false;
    const kube::Clock *m_clock = nullptr;
    qint64 m_nowMsecs = 0; // the clock's reading for AGE cells, refreshed every tick and batch

    // Invariants: m_rows[i]->index == i; m_byKey maps each row's key to it; m_byId[row->id]
    // == row for every row, nullptr for free ids (listed in m_freeIds).
    QList<ResourceRow *> m_rows;
    QHash<QString, ResourceRow *> m_byKey;
    std::vector<ResourceRow *> m_byId;
    QList<int> m_freeIds;

    kube::InformerSubscription m_subscription;
    bool m_synced = false;
    QTimer m_ageTimer;
};

} // namespace timonel
