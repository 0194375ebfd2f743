#include "rolloutpanel.h"

#include "editor/diffview.h"
#include "kube/api/clock.h"
#include "kube/printers/printerutil.h"
#include "views/setimagedialog.h"
#include "views/statusdelegate.h"

#include <QAction>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QSplitter>
#include <QTabWidget>
#include <QToolBar>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace timonel {

namespace {

constexpr int RevisionRole = Qt::UserRole + 1;

QProgressBar *countBar(QWidget *parent, const QString &name)
{
    auto *bar = new QProgressBar(parent);
    bar->setAccessibleName(name);
    bar->setRange(0, 1);
    bar->setValue(0);
    return bar;
}

void setCount(QProgressBar *bar, int value, int desired)
{
    bar->setRange(0, std::max(desired, 1));
    bar->setValue(std::min(value, std::max(desired, 1)));
    bar->setFormat(QStringLiteral("%1 / %2").arg(value).arg(desired));
}

QString setText(const ReplicaSetSummary &s)
{
    return RolloutPanel::tr("<b>%1</b> — revision %2<br>%3 of %4 pods ready, %5 available<br>%6")
        .arg(s.name.toHtmlEscaped())
        .arg(s.revision)
        .arg(s.ready)
        .arg(s.desired)
        .arg(s.available)
        .arg(s.images.join(QStringLiteral(", ")).toHtmlEscaped());
}

} // namespace

RolloutPanel::RolloutPanel(QWidget *parent, const kube::Clock *clock)
    : QWidget(parent)
    , m_clock(clock ? clock : &kube::Clock::system())
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);

    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("rolloutBanner"));
    m_banner->setWordWrap(true);
    m_banner->setAutoFillBackground(true);
    m_banner->setBackgroundRole(QPalette::ToolTipBase);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_banner->setMargin(6);
    m_banner->hide();
    layout->addWidget(m_banner);

    m_toolBar = new QToolBar(this);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    createActions();
    layout->addWidget(m_toolBar);

    auto *progressBox = new QGroupBox(tr("Progress"), this);
    auto *form = new QFormLayout(progressBox);
    m_updated = countBar(progressBox, tr("Updated replicas"));
    m_ready = countBar(progressBox, tr("Ready replicas"));
    m_available = countBar(progressBox, tr("Available replicas"));
    form->addRow(tr("Updated:"), m_updated);
    form->addRow(tr("Ready:"), m_ready);
    form->addRow(tr("Available:"), m_available);
    m_statusLine = new QLabel(progressBox);
    m_statusLine->setWordWrap(true);
    form->addRow(m_statusLine);
    layout->addWidget(progressBox);

    auto *sets = new QHBoxLayout;
    m_newBox = new QGroupBox(tr("New ReplicaSet"), this);
    m_oldBox = new QGroupBox(tr("Old ReplicaSets"), this);
    m_newSet = new QLabel(m_newBox);
    m_oldSets = new QLabel(m_oldBox);
    for (auto [box, label] : {std::pair{m_newBox, m_newSet}, std::pair{m_oldBox, m_oldSets}}) {
        label->setWordWrap(true);
        label->setTextFormat(Qt::RichText);
        label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
        (new QVBoxLayout(box))->addWidget(label);
        sets->addWidget(box, 1);
    }
    layout->addLayout(sets);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_revisions = new QTreeWidget(splitter);
    m_revisions->setObjectName(QStringLiteral("rolloutRevisions"));
    m_revisions->setAccessibleName(tr("Revisions"));
    m_revisions->setRootIsDecorated(false);
    m_revisions->setUniformRowHeights(true);
    m_revisions->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_revisions->setHeaderLabels({tr("Revision"), tr("Change cause"), tr("Images"), tr("Age"), tr("ReplicaSet"), tr("Pods")});
    m_revisions->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_revisions->header()->setStretchLastSection(false);
    m_revisions->setToolTip(tr("Select one revision to compare it with the current one, or two to compare them"));
    m_tabs = new QTabWidget(splitter);
    m_diff = new DiffView(m_tabs);
    m_tabs->addTab(m_diff, tr("Template diff"));
    m_timeline = new QTreeWidget(m_tabs);
    m_timeline->setObjectName(QStringLiteral("rolloutTimeline"));
    m_timeline->setAccessibleName(tr("Timeline"));
    m_timeline->setRootIsDecorated(false);
    m_timeline->setUniformRowHeights(true);
    m_timeline->setHeaderLabels({tr("Time"), tr("Object"), tr("Reason"), tr("Message")});
    m_timeline->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tabs->addTab(m_timeline, tr("Timeline"));
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    connect(m_revisions, &QTreeWidget::itemSelectionChanged, this, [this] {
        if (m_updatingRevisions)
            return;
        // At most two: the last clicked and the one before it.
        const QList<QTreeWidgetItem *> selected = m_revisions->selectedItems();
        if (selected.size() > 2) {
            m_updatingRevisions = true;
            for (QTreeWidgetItem *item : selected.mid(0, selected.size() - 2))
                item->setSelected(false);
            m_updatingRevisions = false;
        }
        updateDiff();
        updateActions();
    });
    setTabOrder(m_toolBar, m_revisions);
    setTabOrder(m_revisions, m_tabs);
    setTabOrder(m_tabs, m_diff);
    clear();
}

