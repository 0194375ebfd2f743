#include "resourcefiltermodel.h"

#include "cellsortkey.h"
#include "resourcetablemodel.h"

#include <algorithm>
#include <cmath>

namespace timonel {

namespace {

// More contiguous runs than this turn an insertion or removal into one layout change plus
// one contiguous insertion/removal: views pay per signal, a layout change is one pass.
constexpr int maxRuns = 16;

} // namespace

ResourceFilterModel::ResourceFilterModel(QObject *parent) : QAbstractProxyModel(parent) {}

ResourceFilterModel::~ResourceFilterModel() = default;

void ResourceFilterModel::setSourceModel(QAbstractItemModel *source)
{
    beginResetModel();
    for (const QMetaObject::Connection &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_table = qobject_cast<ResourceTableModel *>(source);
    QAbstractProxyModel::setSourceModel(m_table);
    if (m_sortColumn >= columnCount())
        m_sortColumn = -1;
    connectSource();
    rebuild();
    endResetModel();
    emitCounts();
}

void ResourceFilterModel::connectSource()
{
    if (!m_table)
        return;
    ResourceTableModel *t = m_table;
    m_connections << connect(t, &QAbstractItemModel::rowsInserted, this,
                             [this](const QModelIndex &, int first, int last) { onSourceRowsInserted(first, last); });
    m_connections << connect(t, &QAbstractItemModel::rowsAboutToBeRemoved, this,
                             [this](const QModelIndex &, int first, int last) { onSourceRowsAboutToBeRemoved(first, last); });
    m_connections << connect(t, &QAbstractItemModel::rowsRemoved, this, &ResourceFilterModel::emitCounts);
    m_connections << connect(t, &QAbstractItemModel::dataChanged, this, &ResourceFilterModel::onSourceDataChanged);
    m_connections << connect(t, &QAbstractItemModel::modelAboutToBeReset, this, [this] { beginResetModel(); });
    m_connections << connect(t, &QAbstractItemModel::modelReset, this, [this] {
        rebuild();
        endResetModel();
        emitCounts();
    });
    // The source's layout changes move rows but never change them or their ids, and the
    // order here is by id: nothing to do.
    m_connections << connect(t, &QAbstractItemModel::columnsAboutToBeInserted, this,
                             [this](const QModelIndex &, int first, int last) { beginInsertColumns({}, first, last); });
    m_connections << connect(t, &QAbstractItemModel::columnsInserted, this, [this](const QModelIndex &, int first, int last) {
        if (m_sortColumn >= first)
            m_sortColumn += last - first + 1;
        endInsertColumns();
    });
    m_connections << connect(t, &QAbstractItemModel::columnsAboutToBeRemoved, this,
                             [this](const QModelIndex &, int first, int last) { beginRemoveColumns({}, first, last); });
    m_connections << connect(t, &QAbstractItemModel::columnsRemoved, this, [this](const QModelIndex &, int first, int last) {
        const bool sortColumnGone = m_sortColumn >= first && m_sortColumn <= last;
        if (m_sortColumn > last)
            m_sortColumn -= last - first + 1;
        endRemoveColumns();
        if (sortColumnGone) {
            m_sortColumn = 0;
            sort(-1);
        }
    });
    m_connections << connect(t, &QAbstractItemModel::headerDataChanged, this, &QAbstractItemModel::headerDataChanged);
    m_connections << connect(t, &QObject::destroyed, this, [this] {
        beginResetModel();
        m_table = nullptr;
        m_connections.clear();
        m_all.clear();
        m_allPos.clear();
        m_ids.clear();
        m_pos.clear();
        endResetModel();
    });
}

void ResourceFilterModel::setTextFilter(const QString &text)
{
    if (text == m_filter.text())
        return;
    const ResourceFilter previous = m_filter;
    m_filter.setText(text);
    refilter(previous);
}

bool ResourceFilterModel::setLabelSelector(const QString &text)
{
    auto parsed = kube::LabelSelector::parse(text.trimmed());
    if (!parsed) {
        const QString error = parsed.error().message();
        if (error != m_selectorError) {
            m_selectorError = error;
            Q_EMIT selectorErrorChanged(error);
        }
        return false;
    }
    if (!m_selectorError.isEmpty()) {
        m_selectorError.clear();
        Q_EMIT selectorErrorChanged(QString());
    }
    m_selectorText = text.trimmed();
    if (*parsed == m_filter.selector())
        return true;
    const ResourceFilter previous = m_filter;
    m_filter.setSelector(*parsed);
    refilter(previous);
    return true;
}

void ResourceFilterModel::setNamespaces(const QStringList &namespaces)
{
    const ResourceFilter previous = m_filter;
    m_filter.setNamespaces(namespaces);
    if (m_filter.namespaces() != previous.namespaces())
        refilter(previous);
}

void ResourceFilterModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || (m_table && column >= columnCount()))
        column = -1;
    if (column == m_sortColumn && (column < 0 || order == m_sortOrder))
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    if (!m_table)
        return;
    sortAll();
    if (m_ids.size() > 1)
        changeLayout(VerticalSortHint, [this] { m_ids = shownInOrder(); });
}

