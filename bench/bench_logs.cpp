// bench_logs: the log view under a firehose — a LogBuffer and a shown LogView (offscreen) fed
// 100,000 lines/s in batches every 10 ms (realistic 80–200 character lines, about a third with
// ANSI colour) for 10 s with follow on, while a 5 ms timer measures how late the event loop
// runs (p50/p99/max). Then: did the view keep up (lines in = lines shown), how long search
// takes over a full 100k-line buffer, and the process's resident memory. Prints a Markdown table.
//
//   build/bench/bench_logs [--seconds N] [--rate LINES_PER_S] [--max-lines N]
#include "views/logview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <random>
#include <vector>

#include <sys/resource.h>
#include <time.h>

using namespace timonel;

namespace {

long rssKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLong();
    }
    return -1;
}

double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// Application-log lines of 80–200 characters; about a third carry SGR colour on the level.
class LineFactory
{
public:
    QString next()
    {
        static const char *const levels[] = {"INFO ", "DEBUG", "WARN ", "ERROR"};
        static const char *const colours[] = {"\x1b[32m", "\x1b[2m", "\x1b[33m", "\x1b[1;31m"};
        static const char *const paths[] = {"/api/v1/orders", "/api/v1/items", "/healthz", "/api/v2/users/me",
                                            "/static/app.js", "/api/v1/cart/checkout"};
        static const char *const words[] = {"user=alice", "user=bob", "cache=hit", "cache=miss", "region=eu-west-1",
                                            "retry=0", "db=primary", "pool=12/50", "tls=1.3", "gzip=true"};
        const int level = int(m_random() % 10 < 7 ? 0 : m_random() % 4);
        const bool colour = m_random() % 3 == 0;
        const int target = 80 + int(m_random() % 121);
        QString line = QStringLiteral("%1 ").arg(++m_counter, 9, 10, QLatin1Char('0'));
        line += colour ? QLatin1String(colours[level]) + QLatin1String(levels[level]) + QStringLiteral("\x1b[0m")
                       : QLatin1String(levels[level]);
        line += QStringLiteral(" [worker-%1] GET %2/%3 status=%4 duration=%5ms")
                    .arg(m_random() % 8)
                    .arg(QLatin1String(paths[m_random() % 6]))
                    .arg(m_random() % 100000)
                    .arg(level == 3 ? 500 : 200)
                    .arg(m_random() % 900);
        while (line.size() < target)
            line += u' ' + QLatin1String(words[m_random() % 10]);
        line.truncate(target + (colour ? 8 : 0)); // visible length stays in 80–200
        return line;
    }

private:
    std::mt19937 m_random{20240501};
    qint64 m_counter = 0;
};

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5))];
}

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// Wall and CPU time of f: the machine is shared, so CPU time is the steadier figure.
struct Timing {
    double wallMs = 0;
    double cpuMs = 0;
};

