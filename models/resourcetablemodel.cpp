#include "resourcetablemodel.h"

#include "modelroles.h"

#include "kube/api/clock.h"
#include "kube/cache/sharedinformer.h"

#include <QSet>

#include <algorithm>
#include <cmath>

namespace timonel {

namespace {

// Deletions scattered over more places than this become one layout change plus one removal:
// each contiguous removal costs the views and the filter model a pass over their rows.
constexpr int maxRemovalRuns = 16;

// Cells longer than this get their text as a tooltip too (the view elides them).
constexpr int tooltipLength = 60;

} // namespace

ResourceTableModel::ResourceTableModel(const kube::KindInfoPtr &kind, QObject *parent)
    : QAbstractTableModel(parent), m_columns(ResourceColumns::forKind(kind))
{
    m_nowMsecs = kube::Clock::system().now().toMSecsSinceEpoch();
    m_ageTimer.setInterval(1000);
    m_ageTimer.setTimerType(Qt::CoarseTimer);
    connect(&m_ageTimer, &QTimer::timeout, this, &ResourceTableModel::refreshAges);
}

ResourceTableModel::~ResourceTableModel()
{
    m_subscription.reset();
    qDeleteAll(m_rows);
}

void ResourceTableModel::setClock(const kube::Clock *clock)
{
    m_clock = clock;
    refreshAges();
}

void ResourceTableModel::setShowNamespaceColumn(bool show)
{
    show = show && kind().namespaced;
    if (show == m_namespaceColumn)
        return;
    if (show) {
        beginInsertColumns({}, 0, 0);
        m_namespaceColumn = true;
        endInsertColumns();
        return;
    }
    beginRemoveColumns({}, 0, 0);
    m_namespaceColumn = false;
    endRemoveColumns();
}

bool ResourceTableModel::isWideColumn(int column) const
{
    const int cell = cellOfColumn(column);
    return cell >= 0 && cell < m_columns.cells.size() && m_columns.cells.at(cell).wide;
}

QList<int> ResourceTableModel::wideColumns() const
{
    QList<int> wide;
    for (int column = 0; column < columnCount(); ++column) {
        if (isWideColumn(column))
            wide.append(column);
    }
    return wide;
}

void ResourceTableModel::setInformer(kube::SharedInformer *informer)
{
    m_subscription.reset();
    clear();
    m_subscription.reset(informer, this, [this](const kube::InformerEventBatch &batch) { applyBatch(batch); });
}

void ResourceTableModel::clear()
{
    m_synced = false;
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    qDeleteAll(m_rows);
    m_rows.clear();
    m_byKey.clear();
    m_byId.clear();
    m_freeIds.clear();
    endResetModel();
    updateTimer();
}

// One batch: events are folded per key (an object added and deleted within the batch never
// shows). An update is signalled at once, so at most one row differs from what the filter
// model has seen; removals follow as grouped runs, and new rows are appended as one run.
void ResourceTableModel::applyBatch(const kube::InformerEventBatch &batch)
{
    using Type = kube::InformerEvent::Type;
    const QDateTime now = (m_clock ? *m_clock : kube::Clock::system()).now();
    m_nowMsecs = now.toMSecsSinceEpoch();

    QList<ResourceRow *> added;  // new rows, not yet in m_rows (index -1)
    QSet<ResourceRow *> dropped; // new rows deleted again within the batch
    QSet<ResourceRow *> doomed;  // rows in m_rows to remove
    int updatedCount = 0;
    bool sawSynced = false;
    for (const kube::InformerEvent &event : batch) {
        if (event.type == Type::Synced) {
            sawSynced = true;
            continue;
        }
        const QString key = event.object.key().toString();
        ResourceRow *row = m_byKey.value(key);
        if (event.type == Type::Deleted) {
            if (!row)
                continue;
            if (row->index < 0) {
                m_byKey.remove(key);
                dropped.insert(row);
                continue;
            }
            doomed.insert(row);
            continue;
        }
        if (!row) {
            row = new ResourceRow;
            row->assign(event.object, m_columns, now);
            m_byKey.insert(row->key, row);
            added.append(row);
            continue;
        }
        if (row->index >= 0)
            doomed.remove(row);
        if (row->object == event.object)
            continue;
        row->assign(event.object, m_columns, now);
        if (row->index < 0)
            continue;
        ++updatedCount;
        Q_EMIT dataChanged(index(row->index, 0), index(row->index, columnCount() - 1));
    }

    const int removedCount = int(doomed.size());
    if (!doomed.isEmpty())
        removeRows(doomed.values());

    if (!dropped.isEmpty()) {
        added.removeIf([&](ResourceRow *row) { return dropped.contains(row); });
        qDeleteAll(dropped);
    }
    if (!added.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        m_rows.append(added);
        for (int i = first; i < m_rows.size(); ++i) {
            m_rows[i]->index = i;
            takeId(m_rows[i]);
        }
        endInsertRows();
    }

    updateTimer();
    if (!added.isEmpty() || updatedCount > 0 || removedCount > 0)
        Q_EMIT rowsChangedBy(int(added.size()), updatedCount, removedCount);
    if (sawSynced) {
        m_synced = true;
        Q_EMIT synced();
    }
}

void ResourceTableModel::removeRows(QList<ResourceRow *> doomed)
{
    std::sort(doomed.begin(), doomed.end(), [](const ResourceRow *a, const ResourceRow *b) { return a->index < b->index; });
    int runs = 1;
    for (qsizetype i = 1; i < doomed.size(); ++i) {
        if (doomed[i]->index != doomed[i - 1]->index + 1)
            ++runs;
    }
    if (runs > maxRemovalRuns) {
        removeScattered(doomed);
        return;
    }
    // From the last run back, so the earlier runs' rows keep their positions.
    for (qsizetype j = doomed.size() - 1; j >= 0;) {
        qsizetype i = j;
        while (i > 0 && doomed[i - 1]->index == doomed[i]->index - 1)
            --i;
        removeRun(doomed[i]->index, doomed[j]->index);
        j = i - 1;
    }
}

void ResourceTableModel::removeRun(int first, int last)
{
    beginRemoveRows({}, first, last);
    const QList<ResourceRow *> gone = m_rows.mid(first, last - first + 1);
    m_rows.remove(first, last - first + 1);
    renumberFrom(first);
    for (ResourceRow *row : gone) {
        if (m_byKey.value(row->key) == row)
            m_byKey.remove(row->key);
        row->index = -1;
    }
    endRemoveRows();
    // Ids are released after the signal: the filter model reads them while it removes its rows.
    for (ResourceRow *row : gone) {
        releaseId(row->id);
        delete row;
    }
}

// Moves the doomed rows behind the survivors (keeping both orders) in one layout change, so
// persistent indexes follow their rows, then removes them as one run.
void ResourceTableModel::removeScattered(const QList<ResourceRow *> &doomed)
{
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::NoLayoutChangeHint);
    const QModelIndexList before = persistentIndexList();
    QList<ResourceRow *> held;
    held.reserve(before.size());
    for (const QModelIndex &index : before)
        held.append(m_rows.at(index.row()));

