#include "probe.h"

#include "lifecyclerules.h"

#include <QJsonArray>

namespace kube::kubelet {

QString probeTypeName(ProbeType type)
{
    switch (type) {
    case ProbeType::Liveness: return QStringLiteral("Liveness");
    case ProbeType::Readiness: return QStringLiteral("Readiness");
    case ProbeType::Startup: return QStringLiteral("Startup");
    }
    return {};
}

ProbeSpec ProbeSpec::parse(const QJsonObject &probe, const QHash<QString, int> &portsByName, const LifecycleRules &d)
{
    ProbeSpec s;
    if (probe.isEmpty())
        return s;
    auto port = [&](const QJsonValue &v) { return v.isString() ? portsByName.value(v.toString(), v.toString().toInt()) : v.toInt(); };
    if (const QJsonObject http = probe.value(QLatin1String("httpGet")).toObject(); !http.isEmpty()) {
        s.handler = Handler::HttpGet;
        s.path = http.value(QLatin1String("path")).toString(QStringLiteral("/"));
        s.scheme = http.value(QLatin1String("scheme")).toString(QStringLiteral("HTTP"));
        s.port = port(http.value(QLatin1String("port")));
    } else if (const QJsonObject tcp = probe.value(QLatin1String("tcpSocket")).toObject(); !tcp.isEmpty()) {
        s.handler = Handler::TcpSocket;
        s.port = port(tcp.value(QLatin1String("port")));
    } else if (const QJsonObject exec = probe.value(QLatin1String("exec")).toObject(); !exec.isEmpty()) {
        s.handler = Handler::Exec;
        for (const QJsonValue &a : exec.value(QLatin1String("command")).toArray())
            s.command.append(a.toString());
    } else if (const QJsonObject grpc = probe.value(QLatin1String("grpc")).toObject(); !grpc.isEmpty()) {
        s.handler = Handler::Grpc;
        s.port = grpc.value(QLatin1String("port")).toInt();
    }
    s.initialDelaySeconds = probe.value(QLatin1String("initialDelaySeconds")).toInt(0);
    s.periodSeconds = probe.value(QLatin1String("periodSeconds")).toInt(d.probePeriodSeconds);
    s.timeoutSeconds = probe.value(QLatin1String("timeoutSeconds")).toInt(d.probeTimeoutSeconds);
    s.successThreshold = probe.value(QLatin1String("successThreshold")).toInt(d.probeSuccessThreshold);
    s.failureThreshold = probe.value(QLatin1String("failureThreshold")).toInt(d.probeFailureThreshold);
    if (probe.contains(QLatin1String("terminationGracePeriodSeconds")))
        s.terminationGracePeriodSeconds = qint64(probe.value(QLatin1String("terminationGracePeriodSeconds")).toDouble());
    return s;
}

bool ProbeWorker::record(bool success)
{
    const std::optional<bool> before = result;
    if (success) {
        failures = 0;
        if (++successes >= spec.successThreshold)
            result = true;
    } else {
        successes = 0;
        if (++failures >= spec.failureThreshold)
            result = false;
    }
    return result != before;
}

} // namespace kube::kubelet
