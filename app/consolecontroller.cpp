#include "consolecontroller.h"
#include "consoleworkspace.h"

#include "consoledetails.h"
#include "credentialsworkflow.h"
#include "embeddedclusterhost.h"
#include "keychainsecretstore.h"

#include "kube/api/crdschema.h"
#include "kube/api/typeregistry.h"
#include "kube/cache/sharedinformer.h"
#include "models/modelroles.h"
#include "models/namespacemodel.h"
#include "models/navigatormodel.h"
#include "models/resourcefiltermodel.h"
#include "models/resourcetablemodel.h"
#include "app/yamlworkflow.h"
#include "views/commandpalette.h"
#include "views/detailspane.h"
#include "views/mainwindow.h"
#include "views/namespacepicker.h"
#include "views/resourcetableview.h"
#include "views/statusdelegate.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QTableView>
#include <QTimer>

namespace timonel {

ConsoleController::ConsoleController(MainWindow *window, ConsoleOptions options, QObject *parent)
    : QObject(parent), m_window(window), m_options(std::move(options))
{
    m_catalog = ClusterCatalog::load(m_options.kubeconfig);
    m_window->installEventFilter(this);
    m_details = std::make_unique<ConsoleDetails>(window);
    std::shared_ptr<SecretStore> store = m_options.secretStore;
    if (!store)
        store = std::make_shared<KeychainSecretStore>();
    m_credentials = std::make_unique<CredentialsWorkflow>(store, PlainTextSecretFile(m_options.plainTextTokenFile), window);
    connect(m_credentials.get(), &CredentialsWorkflow::message, this, [this](const QString &text) {
        m_window->showStatusMessage(text, 10000);
    });
    // The cluster picker's context menu (Menu key or Shift+F10 on it): sign in, forget.
    if (auto *picker = m_window->findChild<QComboBox *>(QStringLiteral("clusterPicker"))) {
        m_signInAction = new QAction(picker);
        m_signInAction->setObjectName(QStringLiteral("signInAction"));
        m_forgetAction = new QAction(picker);
        m_forgetAction->setObjectName(QStringLiteral("forgetTokenAction"));
        picker->addAction(m_signInAction);
        picker->addAction(m_forgetAction);
        picker->setContextMenuPolicy(Qt::ActionsContextMenu);
        connect(m_signInAction, &QAction::triggered, this, [this] { signIn(m_currentId); });
        connect(m_forgetAction, &QAction::triggered, this, [this] { forgetToken(m_currentId); });
    }

    ResourceTableView *table = m_window->tableView();
    table->table()->setItemDelegate(new StatusDelegate(StatusRole, table->table()));
    connect(m_window, &MainWindow::clusterRequested, this, &ConsoleController::openCluster);
    connect(m_window, &MainWindow::resourceRequested, this, &ConsoleController::showResource);
    connect(m_window, &MainWindow::reconnectRequested, this, [this] {
        if (Workspace *ws = workspace()) {
            ws->session->connectToCluster();
            updateConnectionState();
        }
    });
    connect(m_window, &MainWindow::bannerActionTriggered, this, [this] {
        Workspace *ws = workspace();
        if (ws && needsSignIn(ws)) {
            signIn(ws->id);
            return;
        }
        if (!ws || !ws->session->pendingExecApproval())
            return;
        const kube::Status approved = ws->session->approveExecPlugin();
        if (!approved.isSuccess())
            m_window->showStatusMessage(tr("The approval could not be saved: %1").arg(approved.message()));
        updateConnectionState();
    });
    connect(m_window, &MainWindow::commandPaletteRequested, this, &ConsoleController::openPalette);
    connect(m_window->commandPalette(), &CommandPalette::entryChosen, this, &ConsoleController::onPaletteChosen);
    connect(table, &ResourceTableView::textFilterChanged, this, [this](const QString &text) {
        Workspace *ws = workspace();
        if (!ws || !ws->filter)
            return;
        ws->textFilter = text;
        ws->filter->setTextFilter(text);
        updateCounts();
    });
    connect(table, &ResourceTableView::selectorFilterChanged, this, [this](const QString &text) {
        Workspace *ws = workspace();
        if (!ws || !ws->filter)
            return;
        ws->selector = text;
        ws->filter->setLabelSelector(text);
        m_window->tableView()->setSelectorError(ws->filter->selectorError());
        updateCounts();
    });
    connect(table, &ResourceTableView::selectionChanged, this, &ConsoleController::onSelectionChanged);
    // The Delete key on the table deletes the selection (after the dialog).
    auto *deleteKey = new QAction(table);
    deleteKey->setShortcut(QKeySequence::Delete);
    deleteKey->setShortcutContext(Qt::WidgetShortcut);
    table->table()->addAction(deleteKey);
    connect(deleteKey, &QAction::triggered, this, [this] {
        m_details->runPaletteAction(m_window->tableView()->selectedRows().size() > 1 ? QStringLiteral("details:delete-all")
                                                                                     : QStringLiteral("details:delete"));
    });
    connect(m_window->namespacePicker(), &NamespacePicker::onlyRequested, this, [this](int row) {
        Workspace *ws = workspace();
        if (!ws || !ws->namespaces)
            return;
        const QString name = row == 0 ? QString() : ws->namespaces->index(row, 0).data(Qt::DisplayRole).toString();
        ws->namespaces->setSelectedNamespaces(name.isEmpty() ? QStringList() : QStringList{name});
    });
    connect(m_details.get(), &ConsoleDetails::openRelated, this,
            [this](const QString &resourceId, const QString &namespace_, const QString &name) {
                showResource(resourceId);
                Workspace *ws = workspace();
                if (!ws || !ws->filter)
                    return;
                const QString key = namespace_.isEmpty() ? name : namespace_ + u'/' + name;
                // The row may not be listed yet: select it once the table syncs.
                auto select = [this, key] {
                    Workspace *w = workspace();
                    if (!w || !w->filter)
                        return;
                    const QModelIndexList hits = w->filter->match(w->filter->index(0, 0), KeyRole, key, 1, Qt::MatchExactly);
                    if (!hits.isEmpty())
                        m_window->tableView()->selectRow(hits.front());
                };
                select();
                connect(this, &ConsoleController::tableSynced, this, select, Qt::SingleShotConnection);
            });
}

ConsoleController::~ConsoleController()
{
    if (m_details)
        m_details->pane()->setClock(nullptr); // the pane is the window's; the clock goes with m_embedded
    m_details.reset();
    m_credentials.reset();
    qDeleteAll(m_workspaces);
    m_workspaces.clear();
    m_embedded.reset();
}

bool ConsoleController::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::LanguageChange) {
        // Models are QtCore and get no LanguageChange of their own.
        for (Workspace *ws : std::as_const(m_workspaces))
            ws->navigator->retranslate();
        updateConnectionState();
        updateCounts();
        updateCredentialActions();
    }
    return QObject::eventFilter(watched, event);
}

