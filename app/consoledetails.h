#pragma once
// ConsoleDetails: the right-hand side of the console for the selected object — the DetailsPane
// (overview, events, related, labels) plus the Logs, YAML and (Deployments) Rollout tabs — kept live: it reads the
// object's events and related objects from shared informers of the session (pods, services,
// endpoints, workloads, nodes, volumes, events), refreshing when they change, and carries out
// the pane's intents through ObjectActions, LogsWorkflow and YamlWorkflow, reporting each
// result in the status bar (or the server's reason in a message box when it failed).
//
// GUI thread only.

#include "kube/api/object.h"
#include "views/commandpalette.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>
#include <vector>

namespace kube {
class InformerSubscription;
class SharedInformer;
struct Status;
}

namespace timonel {

class ClusterSession;
class DetailsPane;
class LogPanel;
class LogsWorkflow;
class MainWindow;
class ObjectActions;
class RolloutPanel;
class RolloutWorkflow;
class YamlWorkflow;

class ConsoleDetails : public QObject
{
    Q_OBJECT
public:
    explicit ConsoleDetails(MainWindow *window, QObject *parent = nullptr);
    ~ConsoleDetails() override;

    // The session actions go to; null (disconnected) empties the pane and releases informers.
    // embedded: the session is Timonel's own cluster (the wizards can measure traffic there).
    void setSession(ClusterSession *session, bool embedded = false);
    // The table's selection: the first object is shown; Delete applies to all of them.
    void setSelection(const QString &resourceId, const QList<kube::Object> &objects);
    // The selected object changed in the cache (same key): refresh without resetting the pane.
    void objectUpdated(const kube::Object &object);

    QList<PaletteEntry> paletteActions() const;
    void runPaletteAction(const QString &id);

    DetailsPane *pane() const { return m_pane; }
    LogPanel *logPanel() const { return m_logPanel; }
    YamlWorkflow *yaml() const { return m_yaml; }
    LogsWorkflow *logs() const { return m_logs; }
    RolloutPanel *rolloutPanel() const { return m_rolloutPanel; }
    RolloutWorkflow *rollout() const { return m_rollout; }
    int rolloutTab() const { return m_rolloutTab; }

    // Resources read for events and related objects.
    static QStringList relatedResources();

Q_SIGNALS:
    void openRelated(const QString &resourceId, const QString &namespace_, const QString &name);
    // An action finished: success or the server's Status (tests wait for it).
    void actionFinished(const QString &what, bool ok, const QString &message);

private:
    void refreshContext();
    void report(const QString &what, const kube::Status &status);
    void confirmAndDelete();
    void releaseInformers();
    // Canary and blue-green wizards for the selected Deployment and the Service in front of it.
    enum class Delivery { Canary, BlueGreen };
    void openDeliveryWizard(Delivery delivery);

    MainWindow *m_window;
    DetailsPane *m_pane = nullptr;
    LogPanel *m_logPanel = nullptr;
    int m_logsTab = -1;
    int m_yamlTab = -1;
    int m_rolloutTab = -1;
    RolloutPanel *m_rolloutPanel = nullptr;
    RolloutWorkflow *m_rollout = nullptr;
    ObjectActions *m_actions = nullptr;
    LogsWorkflow *m_logs = nullptr;
    YamlWorkflow *m_yaml = nullptr;
    QPointer<ClusterSession> m_session;
    bool m_embedded = false;
    // Open wizards hold the session's informers: they close with the session.
    QList<QPointer<QWidget>> m_wizards;
    void closeWizards();
    QHash<QString, kube::SharedInformer *> m_informers;
    std::vector<std::unique_ptr<kube::InformerSubscription>> m_subscriptions;
    QTimer m_refresh;
    QString m_resourceId;
    QList<kube::Object> m_selection;
};

} // namespace timonel
