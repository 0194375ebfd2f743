#include "deliveryworkflow.h"

#include "clustersession.h"
#include "namespacewatch.h"
#include "planexecutor.h"
#include "trafficgenerator.h"

#include <QCoreApplication>
#include <QTimer>

namespace timonel {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(timonel::DeliveryWorkflow)
};

constexpr int kProbeRetryMs = 250;

} // namespace

DeliveryWorkflow::DeliveryWorkflow(ClusterSession *session, const QString &namespace_, const QString &serviceName,
                                   bool embeddedCluster, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_namespace(namespace_)
    , m_serviceName(serviceName)
    , m_embedded(embeddedCluster)
    , m_watch(new NamespaceWatch(session, namespace_, this))
    , m_executor(new PlanExecutor(m_watch, this))
    , m_generator(new TrafficGenerator(this))
    , m_prober(new TrafficGenerator(this))
{
    const auto classify = [this](const QString &pod) { return versionOf(pod); };
    m_generator->setClassifier(classify);
    m_prober->setClassifier(classify);
    connect(m_watch, &NamespaceWatch::changed, this, &DeliveryWorkflow::liveChanged);
    connect(m_executor, &PlanExecutor::changeStarted, this, [this](int, const QString &summary) { Q_EMIT progress(summary); });
    connect(m_executor, &PlanExecutor::waiting, this, &DeliveryWorkflow::progress);
    connect(m_generator, &TrafficGenerator::progressed, this, &DeliveryWorkflow::measurementProgressed);
    connect(m_generator, &TrafficGenerator::finished, this, &DeliveryWorkflow::measured);
}

DeliveryWorkflow::~DeliveryWorkflow() = default;

QString DeliveryWorkflow::versionOf(const QString &pod) const
{
    const kube::Object object = m_watch->pod(pod);
    if (object.isNull())
        return Tr::tr("(unknown pod)");
    const QString version = object.labels().value(kVersionLabel);
    return version.isEmpty() ? Tr::tr("(no version label)") : version;
}

QString DeliveryWorkflow::measurementUnavailable() const
{
    return TrafficGenerator::unavailableReason(m_watch->service(m_serviceName), m_embedded);
}

bool DeliveryWorkflow::measure(int requests)
{
    if (!measurementUnavailable().isEmpty())
        return false;
    const std::optional<int> port = TrafficGenerator::nodePort(m_watch->service(m_serviceName));
    TrafficGenerator::Options options;
    options.requests = requests;
    m_generator->start(*port, options);
    return true;
}

void DeliveryWorkflow::stopMeasuring()
{
    m_generator->stop();
}

const TrafficTally &DeliveryWorkflow::measurement() const
{
    return m_generator->tally();
}

QList<WorkloadHealth> DeliveryWorkflow::health(const QStringList &deployments) const
{
    QList<WorkloadHealth> list;
    const QList<kube::Object> pods = m_watch->pods();
    for (const QString &name : deployments) {
        WorkloadHealth h = workloadHealth(m_watch->deployment(name), pods);
        h.deployment = name;
        list.append(h);
    }
    return list;
}

void DeliveryWorkflow::runStep(const PlanStep &step, std::function<void(const kube::Status &)> done)
{
    if (m_busy)
        return done(kube::Status(409, QStringLiteral("Conflict"), Tr::tr("another step is still running")));
    m_busy = true;
    Q_EMIT busyChanged(true);
    Q_EMIT progress(step.title);
    const QString title = step.title;
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(m_executor, &PlanExecutor::finished, this, [this, connection, title, done](const kube::Status &status) {
        disconnect(*connection);
        if (!status.isSuccess() || !measurementUnavailable().isEmpty())
            return finishStep(title, status, done);
        Q_EMIT progress(Tr::tr("Checking that every pod answers"));
        probe(0, done, title);
    });
    m_executor->run(step, m_serviceName);
}

void DeliveryWorkflow::probe(int attempt, std::function<void(const kube::Status &)> done, const QString &title)
{
    const std::optional<int> port = TrafficGenerator::nodePort(m_watch->service(m_serviceName));
    if (!port)
        return finishStep(title, kube::Status(), done);
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(m_prober, &TrafficGenerator::finished, this, [this, connection, attempt, done, title] {
        disconnect(*connection);
        const TrafficTally &tally = m_prober->tally();
        if (tally.failed == 0 && tally.answered == kProbeRequests)
            return finishStep(title, kube::Status(), done);
        if (attempt + 1 >= kProbeAttempts) {
            return finishStep(title, kube::Status(503, QStringLiteral("ServiceUnavailable"),
                                                  Tr::tr("Service %1 still fails requests: %2").arg(m_serviceName, tally.lastFailure)),
                              done);
        }
        QTimer::singleShot(kProbeRetryMs, this, [this, attempt, done, title] { probe(attempt + 1, done, title); });
    });
    TrafficGenerator::Options options;
    options.requests = kProbeRequests;
    m_prober->start(*port, options);
}

void DeliveryWorkflow::finishStep(const QString &title, const kube::Status &status, const std::function<void(const kube::Status &)> &done)
{
    m_busy = false;
    Q_EMIT busyChanged(false);
    Q_EMIT progress(status.isSuccess() ? Tr::tr("%1: done").arg(title) : Tr::tr("%1 failed: %2").arg(title, status.message()));
    Q_EMIT stepFinished(title, status);
    done(status);
}

} // namespace timonel
