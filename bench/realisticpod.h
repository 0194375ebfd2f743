#pragma once
// The benchmarks' realistic pod: what a real cluster stores for a Deployment's pod — labels,
// annotations, owner reference, two containers, status with container statuses, two
// managedFields entries. About 4.3 KB of minified JSON. Shared by bench_store and bench_cluster.
#include "kube/api/object.h"

#include <QString>

namespace bench {

// The pod's name for index: "web-7d9f8b6c5-<5 base-36 digits>", unique for index < 36^5.
QString podName(int index);
// The pod `index` in namespace ns.
kube::Object realisticPod(int index, const QString &ns = QStringLiteral("default"));

} // namespace bench
