#pragma once
// ClockFloor: keeps the embedded cluster's clock from running backwards across restarts.
//
// Under --speed N the cluster's clock runs ahead of real time, and every object it stamps
// (creationTimestamp, conditions, Leases, a CronJob's lastScheduleTime) is ahead with it. If the
// next start went back to real time, those stamps would lie in the future: ages would be
// negative, and a CronJob would wait until real time caught up before it ran again. So the
// cluster writes its clock's reading to <dataDir>/clock now and then (every 2 real seconds when
// sped up, every minute otherwise, and when it stops), and the next start begins its clock at
// max(real time, that reading).
//
// Thread affinity: none (plain functions over one small file). Cost: one tiny file write.

#include <QDateTime>
#include <QString>

#include <optional>

namespace kube {

namespace ClockFloor {

// "<dataDir>/clock".
QString path(const QString &dataDir);
// The reading saved there; nullopt when the file is missing or not a time.
std::optional<QDateTime> read(const QString &dataDir);
// Saves now as the reading (atomically: a torn write never leaves a bad file). False on error.
bool write(const QString &dataDir, const QDateTime &now);
// Where the cluster's clock should start: real now, or the saved reading when that is later.
QDateTime startFor(const QString &dataDir, const QDateTime &realNow);

} // namespace ClockFloor

} // namespace kube
