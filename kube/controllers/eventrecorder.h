#pragma once
// EventRecorder: writes core/v1 Events as kube-controller-manager's and the kubelet's
// recorders do — involvedObject, reason, message, source component and host, first/last
// timestamps and a count — so `kubectl get events` and `describe` show them. A repeat of the
// same (object, type, reason, message) within ten minutes bumps the count of the existing
// Event instead of creating another (upstream's event correlator, simplified).
//
// Thread affinity: the controllers' thread. Memory: remembers at most 4,096 recent events.

#include "kube/api/object.h"

#include <QDateTime>
#include <QHash>
#include <QObject>

namespace kube {

class Clock;
class RestClient;

class EventRecorder : public QObject
{
    Q_OBJECT
public:
    EventRecorder(RestClient *client, const Clock &clock, QObject *parent = nullptr);

    enum class Type { Normal, Warning };
    // component: "deployment-controller", "kubelet", "default-scheduler"…; host: the node for
    // the kubelet. fieldPath: "spec.containers{nginx}" for container events.
    void record(const Object &involved, Type type, const QString &reason, const QString &message,
                const QString &component, const QString &host = {}, const QString &fieldPath = {});

    qint64 recorded() const { return m_recorded; }

private:
    struct Seen {
        QString name;
        QString namespace_;
        int count = 0;
        QDateTime last;
    };
    RestClient *m_client;
    const Clock &m_clock;
    QHash<QString, Seen> m_seen;
    qint64 m_recorded = 0;
};

} // namespace kube
