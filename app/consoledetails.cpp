#include "consoledetails.h"

#include "clustersession.h"
#include "logsworkflow.h"
#include "objectactions.h"
#include "bluegreenworkflow.h"
#include "canaryworkflow.h"
#include "rolloutworkflow.h"
#include "yamlworkflow.h"

#include "kube/cache/informersubscription.h"
#include "kube/cache/sharedinformer.h"
#include "models/deploymentedit.h"
#include "models/relatedobjects.h"
#include "models/workloadhistory.h"
#include "editor/yamleditorpanel.h"
#include "views/bluegreenwizard.h"
#include "views/canarywizard.h"
#include "views/deletedialog.h"
#include "views/detailspane.h"
#include "views/logpanel.h"
#include "views/mainwindow.h"
#include "views/rolloutpanel.h"

#include <QAction>
#include <QJsonArray>
#include <QJsonObject>
#include <QHBoxLayout>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>
#include <QTabWidget>

namespace timonel {

namespace {

kube::PropagationPolicy toPolicy(DeletePropagation p)
{
    switch (p) {
    case DeletePropagation::Foreground: return kube::PropagationPolicy::Foreground;
    case DeletePropagation::Orphan: return kube::PropagationPolicy::Orphan;
    case DeletePropagation::Background: break;
    }
    return kube::PropagationPolicy::Background;
}

QString objectLabel(const kube::Object &o)
{
    return o.kind() + u'/' + o.name();
}

QStringList containerNames(const QJsonArray &containers)
{
    QStringList names;
    for (const QJsonValue &c : containers)
        names.append(c.toObject().value(u"name").toString());
    return names;
}

} // namespace

QStringList ConsoleDetails::relatedResources()
{
    return {QStringLiteral("pods"),
            QStringLiteral("services"),
            QStringLiteral("endpoints"),
            QStringLiteral("endpointslices.discovery.k8s.io"),
            QStringLiteral("replicasets.apps"),
            QStringLiteral("deployments.apps"),
            QStringLiteral("statefulsets.apps"),
            QStringLiteral("daemonsets.apps"),
            QStringLiteral("jobs.batch"),
            QStringLiteral("cronjobs.batch"),
            QStringLiteral("nodes"),
            QStringLiteral("persistentvolumeclaims"),
            QStringLiteral("persistentvolumes"),
            QStringLiteral("events")};
}

ConsoleDetails::ConsoleDetails(MainWindow *window, QObject *parent) : QObject(parent), m_window(window)
{
    m_pane = new DetailsPane(window);
    m_pane->setObjectName(QStringLiteral("detailsPane"));
    m_logPanel = new LogPanel(m_pane);
    m_logsTab = m_pane->addTab(m_logPanel, tr("Logs"));
    m_yaml = new YamlWorkflow(this);
    m_yamlTab = m_pane->addTab(m_yaml->widget(), tr("YAML"));
    // The Rollout tab: the panel, with the canary and blue-green wizards above it.
    auto *rolloutTab = new QWidget(m_pane);
    auto *canary = new QPushButton(tr("Canary…"), rolloutTab);
    canary->setObjectName(QStringLiteral("canaryButton"));
    canary->setToolTip(tr("Try a new image on a share of the traffic, then promote or abort"));
    auto *blueGreen = new QPushButton(tr("Blue-green…"), rolloutTab);
    blueGreen->setObjectName(QStringLiteral("blueGreenButton"));
    blueGreen->setToolTip(tr("Start the new version beside the old one and switch the Service when it is ready"));
    connect(canary, &QPushButton::clicked, this, [this] { openDeliveryWizard(Delivery::Canary); });
    connect(blueGreen, &QPushButton::clicked, this, [this] { openDeliveryWizard(Delivery::BlueGreen); });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(canary);
    buttons->addWidget(blueGreen);
    buttons->addStretch(1);
    m_rolloutPanel = new RolloutPanel(rolloutTab);
    auto *rolloutLayout = new QVBoxLayout(rolloutTab);
    rolloutLayout->setContentsMargins(0, 0, 0, 0);
    rolloutLayout->addLayout(buttons);
    rolloutLayout->addWidget(m_rolloutPanel, 1);
    m_rolloutTab = m_pane->addTab(rolloutTab, tr("Rollout"));
    m_rollout = new RolloutWorkflow(m_rolloutPanel, this);
    connect(m_rollout, &RolloutWorkflow::actionFinished, this, [this](const QString &what, bool ok, const QString &message) {
        report(what, ok ? kube::Status() : kube::Status::badRequest(message));
    });
    m_actions = new ObjectActions(this);
    m_logs = new LogsWorkflow(m_logPanel, this);
    window->setDetailsWidget(m_pane);
    m_pane->setEnabled(false);

    m_refresh.setSingleShot(true);
    m_refresh.setInterval(250);
    connect(&m_refresh, &QTimer::timeout, this, &ConsoleDetails::refreshContext);

    connect(m_pane, &DetailsPane::deleteRequested, this,
            [this](const kube::Object &object, DeletePropagation propagation, int grace) {
                const QString what = tr("Delete %1").arg(objectLabel(object));
                m_actions->remove(m_resourceId, object, toPolicy(propagation),
                                  grace < 0 ? std::nullopt : std::optional<qint64>(grace),
                                  [this, what](const kube::Status &s) { report(what, s); });
            });
    connect(m_pane, &DetailsPane::scaleRequested, this, [this](const kube::Object &object, int replicas) {
        const QString what = tr("Scale %1 to %2").arg(objectLabel(object)).arg(replicas);
        m_actions->scale(m_resourceId, object, replicas, [this, what](const kube::Status &s) { report(what, s); });
    });
    connect(m_pane, &DetailsPane::restartRequested, this, [this](const kube::Object &object) {
        const QString what = tr("Restart %1").arg(objectLabel(object));
        m_actions->restart(m_resourceId, object, [this, what](const kube::Status &s) { report(what, s); });
    });
    connect(m_pane, &DetailsPane::cordonRequested, this, [this](const kube::Object &node, bool cordon) {
        const QString what = cordon ? tr("Cordon %1").arg(node.name()) : tr("Uncordon %1").arg(node.name());
        m_actions->cordon(node, cordon, [this, what](const kube::Status &s) { report(what, s); });
    });
    connect(m_pane, &DetailsPane::drainRequested, this, [this](const kube::Object &node) {
        QList<kube::Object> pods;
        if (kube::SharedInformer *informer = m_informers.value(QStringLiteral("pods"))) {
            for (const kube::Object &pod : informer->lister().list()) {
                if (pod.toJson().value(u"spec").toObject().value(u"nodeName").toString() == node.name())
                    pods.append(pod);
            }
        }
        const QString what = tr("Drain %1").arg(node.name());
        m_actions->drain(node, pods, [this, what](const kube::Status &s) { report(what, s); });
    });
    connect(m_pane, &DetailsPane::labelsEditRequested, this, [this](const kube::Object &object, const kube::Labels &labels) {
        const QString what = tr("Labels of %1").arg(objectLabel(object));
        m_actions->setLabels(m_resourceId, object, labels, [this, what](const kube::Status &s) { report(what, s); });
    });
    connect(m_pane, &DetailsPane::openYamlRequested, this, [this](const kube::Object &object) {
        m_yaml->openObject(m_resourceId, object);
        m_pane->tabs()->setCurrentIndex(m_yamlTab);
        m_yaml->panel()->setFocus();
    });
    connect(m_pane, &DetailsPane::logsRequested, this, [this](const kube::Object &) {
        m_pane->tabs()->setCurrentIndex(m_logsTab);
        m_logPanel->setFocus();
    });
    connect(m_pane, &DetailsPane::openRelatedRequested, this,
            [this](const QString &kind, const QString &namespace_, const QString &name) {
                const QString resource = resourceIdFor(QString(), kind);
                Q_EMIT openRelated(resource, namespace_, name);
            });
}

ConsoleDetails::~ConsoleDetails()
{
    closeWizards();
    m_logs->stop();
    releaseInformers();
}

void ConsoleDetails::releaseInformers()
{
    m_subscriptions.clear(); // each removes its handler from its own informer
    for (kube::SharedInformer *informer : std::as_const(m_informers)) {
        if (m_session)
            m_session->releaseInformer(informer);
    }
    m_informers.clear();
}

void ConsoleDetails::setSession(ClusterSession *session, bool embedded)
{
    m_embedded = embedded;
    if (session == m_session)
        return;
    closeWizards();
    m_logs->setSession(nullptr);
    m_rollout->setSession(nullptr);
    releaseInformers();
    m_session = session;
    m_actions->setSession(session);
    m_logs->setSession(session);
    m_yaml->setSession(session);
    m_rollout->setSession(session);
    m_selection.clear();
    m_pane->setObject(kube::Object());
    m_pane->setEnabled(false);
    if (!session)
        return;
    // The related kinds' informers; any change there refreshes the pane (debounced).
    for (const QString &resource : relatedResources()) {
        kube::SharedInformer *informer = session->acquireInformer(resource);
        if (!informer)
            continue;
        m_informers.insert(resource, informer);
        auto subscription = std::make_unique<kube::InformerSubscription>();
        subscription->reset(informer, this, [this](const kube::InformerEventBatch &) {
            if (!m_selection.isEmpty() && !m_refresh.isActive())
                m_refresh.start();
        });
        m_subscriptions.push_back(std::move(subscription));
    }
}

void ConsoleDetails::setSelection(const QString &resourceId, const QList<kube::Object> &objects)
{
    const bool sameObject = !objects.isEmpty() && !m_selection.isEmpty() && objects.front().uid() == m_selection.front().uid();
    m_resourceId = resourceId;
    m_selection = objects;
    if (objects.isEmpty()) {
        m_pane->setEnabled(false);
        m_rollout->setDeployment(QString(), kube::Object());
        return;
    }
    m_pane->setEnabled(true);
    const kube::Object &object = objects.front();
    m_pane->setObject(object);
    if (!sameObject) {
        // A pod's logs: its containers (init containers first in "all containers").
        if (object.kind() == u"Pod") {
            const QJsonObject spec = object.toJson().value(u"spec").toObject();
            m_logPanel->setPod(object.namespace_(), object.name(), containerNames(spec.value(u"containers").toArray()),
                               containerNames(spec.value(u"initContainers").toArray()));
        } else {
            m_logPanel->setPod(QString(), QString(), {}, {});
        }
        m_pane->tabs()->setTabEnabled(m_logsTab, object.kind() == u"Pod");
        // The Rollout tab: Deployments, DaemonSets and StatefulSets, by the selected resource
        // (list items may lack a kind); the canary and blue-green wizards: Deployments only.
        const QString rolloutKind = rolloutKindOf(resourceId);
        const bool rollout = !rolloutKind.isEmpty();
        m_pane->tabs()->setTabEnabled(m_rolloutTab, rollout);
        for (const auto *name : {"canaryButton", "blueGreenButton"}) {
            if (auto *button = m_pane->findChild<QPushButton *>(QLatin1StringView(name)))
                button->setVisible(rolloutKind == u"Deployment");
        }
        m_rollout->setDeployment(resourceId, rollout ? object : kube::Object());
        if (m_pane->tabs()->currentIndex() == m_yamlTab)
            m_yaml->openObject(resourceId, object);
    }
    refreshContext();
}

void ConsoleDetails::objectUpdated(const kube::Object &object)
{
    if (m_selection.isEmpty() || m_selection.front().uid() != object.uid())
        return;
    if (m_selection.front().resourceVersion() == object.resourceVersion())
        return;
    m_selection.front() = object;
    m_pane->setObject(object);
}

void ConsoleDetails::refreshContext()
{
    if (m_selection.isEmpty())
        return;
    const kube::Object &object = m_selection.front();
    if (kube::SharedInformer *events = m_informers.value(QStringLiteral("events")))
        m_pane->setEvents(object.namespace_().isEmpty() ? events->lister().list() : events->lister().list(object.namespace_()));
    const RelatedLookup lookup = [this](const QString &resource, const QString &namespace_) -> QList<kube::Object> {
        kube::SharedInformer *informer = m_informers.value(resource);
        if (!informer)
            return {};
        return namespace_.isEmpty() ? informer->lister().list() : informer->lister().list(namespace_);
    };
    m_pane->setRelated(findRelatedObjects(object, lookup));
}

void ConsoleDetails::closeWizards()
{
    for (const QPointer<QWidget> &wizard : std::as_const(m_wizards))
        delete wizard.data();
    m_wizards.clear();
}

void ConsoleDetails::openDeliveryWizard(Delivery delivery)
{
    if (!m_session || m_selection.isEmpty() || m_selection.front().kind() != u"Deployment")
        return;
    const kube::Object deployment = m_selection.front();
    // The Service in front of it: one in its namespace whose selector matches its pods.
    kube::Object service;
    if (kube::SharedInformer *services = m_informers.value(QStringLiteral("services"))) {
        for (const kube::Object &candidate : services->lister().list(deployment.namespace_())) {
            if (deploymentedit::selectsPodsOf(candidate, deployment)) {
                service = candidate;
                break;
            }
        }
    }
    if (service.isNull()) {
        QMessageBox::information(m_window, tr("No Service"),
                                 tr("No Service in %1 selects the pods of %2. Expose the Deployment first "
                                    "(for traffic you can measure here, as a NodePort Service).")
                                     .arg(deployment.namespace_(), deployment.name()));
        return;
    }
    if (delivery == Delivery::Canary) {
        auto *wizard = new CanaryWizard(deployment, service, m_window);
        wizard->setAttribute(Qt::WA_DeleteOnClose);
        auto *flow = new CanaryWorkflow(m_session, deployment, service, m_embedded, wizard);
        flow->bind(wizard);
        m_wizards.append(wizard);
        wizard->show();
    } else {
        auto *wizard = new BlueGreenWizard(deployment, service, m_window);
        wizard->setAttribute(Qt::WA_DeleteOnClose);
        auto *flow = new BlueGreenWorkflow(m_session, deployment, service, m_embedded, wizard);
        flow->bind(wizard);
        m_wizards.append(wizard);
        wizard->show();
    }
}

void ConsoleDetails::report(const QString &what, const kube::Status &status)
{
    if (status.isSuccess()) {
        m_window->showStatusMessage(tr("%1: done").arg(what));
        Q_EMIT actionFinished(what, true, QString());
        return;
    }
    m_window->showStatusMessage(tr("%1 failed: %2").arg(what, status.message()), 10000);
    Q_EMIT actionFinished(what, false, status.message());
}

void ConsoleDetails::confirmAndDelete()
{
    if (m_selection.isEmpty())
        return;
    QList<DeleteTarget> targets;
    for (const kube::Object &o : std::as_const(m_selection))
        targets.append(DeleteTarget::of(o));
    auto *dialog = new DeleteDialog(targets, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QList<kube::Object> doomed = m_selection;
    const QString resourceId = m_resourceId;
    connect(dialog, &QDialog::accepted, this, [this, dialog, doomed, resourceId] {
        const kube::PropagationPolicy policy = toPolicy(dialog->propagation());
        const std::optional<int> grace = dialog->gracePeriodSeconds();
        for (const kube::Object &o : doomed) {
            const QString what = tr("Delete %1").arg(objectLabel(o));
            m_actions->remove(resourceId, o, policy, grace ? std::optional<qint64>(*grace) : std::nullopt,
                              [this, what](const kube::Status &s) { report(what, s); });
        }
    });
    dialog->open();
}

QList<PaletteEntry> ConsoleDetails::paletteActions() const
{
    QList<PaletteEntry> entries;
    if (m_selection.isEmpty())
        return entries;
    const QString action = tr("Action");
    if (m_selection.size() > 1)
        entries.append({QStringLiteral("details:delete-all"), tr("Delete the %n selected objects", nullptr, int(m_selection.size())), action});
    const std::pair<DetailsPane::Action, QString> actions[] = {
        {DetailsPane::Action::Delete, QStringLiteral("details:delete")},
        {DetailsPane::Action::Scale, QStringLiteral("details:scale")},
        {DetailsPane::Action::Restart, QStringLiteral("details:restart")},
        {DetailsPane::Action::Cordon, QStringLiteral("details:cordon")},
        {DetailsPane::Action::Uncordon, QStringLiteral("details:uncordon")},
        {DetailsPane::Action::Drain, QStringLiteral("details:drain")},
        {DetailsPane::Action::EditLabels, QStringLiteral("details:labels")},
        {DetailsPane::Action::OpenYaml, QStringLiteral("details:yaml")},
        {DetailsPane::Action::Logs, QStringLiteral("details:logs")},
    };
    for (const auto &[which, id] : actions) {
        QAction *a = m_pane->action(which);
        if (a && a->isVisible() && a->isEnabled())
            entries.append({id, a->text().remove(u'&') + QStringLiteral(" — ") + m_selection.front().name(), action});
    }
    if (m_selection.front().kind() == u"Deployment") {
        entries.append({QStringLiteral("details:canary"), tr("Canary…") + QStringLiteral(" — ") + m_selection.front().name(), action});
        entries.append({QStringLiteral("details:bluegreen"), tr("Blue-green…") + QStringLiteral(" — ") + m_selection.front().name(), action});
    }
    entries.append({QStringLiteral("details:new"), tr("Create from a template"), action});
    return entries;
}

void ConsoleDetails::runPaletteAction(const QString &id)
{
    if (id == u"details:delete-all")
        return confirmAndDelete();
    if (id == u"details:canary")
        return openDeliveryWizard(Delivery::Canary);
    if (id == u"details:bluegreen")
        return openDeliveryWizard(Delivery::BlueGreen);
    if (id == u"details:new") {
        m_yaml->openTemplate(QStringLiteral("deployment"), m_selection.isEmpty() ? QString() : m_selection.front().namespace_());
        m_pane->setEnabled(true);
        m_pane->tabs()->setCurrentIndex(m_yamlTab);
        return;
    }
    const QHash<QString, DetailsPane::Action> byId{
        {QStringLiteral("details:delete"), DetailsPane::Action::Delete},
        {QStringLiteral("details:scale"), DetailsPane::Action::Scale},
        {QStringLiteral("details:restart"), DetailsPane::Action::Restart},
        {QStringLiteral("details:cordon"), DetailsPane::Action::Cordon},
        {QStringLiteral("details:uncordon"), DetailsPane::Action::Uncordon},
        {QStringLiteral("details:drain"), DetailsPane::Action::Drain},
        {QStringLiteral("details:labels"), DetailsPane::Action::EditLabels},
        {QStringLiteral("details:yaml"), DetailsPane::Action::OpenYaml},
        {QStringLiteral("details:logs"), DetailsPane::Action::Logs},
    };
    if (QAction *a = m_pane->action(byId.value(id, DetailsPane::Action::OpenYaml)); a && byId.contains(id))
        a->trigger();
}

} // namespace timonel