void ConsoleController::start()
{
    QList<MainWindow::ClusterItem> items;
    for (const ClusterEntry &e : m_catalog.entries())
        items.append({e.id, e.displayName, e.kind == ClusterEntry::Kind::Embedded ? tr("Timonel's own cluster, on this computer") : e.server});
    const QString first = m_catalog.entry(m_options.initialCluster) ? m_options.initialCluster
                                                                     : m_catalog.defaultEntryId(m_options.preferEmbedded);
    m_window->setClusters(items, first);
    if (!m_catalog.loadError().isEmpty())
        m_window->showStatusMessage(tr("Your kubeconfig could not be read: %1").arg(m_catalog.loadError()), 0);
    openCluster(first);
}

ConsoleController::Workspace *ConsoleController::workspace() const
{
    return m_workspaces.value(m_currentId);
}

ClusterSession *ConsoleController::currentSession() const
{
    Workspace *ws = workspace();
    return ws ? ws->session.get() : nullptr;
}

QString ConsoleController::currentResourceId() const
{
    Workspace *ws = workspace();
    return ws ? ws->resourceId : QString();
}

ResourceTableModel *ConsoleController::tableModel() const
{
    Workspace *ws = workspace();
    return ws ? ws->table.get() : nullptr;
}

ResourceFilterModel *ConsoleController::filterModel() const
{
    Workspace *ws = workspace();
    return ws ? ws->filter.get() : nullptr;
}

NamespaceModel *ConsoleController::namespaceModel() const
{
    Workspace *ws = workspace();
    return ws ? ws->namespaces.get() : nullptr;
}

NavigatorModel *ConsoleController::navigatorModel() const
{
    Workspace *ws = workspace();
    return ws ? ws->navigator.get() : nullptr;
}

QString ConsoleController::embeddedKubeconfigPath() const
{
    return m_embeddedKubeconfig;
}

