// bench_store: the store's figures on this machine — durable creates/s with one writer and with
// 8 concurrent writers, a list of 10k realistic (~4 KB) pods, and the delay from a write's
// acknowledgement to each of 100 watchers being notified. Prints a Markdown table.
//
//   build/bench/bench_store [--quick] [--creates-only] [--coalesce-us N] [--checkpoint-frames N]
//   (docs/benchmarks.md records the results; --coalesce-us 0 turns group-commit coalescing off)
//   TIMONEL_STORE_TIMING=1 in the environment: each store prints, when closed, its batches'
//   mean size and mean time per phase (plan, insert, commit+fsync, apply, after) to stderr.
#include "realisticpod.h"

#include "kube/store/store.h"
#include "kube/store/storekey.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

using namespace kube;
using bench::realisticPod;
using Clock = std::chrono::steady_clock;

namespace {

QByteArray podKey(int index)
{
    return StoreKey::make({}, u"pods"_qs, u"default"_qs, u"web-%1"_qs.arg(index, 6, 10, QChar(u'0')));
}

std::unique_ptr<Store> openStore(const QString &dir, const StoreOptions &options = {})
{
    Expected<std::unique_ptr<Store>> store = Store::open(dir, options);
    if (!store) {
        std::fprintf(stderr, "cannot open the store: %s\n", qPrintable(store.error().message()));
        std::exit(1);
    }
    return std::move(store).value();
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(p / 100.0 * double(v.size())))];
}

// Creates `perWriter` pods from each of `writers` threads; returns creates per second.
double durableCreates(Store &store, int writers, int perWriter, const std::vector<Object> &pods, int firstIndex)
{
    std::vector<std::thread> threads;
    std::atomic<int> failures = 0;
    QElapsedTimer timer;
    timer.start();
    for (int w = 0; w < writers; ++w) {
        threads.emplace_back([&, w] {
            for (int i = 0; i < perWriter; ++i) {
                const int index = firstIndex + w * perWriter + i;
                if (!store.create(podKey(index), pods[size_t(index) % pods.size()]))
                    ++failures;
            }
        });
    }
    for (std::thread &t : threads)
        t.join();
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (failures)
        std::fprintf(stderr, "%d creates failed\n", failures.load());
    return writers * perWriter / seconds;
}

