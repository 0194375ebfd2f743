#include "setimagedialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace timonel {

SetImageDialog::SetImageDialog(const QString &workload, const QList<Container> &containers, QWidget *parent)
    : QDialog(parent)
    , m_workload(workload)
    , m_containers(containers)
{
    setWindowTitle(tr("Set image of %1").arg(workload));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_container = new QComboBox(this);
    for (const Container &c : containers)
        m_container->addItem(tr("%1 (%2)").arg(c.name, c.image), c.name);
    m_container->setAccessibleName(tr("Container"));
    form->addRow(tr("&Container:"), m_container);
    m_image = new QLineEdit(this);
    m_image->setAccessibleName(tr("New image"));
    m_image->setPlaceholderText(tr("repository:tag"));
    form->addRow(tr("&Image:"), m_image);
    m_cause = new QLineEdit(this);
    m_cause->setAccessibleName(tr("Change cause"));
    m_cause->setToolTip(tr("Recorded as the kubernetes.io/change-cause annotation; `kubectl rollout history` shows it"));
    form->addRow(tr("C&hange cause:"), m_cause);
    layout->addLayout(form);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Set image"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);

    connect(m_container, &QComboBox::currentIndexChanged, this, &SetImageDialog::containerChanged);
    connect(m_image, &QLineEdit::textChanged, this, &SetImageDialog::update);
    connect(m_cause, &QLineEdit::textEdited, this, [this] { m_causeEdited = true; });
    containerChanged();
    m_image->setFocus();
}

QString SetImageDialog::container() const
{
    return m_container->currentData().toString();
}

QString SetImageDialog::image() const
{
    return m_image->text().trimmed();
}

QString SetImageDialog::changeCause() const
{
    return m_cause->text().trimmed();
}

QString SetImageDialog::suggestedCause() const
{
    return QStringLiteral("kubectl set image %1 %2=%3").arg(m_workload, container(), image());
}

void SetImageDialog::containerChanged()
{
    const int i = m_container->currentIndex();
    m_image->setText(i >= 0 && i < m_containers.size() ? m_containers.at(i).image : QString());
    m_image->selectAll();
    update();
}

void SetImageDialog::update()
{
    const int i = m_container->currentIndex();
    const bool changed = i >= 0 && i < m_containers.size() && !image().isEmpty() && image() != m_containers.at(i).image;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(changed);
    if (!m_causeEdited)
        m_cause->setText(changed ? suggestedCause() : QString());
}

} // namespace timonel
