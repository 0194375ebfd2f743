#include "namespacemodel.h"

#include "modelroles.h"
#include "statuscategory.h"

#include <algorithm>

namespace timonel {

NamespaceModel::NamespaceModel(QObject *parent) : QAbstractListModel(parent) {}

NamespaceModel::~NamespaceModel()
{
    m_subscription.reset();
}

void NamespaceModel::setInformer(kube::SharedInformer *informer)
{
    m_subscription.reset();
    clear();
    m_subscription.reset(informer, this, [this](const kube::InformerEventBatch &batch) { applyBatch(batch); });
}

void NamespaceModel::clear()
{
    m_synced = false;
    for (qsizetype i = m_entries.size() - 1; i >= 0; --i) {
        if (!m_selected.contains(m_entries.at(i).name)) {
            removeEntry(i);
            continue;
        }
        if (m_entries.at(i).exists) {
            m_entries[i].exists = false;
            Q_EMIT dataChanged(index(int(i) + 1), index(int(i) + 1));
        }
    }
}

void NamespaceModel::applyBatch(const kube::InformerEventBatch &batch)
{
    using Type = kube::InformerEvent::Type;
    bool sawSynced = false;
    for (const kube::InformerEvent &event : batch) {
        if (event.type == Type::Synced) {
            sawSynced = true;
            continue;
        }
        const QString name = event.object.name();
        const qsizetype at = find(name);
        if (event.type == Type::Deleted) {
            if (at < 0)
                continue;
            if (!m_selected.contains(name)) {
                removeEntry(at);
                continue;
            }
            m_entries[at].exists = false;
            Q_EMIT dataChanged(index(int(at) + 1), index(int(at) + 1));
            continue;
        }
        const QString phase = event.object.scalarAt(u"status.phase").value_or(QString());
        if (at < 0) {
            insertEntry({name, phase, true});
            continue;
        }
        Entry &entry = m_entries[at];
        if (entry.exists && entry.phase == phase)
            continue;
        entry.exists = true;
        entry.phase = phase;
        Q_EMIT dataChanged(index(int(at) + 1), index(int(at) + 1));
    }
    if (sawSynced) {
        m_synced = true;
        Q_EMIT synced();
    }
}

QStringList NamespaceModel::selectedNamespaces() const
{
    QStringList list(m_selected.begin(), m_selected.end());
    list.sort();
    return list;
}

void NamespaceModel::setSelectedNamespaces(const QStringList &namespaces)
{
    QSet<QString> selected;
    for (const QString &ns : namespaces) {
        if (!ns.isEmpty())
            selected.insert(ns);
    }
    applySelection(std::move(selected));
}

// Adopts a selection: missing entries appear for selected names the cluster lacks and go when
// deselected; check states are re-signalled.
void NamespaceModel::applySelection(QSet<QString> selected)
{
    if (selected == m_selected)
        return;
    const QSet<QString> before = m_selected;
    m_selected = std::move(selected);
    for (qsizetype i = m_entries.size() - 1; i >= 0; --i) {
        if (!m_entries.at(i).exists && !m_selected.contains(m_entries.at(i).name))
            removeEntry(i);
    }
    for (const QString &name : std::as_const(m_selected)) {
        if (find(name) < 0)
            insertEntry({name, QString(), false});
    }
    Q_EMIT dataChanged(index(0), index(0), {Qt::CheckStateRole});
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        const QString &name = m_entries.at(i).name;
        if (before.contains(name) != m_selected.contains(name))
            Q_EMIT dataChanged(index(int(i) + 1), index(int(i) + 1), {Qt::CheckStateRole});
    }
    Q_EMIT selectionChanged();
}

QStringList NamespaceModel::namespaces() const
{
    QStringList names;
    for (const Entry &e : m_entries) {
        if (e.exists)
            names.append(e.name);
    }
    return names;
}

int NamespaceModel::rowOfNamespace(const QString &name) const
{
    const qsizetype at = find(name);
    return at < 0 ? -1 : int(at) + 1;
}

qsizetype NamespaceModel::insertionPoint(const QString &name) const
{
    return std::lower_bound(m_entries.cbegin(), m_entries.cend(), name, [](const Entry &e, const QString &n) { return e.name < n; }) -
           m_entries.cbegin();
}

qsizetype NamespaceModel::find(const QString &name) const
{
    const qsizetype at = insertionPoint(name);
    return at < m_entries.size() && m_entries.at(at).name == name ? at : -1;
}

void NamespaceModel::insertEntry(const Entry &entry)
{
    const qsizetype at = insertionPoint(entry.name);
    beginInsertRows({}, int(at) + 1, int(at) + 1);
    m_entries.insert(at, entry);
    endInsertRows();
}

void NamespaceModel::removeEntry(qsizetype position)
{
    beginRemoveRows({}, int(position) + 1, int(position) + 1);
    m_entries.removeAt(position);
    endRemoveRows();
}

int NamespaceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size()) + 1;
}

QVariant NamespaceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (index.row() == 0) {
        switch (role) {
        case Qt::DisplayRole: return tr("All namespaces");
        case Qt::CheckStateRole: return m_selected.isEmpty() ? Qt::Checked : Qt::Unchecked;
        case KeyRole: return QString();
        case MissingRole: return false;
        }
        return {};
    }
    const Entry &entry = m_entries.at(index.row() - 1);
    switch (role) {
    case Qt::DisplayRole:
        return entry.name;
    case Qt::CheckStateRole:
        return m_selected.contains(entry.name) ? Qt::Checked : Qt::Unchecked;
    case Qt::ToolTipRole:
        if (!entry.exists)
            return tr("Namespace %1 no longer exists; it stays selected until you clear it.").arg(entry.name);
        return entry.phase == u"Terminating" ? tr("Namespace %1 is being deleted.").arg(entry.name) : QVariant();
    case KeyRole:
        return entry.name;
    case MissingRole:
        return !entry.exists;
    case StatusRole:
        return int(entry.exists ? statusCategory(entry.phase) : StatusCategory::Warning);
    }
    return {};
}

bool NamespaceModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const bool checked = value.toInt() == Qt::Checked;
    if (index.row() == 0) {
        // "All" can be chosen, not unchosen: unchecking it would select nothing.
        if (!checked || m_selected.isEmpty())
            return checked;
        applySelection({});
        return true;
    }
    const QString name = m_entries.at(index.row() - 1).name;
    if (checked == m_selected.contains(name))
        return true;
    QSet<QString> selected = m_selected;
    if (checked)
        selected.insert(name);
    else
        selected.remove(name);
    applySelection(std::move(selected));
    return true;
}

Qt::ItemFlags NamespaceModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable | Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> NamespaceModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(KeyRole, "name");
    names.insert(MissingRole, "missing");
    names.insert(StatusRole, "status");
    return names;
}

} // namespace timonel
