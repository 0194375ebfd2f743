#pragma once
// PlanPreview: what a wizard step will do, before it does it — the list of changes (create,
// patch, delete, each with its one-line summary) and, for the selected change, the object's YAML
// before and after as a side-by-side diff (DiffView). confirm() wraps it in a dialog with
// Apply / Cancel, for the decisions taken on a wizard's monitor page.
//
// Keyboard: the list takes focus first (arrows pick a change), Tab reaches the diff (F8 / Shift+F8
// walk its changes).
//
// GUI thread. Cost: one YAML serialisation and one line diff per selected change.

#include "models/plannedchange.h"

#include <QWidget>

class QDialog;
class QListWidget;

namespace timonel {

class DiffView;

class PlanPreview : public QWidget
{
    Q_OBJECT
public:
    explicit PlanPreview(QWidget *parent = nullptr);

    void setStep(const PlanStep &step);
    const PlanStep &step() const { return m_step; }
    QListWidget *changeList() const { return m_list; }
    DiffView *diffView() const { return m_diff; }

    // A window-modal dialog (deleted on close, already open) previewing step; accepted() means
    // apply. A step with nothing to change says so and offers only Close.
    static QDialog *confirm(QWidget *parent, const PlanStep &step, const QString &applyText);

private:
    void showChange(int row);

    PlanStep m_step;
    QListWidget *m_list;
    DiffView *m_diff;
};

} // namespace timonel
