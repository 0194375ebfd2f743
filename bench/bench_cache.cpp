// bench_cache: the informer cache's figures on this machine — 10k realistic (~4.3 KB) pods listed
// as the server's JSON pages, decoded (kube/client's list decoder, as RestListWatch does) and
// taken through the Reflector into a SharedInformer's indexed store (time to synced, heap bytes per
// cached pod measured with mallinfo2), and a storm of 100k modifications applied and delivered
// to one handler in batches (events/s, deliveries). Prints a Markdown table.
//
//   build/bench/bench_cache [--pods N] [--storm N] [--relists N]
#include "realisticpod.h"

#include "kube/cache/sharedinformer.h"
#include "kube/client/listdecoder.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QTimer>

#include <malloc.h>
#include <sys/resource.h>

#include <cstdio>
#include <ctime>

using namespace kube;

namespace {

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// Minor page faults of the process so far: the pages it touched for the first time.
long minorFaults()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_minflt;
}

// Resident bytes of the process (/proc/self/statm): what has been touched and is still mapped.
qint64 residentBytes()
{
    long pages = 0, resident = 0;
    if (FILE *f = std::fopen("/proc/self/statm", "re")) {
        if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2)
            resident = 0;
        std::fclose(f);
    }
    return qint64(resident) * 4096;
}

size_t heapInUse()
{
    const struct mallinfo2 info = mallinfo2();
    return info.uordblks + info.hblkhd;
}

// Emits the events it is given in chunks, one chunk per event-loop turn, as a network would.
class BenchWatch final : public WatchConnection
{
public:
    std::function<QList<WatchEvent>(int chunk)> nextChunk; // empty list: done
    void begin()
    {
        QTimer::singleShot(0, this, [this] { emitChunk(); });
    }
    void stop() override { m_stopped = true; }

private:
    void emitChunk()
    {
        if (m_stopped || !nextChunk)
            return;
        const QList<WatchEvent> events = nextChunk(m_chunk++);
        if (events.isEmpty())
            return;
        Q_EMIT eventsReceived(events);
        QTimer::singleShot(0, this, [this] { emitChunk(); });
    }
    int m_chunk = 0;
    bool m_stopped = false;
};

// The body of one list page as the API server sends it (PodList, minified).
QByteArray pageBody(const std::vector<Object> &objects, qsizetype offset, qsizetype limit)
{
    const qsizetype end = std::min<qsizetype>(qsizetype(objects.size()), offset + limit);
    QByteArray body = R"({"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"1000000")";
    if (end < qsizetype(objects.size()))
        body += R"(,"continue":")" + QByteArray::number(end) + '"';
    body += R"(},"items":[)";
    for (qsizetype i = offset; i < end; ++i) {
        if (i > offset)
            body += ',';
        body += objects[size_t(i)].json();
    }
    body += "]}";
    return body;
}

// Serves one list from encoded page bodies, decoded as RestListWatch does (simdjson, managedFields
// dropped in the decoder's buffer); watches stay open and silent until the benchmark scripts them.
class BenchListWatch final : public ListWatch
{
public:
    BenchListWatch(const std::vector<Object> &objects, const QHash<qsizetype, QByteArray> &bodies) : m_objects(objects), m_bodies(bodies) {}
    void list(const ListRequest &request, std::function<void(Expected<ListPage>)> done) override
    {
        const qsizetype offset = request.continueToken.toLongLong();
        const QByteArray body = request.limit == kPageSize && m_bodies.contains(offset) ? m_bodies.value(offset)
                                                                                       : pageBody(m_objects, offset, request.limit);
        Expected<ListPage> page = decodeListPage(body, Object::ManagedFields::Drop);
        QTimer::singleShot(0, [done = std::move(done), page = std::move(page)] { done(page); });
    }
    static constexpr qsizetype kPageSize = 500;
    std::unique_ptr<WatchConnection> watch(const WatchRequest &) override
    {
        auto connection = std::make_unique<BenchWatch>();
        lastWatch = connection.get();
        return connection;
    }
    QString describe() const override { return u"bench pods"_qs; }
    BenchWatch *lastWatch = nullptr;

private:
    const std::vector<Object> &m_objects;
    const QHash<qsizetype, QByteArray> &m_bodies;
};

