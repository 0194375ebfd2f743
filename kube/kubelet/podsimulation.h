#pragma once
// PodSimulation: what the simulated kubelet does for one pod bound to its node, as a pure state
// machine over virtual time. The driver (informers, status writes, events, logs endpoint) owns
// one per pod: it constructs it from the pod object, feeds spec changes and deletion, calls
// advance(now) when nextWakeUp() is due (one timer per pod, no polling), then writes status()
// and records takeEvents().
//
// Order: sandbox (PodReadyToStartContainers) → init containers one by one → app containers in
// parallel; conditions and phase as upstream computes them.
//
// Thread affinity: none; use from one thread (the driver's). Not copyable.
// Ownership: shares the node's NodeImageCache; borrows SimulationData (builtin() by default,
// which lives for the process). Cost: advance() is O(transitions due × containers).

#include "containersimulation.h"
#include "simulationdata.h"

#include "kube/api/object.h"

#include <QHash>
#include <QJsonObject>

#include <memory>
#include <vector>

namespace kube::kubelet {

struct PodPlacement {
    QString nodeName;
    QString hostIP;
    QString podIP;
};

class PodSimulation
{
public:
    PodSimulation(const Object &pod, PodPlacement placement, std::shared_ptr<NodeImageCache> images,
                  const QDateTime &now, const SimulationData &data = SimulationData::builtin());
    ~PodSimulation();
    PodSimulation(const PodSimulation &) = delete;
    PodSimulation &operator=(const PodSimulation &) = delete;

    // A newer version of the pod: container image changes restart those containers.
    void updateSpec(const Object &pod, const QDateTime &now);
    // Graceful deletion: containers get SIGTERM, then SIGKILL after the grace period
    // (nullopt: spec.terminationGracePeriodSeconds, else the data's default).
    void requestDeletion(const QDateTime &now, std::optional<qint64> gracePeriodSeconds = std::nullopt);
    bool isDeletionRequested() const { return m_deletionRequested; }
    // Every container stopped and none will restart: the driver may finish the deletion.
    bool isFinished() const;

    // Performs every transition due at or before now, in time order.
    void advance(const QDateTime &now);
    // When the next transition is due; nullopt when nothing will happen without input.
    std::optional<QDateTime> nextWakeUp() const;

    // status as upstream's PodStatus: phase, conditions, hostIP(s), podIP(s), startTime,
    // initContainerStatuses, containerStatuses.
    QJsonObject status() const;
    QString phase() const;
    // Events since the last call, oldest first.
    QList<PodEvent> takeEvents();

    // `kubectl logs`: 400 BadRequest with upstream's wording for an unknown container or a
    // missing previous instance.
    Expected<QString> logs(const QString &container, const LogQuery &query) const;
    // A request to the pod IP on port: the first container whose image serves HTTP there.
    HttpResponse http(int port, const QString &path, const QDateTime &now) const;
    ResourceUsage usage(const QString &container, const QDateTime &now, double requestsPerSecond = 0) const;

    const ContainerSimulation *container(const QString &name) const;
    QString name() const { return m_context.name; }

private:
    void step(const QDateTime &t);
    void orchestrate(const QDateTime &t);
    void refreshConditions(const QDateTime &t);

    PodContext m_context;
    PodPlacement m_placement;
    QDateTime m_created;
    bool m_sandboxReady = false;
    bool m_deletionRequested = false;
    std::vector<std::unique_ptr<ContainerSimulation>> m_init;
    std::vector<std::unique_ptr<ContainerSimulation>> m_app;
    struct Condition { QString status, reason, message; QDateTime since; };
    QHash<QString, Condition> m_conditions;
};

} // namespace kube::kubelet
