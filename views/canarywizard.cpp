#include "canarywizard.h"

#include "deliverymonitor.h"
#include "functionpage.h"
#include "planpreview.h"

#include "models/deploymentedit.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace timonel {

CanaryWizard::CanaryWizard(const kube::Object &stable, const kube::Object &service, QWidget *parent)
    : QWizard(parent), m_stable(stable), m_service(service)
{
    setObjectName(QStringLiteral("canaryWizard"));
    setWindowTitle(tr("Canary for %1").arg(stable.name()));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    setButtonText(QWizard::CommitButton, tr("&Apply"));

    // Choose.
    auto *choose = new FunctionPage(this);
    choose->setTitle(tr("Choose the canary"));
    choose->setSubTitle(tr("Deployment %1 behind Service %2 in namespace %3.").arg(stable.name(), service.name(), stable.namespace_()));
    m_container = new QComboBox(choose);
    m_container->addItems(deploymentedit::containerNames(stable));
    m_image = new QLineEdit(choose);
    m_image->setObjectName(QStringLiteral("imageEdit"));
    m_image->setPlaceholderText(tr("registry/name:tag"));
    m_canary = new QSpinBox(choose);
    m_canary->setRange(1, 99);
    m_canary->setValue(1);
    m_total = new QSpinBox(choose);
    m_total->setRange(2, 100);
    m_total->setValue(deploymentedit::replicasOf(stable) + 1);
    m_percentage = new QLabel(choose);
    m_percentage->setObjectName(QStringLiteral("percentageLabel"));
    m_error = new QLabel(choose);
    m_error->setObjectName(QStringLiteral("planError"));
    m_error->setWordWrap(true);
    auto *form = new QFormLayout(choose);
    form->addRow(tr("C&ontainer:"), m_container);
    form->addRow(tr("New &image:"), m_image);
    form->addRow(tr("&Canary replicas:"), m_canary);
    form->addRow(tr("&Total replicas:"), m_total);
    form->addRow(tr("Traffic to the canary:"), m_percentage);
    form->addRow(m_error);
    choose->complete = [this] { return !m_image->text().trimmed().isEmpty(); };
    choose->validate = [this] {
        kube::Expected<CanaryPlan> plan = currentPlan();
        if (!plan) {
            m_error->setText(plan.error().message());
            return false;
        }
        m_error->clear();
        m_plan = *plan;
        m_preview->setStep(m_plan->startStep());
        return true;
    };
    m_container->setCurrentIndex(0);
    m_image->setText(deploymentedit::imageOf(stable, m_container->currentText()));
    connect(m_container, &QComboBox::currentTextChanged, this,
            [this](const QString &name) { m_image->setText(deploymentedit::imageOf(m_stable, name)); });
    connect(m_image, &QLineEdit::textChanged, choose, &FunctionPage::refreshComplete);
    connect(m_canary, &QSpinBox::valueChanged, this, &CanaryWizard::updatePercentage);
    connect(m_total, &QSpinBox::valueChanged, this, &CanaryWizard::updatePercentage);
    setPage(ChoosePage, choose);

    // Preview.
    auto *previewPage = new FunctionPage(this);
    previewPage->setTitle(tr("Preview"));
    previewPage->setSubTitle(tr("What starting the canary creates and changes. Apply to go ahead."));
    previewPage->setCommitPage(true);
    m_preview = new PlanPreview(previewPage);
    auto *previewLayout = new QVBoxLayout(previewPage);
    previewLayout->addWidget(m_preview);
    previewPage->validate = [this] {
        if (!m_plan)
            return false;
        Q_EMIT startRequested(*m_plan);
        return true;
    };
    setPage(PreviewPage, previewPage);

    // Monitor.
    m_monitorPage = new FunctionPage(this);
    m_monitorPage->setTitle(tr("Monitor"));
    m_monitorPage->setSubTitle(tr("Readiness, restarts and the share of requests each version answers. Promote or abort when sure."));
    m_monitor = new DeliveryMonitor(m_monitorPage);
    m_promote = new QPushButton(tr("&Promote…"), m_monitorPage);
    m_promote->setObjectName(QStringLiteral("promoteButton"));
    m_promote->setToolTip(tr("The stable Deployment takes the new image and all replicas; the canary is removed"));
    m_abort = new QPushButton(tr("&Abort…"), m_monitorPage);
    m_abort->setObjectName(QStringLiteral("abortButton"));
    m_abort->setToolTip(tr("The canary is removed; the stable Deployment and the Service are put back"));
    auto *decisions = new QHBoxLayout;
    decisions->addStretch(1);
    decisions->addWidget(m_promote);
    decisions->addWidget(m_abort);
    auto *monitorLayout = new QVBoxLayout(m_monitorPage);
    monitorLayout->addWidget(m_monitor, 1);
    monitorLayout->addLayout(decisions);
    m_monitorPage->complete = [this] { return m_finished; };
    m_monitorPage->setFinalPage(true);
    connect(m_promote, &QPushButton::clicked, this, [this] { requestDecision(Decision::Promote); });
    connect(m_abort, &QPushButton::clicked, this, [this] { requestDecision(Decision::Abort); });
    connect(m_monitor, &DeliveryMonitor::measureRequested, this, &CanaryWizard::measureRequested);
    connect(m_monitor, &DeliveryMonitor::stopRequested, this, &CanaryWizard::stopMeasuringRequested);
    setPage(MonitorPage, m_monitorPage);

    updatePercentage();
    updateDecisions();
    resize(960, 720);
}