    QList<bool> isDoomed(m_rows.size(), false);
    for (const ResourceRow *row : doomed)
        isDoomed[row->index] = true;
    std::stable_partition(m_rows.begin(), m_rows.end(), [&](const ResourceRow *row) { return !isDoomed[row->index]; });
    renumberFrom(0);

    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype i = 0; i < before.size(); ++i)
        after.append(createIndex(held[i]->index, before[i].column()));
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::NoLayoutChangeHint);

    removeRun(int(m_rows.size() - doomed.size()), int(m_rows.size()) - 1);
}

void ResourceTableModel::renumberFrom(int first)
{
    for (qsizetype i = first; i < m_rows.size(); ++i)
        m_rows[i]->index = int(i);
}

int ResourceTableModel::takeId(ResourceRow *row)
{
    if (!m_freeIds.isEmpty()) {
        row->id = m_freeIds.takeLast();
        m_byId[size_t(row->id)] = row;
        return row->id;
    }
    row->id = int(m_byId.size());
    m_byId.push_back(row);
    return row->id;
}

void ResourceTableModel::releaseId(int id)
{
    m_byId[size_t(id)] = nullptr;
    m_freeIds.append(id);
}

void ResourceTableModel::updateTimer()
{
    const bool wanted = m_columns.ageCell >= 0 && !m_rows.isEmpty();
    if (wanted && !m_ageTimer.isActive())
        m_ageTimer.start();
    else if (!wanted)
        m_ageTimer.stop();
}