void ConsoleController::openCluster(const QString &id)
{
    const ClusterEntry *entry = m_catalog.entry(id);
    if (!entry)
        return;
    m_currentId = id;
    m_window->setClusters([this] {
        QList<MainWindow::ClusterItem> items;
        for (const ClusterEntry &e : m_catalog.entries())
            items.append({e.id, e.displayName, e.server});
        return items;
    }(), id);
    updateCredentialActions();
    if (Workspace *ws = workspace()) {
        attach(ws);
        return;
    }
    m_window->setBanner({});
    m_details->setSession(nullptr);
    m_window->tableView()->setModel(nullptr, {}, {});

    if (entry->kind == ClusterEntry::Kind::Embedded) {
        if (!m_embeddedKubeconfig.isEmpty()) {
            // Started before and its workspace closed: reconnect from its kubeconfig.
        } else {
            m_window->setConnectionState(tr("Starting the embedded cluster…"), StatusCategory::Pending);
            if (!m_embedded) {
                m_embedded = std::make_unique<EmbeddedClusterHost>(
                    EmbeddedClusterHost::Settings{m_options.embeddedDataDir, m_options.embeddedSpeed, m_options.embeddedNodes});
                connect(m_embedded.get(), &EmbeddedClusterHost::started, this, [this](const QString &, const QString &path) {
                    m_embeddedKubeconfig = path;
                    if (m_currentId == u"embedded")
                        openCluster(QStringLiteral("embedded"));
                });
                connect(m_embedded.get(), &EmbeddedClusterHost::failed, this, [this](const QString &message) {
                    m_window->setConnectionState(tr("Embedded cluster failed"), StatusCategory::Error);
                    m_window->setBanner(tr("The embedded cluster could not start: %1").arg(message));
                });
                m_embedded->start();
            }
            return;
        }
    }

    // A token the user signed in with earlier (this run, or remembered) is looked up first, so
    // the first request already carries it.
    const QString account = accountOf(*entry);
    const bool resolved = account.isEmpty() || m_credentials->resolve(account, entry->contextName, [this, id] {
        if (m_currentId == id && !m_workspaces.contains(id))
            openCluster(id);
    });
    if (!resolved) {
        m_window->setConnectionState(tr("Looking for a saved token for %1…").arg(entry->displayName), StatusCategory::Pending);
        return;
    }
    kube::Expected<kube::RestConfig> config = entry->kind == ClusterEntry::Kind::Embedded
                                                  ? ClusterCatalog::embeddedRestConfig(m_embeddedKubeconfig)
                                                  : m_catalog.restConfig(*entry);
    if (!config) {
        m_window->setConnectionState(tr("Cannot connect"), StatusCategory::Error);
        m_window->setBanner(tr("%1 cannot be used: %2").arg(entry->displayName, config.error().message()));
        return;
    }
    auto *ws = new Workspace;
    ws->id = id;
    ws->displayName = entry->displayName;
    ws->account = account;
    kube::RestConfig rest = *config;
    ws->hasOwnCredentials = CredentialsWorkflow::hasCredentials(rest);
    ws->signedIn = !account.isEmpty() && m_credentials->applyTo(account, rest);
    ws->session = std::make_unique<ClusterSession>(entry->displayName, std::move(rest));
    if (entry->kind == ClusterEntry::Kind::Embedded && m_embedded)
        ws->clock = m_embedded->clock();
    ws->navigator = std::make_unique<NavigatorModel>();
    ws->namespaces = std::make_unique<NamespaceModel>();
    m_workspaces.insert(id, ws);
    connectSession(ws);
    attach(ws);
    updateCredentialActions(); // the token is known now
    ws->session->connectToCluster();
}

