#include "detailspane.h"

#include "kube/api/clock.h"
#include "kube/api/typeregistry.h"
#include "models/objectdescription.h"
#include "models/objectevents.h"
#include "models/secretmasking.h"
#include "views/descriptionview.h"
#include "views/labelsdialog.h"
#include "views/scaledialog.h"
#include "views/statusdelegate.h"

#include <QAbstractButton>
#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QScrollBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace timonel {

namespace {

constexpr int StatusRole = Qt::UserRole + 1;
constexpr int KeyRole = Qt::UserRole + 2;
constexpr int FoundRole = Qt::UserRole + 3;
constexpr int EventsAgeRefreshMs = 15000;
constexpr int MaxToolTip = 4000;

enum RelatedColumn { RelationColumn, KindColumn, NamespaceColumn, NameColumn, StatusColumn };

bool isKind(const kube::Object &o, QStringView group, QStringView kind)
{
    return o.gvk().group == group && o.kind() == kind;
}

bool hasScale(const kube::Object &o)
{
    const kube::KindInfoPtr info = kube::TypeRegistry::builtin().kind(o.gvk());
    return info && info->subresource(u"scale");
}

QString relatedKey(const RelatedObject &r)
{
    return QString::number(int(r.relation)) + u'|' + r.kind + u'|' + r.namespace_ + u'|' + r.name;
}

// Objects listed, counting what placeholders stand for.
int relatedCount(const QList<RelatedObject> &related)
{
    int count = 0;
    for (const RelatedObject &r : related)
        count += r.omitted > 0 ? r.omitted : 1;
    return count;
}

QString firstLine(const QString &text)
{
    const qsizetype newline = text.indexOf(u'\n');
    return newline < 0 ? text : text.left(newline) + u'…';
}

} // namespace

DetailsPane::DetailsPane(QWidget *parent, const kube::Clock *clock)
    : QWidget(parent)
    , m_clock(clock)
{
    auto *layout = new QVBoxLayout(this);

    auto *header = new QHBoxLayout;
    auto *titles = new QVBoxLayout;
    m_name = new QLabel(this);
    QFont nameFont = m_name->font();
    nameFont.setBold(true);
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.25);
    m_name->setFont(nameFont);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_where = new QLabel(this);
    m_where->setForegroundRole(QPalette::PlaceholderText);
    titles->addWidget(m_name);
    titles->addWidget(m_where);
    header->addLayout(titles, 1);
    m_status = new QLabel(this);
    m_status->setFrameShape(QFrame::StyledPanel);
    m_status->setMargin(3);
    header->addWidget(m_status, 0, Qt::AlignTop);
    layout->addLayout(header);

    m_toolBar = new QToolBar(tr("Object actions"), this);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    layout->addWidget(m_toolBar);
    createActions();

    m_tabs = new QTabWidget(this);
    m_overview = new DescriptionView(m_tabs);
    m_tabs->addTab(m_overview, tr("&Overview"));

    m_eventsModel = new ObjectEventsModel(this, m_clock);
    m_eventsView = new QTableView(m_tabs);
    m_eventsView->setModel(m_eventsModel);
    m_eventsView->setItemDelegateForColumn(ObjectEventsModel::TypeColumn, new StatusDelegate(ObjectEventsModel::StatusRole, m_eventsView));
    m_eventsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_eventsView->verticalHeader()->setVisible(false);
    m_eventsView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_eventsView->horizontalHeader()->setStretchLastSection(true);
    m_eventsView->setWordWrap(false);
    m_eventsView->setAccessibleName(tr("Events"));
    m_tabs->addTab(m_eventsView, tr("E&vents"));
    auto *ages = new QTimer(this);
    ages->setInterval(EventsAgeRefreshMs);
    connect(ages, &QTimer::timeout, m_eventsModel, &ObjectEventsModel::refreshAges);
    ages->start();

    m_related = new QTreeWidget(m_tabs);
    m_related->setRootIsDecorated(false);
    m_related->setUniformRowHeights(true);
    m_related->setHeaderLabels({tr("Relation"), tr("Kind"), tr("Namespace"), tr("Name"), tr("Status")});
    m_related->setItemDelegateForColumn(StatusColumn, new StatusDelegate(StatusRole, m_related));
    m_related->setAccessibleName(tr("Related objects"));
    m_related->setToolTip(tr("Enter or double-click opens the object"));
    connect(m_related, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) { openRelated(item); });
    m_tabs->addTab(m_related, tr("&Related"));

    m_labels = new QTreeWidget(m_tabs);
    m_labels->setHeaderLabels({tr("Key"), tr("Value")});
    m_labels->setUniformRowHeights(true);
    m_labels->setAccessibleName(tr("Labels and annotations"));
    m_tabs->addTab(m_labels, tr("&Labels && annotations"));
    layout->addWidget(m_tabs, 1);

    setObject({});
}

