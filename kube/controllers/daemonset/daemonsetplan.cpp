#include "daemonsetplan.h"

#include "daemonpods.h"

#include "kube/controllers/history/controllerrevisions.h"

#include <QSet>

#include <algorithm>

namespace kube {

namespace {

bool hasHash(const PodInfo &pod, const QString &hash)
{
    return pod.object.labels().value(QString::fromLatin1(history::ControllerRevisionHashLabel)) == hash;
}

// podsShouldBeOnNode's shouldContinueRunning case: what happens to the pods already on a node
// where they may stay.
void planPodsThatMayStay(const DaemonSetInfo &ds, const QString &node, const QList<PodInfo> &onNode, bool shouldRun,
                         bool surge, const QString &hash, const QDateTime &now, ManagePlan &plan)
{
    QList<PodInfo> running;
    for (const PodInfo &pod : onNode) {
        if (pod.deleting)
            continue;
        if (pod.phase == u"Failed")
            plan.failedPods.append({node, pod.name});
        else if (pod.phase == u"Succeeded")
            plan.podsToDelete.append(pod.name);
        else
            running.append(pod);
    }
    if (!surge) {
        // One pod per node: the oldest stays. A failed pod is replaced once its deletion is seen.
        sortByCreationAndPhase(running);
        for (qsizetype i = 1; i < running.size(); ++i)
            plan.podsToDelete.append(running.at(i).name);
        return;
    }
    if (running.size() <= 1) {
        if (running.isEmpty() && shouldRun)
            plan.nodesNeedingPods.append(node);
        return;
    }
    // With surge, an old and a new pod may share the node while the new one is not yet
    // available; any further pod goes.
    sortByCreationAndPhase(running);
    const PodInfo *oldestNew = nullptr;
    const PodInfo *oldestOld = nullptr;
    for (const PodInfo &pod : std::as_const(running)) {
        const PodInfo **slot = hasHash(pod, hash) ? &oldestNew : &oldestOld;
        if (!*slot) {
            *slot = &pod;
            continue;
        }
        plan.podsToDelete.append(pod.name);
    }
    if (!oldestNew || !oldestOld)
        return;
    if (!oldestOld->ready || isPodAvailable(*oldestNew, ds.minReadySeconds, now))
        plan.podsToDelete.append(oldestOld->name);
}

void deleteAllButDeleting(const QList<PodInfo> &pods, QStringList &podsToDelete)
{
    for (const PodInfo &pod : pods) {
        if (!pod.deleting)
            podsToDelete.append(pod.name);
    }
}

struct UpdatedPods {
    const PodInfo *newPod = nullptr;
    const PodInfo *oldPod = nullptr;
    bool ok = true; // at most one of each
};

// findUpdatedPodsOnNode: pods being deleted are not counted.
UpdatedPods findUpdatedPodsOnNode(const DaemonSetInfo &ds, const QList<PodInfo> &pods, const QString &hash)
{
    UpdatedPods found;
    for (const PodInfo &pod : pods) {
        if (pod.deleting)
            continue;
        const PodInfo **slot = isPodUpdated(pod.object, hash, ds.templateGeneration) ? &found.newPod : &found.oldPod;
        if (*slot)
            return {nullptr, nullptr, false};
        *slot = &pod;
    }
    return found;
}

QStringList firstN(const QStringList &list, int n)
{
    return list.first(std::clamp<qsizetype>(n, 0, list.size()));
}

RollingPlan planWithoutSurge(const DaemonSetInfo &ds, const NodeToDaemonPods &pods, int maxUnavailable,
                             const QString &hash, const QDateTime &now)
{
    int numUnavailable = 0;
    QStringList allowedReplacements;
    QStringList candidates;
    for (auto it = pods.begin(); it != pods.end(); ++it) {
        const UpdatedPods found = findUpdatedPodsOnNode(ds, it.value(), hash);
        if (!found.ok || (!found.newPod) == (!found.oldPod)) {
            // Excess pods, nothing yet, or old and new together: manage sorts the node out.
            ++numUnavailable;
            continue;
        }
        if (found.newPod) {
            if (!isPodAvailable(*found.newPod, ds.minReadySeconds, now))
                ++numUnavailable;
            continue;
        }
        if (!isPodAvailable(*found.oldPod, ds.minReadySeconds, now)) {
            allowedReplacements.append(found.oldPod->name); // down anyway: replace it now
            ++numUnavailable;
            continue;
        }
        if (numUnavailable < maxUnavailable)
            candidates.append(found.oldPod->name);
    }
    return {allowedReplacements + firstN(candidates, maxUnavailable - numUnavailable), {}};
}

RollingPlan planWithSurge(const DaemonSetInfo &ds, const QHash<QString, DaemonNode> &nodes, const NodeToDaemonPods &pods,
                          int maxSurge, int desiredNumberScheduled, const QString &hash, const QDateTime &now)
{
    const auto shouldRun = [&](const QString &node) {
        const auto it = nodes.constFind(node);
        return it != nodes.constEnd() && nodeShouldRunDaemonPod(ds, *it).shouldRun;
    };
    RollingPlan plan;
    QStringList shouldNotRunPodsToDelete;
    QStringList candidateNewNodes;
    QStringList allowedNewNodes;
    int numSurge = 0;
    int numAvailable = 0;
    for (auto it = pods.begin(); it != pods.end(); ++it) {
        const QString &node = it.key();
        const UpdatedPods found = findUpdatedPodsOnNode(ds, it.value(), hash);
        if (!found.ok) {
            ++numSurge; // manage prunes the excess first
            continue;
        }
        const PodInfo *counted = found.oldPod ? found.oldPod : found.newPod;
        if (counted && isPodAvailable(*counted, ds.minReadySeconds, now))
            ++numAvailable;
        if (!found.oldPod)
            continue; // up to date or empty: manage handles it
        if (!found.newPod) {
            if (!isPodAvailable(*found.oldPod, ds.minReadySeconds, now)) {
                if (!shouldRun(node))
                    plan.podsToDelete.append(found.oldPod->name);
                else
                    allowedNewNodes.append(node);
                continue;
            }
            if (!shouldRun(node)) {
                shouldNotRunPodsToDelete.append(found.oldPod->name);
                continue;
            }
            if (numSurge < maxSurge)
                candidateNewNodes.append(node);
            continue;
        }
        // Surged already: the old pod goes once the new one is available.
        if (!isPodAvailable(*found.newPod, ds.minReadySeconds, now)) {
            ++numSurge;
            continue;
        }
        plan.podsToDelete.append(found.oldPod->name);
    }
    // Pods on nodes that no longer qualify go only while enough others are available elsewhere.
    plan.podsToDelete += firstN(shouldNotRunPodsToDelete, numAvailable - desiredNumberScheduled);
    plan.nodesToCreate = allowedNewNodes + firstN(candidateNewNodes, maxSurge - numSurge);
    return plan;
}

} // namespace

ManagePlan planManage(const DaemonSetInfo &ds, const QList<DaemonNode> &nodes, const NodeToDaemonPods &pods,
                      const QString &hash, const QDateTime &now)
{
    ManagePlan plan;
    const bool surge = allowsSurge(ds);
    QSet<QString> known;
    for (const DaemonNode &node : nodes) {
        known.insert(node.name);
        const NodeVerdict verdict = nodeShouldRunDaemonPod(ds, node);
        const QList<PodInfo> onNode = pods.value(node.name);
        if (verdict.shouldRun && onNode.isEmpty()) {
            plan.nodesNeedingPods.append(node.name);
            continue;
        }
        if (verdict.shouldContinueRunning) {
            planPodsThatMayStay(ds, node.name, onNode, verdict.shouldRun, surge, hash, now, plan);
            continue;
        }
        deleteAllButDeleting(onNode, plan.podsToDelete);
    }
    // There is no pod garbage collector in the embedded cluster: the pods of a deleted node
    // are ours to remove.
    for (auto it = pods.begin(); it != pods.end(); ++it) {
        if (!known.contains(it.key()))
            deleteAllButDeleting(it.value(), plan.podsToDelete);
    }
    return plan;
}

RollingPlan planRollingUpdate(const DaemonSetInfo &ds, const QList<DaemonNode> &nodes, const NodeToDaemonPods &pods,
                              const QString &hash, const QDateTime &now)
{
    // updatedDesiredNodeCounts: every node that should run a pod takes part, even without one.
    NodeToDaemonPods byNode = pods;
    QHash<QString, DaemonNode> nodesByName;
    int desired = 0;
    for (const DaemonNode &node : nodes) {
        nodesByName.insert(node.name, node);
        if (!nodeShouldRunDaemonPod(ds, node).shouldRun)
            continue;
        ++desired;
        if (!byNode.contains(node.name))
            byNode.insert(node.name, {});
    }
    const RollingBudget budget = rollingBudget(ds, desired);
    if (budget.maxSurge == 0)
        return planWithoutSurge(ds, byNode, budget.maxUnavailable, hash, now);
    return planWithSurge(ds, nodesByName, byNode, budget.maxSurge, desired, hash, now);
}

bool FailedPodBackoff::inBackoff(const QString &key, const QDateTime &now) const
{
    return remainingMs(key, now) > 0;
}

qint64 FailedPodBackoff::remainingMs(const QString &key, const QDateTime &now) const
{
    const auto it = m_entries.constFind(key);
    if (it == m_entries.constEnd())
        return 0;
    return std::max<qint64>(0, it->delayMs - it->lastUpdate.msecsTo(now));
}

void FailedPodBackoff::next(const QString &key, const QDateTime &now)
{
    auto it = m_entries.find(key);
    if (it == m_entries.end() || it->lastUpdate.msecsTo(now) > 2 * MaxMs) {
        m_entries.insert(key, Entry{InitialMs, now});
        return;
    }
    it->delayMs = std::min(it->delayMs * 2, MaxMs);
    it->lastUpdate = now;
}

void FailedPodBackoff::collect(const QDateTime &now)
{
    m_entries.removeIf([&now](const auto &entry) { return entry.value().lastUpdate.msecsTo(now) > 2 * MaxMs; });
}

} // namespace kube