void ConsoleController::connectSession(Workspace *ws)
{
    ClusterSession *session = ws->session.get();
    connect(session, &ClusterSession::stateChanged, this, [this, ws] {
        if (workspace() == ws)
            updateConnectionState();
    });
    connect(session, &ClusterSession::latencyChanged, this, [this, ws](int ms) {
        if (workspace() == ws)
            m_window->setLatency(ms);
    });
    connect(session, &ClusterSession::resourcesChanged, this, [this, ws] {
        ws->navigator->setResources(ws->session->resources());
        if (!ws->namespacesInformer) {
            ws->namespacesInformer = ws->session->acquireInformer(QStringLiteral("namespaces"));
            ws->namespaces->setInformer(ws->namespacesInformer);
        }
        if (!ws->crdInformer) {
            ws->crdInformer = ws->session->acquireInformer(QStringLiteral("customresourcedefinitions.apiextensions.k8s.io"));
            if (ws->crdInformer) {
                ws->discoveryDebounce.setSingleShot(true);
                ws->discoveryDebounce.setInterval(500);
                connect(&ws->discoveryDebounce, &QTimer::timeout, ws->session.get(), &ClusterSession::refreshDiscovery);
                // The YAML editor validates custom resources against their CRDs' schemas.
                connect(&ws->discoveryDebounce, &QTimer::timeout, this, [this, ws] {
                    if (workspace() == ws && ws->crdInformer)
                        m_details->yaml()->setCustomResourceDefinitions(ws->crdInformer->lister().list());
                });
                auto synced = std::make_shared<bool>(false);
                kube::ResourceEventHandler handler;
                auto changed = [ws, synced] {
                    if (*synced)
                        ws->discoveryDebounce.start();
                };
                handler.added = [changed](const kube::Object &) { changed(); };
                handler.updated = [changed](const kube::Object &, const kube::Object &) { changed(); };
                handler.deleted = [changed](const kube::Object &, kube::DeleteState) { changed(); };
                handler.synced = [ws, synced] {
                    *synced = true;
                    ws->discoveryDebounce.start(); // the CRDs of the first list reach the editor too
                };
                ws->crdHandler = ws->crdInformer->addEventHandler(ws->session.get(), handler);
            }
        }
        if (ws->resourceId.isEmpty() && workspace() == ws)
            showResource(QStringLiteral("pods"));
        if (workspace() == ws) {
            m_details->setSession(ws->session.get(), ws->id == u"embedded");
            Q_EMIT clusterConnected(ws->id);
        }
    });
    connect(ws->namespaces.get(), &NamespaceModel::selectionChanged, this, [this, ws] {
        if (workspace() == ws)
            applyNamespaces();
    });
}

void ConsoleController::attach(Workspace *ws)
{
    m_window->setNavigatorModel(ws->navigator.get(), ResourceIdRole);
    m_window->namespacePicker()->setModel(ws->namespaces.get());
    m_details->pane()->setClock(ws->clock);
    m_details->setSession(ws->session->state() == ClusterSession::State::Connecting && ws->session->resources().isEmpty()
                              ? nullptr
                              : ws->session.get(),
                          ws->id == u"embedded");
    if (ws->filter) {
        m_window->tableView()->setModel(ws->filter.get(), ws->resourceId, ws->table->wideColumns());
        m_window->selectResource(ws->navigator->indexOf(ws->resourceId));
    } else {
        m_window->tableView()->setModel(nullptr, {}, {});
    }
    m_window->setLatency(ws->session->latencyMs());
    m_details->yaml()->setCustomResourceDefinitions(ws->crdInformer ? ws->crdInformer->lister().list() : QList<kube::Object>());
    updateConnectionState();
    updateCounts();
}

void ConsoleController::updateConnectionState()
{
    Workspace *ws = workspace();
    if (!ws)
        return;
    ClusterSession *s = ws->session.get();
    switch (s->state()) {
    case ClusterSession::State::Connecting:
        m_window->setConnectionState(tr("Connecting to %1…").arg(ws->displayName), StatusCategory::Pending, s->serverUrl());
        m_window->setBanner({});
        break;
    case ClusterSession::State::Connected:
        m_window->setConnectionState(tr("Connected to %1").arg(ws->displayName), StatusCategory::Good,
                                     tr("%1, Kubernetes %2").arg(s->serverUrl(), s->serverVersion()));
        m_window->setBanner({});
        break;
    case ClusterSession::State::Failed:
        m_window->setConnectionState(tr("Disconnected"), StatusCategory::Error, s->serverUrl());
        if (const std::optional<kube::ExecApproval> approval = s->pendingExecApproval()) {
            m_window->setBanner(tr("%1 needs a credential plugin that has not been approved yet: %2 %3 (from %4). "
                                   "Timonel runs it only after you allow it.")
                                    .arg(ws->displayName, approval->command, approval->args.join(u' '), approval->kubeconfig),
                                StatusCategory::Warning, tr("Allow and connect"));
            break;
        }
        if (needsSignIn(ws)) {
            m_window->setBanner(ws->signedIn ? tr("%1 refused the token you signed in with: %2\nSign in again with a valid "
                                                  "bearer token.")
                                                   .arg(ws->displayName, s->errorMessage())
                                             : tr("%1 refused the credentials of this context: %2\nSign in with a bearer "
                                                  "token to use it.")
                                                   .arg(ws->displayName, s->errorMessage()),
                                StatusCategory::Warning, tr("Sign in with a token…"));
            break;
        }
        m_window->setBanner(tr("%1 is not reachable: %2\nCheck that the cluster is running and that your credentials "
                               "are valid, then press F5 to reconnect.")
                                .arg(ws->displayName, s->errorMessage()));
        break;
    }
}

