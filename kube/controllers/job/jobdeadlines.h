#pragma once
// A Job's two clocks (upstream job_controller.go pastActiveDeadline and
// pkg/controller/ttlafterfinished): spec.activeDeadlineSeconds ends a running Job as Failed with
// reason DeadlineExceeded ("Job was active longer than specified deadline") once that long has
// passed since status.startTime; spec.ttlSecondsAfterFinished deletes a finished Job (and, in
// the foreground, its pods) that long after its Complete or Failed condition turned True.
// The controller re-queues the Job for the instant each one falls due instead of polling.
//
// Pure functions over the Job's JSON; any thread.

#include <QDateTime>
#include <QJsonObject>

#include <optional>

namespace kube {

// When the Job's active deadline passes; nullopt without a deadline or a start time.
std::optional<QDateTime> activeDeadline(const QJsonObject &spec, const QJsonObject &status);

// jobFinishTime: lastTransitionTime of the Complete or Failed condition that is True; invalid
// when the Job has not finished.
QDateTime jobFinishTime(const QJsonObject &status);

// When a finished Job with ttlSecondsAfterFinished expires; nullopt when it has no TTL or has
// not finished.
std::optional<QDateTime> ttlExpiry(const QJsonObject &spec, const QJsonObject &status);

} // namespace kube
