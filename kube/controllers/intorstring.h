#pragma once
// IntOrString: the intstr.IntOrString fields of apps/v1 (maxSurge, maxUnavailable) and their
// scaling against a replica count, with upstream's rounding (surge rounds up, unavailable down).
// Plain functions; any thread.

#include "kube/api/expected.h"

class QJsonValue;

namespace kube {

enum class Rounding { Down, Up };

// GetScaledValueFromIntOrPercent: an integer as it is; "25%" of total, rounded as asked.
// A missing value (undefined/null) gives fallback. Other strings are 422-style errors naming the
// value ("invalid value for IntOrString: invalid type: string is not a percentage").
Expected<int> scaledIntOrPercent(const QJsonValue &value, int total, Rounding rounding, int fallback = 0);

} // namespace kube
