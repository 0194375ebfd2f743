#pragma once
// Resources: the scheduler's view of a resource list (a pod's requests, a node's allocatable, the
// sum of requests on a node) as plain integers — milli-CPU, bytes, an allowed pod count and the
// scalar resources (extended resources such as example.com/gpu, hugepages-*) — so filters and
// scores compare numbers instead of Quantities, as upstream's framework.Resource does.
//
// Plain value type; usable from any thread. Arithmetic is linear in the number of scalars
// (usually none).

#include <QJsonObject>
#include <QList>
#include <QString>

#include <utility>

namespace kube::scheduler {

struct Resources {
    qint64 milliCpu = 0;
    qint64 memory = 0;           // bytes
    qint64 ephemeralStorage = 0; // bytes
    qint64 pods = 0;             // allowed pod number; only meaningful for allocatable
    QList<std::pair<QString, qint64>> scalars; // sorted by name, names unique

    qint64 scalar(QStringView name) const;
    void setScalar(const QString &name, qint64 value);
    // No cpu, memory, ephemeral-storage or non-zero scalar: upstream's "requests nothing".
    bool isZero() const;

    Resources &operator+=(const Resources &other);
    Resources &operator-=(const Resources &other);
    // Per resource, the larger of this and other (init containers against app containers).
    void setMax(const Resources &other);
    friend bool operator==(const Resources &, const Resources &) = default;

    // A core/v1 ResourceList ({"cpu":"500m","memory":"1Gi",…}). Unparseable quantities count as
    // zero: the API server has validated them already.
    static Resources fromResourceList(const QJsonObject &list);
};

} // namespace kube::scheduler
