#pragma once
// Probe: a container probe (liveness, readiness or startup) as the pod spec describes it, with
// upstream's defaults, and the counters of its worker (consecutive successes and failures
// against successThreshold / failureThreshold). Plain value types; any thread.

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace kube::kubelet {

struct LifecycleRules;

enum class ProbeType { Liveness, Readiness, Startup };
QString probeTypeName(ProbeType type); // "Liveness", "Readiness", "Startup"

struct ProbeSpec {
    enum class Handler { None, HttpGet, TcpSocket, Exec, Grpc };
    Handler handler = Handler::None;
    QString path = QStringLiteral("/");
    QString scheme = QStringLiteral("HTTP");
    int port = 0;           // resolved from a named container port when given by name
    QStringList command;    // exec
    int initialDelaySeconds = 0;
    int periodSeconds = 10;
    int timeoutSeconds = 1;
    int successThreshold = 1;
    int failureThreshold = 3;
    std::optional<qint64> terminationGracePeriodSeconds;

    bool isSet() const { return handler != Handler::None; }
    // Reads container.<kind>Probe; portsByName maps containerPort names to numbers.
    static ProbeSpec parse(const QJsonObject &probe, const QHash<QString, int> &portsByName, const LifecycleRules &defaults);
};

struct ProbeOutcome {
    bool success = false;
    QString message; // the failure text after "<Type> probe failed: "
};

// One probe's worker state for one container instance.
struct ProbeWorker {
    ProbeType type = ProbeType::Liveness;
    ProbeSpec spec;
    QDateTime nextRun;
    int successes = 0;
    int failures = 0;
    std::optional<bool> result; // nullopt until the thresholds decided

    // Records an outcome; returns true when the overall result changed.
    bool record(bool success);
};

} // namespace kube::kubelet
