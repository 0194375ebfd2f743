#pragma once
// Kubeconfig: the kubeconfig files merged exactly as kubectl loads them, and a RestConfig for
// each of their contexts.
//
// Which files: an explicit file (--kubeconfig) wins and must exist; else the KUBECONFIG list
// (':'-separated, missing files skipped, empty entries ignored); else <home>/.kube/config
// (absent: an empty config). Merge: the first file that defines a cluster, user or context
// name wins for that name; current-context comes from the first file that sets it.
//
// restConfig() resolves a context as clientcmd does: namespace "default" when unset; files
// named by certificate-authority / client-certificate / client-key are read then; tokenFile
// becomes a TokenFileSource and exec an ExecCredentialSource (approved through the
// options' ExecApprovalStore); an `auth-provider: oidc` user becomes an OidcCredentialSource
// (kubectl still ships that provider); other auth-provider users (gcp, azure: removed from
// kubectl) fail with the exec plugin that replaces them. Conflicting settings kubectl refuses (two auth methods, a file and data for the same
// thing, a CA with insecure-skip-tls-verify) are errors.
//
// The credential sources (exec plugin, token file, oidc) are made once per user and shared by every
// restConfig() of every copy of a loaded Kubeconfig, so a plugin's cached credential is reused.
//
// Value type, copyable to any thread (the shared source cache has its own mutex); load() and
// restConfig() do blocking file I/O.

#include "kube/api/clock.h"
#include "kube/api/expected.h"
#include "kube/client/kubeconfigfile.h"
#include "kube/client/restconfig.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace kube {

class ExecApprovalStore;

struct KubeconfigLoadOptions {
    QString explicitPath;     // --kubeconfig; empty: none
    QString kubeconfigEnv;    // the value of KUBECONFIG; empty: unset
    QString homeDir;          // for ~/.kube/config; empty: no default file
    QString execSearchPath;   // PATH used to find exec plugins given as a bare name
    std::shared_ptr<ExecApprovalStore> execApprovals; // null: one in AppConfigLocation
    const Clock *clock = &Clock::system();

    // KUBECONFIG, PATH and the home directory of this process.
    static KubeconfigLoadOptions fromEnvironment();
};

class Kubeconfig
{
public:
    static Expected<Kubeconfig> load(const KubeconfigLoadOptions &options);

    // The files that were read, in precedence order (missing KUBECONFIG entries left out).
    const QStringList &files() const { return m_files; }
    const QList<KubeconfigContext> &contexts() const { return m_contexts; }
    QStringList contextNames() const;
    QString currentContext() const { return m_currentContext; }
    const KubeconfigContext *context(const QString &name) const;
    const KubeconfigCluster *cluster(const QString &name) const;
    const KubeconfigUser *user(const QString &name) const;

    // The resolved configuration of one context (empty name: the current context).
    Expected<RestConfig> restConfig(const QString &contextName = {}) const;

    // Where kubectl would write: new entries go to defaultFile(); the current context to the
    // first file that sets one (else defaultFile()); an existing context to the file defining it.
    QString defaultFile() const { return m_defaultFile; }
    QString currentContextFile() const;
    QString fileForContext(const QString &name) const;

private:
    Status resolveCluster(const KubeconfigCluster &cluster, RestConfig &config) const;
    Status resolveUser(const KubeconfigUser &user, const KubeconfigCluster &cluster, RestConfig &config) const;

    std::shared_ptr<CredentialSource> sharedSource(const KubeconfigUser &user,
                                                   const std::function<std::shared_ptr<CredentialSource>()> &make) const;

    struct SourceCache;
    std::shared_ptr<SourceCache> m_sources;
    KubeconfigLoadOptions m_options;
    QStringList m_files;
    QString m_defaultFile;
    QString m_currentContext;
    QString m_currentContextFile;
    QList<KubeconfigCluster> m_clusters;
    QList<KubeconfigUser> m_users;
    QList<KubeconfigContext> m_contexts;
};

} // namespace kube
