#pragma once
// ClusterCatalog: the clusters the console can open — the embedded cluster (always offered,
// started on demand) and every context of the user's kubeconfig (KUBECONFIG list or
// ~/.kube/config, merged as kubectl merges them) — and the RestConfig for each.
//
// A kubeconfig that cannot be read is not fatal: the catalog keeps the embedded cluster and
// reports the error (file and reason) through loadError().
//
// GUI thread (it is a plain value, but restConfig() may run an exec plugin's approval lookup and
// reads files: call it where blocking briefly is acceptable).

#include "kube/api/expected.h"
#include "kube/client/kubeconfig.h"

#include <QList>
#include <QString>

#include <optional>

namespace timonel {

struct ClusterEntry {
    enum class Kind { Embedded, Context };
    Kind kind = Kind::Context;
    QString id;          // "embedded" or "context:<name>"
    QString displayName; // what the picker shows
    QString contextName; // Context only
    QString server;      // Context only: the cluster's server URL, for tooltips
    QString kubeconfigFile; // Context only: the file that defines the context
    bool isCurrent = false; // the kubeconfig's current-context
};

class ClusterCatalog
{
public:
    // Reads the kubeconfig files the environment names (or explicitPath when given).
    static ClusterCatalog load(const kube::KubeconfigLoadOptions &options);

    const QList<ClusterEntry> &entries() const { return m_entries; }
    const ClusterEntry *entry(const QString &id) const;
    // The entry to open at start: the embedded cluster when preferEmbedded or when the
    // kubeconfig has no usable current context; else the current context.
    QString defaultEntryId(bool preferEmbedded) const;
    QString loadError() const { return m_loadError; }

    // The configuration of a kubeconfig context entry (errors name the context and the reason).
    kube::Expected<kube::RestConfig> restConfig(const ClusterEntry &entry) const;
    // The configuration of the embedded cluster from the kubeconfig it wrote.
    static kube::Expected<kube::RestConfig> embeddedRestConfig(const QString &kubeconfigPath);

private:
    QList<ClusterEntry> m_entries;
    std::optional<kube::Kubeconfig> m_kubeconfig;
    QString m_loadError;
};

} // namespace timonel