DetailsPane::~DetailsPane() = default;

void DetailsPane::createActions()
{
    struct Spec {
        Action id;
        QString text;
        QKeySequence shortcut;
        QString help;
    };
    const QList<Spec> specs = {
        {Action::Delete, tr("Delete…"), QKeySequence::Delete, tr("Delete this object")},
        {Action::Scale, tr("Scale…"), QKeySequence(tr("Ctrl+Shift+S")), tr("Change the number of replicas")},
        {Action::Restart, tr("Restart"), QKeySequence(tr("Ctrl+Shift+R")), tr("Replace the pods one by one (rollout restart)")},
        {Action::Cordon, tr("Cordon"), QKeySequence(tr("Ctrl+Shift+C")), tr("Mark the node unschedulable")},
        {Action::Uncordon, tr("Uncordon"), QKeySequence(tr("Ctrl+Shift+U")), tr("Let new pods be scheduled on the node")},
        {Action::Drain, tr("Drain…"), QKeySequence(tr("Ctrl+Shift+D")), tr("Cordon the node and evict its pods")},
        {Action::EditLabels, tr("Edit labels…"), QKeySequence(tr("Ctrl+Shift+E")), tr("Add, change or remove labels")},
        {Action::OpenYaml, tr("YAML"), QKeySequence(tr("Ctrl+Shift+Y")), tr("Open the object's YAML")},
        {Action::Logs, tr("Logs"), QKeySequence(tr("Ctrl+Shift+L")), tr("Follow the pod's logs")},
    };
    for (const Spec &spec : specs) {
        auto *action = new QAction(spec.text, this);
        action->setShortcut(spec.shortcut);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setToolTip(tr("%1 (%2)").arg(spec.help, spec.shortcut.toString(QKeySequence::NativeText)));
        addAction(action); // shortcuts work even when the tool bar hides the button
        m_toolBar->addAction(action);
        m_actions.append(action);
    }
    connect(action(Action::Delete), &QAction::triggered, this, &DetailsPane::confirmDelete);
    connect(action(Action::Scale), &QAction::triggered, this, &DetailsPane::askScale);
    connect(action(Action::Restart), &QAction::triggered, this, [this] { Q_EMIT restartRequested(m_object); });
    connect(action(Action::Cordon), &QAction::triggered, this, [this] { Q_EMIT cordonRequested(m_object, true); });
    connect(action(Action::Uncordon), &QAction::triggered, this, [this] { Q_EMIT cordonRequested(m_object, false); });
    connect(action(Action::Drain), &QAction::triggered, this, &DetailsPane::confirmDrain);
    connect(action(Action::EditLabels), &QAction::triggered, this, &DetailsPane::editLabels);
    connect(action(Action::OpenYaml), &QAction::triggered, this, [this] { Q_EMIT openYamlRequested(m_object); });
    connect(action(Action::Logs), &QAction::triggered, this, [this] { Q_EMIT logsRequested(m_object); });
}

QAction *DetailsPane::action(Action action) const
{
    return m_actions.value(int(action));
}

QWidget *DetailsPane::tab(Tab tab) const
{
    switch (tab) {
    case Tab::Overview: return m_overview;
    case Tab::Events: return m_eventsView;
    case Tab::Related: return m_related;
    case Tab::Labels: return m_labels;
    }
    return nullptr;
}

int DetailsPane::addTab(QWidget *widget, const QString &title)
{
    return m_tabs->addTab(widget, title);
}

void DetailsPane::setClock(const kube::Clock *clock)
{
    m_clock = clock;
    m_eventsModel->setClock(clock);
    if (!m_object.isNull()) {
        updateHeader();
        updateOverview(true);
    }
}