RolloutPanel::~RolloutPanel() = default;

void RolloutPanel::createActions()
{
    struct Spec {
        Action which;
        QString text;
        QKeySequence shortcut;
        QString help;
    };
    const Spec specs[] = {
        {Action::Undo, tr("Undo to revision"), QKeySequence(tr("Ctrl+Alt+Z")),
         tr("Roll the Deployment back to the selected revision (kubectl rollout undo --to-revision)")},
        {Action::PauseResume, tr("Pause"), QKeySequence(tr("Ctrl+Alt+P")), tr("Pause or resume the rollout")},
        {Action::Restart, tr("Restart"), QKeySequence(tr("Ctrl+Alt+R")), tr("Replace the pods one by one (rollout restart)")},
        {Action::SetImage, tr("Set image…"), QKeySequence(tr("Ctrl+Alt+I")), tr("Change a container's image, with a change cause")},
    };
    for (const Spec &spec : specs) {
        auto *action = new QAction(spec.text, this);
        action->setShortcut(spec.shortcut);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setToolTip(tr("%1 (%2)").arg(spec.help, spec.shortcut.toString(QKeySequence::NativeText)));
        addAction(action);
        m_toolBar->addAction(action);
        m_actions.append(action);
    }
    m_pauseToolTip = m_actions[int(Action::PauseResume)]->toolTip();
    m_undoToolTip = m_actions[int(Action::Undo)]->toolTip();
    connect(m_actions[int(Action::Undo)], &QAction::triggered, this, [this] {
        const QList<qint64> selected = selectedRevisions();
        if (selected.size() == 1 && selected.front() != m_history.currentRevision())
            Q_EMIT undoRequested(deployment(), selected.front());
    });
    connect(m_actions[int(Action::PauseResume)], &QAction::triggered, this,
            [this] { Q_EMIT pauseRequested(deployment(), !m_progress.paused); });
    connect(m_actions[int(Action::Restart)], &QAction::triggered, this, [this] { Q_EMIT restartRequested(deployment()); });
    connect(m_actions[int(Action::SetImage)], &QAction::triggered, this, &RolloutPanel::askSetImage);
}

