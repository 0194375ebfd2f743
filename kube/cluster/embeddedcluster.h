#pragma once
// EmbeddedCluster: Timonel's own Kubernetes — the durable store, the type registry with its
// custom resources, the API server and its HTTP front on 127.0.0.1, and (with later issues)
// the controllers and simulated kubelets, all on one clock (real time, or ClusterOptions::speed
// times faster). timonel-cluster runs it headless; the desktop app runs it on a worker thread.
//
// Thread affinity: create, start and destroy it on one thread with an event loop (the server
// serves from that thread). The store's writer has its own thread; the controllers run on a
// thread of their own and reach the server over HTTPS on loopback, like any client.

#include "kube/api/expected.h"

#include <QByteArray>
#include <QObject>
#include <QString>

class QThread;

#include <chrono>
#include <memory>

namespace kube {

class ApiHttpServer;
class ApiServer;
class ControllerManager;
class Clock;
class ScaledClock;
class Store;
class TypeRegistry;

struct ClusterOptions {
    QString dataDir;          // the store lives here (created 0700)
    quint16 port = 0;         // 0: any free port
    QByteArray token;         // empty: read from <dataDir>/token, or create one there (0600)
    int nodes = 1;            // simulated nodes registered at start (timonel-node-1 … N)
    // Run the controllers, scheduler and simulated kubelets (on their own thread). Tests of the
    // API alone turn them off so nothing but the test writes.
    bool controllers = true;
    // The ingress controller's port on 127.0.0.1 (IngressClass "timonel"); 0: any free port.
    quint16 ingressPort = 0;
    // node-monitor-grace-period of the node lifecycle controller (40 s upstream); tests and
    // demos shorten it. Under speed > 1 it is at least 40 s of real time (speed × 40 s of clock).
    std::chrono::milliseconds nodeMonitorGracePeriod{40000};
    // The time scale (--speed): the cluster's clock runs this many times faster than real time
    // (1 to ScaledClock::MaxSpeed); probes, pulls, back-offs, grace periods all shrink with it.
    double speed = 1;
    // Each simulated node's pod capacity (status.capacity.pods; the kubelet's --max-pods).
    int maxPods = 110;
};

class EmbeddedCluster : public QObject
{
    Q_OBJECT
public:
    explicit EmbeddedCluster(ClusterOptions options, QObject *parent = nullptr);
    ~EmbeddedCluster() override;

    // Opens the store, bootstraps the built-in namespaces, and starts listening.
    Status start();

    QString url() const;        // "https://127.0.0.1:<port>"
    // The PEM certificate of the cluster's own CA, which signed the serving certificate.
    QByteArray caCertificate() const { return m_caCertificate; }
    quint16 port() const { return m_port; }
    // Where Ingresses are served (chosen at start; 0 without controllers).
    quint16 ingressPort() const { return m_ingressPort; }
    QByteArray token() const { return m_token; }
    Store *store() const { return m_store.get(); }
    // The clock every part of the cluster stamps and waits with (scaled under options.speed).
    const Clock &clock() const;

    // The default data directory: $XDG_DATA_HOME/timonel/cluster (~/.local/share/...).
    static QString defaultDataDir();

private:
    Status loadOrCreateToken();
    void keepClockFloor(); // saves the clock's reading now and then (ClockFloor)
    Status bootstrap();
    Status registerNodes();
    Status createDefaultStorageClass();
    Status createDefaultIngressClass();
    Status publishKubernetesService();
    void startControllers();
    std::chrono::milliseconds nodeMonitorGracePeriod() const; // options', or 40 real s under --speed

    ClusterOptions m_options;
    // Set when options.speed > 1, or when the last run's clock is ahead of real time.
    std::unique_ptr<ScaledClock> m_scaledClock;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<TypeRegistry> m_registry;
    std::unique_ptr<ApiServer> m_api;
    std::unique_ptr<ApiHttpServer> m_http;
    // The controllers' thread and the manager living on it (deleted there).
    QThread *m_controllerThread = nullptr;
    ControllerManager *m_controllers = nullptr;
    QByteArray m_token;
    QByteArray m_caCertificate;
    quint16 m_port = 0;
    quint16 m_ingressPort = 0;
};

} // namespace kube
