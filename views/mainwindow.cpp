#include "mainwindow.h"

#include "commandpalette.h"
#include "namespacepicker.h"
#include "resourcetableview.h"
#include "statusdelegate.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QPushButton>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QStatusBar>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace timonel {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    resize(1280, 800);

    auto *toolbar = addToolBar(QString());
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->setMovable(false);
    m_clusters = new QComboBox(toolbar);
    m_clusters->setObjectName(QStringLiteral("clusterPicker"));
    m_clusters->setMinimumContentsLength(24);
    m_clusters->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    toolbar->addWidget(m_clusters);
    m_namespaces = new NamespacePicker(toolbar);
    toolbar->addWidget(m_namespaces);
    connect(m_clusters, &QComboBox::activated, this, [this](int index) {
        Q_EMIT clusterRequested(m_clusters->itemData(index).toString());
    });

    m_navigator = new QTreeView(this);
    m_navigator->setObjectName(QStringLiteral("navigator"));
    m_navigator->setHeaderHidden(true);
    m_navigator->setUniformRowHeights(true);
    m_navigator->setMinimumWidth(180);

    m_table = new ResourceTableView(this);
    m_bannerFrame = new QFrame(this);
    m_bannerFrame->setObjectName(QStringLiteral("bannerFrame"));
    m_bannerFrame->setAutoFillBackground(true);
    m_bannerFrame->setVisible(false);
    m_banner = new QLabel(m_bannerFrame);
    m_banner->setObjectName(QStringLiteral("banner"));
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_bannerAction = new QPushButton(m_bannerFrame);
    m_bannerAction->setObjectName(QStringLiteral("bannerAction"));
    m_bannerAction->setVisible(false);
    connect(m_bannerAction, &QPushButton::clicked, this, &MainWindow::bannerActionTriggered);
    auto *bannerLayout = new QHBoxLayout(m_bannerFrame);
    bannerLayout->setContentsMargins(8, 6, 8, 6);
    bannerLayout->addWidget(m_banner, 1);
    bannerLayout->addWidget(m_bannerAction);

    auto *centre = new QWidget(this);
    auto *centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    centreLayout->addWidget(m_bannerFrame);
    centreLayout->addWidget(m_table, 1);

    m_inner = new QSplitter(Qt::Horizontal, this);
    m_inner->setObjectName(QStringLiteral("tableDetailsSplitter"));
    m_inner->addWidget(centre);
    m_outer = new QSplitter(Qt::Horizontal, this);
    m_outer->setObjectName(QStringLiteral("navigatorSplitter"));
    m_outer->addWidget(m_navigator);
    m_outer->addWidget(m_inner);
    m_outer->setStretchFactor(1, 1);
    setCentralWidget(m_outer);

    m_connection = new QLabel(this);
    m_connection->setObjectName(QStringLiteral("connectionState"));
    m_latency = new QLabel(this);
    m_latency->setObjectName(QStringLiteral("latency"));
    statusBar()->addPermanentWidget(m_connection);
    statusBar()->addPermanentWidget(m_latency);

    m_palette = new CommandPalette(this);

    buildMenus();
    retranslate();
    restoreState();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    menuBar()->clear();
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *reconnect = file->addAction(tr("&Reconnect"), this, &MainWindow::reconnectRequested);
    reconnect->setShortcut(QKeySequence::Refresh);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    QAction *palette = go->addAction(tr("Command &palette…"), this, &MainWindow::commandPaletteRequested);
    palette->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    palette->setShortcutContext(Qt::ApplicationShortcut);
    QAction *cluster = go->addAction(tr("&Cluster"), this, [this] {
        m_clusters->setFocus(Qt::ShortcutFocusReason);
        m_clusters->showPopup();
    });
    cluster->setShortcut(QKeySequence(Qt::ALT | Qt::Key_C));
    go->addAction(tr("&Namespaces"), this, [this] { m_namespaces->openList(); });
    go->addSeparator();
    QAction *nav = go->addAction(tr("Na&vigator"), this, [this] { m_navigator->setFocus(Qt::ShortcutFocusReason); });
    nav->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    QAction *table = go->addAction(tr("&Table"), this, [this] { m_table->table()->setFocus(Qt::ShortcutFocusReason); });
    table->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    QAction *details = go->addAction(tr("&Details"), this, [this] {
        if (m_details)
            m_details->setFocus(Qt::ShortcutFocusReason);
    });
    details->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QMenu *theme = view->addMenu(tr("&Theme"));
    m_themes = new QActionGroup(this);
    const std::pair<Theme, QString> themes[] = {
        {Theme::System, tr("&System")}, {Theme::Light, tr("&Light")}, {Theme::Dark, tr("&Dark")}};
    for (const auto &[value, label] : themes) {
        QAction *a = theme->addAction(label);
        a->setCheckable(true);
        a->setData(int(value));
        m_themes->addAction(a);
        connect(a, &QAction::triggered, this, [this, value = value] { Q_EMIT themeRequested(value); });
    }
    QMenu *language = view->addMenu(tr("&Language"));
    m_languages = new QActionGroup(this);
    // Language names are written in their own language, as language menus do.
    const std::pair<QString, QString> languages[] = {
        {QString(), tr("System language")}, {QStringLiteral("en"), QStringLiteral("English")},
        {QStringLiteral("es"), QStringLiteral("Español")}};
    const QString current = QSettings().value(QStringLiteral("ui/language")).toString();
    for (const auto &[code, label] : languages) {
        QAction *a = language->addAction(label);
        a->setCheckable(true);
        a->setChecked(code == current);
        m_languages->addAction(a);
        connect(a, &QAction::triggered, this, [this, code = code] { Q_EMIT languageRequested(code); });
    }
}