int ResourceFilterModel::totalRowCount() const
{
    return m_table ? m_table->rowCount() : 0;
}

kube::Object ResourceFilterModel::objectAt(int row) const
{
    if (!m_table || row < 0 || row >= m_ids.size())
        return {};
    return m_table->rowById(m_ids.at(row))->object;
}

QModelIndex ResourceFilterModel::indexOfKey(const QString &key, int column) const
{
    if (!m_table)
        return {};
    return mapFromSource(m_table->index(m_table->rowOfKey(key), column));
}

// --- the index ---

void ResourceFilterModel::rebuild()
{
    m_all.clear();
    m_allPos.clear();
    m_ids.clear();
    m_pos.clear();
    if (!m_table)
        return;
    ensureCapacity();
    for (int row = 0; row < m_table->rowCount(); ++row)
        m_all.append(m_table->rowAt(row).id);
    sortAll();
    for (int id : std::as_const(m_all)) {
        if (accepts(id))
            m_ids.append(id);
    }
    renumberFrom(0);
}

void ResourceFilterModel::sortAll()
{
    std::sort(m_all.begin(), m_all.end(), [this](int a, int b) { return lessThan(a, b); });
    renumberAll(0, m_all.size());
}

QList<int> ResourceFilterModel::shownInOrder() const
{
    QList<int> shown;
    shown.reserve(m_ids.size());
    for (int id : m_all) {
        if (m_pos.at(id) >= 0)
            shown.append(id);
    }
    return shown;
}

bool ResourceFilterModel::accepts(int id) const
{
    return m_filter.accepts(*m_table->rowById(id));
}

// A filter change selects a subsequence of the full order: no comparisons, one pass.
void ResourceFilterModel::refilter(const ResourceFilter &previous)
{
    if (!m_table)
        return;
    ensureCapacity();
    QList<int> target;
    for (int id : m_filter.isNarrowingOf(previous) ? m_ids : m_all) {
        if (accepts(id))
            target.append(id);
    }
    transitionTo(target);
    emitCounts();
}

// Makes m_ids equal target (a subsequence of m_all): removals, then insertions, each as
// contiguous runs or, when scattered, through one layout change.
void ResourceFilterModel::transitionTo(const QList<int> &target)
{
    QList<char> wanted(m_pos.size(), 0);
    for (int id : target)
        wanted[id] = 1;
    QList<qsizetype> leaving;
    for (qsizetype i = 0; i < m_ids.size(); ++i) {
        if (!wanted.at(m_ids.at(i)))
            leaving.append(i);
    }
    removePositions(leaving);

    QList<qsizetype> entering; // positions in target
    for (qsizetype j = 0; j < target.size(); ++j) {
        if (m_pos.at(target.at(j)) < 0)
            entering.append(j);
    }
    if (entering.isEmpty())
        return;
    if (runsIn(entering) > maxRuns) {
        const qsizetype first = m_ids.size();
        beginInsertRows({}, int(first), int(first + entering.size() - 1));
        for (qsizetype j : std::as_const(entering))
            m_ids.append(target.at(j));
        renumberFrom(first);
        endInsertRows();
        changeLayout(VerticalSortHint, [&] { m_ids = target; });
        return;
    }
    // Ascending: before each run, m_ids already equals target up to the run's position.
    for (qsizetype k = 0; k < entering.size();) {
        qsizetype e = k;
        while (e + 1 < entering.size() && entering.at(e + 1) == entering.at(e) + 1)
            ++e;
        const qsizetype at = entering.at(k), count = e - k + 1;
        beginInsertRows({}, int(at), int(at + count - 1));
        m_ids.insert(at, count, 0);
        std::copy(target.cbegin() + at, target.cbegin() + at + count, m_ids.begin() + at);
        renumberFrom(at);
        endInsertRows();
        k = e + 1;
    }
}

