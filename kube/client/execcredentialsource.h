#pragma once
// ExecCredentialSource: a client-go credential plugin (kubeconfig `exec`) as a CredentialSource.
// Runs the command with its arguments (argv, never a shell), the configured env merged onto
// the process environment and KUBERNETES_EXEC_INFO carrying an ExecCredential request
// (spec.interactive=false; spec.cluster when provideClusterInfo). Its stdout must be an
// ExecCredential of the same apiVersion with status.token or status.clientCertificateData +
// clientKeyData; the result is cached until status.expirationTimestamp (by the injected Clock)
// or until credential(true).
//
// A command runs only when the ExecApprovalStore holds an approval for this kubeconfig, the
// resolved absolute command (a bare name is looked up in the search path) and its arguments;
// otherwise credential() fails with reason::ExecPluginNotApproved and approvalRequest() says
// what to approve. Errors carry the command and its trimmed stderr (bounded), never stdout.
//
// Thread safety: credential() may be called from any thread; concurrent callers wait for one
// run (a mutex is held while the plugin runs). Cost: one process per refresh, blocking the
// caller up to the time-out (60 s by default).

#include "kube/api/clock.h"
#include "kube/client/execapprovalstore.h"
#include "kube/client/execconfig.h"
#include "kube/client/restconfig.h"

#include <QMutex>
#include <QProcessEnvironment>

#include <memory>
#include <optional>

namespace kube {

class ExecCredentialSource final : public CredentialSource
{
public:
    struct Options {
        ExecConfig exec;
        ExecClusterInfo cluster;        // passed when exec.provideClusterInfo
        QString kubeconfigPath;         // the file defining the user (part of the approval key)
        QString userName;               // for messages
        QString searchPath;             // ':'-separated directories for a bare command (PATH)
        std::shared_ptr<ExecApprovalStore> approvals; // required: without one nothing runs
        const Clock *clock = &Clock::system();
        int timeoutMs = 60'000;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    };

    explicit ExecCredentialSource(Options options);

    Expected<Credential> credential(bool forceRefresh) override;
    QString describe() const override;

    // What the user must approve: fails when the command cannot be found (with installHint).
    Expected<ExecApproval> approvalRequest() const;

    // How many times the plugin ran (tests, diagnostics).
    int runCount() const;

private:
    Expected<QString> resolveCommand() const;
    Expected<Credential> run(const QString &program);
    QByteArray execInfo() const;
    Expected<Credential> parse(const QByteArray &stdoutBytes, const QString &program) const;

    Options m_options;
    mutable QMutex m_mutex;
    std::optional<Credential> m_cached;
    int m_runs = 0;
};

} // namespace kube
