#pragma once
// DeleteDialog: confirms the deletion of one or several objects. Lists them, offers the
// propagation policy (Background by default, Foreground, Orphan — each explained) and an
// optional grace period. Deleting several objects, or any namespace, asks the user to type
// the count (or the namespace's name) first.
//
// Keyboard: Enter deletes only while the Delete button has focus (elsewhere it does nothing,
// so a stray Enter never deletes); Space on a focused button presses it; Esc cancels.
//
// GUI thread only. Cost: one list item per object.

#include <QDialog>
#include <QList>
#include <QString>

#include <optional>

class QButtonGroup;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace kube {
class Object;
}

namespace timonel {

// metav1.DeletionPropagation.
enum class DeletePropagation { Background, Foreground, Orphan };

// What the API's propagationPolicy field says for it: "Background", "Foreground", "Orphan".
QString propagationPolicyName(DeletePropagation propagation);

struct DeleteTarget {
    QString kind;
    QString namespace_;
    QString name;

    static DeleteTarget of(const kube::Object &object);
};

class DeleteDialog : public QDialog
{
    Q_OBJECT
public:
    explicit DeleteDialog(const QList<DeleteTarget> &targets, QWidget *parent = nullptr);

    DeletePropagation propagation() const;
    void setPropagation(DeletePropagation propagation);
    // The grace period the user chose, or nullopt for the object's own default.
    std::optional<int> gracePeriodSeconds() const;

    // What the user must type before Delete is enabled; empty when no typing is required.
    QString requiredConfirmation() const { return m_required; }
    bool isConfirmed() const;

    // For tests and accessibility tools.
    QPushButton *deleteButton() const { return m_delete; }
    QPushButton *cancelButton() const { return m_cancel; }
    QLineEdit *confirmationEdit() const { return m_confirmation; }
    QCheckBox *gracePeriodCheck() const { return m_graceCheck; }
    QSpinBox *gracePeriodSpin() const { return m_graceSpin; }

public Q_SLOTS:
    void accept() override;

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void updateDeleteButton();

    QList<DeleteTarget> m_targets;
    QString m_required;
    QButtonGroup *m_propagation = nullptr;
    QCheckBox *m_graceCheck = nullptr;
    QSpinBox *m_graceSpin = nullptr;
    QLineEdit *m_confirmation = nullptr;
    QPushButton *m_delete = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace timonel
