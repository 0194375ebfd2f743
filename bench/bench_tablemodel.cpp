// bench_tablemodel: the console's pod table on this machine — 10,000 realistic pods (20
// namespaces, varied names, statuses, restarts and labels; managedFields dropped as the
// informer does) through ResourceTableModel and ResourceFilterModel with a QTableView shown
// offscreen:
//   (a) one batch of 10k Added to rows available and the first 50 rows read;
//   (b) filter keystrokes ("web-1" then "web-12"), a label selector, a sort by each column;
//   (c) 1,000 updates/s (a batch of 16 Updated every 16 ms) for 20 s while a 5 ms timer
//       measures how late the event loop runs it (p50/p99/max);
//   (d) resident memory (VmRSS) before and after the pods are in the model.
// Prints a Markdown table with each figure's target.
//
//   build/bench/bench_tablemodel [--pods N] [--seconds S]
#include "realisticpod.h"

#include "models/modelroles.h"
#include "models/resourcefiltermodel.h"
#include "models/resourcetablemodel.h"

#include "kube/api/typeregistry.h"
#include "kube/cache/objecttransform.h"
#include "kube/printers/tableprinter.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QTableView>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace timonel;

namespace {

double residentMegabytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

// Wall-clock and this thread's CPU time: on a shared machine the CPU figure is the one that
// does not depend on what else runs.
struct Stopwatch {
    QElapsedTimer wall;
    double cpuStart = 0;
    static double cpuNow()
    {
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
    }
    void start()
    {
        wall.start();
        cpuStart = cpuNow();
    }
    double wallMs() const { return double(wall.nsecsElapsed()) / 1e6; }
    double cpuMs() const { return cpuNow() - cpuStart; }
};

struct Timing {
    double wall = 0, cpu = 0;             // the model call
    double viewWall = 0, viewCpu = 0;     // plus the view's reaction (processEvents)
};

const char *verdict(double value, double target)
{
    return value <= target ? "ok" : "MISSED";
}

const QStringList prefixes{QStringLiteral("web"), QStringLiteral("api"), QStringLiteral("worker"), QStringLiteral("db")};

// Pod i, variant v: names "web-<i>", namespaces ns-0..19, every 10th pod crash-looping with
// restarts, every 25th pending, labels app=<prefix>, tier=frontend|db.
kube::Object makePod(int i, int variant)
{
    QJsonObject pod = bench::realisticPod(i, QStringLiteral("ns-%1").arg(i % 20)).toJson();
    QJsonObject metadata = pod.value(u"metadata").toObject();
    const QString prefix = prefixes.at(i % prefixes.size());
    metadata.insert(u"name", QStringLiteral("%1-%2").arg(prefix).arg(i));
    metadata.insert(u"resourceVersion", QString::number(1000 + variant));
    metadata.insert(u"creationTimestamp", QDateTime::currentDateTimeUtc().addSecs(-(i % 5000) * 7).toString(Qt::ISODate));
    QJsonObject labels = metadata.value(u"labels").toObject();
    labels.insert(u"app", prefix);
    labels.insert(u"tier", i % 3 == 0 ? QStringLiteral("db") : QStringLiteral("frontend"));
    metadata.insert(u"labels", labels);
    pod.insert(u"metadata", metadata);

    QJsonObject status = pod.value(u"status").toObject();
    QJsonArray containers = status.value(u"containerStatuses").toArray();
    QJsonObject first = containers.at(0).toObject();
    const int restarts = (i % 7) + variant * 3;
    first.insert(u"restartCount", restarts);
    if (restarts > 0)
        first.insert(u"lastState", QJsonObject{{u"terminated"_qs, QJsonObject{{u"exitCode"_qs, 1},
                                                                              {u"finishedAt"_qs, QDateTime::currentDateTimeUtc().addSecs(-300).toString(Qt::ISODate)}}}});
    if (i % 10 == 0 || variant % 4 == 3) {
        first.insert(u"ready", false);
        first.insert(u"state", QJsonObject{{u"waiting"_qs, QJsonObject{{u"reason"_qs, u"CrashLoopBackOff"_qs}}}});
    }
    containers[0] = first;
    status.insert(u"containerStatuses", containers);
    if (i % 25 == 0)
        status.insert(u"phase", u"Pending"_qs);
    pod.insert(u"status", status);
    return kube::dropManagedFields(kube::Object::fromJson(pod));
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[size_t(std::min<double>(double(values.size() - 1), p * double(values.size())))];
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", qEnvironmentVariable("QT_QPA_PLATFORM", QStringLiteral("offscreen")).toUtf8());
    QApplication app(argc, argv);
    int podCount = 10000;
    int seconds = 20;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == u"--pods")
            podCount = args[i + 1].toInt();
        else if (args[i] == u"--seconds")
            seconds = args[i + 1].toInt();
    }

    const kube::KindInfoPtr podKind = kube::TypeRegistry::builtin().kind({QString(), u"v1"_qs, u"Pod"_qs});
    const double rssStart = residentMegabytes();

    // The informer's side (not timed): the objects and the Added batch.
    kube::InformerEventBatch initial;
    initial.reserve(podCount);
    for (int i = 0; i < podCount; ++i)
        initial.append({kube::InformerEvent::Type::Added, makePod(i, 0), {}, kube::DeleteState::Observed});
    initial.append({kube::InformerEvent::Type::Synced, {}, {}, kube::DeleteState::Observed});
    const int updatePods = std::min(podCount, 2000);
    std::vector<kube::Object> variants; // [pod * 2 + v]: alternate between two states
    for (int i = 0; i < updatePods; ++i) {
        variants.push_back(makePod(i, 1));
        variants.push_back(makePod(i, 2));
    }
    const double rssObjects = residentMegabytes();

    // The printer's share of (a): kubectl's cells for every pod, nothing else.
    Stopwatch t;
    t.start();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    qsizetype cells = 0;
    for (const kube::InformerEvent &e : std::as_const(initial)) {
        if (!e.object.isNull())
            cells += kube::tableRowCells(*podKind, e.object, now).size();
    }
    const double printerMs = t.cpuMs();
    // The table model's share of (a), without the filter model and the view.
    double tableOnlyMs = 0;
    {
        ResourceTableModel alone(podKind);
        t.start();
        alone.applyBatch(initial);
        tableOnlyMs = t.cpuMs();
    }

    ResourceTableModel table(podKind);
    table.setShowNamespaceColumn(true);
    ResourceFilterModel filter;
    filter.setSourceModel(&table);
    filter.sort(1, Qt::AscendingOrder); // by name
    QTableView view;
    view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view.verticalHeader()->setDefaultSectionSize(22);
    view.setModel(&filter);
    view.setSortingEnabled(false);
    view.resize(1200, 800);
    view.show();
    app.processEvents();

    // (a) the first list.
    t.start();
    table.applyBatch(initial);
    qsizetype chars = 0;
    for (int r = 0; r < 50 && r < filter.rowCount(); ++r) {
        for (int c = 0; c < filter.columnCount(); ++c)
            chars += filter.index(r, c).data().toString().size();
    }
    const Timing firstList{t.wallMs(), t.cpuMs(), 0, 0};
    app.processEvents();
    const double firstListPaintedMs = t.wallMs();
    const double rssModel = residentMegabytes();
    initial.clear();
    initial.squeeze();

    // (b) keystrokes, selector, sorts.
    const auto timed = [&](auto &&action) {
        Stopwatch k;
        k.start();
        action();
        Timing timing{k.wallMs(), k.cpuMs(), 0, 0};
        app.processEvents();
        timing.viewWall = k.wallMs();
        timing.viewCpu = k.cpuMs();
        return timing;
    };
    const Timing key1 = timed([&] { filter.setTextFilter(u"web-1"_qs); });
    const int shown1 = filter.rowCount();
    const Timing key2 = timed([&] { filter.setTextFilter(u"web-12"_qs); });
    const int shown2 = filter.rowCount();
    const Timing clearKey = timed([&] { filter.setTextFilter(QString()); });
    const Timing selector = timed([&] { filter.setLabelSelector(u"app=web,tier!=db"_qs); });
    const int shownSelector = filter.rowCount();
    filter.setLabelSelector(QString());
    app.processEvents();
    std::vector<std::pair<QString, Timing>> sorts;
    Timing worstSort;
    for (int c = 0; c < filter.columnCount(); ++c) {
        const Timing s = timed([&] { filter.sort(c, Qt::AscendingOrder); });
        sorts.push_back({filter.headerData(c, Qt::Horizontal).toString(), s});
        if (s.viewCpu > worstSort.viewCpu)
            worstSort = s;
    }

    // (b') scrolling: the whole table page by page (and by 3 rows, a wheel notch), each step
    // painted synchronously — what a user dragging through 10k rows costs per frame.
    filter.sort(-1, Qt::AscendingOrder);
    app.processEvents();
    QScrollBar *bar = view.verticalScrollBar();
    const auto scrollThrough = [&](int step) {
        std::vector<double> frames;
        for (int v = 0; v <= bar->maximum(); v += step) {
            Stopwatch f;
            f.start();
            bar->setValue(v);
            view.viewport()->repaint();
            frames.push_back(f.wallMs());
        }
        std::sort(frames.begin(), frames.end());
        const double p99 = frames.empty() ? 0 : frames[std::min(frames.size() - 1, size_t(double(frames.size()) * 0.99))];
        return std::pair<double, size_t>{p99, frames.size()};
    };
    const auto pageScroll = scrollThrough(std::max(1, bar->pageStep()));
    const auto wheelScroll = scrollThrough(3);
    bar->setValue(0);

    // (c) 1,000 updates/s with a sorted, filtered view: sorted by restarts (updates move rows),
    // filter "web" (updates keep rows in).
    filter.sort(4, Qt::DescendingOrder);
    filter.setTextFilter(u"web"_qs);
    app.processEvents();
    std::vector<double> lateness;
    QElapsedTimer probeClock;
    probeClock.start();
    qint64 lastProbe = probeClock.nsecsElapsed();
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(5);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = probeClock.nsecsElapsed();
        lateness.push_back(std::max(0.0, double(now - lastProbe) / 1e6 - 5.0));
        lastProbe = now;
    });
    QRandomGenerator random(42);
    int updatesSent = 0;
    std::vector<int> variantOf(size_t(updatePods), 0);
    QTimer feeder;
    feeder.setTimerType(Qt::PreciseTimer);
    feeder.setInterval(16);
    QObject::connect(&feeder, &QTimer::timeout, [&] {
        kube::InformerEventBatch batch;
        for (int e = 0; e < 16; ++e) {
            const int i = int(random.bounded(updatePods));
            variantOf[size_t(i)] ^= 1;
            batch.append({kube::InformerEvent::Type::Updated, variants[size_t(i * 2 + variantOf[size_t(i)])], {}, kube::DeleteState::Observed});
        }
        table.applyBatch(batch);
        updatesSent += int(batch.size());
    });
    QElapsedTimer run;
    run.start();
    probe.start();
    feeder.start();
    QTimer::singleShot(seconds * 1000, &app, &QCoreApplication::quit);
    app.exec();
    const double runSeconds = double(run.elapsed()) / 1000.0;
    probe.stop();
    feeder.stop();

    std::printf("bench_tablemodel: %d realistic pods in 20 namespaces, QTableView offscreen (%d columns), "
                "%lld chars read from the first 50 rows\n\n",
                podCount, filter.columnCount(), static_cast<long long>(chars));
    std::printf("Times are wall-clock, with this thread's CPU time in brackets (the machine is shared).\n\n");
    std::printf("| figure | result | target |\n|---|---|---|\n");
    std::printf("| (a) 10k Added batch → rows + first 50 rows' data (model + filter) | %.1f ms (CPU %.1f ms) | ≤ 300 ms %s |\n",
                firstList.wall, firstList.cpu, verdict(firstList.cpu, 300));
    std::printf("| (a) of which: the table model alone, CPU (no filter model, no view) | %.1f ms | — |\n", tableOnlyMs);
    std::printf("| (a) of which: kubectl's printer alone, CPU (tableRowCells, %lld cells) | %.1f ms | — |\n",
                static_cast<long long>(cells), printerMs);
    std::printf("| (a) same, plus the view's layout and paint | %.1f ms | — |\n", firstListPaintedMs);
    const auto keyRow = [](const char *what, int shown, const Timing &k) {
        std::printf("| (b) %s (%d rows shown): model / with view | %.1f / %.1f ms (CPU %.1f / %.1f ms) | ≤ 50 ms %s |\n", what, shown,
                    k.wall, k.viewWall, k.cpu, k.viewCpu, verdict(k.viewCpu, 50));
    };
    keyRow("keystroke \"web-1\"", shown1, key1);
    keyRow("keystroke \"web-12\"", shown2, key2);
    keyRow("clearing the filter", podCount, clearKey);
    keyRow("selector \"app=web,tier!=db\"", shownSelector, selector);
    for (const auto &[name, value] : sorts)
        std::printf("| (b) sort by %s: model / with view | %.1f / %.1f ms (CPU %.1f / %.1f ms) | — |\n", qPrintable(name), value.wall,
                    value.viewWall, value.cpu, value.viewCpu);
    std::printf("| (b') scrolling 10k rows page by page: frame p99 (%zu frames) | %.1f ms | ≤ 16 ms %s |\n", pageScroll.second,
                pageScroll.first, pageScroll.first <= 16 ? "ok" : "MISSED");
    std::printf("| (b') scrolling 10k rows 3 rows at a time: frame p99 (%zu frames) | %.1f ms | ≤ 16 ms %s |\n", wheelScroll.second,
                wheelScroll.first, wheelScroll.first <= 16 ? "ok" : "MISSED");
    std::printf("| (b) slowest sort, with view | %.1f ms (CPU %.1f ms) | ≤ 50 ms %s |\n", worstSort.viewWall, worstSort.viewCpu,
                verdict(worstSort.viewCpu, 50));
    std::printf("| (c) updates applied | %d in %.1f s (%.0f/s) | 1,000/s |\n", updatesSent, runSeconds, double(updatesSent) / runSeconds);
    std::printf("| (c) 5 ms probe lateness p50 / p99 / max | %.2f / %.2f / %.2f ms | p99 ≤ 50 ms %s |\n", percentile(lateness, 0.5),
                percentile(lateness, 0.99), lateness.empty() ? 0.0 : *std::max_element(lateness.begin(), lateness.end()),
                verdict(percentile(lateness, 0.99), 50));
    std::printf("| (d) VmRSS: start / objects made / in the model | %.0f / %.0f / %.0f MB | ≤ 250 MB %s |\n", rssStart, rssObjects,
                rssModel, verdict(rssModel, 250));
    std::printf("| (d) the model's share (rows, cells, search text, index) | %.1f MB | — |\n", rssModel - rssObjects);
    return 0;
}
