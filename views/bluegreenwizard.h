#pragma once
// BlueGreenWizard: the blue-green deployment, step by step. Three pages:
//   Choose   the container and the image green runs (the plan's refusals show here).
//   Preview  what creating green changes and creates (blue's version label, the Service pinned
//            to blue, the green Deployment) as YAML diffs; Apply commits.
//   Monitor  both colours' readiness, restarts and measured share (DeliveryMonitor), and the
//            decisions, each previewed first: Switch to green, Switch back to blue (blue is kept
//            for that), Clean up blue (once green is live), Abandon green (while blue is live).
// The wizard plans (BlueGreenPlan) and emits intents; app/ (BlueGreenWorkflow::bind) carries
// them out and tells it which colour is live.
//
// Keyboard: QWizard's buttons, mnemonics on every field and decision (Alt+S, Alt+B, Alt+C, Alt+D).
//
// GUI thread.

#include "models/bluegreenplan.h"
#include "models/traffictally.h"
#include "models/workloadreadiness.h"

#include <QWizard>

#include <functional>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace timonel {

class DeliveryMonitor;
class FunctionPage;
class PlanPreview;

class BlueGreenWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId { ChoosePage, PreviewPage, MonitorPage };
    enum class Decision { Switch, SwitchBack, CleanUp, Abandon };
    // Which colour the Service sends traffic to now.
    enum class Live { Preparing, Blue, Green, Done };
    using StepProvider = std::function<PlanStep(Decision)>;

    BlueGreenWizard(const kube::Object &blue, const kube::Object &service, QWidget *parent = nullptr);

    void setStepProvider(StepProvider provider) { m_stepProvider = std::move(provider); }
    kube::Expected<BlueGreenPlan> currentPlan() const;
    const std::optional<BlueGreenPlan> &plan() const { return m_plan; }
    QDialog *requestDecision(Decision decision);

    QComboBox *containerBox() const { return m_container; }
    QLineEdit *imageEdit() const { return m_image; }
    QLabel *errorLabel() const { return m_error; }
    PlanPreview *preview() const { return m_preview; }
    DeliveryMonitor *monitor() const { return m_monitor; }
    QPushButton *decisionButton(Decision decision) const;

public Q_SLOTS:
    void setVersions(const QList<timonel::WorkloadHealth> &versions);
    void setMeasurement(const timonel::TrafficTally &tally, bool running);
    void setMeasurementNote(const QString &note);
    void appendProgress(const QString &line);
    void setBusy(bool busy);
    void setLive(timonel::BlueGreenWizard::Live live);

Q_SIGNALS:
    void prepareRequested(const timonel::BlueGreenPlan &plan);
    void decisionRequested(timonel::BlueGreenWizard::Decision decision);
    void measureRequested(int requests);
    void stopMeasuringRequested();

private:
    void updateDecisions();

    kube::Object m_blue;
    kube::Object m_service;
    std::optional<BlueGreenPlan> m_plan;
    StepProvider m_stepProvider;
    bool m_busy = false;
    Live m_live = Live::Preparing;

    QComboBox *m_container = nullptr;
    QLineEdit *m_image = nullptr;
    QLabel *m_error = nullptr;
    PlanPreview *m_preview = nullptr;
    DeliveryMonitor *m_monitor = nullptr;
    QList<QPushButton *> m_buttons; // indexed by Decision
    FunctionPage *m_monitorPage = nullptr;
};

} // namespace timonel