int intArg(const QStringList &args, const QString &name, int fallback)
{
    const qsizetype i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args[i + 1].toInt() : fallback;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int podCount = intArg(args, u"--pods"_qs, 10'000);
    const int stormSize = intArg(args, u"--storm"_qs, 100'000);
    constexpr int chunkSize = 500;

    std::vector<Object> pods;
    pods.reserve(size_t(podCount));
    qint64 rawBytes = 0;
    for (int i = 0; i < podCount; ++i) {
        pods.push_back(bench::realisticPod(i).withResourceVersion(QString::number(1000 + i)));
        rawBytes += pods.back().byteSize();
    }
    const qint64 slimBytes = dropManagedFields(pods.front()).byteSize();
    QHash<qsizetype, QByteArray> bodies; // what the server would send, made before timing
    for (qsizetype offset = 0; offset < podCount; offset += BenchListWatch::kPageSize)
        bodies.insert(offset, pageBody(pods, offset, BenchListWatch::kPageSize));

    // --- list: 10k pods decoded and taken through the Reflector into the indexed store ---
    struct Listed {
        std::unique_ptr<SharedInformer> informer;
        BenchListWatch *listWatch = nullptr;
        double wallMs = 0;
        double cpuMs = 0;
    };
    auto listIntoInformer = [&] {
        Listed out;
        SharedInformerOptions options;
        options.reflector.seed = 1;
        QElapsedTimer timer;
        timer.start();
        const double cpuBefore = threadCpuMs();
        auto lw = std::make_unique<BenchListWatch>(pods, bodies);
        out.listWatch = lw.get();
        out.informer = std::make_unique<SharedInformer>(std::move(lw), options);
        bool synced = false;
        QObject::connect(out.informer.get(), &SharedInformer::synced, [&] { synced = true; });
        out.informer->start();
        while (!synced)
            QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
        out.wallMs = double(timer.nsecsElapsed()) / 1e6;
        out.cpuMs = threadCpuMs() - cpuBefore;
        QCoreApplication::processEvents();
        return out;
    };
    // Cold: the process's first use of that much memory (every page of the heap faulted in).
    const size_t heapBefore = heapInUse();
    const long faultsBefore = minorFaults();
    const qint64 residentBefore = residentBytes();
    Listed cold = listIntoInformer();
    const long coldFaults = minorFaults() - faultsBefore;
    const double coldResidentMb = double(residentBytes() - residentBefore) / (1 << 20);
    const size_t heapAfter = heapInUse();
    const double syncMs = cold.wallMs;
    const double syncCpuMs = cold.cpuMs;
    cold.informer.reset();

    // The decoder's share: every page body into Objects, nothing else.
    double decodeCpuMs = 0;
    double decodedBytesPerPod = 0; // the decoded Objects alone (no store, no indexes)
    {
        std::vector<ListPage> decoded;
        decoded.reserve(size_t(bodies.size()));
        const size_t heapBeforeDecode = heapInUse();
        const double before = threadCpuMs();
        for (auto it = bodies.cbegin(); it != bodies.cend(); ++it)
            decoded.push_back(decodeListPage(it.value(), Object::ManagedFields::Drop).value());
        decodeCpuMs = threadCpuMs() - before;
        decodedBytesPerPod = double(qint64(heapInUse()) - qint64(heapBeforeDecode)) / podCount;
    }

    // Warm: the same list again into a new informer, the heap already grown (a relist, or a
    // console that has held that much before).
    Listed warm = listIntoInformer();
    // --relists N: N more warm lists (for profiling the warm path; the figure stays the first).
    for (int i = 0, n = intArg(args, u"--relists"_qs, 0); i < n; ++i)
        listIntoInformer();
    auto &informer = warm.informer;
    BenchListWatch *listWatch = warm.listWatch;
    const double bytesPerPod = double(qint64(heapAfter) - qint64(heapBefore)) / podCount;

    // --- storm: modifications in chunks of 500, applied, transformed, indexed and delivered ---
    qint64 generationNs = 0;
    {
        // The cost of making the events (the decoder's share), measured alone to subtract.
        QElapsedTimer g;
        g.start();
        for (int i = 0; i < stormSize; ++i) {
            const Object o = pods[size_t(i % podCount)].withResourceVersion(QString::number(2'000'000 + i));
            Q_UNUSED(o);
        }
        generationNs = g.nsecsElapsed();
    }
    qint64 delivered = 0;
    int deliveries = 0;
    QObject consumer;
    informer->addBatchHandler(&consumer, [&](const InformerEventBatch &batch) {
        delivered += batch.size();
        ++deliveries;
    });
    QCoreApplication::processEvents(); // deliver the late handler's initial snapshot
    delivered = 0;
    deliveries = 0;
    BenchWatch *watch = listWatch->lastWatch;
    if (!watch) {
        std::fprintf(stderr, "no watch opened\n");
        return 1;
    }
    watch->nextChunk = [&](int chunk) {
        QList<WatchEvent> events;
        const int first = chunk * chunkSize;
        for (int i = first; i < std::min(stormSize, first + chunkSize); ++i) {
            const Object o = pods[size_t(i % podCount)].withResourceVersion(QString::number(2'000'000 + i));
            events.append({WatchEvent::Type::Modified, o, {}});
        }
        return events;
    };
    QElapsedTimer timer;
    timer.start();
    watch->begin();
    while (delivered < stormSize)
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    const qint64 stormNs = timer.nsecsElapsed();
    const double perSecond = double(stormSize) / (double(stormNs) / 1e9);
    const double perSecondNet = double(stormSize) / (double(stormNs - generationNs) / 1e9);

    std::printf("pod JSON: %.0f bytes on average (minified), %lld bytes after dropping managedFields\n\n",
                double(rawBytes) / podCount, static_cast<long long>(slimBytes));
    std::printf("| figure | result |\n|---|---|\n");
    std::printf("| list and decode %d pods (pages of 500 as JSON bodies) to synced, cold heap | %.1f ms wall, %.1f ms CPU |\n", podCount, syncMs, syncCpuMs);
    std::printf("| same, warm heap (a relist) | %.1f ms wall, %.1f ms CPU |\n", warm.wallMs, warm.cpuMs);
    std::printf("| … of which decoding the pages alone (simdjson, managedFields dropped) | %.1f ms CPU |\n", decodeCpuMs);
    std::printf("| heap per cached pod (mallinfo2, store + indexes) | %.0f bytes |\n", bytesPerPod);
    std::printf("| … of which the decoded objects alone (a second decode, parser buffers already held) | %.0f bytes |\n", decodedBytesPerPod);
    std::printf("| minor page faults of the cold list (pages first touched) | %ld (resident +%.1f MiB) |\n", coldFaults, coldResidentMb);
    std::printf("| storm of %d modifications, applied and delivered | %.0f events/s (%.0f ms) |\n", stormSize, perSecond, double(stormNs) / 1e6);
    std::printf("| same, without making the events (decoder's share) | %.0f events/s |\n", perSecondNet);
    std::printf("| handler deliveries for the storm (%d chunks) | %d |\n", (stormSize + chunkSize - 1) / chunkSize, deliveries);
    informer.reset();
    return 0;
}
