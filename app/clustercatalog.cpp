#include "clustercatalog.h"

#include <QCoreApplication>

namespace timonel {

ClusterCatalog ClusterCatalog::load(const kube::KubeconfigLoadOptions &options)
{
    ClusterCatalog catalog;
    ClusterEntry embedded;
    embedded.kind = ClusterEntry::Kind::Embedded;
    embedded.id = QStringLiteral("embedded");
    embedded.displayName = QCoreApplication::translate("ClusterCatalog", "Embedded cluster");
    catalog.m_entries.append(embedded);

    kube::Expected<kube::Kubeconfig> config = kube::Kubeconfig::load(options);
    if (!config) {
        catalog.m_loadError = config.error().message();
        return catalog;
    }
    catalog.m_kubeconfig = *config;
    for (const kube::KubeconfigContext &context : config->contexts()) {
        ClusterEntry entry;
        entry.kind = ClusterEntry::Kind::Context;
        entry.id = QStringLiteral("context:") + context.name;
        entry.displayName = context.name;
        entry.contextName = context.name;
        if (const kube::KubeconfigCluster *cluster = config->cluster(context.cluster))
            entry.server = cluster->server;
        entry.isCurrent = context.name == config->currentContext();
        entry.kubeconfigFile = config->fileForContext(context.name);
        catalog.m_entries.append(entry);
    }
    return catalog;
}

const ClusterEntry *ClusterCatalog::entry(const QString &id) const
{
    for (const ClusterEntry &e : m_entries) {
        if (e.id == id)
            return &e;
    }
    return nullptr;
}

QString ClusterCatalog::defaultEntryId(bool preferEmbedded) const
{
    if (!preferEmbedded) {
        for (const ClusterEntry &e : m_entries) {
            if (e.isCurrent)
                return e.id;
        }
    }
    return QStringLiteral("embedded");
}

kube::Expected<kube::RestConfig> ClusterCatalog::restConfig(const ClusterEntry &entry) const
{
    if (!m_kubeconfig)
        return kube::Status::badRequest(QCoreApplication::translate("ClusterCatalog", "no kubeconfig was loaded"));
    return m_kubeconfig->restConfig(entry.contextName);
}

kube::Expected<kube::RestConfig> ClusterCatalog::embeddedRestConfig(const QString &kubeconfigPath)
{
    kube::KubeconfigLoadOptions options;
    options.explicitPath = kubeconfigPath;
    kube::Expected<kube::Kubeconfig> config = kube::Kubeconfig::load(options);
    if (!config)
        return config.error();
    return config->restConfig();
}

} // namespace timonel
