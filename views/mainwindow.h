#pragma once
// The console's main window: a toolbar with the cluster picker, the namespace picker and the
// command palette; the navigator (kinds grouped as Workloads, Network, Config…) on the left; the
// resource table in the middle; the details pane (given by the app) on the right; connection
// state and API latency in the status bar. Window geometry and splitter positions are
// remembered.
//
// The window is a view: it shows the models and widgets the app hands it and emits what the
// user asks for (open a cluster, show a kind, change theme or language); app/ carries it out.
// Keyboard: Ctrl+K palette, Ctrl+1/2/3 focus navigator/table/details, Alt+C cluster picker,
// Alt+N namespaces, Ctrl+F/Ctrl+L table filters, F5 reconnect.
//
// GUI thread only.

#include "models/statuscategory.h"

#include <QMainWindow>

class QAbstractItemModel;
class QActionGroup;
class QComboBox;
class QFrame;
class QLabel;
class QPushButton;
class QSplitter;
class QTreeView;

namespace timonel {

class CommandPalette;
class NamespacePicker;
class ResourceTableView;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Clusters offered in the picker: (id, name, tooltip).
    struct ClusterItem {
        QString id;
        QString name;
        QString tooltip;
    };
    void setClusters(const QList<ClusterItem> &clusters, const QString &currentId);
    QString currentClusterId() const;

    // The navigator's model and the role holding each kind's resource id ("deployments.apps").
    void setNavigatorModel(QAbstractItemModel *model, int resourceIdRole);
    // Selects the navigator row of a resource id (without emitting resourceRequested).
    void selectResource(const QModelIndex &navigatorIndex);
    QTreeView *navigator() const { return m_navigator; }

    NamespacePicker *namespacePicker() const { return m_namespaces; }
    ResourceTableView *tableView() const { return m_table; }
    CommandPalette *commandPalette() const { return m_palette; }
    // The details pane (the app's widget); the window owns it from now on.
    void setDetailsWidget(QWidget *widget);

    // Status bar.
    void setConnectionState(const QString &text, StatusCategory category, const QString &tooltip = {});
    void setLatency(int milliseconds); // < 0: unknown
    // A banner above the table: why a cluster cannot be used and what to do (empty: hidden).
    // actionText: a button in the banner (e.g. "Allow this plugin"); bannerActionTriggered() on click.
    void setBanner(const QString &message, StatusCategory category = StatusCategory::Error, const QString &actionText = {});
    QString bannerText() const;
    void showStatusMessage(const QString &message, int timeoutMs = 5000);

    enum class Theme { System, Light, Dark };
    void setTheme(Theme theme); // checks the menu item (the app applies the palette)

Q_SIGNALS:
    void clusterRequested(const QString &id);
    void resourceRequested(const QString &resourceId);
    void reconnectRequested();
    void commandPaletteRequested();
    void themeRequested(timonel::MainWindow::Theme theme);
    void languageRequested(const QString &language); // "", "en", "es"
    void bannerActionTriggered();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void buildMenus();
    void retranslate();
    void restoreState();

    QComboBox *m_clusters = nullptr;
    NamespacePicker *m_namespaces = nullptr;
    QTreeView *m_navigator = nullptr;
    int m_resourceIdRole = Qt::UserRole;
    ResourceTableView *m_table = nullptr;
    QWidget *m_details = nullptr;
    QSplitter *m_outer = nullptr;
    QSplitter *m_inner = nullptr;
    QFrame *m_bannerFrame = nullptr;
    QLabel *m_banner = nullptr;
    QPushButton *m_bannerAction = nullptr;
    QLabel *m_connection = nullptr;
    QLabel *m_latency = nullptr;
    CommandPalette *m_palette = nullptr;
    QActionGroup *m_themes = nullptr;
    QActionGroup *m_languages = nullptr;
    bool m_selectingProgrammatically = false;
};

} // namespace timonel