void MainWindow::retranslate()
{
    setWindowTitle(tr("Timonel"));
    m_clusters->setToolTip(tr("Cluster (Alt+C)"));
    m_navigator->setToolTip(tr("Kinds the cluster serves (Ctrl+1)"));
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        const int theme = m_themes ? (m_themes->checkedAction() ? m_themes->checkedAction()->data().toInt() : 0) : 0;
        buildMenus();
        setTheme(Theme(theme));
        retranslate();
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::restoreState()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    QMainWindow::restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    if (!m_outer->restoreState(settings.value(QStringLiteral("window/navigatorSplitter")).toByteArray()))
        m_outer->setSizes({220, 1060});
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/navigatorSplitter"), m_outer->saveState());
    settings.setValue(QStringLiteral("window/detailsSplitter"), m_inner->saveState());
    QMainWindow::closeEvent(event);
}

void MainWindow::setClusters(const QList<ClusterItem> &clusters, const QString &currentId)
{
    m_clusters->clear();
    for (const ClusterItem &c : clusters) {
        m_clusters->addItem(c.name, c.id);
        m_clusters->setItemData(m_clusters->count() - 1, c.tooltip, Qt::ToolTipRole);
    }
    m_clusters->setCurrentIndex(std::max(0, m_clusters->findData(currentId)));
}

QString MainWindow::currentClusterId() const
{
    return m_clusters->currentData().toString();
}

void MainWindow::setNavigatorModel(QAbstractItemModel *model, int resourceIdRole)
{
    m_resourceIdRole = resourceIdRole;
    m_navigator->setModel(model);
    m_navigator->expandAll();
    connect(model, &QAbstractItemModel::rowsInserted, m_navigator, [this](const QModelIndex &parent) {
        if (!parent.isValid())
            m_navigator->expandAll();
    });
    connect(model, &QAbstractItemModel::modelReset, m_navigator, &QTreeView::expandAll);
    connect(m_navigator->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        if (m_selectingProgrammatically)
            return;
        const QString id = current.data(m_resourceIdRole).toString();
        if (!id.isEmpty())
            Q_EMIT resourceRequested(id);
    });
}

void MainWindow::selectResource(const QModelIndex &navigatorIndex)
{
    m_selectingProgrammatically = true;
    m_navigator->setCurrentIndex(navigatorIndex);
    m_navigator->scrollTo(navigatorIndex);
    m_selectingProgrammatically = false;
}

void MainWindow::setDetailsWidget(QWidget *widget)
{
    if (m_details)
        m_details->deleteLater();
    m_details = widget;
    // An explicit minimum: the pane's toolbars would otherwise claim most of the window.
    widget->setMinimumWidth(360);
    m_inner->addWidget(widget);
    m_inner->setStretchFactor(0, 3);
    m_inner->setStretchFactor(1, 2);
    if (!m_inner->restoreState(QSettings().value(QStringLiteral("window/detailsSplitter")).toByteArray()))
        m_inner->setSizes({600, 440});
}

void MainWindow::setConnectionState(const QString &text, StatusCategory category, const QString &tooltip)
{
    m_connection->setText(text);
    m_connection->setToolTip(tooltip);
    QPalette p = palette();
    const QColor c = StatusDelegate::colour(category, p);
    if (c.isValid())
        p.setColor(QPalette::WindowText, c);
    m_connection->setPalette(p);
}

void MainWindow::setLatency(int milliseconds)
{
    m_latency->setText(milliseconds < 0 ? QString() : tr("API %1 ms").arg(milliseconds));
}

void MainWindow::setBanner(const QString &message, StatusCategory category, const QString &actionText)
{
    m_banner->setText(message);
    m_bannerFrame->setVisible(!message.isEmpty());
    m_bannerAction->setText(actionText);
    m_bannerAction->setVisible(!actionText.isEmpty());
    QPalette p = palette();
    const QColor c = StatusDelegate::colour(category, p);
    if (c.isValid()) {
        QColor background = c;
        background.setAlpha(40);
        p.setColor(QPalette::Window, background);
    }
    m_bannerFrame->setPalette(p);
}

QString MainWindow::bannerText() const
{
    return m_bannerFrame->isVisible() ? m_banner->text() : QString();
}

void MainWindow::showStatusMessage(const QString &message, int timeoutMs)
{
    statusBar()->showMessage(message, timeoutMs);
}

void MainWindow::setTheme(Theme theme)
{
    for (QAction *a : m_themes->actions())
        a->setChecked(a->data().toInt() == int(theme));
}

} // namespace timonel
