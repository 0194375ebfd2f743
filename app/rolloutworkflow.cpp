#include "rolloutworkflow.h"

#include "clustersession.h"
#include "objectactions.h"

#include "kube/cache/sharedinformer.h"
#include "models/rollouthistory.h"
#include "views/rolloutpanel.h"

#include <memory>

namespace timonel {

namespace {

const QString kDeployments = QStringLiteral("deployments.apps");
const QString kReplicaSets = QStringLiteral("replicasets.apps");
const QString kPods = QStringLiteral("pods");
const QString kEvents = QStringLiteral("events");

kube::Status noSession()
{
    return kube::Status::badRequest(RolloutWorkflow::tr("not connected to a cluster"));
}

kube::ResourceRef deploymentRef(const kube::Object &deployment)
{
    return kube::ResourceRef{{QStringLiteral("apps"), QStringLiteral("v1"), QStringLiteral("deployments")}, deployment.namespace_(),
                             deployment.name(), {}};
}

ClusterSession::ObjectReply toDone(RolloutWorkflow::Done done)
{
    return [done](kube::Expected<kube::Object> r) { done(r ? kube::Status() : r.error()); };
}

} // namespace

RolloutWorkflow::RolloutWorkflow(RolloutPanel *panel, QObject *parent)
    : QObject(parent)
    , m_panel(panel)
    , m_actions(new ObjectActions(this))
{
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(kRefreshDelay);
    connect(&m_refresh, &QTimer::timeout, this, &RolloutWorkflow::refresh);

    connect(panel, &RolloutPanel::undoRequested, this, [this](const kube::Object &d, qint64 revision) {
        undo(d, revision, reporter(tr("Undo %1 to revision %2").arg(d.name()).arg(revision)));
    });
    connect(panel, &RolloutPanel::pauseRequested, this, [this](const kube::Object &d, bool pause) {
        setPaused(d, pause, reporter(pause ? tr("Pause %1").arg(d.name()) : tr("Resume %1").arg(d.name())));
    });
    connect(panel, &RolloutPanel::restartRequested, this,
            [this](const kube::Object &d) { restart(d, reporter(tr("Restart %1").arg(d.name()))); });
    connect(panel, &RolloutPanel::setImageRequested, this,
            [this](const kube::Object &d, const QString &container, const QString &image, const QString &cause) {
                setImage(d, container, image, cause, reporter(tr("Set image of %1 to %2").arg(container, image)));
            });
}

RolloutWorkflow::~RolloutWorkflow()
{
    releaseInformers();
}

void RolloutWorkflow::setSession(ClusterSession *session)
{
    if (session == m_session)
        return;
    releaseInformers();
    m_session = session;
    m_actions->setSession(session);
    if (!m_deployment.isNull())
        acquireInformers();
    refresh();
}

void RolloutWorkflow::setDeployment(const QString &resourceId, const kube::Object &deployment)
{
    const bool isDeployment = !deployment.isNull() && resourceId == kDeployments;
    m_resourceId = resourceId;
    m_deployment = isDeployment ? deployment : kube::Object();
    if (!isDeployment)
        releaseInformers();
    else if (m_informers.isEmpty())
        acquireInformers();
    refresh();
}

void RolloutWorkflow::acquireInformers()
{
    if (!m_session)
        return;
    for (const QString &resource : {kDeployments, kReplicaSets, kPods, kEvents}) {
        kube::SharedInformer *informer = m_session->acquireInformer(resource);
        if (!informer)
            continue;
        const quint64 handler = informer->addBatchHandler(this, [this](const kube::InformerEventBatch &) {
            if (!m_deployment.isNull() && !m_refresh.isActive())
                m_refresh.start();
        });
        m_informers.insert(resource, Held{informer, handler});
    }
}

void RolloutWorkflow::releaseInformers()
{
    m_refresh.stop();
    for (const Held &held : std::as_const(m_informers)) {
        held.informer->removeEventHandler(held.handler);
        if (m_session)
            m_session->releaseInformer(held.informer);
    }
    m_informers.clear();
}

void RolloutWorkflow::refresh()
{
    if (m_deployment.isNull()) {
        m_panel->clear();
        return;
    }
    const QString ns = m_deployment.namespace_();
    const auto list = [this, &ns](const QString &resource) -> QList<kube::Object> {
        const Held held = m_informers.value(resource);
        return held.informer ? held.informer->lister().list(ns) : QList<kube::Object>();
    };
    // The cached Deployment is the newest we know (the caller's copy may be older); a
    // Deployment gone from a synced cache empties the panel.
    if (const Held d = m_informers.value(kDeployments); d.informer) {
        const std::optional<kube::Object> live = d.informer->lister().get(ns, m_deployment.name());
        if (live && live->uid() == m_deployment.uid())
            m_deployment = *live;
        else if (d.informer->hasSynced() && !live)
            return m_panel->clear();
    }
    m_panel->setRollout(m_deployment, list(kReplicaSets), list(kPods), list(kEvents));
}

void RolloutWorkflow::undo(const kube::Object &deployment, qint64 revision, Done done)
{
    if (!m_session)
        return done(noSession());
    QPointer<ClusterSession> session = m_session;
    QList<kube::Object> sets;
    if (const Held rs = m_informers.value(kReplicaSets); rs.informer)
        sets = rs.informer->lister().list(deployment.namespace_());
    // As kubectl: decide on the live Deployment, then patch.
    session->get(deploymentRef(deployment), [session, sets, revision, done, deployment](kube::Expected<kube::Object> live) {
        if (!live)
            return done(live.error());
        if (!session)
            return done(noSession());
        const RolloutHistory::Undo undo = RolloutHistory::from(*live, sets).undo(revision);
        switch (undo.outcome) {
        case RolloutHistory::Undo::Outcome::Patch: break;
        case RolloutHistory::Undo::Outcome::NotFound: return done(kube::Status(404, QStringLiteral("NotFound"), undo.message));
        case RolloutHistory::Undo::Outcome::Paused:
        case RolloutHistory::Undo::Outcome::AlreadyCurrent: return done(kube::Status::badRequest(undo.message));
        }
        kube::PatchOptions options;
        options.fieldManager = QStringLiteral("kubectl-rollout");
        session->patch(deploymentRef(deployment), kube::PatchType::Json, undo.body, toDone(done), options);
    });
}

void RolloutWorkflow::setPaused(const kube::Object &deployment, bool pause, Done done)
{
    if (!m_session)
        return done(noSession());
    kube::PatchOptions options;
    options.fieldManager = QStringLiteral("kubectl-rollout");
    m_session->patch(deploymentRef(deployment), kube::PatchType::StrategicMerge, pausePatch(pause), toDone(done), options);
}

void RolloutWorkflow::restart(const kube::Object &deployment, Done done)
{
    m_actions->restart(kDeployments, deployment, std::move(done));
}

void RolloutWorkflow::setImage(const kube::Object &deployment, const QString &container, const QString &image,
                               const QString &changeCause, Done done)
{
    if (!m_session)
        return done(noSession());
    const QByteArray body = setImagePatch(deployment, container, image, changeCause);
    if (body.isEmpty())
        return done(kube::Status::badRequest(tr("unable to find container named \"%1\"").arg(container)));
    kube::PatchOptions options;
    options.fieldManager = QStringLiteral("kubectl-set");
    m_session->patch(deploymentRef(deployment), kube::PatchType::StrategicMerge, body, toDone(done), options);
}

RolloutWorkflow::Done RolloutWorkflow::reporter(const QString &what)
{
    QPointer<RolloutWorkflow> self = this;
    return [self, what](const kube::Status &status) {
        if (self)
            self->report(what, status);
    };
}

void RolloutWorkflow::report(const QString &what, const kube::Status &status)
{
    Q_EMIT actionFinished(what, status.isSuccess(), status.isSuccess() ? QString() : status.message());
    if (status.isSuccess())
        refresh();
}

} // namespace timonel
