#include "scaledialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace timonel {

ScaleDialog::ScaleDialog(const QString &title, int current, QWidget *parent)
    : QDialog(parent)
    , m_current(current)
{
    setWindowTitle(tr("Scale %1").arg(title));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    form->addRow(tr("Current replicas:"), new QLabel(QString::number(current), this));
    m_spin = new QSpinBox(this);
    m_spin->setRange(0, MaxReplicas);
    m_spin->setValue(qBound(0, current, MaxReplicas));
    m_spin->setAccessibleName(tr("Desired replicas"));
    m_spin->selectAll();
    form->addRow(tr("&Desired replicas:"), m_spin);
    layout->addLayout(form);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Scale"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
    m_spin->setFocus();
}

int ScaleDialog::replicas() const
{
    return m_spin->value();
}

void ScaleDialog::setReplicas(int replicas)
{
    m_spin->setValue(replicas);
}

} // namespace timonel