kube::KindInfoPtr ConsoleController::kindInfoFor(const kube::ApiResource &resource) const
{
    if (kube::KindInfoPtr known = kube::TypeRegistry::builtin().kind(resource.gvk()))
        return known;
    // A custom resource: its CRD's additionalPrinterColumns, as kubectl shows them.
    if (Workspace *ws = workspace(); ws && ws->crdInformer) {
        const QString crdName = resource.gvr.resource + u'.' + resource.gvr.group;
        if (const std::optional<kube::Object> crd = ws->crdInformer->lister().get(QString(), crdName)) {
            if (const kube::Expected<kube::CrdSchema> schema = kube::CrdSchema::fromObject(*crd)) {
                for (const kube::KindInfoPtr &kind : schema->kinds) {
                    if (kind->gvk == resource.gvk())
                        return kind;
                }
            }
        }
    }
    // A kind the registry does not know (a custom resource, an aggregated API).
    kube::KindInfo info;
    info.gvk = resource.gvk();
    info.plural = resource.gvr.resource;
    info.singular = resource.singularName;
    info.namespaced = resource.namespaced;
    info.shortNames = resource.shortNames;
    info.categories = resource.categories;
    info.verbs = resource.verbs;
    // Not marked custom: with no printer columns the default convertor's Name and Created At
    // columns apply (kubectl shows NAME and AGE for such kinds).
    return kube::KindInfoPtr::create(std::move(info));
}

void ConsoleController::showResource(const QString &resourceId)
{
    Workspace *ws = workspace();
    if (!ws)
        return;
    const std::optional<kube::ApiResource> resource = ws->session->findResource(resourceId);
    if (!resource) {
        m_window->showStatusMessage(tr("%1 does not serve %2").arg(ws->displayName, resourceId));
        return;
    }
    const QString id = ClusterSession::resourceId(resource->gvr);
    if (id == ws->resourceId && ws->filter) {
        m_window->selectResource(ws->navigator->indexOf(id));
        return;
    }
    m_window->tableView()->setModel(nullptr, {}, {});
    ws->dropTable();
    ws->resourceId = id;
    ws->table = std::make_unique<ResourceTableModel>(kindInfoFor(*resource));
    ws->table->setClock(ws->clock);
    ws->filter = std::make_unique<ResourceFilterModel>();
    ws->filter->setSourceModel(ws->table.get());
    ws->filter->setTextFilter(ws->textFilter);
    ws->filter->setLabelSelector(ws->selector);
    // One all-namespaces informer per kind; the namespace picker filters the rows.
    ws->tableInformer = ws->session->acquireInformer(id);
    connect(ws->table.get(), &ResourceTableModel::synced, this, [this, ws, id] {
        updateCounts();
        if (ws->resourceId == id)
            Q_EMIT tableSynced(id);
    });
    connect(ws->table.get(), &QAbstractItemModel::rowsInserted, this, &ConsoleController::updateCounts);
    // The selected object changed in the cache: the details follow without losing their state.
    connect(ws->filter.get(), &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &from, const QModelIndex &to) {
        for (const QModelIndex &index : m_window->tableView()->selectedRows()) {
            if (index.row() >= from.row() && index.row() <= to.row()) {
                m_details->objectUpdated(index.data(ObjectRole).value<kube::Object>());
                break;
            }
        }
    });
    connect(ws->table.get(), &QAbstractItemModel::rowsRemoved, this, &ConsoleController::updateCounts);
    connect(ws->filter.get(), &QAbstractItemModel::rowsInserted, this, &ConsoleController::updateCounts);
    connect(ws->filter.get(), &QAbstractItemModel::rowsRemoved, this, &ConsoleController::updateCounts);
    connect(ws->filter.get(), &QAbstractItemModel::modelReset, this, &ConsoleController::updateCounts);
    ws->table->setInformer(ws->tableInformer);
    applyNamespaces();
    m_window->tableView()->setModel(ws->filter.get(), id, ws->table->wideColumns());
    m_window->selectResource(ws->navigator->indexOf(id));
    updateCounts();
}

