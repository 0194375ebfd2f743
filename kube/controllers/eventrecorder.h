#pragma once
// EventRecorder: writes core/v1 Events as kube-controller-manager's and the kubelet's
// recorders do — involvedObject, reason, message, source component and host, first/last
// timestamps and a count — so `kubectl get events` and `describe` show them.
//
// As client-go's broadcaster and sink: record() never blocks nor writes synchronously; it
// queues the event (at most 1,000 waiting; more are dropped, as upstream's broadcaster drops
// when its queue is full), and the queue drains through one write at a time, so under a burst
// Events take at most one of the client's connections and the objects' own writes (pods,
// bindings, status) keep the rest. Each event goes through an EventCorrelator when it leaves
// the queue: similar events are combined, identical ones bump the existing Event's count with a
// patch (a create again when that Event is gone), and a source+object flood is rate limited.
//
// Thread affinity: the thread of the client it writes through. Memory: the queue (<= 1,000
// events) and the correlator's LRUs (3 x 4,096 keys).

#include "eventcorrelator.h"

#include "kube/api/object.h"

#include <QObject>

#include <deque>

namespace kube {

class Clock;
class RestClient;

class EventRecorder : public QObject
{
    Q_OBJECT
public:
    static constexpr qsizetype MaxQueued = 1000; // upstream maxQueuedEvents

    // maxQueued: events waiting beyond the one being written (tests make it small).
    EventRecorder(RestClient *client, const Clock &clock, QObject *parent = nullptr, qsizetype maxQueued = MaxQueued);

    enum class Type { Normal, Warning };
    // component: "deployment-controller", "kubelet", "default-scheduler"…; host: the node for
    // the kubelet. fieldPath: "spec.containers{nginx}" for container events.
    void record(const Object &involved, Type type, const QString &reason, const QString &message,
                const QString &component, const QString &host = {}, const QString &fieldPath = {});

    qint64 recorded() const { return m_recorded; } // record() calls
    qint64 dropped() const { return m_dropped; }   // queue full
    qint64 skipped() const { return m_skipped; }   // spam filter
    qint64 written() const { return m_written; }   // creates and patches answered
    qsizetype queued() const { return qsizetype(m_queue.size()); }

private:
    struct Pending {
        EventOccurrence occurrence;
        QString involvedResourceVersion;
        QString eventNamespace;
        qint64 sequence = 0; // makes names unique within one timestamp
    };
    void drain();
    void write(const Pending &pending, const CorrelatedEvent &event);
    void create(const Pending &pending, const CorrelatedEvent &event);
    void finished();

    RestClient *m_client;
    const Clock &m_clock;
    EventCorrelator m_correlator;
    const qsizetype m_maxQueued;
    std::deque<Pending> m_queue;
    bool m_writing = false;
    qint64 m_recorded = 0;
    qint64 m_dropped = 0;
    qint64 m_skipped = 0;
    qint64 m_written = 0;
};

} // namespace kube
