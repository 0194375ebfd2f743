#pragma once
// ContainerSimulation: one container of a simulated pod as a state machine driven by virtual
// time: image pull (with the node's image cache, ErrImagePull → ImagePullBackOff back-off),
// create, start, run (a ShellProcess or the image's server), probes, exit, restart with
// CrashLoopBackOff back-off, and graceful stop. Timings come from SimulationData; failure
// injection from TIMONEL_* environment variables of the container (resources/simulation/README.md).
//
// Every transition has a deadline: nextWakeUp() is the earliest; step(t) performs all
// transitions due at or before t. Events go to the pod's event list.
//
// Thread affinity: none; owned by a PodSimulation and used from the driver's thread only.
// Ownership: borrows the PodContext (owned by the pod, outlives its containers).

#include "containerlog.h"
#include "imagereference.h"
#include "podevent.h"
#include "probe.h"
#include "shellprocess.h"

#include <QJsonObject>

#include <memory>
#include <optional>

namespace kube::kubelet {

// "sh", "/bin/bash", "ash": a program whose `-c` argument is a script for ShellScript.
bool isShellProgram(const QString &program);

class NodeImageCache;
class SimulationData;
struct ImageProfile;

// What containers share with their pod.
struct PodContext {
    const SimulationData *data = nullptr;
    std::shared_ptr<NodeImageCache> images;
    VirtualFileSystem files;
    QList<PodEvent> events;
    QString name, namespace_, uid, podIP, hostIP;
    QString hostname;            // spec.hostname, else the pod's name (what HOSTNAME says)
    QString nodeName, serviceAccountName;
    QJsonObject labels, annotations; // for env valueFrom.fieldRef
    // The value of an env var's fieldRef (the downward API: metadata.name, metadata.labels['x'],
    // spec.nodeName, status.podIP, …); nullopt for a path the kubelet does not support.
    std::optional<QString> fieldValue(const QString &fieldPath) const;
    QString restartPolicy = QStringLiteral("Always");
    QString versionLabel; // metadata.labels.version / app.kubernetes.io/version
    qint64 gracePeriodSeconds = 30;
    // "web_default(uid)": how kubelet names a pod in messages (format.Pod).
    QString podDescription() const { return QStringLiteral("%1_%2(%3)").arg(name, namespace_, uid); }
};

enum class ContainerRole { Init, App };

struct HttpResponse {
    int status = 0;        // 0: nothing listens (connection refused)
    QString body;
    QString servedBy;      // "pod/container"
};

struct ResourceUsage {
    qint64 cpuMillicores = 0;
    qint64 memoryBytes = 0;
};

class ContainerSimulation
{
public:
    enum class Stage {
        Idle,             // not allowed to start yet (sandbox, init containers)
        Pulling,
        PullError,        // ErrImagePull shown
        PullBackOff,      // ImagePullBackOff
        Creating,
        Starting,         // Created, about to start
        Running,
        Stopping,         // SIGTERM sent
        Exited,           // terminated, restart decision pending
        CrashLoopBackOff,
        Done,             // terminated and will not restart (or removed)
    };

    ContainerSimulation(PodContext *pod, const QJsonObject &spec, ContainerRole role);

    const QString &name() const { return m_name; }
    Stage stage() const { return m_stage; }
    bool isReady() const;
    bool isStarted() const;
    // Terminated with exit code 0 and not restarting (init containers: may proceed).
    bool hasSucceeded() const;
    bool hasFailedForGood() const { return m_stage == Stage::Done && m_lastExitCode != 0 && m_restartCount >= 0 && m_everStarted; }
    bool hasEverRun() const { return m_everStarted; }
    bool isRunning() const { return m_stage == Stage::Running || m_stage == Stage::Stopping; }
    int restartCount() const { return m_restartCount; }
    int lastExitCode() const { return m_lastExitCode; }

    void start(const QDateTime &now);
    std::optional<QDateTime> nextWakeUp() const;
    void step(const QDateTime &now);

    // Stops the container for good (pod deletion). Waiting containers are dropped at once.
    void stopForDeletion(const QDateTime &now, qint64 gracePeriodSeconds);
    // A new spec for the same container name; an image change restarts the container.
    void updateSpec(const QJsonObject &spec, const QDateTime &now);

    QJsonObject status() const;
    const ContainerLog &log() const { return m_log; }
    const ContainerLog *previousLog() const { return m_previousLog.get(); }

    HttpResponse http(int port, const QString &path, const QDateTime &now) const;
    ResourceUsage usage(const QDateTime &now, double requestsPerSecond) const;

private:
    enum class StopCause { Deletion, Liveness, Startup, SpecChange };
    void readSpec(const QJsonObject &spec);
    void recordEvent(const QDateTime &t, const char *type, const char *reason, const QString &message);
    void beginPull(const QDateTime &now);
    void finishPull(const QDateTime &now);
    void create(const QDateTime &now);
    void run(const QDateTime &now);
    void stepRunning(const QDateTime &now);
    void runProbe(ProbeWorker &w, const QDateTime &now);
    ProbeOutcome evaluateProbe(const ProbeWorker &w, const QDateTime &now) const;
    void kill(const QDateTime &now, StopCause cause, const QString &message, qint64 gracePeriodSeconds);
    void terminate(const QDateTime &now, int exitCode, const QString &reason);
    void afterExit(const QDateTime &now);
    void restart(const QDateTime &now);
    void collectOutput();
    bool listening(int port, const QDateTime &now) const;
    bool injectedFailure(ProbeType type, const QDateTime &now) const;
    int httpStatus(const QString &path, ProbeType *probe, const QDateTime &now) const;
    QString fieldPath() const;
    QHash<QString, QString> environment() const;

    PodContext *m_pod;
    ContainerRole m_role;
    QString m_name;
    QJsonObject m_spec;
    ImageReference m_image;
    const ImageProfile *m_profile = nullptr; // nullptr: unknown repository
    QString m_pullPolicy;
    QStringList m_argv;
    QList<VolumeMount> m_mounts;
    QHash<QString, QString> m_env;
    QHash<QString, int> m_portsByName;
    ProbeSpec m_liveness, m_readiness, m_startup;
    std::optional<qint64> m_memoryLimitBytes;
    // failure injection
    std::optional<qint64> m_failLivenessAfterMs, m_failReadinessAfterMs, m_exitAfterMs;
    int m_exitCode = 1;
    std::optional<qint64> m_memoryMiB;
    std::optional<int> m_httpStatus;

    Stage m_stage = Stage::Idle;
    QDateTime m_deadline; // of the current stage
    QDateTime m_startedAt, m_finishedAt, m_retryAt;
    int m_restartCount = 0;
    int m_pullFailures = 0;
    QString m_pullError;
    qint64 m_backOffMs = 0;    // CrashLoopBackOff: 0 until the first restart
    QDateTime m_backOffUpdated;
    bool m_everStarted = false;
    bool m_deleted = false;
    bool m_serverRunning = false;
    StopCause m_stopCause = StopCause::Deletion;
    int m_stopExitCode = 0;
    int m_lastExitCode = 0;
    QString m_containerId;
    QJsonObject m_terminated;     // state.terminated of the current instance, when exited
    QJsonObject m_lastTerminated; // lastState.terminated
    std::unique_ptr<ShellProcess> m_process;
    QList<ProbeWorker> m_probes;
    ContainerLog m_log;
    std::unique_ptr<ContainerLog> m_previousLog;
};

} // namespace kube::kubelet
