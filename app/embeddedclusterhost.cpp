#include "embeddedclusterhost.h"

#include "kube/cluster/embeddedcluster.h"
#include "kube/cluster/kubeconfigentry.h"

namespace timonel {

EmbeddedClusterHost::EmbeddedClusterHost(Settings settings, QObject *parent) : QObject(parent), m_settings(std::move(settings))
{
    m_thread.setObjectName(QStringLiteral("embedded-cluster"));
}

EmbeddedClusterHost::~EmbeddedClusterHost()
{
    if (m_cluster)
        QMetaObject::invokeMethod(m_cluster, [this] { delete m_cluster; m_cluster = nullptr; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

QString EmbeddedClusterHost::kubeconfigPath() const
{
    return m_settings.dataDir + QStringLiteral("/kubeconfig");
}

const kube::Clock *EmbeddedClusterHost::clock() const
{
    // The cluster object is created on this thread in start() and only deleted by the
    // destructor; its clock is fixed at construction.
    return m_cluster ? &m_cluster->clock() : nullptr;
}

void EmbeddedClusterHost::start()
{
    m_thread.start();
    kube::ClusterOptions options;
    options.dataDir = m_settings.dataDir;
    options.speed = m_settings.speed;
    options.nodes = m_settings.nodes;
    m_cluster = new kube::EmbeddedCluster(options);
    m_cluster->moveToThread(&m_thread);
    QMetaObject::invokeMethod(m_cluster, [this] {
        const kube::Status s = m_cluster->start();
        if (!s.isSuccess()) {
            const QString message = s.message();
            QMetaObject::invokeMethod(this, [this, message] { Q_EMIT failed(message); }, Qt::QueuedConnection);
            return;
        }
        kube::KubeconfigEntry entry;
        entry.server = m_cluster->url();
        entry.token = m_cluster->token();
        entry.certificateAuthority = m_cluster->caCertificate();
        const kube::Status written = kube::writeKubeconfigEntry(kubeconfigPath(), entry);
        const QString url = m_cluster->url();
        const QString path = written.isSuccess() ? kubeconfigPath() : QString();
        QMetaObject::invokeMethod(this, [this, url, path] { Q_EMIT started(url, path); }, Qt::QueuedConnection);
    });
}

} // namespace timonel
