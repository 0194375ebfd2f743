#pragma once
// NamespaceModel: the namespace picker — "All namespaces" first, then the cluster's namespaces
// by name, each checkable, so a user picks all, one or several. Checking a namespace unchecks
// "All"; unchecking the last one checks "All" again; checking "All" clears the others. A
// selected namespace that is deleted stays (selected, MissingRole true, a tooltip saying so)
// until the user unchecks it, so a selection never widens behind the user's back.
//
// Fed like ResourceTableModel: applyBatch() with a namespaces informer's batches, or
// setInformer(). Signals are fine-grained (a namespace added or removed is one row).
//
// GUI thread only. Cost: rows are a sorted list; a change costs a binary search and the
// row insert (O(n) for n namespaces, typically tens).

#include "kube/cache/sharedinformer.h"

#include "kube/cache/informersubscription.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QSet>

namespace timonel {

class NamespaceModel : public QAbstractListModel
{
    Q_OBJECT
public:
    explicit NamespaceModel(QObject *parent = nullptr);
    ~NamespaceModel() override;

    void setInformer(kube::SharedInformer *informer);
    void applyBatch(const kube::InformerEventBatch &batch);
    // Drops the namespaces (selected ones stay, marked missing).
    void clear();
    bool isSynced() const { return m_synced; }

    // The chosen namespaces, sorted; empty means all.
    QStringList selectedNamespaces() const;
    void setSelectedNamespaces(const QStringList &namespaces);
    bool isAllSelected() const { return m_selected.isEmpty(); }
    // The namespaces the cluster has, sorted.
    QStringList namespaces() const;
    // The row of a namespace (selected missing ones included), -1 if none; row 0 is "All".
    int rowOfNamespace(const QString &name) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::CheckStateRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    // The selection changed (by setData or setSelectedNamespaces).
    void selectionChanged();
    // The informer's initial list has been delivered.
    void synced();

private:
    struct Entry {
        QString name;
        QString phase;       // status.phase ("Active", "Terminating")
        bool exists = true;  // false: selected, but the cluster no longer has it
    };
    qsizetype find(const QString &name) const; // position in m_entries or -1
    qsizetype insertionPoint(const QString &name) const;
    void insertEntry(const Entry &entry);
    void removeEntry(qsizetype position);
    void applySelection(QSet<QString> selected);

    // Invariants: sorted by name, unique; an entry with exists == false is in m_selected.
    QList<Entry> m_entries; // row = position + 1
    QSet<QString> m_selected;
    kube::InformerSubscription m_subscription;
    bool m_synced = false;
};

} // namespace timonel
