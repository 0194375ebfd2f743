#include "bluegreenwizard.h"

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
#include <QVBoxLayout>

namespace timonel {

BlueGreenWizard::BlueGreenWizard(const kube::Object &blue, const kube::Object &service, QWidget *parent)
    : QWizard(parent), m_blue(blue), m_service(service)
{
    setObjectName(QStringLiteral("blueGreenWizard"));
    setWindowTitle(tr("Blue-green for %1").arg(blue.name()));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    setButtonText(QWizard::CommitButton, tr("&Apply"));

    auto *choose = new FunctionPage(this);
    choose->setTitle(tr("Choose green"));
    choose->setSubTitle(tr("Deployment %1 (blue) behind Service %2 in namespace %3. Green runs beside it with as many replicas.")
                            .arg(blue.name(), service.name(), blue.namespace_()));
    m_container = new QComboBox(choose);
    m_container->addItems(deploymentedit::containerNames(blue));
    m_image = new QLineEdit(choose);
    m_image->setObjectName(QStringLiteral("imageEdit"));
    m_image->setPlaceholderText(tr("registry/name:tag"));
    m_error = new QLabel(choose);
    m_error->setObjectName(QStringLiteral("planError"));
    m_error->setWordWrap(true);
    auto *form = new QFormLayout(choose);
    form->addRow(tr("C&ontainer:"), m_container);
    form->addRow(tr("Green's &image:"), m_image);
    form->addRow(m_error);
    choose->complete = [this] { return !m_image->text().trimmed().isEmpty(); };
    choose->validate = [this] {
        kube::Expected<BlueGreenPlan> plan = currentPlan();
        if (!plan) {
            m_error->setText(plan.error().message());
            return false;
        }
        m_error->clear();
        m_plan = *plan;
        m_preview->setStep(m_plan->prepareStep());
        // The colours alternate between runs: name them by the plan's versions.
        decisionButton(Decision::Switch)->setText(tr("&Switch to %1…").arg(m_plan->greenVersion()));
        decisionButton(Decision::SwitchBack)->setText(tr("Switch &back to %1…").arg(m_plan->blueVersion()));
        decisionButton(Decision::CleanUp)->setText(tr("&Clean up %1…").arg(m_plan->blueVersion()));
        decisionButton(Decision::Abandon)->setText(tr("Aban&don %1…").arg(m_plan->greenVersion()));
        return true;
    };
    m_image->setText(deploymentedit::imageOf(blue, m_container->currentText()));
    connect(m_container, &QComboBox::currentTextChanged, this,
            [this](const QString &name) { m_image->setText(deploymentedit::imageOf(m_blue, name)); });
    connect(m_image, &QLineEdit::textChanged, choose, &FunctionPage::refreshComplete);
    setPage(ChoosePage, choose);

    auto *previewPage = new FunctionPage(this);
    previewPage->setTitle(tr("Preview"));
    previewPage->setSubTitle(tr("What creating green changes and creates. The Service keeps sending traffic to blue."));
    previewPage->setCommitPage(true);
    m_preview = new PlanPreview(previewPage);
    auto *previewLayout = new QVBoxLayout(previewPage);
    previewLayout->addWidget(m_preview);
    previewPage->validate = [this] {
        if (!m_plan)
            return false;
        Q_EMIT prepareRequested(*m_plan);
        return true;
    };
    setPage(PreviewPage, previewPage);

    m_monitorPage = new FunctionPage(this);
    m_monitorPage->setTitle(tr("Monitor and switch"));
    m_monitorPage->setSubTitle(tr("Switch when green is ready; blue stays for an instant switch back until you clean it up."));
    m_monitor = new DeliveryMonitor(m_monitorPage);
    const std::pair<QString, QString> texts[] = {
        {tr("&Switch to green…"), tr("The Service sends all traffic to green at once")},
        {tr("Switch &back to blue…"), tr("The Service sends all traffic to blue again")},
        {tr("&Clean up blue…"), tr("Delete the blue Deployment; green stays live")},
        {tr("Aban&don green…"), tr("Delete the green Deployment; blue stays live")},
    };
    auto *decisions = new QHBoxLayout;
    decisions->addStretch(1);
    for (const auto &[text, tip] : texts) {
        auto *b = new QPushButton(text, m_monitorPage);
        b->setToolTip(tip);
        const auto decision = Decision(m_buttons.size());
        connect(b, &QPushButton::clicked, this, [this, decision] { requestDecision(decision); });
        decisions->addWidget(b);
        m_buttons.append(b);
    }
    auto *monitorLayout = new QVBoxLayout(m_monitorPage);
    monitorLayout->addWidget(m_monitor, 1);
    monitorLayout->addLayout(decisions);
    m_monitorPage->complete = [this] { return m_live == Live::Done; };
    m_monitorPage->setFinalPage(true);
    connect(m_monitor, &DeliveryMonitor::measureRequested, this, &BlueGreenWizard::measureRequested);
    connect(m_monitor, &DeliveryMonitor::stopRequested, this, &BlueGreenWizard::stopMeasuringRequested);
    setPage(MonitorPage, m_monitorPage);

    updateDecisions();
    resize(960, 720);
}

kube::Expected<BlueGreenPlan> BlueGreenWizard::currentPlan() const
{
    return BlueGreenPlan::make(m_blue, m_service, {m_image->text(), m_container->currentText()});
}

QPushButton *BlueGreenWizard::decisionButton(Decision decision) const
{
    return m_buttons.value(int(decision));
}

QDialog *BlueGreenWizard::requestDecision(Decision decision)
{
    if (!m_stepProvider || m_busy)
        return nullptr;
    const PlanStep step = m_stepProvider(decision);
    QDialog *dialog = PlanPreview::confirm(this, step, decisionButton(decision)->text().remove(u'…'));
    connect(dialog, &QDialog::accepted, this, [this, decision] { Q_EMIT decisionRequested(decision); });
    return dialog;
}

void BlueGreenWizard::setVersions(const QList<WorkloadHealth> &versions)
{
    m_monitor->setVersions(versions);
}

void BlueGreenWizard::setMeasurement(const TrafficTally &tally, bool running)
{
    m_monitor->setMeasurement(tally, running);
}

void BlueGreenWizard::setMeasurementNote(const QString &note)
{
    m_monitor->setNote(note);
}

void BlueGreenWizard::appendProgress(const QString &line)
{
    m_monitor->appendProgress(line);
}

void BlueGreenWizard::setBusy(bool busy)
{
    m_busy = busy;
    updateDecisions();
}

void BlueGreenWizard::setLive(Live live)
{
    m_live = live;
    updateDecisions();
    m_monitorPage->refreshComplete();
    // Done: every decision went grey, so a keyboard user's focus goes to Finish (Enter closes).
    if (live == Live::Done) {
        if (QAbstractButton *finish = button(QWizard::FinishButton); finish && finish->isEnabled())
            finish->setFocus(Qt::OtherFocusReason);
    }
}

void BlueGreenWizard::updateDecisions()
{
    const bool idle = !m_busy;
    decisionButton(Decision::Switch)->setEnabled(idle && m_live == Live::Blue);
    decisionButton(Decision::SwitchBack)->setEnabled(idle && m_live == Live::Green);
    decisionButton(Decision::CleanUp)->setEnabled(idle && m_live == Live::Green);
    decisionButton(Decision::Abandon)->setEnabled(idle && m_live == Live::Blue);
}

} // namespace timonel
