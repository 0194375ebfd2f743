#include "planexecutor.h"

#include "clustersession.h"
#include "namespacewatch.h"

#include "models/deploymentedit.h"
#include "models/workloadreadiness.h"

#include "kube/api/labelselector.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace timonel {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(timonel::PlanExecutor)
};

// The pods a Deployment runs now: its selector, and its template's version label when it has one
// (a canary's stable Deployment selects the canary's pods too).
QList<kube::Object> podsOf(const kube::Object &deployment, const QList<kube::Object> &pods)
{
    QList<kube::Object> mine;
    const QJsonObject spec = deployment.toJson().value(u"spec").toObject();
    const auto selector = kube::LabelSelector::fromLabelSelectorJson(spec.value(u"selector"));
    if (!selector)
        return mine;
    const QString version = deploymentedit::templateLabels(deployment).value(kVersionLabel);
    for (const kube::Object &pod : pods) {
        if (pod.isBeingDeleted() || !selector->matches(pod.labels()))
            continue;
        if (!version.isEmpty() && pod.labels().value(kVersionLabel) != version)
            continue;
        mine.append(pod);
    }
    return mine;
}

QString waitText(const PlannedChange &change)
{
    switch (change.waitFor) {
    case PlannedChange::WaitFor::RolledOut: return Tr::tr("Waiting for %1 to roll out").arg(change.label());
    case PlannedChange::WaitFor::Settled: return Tr::tr("Waiting for the pods of %1 to be ready and serving").arg(change.label());
    case PlannedChange::WaitFor::Gone: return Tr::tr("Waiting for %1 and its pods to go").arg(change.label());
    case PlannedChange::WaitFor::Nothing: break;
    }
    return {};
}

} // namespace

PlanExecutor::PlanExecutor(NamespaceWatch *watch, QObject *parent) : QObject(parent), m_watch(watch)
{
    m_poll.setInterval(kPollInterval);
    connect(&m_poll, &QTimer::timeout, this, &PlanExecutor::check);
    connect(watch, &NamespaceWatch::changed, this, &PlanExecutor::check);
}

void PlanExecutor::run(const PlanStep &step, const QString &serviceName)
{
    m_step = step;
    m_serviceName = serviceName;
    m_index = -1;
    m_running = true;
    m_waiting = false;
    m_waitingForEndpoints = false;
    ++m_generation;
    applyNext();
}

void PlanExecutor::applyNext()
{
    ++m_index;
    if (m_index >= m_step.changes.size()) {
        if (m_step.expectedEndpoints < 0 || m_serviceName.isEmpty())
            return done(kube::Status());
        m_waitingForEndpoints = true;
        m_waiting = true;
        m_deadline = m_now().addMSecs(m_timeout.count());
        Q_EMIT waiting(Tr::tr("Waiting for Service %1 to send traffic to %n ready pod(s)", nullptr, m_step.expectedEndpoints)
                           .arg(m_serviceName));
        m_poll.start();
        return check();
    }
    const PlannedChange &change = m_step.changes.at(m_index);
    Q_EMIT changeStarted(m_index, change.summary);
    ClusterSession *session = m_watch ? m_watch->session() : nullptr;
    if (!session)
        return done(kube::Status::badRequest(Tr::tr("not connected to a cluster")));
    const kube::ResourceRef ref{change.gvr, change.namespace_, change.action == PlannedChange::Action::Create ? QString() : change.name, {}};
    const quint64 generation = m_generation;
    auto reply = [this, generation](kube::Expected<kube::Object> r) {
        if (generation != m_generation)
            return;
        applied(r ? kube::Status() : r.error(), r ? *r : kube::Object());
    };
    switch (change.action) {
    case PlannedChange::Action::Create: {
        kube::WriteOptions options;
        options.fieldManager = QStringLiteral("timonel");
        return session->create(ref, change.after, reply, options);
    }
    case PlannedChange::Action::Patch: {
        kube::PatchOptions options;
        options.fieldManager = QStringLiteral("timonel");
        return session->patch(ref, kube::PatchType::Merge, change.patch, reply, options);
    }
    case PlannedChange::Action::Delete: {
        kube::DeleteOptions options;
        options.propagationPolicy = kube::PropagationPolicy::Foreground;
        if (!change.before.uid().isEmpty())
            options.preconditionUid = change.before.uid();
        return session->remove(ref, reply, options);
    }
    }
}

