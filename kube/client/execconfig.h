#pragma once
// ExecConfig: a kubeconfig user's `exec` entry (client-go credential plugin), as loaded —
// relative commands containing a '/' already resolved against the kubeconfig's directory.
// ExecClusterInfo: what the plugin is told about the cluster when provideClusterInfo is set
// (spec.cluster of the ExecCredential passed in KUBERNETES_EXEC_INFO).
// Plain value types; any thread.

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace kube {

inline constexpr auto ExecApiV1 = "client.authentication.k8s.io/v1";
inline constexpr auto ExecApiV1beta1 = "client.authentication.k8s.io/v1beta1";
// The cluster extension whose value is passed to the plugin as spec.cluster.config.
inline constexpr auto ExecClusterExtensionName = "client.authentication.k8s.io/exec";

// How a plugin may use a terminal. Timonel never has one: Always cannot be satisfied and
// IfAvailable runs non-interactively.
enum class ExecInteractiveMode { Unspecified, Never, IfAvailable, Always };

struct ExecEnvVar {
    QString name;
    QString value;
    friend bool operator==(const ExecEnvVar &, const ExecEnvVar &) = default;
};

struct ExecConfig {
    QString apiVersion;     // ExecApiV1 or ExecApiV1beta1
    QString command;        // as written, or absolute when it contained a '/'
    QStringList args;
    QList<ExecEnvVar> env;  // merged onto the process environment
    QString installHint;    // shown when the command cannot be found
    bool provideClusterInfo = false;
    ExecInteractiveMode interactiveMode = ExecInteractiveMode::Unspecified;
};

struct ExecClusterInfo {
    QString server;
    QByteArray certificateAuthorityData; // PEM
    bool insecureSkipTlsVerify = false;
    QString tlsServerName;
    QString proxyUrl;
    QJsonValue config;                   // the ExecClusterExtensionName extension; Undefined: none
};

} // namespace kube
