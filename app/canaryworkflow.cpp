#include "canaryworkflow.h"

#include "clustersession.h"
#include "namespacewatch.h"
#include "trafficgenerator.h"

#include "views/canarywizard.h"

namespace timonel {

CanaryWorkflow::CanaryWorkflow(ClusterSession *session, const kube::Object &stable, const kube::Object &service,
                               bool embeddedCluster, QObject *parent)
    : DeliveryWorkflow(session, stable.namespace_(), service.name(), embeddedCluster, parent)
{
}

void CanaryWorkflow::setPhase(Phase phase)
{
    if (phase == m_phase)
        return;
    m_phase = phase;
    Q_EMIT phaseChanged(phase);
}

void CanaryWorkflow::start(const CanaryPlan &plan)
{
    m_plan = plan;
    setPhase(Phase::Starting);
    runStep(plan.startStep(), [this](const kube::Status &status) { setPhase(status.isSuccess() ? Phase::Running : Phase::Failed); });
}

PlanStep CanaryWorkflow::promoteStep() const
{
    if (!m_plan)
        return {};
    return m_plan->promoteStep(watch()->deployment(m_plan->stableName()), watch()->service(m_plan->serviceName()),
                               watch()->deployment(m_plan->canaryDeploymentName()));
}

PlanStep CanaryWorkflow::abortStep() const
{
    if (!m_plan)
        return {};
    return m_plan->abortStep(watch()->deployment(m_plan->stableName()), watch()->service(m_plan->serviceName()),
                             watch()->deployment(m_plan->canaryDeploymentName()));
}

void CanaryWorkflow::promote()
{
    if (!m_plan)
        return;
    setPhase(Phase::Promoting);
    runStep(promoteStep(), [this](const kube::Status &status) { setPhase(status.isSuccess() ? Phase::Promoted : Phase::Failed); });
}

void CanaryWorkflow::abort()
{
    if (!m_plan)
        return;
    setPhase(Phase::Aborting);
    runStep(abortStep(), [this](const kube::Status &status) { setPhase(status.isSuccess() ? Phase::Aborted : Phase::Failed); });
}

QList<WorkloadHealth> CanaryWorkflow::versions() const
{
    if (!m_plan)
        return {};
    return health({m_plan->stableName(), m_plan->canaryDeploymentName()});
}

void CanaryWorkflow::bind(CanaryWizard *wizard)
{
    wizard->setMeasurementNote(measurementUnavailable());
    wizard->setStepProvider([this](CanaryWizard::Decision decision) {
        return decision == CanaryWizard::Decision::Promote ? promoteStep() : abortStep();
    });
    connect(wizard, &CanaryWizard::startRequested, this, &CanaryWorkflow::start);
    connect(wizard, &CanaryWizard::promoteRequested, this, &CanaryWorkflow::promote);
    connect(wizard, &CanaryWizard::abortRequested, this, &CanaryWorkflow::abort);
    connect(wizard, &CanaryWizard::measureRequested, this, [this, wizard](int requests) {
        if (!measure(requests))
            wizard->setMeasurementNote(measurementUnavailable());
    });
    connect(wizard, &CanaryWizard::stopMeasuringRequested, this, &CanaryWorkflow::stopMeasuring);
    connect(this, &DeliveryWorkflow::progress, wizard, &CanaryWizard::appendProgress);
    connect(this, &DeliveryWorkflow::busyChanged, wizard, &CanaryWizard::setBusy);
    connect(this, &CanaryWorkflow::phaseChanged, wizard, [wizard](Phase phase) {
        wizard->setFinished(phase == Phase::Promoted || phase == Phase::Aborted);
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
