#pragma once
// The metrics.k8s.io/v1beta1 objects (NodeMetrics, PodMetrics) computed from live Pod and Node
// objects at one instant, as metrics-server would serve them after its last scrape: only
// Running pods bound to Ready nodes have metrics; a node's usage is the sum of its pods' plus
// the node's own system use. Values come from kubelet::containerUsage, so they are
// deterministic for (object, scrape time, seed) and smooth over time.
//
// Pure functions; any thread. Cost: one JSON parse of each pod and node passed in.

#include "kube/api/object.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>

#include <optional>

namespace kube {

namespace metrics {

inline constexpr auto Group = "metrics.k8s.io";
inline constexpr auto Version = "v1beta1";
inline constexpr auto GroupVersion = "metrics.k8s.io/v1beta1";
inline constexpr int ResolutionSeconds = 15; // metrics-server's default --metric-resolution
inline constexpr auto Window = "20s";

// The instant metrics are reported for: now rounded down to the resolution, so every request
// within one scrape period sees the same values.
QDateTime scrapeTime(const QDateTime &now);

// CPU as nanocores ("12345678n") and memory as KiB ("46080Ki"), as metrics-server prints them.
QString cpuText(qint64 nanocores);
QString memoryText(qint64 bytes);

struct Usage {
    qint64 cpuNanocores = 0;
    qint64 memoryBytes = 0;
};

// The names of the Ready nodes among nodes.
QStringList readyNodeNames(const QList<Object> &nodes);

// A PodMetrics for pod at scrape, or nullopt when the pod has none (not Running, not bound to
// one of readyNodes, being deleted, or no running container). usage, when given, receives
// the pod's total.
std::optional<QJsonObject> podMetrics(const Object &pod, const QStringList &readyNodes, const QDateTime &scrape,
                                      quint32 seed, Usage *usage = nullptr);

// A NodeMetrics for a Ready node given the total usage of its pods.
QJsonObject nodeMetrics(const Object &node, const Usage &podsUsage, const QDateTime &scrape, quint32 seed);

} // namespace metrics

} // namespace kube
