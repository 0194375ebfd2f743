#include "podsimulation.h"

#include "nodeimagecache.h"

#include "kube/api/clock.h"

#include <QJsonArray>

namespace kube::kubelet {

PodSimulation::PodSimulation(const Object &pod, PodPlacement placement, std::shared_ptr<NodeImageCache> images,
                             const QDateTime &now, const SimulationData &data)
    : m_placement(std::move(placement)), m_created(now)
{
    m_context.data = &data;
    m_context.images = images ? std::move(images) : std::make_shared<NodeImageCache>();
    m_context.name = pod.name();
    m_context.namespace_ = pod.namespace_();
    m_context.uid = pod.uid();
    m_context.podIP = m_placement.podIP;
    m_context.nodeName = m_placement.nodeName;
    {
        const QJsonObject json = pod.toJson();
        const QJsonObject metadata = json.value(QLatin1String("metadata")).toObject();
        const QJsonObject podSpec = json.value(QLatin1String("spec")).toObject();
        m_context.labels = metadata.value(QLatin1String("labels")).toObject();
        m_context.annotations = metadata.value(QLatin1String("annotations")).toObject();
        m_context.hostname = podSpec.value(QLatin1String("hostname")).toString(pod.name());
        m_context.serviceAccountName = podSpec.value(QLatin1String("serviceAccountName")).toString(QStringLiteral("default"));
    }
    m_context.hostIP = m_placement.hostIP;
    m_context.versionLabel = pod.labels().value(u"version");
    if (m_context.versionLabel.isNull())
        m_context.versionLabel = pod.labels().value(u"app.kubernetes.io/version");
    const QJsonObject spec = pod.toJson().value(QLatin1String("spec")).toObject();
    m_context.restartPolicy = spec.value(QLatin1String("restartPolicy")).toString(QStringLiteral("Always"));
    m_context.gracePeriodSeconds = qint64(spec.value(QLatin1String("terminationGracePeriodSeconds")).toDouble(double(data.rules().defaultGracePeriodSeconds)));
    for (const QJsonValue &c : spec.value(QLatin1String("initContainers")).toArray())
        m_init.push_back(std::make_unique<ContainerSimulation>(&m_context, c.toObject(), ContainerRole::Init));
    for (const QJsonValue &c : spec.value(QLatin1String("containers")).toArray())
        m_app.push_back(std::make_unique<ContainerSimulation>(&m_context, c.toObject(), ContainerRole::App));
    refreshConditions(now);
}

PodSimulation::~PodSimulation() = default;

void PodSimulation::updateSpec(const Object &pod, const QDateTime &now)
{
    advance(now);
    const QJsonObject spec = pod.toJson().value(QLatin1String("spec")).toObject();
    for (const QJsonValue &c : spec.value(QLatin1String("containers")).toArray()) {
        const QString name = c.toObject().value(QLatin1String("name")).toString();
        for (auto &app : m_app) {
            if (app->name() == name)
                app->updateSpec(c.toObject(), now);
        }
    }
    if (pod.isBeingDeleted() && !m_deletionRequested)
        requestDeletion(now);
}

void PodSimulation::requestDeletion(const QDateTime &now, std::optional<qint64> gracePeriodSeconds)
{
    advance(now);
    m_deletionRequested = true;
    const qint64 grace = gracePeriodSeconds.value_or(m_context.gracePeriodSeconds);
    for (auto &c : m_init)
        c->stopForDeletion(now, grace);
    for (auto &c : m_app)
        c->stopForDeletion(now, grace);
    refreshConditions(now);
}

bool PodSimulation::isFinished() const
{
    auto done = [](const auto &list) {
        for (const auto &c : list) {
            if (c->stage() != ContainerSimulation::Stage::Done && c->stage() != ContainerSimulation::Stage::Idle)
                return false;
        }
        return true;
    };
    if (m_deletionRequested)
        return done(m_init) && done(m_app);
    const QString p = phase();
    return p == QLatin1String("Succeeded") || p == QLatin1String("Failed");
}

std::optional<QDateTime> PodSimulation::nextWakeUp() const
{
    std::optional<QDateTime> next;
    if (!m_sandboxReady && !m_deletionRequested)
        next = m_created.addMSecs(m_context.data->rules().sandboxReadyMs);
    auto consider = [&](const auto &list) {
        for (const auto &c : list) {
            const auto w = c->nextWakeUp();
            if (w && (!next || *w < *next))
                next = w;
        }
    };
    consider(m_init);
    consider(m_app);
    return next;
}

void PodSimulation::advance(const QDateTime &now)
{
    for (int guard = 0; guard < 100'000; ++guard) {
        const auto due = nextWakeUp();
        if (!due || *due > now)
            break;
        step(*due);
    }
}

void PodSimulation::step(const QDateTime &t)
{
    if (!m_sandboxReady && !m_deletionRequested && t >= m_created.addMSecs(m_context.data->rules().sandboxReadyMs))
        m_sandboxReady = true;
    for (auto &c : m_init)
        c->step(t);
    for (auto &c : m_app)
        c->step(t);
    orchestrate(t);
    refreshConditions(t);
}

void PodSimulation::orchestrate(const QDateTime &t)
{
    if (!m_sandboxReady || m_deletionRequested)
        return;
    // Init containers run one at a time, in order; app containers start once all succeeded.
    for (auto &c : m_init) {
        if (c->hasSucceeded())
            continue;
        if (c->stage() == ContainerSimulation::Stage::Idle)
            c->start(t);
        return;
    }
    for (auto &c : m_app) {
        if (c->stage() == ContainerSimulation::Stage::Idle && !c->hasEverRun())
            c->start(t);
    }
}

QString PodSimulation::phase() const
{
    for (const auto &c : m_init) {
        if (c->stage() == ContainerSimulation::Stage::Done && !c->hasSucceeded() && c->hasEverRun())
            return QStringLiteral("Failed");
        if (!c->hasSucceeded())
            return QStringLiteral("Pending");
    }
    int waiting = 0, running = 0, succeeded = 0, failed = 0;
    for (const auto &c : m_app) {
        switch (c->stage()) {
        case ContainerSimulation::Stage::Running:
        case ContainerSimulation::Stage::Stopping:
            ++running;
            break;
        case ContainerSimulation::Stage::Done:
            if (!c->hasEverRun())
                ++waiting;
            else if (c->lastExitCode() == 0)
                ++succeeded;
            else
                ++failed;
            break;
        default:
            // Restarting containers count as running once they ran (CrashLoopBackOff pods are Running).
            if (c->hasEverRun())
                ++running;
            else
                ++waiting;
        }
    }
    if (m_deletionRequested && running == 0)
        return failed > 0 || waiting > 0 ? QStringLiteral("Failed") : QStringLiteral("Succeeded");
    if (waiting > 0)
        return QStringLiteral("Pending");
    if (running > 0)
        return QStringLiteral("Running");
    return failed > 0 ? QStringLiteral("Failed") : QStringLiteral("Succeeded");
}

void PodSimulation::refreshConditions(const QDateTime &t)
{
    const QString ph = phase();
    const bool terminal = ph == QLatin1String("Succeeded") || ph == QLatin1String("Failed");
    auto set = [&](const QString &type, bool value, const QString &reason = {}, const QString &message = {}) {
        const QString status = value ? QStringLiteral("True") : QStringLiteral("False");
        Condition &c = m_conditions[type];
        if (c.status != status)
            c.since = t;
        c.status = status;
        c.reason = reason;
        c.message = message;
    };
    set(QStringLiteral("PodReadyToStartContainers"), m_sandboxReady && !(m_deletionRequested && isFinished()));
    QStringList incomplete;
    for (const auto &c : m_init) {
        if (!c->hasSucceeded())
            incomplete.append(c->name());
    }
    if (incomplete.isEmpty() || ph == QLatin1String("Succeeded"))
        set(QStringLiteral("Initialized"), true);
    else
        set(QStringLiteral("Initialized"), false, QStringLiteral("ContainersNotInitialized"),
            QStringLiteral("containers with incomplete status: [%1]").arg(incomplete.join(QLatin1Char(' '))));
    QStringList unready;
    for (const auto &c : m_app) {
        if (!c->isReady())
            unready.append(c->name());
    }
    if (terminal) {
        set(QStringLiteral("ContainersReady"), false, QStringLiteral("PodCompleted"));
        set(QStringLiteral("Ready"), false, QStringLiteral("PodCompleted"));
    } else if (unready.isEmpty()) {
        set(QStringLiteral("ContainersReady"), true);
        set(QStringLiteral("Ready"), true);
    } else {
        const QString message = QStringLiteral("containers with unready status: [%1]").arg(unready.join(QLatin1Char(' ')));
        set(QStringLiteral("ContainersReady"), false, QStringLiteral("ContainersNotReady"), message);
        set(QStringLiteral("Ready"), false, QStringLiteral("ContainersNotReady"), message);
    }
    set(QStringLiteral("PodScheduled"), true);
}

QJsonObject PodSimulation::status() const
{
    QJsonArray conditions;
    for (const char *type : {"PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled"}) {
        const Condition c = m_conditions.value(QString::fromLatin1(type));
        QJsonObject o{{QStringLiteral("type"), QString::fromLatin1(type)},
                      {QStringLiteral("status"), c.status},
                      {QStringLiteral("lastProbeTime"), QJsonValue::Null},
                      {QStringLiteral("lastTransitionTime"), formatKubeTime(c.since)}};
        if (!c.reason.isEmpty())
            o.insert(QStringLiteral("reason"), c.reason);
        if (!c.message.isEmpty())
            o.insert(QStringLiteral("message"), c.message);
        conditions.append(o);
    }
    QJsonObject s{{QStringLiteral("phase"), phase()},
                  {QStringLiteral("conditions"), conditions},
                  {QStringLiteral("hostIP"), m_placement.hostIP},
                  {QStringLiteral("hostIPs"), QJsonArray{QJsonObject{{QStringLiteral("ip"), m_placement.hostIP}}}},
                  {QStringLiteral("startTime"), formatKubeTime(m_created)}};
    if (m_sandboxReady && !m_placement.podIP.isEmpty()) {
        s.insert(QStringLiteral("podIP"), m_placement.podIP);
        s.insert(QStringLiteral("podIPs"), QJsonArray{QJsonObject{{QStringLiteral("ip"), m_placement.podIP}}});
    }
    auto statuses = [](const auto &list) {
        QJsonArray a;
        for (const auto &c : list)
            a.append(c->status());
        return a;
    };
    if (!m_init.empty())
        s.insert(QStringLiteral("initContainerStatuses"), statuses(m_init));
    s.insert(QStringLiteral("containerStatuses"), statuses(m_app));
    return s;
}

QList<PodEvent> PodSimulation::takeEvents()
{
    return std::exchange(m_context.events, {});
}

const ContainerSimulation *PodSimulation::container(const QString &name) const
{
    for (const auto *list : {&m_init, &m_app}) {
        for (const auto &c : *list) {
            if (c->name() == name)
                return c.get();
        }
    }
    return nullptr;
}

Expected<QString> PodSimulation::logs(const QString &name, const LogQuery &query) const
{
    const ContainerSimulation *c = container(name);
    if (!c)
        return Status::badRequest(QStringLiteral("container %1 is not valid for pod %2").arg(name, m_context.name));
    if (query.previous) {
        if (!c->previousLog())
            return Status::badRequest(QStringLiteral("previous terminated container \"%1\" in pod \"%2\" not found").arg(name, m_context.name));
        return c->previousLog()->read(query);
    }
    if (!c->hasEverRun())
        return Status::badRequest(QStringLiteral("container \"%1\" in pod \"%2\" is waiting to start: %3")
                                      .arg(name, m_context.name,
                                           c->status().value(QLatin1String("state")).toObject().value(QLatin1String("waiting")).toObject().value(QLatin1String("reason")).toString()));
    return c->log().read(query);
}

HttpResponse PodSimulation::http(int port, const QString &path, const QDateTime &now) const
{
    for (const auto &c : m_app) {
        HttpResponse r = c->http(port, path, now);
        if (r.status != 0)
            return r;
    }
    return {};
}

ResourceUsage PodSimulation::usage(const QString &name, const QDateTime &now, double requestsPerSecond) const
{
    const ContainerSimulation *c = container(name);
    return c ? c->usage(now, requestsPerSecond) : ResourceUsage{};
}

} // namespace kube::kubelet
