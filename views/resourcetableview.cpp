#include "resourcetableview.h"

#include <algorithm>

#include <QAbstractItemModel>
#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QSettings>
#include <QTableView>
#include <QVBoxLayout>

namespace timonel {

namespace {

QString settingsKey(const QString &kindId)
{
    return QStringLiteral("tables/") + kindId + QStringLiteral("/hiddenColumns");
}

} // namespace

ResourceTableView::ResourceTableView(QWidget *parent) : QWidget(parent)
{
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("textFilter"));
    m_filter->setClearButtonEnabled(true);
    m_selector = new QLineEdit(this);
    m_selector->setObjectName(QStringLiteral("selectorFilter"));
    m_selector->setClearButtonEnabled(true);
    m_selectorError = new QLabel(this);
    m_selectorError->setObjectName(QStringLiteral("selectorError"));
    m_selectorError->setVisible(false);
    m_selectorError->setWordWrap(true);
    QPalette errorPalette = m_selectorError->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xcf, 0x22, 0x2e));
    m_selectorError->setPalette(errorPalette);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("resourceTable"));
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setWordWrap(false);
    m_table->setShowGrid(false);
    m_table->setAlternatingRowColors(true);
    m_table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_table->verticalHeader()->setVisible(false);
    // Fixed row heights: no measuring of 10k rows.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionsMovable(true);
    m_table->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    // Fitting a column measures the rows in view plus this many: enough for a fair width,
    // cheap at 10k rows.
    m_table->horizontalHeader()->setResizeContentsPrecision(200);
    connect(m_table->horizontalHeader(), &QWidget::customContextMenuRequested, this,
            [this](const QPoint &pos) { showColumnChooser(m_table->horizontalHeader()->mapToGlobal(pos)); });
    connect(m_table, &QAbstractItemView::doubleClicked, this, &ResourceTableView::activated);
    connect(m_table, &QAbstractItemView::activated, this, &ResourceTableView::activated);

    m_counts = new QLabel(this);
    m_counts->setObjectName(QStringLiteral("rowCounts"));

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_filter, 3);
    filters->addWidget(m_selector, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filters);
    layout->addWidget(m_selectorError);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_counts);

    connect(m_filter, &QLineEdit::textChanged, this, &ResourceTableView::textFilterChanged);
    connect(m_selector, &QLineEdit::textChanged, this, &ResourceTableView::selectorFilterChanged);

    auto *focusFilter = new QAction(this);
    focusFilter->setShortcut(QKeySequence::Find);
    focusFilter->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(focusFilter, &QAction::triggered, this, &ResourceTableView::focusTextFilter);
    addAction(focusFilter);
    auto *focusSelector = new QAction(this);
    focusSelector->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    focusSelector->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(focusSelector, &QAction::triggered, this, &ResourceTableView::focusSelectorFilter);
    addAction(focusSelector);
    // Down from a filter field goes to the rows; Escape clears the field.
    m_filter->installEventFilter(this);
    m_selector->installEventFilter(this);
    setFocusProxy(m_table);
    retranslate();
}

void ResourceTableView::retranslate()
{
    m_filter->setPlaceholderText(tr("Filter (Ctrl+F): words must all match, !word excludes"));
    m_selector->setPlaceholderText(tr("Label selector (Ctrl+L): app=web,tier!=db"));
}

void ResourceTableView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ResourceTableView::setModel(QAbstractItemModel *model, const QString &kindId, const QList<int> &wideColumns)
{
    if (m_table->model() && !m_kindId.isEmpty())
        rememberColumns();
    if (QItemSelectionModel *old = m_table->selectionModel())
        old->disconnect(this);
    m_kindId = kindId;
    m_table->setModel(model);
    if (model) {
        m_table->sortByColumn(-1, Qt::AscendingOrder);
        restoreColumns(wideColumns);
        connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
                &ResourceTableView::selectionChanged);
    }
    fitColumnsWhenFilled();
    Q_EMIT selectionChanged();
}

void ResourceTableView::fitColumnsWhenFilled()
{
    disconnect(m_fitOnRows);
    disconnect(m_fitOnReset);
    disconnect(m_fitOnColumns);
    disconnect(m_fitOnColumnsRemoved);
    QAbstractItemModel *model = m_table->model();
    if (!model)
        return;
    // A column shown or hidden (the NAMESPACE column follows the namespace picker) shifts the
    // others: their widths no longer match their contents.
    m_fitOnColumns = connect(model, &QAbstractItemModel::columnsInserted, this, [this] { fitColumns(); });
    m_fitOnColumnsRemoved = connect(model, &QAbstractItemModel::columnsRemoved, this, [this] { fitColumns(); });
    fitColumns();
    if (model->rowCount() > 0)
        return;
    // An informer's list usually arrives after the model is shown: fit again on its first rows.
    const auto fitOnce = [this] {
        if (!m_table->model() || m_table->model()->rowCount() == 0)
            return;
        disconnect(m_fitOnRows);
        disconnect(m_fitOnReset);
        fitColumns();
    };
    m_fitOnRows = connect(model, &QAbstractItemModel::rowsInserted, this, fitOnce);
    m_fitOnReset = connect(model, &QAbstractItemModel::modelReset, this, fitOnce);
}

