#include "podinfo.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace kube {

namespace {

int phaseRank(const QString &phase)
{
    if (phase.isEmpty() || phase == u"Pending")
        return 0;
    if (phase == u"Unknown")
        return 1;
    return 2; // Running
}

} // namespace

PodInfo PodInfo::from(const Object &pod)
{
    PodInfo info;
    info.object = pod;
    info.name = pod.name();
    info.created = QDateTime::fromString(pod.creationTimestamp(), Qt::ISODate);
    info.deleting = pod.isBeingDeleted();
    const QJsonObject json = pod.toJson();
    info.nodeName = json.value(u"spec").toObject().value(u"nodeName").toString();
    const QJsonObject status = json.value(u"status").toObject();
    info.phase = status.value(u"phase").toString();
    for (const auto &c : status.value(u"conditions").toArray()) {
        const QJsonObject condition = c.toObject();
        if (condition.value(u"type").toString() != u"Ready")
            continue;
        info.ready = condition.value(u"status").toString() == u"True";
        info.readySince = QDateTime::fromString(condition.value(u"lastTransitionTime").toString(), Qt::ISODate);
    }
    for (const auto &s : status.value(u"containerStatuses").toArray())
        info.restarts += s.toObject().value(u"restartCount").toInt();
    return info;
}

bool isPodActive(const PodInfo &pod)
{
    return pod.phase != u"Succeeded" && pod.phase != u"Failed" && !pod.deleting;
}

bool isPodAvailable(const PodInfo &pod, int minReadySeconds, const QDateTime &now)
{
    if (!pod.ready)
        return false;
    if (minReadySeconds <= 0)
        return true;
    return pod.readySince.isValid() && pod.readySince.addSecs(minReadySeconds) <= now;
}

void sortForDeletion(QList<PodInfo> &pods)
{
    std::stable_sort(pods.begin(), pods.end(), [](const PodInfo &a, const PodInfo &b) {
        if (a.nodeName.isEmpty() != b.nodeName.isEmpty())
            return a.nodeName.isEmpty();
        if (phaseRank(a.phase) != phaseRank(b.phase))
            return phaseRank(a.phase) < phaseRank(b.phase);
        if (a.ready != b.ready)
            return !a.ready;
        if (a.ready && b.ready && a.readySince != b.readySince)
            return a.readySince > b.readySince; // ready for less time goes first
        if (a.restarts != b.restarts)
            return a.restarts > b.restarts;
        if (a.created != b.created)
            return a.created > b.created; // newer goes first
        return a.name < b.name;
    });
}

} // namespace kube