void ConsoleController::applyNamespaces()
{
    Workspace *ws = workspace();
    if (!ws || !ws->filter)
        return;
    const QStringList selected = ws->namespaces->selectedNamespaces();
    ws->filter->setNamespaces(selected);
    ws->table->setShowNamespaceColumn(selected.size() != 1);
    updateCounts();
}

void ConsoleController::updateCounts()
{
    Workspace *ws = workspace();
    if (!ws || !ws->filter)
        return;
    m_window->tableView()->setCounts(ws->filter->rowCount(), ws->table->rowCount());
}

void ConsoleController::onSelectionChanged()
{
    const QModelIndexList rows = m_window->tableView()->selectedRows();
    QList<kube::Object> objects;
    for (const QModelIndex &index : rows)
        objects.append(index.data(ObjectRole).value<kube::Object>());
    Workspace *ws = workspace();
    m_details->setSelection(ws ? ws->resourceId : QString(), objects);
}

void ConsoleController::openPalette()
{
    QList<PaletteEntry> entries;
    if (Workspace *ws = workspace()) {
        for (const NavigatorModel::Entry &kind : ws->navigator->entries())
            entries.append({QStringLiteral("kind:") + kind.resourceId, kind.title, tr("Kind")});
        if (ws->filter) {
            const int rows = std::min(ws->filter->rowCount(), 5000);
            for (int row = 0; row < rows; ++row) {
                const QModelIndex index = ws->filter->index(row, 0);
                const QString key = index.data(KeyRole).toString();
                entries.append({QStringLiteral("object:") + key, key, ws->table->kind().gvk.kind});
            }
        }
    }
    for (const ClusterEntry &e : m_catalog.entries())
        entries.append({QStringLiteral("cluster:") + e.id, tr("Switch to %1").arg(e.displayName), tr("Cluster")});
    for (const PaletteEntry &action : m_details->paletteActions())
        entries.append(action);
    if (const ClusterEntry *entry = m_catalog.entry(m_currentId); entry && entry->kind == ClusterEntry::Kind::Context) {
        entries.append({QStringLiteral("credentials:sign-in"), tr("Sign in to %1 with a token…").arg(entry->displayName), tr("Cluster")});
        if (m_credentials->hasToken(accountOf(*entry)))
            entries.append({QStringLiteral("credentials:forget"), tr("Forget the token for %1").arg(entry->displayName), tr("Cluster")});
    }
    entries.append({QStringLiteral("ui:filter"), tr("Filter the table"), tr("Action")});
    entries.append({QStringLiteral("ui:selector"), tr("Filter by label selector"), tr("Action")});
    entries.append({QStringLiteral("ui:namespaces"), tr("Choose namespaces"), tr("Action")});
    m_window->commandPalette()->setEntries(entries);
    m_window->commandPalette()->popup();
}

void ConsoleController::onPaletteChosen(const QString &id)
{
    const qsizetype colon = id.indexOf(u':');
    const QString kind = id.left(colon);
    const QString value = id.mid(colon + 1);
    if (kind == u"kind") {
        showResource(value);
    } else if (kind == u"cluster") {
        openCluster(value);
    } else if (kind == u"object") {
        Workspace *ws = workspace();
        if (!ws || !ws->filter)
            return;
        const QModelIndexList hits = ws->filter->match(ws->filter->index(0, 0), KeyRole, value, 1, Qt::MatchExactly);
        if (!hits.isEmpty()) {
            m_window->tableView()->selectRow(hits.front());
            m_window->tableView()->table()->setFocus();
        }
    } else if (kind == u"credentials") {
        if (value == u"sign-in")
            signIn(m_currentId);
        else if (value == u"forget")
            forgetToken(m_currentId);
    } else if (kind == u"ui") {
        if (value == u"filter")
            m_window->tableView()->focusTextFilter();
        else if (value == u"selector")
            m_window->tableView()->focusSelectorFilter();
        else if (value == u"namespaces")
            m_window->namespacePicker()->openList();
    } else {
        m_details->runPaletteAction(id);
    }
}

} // namespace timonel
