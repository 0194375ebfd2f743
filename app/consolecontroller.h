#pragma once
// ConsoleController: the console's composition — it opens clusters (the embedded one on demand,
// kubeconfig contexts), keeps one ClusterWorkspace per open cluster (session, navigator,
// namespaces, the table being shown), and turns what the main window asks for into models,
// informers and requests. Switching clusters keeps the others connected, so switching back is
// instant.
//
// A kubeconfig context whose credentials the server refuses (or that has none) is offered a
// sign-in with a bearer token (CredentialsWorkflow): the banner's button, the cluster picker's
// context menu and the palette; the token then replaces the context's user credentials, and a
// remembered one is looked up (asynchronously) before the context is first opened.
//
// Object actions (delete, scale, restart, cordon, drain, labels), the YAML editor and logs are
// carried out by ObjectActions, YamlWorkflow and LogsWorkflow, which the controller creates per
// workspace and points at the selected object.
//
// GUI thread only.

#include "clustercatalog.h"
#include "clustersession.h"

#include "kube/api/kindinfo.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <memory>

namespace kube {
class SharedInformer;
}

class QAction;

namespace timonel {

class DetailsPane;
class EmbeddedClusterHost;
class MainWindow;
class NamespaceModel;
class NavigatorModel;
class ResourceFilterModel;
class ResourceTableModel;
class ConsoleDetails;
class CredentialsWorkflow;
class SecretStore;

struct ConsoleOptions {
    QString embeddedDataDir;     // where the embedded cluster keeps its store and kubeconfig
    double embeddedSpeed = 1;    // the embedded cluster's time scale (--speed; 1 to 100)
    int embeddedNodes = 1;       // the embedded cluster's simulated nodes (--nodes; 1 to 100)
    bool preferEmbedded = true;  // start on the embedded cluster even when a kubeconfig exists
    QString initialCluster;      // a catalog id to open first ("context:prod"); empty: the default
    kube::KubeconfigLoadOptions kubeconfig = kube::KubeconfigLoadOptions::fromEnvironment();
    std::shared_ptr<SecretStore> secretStore; // where signed-in tokens are remembered; null: the system keychain
    QString plainTextTokenFile;               // the opt-in plain-text file; empty: in AppConfigLocation
};

class ConsoleController : public QObject
{
    Q_OBJECT
public:
    ConsoleController(MainWindow *window, ConsoleOptions options, QObject *parent = nullptr);
    ~ConsoleController() override;

    // Opens the default cluster (embedded unless told otherwise).
    void start();
    void openCluster(const QString &id);
    void showResource(const QString &resourceId);

    // For tests and the palette.
    ClusterSession *currentSession() const;
    QString currentResourceId() const;
    ResourceTableModel *tableModel() const;
    ResourceFilterModel *filterModel() const;
    NamespaceModel *namespaceModel() const;
    NavigatorModel *navigatorModel() const;
    ConsoleDetails *details() const { return m_details.get(); }
    CredentialsWorkflow *credentials() const { return m_credentials.get(); }
    // Offers a bearer-token sign-in for a kubeconfig context; forgets its token.
    void signIn(const QString &id);
    void forgetToken(const QString &id);
    const ClusterCatalog &catalog() const { return m_catalog; }
    QString embeddedKubeconfigPath() const;

Q_SIGNALS:
    // The table of resourceId has its first list (tests wait for it).
    void tableSynced(const QString &resourceId);
    void clusterConnected(const QString &id);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Workspace;
    Workspace *workspace() const;
    void attach(Workspace *ws);
    void connectSession(Workspace *ws);
    void updateConnectionState();
    void updateCounts();
    void applyNamespaces();
    void onSelectionChanged();
    void openPalette();
    void onPaletteChosen(const QString &id);
    kube::KindInfoPtr kindInfoFor(const kube::ApiResource &resource) const;
    QString accountOf(const ClusterEntry &entry) const;
    bool needsSignIn(const Workspace *ws) const;
    void reopenCluster(const QString &id);
    void updateCredentialActions();

    MainWindow *m_window;
    ConsoleOptions m_options;
    ClusterCatalog m_catalog;
    std::unique_ptr<EmbeddedClusterHost> m_embedded;
    QString m_embeddedKubeconfig;
    QHash<QString, Workspace *> m_workspaces;
    QString m_currentId;
    std::unique_ptr<ConsoleDetails> m_details;
    std::unique_ptr<CredentialsWorkflow> m_credentials;
    QAction *m_signInAction = nullptr; // in the cluster picker's context menu
    QAction *m_forgetAction = nullptr;
};

} // namespace timonel
