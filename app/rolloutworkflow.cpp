#include "rolloutworkflow.h"

#include "clustersession.h"
#include "objectactions.h"

#include "kube/cache/sharedinformer.h"
#include "models/rollouthistory.h"
#include "models/workloadhistory.h"
#include "views/rolloutpanel.h"

#include <memory>

namespace timonel {

namespace {

const QString kDeployments = QStringLiteral("deployments.apps");
const QString kReplicaSets = QStringLiteral("replicasets.apps");
const QString kControllerRevisions = QStringLiteral("controllerrevisions.apps");
const QString kPods = QStringLiteral("pods");
const QString kEvents = QStringLiteral("events");

kube::Status noSession()
{
    return kube::Status::badRequest(RolloutWorkflow::tr("not connected to a cluster"));
}

// "deployments.apps" → apps/v1 deployments (the kinds this workflow handles are all apps/v1).
kube::ResourceRef appsRef(const QString &resourceId, const kube::Object &workload)
{
    return kube::ResourceRef{{QStringLiteral("apps"), QStringLiteral("v1"), resourceId.section(u'.', 0, 0)}, workload.namespace_(),
                             workload.name(), {}};
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
    const QString kind = deployment.isNull() ? QString() : rolloutKindOf(resourceId);
    if (kind != m_kind)
        releaseInformers();
    m_resourceId = resourceId;
    m_kind = kind;
    m_deployment = kind.isEmpty() ? kube::Object() : deployment;
    if (kind.isEmpty())
        releaseInformers();
    else if (m_informers.empty())
        acquireInformers();
    refresh();
}

void RolloutWorkflow::acquireInformers()
{
    if (!m_session || m_kind.isEmpty())
        return;
    const QString history = m_kind == u"Deployment" ? kReplicaSets : kControllerRevisions;
    for (const QString &resource : {m_resourceId, history, kPods, kEvents}) {
        kube::SharedInformer *informer = m_session->acquireInformer(resource);
        if (!informer)
            continue;
        auto subscription = std::make_unique<kube::InformerSubscription>();
        subscription->reset(informer, this, [this](const kube::InformerEventBatch &) {
            if (!m_deployment.isNull() && !m_refresh.isActive())
                m_refresh.start();
        });
        m_informers[resource] = std::move(subscription);
    }
}

void RolloutWorkflow::releaseInformers()
{
    m_refresh.stop();
    for (auto &[resource, subscription] : m_informers) {
        kube::SharedInformer *informer = subscription->informer();
        subscription->reset();
        if (m_session && informer)
            m_session->releaseInformer(informer);
    }
    m_informers.clear();
}

kube::SharedInformer *RolloutWorkflow::informer(const QString &resource) const
{
    const auto it = m_informers.find(resource);
    return it == m_informers.end() ? nullptr : it->second->informer();
}

kube::ResourceRef RolloutWorkflow::workloadRef(const kube::Object &workload) const
{
    return appsRef(m_kind.isEmpty() ? kDeployments : m_resourceId, workload);
}

void RolloutWorkflow::refresh()
{
    if (m_deployment.isNull()) {
        m_panel->clear();
        return;
    }
    const QString ns = m_deployment.namespace_();
    const auto list = [this, &ns](const QString &resource) -> QList<kube::Object> {
        kube::SharedInformer *held = informer(resource);
        return held ? held->lister().list(ns) : QList<kube::Object>();
    };
    // The cached workload is the newest we know (the caller's copy may be older); a workload
    // gone from a synced cache empties the panel.
    if (kube::SharedInformer *d = informer(m_resourceId)) {
        const std::optional<kube::Object> live = d->lister().get(ns, m_deployment.name());
        if (live && live->uid() == m_deployment.uid())
            m_deployment = *live;
        else if (d->hasSynced() && !live)
            return m_panel->clear();
    }
    if (m_kind == u"Deployment") {
        m_panel->setRollout(m_deployment, list(kReplicaSets), list(kPods), list(kEvents));
        return;
    }
    const QList<kube::Object> pods = list(kPods);
    m_panel->setRollout(RolloutHistory::fromControllerRevisions(m_deployment, m_kind, list(kControllerRevisions), pods), pods,
                        list(kEvents));
}

void RolloutWorkflow::undo(const kube::Object &deployment, qint64 revision, Done done)
{
    if (!m_session)
        return done(noSession());
    QPointer<ClusterSession> session = m_session;
    const QString kind = m_kind.isEmpty() ? u"Deployment"_qs : m_kind;
    QList<kube::Object> sets;
    if (kube::SharedInformer *rs = informer(kind == u"Deployment" ? kReplicaSets : kControllerRevisions))
        sets = rs->lister().list(deployment.namespace_());
    const kube::ResourceRef ref = workloadRef(deployment);
    // As kubectl: decide on the live workload, then patch.
    session->get(ref, [session, sets, revision, done, ref, kind](kube::Expected<kube::Object> live) {
        if (!live)
            return done(live.error());
        if (!session)
            return done(noSession());
        const RolloutHistory::Undo undo = kind == u"Deployment"
                                              ? RolloutHistory::from(*live, sets).undo(revision)
                                              : RolloutHistory::fromControllerRevisions(*live, kind, sets).undo(revision);
        switch (undo.outcome) {
        case RolloutHistory::Undo::Outcome::Patch: break;
        case RolloutHistory::Undo::Outcome::NotFound: return done(kube::Status(404, QStringLiteral("NotFound"), undo.message));
        case RolloutHistory::Undo::Outcome::Paused:
        case RolloutHistory::Undo::Outcome::AlreadyCurrent: return done(kube::Status::badRequest(undo.message));
        }
        kube::PatchOptions options;
        options.fieldManager = QStringLiteral("kubectl-rollout");
        session->patch(ref, undo.strategicMerge ? kube::PatchType::StrategicMerge : kube::PatchType::Json, undo.body, toDone(done),
                       options);
    });
}

void RolloutWorkflow::setPaused(const kube::Object &deployment, bool pause, Done done)
{
    if (!m_session)
        return done(noSession());
    // kubectl rollout pause / resume (objectpauser.go, objectresumer.go) refuse other kinds.
    if (!m_kind.isEmpty() && m_kind != u"Deployment") {
        const QString message = pause ? tr("%1 \"%2\" pausing is not supported") : tr("%1 \"%2\" resuming is not supported");
        return done(kube::Status::badRequest(message.arg(m_resourceId, deployment.name())));
    }
    kube::PatchOptions options;
    options.fieldManager = QStringLiteral("kubectl-rollout");
    m_session->patch(workloadRef(deployment), kube::PatchType::StrategicMerge, pausePatch(pause), toDone(done), options);
}

void RolloutWorkflow::restart(const kube::Object &deployment, Done done)
{
    m_actions->restart(m_kind.isEmpty() ? kDeployments : m_resourceId, deployment, std::move(done));
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
    m_session->patch(workloadRef(deployment), kube::PatchType::StrategicMerge, body, toDone(done), options);
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
