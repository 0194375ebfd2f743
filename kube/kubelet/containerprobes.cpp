#include "containersimulation.h"

// What a running container answers from outside: whether a port listens, the HTTP status of a
// path, probe outcomes, and the HTTP response the service proxy and ingress forward. The
// lifecycle (pull, run, stop, restart) is in containersimulation.cpp.

#include "simulationdata.h"

#include <QJsonArray>

namespace kube::kubelet {

bool ContainerSimulation::listening(int port, const QDateTime &now) const
{
    if (!m_serverRunning || m_stage != Stage::Running || !m_profile)
        return false;
    if (m_startedAt.msecsTo(now) < qint64(m_profile->startupSeconds * 1000))
        return false;
    return m_profile->listensOn(port);
}

bool ContainerSimulation::injectedFailure(ProbeType type, const QDateTime &now) const
{
    const std::optional<qint64> &after = type == ProbeType::Readiness ? m_failReadinessAfterMs : m_failLivenessAfterMs;
    if (type == ProbeType::Startup || !after)
        return false;
    return m_startedAt.msecsTo(now) >= *after;
}

int ContainerSimulation::httpStatus(const QString &path, ProbeType *probe, const QDateTime &now) const
{
    if (probe && injectedFailure(*probe, now))
        return 500;
    if (m_httpStatus)
        return *m_httpStatus;
    return m_profile->hasHttpPath(path) ? 200 : 404;
}

ProbeOutcome ContainerSimulation::evaluateProbe(const ProbeWorker &w, const QDateTime &now) const
{
    const ProbeSpec &s = w.spec;
    ProbeType type = w.type;
    const QString hostPort = QStringLiteral("%1:%2").arg(m_pod->podIP).arg(s.port);
    switch (s.handler) {
    case ProbeSpec::Handler::None:
        return {true, {}};
    case ProbeSpec::Handler::Exec: {
        if (injectedFailure(type, now))
            return {false, QStringLiteral("timonel: injected %1 failure").arg(probeTypeName(type).toLower())};
        QStringList argv = s.command;
        std::optional<ShellProcess::Result> r;
        const FileSystemView files(&m_pod->files, m_name, m_mounts);
        if (argv.size() >= 3 && isShellProgram(argv[0]) && argv[1] == QLatin1String("-c")) {
            auto script = ShellScript::parse(argv[2]);
            if (!script.ok())
                return {false, script.error().message()};
            r = ShellProcess::runToCompletion(script.value(), environment(), files, now, s.timeoutSeconds * 1000LL);
        } else {
            r = ShellProcess::runToCompletion(ShellScript::fromArgv(argv), environment(), files, now, s.timeoutSeconds * 1000LL);
        }
        if (!r)
            return {false, QStringLiteral("command timed out")};
        return {r->exitCode == 0, r->output};
    }
    case ProbeSpec::Handler::TcpSocket:
    case ProbeSpec::Handler::Grpc:
        if (!listening(s.port, now) || injectedFailure(type, now))
            return {false, QStringLiteral("dial tcp %1: connect: connection refused").arg(hostPort)};
        return {true, {}};
    case ProbeSpec::Handler::HttpGet: {
        const QString url = QStringLiteral("%1://%2%3").arg(s.scheme.toLower(), hostPort, s.path);
        if (!listening(s.port, now))
            return {false, QStringLiteral("Get \"%1\": dial tcp %2: connect: connection refused").arg(url, hostPort)};
        if (!m_profile->servesHttp || m_profile->httpPort != s.port)
            return {false, QStringLiteral("Get \"%1\": net/http: HTTP/1.x transport connection broken: malformed HTTP response").arg(url)};
        const int status = httpStatus(s.path, &type, now);
        if (status >= 200 && status < 400)
            return {true, {}};
        return {false, QStringLiteral("HTTP probe failed with statuscode: %1").arg(status)};
    }
    }
    return {true, {}};
}

void ContainerSimulation::runProbe(ProbeWorker &w, const QDateTime &now)
{
    w.nextRun = now.addSecs(std::max(1, w.spec.periodSeconds));
    const ProbeOutcome o = evaluateProbe(w, now);
    if (!o.success)
        recordEvent(now, "Warning", "Unhealthy", QStringLiteral("%1 probe failed: %2").arg(probeTypeName(w.type), o.message));
    w.record(o.success);
    if (w.result != false)
        return;
    if (w.type == ProbeType::Liveness) {
        kill(now, StopCause::Liveness, QStringLiteral("Container %1 failed liveness probe, will be restarted").arg(m_name),
             w.spec.terminationGracePeriodSeconds.value_or(m_pod->gracePeriodSeconds));
    } else if (w.type == ProbeType::Startup) {
        kill(now, StopCause::Startup, QStringLiteral("Container %1 failed startup probe, will be restarted").arg(m_name),
             w.spec.terminationGracePeriodSeconds.value_or(m_pod->gracePeriodSeconds));
    }
}

// ---- traffic and metrics -------------------------------------------------------------------

HttpResponse ContainerSimulation::http(int port, const QString &path, const QDateTime &now) const
{
    HttpResponse r;
    r.servedBy = m_pod->name + QLatin1Char('/') + m_name;
    if (!listening(port, now) || !m_profile->servesHttp || m_profile->httpPort != port)
        return r;
    r.status = httpStatus(path, nullptr, now);
    if (r.status == 404) {
        r.body = QStringLiteral("404 page not found\n");
        return r;
    }
    const TemplateContext tc{m_pod->name, m_pod->namespace_, m_name, m_image.normalised(),
                             m_env.value(QStringLiteral("VERSION"), m_pod->versionLabel.isEmpty() ? m_image.version() : m_pod->versionLabel),
                             m_pod->podIP, m_argv};
    r.body = renderTemplate(m_profile->httpBody, tc, now);
    return r;
}

} // namespace kube::kubelet
