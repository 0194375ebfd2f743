#pragma once
// DeliveryWorkflow: what the canary and blue-green workflows share — a NamespaceWatch over the
// target's namespace, a PlanExecutor that applies one PlanStep at a time, and measured traffic:
// after a step leaves the Service on new pods, a short probe (kProbeRequests requests, repeated
// until none fails) makes sure every pod listens before the step counts as done; measure() runs
// the TrafficGenerator and tallies answers per version label.
//
// Measurement is offered only on the embedded cluster and for a Service with a node port
// (measurementUnavailable() says why not otherwise); steps still run everywhere.
//
// GUI thread. Ownership: owns the watch, the executor and the generators.

#include "models/plannedchange.h"
#include "models/traffictally.h"
#include "models/workloadreadiness.h"

#include "kube/api/object.h"
#include "kube/api/status.h"

#include <QObject>
#include <QPointer>

#include <functional>

namespace timonel {

class ClusterSession;
class NamespaceWatch;
class PlanExecutor;
class TrafficGenerator;

class DeliveryWorkflow : public QObject
{
    Q_OBJECT
public:
    static constexpr int kProbeRequests = 40;
    static constexpr int kProbeAttempts = 60;

    DeliveryWorkflow(ClusterSession *session, const QString &namespace_, const QString &serviceName, bool embeddedCluster,
                     QObject *parent = nullptr);
    ~DeliveryWorkflow() override;

    QString namespace_() const { return m_namespace; }
    QString serviceName() const { return m_serviceName; }
    NamespaceWatch *watch() const { return m_watch; }
    PlanExecutor *executor() const { return m_executor; }
    TrafficGenerator *generator() const { return m_generator; }
    bool isBusy() const { return m_busy; }

    // Empty when traffic can be measured now; else why not (translated).
    QString measurementUnavailable() const;
    // Sends requests through the Service's node port; measured() follows. False (and nothing
    // sent) when measurement is unavailable.
    bool measure(int requests);
    void stopMeasuring();
    const TrafficTally &measurement() const;

    // Health of the named Deployments (in order), from the caches.
    QList<WorkloadHealth> health(const QStringList &deployments) const;

Q_SIGNALS:
    void busyChanged(bool busy);
    // A line for the wizard's status ("Waiting for…", "Start the canary: done").
    void progress(const QString &text);
    void stepFinished(const QString &title, const kube::Status &status);
    // Something the monitor shows changed (Deployments, pods, endpoints).
    void liveChanged();
    void measurementProgressed(int completed, int requested);
    void measured();

protected:
    // Runs step; afterwards (success) probes the Service until every pod answers, then calls done.
    void runStep(const PlanStep &step, std::function<void(const kube::Status &)> done);

private:
    void probe(int attempt, std::function<void(const kube::Status &)> done, const QString &title);
    void finishStep(const QString &title, const kube::Status &status, const std::function<void(const kube::Status &)> &done);
    QString versionOf(const QString &pod) const;

    QPointer<ClusterSession> m_session;
    QString m_namespace;
    QString m_serviceName;
    bool m_embedded;
    bool m_busy = false;
    NamespaceWatch *m_watch;
    PlanExecutor *m_executor;
    TrafficGenerator *m_generator;
    TrafficGenerator *m_prober;
};

} // namespace timonel
