#include "labelsdialog.h"

#include "kube/api/namevalidation.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>

namespace timonel {

namespace {

enum Column { KeyColumn, ValueColumn };

QString cellText(const QTableWidget *table, int row, int column)
{
    const QTableWidgetItem *item = table->item(row, column);
    return item ? item->text().trimmed() : QString();
}

} // namespace

LabelsDialog::LabelsDialog(const QString &title, const kube::Labels &labels, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Labels of %1").arg(title));
    auto *layout = new QVBoxLayout(this);

    m_table = new QTableWidget(0, 2, this);
    m_table->setHorizontalHeaderLabels({tr("Key"), tr("Value")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(KeyColumn, QHeaderView::Interactive);
    m_table->setColumnWidth(KeyColumn, 240);
    m_table->verticalHeader()->setVisible(false);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAccessibleName(tr("Labels"));
    m_table->setTabKeyNavigation(false); // Tab leaves the table; arrows move between cells
    layout->addWidget(m_table);

    m_errorLabel = new QLabel(this);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_errorLabel->setAccessibleName(tr("Label errors"));
    layout->addWidget(m_errorLabel);

    auto *rowButtons = new QHBoxLayout;
    m_add = new QPushButton(tr("&Add label"), this);
    m_add->setToolTip(tr("Add a label (Insert)"));
    m_remove = new QPushButton(tr("&Remove"), this);
    m_remove->setToolTip(tr("Remove the selected labels (Delete)"));
    rowButtons->addWidget(m_add);
    rowButtons->addWidget(m_remove);
    rowButtons->addStretch();
    layout->addLayout(rowButtons);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(m_buttons);
    // Add/Remove must not become the default button: Enter means OK.
    m_add->setAutoDefault(false);
    m_remove->setAutoDefault(false);
    m_buttons->button(QDialogButtonBox::Ok)->setDefault(true);

    auto *addAction = new QAction(tr("Add label"), this);
    addAction->setShortcut(QKeySequence(Qt::Key_Insert));
    addAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_table->addAction(addAction);
    auto *removeAction = new QAction(tr("Remove labels"), this);
    removeAction->setShortcut(QKeySequence::Delete);
    removeAction->setShortcutContext(Qt::WidgetShortcut);
    m_table->addAction(removeAction);

    auto add = [this] {
        const int row = addRow();
        m_table->setCurrentCell(row, KeyColumn);
        m_table->editItem(m_table->item(row, KeyColumn));
    };
    connect(m_add, &QPushButton::clicked, this, add);
    connect(addAction, &QAction::triggered, this, add);
    connect(m_remove, &QPushButton::clicked, this, &LabelsDialog::removeSelectedRows);
    connect(removeAction, &QAction::triggered, this, &LabelsDialog::removeSelectedRows);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &LabelsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_table, &QTableWidget::itemChanged, this, &LabelsDialog::validate);

    for (const auto &[key, value] : labels)
        addRow(key, value);
    validate();
    resize(560, 360);
    m_table->setFocus();
}

int LabelsDialog::addRow(const QString &key, const QString &value)
{
    m_validating = true; // one validation after both cells exist
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, KeyColumn, new QTableWidgetItem(key));
    m_table->setItem(row, ValueColumn, new QTableWidgetItem(value));
    m_validating = false;
    validate();
    return row;
}

void LabelsDialog::removeSelectedRows()
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows.append(index.row());
    if (rows.isEmpty() && m_table->currentRow() >= 0)
        rows.append(m_table->currentRow());
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (int row : rows)
        m_table->removeRow(row);
    validate();
}

kube::Labels LabelsDialog::labels() const
{
    kube::Labels result;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QString key = cellText(m_table, row, KeyColumn);
        const QString value = cellText(m_table, row, ValueColumn);
        if (!key.isEmpty())
            result.insert(key, value);
    }
    return result;
}

void LabelsDialog::validate()
{
    if (m_validating)
        return;
    m_validating = true;
    m_errors.clear();
    QSet<QString> seen;
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QString key = cellText(m_table, row, KeyColumn);
        const QString value = cellText(m_table, row, ValueColumn);
        QStringList keyErrors;
        QStringList valueErrors;
        if (key.isEmpty() && !value.isEmpty())
            keyErrors.append(tr("a key is required"));
        else if (!key.isEmpty())
            keyErrors = kube::validation::isQualifiedName(key);
        if (!key.isEmpty() && seen.contains(key))
            keyErrors.append(tr("duplicate key"));
        seen.insert(key);
        valueErrors = kube::validation::isValidLabelValue(value);

        auto mark = [&](int column, const QStringList &errors) {
            QTableWidgetItem *item = m_table->item(row, column);
            if (!item)
                return;
            item->setIcon(errors.isEmpty() ? QIcon() : warning);
            item->setToolTip(errors.join(u'\n'));
        };
        mark(KeyColumn, keyErrors);
        mark(ValueColumn, valueErrors);
        for (const QString &e : keyErrors)
            m_errors.append(tr("Row %1, key: %2").arg(row + 1).arg(e));
        for (const QString &e : valueErrors)
            m_errors.append(tr("Row %1, value: %2").arg(row + 1).arg(e));
    }
    m_errorLabel->setText(m_errors.join(u'\n'));
    m_errorLabel->setVisible(!m_errors.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_errors.isEmpty());
    m_remove->setEnabled(m_table->rowCount() > 0);
    m_validating = false;
}

void LabelsDialog::accept()
{
    validate();
    if (!m_errors.isEmpty())
        return;
    QDialog::accept();
}

} // namespace timonel
