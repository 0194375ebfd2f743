#include "daemonsetstatus.h"

#include "daemonpods.h"

namespace kube {

QJsonObject calculateDaemonSetStatus(const DaemonSetInfo &ds, const QList<DaemonNode> &nodes, const NodeToDaemonPods &pods,
                                     const QString &hash, bool observeGeneration, const QDateTime &now)
{
    int desired = 0;
    int current = 0;
    int misscheduled = 0;
    int ready = 0;
    int available = 0;
    int updated = 0;
    for (const DaemonNode &node : nodes) {
        const bool shouldRun = nodeShouldRunDaemonPod(ds, node).shouldRun;
        QList<PodInfo> onNode = pods.value(node.name);
        if (!shouldRun) {
            if (!onNode.isEmpty())
                ++misscheduled;
            continue;
        }
        ++desired;
        if (onNode.isEmpty())
            continue;
        ++current;
        sortByCreationAndPhase(onNode);
        const PodInfo &oldest = onNode.first();
        if (oldest.ready) {
            ++ready;
            if (isPodAvailable(oldest, ds.minReadySeconds, now))
                ++available;
        }
        if (isPodUpdated(oldest.object, hash, ds.templateGeneration))
            ++updated;
    }

    QJsonObject status = ds.status;
    status.insert(u"desiredNumberScheduled", desired);
    status.insert(u"currentNumberScheduled", current);
    status.insert(u"numberMisscheduled", misscheduled);
    status.insert(u"numberReady", ready);
    const auto setOptional = [&status](const char *field, int value) {
        if (value != 0)
            status.insert(QLatin1StringView(field), value);
        else
            status.remove(QLatin1StringView(field));
    };
    setOptional("updatedNumberScheduled", updated);
    setOptional("numberAvailable", available);
    setOptional("numberUnavailable", desired - available);
    if (observeGeneration)
        status.insert(u"observedGeneration", double(ds.generation));
    return status;
}

} // namespace kube
