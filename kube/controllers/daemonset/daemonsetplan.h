#pragma once
// The decisions of one DaemonSet sync (upstream pkg/controller/daemon): which nodes need a daemon
// pod and which pods must go (manage / podsShouldBeOnNode), and which old pods a RollingUpdate
// replaces now (update.go rollingUpdate) within maxUnavailable — deleting old pods first — or
// within maxSurge — starting the new pod beside the old one and deleting the old one once the
// new one is available. Failed daemon pods are deleted and recreated; FailedPodBackoff paces that
// per node (1 s doubling to 15 min) so a pod the node keeps rejecting does not hot-loop.
//
// Pure functions over the controller's view; any thread. The controller writes the result and
// waits for the informers to bring the next step.

#include "daemonsetinfo.h"

#include "kube/controllers/podinfo.h"

#include <QDateTime>
#include <QHash>
#include <QMap>
#include <QStringList>

namespace kube {

// The daemon pods of one set by the node they are meant for (targetNodeName), sorted by node
// name so plans are deterministic. Pods both finished and being deleted are left out.
using NodeToDaemonPods = QMap<QString, QList<PodInfo>>;

struct FailedDaemonPod {
    QString node;
    QString name;
};

struct ManagePlan {
    QStringList nodesNeedingPods;
    QStringList podsToDelete;
    // Failed pods to delete and replace, subject to FailedPodBackoff (FailedDaemonPod events).
    QList<FailedDaemonPod> failedPods;
};

// manage: a pod on every node that should run one; none on nodes that must not (pods meant for
// nodes that no longer exist go too); finished pods replaced; one pod per node — or, with surge,
// an old and a new one until the new one is available.
ManagePlan planManage(const DaemonSetInfo &ds, const QList<DaemonNode> &nodes, const NodeToDaemonPods &pods,
                      const QString &hash, const QDateTime &now);

struct RollingPlan {
    QStringList podsToDelete;
    QStringList nodesToCreate; // surge only: the new pod next to the old one
};

// rollingUpdate: without surge, deletes old pods (unavailable ones at once, available ones while
// fewer than maxUnavailable nodes are unavailable) and lets manage create their replacements;
// with surge, creates new pods beside old ones (at most maxSurge not yet available) and deletes
// each old pod once its replacement is available.
RollingPlan planRollingUpdate(const DaemonSetInfo &ds, const QList<DaemonNode> &nodes, const NodeToDaemonPods &pods,
                              const QString &hash, const QDateTime &now);

// flowcontrol.Backoff as the DaemonSet controller uses it for failed pods, keyed per set and node.
class FailedPodBackoff
{
public:
    static constexpr qint64 InitialMs = 1000;
    static constexpr qint64 MaxMs = 15 * 60 * 1000;

    // Within the delay set by the last next() of key.
    bool inBackoff(const QString &key, const QDateTime &now) const;
    // What is left of key's delay at now (0 when none).
    qint64 remainingMs(const QString &key, const QDateTime &now) const;
    // A failure now: the delay starts at 1 s, doubles on each failure, and starts over after a
    // quiet period of twice the maximum.
    void next(const QString &key, const QDateTime &now);
    // Drops entries quiet for twice the maximum.
    void collect(const QDateTime &now);

private:
    struct Entry {
        qint64 delayMs = 0;
        QDateTime lastUpdate;
    };
    QHash<QString, Entry> m_entries;
};

} // namespace kube