template <typename F>
Timing timeMs(F &&f)
{
    QElapsedTimer t;
    const double cpu = threadCpuMs();
    t.start();
    f();
    return {double(t.nsecsElapsed()) / 1e6, threadCpuMs() - cpu};
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    auto option = [&](const char *name, qint64 fallback) {
        const qsizetype at = args.indexOf(QLatin1String(name));
        return at >= 0 && at + 1 < args.size() ? args[at + 1].toLongLong() : fallback;
    };
    const qint64 seconds = option("--seconds", 10);
    const qint64 rate = option("--rate", 100000);
    const qint64 maxLines = option("--max-lines", LogBuffer::kDefaultMaxLines);

    const long rssStart = rssKiB();
    LogBuffer buffer;
    buffer.setMaxLines(maxLines);
    LogView view;
    view.resize(1200, 800);
    view.setBuffer(&buffer);
    view.show();
    LineFactory factory;

    // The probe: a 5 ms timer; lateness is how much later than due each tick ran.
    std::vector<double> lateness;
    QElapsedTimer probeClock;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(5);
    qint64 lastTick = -1;
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = probeClock.nsecsElapsed();
        if (lastTick >= 0)
            lateness.push_back(std::max(0.0, double(now - lastTick) / 1e6 - 5.0));
        lastTick = now;
    });

    // The lines: a pool generated up front; the feed sends fresh copies (a socket's lines are new
    // allocations too), so the figures measure the buffer and the view, not the generator.
    std::vector<QString> pool;
    for (int i = 0; i < 20000; ++i)
        pool.push_back(factory.next());

    // The feed: every 10 ms, whatever the rate owes by now (late timers catch up, as a socket would).
    QEventLoop loop;
    QElapsedTimer feedClock;
    qint64 sent = 0;
    double feedMs = 0;
    QTimer feed;
    feed.setTimerType(Qt::PreciseTimer);
    feed.setInterval(10);
    QObject::connect(&feed, &QTimer::timeout, [&] {
        const qint64 due = std::min(rate * seconds, rate * feedClock.elapsed() / 1000);
        if (due <= sent)
            return;
        QStringList batch;
        batch.reserve(due - sent);
        for (; sent < due; ++sent) {
            const QString &line = pool[size_t(sent) % pool.size()];
            batch << QString(line.constData(), line.size());
        }
        QElapsedTimer t;
        t.start();
        buffer.appendLines(QStringLiteral("app"), batch, LogBuffer::Timestamps::Absent);
        feedMs += double(t.nsecsElapsed()) / 1e6;
        if (sent < rate * seconds)
            return;
        feed.stop();
        QTimer::singleShot(100, Qt::PreciseTimer, &loop, &QEventLoop::quit); // room for the last frame
    });

    const double cpuStart = cpuSeconds();
    const int flushesStart = view.flushCount();
    probeClock.start();
    feedClock.start();
    probe.start();
    feed.start();
    loop.exec();
    probe.stop();
    const double wallS = double(feedClock.elapsed()) / 1000.0;
    const double cpuS = cpuSeconds() - cpuStart;
    const int flushes = view.flushCount() - flushesStart;
    const bool keptUp = view.displayedEndSequence() == buffer.endSequence() && buffer.endSequence() == quint64(sent) &&
                        view.isFollowing() && view.isAtBottom();
    const long rssFull = rssKiB();

    // One frame: lay out and paint every visible line (what each coalesced update costs).
    const Timing paint = timeMs([&] {
        for (int i = 0; i < 50; ++i)
            view.viewport()->repaint();
    });
    const int paintedLines = view.lastPaintedLineCount();
    view.setWordWrap(true);
    const Timing paintWrapped = timeMs([&] {
        for (int i = 0; i < 50; ++i)
            view.viewport()->repaint();
    });
    view.setWordWrap(false);

    // Search over the full buffer.
    const Timing countMs = timeMs([&] {
        buffer.setSearch(LogSearch(QStringLiteral("WORKER-7")));
        while (!buffer.isMatchCountComplete())
            QCoreApplication::processEvents();
    });
    const qsizetype matches = buffer.matchCount();
    const Timing countDirectMs = timeMs([&] {
        const LogSearch s(QStringLiteral("WORKER-7"));
        qsizetype n = 0;
        for (quint64 q = buffer.firstSequence(); q < buffer.endSequence(); ++q)
            n += s.count(buffer.line(q).text);
        if (n != matches)
            std::printf("count mismatch %lld vs %lld\n", (long long)n, (long long)matches);
    });
    const LogSearch absent(QStringLiteral("no such text"));
    const Timing findAbsentMs = timeMs([&] {
        buffer.find(absent, {buffer.firstSequence(), 0}, LogBuffer::Direction::Forward);
    });
    const LogSearch absentCase(QStringLiteral("No Such Text"), LogSearch::Syntax::Substring, Qt::CaseSensitive);
    const Timing findAbsentCaseMs = timeMs([&] {
        buffer.find(absentCase, {buffer.firstSequence(), 0}, LogBuffer::Direction::Forward);
    });
    const LogSearch regex(QStringLiteral("status=5\\d\\d duration=9\\d\\dms user=nobody"),
                          LogSearch::Syntax::RegularExpression);
    const Timing findRegexMs = timeMs([&] {
        buffer.find(regex, {buffer.firstSequence(), 0}, LogBuffer::Direction::Forward);
    });
    // With the active search, counted lines that hold no match are skipped without reading them.
    buffer.setSearch(LogSearch(QStringLiteral("status=5")));
    while (!buffer.isMatchCountComplete())
        QCoreApplication::processEvents();
    const qsizetype errors = buffer.matchCount();
    const Timing findActiveMs = timeMs([&] {
        quint64 at = buffer.firstSequence();
        for (int i = 0; i < 100; ++i) {
            const auto m = buffer.find(buffer.search(), {at, 0}, LogBuffer::Direction::Forward);
            at = m ? m->sequence + 1 : at;
        }
    });
    const Timing findBackMs = timeMs([&] {
        buffer.find(absent, {buffer.endSequence(), 0}, LogBuffer::Direction::Backward);
    });

    std::printf("| figure | value |\n|---|---|\n");
    std::printf("| feed | %lld lines/s for %lld s, batches every 10 ms, max lines %lld |\n", (long long)rate,
                (long long)seconds, (long long)maxLines);
    std::printf("| lines sent / buffered / shown | %lld / %lld / %lld (end seq %llu, view end %llu) |\n", (long long)sent,
                (long long)buffer.size(), (long long)view.displayedLineCount(),
                (unsigned long long)buffer.endSequence(), (unsigned long long)view.displayedEndSequence());
    std::printf("| kept up (lines in = lines shown, at bottom) | %s |\n", keptUp ? "yes" : "NO");
    std::printf("| event-loop lateness (5 ms probe, %zu ticks) | p50 %.2f ms, p99 %.2f ms, max %.2f ms |\n",
                lateness.size(), percentile(lateness, 0.5), percentile(lateness, 0.99), percentile(lateness, 1.0));
    std::printf("| view updates (coalesced) | %d in %.1f s (%.1f/s) |\n", flushes, wallS, flushes / wallS);
    std::printf("| one frame, %d lines, no wrap / wrapped (1200x800) | %.2f / %.2f ms CPU |\n", paintedLines,
                paint.cpuMs / 50, paintWrapped.cpuMs / 50);
    std::printf("| time in appendLines | %.0f ms (%.2f us/line) |\n", feedMs,
                sent ? feedMs * 1000.0 / double(sent) : 0.0);
    std::printf("| CPU during the feed | %.2f s over %.1f s wall |\n", cpuS, wallS);
    std::printf("| search count, case-insensitive, %lld lines (sliced) | %.1f ms wall, %.1f ms CPU, %lld matches |\n",
                (long long)buffer.size(), countMs.wallMs, countMs.cpuMs, (long long)matches);
    std::printf("| the same count in a plain loop (no slices) | %.1f ms wall, %.1f ms CPU |\n", countDirectMs.wallMs, countDirectMs.cpuMs);
    std::printf("| find absent text, case-insensitive, full wrap | %.1f ms wall, %.1f ms CPU |\n", findAbsentMs.wallMs, findAbsentMs.cpuMs);
    std::printf("| find absent text, case-sensitive, full wrap | %.1f ms wall, %.1f ms CPU |\n", findAbsentCaseMs.wallMs, findAbsentCaseMs.cpuMs);
    std::printf("| find absent text backward, case-insensitive | %.1f ms wall, %.1f ms CPU |\n", findBackMs.wallMs, findBackMs.cpuMs);
    std::printf("| find regex (no match), full wrap | %.1f ms wall, %.1f ms CPU |\n", findRegexMs.wallMs, findRegexMs.cpuMs);
    std::printf("| find next x100 with the active search (%lld matches) | %.2f ms wall, %.2f ms CPU |\n", (long long)errors,
                findActiveMs.wallMs, findActiveMs.cpuMs);
    std::printf("| RSS start / with full buffer | %.1f MiB / %.1f MiB |\n", rssStart / 1024.0, rssFull / 1024.0);
    return keptUp ? 0 : 1;
}
