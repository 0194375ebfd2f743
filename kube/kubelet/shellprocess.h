#pragma once
// ShellProcess: one running ShellScript, executed stepwise against the virtual clock. run(now)
// executes instructions until the script sleeps (wakeUpAt() says when to call again) or exits.
// Output (stdout and stderr, as the container log merges them) is collected as complete lines
// stamped with the virtual time they were written; a trailing partial line is flushed at exit.
//
// Deterministic: no real time, no randomness. A script that runs maxStepsWithoutSleep
// instructions without sleeping is stopped with exit code 2 and a log line saying so, so a
// busy loop cannot hang the simulation.
//
// Thread affinity: none; owned by one container simulation. Cost: each step is a hash lookup
// or a short string operation; file access goes through the pod's VirtualFileSystem.

#include "shellscript.h"
#include "virtualfilesystem.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace kube::kubelet {

struct ShellOutputLine {
    QDateTime time;
    QString text;
};

class ShellProcess
{
public:
    static constexpr int DefaultStepCap = 10'000;

    ShellProcess(ShellScript script, QHash<QString, QString> environment, FileSystemView files, int maxStepsWithoutSleep = DefaultStepCap);

    // Runs from `now` until the next sleep or exit. Does nothing while asleep before wakeUpAt().
    void run(const QDateTime &now);

    bool isExited() const { return m_exitCode.has_value(); }
    int exitCode() const { return m_exitCode.value_or(0); }
    // When the current sleep ends; nullopt when exited. `sleep infinity` sleeps for 100 years.
    std::optional<QDateTime> wakeUpAt() const;

    // Lines written since the last call.
    QList<ShellOutputLine> takeOutput();

    // Runs a whole script synchronously from `now` (exec probes): sleeps advance a private clock
    // up to `timeout`. Returns nullopt on timeout.
    struct Result { int exitCode = 0; QString output; };
    static std::optional<Result> runToCompletion(ShellScript script, QHash<QString, QString> environment, FileSystemView files,
                                                 const QDateTime &now, qint64 timeoutMs);

private:
    struct Io;
    int execute(const ShellCommand &cmd, const QDateTime &now);
    int builtin(const QStringList &argv, Io &io, const QDateTime &now);
    QStringList expand(const ShellWord &word) const;
    QString expandJoined(const ShellWord &word) const;
    QString variable(const QString &name) const;
    void write(const QString &text, const QDateTime &now);
    void finish(int code, const QDateTime &now);

    ShellScript m_script;
    QHash<QString, QString> m_vars;
    FileSystemView m_files;
    int m_stepCap;
    int m_pc = 0;
    int m_status = 0;
    QList<QStringList> m_loopItems;
    QList<int> m_loopIndex;
    std::optional<qint64> m_wakeMs;
    std::optional<int> m_exitCode;
    QString m_partial;
    QDateTime m_partialTime;
    QList<ShellOutputLine> m_output;
};

} // namespace kube::kubelet