void RolloutPanel::updateKindTexts()
{
    const bool deploymentKind = m_history.isDeployment();
    if (m_revisions->headerItem())
        m_revisions->headerItem()->setText(ReplicaSetColumn, deploymentKind ? tr("ReplicaSet") : tr("ControllerRevision"));
    m_newBox->setTitle(deploymentKind ? tr("New ReplicaSet") : tr("Pods at the current revision"));
    m_oldBox->setTitle(deploymentKind ? tr("Old ReplicaSets") : tr("Pods at older revisions"));
    QAction *undo = m_actions[int(Action::Undo)];
    if (deploymentKind)
        return undo->setToolTip(m_undoToolTip);
    // Whole sentences per kind, for translators.
    const QString help = m_history.kind() == u"DaemonSet"
        ? tr("Roll the DaemonSet back to the selected revision (kubectl rollout undo --to-revision)")
        : tr("Roll the StatefulSet back to the selected revision (kubectl rollout undo --to-revision)");
    undo->setToolTip(tr("%1 (%2)").arg(help, undo->shortcut().toString(QKeySequence::NativeText)));
}

QAction *RolloutPanel::action(Action action) const
{
    return m_actions.value(int(action));
}

void RolloutPanel::setRollout(const kube::Object &deployment, const QList<kube::Object> &replicaSets, const QList<kube::Object> &pods,
                              const QList<kube::Object> &events)
{
    setRollout(RolloutHistory::from(deployment, replicaSets), pods, events);
}

void RolloutPanel::setRollout(const RolloutHistory &history, const QList<kube::Object> &pods, const QList<kube::Object> &events)
{
    const kube::Object &deployment = history.deployment();
    const bool sameDeployment = !deployment.isNull() && deployment.uid() == m_history.deployment().uid();
    m_history = history;
    updateKindTexts();
    m_progress = RolloutProgress::from(m_history, pods, m_clock->now());
    m_steps = rolloutTimeline(m_history, events);
    setEnabled(!deployment.isNull());
    updateBanner();
    updateProgress();
    updateSets();
    updateRevisions(sameDeployment);
    updateTimeline();
    updateDiff();
    updateActions();
    Q_EMIT rolloutShown();
}

void RolloutPanel::updateBanner()
{
    if (m_progress.stuck == RolloutProgress::Stuck::No) {
        m_banner->hide();
        return;
    }
    QStringList pods;
    for (const BlockingPod &b : m_progress.blockingPods)
        pods.append(tr("%1 (%2)").arg(b.name, b.reason));
    // Controllers' messages end with a full stop, ours may not: one sentence each, either way.
    QString message = m_progress.stuckMessage;
    if (!message.isEmpty() && message.back().isLetterOrNumber())
        message += u'.';
    QString text = tr("Rollout stuck: %1. %2").arg(m_progress.stuckReason, message);
    if (!pods.isEmpty())
        text += u' ' + tr("Blocking pods: %1.").arg(pods.join(QStringLiteral(", ")));
    m_banner->setText(text);
    QPalette palette = m_banner->palette();
    const QColor colour = StatusDelegate::colour(StatusCategory::Error, palette);
    if (colour.isValid())
        palette.setColor(QPalette::WindowText, colour);
    m_banner->setPalette(palette);
    m_banner->show();
}

void RolloutPanel::updateProgress()
{
    const RolloutProgress &p = m_progress;
    setCount(m_updated, p.updated, p.desired);
    setCount(m_ready, p.ready, p.desired);
    setCount(m_available, p.available, p.desired);
    QString line;
    if (deployment().isNull())
        line = tr("No Deployment selected.");
    else if (!m_history.isDeployment())
        line = p.statusMessage;
    else if (p.paused)
        line = tr("Paused: template changes are not rolled out until you resume.");
    else if (!p.observed)
        line = tr("Waiting for the deployment spec update to be observed…");
    else if (p.updated < p.desired)
        line = tr("Waiting for rollout to finish: %1 out of %2 new replicas have been updated…").arg(p.updated).arg(p.desired);
    else if (p.current > p.updated)
        line = tr("Waiting for rollout to finish: %n old replica(s) are pending termination…", nullptr, p.current - p.updated);
    else if (p.available < p.updated)
        line = tr("Waiting for rollout to finish: %1 of %2 updated replicas are available…").arg(p.available).arg(p.updated);
    else
        line = tr("Successfully rolled out (revision %1).").arg(m_history.currentRevision());
    m_statusLine->setText(line);
}

