#include "traffictally.h"

#include <algorithm>

namespace timonel {

QList<QString> TrafficTally::groups() const
{
    QList<QString> names = byGroup.keys();
    std::sort(names.begin(), names.end());
    return names;
}

void TrafficTally::recordAnswer(const QString &pod, const QString &group)
{
    ++answered;
    ++byPod[pod];
    ++byGroup[group];
}

void TrafficTally::recordFailure(const QString &reason)
{
    ++failed;
    ++failures[reason];
    lastFailure = reason;
}

} // namespace timonel