// Shows accepted ids (already in m_all): a few at their binary-searched rows, many through
// transitionTo.
void ResourceFilterModel::insertIds(QList<int> ids)
{
    if (ids.isEmpty())
        return;
    if (ids.size() > maxRuns) {
        QList<char> entering(m_pos.size(), 0);
        for (int id : std::as_const(ids))
            entering[id] = 1;
        QList<int> target;
        target.reserve(m_ids.size() + ids.size());
        for (int id : std::as_const(m_all)) {
            if (m_pos.at(id) >= 0 || entering.at(id))
                target.append(id);
        }
        transitionTo(target);
        return;
    }
    const auto less = [this](int a, int b) { return lessThan(a, b); };
    std::sort(ids.begin(), ids.end(), less);
    // From the last back, so earlier positions stay valid.
    for (qsizetype k = ids.size() - 1; k >= 0; --k) {
        const qsizetype at = std::lower_bound(m_ids.cbegin(), m_ids.cend(), ids.at(k), less) - m_ids.cbegin();
        beginInsertRows({}, int(at), int(at));
        m_ids.insert(at, ids.at(k));
        renumberFrom(at);
        endInsertRows();
    }
}

void ResourceFilterModel::removeIds(const QList<int> &ids)
{
    QList<qsizetype> positions;
    positions.reserve(ids.size());
    for (int id : ids)
        positions.append(m_pos.at(id));
    std::sort(positions.begin(), positions.end());
    removePositions(positions);
}

// Removes rows at ascending positions, as contiguous runs or, when scattered, by moving them
// to the end in one layout change and removing that tail.
void ResourceFilterModel::removePositions(QList<qsizetype> positions)
{
    if (positions.isEmpty())
        return;
    if (runsIn(positions) > maxRuns) {
        changeLayout(NoLayoutChangeHint, [&] {
            for (qsizetype p : std::as_const(positions))
                m_pos[m_ids.at(p)] = -1;
            std::stable_partition(m_ids.begin(), m_ids.end(), [this](int id) { return m_pos.at(id) >= 0; });
        });
        const qsizetype tail = m_ids.size() - positions.size();
        for (qsizetype i = 0; i < positions.size(); ++i)
            positions[i] = tail + i;
    }
    for (qsizetype j = positions.size() - 1; j >= 0;) {
        qsizetype i = j;
        while (i > 0 && positions.at(i - 1) == positions.at(i) - 1)
            --i;
        const qsizetype first = positions.at(i), count = j - i + 1;
        beginRemoveRows({}, int(first), int(first + count - 1));
        for (qsizetype k = first; k < first + count; ++k)
            m_pos[m_ids.at(k)] = -1;
        m_ids.remove(first, count);
        renumberFrom(first);
        endRemoveRows();
        j = i - 1;
    }
}

// New source rows join the full order: a few by binary search, many by one merge.
void ResourceFilterModel::addToAll(QList<int> ids)
{
    const auto less = [this](int a, int b) { return lessThan(a, b); };
    std::sort(ids.begin(), ids.end(), less);
    if (ids.size() > maxRuns) {
        const qsizetype first = m_all.size();
        m_all.append(ids);
        std::inplace_merge(m_all.begin(), m_all.begin() + first, m_all.end(), less);
        renumberAll(0, m_all.size());
        return;
    }
    qsizetype lowest = m_all.size();
    for (int id : std::as_const(ids)) {
        const qsizetype at = std::lower_bound(m_all.cbegin(), m_all.cend(), id, less) - m_all.cbegin();
        m_all.insert(at, id);
        lowest = std::min(lowest, at);
    }
    renumberAll(lowest, m_all.size());
}

void ResourceFilterModel::removeFromAll(const QList<int> &ids)
{
    qsizetype lowest = m_all.size();
    for (int id : ids) {
        lowest = std::min<qsizetype>(lowest, m_allPos.at(id));
        m_allPos[id] = -1;
    }
    m_all.removeIf([this](int id) { return m_allPos.at(id) < 0; });
    renumberAll(lowest, m_all.size());
}

