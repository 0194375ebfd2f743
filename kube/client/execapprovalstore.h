#pragma once
// ExecApprovalStore: which exec credential plugins the user allowed to run. A kubeconfig can
// name any program; Timonel runs one only after the user approved that exact command — the
// kubeconfig file, the resolved absolute command path and the arguments — so editing any of
// them asks again. Persisted as JSON (mode 0600) in an injected directory.
//
// Thread safety: every method may be called from any thread (one mutex); the file is re-read
// on each query so several stores (or processes) sharing it agree. Cost: one small file read
// per query, one atomic write per change.

#include "kube/api/status.h"

#include <QList>
#include <QMutex>
#include <QString>
#include <QStringList>

namespace kube {

namespace reason {
// Status reason of a credential request refused because the plugin is not approved yet. The
// Status message names the absolute command; details.name is the command too.
inline constexpr auto ExecPluginNotApproved = "ExecPluginNotApproved";
} // namespace reason

struct ExecApproval {
    QString kubeconfig; // absolute path of the file that defines the user
    QString command;    // absolute, resolved path of the program
    QStringList args;
    friend bool operator==(const ExecApproval &, const ExecApproval &) = default;
};

class ExecApprovalStore
{
public:
    // directory: where "exec-approvals.json" lives; empty: QStandardPaths::AppConfigLocation.
    explicit ExecApprovalStore(const QString &directory = {});

    QString filePath() const { return m_path; }
    bool isApproved(const ExecApproval &approval) const;
    QList<ExecApproval> approvals() const;
    Status approve(const ExecApproval &approval);
    Status revoke(const ExecApproval &approval);

private:
    QList<ExecApproval> readLocked() const;
    Status writeLocked(const QList<ExecApproval> &approvals);

    QString m_path;
    mutable QMutex m_mutex;
};

} // namespace kube
