// The scheduler's decisions: pending realistic pods (~4.3 KB, two containers requesting 100m and
// 128Mi each, one ReplicaSet owner) scheduled one after another over 10 nodes, each decision
// assumed in the cache so the next sees it — what the scheduling loop does before binding.
// Prints pods/s and total ms for 1,000 and 10,000 pods; the time includes parsing each pod.
#include "realisticpod.h"

#include "kube/scheduler/scheduler.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>

#include <cstdio>

using namespace kube;
using namespace kube::scheduler;

namespace {

constexpr int NodeCount = 10;

Object node(int index)
{
    // Room for 10,000 pods over 10 nodes: 1,000 pods × (200m, 256Mi) each.
    const QJsonObject allocatable{{u"cpu"_qs, u"256"_qs}, {u"memory"_qs, u"512Gi"_qs}, {u"pods"_qs, u"1500"_qs},
                                  {u"ephemeral-storage"_qs, u"500Gi"_qs}};
    const QString name = u"node-%1"_qs.arg(index);
    return Object::fromJson(QJsonObject{
        {u"apiVersion"_qs, u"v1"_qs}, {u"kind"_qs, u"Node"_qs},
        {u"metadata"_qs, QJsonObject{{u"name"_qs, name}, {u"labels"_qs, QJsonObject{{u"kubernetes.io/hostname"_qs, name}}}}},
        {u"spec"_qs, QJsonObject{}},
        {u"status"_qs, QJsonObject{{u"allocatable"_qs, allocatable}, {u"capacity"_qs, allocatable},
                                  {u"conditions"_qs, QJsonArray{QJsonObject{{u"type"_qs, u"Ready"_qs}, {u"status"_qs, u"True"_qs}}}}}},
    });
}

// The realistic pod as the scheduler first sees it: not yet bound, no status.
Object pendingPod(int index)
{
    QJsonObject pod = bench::realisticPod(index).toJson();
    QJsonObject spec = pod.value(u"spec").toObject();
    spec.remove(u"nodeName"_qs);
    pod.insert(u"spec"_qs, spec);
    pod.insert(u"status"_qs, QJsonObject{{u"phase"_qs, u"Pending"_qs}});
    return Object::fromJson(pod);
}

void run(int podCount)
{
    QList<Object> pods;
    pods.reserve(podCount);
    for (int i = 0; i < podCount; ++i)
        pods.append(pendingPod(i));

    SchedulerCache cache;
    for (int i = 0; i < NodeCount; ++i)
        cache.addNode(node(i));
    Scheduler scheduler(&cache, 42);

    QElapsedTimer timer;
    timer.start();
    int failures = 0;
    for (const Object &pod : std::as_const(pods)) {
        if (!scheduler.scheduleAndAssume(pod).isScheduled())
            ++failures;
    }
    const qint64 ns = timer.nsecsElapsed();

    int fewest = podCount;
    int most = 0;
    for (const NodeInfo *n : cache.nodes()) {
        fewest = std::min(fewest, int(n->podCount()));
        most = std::max(most, int(n->podCount()));
    }
    const double ms = double(ns) / 1e6;
    std::printf("schedule %5d pods over %d nodes: %8.1f ms total, %9.0f pods/s, %6.1f us/pod "
                "(unscheduled %d, per node %d..%d)\n",
                podCount, NodeCount, ms, podCount / (ms / 1000.0), ms * 1000.0 / podCount, failures, fewest, most);

    // The share of that spent parsing the pods (PodInfo::fromObject), for scale.
    timer.restart();
    qint64 sink = 0;
    for (const Object &pod : std::as_const(pods))
        sink += PodInfo::fromObject(pod)->requests.milliCpu;
    const double parseMs = double(timer.nsecsElapsed()) / 1e6;
    std::printf("  of which parsing the pods alone:   %8.1f ms (checksum %lld)\n", parseMs, static_cast<long long>(sink));
}

} // namespace

int main()
{
    run(1000);
    run(10000);
    return 0;
}