// Where id (at from) belongs in list after its sort key changed; from when still in order.
qsizetype ResourceFilterModel::sortedPosition(const QList<int> &list, qsizetype from, int id) const
{
    const auto less = [this](int a, int b) { return lessThan(a, b); };
    const bool afterPrevious = from == 0 || !lessThan(id, list.at(from - 1));
    const bool beforeNext = from + 1 == list.size() || !lessThan(list.at(from + 1), id);
    if (afterPrevious && beforeNext)
        return from;
    if (!afterPrevious)
        return std::lower_bound(list.cbegin(), list.cbegin() + from, id, less) - list.cbegin();
    return std::lower_bound(list.cbegin() + from + 1, list.cend(), id, less) - list.cbegin() - 1;
}

void ResourceFilterModel::repositionInAll(int id)
{
    const qsizetype from = m_allPos.at(id);
    const qsizetype to = sortedPosition(m_all, from, id);
    if (to == from)
        return;
    m_all.move(from, to);
    renumberAll(std::min(from, to), std::max(from, to) + 1);
}

// Moves a shown row whose sort key passed a neighbour, as one row move.
void ResourceFilterModel::reposition(int id)
{
    const qsizetype from = m_pos.at(id);
    const qsizetype to = sortedPosition(m_ids, from, id);
    if (to == from)
        return;
    // beginMoveRows wants the destination in the coordinates before the move.
    const qsizetype destination = to > from ? to + 1 : to;
    if (!beginMoveRows({}, int(from), int(from), {}, int(destination)))
        return;
    m_ids.move(from, to);
    renumberFrom(std::min(from, to));
    endMoveRows();
}

template<typename Change>
void ResourceFilterModel::changeLayout(QAbstractItemModel::LayoutChangeHint hint, Change change)
{
    Q_EMIT layoutAboutToBeChanged({}, hint);
    const QModelIndexList before = persistentIndexList();
    QList<int> held;
    held.reserve(before.size());
    for (const QModelIndex &index : before)
        held.append(m_ids.at(index.row()));
    change();
    renumberFrom(0);
    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype i = 0; i < before.size(); ++i) {
        const int row = m_pos.at(held[i]);
        after.append(row >= 0 ? createIndex(row, before[i].column()) : QModelIndex());
    }
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, hint);
}

void ResourceFilterModel::renumberFrom(qsizetype first)
{
    for (qsizetype i = first; i < m_ids.size(); ++i)
        m_pos[m_ids.at(i)] = int(i);
}

void ResourceFilterModel::renumberAll(qsizetype first, qsizetype end)
{
    for (qsizetype i = first; i < end; ++i)
        m_allPos[m_all.at(i)] = int(i);
}

int ResourceFilterModel::runsIn(const QList<qsizetype> &ascending)
{
    int runs = ascending.isEmpty() ? 0 : 1;
    for (qsizetype i = 1; i < ascending.size(); ++i) {
        if (ascending.at(i) != ascending.at(i - 1) + 1)
            ++runs;
    }
    return runs;
}

void ResourceFilterModel::ensureCapacity()
{
    if (!m_table || m_pos.size() >= m_table->idCapacity())
        return;
    m_pos.resize(m_table->idCapacity(), -1);
    m_allPos.resize(m_table->idCapacity(), -1);
}

bool ResourceFilterModel::lessThan(int a, int b) const
{
    const ResourceRow &ra = *m_table->rowById(a);
    const ResourceRow &rb = *m_table->rowById(b);
    if (m_sortColumn < 0)
        return ra.index < rb.index;
    // Ties keep the source's order (the informer's list order, then arrival): removals keep
    // that relative order and additions come last, so it is a stable, total tie-break.
    const int c = compareCells(a, b);
    if (c == 0)
        return ra.index < rb.index;
    return m_sortOrder == Qt::AscendingOrder ? c < 0 : c > 0;
}

// Numbers before text; numbers by value, text naturally.
int ResourceFilterModel::compareCells(int a, int b) const
{
    const ResourceRow &ra = *m_table->rowById(a);
    const ResourceRow &rb = *m_table->rowById(b);
    const int cell = m_table->cellOfColumn(m_sortColumn);
    if (cell < 0)
        return naturalCompare(ra.namespace_, rb.namespace_);
    const double na = ra.numbers.value(cell, std::nan("")), nb = rb.numbers.value(cell, std::nan(""));
    const bool numberA = !std::isnan(na), numberB = !std::isnan(nb);
    if (numberA && numberB)
        return na < nb ? -1 : (nb < na ? 1 : 0);
    if (numberA != numberB)
        return numberA ? -1 : 1;
    return naturalCompare(ra.cells.value(cell), rb.cells.value(cell));
}

// --- the source's signals ---

