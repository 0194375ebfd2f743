#pragma once
// CanaryWorkflow: runs a CanaryPlan against the session's cluster — start (label stable, share
// the Service, create the canary, wait until every pod serves), then promote or abort, each step
// computed from the live objects at the moment the user decides — and keeps the monitor live:
// readiness and restarts per version from the informers, the measured share of requests per
// version from the traffic generator (embedded cluster only).
//
// bind() connects a CanaryWizard: its intents run here, and its monitor shows what happens.
//
// GUI thread.

#include "deliveryworkflow.h"

#include "models/canaryplan.h"

#include <optional>

namespace timonel {

class CanaryWizard;

class CanaryWorkflow : public DeliveryWorkflow
{
    Q_OBJECT
public:
    enum class Phase { Planning, Starting, Running, Promoting, Promoted, Aborting, Aborted, Failed };
    Q_ENUM(Phase)

    // stable, service: the objects the user picked (the wizard plans from them).
    CanaryWorkflow(ClusterSession *session, const kube::Object &stable, const kube::Object &service, bool embeddedCluster,
                   QObject *parent = nullptr);

    Phase phase() const { return m_phase; }
    const std::optional<CanaryPlan> &plan() const { return m_plan; }

    void start(const CanaryPlan &plan);
    // The steps as they would run now (from the live objects); empty before start().
    PlanStep promoteStep() const;
    PlanStep abortStep() const;
    void promote();
    void abort();

    // Stable and canary, in that order.
    QList<WorkloadHealth> versions() const;

    void bind(CanaryWizard *wizard);

Q_SIGNALS:
    void phaseChanged(timonel::CanaryWorkflow::Phase phase);

private:
    void setPhase(Phase phase);

    Phase m_phase = Phase::Planning;
    std::optional<CanaryPlan> m_plan;
};

} // namespace timonel
