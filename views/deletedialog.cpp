#include "deletedialog.h"

#include "kube/api/object.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace timonel {

QString propagationPolicyName(DeletePropagation propagation)
{
    switch (propagation) {
    case DeletePropagation::Background: return u"Background"_qs;
    case DeletePropagation::Foreground: return u"Foreground"_qs;
    case DeletePropagation::Orphan: return u"Orphan"_qs;
    }
    return {};
}

DeleteTarget DeleteTarget::of(const kube::Object &object)
{
    return {object.kind(), object.namespace_(), object.name()};
}

namespace {

QString describeTarget(const DeleteTarget &t)
{
    if (t.namespace_.isEmpty())
        return DeleteDialog::tr("%1 %2").arg(t.kind, t.name);
    return DeleteDialog::tr("%1 %2 in namespace %3").arg(t.kind, t.name, t.namespace_);
}

QLabel *explanation(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setIndent(24);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

DeleteDialog::DeleteDialog(const QList<DeleteTarget> &targets, QWidget *parent)
    : QDialog(parent)
    , m_targets(targets)
{
    const bool single = targets.size() == 1;
    const bool anyNamespace = std::any_of(targets.cbegin(), targets.cend(), [](const DeleteTarget &t) { return t.kind == u"Namespace"; });
    if (!single)
        m_required = QString::number(targets.size());
    else if (anyNamespace)
        m_required = targets.first().name;

    setWindowTitle(single ? tr("Delete %1").arg(targets.first().name) : tr("Delete %n object(s)", nullptr, int(targets.size())));
    auto *layout = new QVBoxLayout(this);

    QListWidget *list = nullptr;
    if (single) {
        auto *question = new QLabel(tr("Delete %1?").arg(describeTarget(targets.first())), this);
        question->setWordWrap(true);
        layout->addWidget(question);
    } else {
        layout->addWidget(new QLabel(tr("Delete these %n object(s)?", nullptr, int(targets.size())), this));
        list = new QListWidget(this);
        list->setAccessibleName(tr("Objects to delete"));
        for (const DeleteTarget &t : targets)
            list->addItem(describeTarget(t));
        list->setMaximumHeight(160);
        layout->addWidget(list);
    }
    if (anyNamespace) {
        auto *warning = new QLabel(tr("Deleting a namespace deletes every object in it."), this);
        warning->setWordWrap(true);
        layout->addWidget(warning);
    }

    auto *dependents = new QGroupBox(tr("Dependent objects"), this);
    auto *dependentsLayout = new QVBoxLayout(dependents);
    m_propagation = new QButtonGroup(this);
    auto addChoice = [&](DeletePropagation value, const QString &text, const QString &help) {
        auto *radio = new QRadioButton(text, dependents);
        radio->setAccessibleDescription(help);
        m_propagation->addButton(radio, int(value));
        dependentsLayout->addWidget(radio);
        dependentsLayout->addWidget(explanation(help, dependents));
    };
    addChoice(DeletePropagation::Background, tr("&Background (default)"),
              tr("Delete now; the garbage collector then deletes the dependents (a deployment's replica sets and pods)."));
    addChoice(DeletePropagation::Foreground, tr("&Foreground"),
              tr("Keep the object, marked for deletion, until the dependents that block it are deleted."));
    addChoice(DeletePropagation::Orphan, tr("&Orphan"),
              tr("Delete only this object; its dependents stay and lose their owner reference."));
    m_propagation->button(int(DeletePropagation::Background))->setChecked(true);
    layout->addWidget(dependents);

    auto *graceRow = new QHBoxLayout;
    m_graceCheck = new QCheckBox(tr("Override the &grace period:"), this);
    m_graceSpin = new QSpinBox(this);
    m_graceSpin->setRange(0, 24 * 3600);
    m_graceSpin->setValue(30);
    m_graceSpin->setSuffix(tr(" s"));
    m_graceSpin->setEnabled(false);
    m_graceSpin->setAccessibleName(tr("Grace period in seconds"));
    m_graceSpin->setToolTip(tr("0 deletes at once, without waiting for the containers to stop."));
    connect(m_graceCheck, &QCheckBox::toggled, m_graceSpin, &QWidget::setEnabled);
    graceRow->addWidget(m_graceCheck);
    graceRow->addWidget(m_graceSpin);
    graceRow->addStretch();
    layout->addLayout(graceRow);

    if (!m_required.isEmpty()) {
        auto *prompt = new QLabel(tr("Type <b>%1</b> to confirm:").arg(m_required.toHtmlEscaped()), this);
        prompt->setTextFormat(Qt::RichText);
        m_confirmation = new QLineEdit(this);
        m_confirmation->setAccessibleName(tr("Confirmation"));
        prompt->setBuddy(m_confirmation);
        connect(m_confirmation, &QLineEdit::textChanged, this, &DeleteDialog::updateDeleteButton);
        layout->addWidget(prompt);
        layout->addWidget(m_confirmation);
    }

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    m_delete = new QPushButton(tr("&Delete"), this);
    m_cancel = new QPushButton(tr("Cancel"), this);
    // No default button: Enter acts only on the focused button (see keyPressEvent).
    for (QPushButton *b : {m_delete, m_cancel}) {
        b->setAutoDefault(false);
        b->setDefault(false);
        buttons->addWidget(b);
    }
    connect(m_delete, &QPushButton::clicked, this, &DeleteDialog::accept);
    connect(m_cancel, &QPushButton::clicked, this, &DeleteDialog::reject);
    layout->addLayout(buttons);

    updateDeleteButton();
    if (m_confirmation)
        m_confirmation->setFocus();
    else
        m_delete->setFocus();
    if (list)
        setTabOrder(list, m_propagation->button(int(DeletePropagation::Background)));
}

DeletePropagation DeleteDialog::propagation() const
{
    return static_cast<DeletePropagation>(m_propagation->checkedId());
}

void DeleteDialog::setPropagation(DeletePropagation propagation)
{
    m_propagation->button(int(propagation))->setChecked(true);
}

std::optional<int> DeleteDialog::gracePeriodSeconds() const
{
    if (!m_graceCheck->isChecked())
        return std::nullopt;
    return m_graceSpin->value();
}

bool DeleteDialog::isConfirmed() const
{
    return m_required.isEmpty() || (m_confirmation && m_confirmation->text().trimmed() == m_required);
}

void DeleteDialog::accept()
{
    if (!isConfirmed())
        return;
    QDialog::accept();
}

void DeleteDialog::updateDeleteButton()
{
    m_delete->setEnabled(isConfirmed());
}

void DeleteDialog::keyPressEvent(QKeyEvent *event)
{
    if (event->key() != Qt::Key_Return && event->key() != Qt::Key_Enter) {
        QDialog::keyPressEvent(event);
        return;
    }
    event->accept();
    if (focusWidget() == m_delete && m_delete->isEnabled())
        m_delete->click();
    else if (focusWidget() == m_cancel)
        reject();
}

} // namespace timonel
