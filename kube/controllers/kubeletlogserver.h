#pragma once
// KubeletLogServer: the simulated kubelet's log endpoint, as a real kubelet serves it on its
// port: GET /containerLogs/{namespace}/{pod}/{container}?follow=&previous=&timestamps=
// &tailLines=&sinceSeconds=&sinceTime=&limitBytes=, answered as text/plain from the pod's
// simulation. The API server's pods/log handler proxies to it (upstream's design). A request
// must carry the cluster's bearer token; the server listens on 127.0.0.1 only.
//
// Following: the answer is chunked; the controller calls podAdvanced(key) after each
// simulation step of a pod (its timer wake-ups, so no polling), and each follower sends what
// its container instance appended since. A follower ends when that instance stops running
// (or restarts), the pod goes away, limitBytes is reached, or the client disconnects.
// Errors are plain text with upstream's status and wording (400 for a container waiting to
// start, a missing previous instance…).
//
// Thread affinity: the kubelet's thread (the simulations' thread); sockets live there too.
// Memory: a request head is bounded (kMaxRequestBytes); a follower whose reader lags more than
// kMaxPendingBytes is disconnected.

#include <QByteArray>
#include <QHash>
#include <QObject>

#include <functional>

class QTcpServer;
class QTcpSocket;

namespace kube {

class Clock;

namespace kubelet {
class PodSimulation;
} // namespace kubelet

class KubeletLogServer : public QObject
{
    Q_OBJECT
public:
    static constexpr qsizetype kMaxRequestBytes = 16 * 1024;
    static constexpr qint64 kMaxPendingBytes = 8 * 1024 * 1024;

    // The simulation of "namespace/name", or null; called on this thread for each request.
    using SimulationLookup = std::function<const kubelet::PodSimulation *(const QString &key)>;

    KubeletLogServer(QByteArray bearerToken, SimulationLookup lookup, const Clock &clock, QObject *parent = nullptr);
    ~KubeletLogServer() override;

    // Listens on 127.0.0.1 on a free port; returns it, or 0 on failure.
    quint16 listen();
    quint16 port() const { return m_port; }

    // The pod's simulation stepped (or was removed): its followers send what is new.
    void podAdvanced(const QString &key);
    qsizetype followerCount() const { return m_followers.size(); }

private:
    struct Follower;
    void accept();
    void readRequest(QTcpSocket *socket);
    void serve(QTcpSocket *socket, const QByteArray &head);
    bool isStillFollowing(const Follower &follower) const;
    void endFollower(QTcpSocket *socket);

    QByteArray m_token;
    SimulationLookup m_lookup;
    const Clock &m_clock;
    QTcpServer *m_server;
    quint16 m_port = 0;
    QMultiHash<QString, QTcpSocket *> m_byPod;  // pod key → its following sockets
    QHash<QTcpSocket *, Follower *> m_followers; // owned
};

} // namespace kube
