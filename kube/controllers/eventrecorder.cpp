#include "eventrecorder.h"

#include "controllercontext.h"

#include "kube/api/clock.h"
#include "kube/client/restclient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>

namespace kube {

EventRecorder::EventRecorder(RestClient *client, const Clock &clock, QObject *parent, qsizetype maxQueued)
    : QObject(parent), m_client(client), m_clock(clock), m_maxQueued(maxQueued)
{
}

void EventRecorder::record(const Object &involved, Type type, const QString &reason, const QString &message,
                           const QString &component, const QString &host, const QString &fieldPath)
{
    ++m_recorded;
    if (qsizetype(m_queue.size()) >= m_maxQueued) {
        ++m_dropped; // upstream's broadcaster drops when its queue is full
        return;
    }
    Pending pending;
    EventOccurrence &e = pending.occurrence;
    e.component = component;
    e.host = host;
    e.kind = involved.kind();
    e.apiVersion = involved.apiVersion();
    e.namespace_ = involved.namespace_();
    e.name = involved.name();
    e.uid = involved.uid();
    e.fieldPath = fieldPath;
    e.type = type == Type::Warning ? u"Warning"_qs : u"Normal"_qs;
    e.reason = reason;
    e.message = message;
    e.timestamp = m_clock.now();
    pending.involvedResourceVersion = involved.resourceVersion();
    pending.sequence = m_recorded;
    // Events of cluster-scoped objects (nodes) live in "default", as upstream records them.
    pending.eventNamespace = involved.namespace_().isEmpty() ? u"default"_qs : involved.namespace_();
    m_queue.push_back(std::move(pending));
    drain();
}

// One write at a time (upstream: the sink's goroutine writes each event in turn).
void EventRecorder::drain()
{
    while (!m_writing && !m_queue.empty()) {
        const Pending pending = std::move(m_queue.front());
        m_queue.pop_front();
        // Upstream names events <object>.<hex nanoseconds>, unique per object.
        const QString name = pending.occurrence.name + u'.'
            + QString::number(pending.occurrence.timestamp.toMSecsSinceEpoch() * 1000000 + pending.sequence % 1000000, 16);
        const CorrelatedEvent event = m_correlator.correlate(pending.occurrence, name);
        if (event.action == CorrelatedEvent::Action::Skip) {
            ++m_skipped;
            continue;
        }
        m_writing = true;
        write(pending, event);
    }
}

void EventRecorder::finished()
{
    ++m_written;
    m_writing = false;
    drain();
}

void EventRecorder::write(const Pending &pending, const CorrelatedEvent &event)
{
    if (event.action == CorrelatedEvent::Action::Create) {
        create(pending, event);
        return;
    }
    const QJsonObject patch{{u"count"_qs, event.count},
                            {u"lastTimestamp"_qs, formatKubeTime(event.lastTimestamp)},
                            {u"message"_qs, event.message}};
    QPointer<EventRecorder> self(this);
    m_client->patch({gvr::events(), pending.eventNamespace, event.name, QString()}, PatchType::Merge,
                    QJsonDocument(patch).toJson(QJsonDocument::Compact), [self, pending, event](Expected<Object> r) {
                        if (!self)
                            return;
                        if (!r.ok() && r.error().is(reason::NotFound)) {
                            self->create(pending, event); // the Event is gone (expired, deleted): write it again
                            return;
                        }
                        self->finished();
                    });
}

void EventRecorder::create(const Pending &pending, const CorrelatedEvent &event)
{
    const EventOccurrence &e = pending.occurrence;
    QJsonObject involvedObject{
        {u"apiVersion"_qs, e.apiVersion},
        {u"kind"_qs, e.kind},
        {u"name"_qs, e.name},
        {u"uid"_qs, e.uid},
        {u"resourceVersion"_qs, pending.involvedResourceVersion},
    };
    if (!e.namespace_.isEmpty())
        involvedObject.insert(u"namespace", e.namespace_);
    if (!e.fieldPath.isEmpty())
        involvedObject.insert(u"fieldPath", e.fieldPath);
    QJsonObject source{{u"component"_qs, e.component}};
    if (!e.host.isEmpty())
        source.insert(u"host", e.host);
    const QJsonObject json{
        {u"apiVersion"_qs, u"v1"_qs},
        {u"kind"_qs, u"Event"_qs},
        {u"metadata"_qs, QJsonObject{{u"name"_qs, event.name}, {u"namespace"_qs, pending.eventNamespace}}},
        {u"involvedObject"_qs, involvedObject},
        {u"reason"_qs, e.reason},
        {u"message"_qs, event.message},
        {u"source"_qs, source},
        {u"firstTimestamp"_qs, formatKubeTime(event.firstTimestamp)},
        {u"lastTimestamp"_qs, formatKubeTime(event.lastTimestamp)},
        {u"count"_qs, event.count},
        {u"type"_qs, e.type},
        {u"reportingComponent"_qs, e.component},
        {u"reportingInstance"_qs, e.host.isEmpty() ? e.component : e.host},
    };
    QPointer<EventRecorder> self(this);
    m_client->create({gvr::events(), pending.eventNamespace, QString(), QString()}, Object::fromJson(json), [self](Expected<Object>) {
        if (self)
            self->finished();
    });
}

} // namespace kube
