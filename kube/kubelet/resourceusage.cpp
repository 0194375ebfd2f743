#include "resourceusage.h"

#include "imageprofile.h"

#include <QHashFunctions>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace kube::kubelet {

namespace {

// A uniform value in [-1, 1] fixed by (key, seed, anchor): splitmix64 over a string hash, so it
// is the same in every process and run (qHash is not seeded here).
double anchorValue(const QString &key, quint32 seed, qint64 anchor)
{
    quint64 h = 1469598103934665603ull; // FNV-1a over the UTF-16 units
    for (QChar c : key) {
        h ^= c.unicode();
        h *= 1099511628211ull;
    }
    quint64 z = h ^ (quint64(seed) << 32) ^ quint64(anchor) * 0x9E3779B97F4A7C15ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    return double(z >> 11) / double(1ull << 53) * 2.0 - 1.0;
}

constexpr double MiB = 1024.0 * 1024.0;

// Per request per second: CPU a small web server spends on one request (~0.25 ms) and the
// memory its buffers and connection state hold (~24 KiB).
constexpr double CpuMilliPerRps = 0.25;
constexpr double MemoryBytesPerRps = 24.0 * 1024.0;

} // namespace

double smoothNoise(const QString &key, quint32 seed, double t, double periodSeconds)
{
    const double position = t / periodSeconds;
    const double anchor = std::floor(position);
    const double fraction = position - anchor;
    const double a = anchorValue(key, seed, qint64(anchor));
    const double b = anchorValue(key, seed, qint64(anchor) + 1);
    const double w = (1.0 - std::cos(fraction * std::numbers::pi)) / 2.0;
    return a * (1.0 - w) + b * w;
}

ContainerUsage containerUsage(const ContainerUsageInput &input)
{
    const double age = std::max(0.0, input.ageSeconds);
    const double rps = std::max(0.0, input.requestsPerSecond);
    const double now = double(input.nowSeconds);

    // The idle baseline: the image's, or for an unknown image a modest share of what the pod
    // asked for (people request roughly what they expect to use), else a small default.
    double cpuMilli = 1;
    double memory = 6 * MiB;
    if (input.profile) {
        cpuMilli = std::max<double>(0.2, double(input.profile->cpuMillicores));
        memory = std::max<double>(0.5 * MiB, double(input.profile->memoryBytes));
    } else {
        if (input.cpuRequestMilli)
            cpuMilli = std::max(1.0, double(*input.cpuRequestMilli) * 0.2);
        if (input.memoryRequestBytes)
            memory = std::max(2 * MiB, double(*input.memoryRequestBytes) * 0.35);
    }

    // Start-up costs extra CPU that fades over the first half minute; memory fills caches and
    // heaps over the first minutes and levels off about 15% above the start.
    cpuMilli *= 1.0 + 2.0 * std::exp(-age / 10.0);
    memory *= 1.0 + 0.15 * (1.0 - std::exp(-age / 240.0));

    // Traffic.
    cpuMilli += rps * CpuMilliPerRps;
    memory += rps * MemoryBytesPerRps;

    // Wander: ±20% CPU, ±3% memory, on separate noise streams.
    cpuMilli *= 1.0 + 0.2 * smoothNoise(input.key + u"/cpu"_qs, input.seed, now);
    memory *= 1.0 + 0.03 * smoothNoise(input.key + u"/memory"_qs, input.seed, now, 60);

    if (input.cpuLimitMilli && *input.cpuLimitMilli > 0)
        cpuMilli = std::min(cpuMilli, double(*input.cpuLimitMilli)); // CFS throttling
    if (input.memoryLimitBytes && *input.memoryLimitBytes > 0)
        memory = std::min(memory, double(*input.memoryLimitBytes) * 0.97);

    ContainerUsage usage;
    usage.cpuNanocores = std::max<qint64>(qint64(cpuMilli * 1e6), 100000); // at least 0.1m
    usage.memoryBytes = std::max<qint64>(qint64(memory), 256 * 1024);
    return usage;
}

ContainerUsage nodeSystemUsage(const QString &nodeName, qint64 nowSeconds, quint32 seed)
{
    const QString key = u"node/"_qs + nodeName;
    const double cpuMilli = 45.0 * (1.0 + 0.25 * smoothNoise(key + u"/cpu"_qs, seed, double(nowSeconds)));
    const double memory = 420.0 * MiB * (1.0 + 0.02 * smoothNoise(key + u"/memory"_qs, seed, double(nowSeconds), 60));
    return {qint64(cpuMilli * 1e6), qint64(memory)};
}

} // namespace kube::kubelet