void DetailsPane::setObject(const kube::Object &object)
{
    if (object == m_object && !object.isNull())
        return; // byte-identical: nothing to redo
    const bool sameObject = !object.isNull() && !m_object.isNull() && object.uid() == m_object.uid() && object.uid().size() > 0;
    m_object = object;
    if (!sameObject) {
        m_nodePodCount = -1;
        m_related->clear();
    }
    updateHeader();
    updateActions();
    updateOverview(sameObject);
    updateEvents();
    updateLabels(sameObject);
}

void DetailsPane::setEvents(const QList<kube::Object> &events)
{
    m_allEvents = events;
    updateEvents();
}

void DetailsPane::setRelated(const QList<RelatedObject> &related)
{
    const QString current = m_related->currentItem() ? m_related->currentItem()->data(0, KeyRole).toString() : QString();
    const int scroll = m_related->verticalScrollBar()->value();
    m_related->clear();
    int podsOnNode = 0;
    for (const RelatedObject &r : related) {
        QString relation = relationLabel(r.relation);
        if (!r.via.isEmpty())
            relation = tr("%1 (via %2)").arg(relation, r.via);
        auto *item = new QTreeWidgetItem(m_related, {relation, r.kind, r.namespace_, r.name, r.status});
        item->setData(0, KeyRole, relatedKey(r));
        item->setData(0, FoundRole, r.found);
        item->setData(StatusColumn, StatusRole, int(r.category));
        if (!r.found && r.omitted == 0)
            item->setToolTip(NameColumn, tr("Not in the cache: it may not exist."));
        if (relatedKey(r) == current)
            m_related->setCurrentItem(item);
        if (r.relation == Relation::PodOnNode)
            podsOnNode += r.omitted > 0 ? r.omitted : 1;
    }
    for (int c = 0; c < StatusColumn; ++c)
        m_related->resizeColumnToContents(c);
    m_related->verticalScrollBar()->setValue(scroll);
    if (!m_related->currentItem() && m_related->topLevelItemCount() > 0)
        m_related->setCurrentItem(m_related->topLevelItem(0), 0, QItemSelectionModel::NoUpdate);
    m_tabs->setTabText(m_tabs->indexOf(m_related), related.isEmpty() ? tr("&Related") : tr("&Related (%1)").arg(relatedCount(related)));

    const int count = isKind(m_object, u"", u"Node") ? podsOnNode : -1;
    if (count != m_nodePodCount) {
        m_nodePodCount = count;
        updateOverview(true);
    }
}

void DetailsPane::openRelated(QTreeWidgetItem *item)
{
    if (!item || !item->data(0, FoundRole).toBool())
        return;
    Q_EMIT openRelatedRequested(item->text(KindColumn), item->text(NamespaceColumn), item->text(NameColumn));
}

void DetailsPane::updateHeader()
{
    if (m_object.isNull()) {
        m_name->setText(tr("No object selected"));
        m_where->clear();
        m_status->hide();
        return;
    }
    m_name->setText(m_object.name());
    m_where->setText(m_object.namespace_().isEmpty() ? m_object.kind() : tr("%1 in %2").arg(m_object.kind(), m_object.namespace_()));
    const StatusSummary summary = summarizeStatus(m_object, m_clock ? m_clock->now() : QDateTime());
    m_status->setVisible(!summary.text.isEmpty());
    m_status->setText(summary.text);
    m_status->setAccessibleName(tr("Status: %1").arg(summary.text));
    QPalette palette = this->palette();
    const QColor colour = StatusDelegate::colour(summary.category, palette);
    if (colour.isValid())
        palette.setColor(QPalette::WindowText, colour);
    m_status->setPalette(palette);
}

