#include "containersimulation.h"

#include "nodeimagecache.h"
#include "simulationdata.h"

#include "kube/api/clock.h"
#include "kube/api/duration.h"
#include "kube/api/jsonstrings.h"
#include "kube/api/quantity.h"

#include <QCryptographicHash>
#include <QJsonArray>

namespace kube::kubelet {

namespace {

constexpr qint64 MiB = 1024 * 1024;

std::optional<qint64> parseDurationMs(const QString &text)
{
    if (text.isEmpty())
        return std::nullopt;
    bool ok = false;
    const double seconds = text.toDouble(&ok); // a bare number means seconds
    if (ok)
        return qint64(seconds * 1000);
    const auto d = Duration::parse(text);
    if (!d.ok())
        return std::nullopt;
    return d->nanoseconds() / Duration::Millisecond;
}


} // namespace

bool isShellProgram(const QString &program)
{
    const QString name = program.section(QLatin1Char('/'), -1);
    return name == QLatin1String("sh") || name == QLatin1String("bash") || name == QLatin1String("ash");
}

ContainerSimulation::ContainerSimulation(PodContext *pod, const QJsonObject &spec, ContainerRole role)
    : m_pod(pod), m_role(role),
      m_log(pod->data->rules().logMaxLines, pod->data->rules().logMaxBytes)
{
    readSpec(spec);
}

void ContainerSimulation::readSpec(const QJsonObject &spec)
{
    m_spec = spec;
    m_name = spec.value(QLatin1String("name")).toString();
    m_image = ImageReference::parse(spec.value(QLatin1String("image")).toString());
    m_profile = m_pod->data->findImage(m_image);
    m_pullPolicy = spec.value(QLatin1String("imagePullPolicy")).toString(m_image.defaultPullPolicy());

    // The process: command replaces ENTRYPOINT (and drops CMD), args replace CMD.
    const QStringList command = jsonStrings(spec.value(QLatin1String("command")));
    const QStringList args = jsonStrings(spec.value(QLatin1String("args")));
    const bool hasCommand = spec.contains(QLatin1String("command"));
    const bool hasArgs = spec.contains(QLatin1String("args"));
    QStringList entrypoint = hasCommand ? command : (m_profile ? m_profile->entrypoint : QStringList());
    QStringList cmd = hasArgs ? args : (hasCommand ? QStringList() : (m_profile ? m_profile->command + m_profile->args : QStringList()));
    m_argv = entrypoint + cmd;

    m_env.clear();
    m_failLivenessAfterMs.reset();
    m_failReadinessAfterMs.reset();
    m_exitAfterMs.reset();
    m_memoryMiB.reset();
    m_httpStatus.reset();
    m_exitCode = 1;
    for (const QJsonValue &e : spec.value(QLatin1String("env")).toArray()) {
        const QString name = e.toObject().value(QLatin1String("name")).toString();
        QString value = e.toObject().value(QLatin1String("value")).toString();
        const QString fieldPath = e.toObject().value(QLatin1String("valueFrom")).toObject()
                                      .value(QLatin1String("fieldRef")).toObject().value(QLatin1String("fieldPath")).toString();
        if (!fieldPath.isEmpty())
            value = m_pod->fieldValue(fieldPath).value_or(QString());
        m_env.insert(name, value);
        if (name == QLatin1String("TIMONEL_FAIL_LIVENESS_AFTER"))
            m_failLivenessAfterMs = parseDurationMs(value);
        else if (name == QLatin1String("TIMONEL_FAIL_READINESS_AFTER"))
            m_failReadinessAfterMs = parseDurationMs(value);
        else if (name == QLatin1String("TIMONEL_EXIT_AFTER"))
            m_exitAfterMs = parseDurationMs(value);
        else if (name == QLatin1String("TIMONEL_EXIT_CODE"))
            m_exitCode = value.toInt();
        else if (name == QLatin1String("TIMONEL_MEMORY_MB"))
            m_memoryMiB = value.toLongLong();
        else if (name == QLatin1String("TIMONEL_HTTP_STATUS"))
            m_httpStatus = value.toInt();
    }

    m_portsByName.clear();
    for (const QJsonValue &p : spec.value(QLatin1String("ports")).toArray()) {
        const QJsonObject po = p.toObject();
        if (po.contains(QLatin1String("name")))
            m_portsByName.insert(po.value(QLatin1String("name")).toString(), po.value(QLatin1String("containerPort")).toInt());
    }
    m_mounts.clear();
    for (const QJsonValue &m : spec.value(QLatin1String("volumeMounts")).toArray()) {
        const QJsonObject mo = m.toObject();
        m_mounts.append({mo.value(QLatin1String("name")).toString(), mo.value(QLatin1String("mountPath")).toString()});
    }
    const LifecycleRules &rules = m_pod->data->rules();
    m_liveness = ProbeSpec::parse(spec.value(QLatin1String("livenessProbe")).toObject(), m_portsByName, rules);
    m_readiness = ProbeSpec::parse(spec.value(QLatin1String("readinessProbe")).toObject(), m_portsByName, rules);
    m_startup = ProbeSpec::parse(spec.value(QLatin1String("startupProbe")).toObject(), m_portsByName, rules);

    m_memoryLimitBytes.reset();
    const QJsonValue limit = spec.value(QLatin1String("resources")).toObject().value(QLatin1String("limits")).toObject().value(QLatin1String("memory"));
    if (!limit.isUndefined()) {
        const auto q = Quantity::parse(limit.isDouble() ? QString::number(limit.toDouble()) : limit.toString());
        if (q.ok())
            m_memoryLimitBytes = q->value();
    }
}

QString ContainerSimulation::fieldPath() const
{
    return QStringLiteral("spec.%1{%2}").arg(m_role == ContainerRole::Init ? QStringLiteral("initContainers") : QStringLiteral("containers"), m_name);
}

void ContainerSimulation::recordEvent(const QDateTime &t, const char *type, const char *reason, const QString &message)
{
    m_pod->events.append({t, QString::fromLatin1(type), QString::fromLatin1(reason), message, fieldPath()});
}

QHash<QString, QString> ContainerSimulation::environment() const
{
    QHash<QString, QString> env{{QStringLiteral("PATH"), QStringLiteral("/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")},
                                {QStringLiteral("HOSTNAME"), m_pod->hostname.isEmpty() ? m_pod->name : m_pod->hostname},
                                {QStringLiteral("HOME"), QStringLiteral("/root")}};
    for (auto it = m_env.cbegin(); it != m_env.cend(); ++it)
        env.insert(it.key(), it.value());
    return env;
}

// ---- pulling -------------------------------------------------------------------------------

void ContainerSimulation::start(const QDateTime &now)
{
    if (m_stage != Stage::Idle || m_deleted)
        return;
    beginPull(now);
}

void ContainerSimulation::beginPull(const QDateTime &now)
{
    const LifecycleRules &rules = m_pod->data->rules();
    const bool cached = m_pod->images && m_pod->images->contains(m_image.normalised());
    if (cached && m_pullPolicy != QLatin1String("Always")) {
        recordEvent(now, "Normal", "Pulled", QStringLiteral("Container image \"%1\" already present on machine").arg(m_image.original()));
        m_stage = Stage::Creating;
        m_deadline = now.addMSecs(rules.createMs);
        return;
    }
    if (m_pullPolicy == QLatin1String("Never")) {
        // Upstream: ErrImageNeverPull, no back-off.
        m_pullError = QStringLiteral("Container image \"%1\" is not present with pull policy of Never").arg(m_image.original());
        recordEvent(now, "Warning", "ErrImageNeverPull", m_pullError);
        m_stage = Stage::PullError;
        m_deadline = {};
        return;
    }
    recordEvent(now, "Normal", "Pulling", QStringLiteral("Pulling image \"%1\"").arg(m_image.original()));
    m_stage = Stage::Pulling;
    qint64 ms = m_profile ? qint64(m_profile->pullSeconds * 1000) : rules.pullFailMs;
    if (cached && m_profile)
        ms = rules.pullAlwaysCheckMs;
    m_retryAt = now; // pull started
    m_deadline = now.addMSecs(ms);
}

void ContainerSimulation::finishPull(const QDateTime &now)
{
    const LifecycleRules &rules = m_pod->data->rules();
    if (!m_profile) {
        const QString ref = m_image.normalised();
        m_pullError = QStringLiteral("failed to pull and unpack image \"%1\": failed to resolve reference \"%1\": "
                                     "pull access denied, repository does not exist or may require authorization: "
                                     "server message: insufficient_scope: authorization failed")
                          .arg(ref);
        recordEvent(now, "Warning", "Failed", QStringLiteral("Failed to pull image \"%1\": %2").arg(m_image.original(), m_pullError));
        recordEvent(now, "Warning", "Failed", QStringLiteral("Error: ErrImagePull"));
        m_stage = Stage::PullError;
        m_retryAt = now.addMSecs(rules.pullBackOff.delayMs(m_pullFailures++));
        m_deadline = std::min(now.addMSecs(rules.pullErrorShownMs), m_retryAt);
        return;
    }
    m_pullFailures = 0;
    if (m_pod->images)
        m_pod->images->insert(m_image.normalised());
    const Duration took(m_retryAt.msecsTo(now) * Duration::Millisecond);
    recordEvent(now, "Normal", "Pulled",
              QStringLiteral("Successfully pulled image \"%1\" in %2 (%2 including waiting). Image size: %3 bytes.")
                  .arg(m_image.original(), took.toString())
                  .arg(m_profile->sizeBytes));
    m_stage = Stage::Creating;
    m_deadline = now.addMSecs(rules.createMs);
}

// ---- creating and running ------------------------------------------------------------------

void ContainerSimulation::create(const QDateTime &now)
{
    const QByteArray seed = (m_pod->uid + QLatin1Char('/') + m_name + QLatin1Char('/') + QString::number(m_restartCount)).toUtf8();
    m_containerId = QStringLiteral("containerd://") + QString::fromLatin1(QCryptographicHash::hash(seed, QCryptographicHash::Sha256).toHex());
    recordEvent(now, "Normal", "Created", QStringLiteral("Created container: %1").arg(m_name));
    m_stage = Stage::Starting;
    m_deadline = now.addMSecs(m_pod->data->rules().startMs);
}

void ContainerSimulation::run(const QDateTime &now)
{
    recordEvent(now, "Normal", "Started", QStringLiteral("Started container %1").arg(m_name));
    m_stage = Stage::Running;
    m_deadline = {};
    m_startedAt = now;
    m_everStarted = true;
    m_terminated = {};
    m_serverRunning = false;
    m_process.reset();

    const FileSystemView files(&m_pod->files, m_name, m_mounts);
    if (!m_argv.isEmpty() && isShellProgram(m_argv.first())) {
        if (m_argv.size() >= 3 && m_argv[1] == QLatin1String("-c")) {
            auto script = ShellScript::parse(m_argv[2]);
            if (!script.ok()) {
                m_log.append(now, script.error().message());
                terminate(now, 2, QStringLiteral("Error"));
                return;
            }
            m_process = std::make_unique<ShellProcess>(script.value(), environment(), files, m_pod->data->rules().shellMaxSteps);
        } else {
            // `sh` without -c reads its stdin, which is empty in a container without a TTY.
            m_process = std::make_unique<ShellProcess>(ShellScript::parse(u"true").value(), environment(), files);
        }
    } else if (m_profile && (m_argv.isEmpty() || !m_profile->ports.isEmpty() || m_profile->command.value(0) == m_argv.value(0)
                             || m_profile->entrypoint.value(0) == m_argv.value(0))) {
        m_serverRunning = true;
        const TemplateContext tc{m_pod->name, m_pod->namespace_, m_name, m_image.normalised(), m_pod->versionLabel.isEmpty() ? m_image.version() : m_pod->versionLabel, m_pod->podIP, m_argv};
        for (const QString &line : m_profile->startupLogs)
            m_log.append(now, renderTemplate(line, tc, now));
    } else {
        // Anything else (sleep 3600, echo …) runs through the shell subset as a plain command.
        m_process = std::make_unique<ShellProcess>(ShellScript::fromArgv(m_argv), environment(), files, m_pod->data->rules().shellMaxSteps);
    }

    m_probes.clear();
    auto addProbe = [&](ProbeType type, const ProbeSpec &spec) {
        if (!spec.isSet())
            return;
        ProbeWorker w;
        w.type = type;
        w.spec = spec;
        w.nextRun = now.addSecs(spec.initialDelaySeconds);
        m_probes.append(w);
    };
    addProbe(ProbeType::Startup, m_startup);
    addProbe(ProbeType::Liveness, m_liveness);
    addProbe(ProbeType::Readiness, m_readiness);

    if (m_process) {
        m_process->run(now);
        collectOutput();
        if (m_process->isExited())
            terminate(now, m_process->exitCode(), m_process->exitCode() == 0 ? QStringLiteral("Completed") : QStringLiteral("Error"));
    }
}

void ContainerSimulation::collectOutput()
{
    if (!m_process)
        return;
    for (const ShellOutputLine &l : m_process->takeOutput())
        m_log.append(l.time, l.text);
}

bool ContainerSimulation::isStarted() const
{
    if (!isRunning())
        return false;
    for (const ProbeWorker &w : m_probes) {
        if (w.type == ProbeType::Startup)
            return w.result.value_or(false);
    }
    return true;
}

bool ContainerSimulation::isReady() const
{
    if (!isStarted() || m_stage == Stage::Stopping)
        return false;
    for (const ProbeWorker &w : m_probes) {
        if (w.type == ProbeType::Readiness)
            return w.result.value_or(false);
    }
    return true;
}

bool ContainerSimulation::hasSucceeded() const
{
    return m_stage == Stage::Done && m_everStarted && m_lastExitCode == 0 && !m_deleted;
}

void ContainerSimulation::stepRunning(const QDateTime &now)
{
    if (m_process) {
        m_process->run(now);
        collectOutput();
        if (m_process->isExited()) {
            terminate(now, m_process->exitCode(), m_process->exitCode() == 0 ? QStringLiteral("Completed") : QStringLiteral("Error"));
            return;
        }
    }
    if (m_memoryMiB && m_memoryLimitBytes && *m_memoryMiB * MiB > *m_memoryLimitBytes && m_profile
        && m_startedAt.msecsTo(now) >= qint64(m_profile->startupSeconds * 1000)) {
        terminate(now, 137, QStringLiteral("OOMKilled"));
        return;
    }
    if (m_exitAfterMs && m_startedAt.msecsTo(now) >= *m_exitAfterMs) {
        terminate(now, m_exitCode, m_exitCode == 0 ? QStringLiteral("Completed") : QStringLiteral("Error"));
        return;
    }
    const bool started = isStarted();
    for (ProbeWorker &w : m_probes) {
        if (m_stage != Stage::Running)
            return;
        if (w.nextRun > now)
            continue;
        // Liveness and readiness wait for the startup probe; startup stops once it succeeded.
        if (w.type != ProbeType::Startup && !started) {
            w.nextRun = now.addSecs(std::max(1, w.spec.periodSeconds));
            continue;
        }
        if (w.type == ProbeType::Startup && w.result == true) {
            w.nextRun = {};
            continue;
        }
        runProbe(w, now);
    }
}

// ---- stopping and restarting ---------------------------------------------------------------

void ContainerSimulation::kill(const QDateTime &now, StopCause cause, const QString &message, qint64 gracePeriodSeconds)
{
    recordEvent(now, "Normal", "Killing", message);
    m_stopCause = cause;
    m_stage = Stage::Stopping;
    const qint64 graceMs = gracePeriodSeconds * 1000;
    const bool handlesTerm = m_serverRunning && m_profile && m_profile->exitsOnSigterm;
    const qint64 stopMs = m_pod->data->rules().stopMs;
    if (handlesTerm && stopMs <= graceMs) {
        m_deadline = now.addMSecs(stopMs);
        m_stopExitCode = m_profile->sigtermExitCode;
    } else {
        // A shell as PID 1 ignores SIGTERM: SIGKILL at the end of the grace period.
        m_deadline = now.addMSecs(graceMs);
        m_stopExitCode = 137;
    }
}

void ContainerSimulation::terminate(const QDateTime &now, int exitCode, const QString &reason)
{
    m_lastExitCode = exitCode;
    m_finishedAt = now;
    m_serverRunning = false;
    m_process.reset();
    m_probes.clear();
    m_terminated = QJsonObject{{QStringLiteral("exitCode"), exitCode},
                               {QStringLiteral("reason"), reason},
                               {QStringLiteral("startedAt"), formatKubeTime(m_startedAt)},
                               {QStringLiteral("finishedAt"), formatKubeTime(now)},
                               {QStringLiteral("containerID"), m_containerId}};
    afterExit(now);
}

void ContainerSimulation::afterExit(const QDateTime &now)
{
    const QString &policy = m_pod->restartPolicy;
    bool restart = false;
    if (m_deleted) {
        restart = false;
    } else if (m_stage == Stage::Stopping && m_stopCause != StopCause::Deletion) {
        restart = policy != QLatin1String("Never") || m_stopCause == StopCause::SpecChange;
    } else if (m_role == ContainerRole::Init) {
        restart = m_lastExitCode != 0 && policy != QLatin1String("Never");
    } else {
        restart = policy == QLatin1String("Always") || (policy == QLatin1String("OnFailure") && m_lastExitCode != 0);
    }
    if (!restart) {
        m_stage = Stage::Done;
        m_deadline = {};
        return;
    }
    m_stage = Stage::Exited;
    m_deadline = now.addMSecs(m_pod->data->rules().restartMs);
}

void ContainerSimulation::restart(const QDateTime &now)
{
    ++m_restartCount;
    m_lastTerminated = m_terminated;
    m_terminated = {};
    m_previousLog = std::make_unique<ContainerLog>(std::move(m_log));
    m_log = ContainerLog(m_pod->data->rules().logMaxLines, m_pod->data->rules().logMaxBytes);
    // A new container gets a fresh root file system; volumes stay.
    m_pod->files.removePrefix(VirtualFileSystem::containerRootKey(m_name) + QLatin1Char('/'));
    m_stage = Stage::Idle;
    beginPull(now);
}

void ContainerSimulation::step(const QDateTime &now)
{
    const LifecycleRules &rules = m_pod->data->rules();
    for (int guard = 0; guard < 1000; ++guard) {
        const auto due = nextWakeUp();
        if (!due || *due > now)
            return;
        const QDateTime t = *due;
        switch (m_stage) {
        case Stage::Idle:
        case Stage::Done:
            return;
        case Stage::Pulling:
            finishPull(t);
            break;
        case Stage::PullError:
            if (t >= m_retryAt) {
                beginPull(t);
                break;
            }
            recordEvent(t, "Normal", "BackOff", QStringLiteral("Back-off pulling image \"%1\"").arg(m_image.original()));
            recordEvent(t, "Warning", "Failed", QStringLiteral("Error: ImagePullBackOff"));
            m_stage = Stage::PullBackOff;
            m_deadline = m_retryAt;
            break;
        case Stage::PullBackOff:
            beginPull(t);
            break;
        case Stage::Creating:
            create(t);
            break;
        case Stage::Starting:
            run(t);
            break;
        case Stage::Running:
            stepRunning(t);
            break;
        case Stage::Stopping:
            terminate(t, m_stopExitCode, m_stopExitCode == 0 ? QStringLiteral("Completed") : QStringLiteral("Error"));
            if (m_stopCause == StopCause::SpecChange && m_stage == Stage::Exited)
                m_deadline = t; // a changed spec restarts at once, without back-off
            break;
        case Stage::Exited: {
            if (m_stopCause == StopCause::SpecChange && m_stage == Stage::Exited && m_lastExitCode == m_stopExitCode) {
                m_stopCause = StopCause::Deletion;
                restart(t);
                break;
            }
            // kubelet's back-off: the first restart is immediate, later ones wait initial × 2^n
            // from the exit; running longer than resetAfter forgets it.
            if (m_backOffMs > 0 && m_backOffUpdated.msecsTo(t) > rules.crashLoopResetMs)
                m_backOffMs = 0;
            if (m_backOffMs == 0) {
                m_backOffMs = rules.crashLoopBackOff.initialMs;
                m_backOffUpdated = t;
                restart(t);
                break;
            }
            const QDateTime until = m_finishedAt.addMSecs(m_backOffMs);
            if (t < until) {
                recordEvent(t, "Warning", "BackOff",
                          QStringLiteral("Back-off restarting failed container %1 in pod %2").arg(m_name, m_pod->podDescription()));
                m_stage = Stage::CrashLoopBackOff;
                m_deadline = until;
                break;
            }
            m_backOffMs = std::min(m_backOffMs * 2, rules.crashLoopBackOff.maxMs);
            m_backOffUpdated = t;
            restart(t);
            break;
        }
        case Stage::CrashLoopBackOff:
            m_backOffMs = std::min(m_backOffMs * 2, rules.crashLoopBackOff.maxMs);
            m_backOffUpdated = t;
            restart(t);
            break;
        }
    }
}

std::optional<QDateTime> ContainerSimulation::nextWakeUp() const
{
    switch (m_stage) {
    case Stage::Idle:
    case Stage::Done:
        return std::nullopt;
    case Stage::Running: {
        std::optional<QDateTime> next;
        auto consider = [&](const QDateTime &t) {
            if (t.isValid() && (!next || t < *next))
                next = t;
        };
        if (m_process)
            if (const auto w = m_process->wakeUpAt())
                consider(*w);
        if (m_exitAfterMs)
            consider(m_startedAt.addMSecs(*m_exitAfterMs));
        if (m_memoryMiB && m_memoryLimitBytes && m_profile && *m_memoryMiB * MiB > *m_memoryLimitBytes)
            consider(m_startedAt.addMSecs(qint64(m_profile->startupSeconds * 1000)));
        for (const ProbeWorker &w : m_probes)
            consider(w.nextRun);
        return next;
    }
    default:
        if (!m_deadline.isValid())
            return std::nullopt;
        return m_deadline;
    }
}

void ContainerSimulation::stopForDeletion(const QDateTime &now, qint64 gracePeriodSeconds)
{
    if (m_deleted)
        return;
    m_deleted = true;
    if (m_stage == Stage::Running) {
        kill(now, StopCause::Deletion, QStringLiteral("Stopping container %1").arg(m_name), gracePeriodSeconds);
        return;
    }
    if (m_stage == Stage::Stopping) {
        m_stopCause = StopCause::Deletion;
        m_deadline = std::min(m_deadline, now.addSecs(gracePeriodSeconds));
        return;
    }
    m_stage = Stage::Done;
    m_deadline = {};
}

void ContainerSimulation::updateSpec(const QJsonObject &spec, const QDateTime &now)
{
    const QString oldImage = m_image.original();
    readSpec(spec);
    if (m_image.original() == oldImage || m_deleted)
        return;
    if (m_stage == Stage::Running) {
        kill(now, StopCause::SpecChange, QStringLiteral("Container %1 definition changed, will be restarted").arg(m_name), m_pod->gracePeriodSeconds);
        return;
    }
    if (m_stage == Stage::PullError || m_stage == Stage::PullBackOff || m_stage == Stage::Pulling || m_stage == Stage::CrashLoopBackOff) {
        m_pullFailures = 0;
        m_stage = Stage::Idle;
        beginPull(now);
    }
}

ResourceUsage ContainerSimulation::usage(const QDateTime &now, double requestsPerSecond) const
{
    if (!isRunning())
        return {};
    ResourceUsage u;
    u.cpuMillicores = (m_profile ? m_profile->cpuMillicores : 0) + qint64(requestsPerSecond * 0.5 + 0.5);
    u.memoryBytes = m_memoryMiB ? *m_memoryMiB * MiB : (m_profile ? m_profile->memoryBytes : 512 * 1024);
    if (m_process && u.memoryBytes == 0)
        u.memoryBytes = 512 * 1024;
    Q_UNUSED(now);
    return u;
}

} // namespace kube::kubelet
