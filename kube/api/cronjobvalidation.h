#pragma once
// The CronJob spec rules kube-apiserver checks that the type registry cannot express (upstream
// pkg/apis/batch/validation ValidateCronJobSpec): the schedule parses (robfig's message as the
// detail), no TZ=/CRON_TZ= in a new schedule (an update may keep one it already had, but not
// together with spec.timeZone), timeZone an IANA name the tz database knows, and the
// non-negative counts. Field paths and messages as upstream writes them, e.g.
//   spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61
//   spec.timeZone: Invalid value: "Europe/Pariss": unknown time zone Europe/Pariss
//
// Pure function over JSON; any thread.

#include "kube/api/status.h"

#include <QJsonObject>
#include <QList>

namespace kube {

// oldSpec: the stored CronJob's spec on update, null on create.
QList<StatusCause> validateCronJobSpec(const QJsonObject &spec, const QJsonObject *oldSpec);

} // namespace kube
