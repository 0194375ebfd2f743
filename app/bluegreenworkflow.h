#pragma once
// BlueGreenWorkflow: runs a BlueGreenPlan against the session's cluster — prepare (label blue,
// pin the Service to blue, create green and wait until every green pod serves), then the user's
// decisions: switch to green, switch back to blue, clean up blue (green live) or abandon green
// (blue live), each computed from the live objects when it is taken. Which colour is live is
// read from the Service's selector in the informer cache, so the wizard follows changes made
// elsewhere (kubectl patch) too. Measured traffic as DeliveryWorkflow.
//
// bind() connects a BlueGreenWizard.
//
// GUI thread.

#include "deliveryworkflow.h"

#include "models/bluegreenplan.h"

#include <optional>

namespace timonel {

class BlueGreenWizard;

class BlueGreenWorkflow : public DeliveryWorkflow
{
    Q_OBJECT
public:
    enum class Live { Preparing, Blue, Green, Done, Failed };
    Q_ENUM(Live)

    BlueGreenWorkflow(ClusterSession *session, const kube::Object &blue, const kube::Object &service, bool embeddedCluster,
                      QObject *parent = nullptr);

    const std::optional<BlueGreenPlan> &plan() const { return m_plan; }
    Live live() const { return m_live; }

    void prepare(const BlueGreenPlan &plan);
    PlanStep switchStep() const;
    PlanStep switchBackStep() const;
    PlanStep cleanupStep() const;
    PlanStep abandonStep() const;
    void switchToGreen();
    void switchBack();
    void cleanUp();
    void abandon();

    // Blue and green, in that order.
    QList<WorkloadHealth> versions() const;

    void bind(BlueGreenWizard *wizard);

Q_SIGNALS:
    void liveStateChanged(timonel::BlueGreenWorkflow::Live live);
    // The last step's outcome (also in stepFinished).
    void decisionFinished(const kube::Status &status);

private:
    void run(const PlanStep &step, bool finishes);
    void updateLive();
    void setLive(Live live);

    std::optional<BlueGreenPlan> m_plan;
    Live m_live = Live::Preparing;
    bool m_prepared = false;
    bool m_done = false;
};

} // namespace timonel
