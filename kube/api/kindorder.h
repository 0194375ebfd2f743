#pragma once
// The order in which the API serves its groups, versions and kinds: the order of discovery,
// which kubectl's RESTMapper and category expansion follow (first match wins).
//
// Pure functions, any thread; each comparison is a scan of a ~20-entry table and a few string
// reads.

#include "kindinfo.h"

#include <QString>

namespace kube {

// Group priority as kube-apiserver publishes it (the aggregator's priority table); groups not
// in that table (custom ones) come after, alphabetically.
bool groupBefore(const QString &a, const QString &b);
// Kubernetes version preference: GA (v2 before v1), then beta, then alpha, newer first; strings
// that are not Kubernetes versions last, by name.
bool versionBefore(const QString &a, const QString &b);
// Group priority, then preferred version first; equal within a group-version, so a stable sort
// keeps the order the kinds were added in.
bool kindBefore(const KindInfoPtr &a, const KindInfoPtr &b);

} // namespace kube
