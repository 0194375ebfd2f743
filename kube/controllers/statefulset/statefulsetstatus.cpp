#include "statefulsetstatus.h"

#include <algorithm>

namespace kube::statefulset {

QJsonObject statefulSetStatus(const QJsonObject &oldStatus, const QList<MemberState> &members, const StatusInput &input)
{
    int replicas = 0;
    int ready = 0;
    int available = 0;
    int current = 0;
    int updated = 0;
    for (const MemberState &m : members) {
        ++replicas;
        if (m.runningAndReady) {
            ++ready;
            if (m.available)
                ++available;
        }
        if (m.terminating)
            continue;
        if (m.revision == input.currentRevision)
            ++current;
        if (m.revision == input.updateRevision)
            ++updated;
    }
    QString currentRevision = input.currentRevision;
    if (input.rollingUpdate)
        current = std::max(0, current - input.updateDeletions);
    // completeRollingUpdate
    if (input.rollingUpdate && updated == replicas && ready == replicas) {
        current = updated;
        currentRevision = input.updateRevision;
    }

    QJsonObject status{
        {u"observedGeneration"_qs, double(input.generation)},
        {u"replicas"_qs, replicas},
        {u"availableReplicas"_qs, available},
        {u"currentRevision"_qs, currentRevision},
        {u"updateRevision"_qs, input.updateRevision},
        {u"collisionCount"_qs, input.collisionCount},
    };
    // omitempty fields, as the API writes them
    if (ready)
        status.insert(u"readyReplicas", ready);
    if (current)
        status.insert(u"currentReplicas", current);
    if (updated)
        status.insert(u"updatedReplicas", updated);
    if (oldStatus.contains(u"conditions"))
        status.insert(u"conditions", oldStatus.value(u"conditions"));
    return status;
}

} // namespace kube::statefulset