void RolloutPanel::updateSets()
{
    m_newSet->setText(m_progress.newReplicaSet ? setText(*m_progress.newReplicaSet) : tr("None yet"));
    QStringList old;
    for (const ReplicaSetSummary &s : m_progress.oldReplicaSets)
        old.append(setText(s));
    m_oldSets->setText(old.isEmpty() ? tr("None with pods") : old.join(QStringLiteral("<br><br>")));
}

void RolloutPanel::updateRevisions(bool sameDeployment)
{
    const QList<qint64> keep = sameDeployment ? selectedRevisions() : QList<qint64>();
    m_updatingRevisions = true;
    const QDateTime now = m_clock->now();
    const QList<RolloutRevision> &revisions = m_history.revisions();
    // Newest first; rows are reused in place so the view's scroll position stays.
    while (m_revisions->topLevelItemCount() > revisions.size())
        delete m_revisions->takeTopLevelItem(m_revisions->topLevelItemCount() - 1);
    for (qsizetype i = 0; i < revisions.size(); ++i) {
        const RolloutRevision &r = revisions.at(revisions.size() - 1 - i);
        QTreeWidgetItem *item = m_revisions->topLevelItem(int(i));
        if (!item)
            item = new QTreeWidgetItem(m_revisions);
        item->setData(RevisionNumberColumn, RevisionRole, r.number);
        item->setText(RevisionNumberColumn, r.current ? tr("%1 (current)").arg(r.number) : QString::number(r.number));
        item->setText(ChangeCauseColumn, r.changeCause.isEmpty() ? tr("<none>") : r.changeCause);
        item->setText(ImagesColumn, r.images.join(QStringLiteral(", ")));
        item->setText(AgeColumn, r.created.isValid() ? kube::printers::humanDurationBetween(r.created, now) : QString());
        item->setText(ReplicaSetColumn, r.replicaSetName);
        item->setText(PodsColumn, tr("%1/%2").arg(r.readyReplicas).arg(r.replicas));
        QFont font = item->font(0);
        font.setBold(r.current);
        for (int c = 0; c < RevisionColumnCount; ++c)
            item->setFont(c, font);
        item->setSelected(false);
    }
    m_updatingRevisions = false;
    selectRevisions(keep);
}

QList<qint64> RolloutPanel::selectedRevisions() const
{
    QList<qint64> numbers;
    for (QTreeWidgetItem *item : m_revisions->selectedItems())
        numbers.append(item->data(RevisionNumberColumn, RevisionRole).toLongLong());
    std::sort(numbers.begin(), numbers.end());
    return numbers;
}

void RolloutPanel::selectRevisions(const QList<qint64> &numbers)
{
    m_updatingRevisions = true;
    QTreeWidgetItem *current = nullptr;
    for (int i = 0; i < m_revisions->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_revisions->topLevelItem(i);
        const bool selected = numbers.contains(item->data(RevisionNumberColumn, RevisionRole).toLongLong());
        item->setSelected(selected);
        if (selected && !current)
            current = item;
    }
    if (current)
        m_revisions->setCurrentItem(current, 0, QItemSelectionModel::NoUpdate);
    m_updatingRevisions = false;
    updateDiff();
    updateActions();
}

void RolloutPanel::updateDiff()
{
    const QList<qint64> selected = selectedRevisions();
    std::pair<qint64, qint64> pair{0, 0};
    if (selected.size() == 2) {
        pair = {selected.at(0), selected.at(1)};
    } else {
        // One selected (or none): it against the current revision; the current one against the
        // one before it.
        const qint64 current = m_history.currentRevision();
        const qint64 chosen = selected.isEmpty() ? current : selected.front();
        const qint64 other = chosen == current ? m_history.previousRevision() : current;
        if (chosen > 0 && other > 0 && m_history.revision(chosen) && m_history.revision(other))
            pair = {std::min(chosen, other), std::max(chosen, other)};
    }
    if (pair == m_diffed && pair.first != 0)
        return;
    m_diffed = pair;
    const RolloutRevision *left = m_history.revision(pair.first);
    const RolloutRevision *right = m_history.revision(pair.second);
    if (!left || !right) {
        m_diffed = {0, 0};
        m_diff->setTexts(tr("Revision"), QString(), tr("Revision"), QString());
        return;
    }
    m_diff->setTexts(tr("Revision %1").arg(left->number), podTemplateYaml(left->podTemplate), tr("Revision %1").arg(right->number),
                     podTemplateYaml(right->podTemplate));
}

