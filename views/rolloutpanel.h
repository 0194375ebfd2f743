#pragma once
// RolloutPanel: the "Rollout" tab of a Deployment, DaemonSet or StatefulSet. From top to bottom:
//   - a warning banner when the rollout is stuck, naming the reason and the blocking pods;
//   - actions: Undo to the selected revision, Pause / Resume, Restart, Set image… (a dialog:
//     container, image, change-cause);
//   - progress: updated / ready / available against desired as bars with counts, and a line
//     saying what the rollout waits for (kubectl rollout status's words);
//   - the new ReplicaSet and the old ones side by side (name, revision, pods, images);
//   - the revisions table (revision, change-cause, images, age, ReplicaSet, pods), and below
//     it, in tabs, the pod-template diff between two revisions (the two selected rows; with one
//     row selected, that revision against the current one) and the timeline of the rollout's
//     steps (the Deployment's and its sets' events, oldest first).
// The panel only emits intents; app/ (RolloutWorkflow) carries them out.
//
// A DaemonSet or StatefulSet (setRollout(history, …) with a history from
// RolloutHistory::fromControllerRevisions): the revisions are its ControllerRevisions, the
// status line is kubectl rollout status's sentence for the kind, the two boxes show the pods at
// the current revision and at older ones, and Pause / Resume is disabled with a tooltip saying
// why (kubectl supports pausing Deployments only).
//
// setRollout() with the same Deployment (same UID) is an update: the selected revisions, the
// tab and scroll positions stay; another Deployment resets them.
//
// Keyboard: every action has a shortcut active while focus is in the panel (Ctrl+Alt+Z undo,
// Ctrl+Alt+P pause/resume, Ctrl+Alt+R restart, Ctrl+Alt+I set image) — chosen not to clash with
// the details pane's Ctrl+Shift ones; the revisions table, the tabs and the diff take focus in
// tab order.
//
// GUI thread only. Cost per setRollout(): one parse of the Deployment, of each of its sets and
// of each pod of the new set, YAML renderings of two templates, and a line diff.

#include "models/rollouthistory.h"
#include "models/rolloutprogress.h"

#include <QWidget>

class QAction;
class QGroupBox;
class QLabel;
class QProgressBar;
class QTabWidget;
class QToolBar;
class QTreeWidget;

namespace kube {
class Clock;
}

namespace timonel {

class DiffView;

class RolloutPanel : public QWidget
{
    Q_OBJECT
public:
    enum class Action { Undo, PauseResume, Restart, SetImage };
    enum RevisionColumn { RevisionNumberColumn, ChangeCauseColumn, ImagesColumn, AgeColumn, ReplicaSetColumn, PodsColumn,
                          RevisionColumnCount };

    // clock: for ages and "not ready for long" (null = the system clock). Not owned.
    explicit RolloutPanel(QWidget *parent = nullptr, const kube::Clock *clock = nullptr);
    ~RolloutPanel() override;

    // The Deployment with the sets, pods and events the caller has (any objects: the panel
    // picks the Deployment's own). A null Deployment empties the panel.
    void setRollout(const kube::Object &deployment, const QList<kube::Object> &replicaSets, const QList<kube::Object> &pods,
                    const QList<kube::Object> &events);
    // Any workload's history (a DaemonSet's or StatefulSet's from its ControllerRevisions).
    void setRollout(const RolloutHistory &history, const QList<kube::Object> &pods, const QList<kube::Object> &events);
    void clear() { setRollout({}, {}, {}, {}); }

    // The workload (a DaemonSet or StatefulSet too).
    const kube::Object &deployment() const { return m_history.deployment(); }
    const RolloutHistory &history() const { return m_history; }
    const RolloutProgress &progress() const { return m_progress; }

    // The selected revision numbers, ascending (at most two).
    QList<qint64> selectedRevisions() const;
    void selectRevisions(const QList<qint64> &numbers);
    // The two revisions the diff shows (older, newer); {0, 0} when none.
    std::pair<qint64, qint64> diffedRevisions() const { return m_diffed; }

    QAction *action(Action action) const;
    QLabel *banner() const { return m_banner; }
    QLabel *statusLine() const { return m_statusLine; }
    QProgressBar *updatedBar() const { return m_updated; }
    QProgressBar *readyBar() const { return m_ready; }
    QProgressBar *availableBar() const { return m_available; }
    QLabel *newReplicaSetLabel() const { return m_newSet; }
    QLabel *oldReplicaSetsLabel() const { return m_oldSets; }
    QTreeWidget *revisionsView() const { return m_revisions; }
    QTreeWidget *timelineView() const { return m_timeline; }
    DiffView *diffView() const { return m_diff; }
    QTabWidget *tabs() const { return m_tabs; }

Q_SIGNALS:
    void undoRequested(const kube::Object &deployment, qint64 revision);
    // pause: true to pause, false to resume.
    void pauseRequested(const kube::Object &deployment, bool pause);
    void restartRequested(const kube::Object &deployment);
    void setImageRequested(const kube::Object &deployment, const QString &container, const QString &image,
                           const QString &changeCause);
    // The panel shows a new state (after setRollout()); tests and the screenshot wait for it.
    void rolloutShown();

private:
    void createActions();
    void updateBanner();
    void updateProgress();
    void updateSets();
    void updateRevisions(bool sameDeployment);
    void updateTimeline();
    void updateDiff();
    void updateActions();
    void updateKindTexts();
    void askSetImage();

    const kube::Clock *m_clock;
    RolloutHistory m_history;
    RolloutProgress m_progress;
    QList<TimelineStep> m_steps;
    std::pair<qint64, qint64> m_diffed{0, 0};
    bool m_updatingRevisions = false;
    QString m_pauseToolTip; // the Deployment texts, restored when a Deployment follows another kind
    QString m_undoToolTip;

    QLabel *m_banner = nullptr;
    QToolBar *m_toolBar = nullptr;
    QList<QAction *> m_actions; // indexed by Action
    QLabel *m_statusLine = nullptr;
    QProgressBar *m_updated = nullptr;
    QProgressBar *m_ready = nullptr;
    QProgressBar *m_available = nullptr;
    QGroupBox *m_newBox = nullptr;
    QGroupBox *m_oldBox = nullptr;
    QLabel *m_newSet = nullptr;
    QLabel *m_oldSets = nullptr;
    QTreeWidget *m_revisions = nullptr;
    QTabWidget *m_tabs = nullptr;
    DiffView *m_diff = nullptr;
    QTreeWidget *m_timeline = nullptr;
};

} // namespace timonel
