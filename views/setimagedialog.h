#pragma once
// SetImageDialog: what `kubectl set image` asks for, for one workload: the container (a combo
// of the template's containers and init containers, showing each one's current image), the new
// image (pre-filled with the current one, selected) and a change-cause recorded as the
// kubernetes.io/change-cause annotation (pre-filled with the equivalent kubectl command, which
// follows the image while the user has not edited it). OK is enabled once the image differs
// from the current one. Enter accepts, Esc cancels.
//
// GUI thread only.

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLineEdit;

namespace timonel {

class SetImageDialog : public QDialog
{
    Q_OBJECT
public:
    struct Container {
        QString name;
        QString image;
    };

    // workload: "deployment/web", for the title and the suggested change-cause.
    SetImageDialog(const QString &workload, const QList<Container> &containers, QWidget *parent = nullptr);

    QString container() const;
    QString image() const;
    QString changeCause() const;

    QComboBox *containerBox() const { return m_container; }
    QLineEdit *imageEdit() const { return m_image; }
    QLineEdit *changeCauseEdit() const { return m_cause; }
    QDialogButtonBox *buttons() const { return m_buttons; }

private:
    void containerChanged();
    void update();
    QString suggestedCause() const;

    QString m_workload;
    QList<Container> m_containers;
    QComboBox *m_container = nullptr;
    QLineEdit *m_image = nullptr;
    QLineEdit *m_cause = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    bool m_causeEdited = false;
};

} // namespace timonel