kube::Expected<CanaryPlan> CanaryWizard::currentPlan() const
{
    return CanaryPlan::make(m_stable, m_service,
                            {m_image->text(), m_container->currentText(), m_canary->value(), m_total->value()});
}

void CanaryWizard::updatePercentage()
{
    const int canary = m_canary->value();
    const int total = m_total->value();
    if (canary >= total) {
        m_percentage->setText(tr("the canary needs fewer replicas than the total"));
        return;
    }
    m_percentage->setText(tr("%1 % (canary replicas: %2, stable replicas: %3)")
                              .arg(qRound(100.0 * canary / total))
                              .arg(canary)
                              .arg(total - canary));
}

QDialog *CanaryWizard::requestDecision(Decision decision)
{
    if (!m_stepProvider || m_busy || m_finished)
        return nullptr;
    const PlanStep step = m_stepProvider(decision);
    const bool promote = decision == Decision::Promote;
    QDialog *dialog = PlanPreview::confirm(this, step, promote ? tr("&Promote") : tr("&Abort canary"));
    connect(dialog, &QDialog::accepted, this, [this, promote] {
        if (promote)
            Q_EMIT promoteRequested();
        else
            Q_EMIT abortRequested();
    });
    return dialog;
}

void CanaryWizard::setVersions(const QList<WorkloadHealth> &versions)
{
    m_monitor->setVersions(versions);
}

void CanaryWizard::setMeasurement(const TrafficTally &tally, bool running)
{
    m_monitor->setMeasurement(tally, running);
}

void CanaryWizard::setMeasurementNote(const QString &note)
{
    m_monitor->setNote(note);
}

void CanaryWizard::appendProgress(const QString &line)
{
    m_monitor->appendProgress(line);
}

void CanaryWizard::setBusy(bool busy)
{
    m_busy = busy;
    updateDecisions();
}

void CanaryWizard::setFinished(bool finished)
{
    m_finished = finished;
    updateDecisions();
    m_monitorPage->refreshComplete();
    // The decision buttons just went grey: a keyboard user's focus goes to Finish, so Enter
    // closes the wizard instead of landing on whatever control comes next.
    if (finished) {
        if (QAbstractButton *finish = button(QWizard::FinishButton); finish && finish->isEnabled())
            finish->setFocus(Qt::OtherFocusReason);
    }
}

void CanaryWizard::updateDecisions()
{
    m_promote->setEnabled(!m_busy && !m_finished);
    m_abort->setEnabled(!m_busy && !m_finished);
}

} // namespace timonel