void DetailsPane::updateActions()
{
    const bool any = !m_object.isNull();
    const bool node = isKind(m_object, u"", u"Node");
    const bool unschedulable = node && m_object.scalarAt(u"spec.unschedulable") == u"true"_qs;
    const bool restartable = isKind(m_object, u"apps", u"Deployment") || isKind(m_object, u"apps", u"StatefulSet") ||
                             isKind(m_object, u"apps", u"DaemonSet");
    auto set = [this](Action id, bool visible, bool enabled) {
        action(id)->setVisible(visible);
        action(id)->setEnabled(visible && enabled);
    };
    const bool deleting = m_object.isBeingDeleted();
    set(Action::Delete, true, any && !deleting);
    set(Action::Scale, any && hasScale(m_object), !deleting);
    set(Action::Restart, restartable, !deleting);
    set(Action::Cordon, node && !unschedulable, true);
    set(Action::Uncordon, node && unschedulable, true);
    set(Action::Drain, node, true);
    set(Action::EditLabels, true, any);
    set(Action::OpenYaml, true, any);
    set(Action::Logs, isKind(m_object, u"", u"Pod"), true);
}

void DetailsPane::updateOverview(bool sameObject)
{
    DescribeOptions options;
    if (m_clock)
        options.now = m_clock->now();
    options.nodePodCount = m_nodePodCount;
    m_overview->setDescription(describeObject(m_object, options), m_object, sameObject);
}

void DetailsPane::updateEvents()
{
    m_eventsModel->setEvents(selectObjectEvents(m_object, m_allEvents));
    const int count = m_eventsModel->rowCount();
    m_tabs->setTabText(m_tabs->indexOf(m_eventsView), count == 0 ? tr("E&vents") : tr("E&vents (%1)").arg(count));
    if (count > 0)
        m_eventsView->resizeColumnsToContents();
}

void DetailsPane::updateLabels(bool sameObject)
{
    const int scroll = sameObject ? m_labels->verticalScrollBar()->value() : 0;
    m_labels->clear();
    if (m_object.isNull())
        return;
    auto addGroup = [this](const QString &title, const kube::Labels &map) {
        auto *group = new QTreeWidgetItem(m_labels, {title.arg(map.size())});
        QFont bold = group->font(0);
        bold.setBold(true);
        group->setFont(0, bold);
        group->setFirstColumnSpanned(true);
        for (const auto &[key, value] : map) {
            auto *item = new QTreeWidgetItem(group, {key, firstLine(value)});
            item->setToolTip(1, value.size() > MaxToolTip ? value.left(MaxToolTip) + u'…' : value);
        }
        group->setExpanded(true);
    };
    addGroup(tr("Labels (%1)"), m_object.labels());
    // A Secret's last-applied annotation holds its data: show the masked form.
    addGroup(tr("Annotations (%1)"), isSecret(m_object) ? maskSecret(m_object).annotations() : m_object.annotations());
    m_labels->resizeColumnToContents(0);
    m_labels->verticalScrollBar()->setValue(scroll);
}

void DetailsPane::confirmDelete()
{
    if (m_object.isNull())
        return;
    const kube::Object object = m_object;
    auto *dialog = new DeleteDialog({DeleteTarget::of(object)}, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, object] {
        Q_EMIT deleteRequested(object, dialog->propagation(), dialog->gracePeriodSeconds().value_or(-1));
    });
    dialog->open();
}

void DetailsPane::askScale()
{
    if (m_object.isNull())
        return;
    const kube::Object object = m_object;
    const int current = m_object.scalarAt(u"spec.replicas").value_or(u"1"_qs).toInt();
    auto *dialog = new ScaleDialog(tr("%1 %2").arg(object.kind(), object.name()), current, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, object] { Q_EMIT scaleRequested(object, dialog->replicas()); });
    dialog->open();
}

void DetailsPane::confirmDrain()
{
    if (m_object.isNull())
        return;
    const kube::Object object = m_object;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Drain %1").arg(object.name()),
                                tr("Cordon node %1 and evict every pod on it (daemon set pods stay)?").arg(object.name()),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->button(QMessageBox::Yes)->setText(tr("&Drain"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, object](int result) {
        if (result == QMessageBox::Yes)
            Q_EMIT drainRequested(object);
    });
    box->open();
}

void DetailsPane::editLabels()
{
    if (m_object.isNull())
        return;
    const kube::Object object = m_object;
    auto *dialog = new LabelsDialog(tr("%1 %2").arg(object.kind(), object.name()), object.labels(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, object] { Q_EMIT labelsEditRequested(object, dialog->labels()); });
    dialog->open();
}

} // namespace timonel
