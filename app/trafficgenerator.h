#pragma once
// TrafficGenerator: measured traffic for the canary and blue-green wizards. Sends HTTP GET
// requests to 127.0.0.1:<nodePort> — where the embedded cluster's kube-proxy serves NodePort and
// LoadBalancer Services — a few in flight at a time over QNetworkAccessManager (persistent
// connections where the server keeps them; the embedded proxy closes each one, so it reconnects),
// and tallies who answered: the pod named by the X-Timonel-Served-By header (or the body's
// "Served by <pod>"), grouped by a classifier (the wizards map a pod to its `version` label
// through the pods informer). Connection errors, time-outs and 5xx answers count as failures.
//
// Measurement needs a loopback port: unavailableReason() says why there is none (a ClusterIP
// Service, a cluster other than the embedded one — its node ports are not on this machine).
//
// GUI thread (or any thread with an event loop; it lives where it was created). Cost: one
// QNetworkReply per request; about 1,000 requests a second against the embedded cluster.

#include "models/traffictally.h"

#include "kube/api/object.h"

#include <QObject>

#include <chrono>
#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace timonel {

class TrafficGenerator : public QObject
{
    Q_OBJECT
public:
    struct Options {
        int requests = 1000;   // 0: until stop()
        int concurrency = 4;   // requests in flight at once
        QString path = QStringLiteral("/");
        std::chrono::milliseconds timeout{5000};
    };
    // The group a responding pod counts under ("" when unknown).
    using Classifier = std::function<QString(const QString &pod)>;

    explicit TrafficGenerator(QObject *parent = nullptr);
    ~TrafficGenerator() override;

    // The Service's first TCP node port when it is a NodePort or LoadBalancer Service.
    static std::optional<int> nodePort(const kube::Object &service);
    // Empty when the Service can be measured; else a translated sentence saying why not.
    // embeddedCluster: the session's cluster is Timonel's own (its node ports are on loopback).
    static QString unavailableReason(const kube::Object &service, bool embeddedCluster);

    void setClassifier(Classifier classifier) { m_classifier = std::move(classifier); }
    // Starts a run (a run in progress is stopped first); the tally starts from zero.
    void start(int port, const Options &options);
    void start(int port) { start(port, Options()); }
    void stop();
    bool isRunning() const { return m_running; }
    const TrafficTally &tally() const { return m_tally; }

Q_SIGNALS:
    // After each completed request (throttled by the caller if needed).
    void progressed(int completed, int requested);
    // The run completed its requests or was stopped.
    void finished();

private:
    void sendNext();
    void handle(QNetworkReply *reply);
    void finish();

    QNetworkAccessManager *m_network;
    Classifier m_classifier;
    Options m_options;
    int m_port = 0;
    int m_inFlight = 0;
    quint64 m_run = 0; // replies of a stopped run are ignored
    bool m_running = false;
    TrafficTally m_tally;
};

} // namespace timonel
