#pragma once
// processCpuMs: utime + stime of a process in milliseconds, from /proc/<pid>/stat (fields 14
// and 15; pid 0: this process); 0 when unreadable. The benchmarks that time a timonel-cluster
// they started (or themselves) use it. Header-only; Linux.

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QString>

#include <unistd.h>

inline double processCpuMs(qint64 pid)
{
    QFile f(pid > 0 ? QStringLiteral("/proc/%1/stat").arg(pid) : QStringLiteral("/proc/self/stat"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray stat = f.readAll();
    // The command name (field 2) may hold spaces: count the fields after its ')'.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return 0;
    return (fields.at(11).toDouble() + fields.at(12).toDouble()) * 1000.0 / double(sysconf(_SC_CLK_TCK));
}