void ResourceTableModel::refreshAges()
{
    m_nowMsecs = (m_clock ? *m_clock : kube::Clock::system()).now().toMSecsSinceEpoch();
    const int column = ageColumn();
    if (column < 0 || m_rows.isEmpty())
        return;
    Q_EMIT dataChanged(index(0, column), index(rowCount() - 1, column), {Qt::DisplayRole});
}

int ResourceTableModel::rowOfKey(const QString &key) const
{
    const ResourceRow *row = m_byKey.value(key);
    return row ? row->index : -1;
}

QString ResourceTableModel::cellText(const ResourceRow &row, int column) const
{
    const int cell = cellOfColumn(column);
    if (cell < 0)
        return row.namespace_;
    if (cell == m_columns.ageCell)
        return ageText(row.createdMsecs, m_nowMsecs);
    return row.cells.value(cell);
}

QVariant ResourceTableModel::sortKey(const ResourceRow &row, int column) const
{
    const int cell = cellOfColumn(column);
    if (cell < 0)
        return row.namespace_;
    if (cell == m_columns.ageCell) {
        if (row.createdMsecs == ResourceRow::noTime)
            return ageText(row.createdMsecs, m_nowMsecs);
        return double(m_nowMsecs - row.createdMsecs) / 1000.0;
    }
    if (cell >= row.numbers.size())
        return {};
    if (const double number = row.numbers.at(cell); !std::isnan(number))
        return number;
    return row.cells.at(cell);
}

int ResourceTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ResourceTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.cells.size()) + (m_namespaceColumn ? 1 : 0);
}

QVariant ResourceTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ResourceRow &row = *m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return cellText(row, index.column());
    case Qt::ToolTipRole: {
        const QString text = cellText(row, index.column());
        return text.size() > tooltipLength ? QVariant(text) : QVariant();
    }
    case SortRole:
        return sortKey(row, index.column());
    case StatusRole:
        return cellOfColumn(index.column()) == m_columns.statusCell && m_columns.statusCell >= 0 ? QVariant(int(row.status))
                                                                                                 : QVariant();
    case RowStatusRole:
        return int(row.status);
    case ObjectRole:
        return QVariant::fromValue(row.object);
    case KeyRole:
        return row.key;
    case UidRole:
        return row.object.uid();
    }
    return {};
}

QVariant ResourceTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical)
        return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
    if (section < 0 || section >= columnCount())
        return {};
    const int cell = cellOfColumn(section);
    switch (role) {
    case Qt::DisplayRole:
        return cell < 0 ? tr("Namespace") : m_columns.cells.at(cell).name;
    case Qt::ToolTipRole:
        return cell < 0 ? tr("The namespace the object belongs to.") : m_columns.cells.at(cell).description;
    case WideColumnRole:
        return isWideColumn(section);
    }
    return {};
}

Qt::ItemFlags ResourceTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> ResourceTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SortRole, "sortKey");
    names.insert(StatusRole, "status");
    names.insert(RowStatusRole, "rowStatus");
    names.insert(ObjectRole, "object");
    names.insert(KeyRole, "key");
    names.insert(UidRole, "uid");
    return names;
}

} // namespace timonel