void RolloutPanel::updateTimeline()
{
    m_timeline->clear();
    for (const TimelineStep &step : std::as_const(m_steps)) {
        auto *item = new QTreeWidgetItem(m_timeline);
        item->setText(0, QLocale().toString(step.time.toLocalTime(), QLocale::ShortFormat));
        item->setText(1, tr("%1/%2").arg(step.objectKind, step.objectName));
        item->setText(2, step.event.count > 1 ? tr("%1 (×%2)").arg(step.event.reason).arg(step.event.count) : step.event.reason);
        item->setText(3, step.event.message);
        item->setToolTip(3, step.event.message);
        if (step.event.category == StatusCategory::Warning) {
            const QColor colour = StatusDelegate::colour(StatusCategory::Warning, m_timeline->palette());
            if (colour.isValid())
                item->setForeground(2, colour);
        }
    }
    if (m_timeline->topLevelItemCount() > 0)
        m_timeline->scrollToItem(m_timeline->topLevelItem(m_timeline->topLevelItemCount() - 1));
}

void RolloutPanel::updateActions()
{
    const bool present = !deployment().isNull();
    const QList<qint64> selected = selectedRevisions();
    QAction *undo = m_actions[int(Action::Undo)];
    const bool canUndo = present && selected.size() == 1 && selected.front() != m_history.currentRevision() && !m_progress.paused;
    undo->setEnabled(canUndo);
    undo->setText(canUndo ? tr("Undo to revision %1").arg(selected.front()) : tr("Undo to revision"));
    QAction *pause = m_actions[int(Action::PauseResume)];
    // kubectl rollout pause / resume refuse DaemonSets and StatefulSets.
    const bool pausable = m_history.isDeployment();
    pause->setEnabled(present && pausable);
    pause->setText(m_progress.paused ? tr("Resume") : tr("Pause"));
    if (pausable)
        pause->setToolTip(m_pauseToolTip);
    else if (m_history.kind() == u"DaemonSet")
        pause->setToolTip(tr("DaemonSets cannot be paused: kubectl rollout pause and resume support Deployments only"));
    else
        pause->setToolTip(tr("StatefulSets cannot be paused: kubectl rollout pause and resume support Deployments only"));
    m_actions[int(Action::Restart)]->setEnabled(present && !m_progress.paused);
    m_actions[int(Action::SetImage)]->setEnabled(present);
}

void RolloutPanel::askSetImage()
{
    if (deployment().isNull())
        return;
    QList<SetImageDialog::Container> containers;
    const QJsonObject spec =
        deployment().toJson().value(u"spec").toObject().value(u"template").toObject().value(u"spec").toObject();
    for (const auto *list : {u"containers", u"initContainers"}) {
        for (const QJsonValue &c : spec.value(QStringView(list)).toArray())
            containers.append({c.toObject().value(u"name").toString(), c.toObject().value(u"image").toString()});
    }
    auto *dialog = new SetImageDialog(m_history.kind().toLower() + u'/' + deployment().name(), containers, this);
    dialog->setObjectName(QStringLiteral("setImageDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    const kube::Object target = deployment();
    connect(dialog, &QDialog::accepted, this, [this, dialog, target] {
        Q_EMIT setImageRequested(target, dialog->container(), dialog->image(), dialog->changeCause());
    });
    dialog->open();
}

} // namespace timonel
