#include "planpreview.h"

#include "editor/diffview.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace timonel {

namespace {

QString actionText(PlannedChange::Action action)
{
    switch (action) {
    case PlannedChange::Action::Create: return PlanPreview::tr("Create");
    case PlannedChange::Action::Patch: return PlanPreview::tr("Change");
    case PlannedChange::Action::Delete: return PlanPreview::tr("Delete");
    }
    return {};
}

} // namespace

PlanPreview::PlanPreview(QWidget *parent) : QWidget(parent), m_list(new QListWidget(this)), m_diff(new DiffView(this))
{
    m_list->setObjectName(QStringLiteral("planChanges"));
    m_list->setAccessibleName(tr("Changes"));
    m_list->setFocusPolicy(Qt::StrongFocus);
    m_diff->setObjectName(QStringLiteral("planDiff"));
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_list);
    splitter->addWidget(m_diff);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 4);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
    setTabOrder(m_list, m_diff);
    connect(m_list, &QListWidget::currentRowChanged, this, &PlanPreview::showChange);
}

void PlanPreview::setStep(const PlanStep &step)
{
    m_step = step;
    m_list->clear();
    for (const PlannedChange &change : step.changes) {
        auto *item = new QListWidgetItem(tr("%1 %2 — %3").arg(actionText(change.action), change.label(), change.summary), m_list);
        item->setToolTip(change.summary);
    }
    if (step.changes.isEmpty()) {
        m_diff->setTexts(QString(), QString(), QString(), QString());
        return;
    }
    m_list->setCurrentRow(0);
    showChange(0);
}

void PlanPreview::showChange(int row)
{
    if (row < 0 || row >= m_step.changes.size())
        return;
    const PlannedChange &change = m_step.changes.at(row);
    const QString left = change.before.isNull() ? tr("(does not exist yet)")
                                                : tr("Live (resourceVersion %1)").arg(change.before.resourceVersion());
    const QString right = change.after.isNull() ? tr("(deleted)") : tr("After");
    m_diff->setTexts(left, change.beforeYaml(), right, change.afterYaml());
}

QDialog *PlanPreview::confirm(QWidget *parent, const PlanStep &step, const QString &applyText)
{
    auto *dialog = new QDialog(parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("planConfirmation"));
    dialog->setWindowTitle(step.title);
    dialog->setWindowModality(Qt::WindowModal);
    auto *layout = new QVBoxLayout(dialog);
    auto *heading = new QLabel(step.isEmpty() ? tr("Nothing to change: the cluster is already there.")
                                              : tr("%1 makes these changes:").arg(step.title), dialog);
    heading->setWordWrap(true);
    layout->addWidget(heading);
    auto *preview = new PlanPreview(dialog);
    preview->setStep(step);
    layout->addWidget(preview, 1);
    auto *buttons = new QDialogButtonBox(dialog);
    if (!step.isEmpty()) {
        QPushButton *apply = buttons->addButton(applyText, QDialogButtonBox::AcceptRole);
        apply->setObjectName(QStringLiteral("applyButton"));
        apply->setDefault(true);
    }
    buttons->addButton(step.isEmpty() ? QDialogButtonBox::Close : QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog->resize(900, 640);
    preview->changeList()->setFocus();
    dialog->open();
    return dialog;
}

} // namespace timonel
