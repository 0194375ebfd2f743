#pragma once
// CanaryWizard: the canary, step by step, without writing YAML. Three pages:
//   Choose   the container and its new image, canary replicas out of a total, and the resulting
//            percentage of traffic; the plan's refusals (wrong Service, bad counts) show here.
//   Preview  every object the start changes or creates, as a YAML diff (PlanPreview); Apply
//            commits (no going back).
//   Monitor  readiness, restarts and the measured share of requests per version
//            (DeliveryMonitor), then Promote… or Abort…, each previewed as a diff first.
// The wizard plans (CanaryPlan) and emits intents; app/ (CanaryWorkflow::bind) carries them out
// and feeds the monitor.
//
// Keyboard: QWizard's buttons (Alt+N, Enter, Esc), mnemonics on every field, Alt+P promote,
// Alt+A abort.
//
// GUI thread.

#include "models/canaryplan.h"
#include "models/traffictally.h"
#include "models/workloadreadiness.h"

#include <QWizard>

#include <functional>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace timonel {

class DeliveryMonitor;
class FunctionPage;
class PlanPreview;

class CanaryWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId { ChoosePage, PreviewPage, MonitorPage };
    enum class Decision { Promote, Abort };
    using StepProvider = std::function<PlanStep(Decision)>;

    CanaryWizard(const kube::Object &stable, const kube::Object &service, QWidget *parent = nullptr);

    // The step a decision would run now (from the live objects); the wizard previews it.
    void setStepProvider(StepProvider provider) { m_stepProvider = std::move(provider); }

    // The plan the Choose page makes of its fields (or the reason it cannot).
    kube::Expected<CanaryPlan> currentPlan() const;
    const std::optional<CanaryPlan> &plan() const { return m_plan; }

    // Opens the preview of a decision (window-modal); confirming it emits the intent.
    QDialog *requestDecision(Decision decision);

    QComboBox *containerBox() const { return m_container; }
    QLineEdit *imageEdit() const { return m_image; }
    QSpinBox *canarySpin() const { return m_canary; }
    QSpinBox *totalSpin() const { return m_total; }
    QLabel *percentageLabel() const { return m_percentage; }
    QLabel *errorLabel() const { return m_error; }
    PlanPreview *preview() const { return m_preview; }
    DeliveryMonitor *monitor() const { return m_monitor; }
    QPushButton *promoteButton() const { return m_promote; }
    QPushButton *abortButton() const { return m_abort; }

public Q_SLOTS:
    void setVersions(const QList<timonel::WorkloadHealth> &versions);
    void setMeasurement(const timonel::TrafficTally &tally, bool running);
    void setMeasurementNote(const QString &note);
    void appendProgress(const QString &line);
    // A step is running: the decisions wait.
    void setBusy(bool busy);
    // Promoted or aborted: Finish closes the wizard.
    void setFinished(bool finished);

Q_SIGNALS:
    void startRequested(const timonel::CanaryPlan &plan);
    void promoteRequested();
    void abortRequested();
    void measureRequested(int requests);
    void stopMeasuringRequested();

private:
    void updatePercentage();
    void updateDecisions();

    kube::Object m_stable;
    kube::Object m_service;
    std::optional<CanaryPlan> m_plan;
    StepProvider m_stepProvider;
    bool m_busy = false;
    bool m_finished = false;

    QComboBox *m_container = nullptr;
    QLineEdit *m_image = nullptr;
    QSpinBox *m_canary = nullptr;
    QSpinBox *m_total = nullptr;
    QLabel *m_percentage = nullptr;
    QLabel *m_error = nullptr;
    PlanPreview *m_preview = nullptr;
    DeliveryMonitor *m_monitor = nullptr;
    QPushButton *m_promote = nullptr;
    QPushButton *m_abort = nullptr;
    FunctionPage *m_monitorPage = nullptr;
};

} // namespace timonel