void PlanExecutor::applied(const kube::Status &status, const kube::Object &result)
{
    const PlannedChange &change = m_step.changes.at(m_index);
    if (!status.isSuccess())
        return done(kube::Status(status.code(), status.reason(), change.label() + QStringLiteral(": ") + status.message()));
    if (change.waitFor == PlannedChange::WaitFor::Nothing)
        return applyNext();
    m_minGeneration = result.isNull() ? 0 : result.generation();
    m_waiting = true;
    m_deadline = m_now().addMSecs(m_timeout.count());
    Q_EMIT waiting(waitText(change));
    m_poll.start();
    check();
}

bool PlanExecutor::conditionHolds(const PlannedChange &change, qint64 minGeneration) const
{
    if (!m_watch || !m_watch->isSynced())
        return false;
    const kube::Object live = m_watch->deployment(change.name);
    switch (change.waitFor) {
    case PlannedChange::WaitFor::Nothing:
        return true;
    case PlannedChange::WaitFor::Gone:
        return change.kind == u"Deployment" ? live.isNull() : true;
    case PlannedChange::WaitFor::RolledOut:
        return !live.isNull() && live.generation() >= minGeneration && isRolledOut(live);
    case PlannedChange::WaitFor::Settled:
        break;
    }
    if (live.isNull() || live.generation() < minGeneration || !isRolledOut(live))
        return false;
    const QList<kube::Object> pods = podsOf(live, m_watch->pods());
    if (pods.size() != deploymentedit::replicasOf(live))
        return false;
    const QDateTime settledBefore = m_now().addSecs(-PlannedChange::kSettleSeconds);
    for (const kube::Object &pod : pods) {
        const std::optional<QDateTime> since = readySince(pod);
        if (!since || *since > settledBefore)
            return false;
    }
    return true;
}

bool PlanExecutor::endpointsMatch(const QString &serviceName, int expected) const
{
    if (!m_watch || !m_watch->isSynced())
        return false;
    const kube::Object service = m_watch->service(serviceName);
    const kube::Object endpoints = m_watch->endpoints(serviceName);
    if (service.isNull() || endpoints.isNull())
        return false;
    const QStringList ready = readyEndpointPods(endpoints);
    if (ready.size() != expected || notReadyEndpointCount(endpoints) != 0)
        return false;
    const kube::Labels selector = deploymentedit::serviceSelector(service);
    for (const QString &name : ready) {
        const kube::Object pod = m_watch->pod(name);
        if (pod.isNull() || pod.isBeingDeleted())
            return false;
        for (const auto &[key, value] : selector) {
            if (pod.labels().value(key) != value)
                return false;
        }
    }
    return true;
}

void PlanExecutor::check()
{
    if (!m_running || !m_waiting)
        return;
    const bool holds = m_waitingForEndpoints ? endpointsMatch(m_serviceName, m_step.expectedEndpoints)
                                             : conditionHolds(m_step.changes.at(m_index), m_minGeneration);
    if (holds) {
        m_waiting = false;
        m_poll.stop();
        if (m_waitingForEndpoints)
            return done(kube::Status());
        return applyNext();
    }
    if (m_now() > m_deadline) {
        const QString message = m_waitingForEndpoints ? Tr::tr("Timed out waiting for the endpoints of Service %1").arg(m_serviceName)
                                                      : Tr::tr("Timed out waiting for %1").arg(m_step.changes.at(m_index).label());
        done(kube::Status(504, QStringLiteral("Timeout"), message));
    }
}

void PlanExecutor::done(const kube::Status &status)
{
    m_running = false;
    m_waiting = false;
    m_poll.stop();
    ++m_generation;
    Q_EMIT finished(status);
}

} // namespace timonel
