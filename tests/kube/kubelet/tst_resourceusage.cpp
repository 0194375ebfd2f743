// kubelet::containerUsage: the simulated CPU/memory of a container — bounded by limits,
// deterministic for the same inputs and seed, smooth over time, growing with traffic and
// following the image profile's baseline.
#include "kube/kubelet/imagereference.h"
#include "kube/kubelet/resourceusage.h"
#include "kube/kubelet/simulationdata.h"

#include <QTest>

#include <cmath>

using namespace kube::kubelet;

namespace {

const ImageProfile *profile(const QString &image)
{
    return SimulationData::builtin().findImage(ImageReference::parse(image));
}

ContainerUsageInput nginx(qint64 now = 1'800'000'000)
{
    ContainerUsageInput in;
    in.key = u"default/web-1/nginx"_qs;
    in.profile = profile(u"nginx:1.25"_qs);
    in.ageSeconds = 600;
    in.nowSeconds = now;
    return in;
}

} // namespace

class tst_ResourceUsage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void profileIsFound()
    {
        QVERIFY(profile(u"nginx:1.25"_qs));
        QVERIFY(profile(u"mysql:8"_qs));
    }

    void deterministicForSameInputs()
    {
        const ContainerUsage a = containerUsage(nginx());
        const ContainerUsage b = containerUsage(nginx());
        QCOMPARE(a.cpuNanocores, b.cpuNanocores);
        QCOMPARE(a.memoryBytes, b.memoryBytes);
        ContainerUsageInput other = nginx();
        other.seed = 2;
        ContainerUsageInput otherPod = nginx();
        otherPod.key = u"default/web-2/nginx"_qs;
        // Another seed or another pod wanders differently.
        QVERIFY(containerUsage(other).cpuNanocores != a.cpuNanocores);
        QVERIFY(containerUsage(otherPod).cpuNanocores != a.cpuNanocores);
    }

    void followsImageBaseline()
    {
        const ContainerUsage web = containerUsage(nginx());
        ContainerUsageInput db = nginx();
        db.profile = profile(u"mysql:8"_qs);
        const ContainerUsage mysql = containerUsage(db);
        // nginx idles near 1m / 8Mi, mysql near 8m / 360Mi.
        QVERIFY2(web.memoryBytes > 6 * 1024 * 1024 && web.memoryBytes < 12 * 1024 * 1024, qPrintable(QString::number(web.memoryBytes)));
        QVERIFY(mysql.memoryBytes > 300ll * 1024 * 1024);
        QVERIFY(mysql.cpuNanocores > web.cpuNanocores);
    }

    void unknownImageUsesRequests()
    {
        ContainerUsageInput in = nginx();
        in.profile = nullptr;
        in.cpuRequestMilli = 500;
        in.memoryRequestBytes = 256ll * 1024 * 1024;
        const ContainerUsage u = containerUsage(in);
        QVERIFY(u.cpuNanocores > 50'000'000 && u.cpuNanocores < 250'000'000); // ~100m of 500m
        QVERIFY(u.memoryBytes > 64ll * 1024 * 1024 && u.memoryBytes < 256ll * 1024 * 1024);
    }

    void limitsBoundUsage()
    {
        ContainerUsageInput in = nginx();
        in.requestsPerSecond = 10000; // far beyond what 50m can serve
        in.cpuLimitMilli = 50;
        in.memoryLimitBytes = 16ll * 1024 * 1024;
        for (qint64 t = 0; t < 3600; t += 7) {
            in.nowSeconds = 1'800'000'000 + t;
            const ContainerUsage u = containerUsage(in);
            QVERIFY(u.cpuNanocores <= 50'000'000);
            QVERIFY(u.memoryBytes < 16ll * 1024 * 1024);
        }
        in.nowSeconds = 1'800'000'000;
        QCOMPARE(containerUsage(in).cpuNanocores, 50'000'000); // throttled at the limit
    }

    void growsWithTraffic()
    {
        ContainerUsageInput idle = nginx();
        ContainerUsageInput busy = nginx();
        busy.requestsPerSecond = 200;
        const ContainerUsage a = containerUsage(idle);
        const ContainerUsage b = containerUsage(busy);
        QVERIFY2(b.cpuNanocores > a.cpuNanocores + 30'000'000, qPrintable(u"%1 vs %2"_qs.arg(a.cpuNanocores).arg(b.cpuNanocores)));
        QVERIFY(b.memoryBytes > a.memoryBytes);
    }

    void startupCostsMoreCpuThenSettles()
    {
        ContainerUsageInput young = nginx();
        young.ageSeconds = 1;
        ContainerUsageInput old = nginx();
        old.ageSeconds = 3600;
        QVERIFY(containerUsage(young).cpuNanocores > containerUsage(old).cpuNanocores * 2);
        QVERIFY(containerUsage(young).memoryBytes < containerUsage(old).memoryBytes);
    }

    void smoothOverTime()
    {
        // Consecutive seconds never jump: the noise is interpolated between 30 s anchors.
        double previous = smoothNoise(u"k"_qs, 1, 0);
        double lo = 1, hi = -1;
        for (int t = 1; t < 600; ++t) {
            const double v = smoothNoise(u"k"_qs, 1, t);
            QVERIFY(v >= -1 && v <= 1);
            QVERIFY2(std::abs(v - previous) < 0.2, qPrintable(u"t=%1"_qs.arg(t)));
            previous = v;
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
        QVERIFY(hi - lo > 0.3); // and it does move
    }

    void nodeSystemUsageIsModest()
    {
        const ContainerUsage n = nodeSystemUsage(u"node-1"_qs, 1'800'000'000, 1);
        QVERIFY(n.cpuNanocores > 20'000'000 && n.cpuNanocores < 80'000'000);
        QVERIFY(n.memoryBytes > 300ll * 1024 * 1024 && n.memoryBytes < 600ll * 1024 * 1024);
    }
};

QTEST_GUILESS_MAIN(tst_ResourceUsage)
#include "tst_resourceusage.moc"
