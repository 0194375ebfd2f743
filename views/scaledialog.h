#pragma once
// ScaleDialog: asks for a new replica count for a workload with a scale subresource
// (Deployment, ReplicaSet, StatefulSet, ReplicationController): shows the current count, a spin
// box starting there, OK/Cancel. Enter accepts, Esc cancels.
//
// GUI thread only.

#include <QDialog>

class QDialogButtonBox;
class QSpinBox;

namespace timonel {

class ScaleDialog : public QDialog
{
    Q_OBJECT
public:
    // title: what is scaled ("Deployment web"); current: its spec.replicas.
    ScaleDialog(const QString &title, int current, QWidget *parent = nullptr);

    int currentReplicas() const { return m_current; }
    int replicas() const;
    void setReplicas(int replicas);

    QSpinBox *spinBox() const { return m_spin; }
    QDialogButtonBox *buttons() const { return m_buttons; }

    // The most replicas the spin box offers.
    static constexpr int MaxReplicas = 10000;

private:
    int m_current;
    QSpinBox *m_spin = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace timonel
