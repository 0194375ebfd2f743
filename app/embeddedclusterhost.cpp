#include "embeddedclusterhost.h"

#include "kube/cluster/embeddedcluster.h"
#include "kube/cluster/kubeconfigentry.h"

namespace timonel {

EmbeddedClusterHost::EmbeddedClusterHost(QString dataDir, QObject *parent) : QObject(parent), m_dataDir(std::move(dataDir))
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
    return m_dataDir + QStringLiteral("/kubeconfig");
}

void EmbeddedClusterHost::start()
{
    m_thread.start();
    kube::ClusterOptions options;
    options.dataDir = m_dataDir;
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