// The ceiling at this moment: raw SQLite (same settings, same pod bytes, no store around it),
// `rowsPerCommit` rows per transaction. The disk of a shared machine varies minute to minute, so
// the store's figures are only meaningful next to this one.
double rawSqliteRowsPerSecond(const QString &path, int rowsPerCommit, int commits, const QByteArray &value)
{
    sqlite3 *db = nullptr;
    sqlite3_open(QFile::encodeName(path).constData(), &db);
    sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
                     "CREATE TABLE log(rev INTEGER PRIMARY KEY, key BLOB, value BLOB, created INTEGER, deleted INTEGER, prev_rev INTEGER);"
                     "CREATE INDEX log_key_rev ON log(key, rev);", nullptr, nullptr, nullptr);
    sqlite3_stmt *insert = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO log VALUES (?1, ?2, ?3, ?1, 0, 0)", -1, &insert, nullptr);
    QElapsedTimer timer;
    timer.start();
    qint64 rev = 0;
    for (int c = 0; c < commits; ++c) {
        sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
        for (int r = 0; r < rowsPerCommit; ++r) {
            const QByteArray key = podKey(int(++rev));
            sqlite3_bind_int64(insert, 1, rev);
            sqlite3_bind_blob(insert, 2, key.constData(), int(key.size()), SQLITE_TRANSIENT);
            sqlite3_bind_blob(insert, 3, value.constData(), int(value.size()), SQLITE_STATIC);
            sqlite3_step(insert);
            sqlite3_reset(insert);
        }
        sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    sqlite3_finalize(insert);
    sqlite3_close(db);
    return double(rev) / seconds;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bool quick = app.arguments().contains(u"--quick"_qs);
    StoreOptions tuned;
    if (const qsizetype at = app.arguments().indexOf(u"--checkpoint-frames"_qs); at > 0)
        tuned.busyCheckpointFrames = app.arguments().value(at + 1).toInt();
    if (const qsizetype at = app.arguments().indexOf(u"--coalesce-us"_qs); at > 0)
        tuned.coalesceWindowMicros = app.arguments().value(at + 1).toInt();
    QTemporaryDir tmp;
    std::vector<Object> pods;
    for (int i = 0; i < 512; ++i)
        pods.push_back(realisticPod(i));
    qint64 bytes = 0;
    for (const Object &p : pods)
        bytes += p.byteSize();
    std::printf("pod JSON: %.0f bytes on average (minified)\n\n", double(bytes) / double(pods.size()));
    std::printf("| figure | result | target |\n|---|---|---|\n");

    // 1. Durable creates, one writer, then 8 concurrent writers (fresh stores), each next to the
    // raw SQLite ceiling measured just before.
    {
        const double raw = rawSqliteRowsPerSecond(tmp.filePath(u"raw1.db"_qs), 1, quick ? 500 : 2000, pods[0].json());
        std::printf("| raw SQLite ceiling now: 1 row per commit | %.0f /s (%.3f ms per fsync'd commit) | (context) |\n", raw, 1000.0 / raw);
        const double raw8 = rawSqliteRowsPerSecond(tmp.filePath(u"raw8.db"_qs), 8, quick ? 250 : 1000, pods[0].json());
        std::printf("| raw SQLite ceiling now: 8 rows per commit | %.0f /s | (context) |\n", raw8);
    }
    {
        auto store = openStore(tmp.filePath(u"one"_qs), tuned);
        const int n = quick ? 1000 : 5000;
        const double rate = durableCreates(*store, 1, n, pods, 0);
        std::printf("| durable creates/s, 1 writer (%d pods) | %.0f /s (%.3f ms each) | >= 2,000 /s |\n", n, rate, 1000.0 / rate);
    }
    {
        auto store = openStore(tmp.filePath(u"eight"_qs), tuned);
        const int n = quick ? 500 : 2500;
        const double rate = durableCreates(*store, 8, n, pods, 0);
        std::printf("| durable creates/s, 8 writers (%d pods) | %.0f /s | >= 10,000 /s |\n", 8 * n, rate);
    }
    {
        // More concurrency than the target's 8, still one outstanding write per thread: how far
        // group commit goes when more callers share each fsync.
        auto store = openStore(tmp.filePath(u"thirtytwo"_qs), tuned);
        const int n = quick ? 125 : 625;
        const double rate = durableCreates(*store, 32, n, pods, 0);
        std::printf("| durable creates/s, 32 writers (%d pods) | %.0f /s | (context) |\n", 32 * n, rate);
    }

    if (app.arguments().contains(u"--creates-only"_qs))
        return 0;

    // 2. List 10k pods from memory (and one page pinned to a past revision, from SQLite).
    auto store = openStore(tmp.filePath(u"list"_qs));
    durableCreates(*store, 8, 1250, pods, 0);
    const QByteArray prefix = StoreKey::prefix({}, u"pods"_qs);
    {
        std::vector<double> ms;
        qsizetype items = 0;
        for (int i = 0; i < 20; ++i) {
            QElapsedTimer t;
            t.start();
            Expected<ListResult> list = store->list(prefix);
            ms.push_back(double(t.nsecsElapsed()) / 1e6);
            items = list->items.size();
        }
        std::printf("| list %lld pods (all, latest) | %.2f ms median, %.2f ms max | <= 50 ms |\n", qint64(items),
                    percentile(ms, 50), percentile(ms, 100));
        const qint64 pinned = store->currentRevision();
        store->create(podKey(999999), pods[0]); // the list revision is now in the past
        ListOptions options;
        options.revision = pinned;
        options.limit = 500;
        std::vector<double> pageMs;
        for (int i = 0; i < 5; ++i) {
            QElapsedTimer t;
            t.start();
            store->list(prefix, options);
            pageMs.push_back(double(t.nsecsElapsed()) / 1e6);
        }
        options.limit = 0;
        QElapsedTimer t;
        t.start();
        Expected<ListResult> all = store->list(prefix, options);
        const double allMs = double(t.nsecsElapsed()) / 1e6;
        std::printf("| list at a past revision (SQLite): page of 500 / all %lld | %.1f ms / %.0f ms | (no target) |\n",
                    qint64(all->items.size()), percentile(pageMs, 50), allMs);
    }

    // 3. Watch fan-out: 100 watchers, events at a steady rate; delay from the writer's
    // acknowledgement (update() returned) to each watcher's notify.
    {
        constexpr int watchers = 100;
        const int events = quick ? 300 : 1000;
        std::vector<Clock::time_point> called(size_t(events) + 1);
        std::vector<Clock::time_point> acked(size_t(events) + 1);
        std::vector<std::vector<Clock::time_point>> seen(watchers, std::vector<Clock::time_point>(size_t(events) + 1));
        std::vector<std::shared_ptr<Watcher>> handles;
        const qint64 base = store->currentRevision();
        const QByteArray key = podKey(0);
        for (int w = 0; w < watchers; ++w) {
            auto slot = std::make_shared<std::shared_ptr<Watcher>>();
            WatchOptions options;
            options.notify = [slot, &seen, w, base] {
                const auto now = Clock::now();
                for (const StoreEvent &e : (*slot)->takeEvents())
                    seen[size_t(w)][size_t(e.revision - base)] = now;
            };
            Expected<std::shared_ptr<Watcher>> watcher = store->watch(key, 0, options);
            *slot = *watcher;
            handles.push_back(*watcher);
        }
        for (int i = 1; i <= events; ++i) {
            const auto start = Clock::now();
            Expected<Object> r = store->update(key, pods[size_t(i) % pods.size()]);
            called[size_t(r->resourceVersion().toLongLong() - base)] = start;
            acked[size_t(r->resourceVersion().toLongLong() - base)] = Clock::now();
            std::this_thread::sleep_for(std::chrono::milliseconds(2)); // a steady 400–500 events/s
        }
        store->create(podKey(999998), pods[1]); // every dispatch has run
        // From the write's call (so the durable commit is included), and from its acknowledgement
        // (0 when the watcher had it before the caller was back from update()).
        for (const auto *from : {&called, &acked}) {
            std::vector<double> all;
            std::vector<double> last;
            for (int i = 1; i <= events; ++i) {
                double slowest = 0;
                for (int w = 0; w < watchers; ++w) {
                    const double ms = std::max(0.0, std::chrono::duration<double, std::milli>(seen[size_t(w)][size_t(i)] - (*from)[size_t(i)]).count());
                    all.push_back(ms);
                    slowest = std::max(slowest, ms);
                }
                last.push_back(slowest);
            }
            std::printf("| watch fan-out, %d watchers x %d events: %s -> notify | p50 %.3f ms, p99 %.3f ms; last watcher p99 %.3f ms | p99 <= 5 ms |\n",
                        watchers, events, from == &called ? "update() called" : "ack", percentile(all, 50), percentile(all, 99),
                        percentile(last, 99));
        }
    }
    return 0;
}
