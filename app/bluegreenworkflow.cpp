#include "bluegreenworkflow.h"

#include "clustersession.h"
#include "namespacewatch.h"
#include "trafficgenerator.h"

#include "models/deploymentedit.h"
#include "views/bluegreenwizard.h"

namespace timonel {

BlueGreenWorkflow::BlueGreenWorkflow(ClusterSession *session, const kube::Object &blue, const kube::Object &service,
                                     bool embeddedCluster, QObject *parent)
    : DeliveryWorkflow(session, blue.namespace_(), service.name(), embeddedCluster, parent)
{
    connect(this, &DeliveryWorkflow::liveChanged, this, &BlueGreenWorkflow::updateLive);
}

void BlueGreenWorkflow::setLive(Live live)
{
    if (live == m_live)
        return;
    m_live = live;
    Q_EMIT liveStateChanged(live);
}

void BlueGreenWorkflow::updateLive()
{
    if (!m_plan || !m_prepared || m_live == Live::Failed)
        return;
    if (m_done)
        return setLive(Live::Done);
    const QString version = deploymentedit::serviceSelector(watch()->service(m_plan->serviceName())).value(kVersionLabel);
    if (version == m_plan->greenVersion())
        return setLive(Live::Green);
    if (version == m_plan->blueVersion())
        return setLive(Live::Blue);
}

void BlueGreenWorkflow::run(const PlanStep &step, bool finishes)
{
    runStep(step, [this, finishes](const kube::Status &status) {
        if (status.isSuccess() && finishes)
            m_done = true;
        updateLive();
        Q_EMIT decisionFinished(status);
    });
}

void BlueGreenWorkflow::prepare(const BlueGreenPlan &plan)
{
    m_plan = plan;
    setLive(Live::Preparing);
    runStep(plan.prepareStep(), [this](const kube::Status &status) {
        if (!status.isSuccess()) {
            setLive(Live::Failed);
            Q_EMIT decisionFinished(status);
            return;
        }
        m_prepared = true;
        updateLive();
        Q_EMIT decisionFinished(status);
    });
}

PlanStep BlueGreenWorkflow::switchStep() const
{
    return m_plan ? m_plan->switchStep(watch()->service(m_plan->serviceName())) : PlanStep();
}

PlanStep BlueGreenWorkflow::switchBackStep() const
{
    return m_plan ? m_plan->switchBackStep(watch()->service(m_plan->serviceName())) : PlanStep();
}

PlanStep BlueGreenWorkflow::cleanupStep() const
{
    return m_plan ? m_plan->cleanupStep(watch()->deployment(m_plan->blueName())) : PlanStep();
}

PlanStep BlueGreenWorkflow::abandonStep() const
{
    return m_plan ? m_plan->abandonStep(watch()->deployment(m_plan->greenName())) : PlanStep();
}

void BlueGreenWorkflow::switchToGreen()
{
    run(switchStep(), false);
}

void BlueGreenWorkflow::switchBack()
{
    run(switchBackStep(), false);
}

void BlueGreenWorkflow::cleanUp()
{
    run(cleanupStep(), true);
}

void BlueGreenWorkflow::abandon()
{
    run(abandonStep(), true);
}

QList<WorkloadHealth> BlueGreenWorkflow::versions() const
{
    if (!m_plan)
        return {};
    return health({m_plan->blueName(), m_plan->greenName()});
}

void BlueGreenWorkflow::bind(BlueGreenWizard *wizard)
{
    using Decision = BlueGreenWizard::Decision;
    wizard->setMeasurementNote(measurementUnavailable());
    wizard->setStepProvider([this](Decision decision) {
        switch (decision) {
        case Decision::Switch: return switchStep();
        case Decision::SwitchBack: return switchBackStep();
        case Decision::CleanUp: return cleanupStep();
        case Decision::Abandon: break;
        }
        return abandonStep();
    });
    connect(wizard, &BlueGreenWizard::prepareRequested, this, &BlueGreenWorkflow::prepare);
    connect(wizard, &BlueGreenWizard::decisionRequested, this, [this](Decision decision) {
        switch (decision) {
        case Decision::Switch: return switchToGreen();
        case Decision::SwitchBack: return switchBack();
        case Decision::CleanUp: return cleanUp();
        case Decision::Abandon: return abandon();
        }
    });
    connect(wizard, &BlueGreenWizard::measureRequested, this, [this, wizard](int requests) {
        if (!measure(requests))
            wizard->setMeasurementNote(measurementUnavailable());
    });
    connect(wizard, &BlueGreenWizard::stopMeasuringRequested, this, &BlueGreenWorkflow::stopMeasuring);
    connect(this, &DeliveryWorkflow::progress, wizard, &BlueGreenWizard::appendProgress);
    connect(this, &DeliveryWorkflow::busyChanged, wizard, &BlueGreenWizard::setBusy);
    connect(this, &BlueGreenWorkflow::liveStateChanged, wizard, [wizard](Live live) {
        switch (live) {
        case Live::Blue: return wizard->setLive(BlueGreenWizard::Live::Blue);
        case Live::Green: return wizard->setLive(BlueGreenWizard::Live::Green);
        case Live::Done: return wizard->setLive(BlueGreenWizard::Live::Done);
        case Live::Preparing:
        case Live::Failed: return wizard->setLive(BlueGreenWizard::Live::Preparing);
        }
    });
    const auto refreshLive = [this, wizard] {
        wizard->setVersions(versions());
        wizard->setMeasurementNote(measurementUnavailable());
    };
    const auto refreshTally = [this, wizard] { wizard->setMeasurement(measurement(), generator()->isRunning()); };
    connect(this, &DeliveryWorkflow::liveChanged, wizard, refreshLive);
    connect(this, &DeliveryWorkflow::measurementProgressed, wizard, refreshTally);
    connect(this, &DeliveryWorkflow::measured, wizard, refreshTally);
    refreshLive();
    refreshTally();
}

} // namespace timonel
