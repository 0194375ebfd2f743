#pragma once
// EmbeddedClusterHost: runs Timonel's embedded cluster on its own thread inside the desktop
// app (the API server must not share the GUI thread), writes a kubeconfig beside its data so
// kubectl and helm can join in, and reports back to the GUI thread.
//
// Thread affinity: the host lives on the GUI thread; the cluster lives on, and is destroyed
// on, the worker thread it owns.

#include <QObject>
#include <QThread>

namespace kube {
class Clock;
class EmbeddedCluster;
}

namespace timonel {

class EmbeddedClusterHost : public QObject
{
    Q_OBJECT
public:
    struct Settings {
        QString dataDir;
        double speed = 1; // the cluster's time scale (ClusterOptions::speed)
        int nodes = 1;    // simulated nodes
    };

    explicit EmbeddedClusterHost(Settings settings, QObject *parent = nullptr);
    ~EmbeddedClusterHost() override; // stops the cluster and joins the thread

    void start();
    QString kubeconfigPath() const;
    // The cluster's clock (sped up under Settings::speed, or continuing a sped-up run's), for
    // showing ages as the cluster stamps them; null before start(). Thread-safe to read; lives
    // as long as this host.
    const kube::Clock *clock() const;

Q_SIGNALS:
    void started(const QString &url, const QString &kubeconfigPath);
    void failed(const QString &message);

private:
    Settings m_settings;
    QThread m_thread;
    kube::EmbeddedCluster *m_cluster = nullptr; // owned by m_thread's side
};

} // namespace timonel