void ResourceFilterModel::onSourceRowsInserted(int first, int last)
{
    ensureCapacity();
    QList<int> added, accepted;
    for (int row = first; row <= last; ++row) {
        const int id = m_table->rowAt(row).id;
        added.append(id);
        if (accepts(id))
            accepted.append(id);
    }
    addToAll(added);
    insertIds(accepted);
    emitCounts();
}

void ResourceFilterModel::onSourceRowsAboutToBeRemoved(int first, int last)
{
    QList<int> gone, shown;
    for (int row = first; row <= last; ++row) {
        const int id = m_table->rowAt(row).id;
        gone.append(id);
        if (m_pos.at(id) >= 0)
            shown.append(id);
    }
    removeIds(shown);
    removeFromAll(gone);
}

void ResourceFilterModel::onSourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles)
{
    if (!topLeft.isValid() || !bottomRight.isValid())
        return;
    // The AGE tick: only the text changes; neither the order (by creation time) nor the filter
    // (which skips AGE) depends on it.
    const int age = m_table->ageColumn();
    if (age >= 0 && topLeft.column() == age && bottomRight.column() == age) {
        if (!m_ids.isEmpty())
            Q_EMIT dataChanged(index(0, age), index(int(m_ids.size()) - 1, age), roles);
        return;
    }
    ensureCapacity();
    QList<int> changed, leaving, entering, stayed;
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
        const int id = m_table->rowAt(row).id;
        changed.append(id);
        const bool shown = m_pos.at(id) >= 0;
        const bool accepted = accepts(id);
        if (shown && accepted)
            stayed.append(id);
        else if (shown != accepted)
            (shown ? leaving : entering).append(id);
    }
    // The full order first (no signals), then the rows shown. ResourceTableModel signals one
    // object per dataChanged; several at once are re-sorted in one go.
    const bool sorted = m_sortColumn >= 0;
    if (sorted && changed.size() == 1) {
        repositionInAll(changed.front());
    } else if (sorted && !std::is_sorted(m_all.cbegin(), m_all.cend(), [this](int a, int b) { return lessThan(a, b); })) {
        sortAll();
    }
    removeIds(leaving);
    if (sorted && stayed.size() == 1) {
        reposition(stayed.front());
    } else if (sorted && stayed.size() > 1) {
        const QList<int> order = shownInOrder();
        if (order != m_ids)
            changeLayout(VerticalSortHint, [&] { m_ids = order; });
    }
    insertIds(entering);
    for (int id : std::as_const(stayed)) {
        const int row = m_pos.at(id);
        Q_EMIT dataChanged(index(row, topLeft.column()), index(row, bottomRight.column()), roles);
    }
    if (!leaving.isEmpty() || !entering.isEmpty())
        emitCounts();
}

void ResourceFilterModel::emitCounts()
{
    Q_EMIT countsChanged(rowCount(), totalRowCount());
}

// --- QAbstractProxyModel ---

QModelIndex ResourceFilterModel::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!m_table || !proxyIndex.isValid() || proxyIndex.model() != this || proxyIndex.row() >= m_ids.size())
        return {};
    return m_table->index(m_table->rowById(m_ids.at(proxyIndex.row()))->index, proxyIndex.column());
}

QModelIndex ResourceFilterModel::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!m_table || !sourceIndex.isValid() || sourceIndex.model() != m_table)
        return {};
    const int id = m_table->rowAt(sourceIndex.row()).id;
    const int row = id < m_pos.size() ? m_pos.at(id) : -1;
    return row < 0 ? QModelIndex() : createIndex(row, sourceIndex.column());
}

QModelIndex ResourceFilterModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || row >= m_ids.size() || column < 0 || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex ResourceFilterModel::parent(const QModelIndex &) const
{
    return {};
}

QModelIndex ResourceFilterModel::sibling(int row, int column, const QModelIndex &) const
{
    return index(row, column);
}

int ResourceFilterModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

int ResourceFilterModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_table ? 0 : m_table->columnCount();
}

bool ResourceFilterModel::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_ids.isEmpty();
}

QVariant ResourceFilterModel::data(const QModelIndex &index, int role) const
{
    const QModelIndex source = mapToSource(index);
    return source.isValid() ? m_table->data(source, role) : QVariant();
}

QVariant ResourceFilterModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical)
        return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
    return m_table ? m_table->headerData(section, orientation, role) : QVariant();
}

} // namespace timonel