void ResourceTableView::fitColumns()
{
    QHeaderView *header = m_table->horizontalHeader();
    header->resizeSections(QHeaderView::ResizeToContents);
    // A cap in characters, not in table widths: the first rows often arrive before the window
    // has its final layout.
    const int widest = m_table->fontMetrics().averageCharWidth() * MaxFittedChars;
    for (int section = 0; section < header->count(); ++section) {
        if (!header->isSectionHidden(section) && header->sectionSize(section) > widest)
            header->resizeSection(section, widest);
    }
}

QAbstractItemModel *ResourceTableView::model() const
{
    return m_table->model();
}

QString ResourceTableView::textFilter() const
{
    return m_filter->text();
}

QString ResourceTableView::selectorFilter() const
{
    return m_selector->text();
}

void ResourceTableView::setSelectorError(const QString &message)
{
    m_selectorError->setText(message);
    m_selectorError->setVisible(!message.isEmpty());
}

void ResourceTableView::setCounts(int shown, int total)
{
    if (shown == total)
        m_counts->setText(tr("%Ln items", nullptr, total));
    else
        m_counts->setText(tr("%1 of %Ln items", nullptr, total).arg(QLocale().toString(shown)));
}

QModelIndexList ResourceTableView::selectedRows() const
{
    if (!m_table->selectionModel())
        return {};
    return m_table->selectionModel()->selectedRows();
}

void ResourceTableView::selectRow(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    m_table->selectRow(index.row());
    m_table->scrollTo(index);
}

void ResourceTableView::focusTextFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void ResourceTableView::focusSelectorFilter()
{
    m_selector->setFocus(Qt::ShortcutFocusReason);
    m_selector->selectAll();
}

void ResourceTableView::showColumnChooser(const QPoint &globalPos)
{
    QAbstractItemModel *model = m_table->model();
    if (!model)
        return;
    QMenu menu(this);
    menu.setTitle(tr("Columns"));
    QHeaderView *header = m_table->horizontalHeader();
    for (int column = 0; column < model->columnCount(); ++column) {
        QAction *action = menu.addAction(model->headerData(column, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(column));
        connect(action, &QAction::toggled, this, [this, header, column](bool on) {
            header->setSectionHidden(column, !on);
            rememberColumns();
        });
    }
    menu.exec(globalPos);
}

bool ResourceTableView::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress && (watched == m_filter || watched == m_selector)) {
        auto *key = static_cast<QKeyEvent *>(event);
        auto *edit = static_cast<QLineEdit *>(watched);
        if (key->key() == Qt::Key_Down || key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            m_table->setFocus(Qt::TabFocusReason);
            if (m_table->model() && m_table->model()->rowCount() > 0 && !m_table->currentIndex().isValid())
                m_table->setCurrentIndex(m_table->model()->index(0, 0));
            return true;
        }
        if (key->key() == Qt::Key_Escape && !edit->text().isEmpty()) {
            edit->clear();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ResourceTableView::rememberColumns() const
{
    QAbstractItemModel *model = m_table->model();
    if (!model || m_kindId.isEmpty())
        return;
    QStringList hidden;
    for (int column = 0; column < model->columnCount(); ++column) {
        if (m_table->horizontalHeader()->isSectionHidden(column))
            hidden.append(model->headerData(column, Qt::Horizontal).toString());
    }
    QSettings().setValue(settingsKey(m_kindId), hidden);
}

void ResourceTableView::restoreColumns(const QList<int> &wideColumns)
{
    QAbstractItemModel *model = m_table->model();
    QHeaderView *header = m_table->horizontalHeader();
    const QVariant saved = QSettings().value(settingsKey(m_kindId));
    const QStringList hidden = saved.toStringList();
    for (int column = 0; column < model->columnCount(); ++column) {
        const bool hide = saved.isValid() ? hidden.contains(model->headerData(column, Qt::Horizontal).toString())
                                          : wideColumns.contains(column);
        header->setSectionHidden(column, hide);
    }
}

} // namespace timonel
