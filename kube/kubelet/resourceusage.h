#pragma once
// ResourceUsage: the simulated CPU and memory use of one running container, as metrics-server
// would report it. A pure function of the container's image profile (its idle baseline), its
// requests and limits, how long it has run, the HTTP traffic it serves and the cluster's seed.
// Values are deterministic for the same inputs, smooth over time (noise is interpolated between
// 30-second anchors, never a jump), grow with traffic, and never exceed a limit (CPU is
// throttled at its limit; memory stays just under it, since the simulation does not OOM-kill).
//
// Pure functions; any thread. Cost: a few hashes and floating-point operations per call.

#include <QString>
#include <QtGlobal>

#include <optional>

namespace kube::kubelet {

struct ImageProfile;

struct ContainerUsageInput {
    QString key;                       // stable identity, e.g. "<namespace>/<pod>/<container>"
    const ImageProfile *profile = nullptr; // nullptr: an image the catalogue does not know
    std::optional<qint64> cpuRequestMilli, cpuLimitMilli;
    std::optional<qint64> memoryRequestBytes, memoryLimitBytes;
    double ageSeconds = 0;             // since the container started; clamped at 0
    double requestsPerSecond = 0;      // HTTP requests the service proxy sends it
    qint64 nowSeconds = 0;             // wall-clock seconds (Unix), for the smooth noise
    quint32 seed = 1;                  // the cluster's seed
};

struct ContainerUsage {
    qint64 cpuNanocores = 0;
    qint64 memoryBytes = 0;
};

ContainerUsage containerUsage(const ContainerUsageInput &input);

// A node's own use (kubelet, container runtime, system daemons) before any pod's: a few tens
// of millicores and a few hundred MiB, deterministic per node name and time.
ContainerUsage nodeSystemUsage(const QString &nodeName, qint64 nowSeconds, quint32 seed);

// Smooth deterministic noise in [-1, 1] for key at time t (seconds): cosine interpolation
// between hashed anchors every `periodSeconds`. Exposed for tests.
double smoothNoise(const QString &key, quint32 seed, double t, double periodSeconds = 30);

} // namespace kube::kubelet
