#pragma once
// ConsoleController: the console's composition — it opens clusters (the embedded one on demand,
// kubeconfig contexts), keeps one ClusterWorkspace per open cluster (session, navigator,
// namespaces, the table being shown), and turns what the main window asks for into models,
// informers and requests. Switching clusters keeps the others connected, so switching back is
// instant.
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

namespace timonel {

class DetailsPane;
class EmbeddedClusterHost;
class MainWindow;
class NamespaceModel;
class NavigatorModel;
class ResourceFilterModel;
class ResourceTableModel;
class ConsoleDetails;

struct ConsoleOptions {
    QString embeddedDataDir;     // where the embedded cluster keeps its store and kubeconfig
    bool preferEmbedded = true;  // start on the embedded cluster even when a kubeconfig exists
    QString initialCluster;      // a catalog id to open first ("context:prod"); empty: the default
    kube::KubeconfigLoadOptions kubeconfig = kube::KubeconfigLoadOptions::fromEnvironment();
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

    MainWindow *m_window;
    ConsoleOptions m_options;
    ClusterCatalog m_catalog;
    std::unique_ptr<EmbeddedClusterHost> m_embedded;
    QString m_embeddedKubeconfig;
    QHash<QString, Workspace *> m_workspaces;
    QString m_currentId;
    std::unique_ptr<ConsoleDetails> m_details;
};

} // namespace timonel
