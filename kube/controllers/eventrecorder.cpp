#include "eventrecorder.h"

#include "controllercontext.h"

#include "kube/api/clock.h"
#include "kube/client/restclient.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace kube {

namespace {

constexpr qsizetype MaxRemembered = 4096;
constexpr qint64 CorrelationSeconds = 600;

} // namespace

EventRecorder::EventRecorder(RestClient *client, const Clock &clock, QObject *parent)
    : QObject(parent), m_client(client), m_clock(clock)
{
}

void EventRecorder::record(const Object &involved, Type type, const QString &reason, const QString &message,
                           const QString &component, const QString &host, const QString &fieldPath)
{
    ++m_recorded;
    const QDateTime now = m_clock.now();
    const QString typeText = type == Type::Warning ? u"Warning"_qs : u"Normal"_qs;
    // Events of cluster-scoped objects (nodes) live in "default", as upstream records them.
    const QString ns = involved.namespace_().isEmpty() ? u"default"_qs : involved.namespace_();
    const QString correlation = involved.uid() + u'\x1f' + typeText + u'\x1f' + reason + u'\x1f' + message + u'\x1f' + fieldPath;

    auto seen = m_seen.find(correlation);
    if (seen != m_seen.end() && seen->last.secsTo(now) < CorrelationSeconds) {
        seen->count += 1;
        seen->last = now;
        const QJsonObject patch{{u"count"_qs, seen->count}, {u"lastTimestamp"_qs, formatKubeTime(now)}};
        m_client->patch({gvr::events(), seen->namespace_, seen->name, QString()}, PatchType::Merge,
                        QJsonDocument(patch).toJson(QJsonDocument::Compact), [](Expected<Object>) {});
        return;
    }
    if (m_seen.size() >= MaxRemembered)
        m_seen.clear(); // forgetting only costs a new Event instead of a count bump

    // Upstream names events <object>.<hex nanoseconds>, unique per object.
    const QString name = involved.name() + u'.' + QString::number(now.toMSecsSinceEpoch() * 1000000 + m_recorded % 1000000, 16);
    QJsonObject involvedObject{
        {u"apiVersion"_qs, involved.apiVersion()},
        {u"kind"_qs, involved.kind()},
        {u"name"_qs, involved.name()},
        {u"uid"_qs, involved.uid()},
        {u"resourceVersion"_qs, involved.resourceVersion()},
    };
    if (!involved.namespace_().isEmpty())
        involvedObject.insert(u"namespace", involved.namespace_());
    if (!fieldPath.isEmpty())
        involvedObject.insert(u"fieldPath", fieldPath);
    QJsonObject source{{u"component"_qs, component}};
    if (!host.isEmpty())
        source.insert(u"host", host);
    const QJsonObject event{
        {u"apiVersion"_qs, u"v1"_qs},
        {u"kind"_qs, u"Event"_qs},
        {u"metadata"_qs, QJsonObject{{u"name"_qs, name}, {u"namespace"_qs, ns}}},
        {u"involvedObject"_qs, involvedObject},
        {u"reason"_qs, reason},
        {u"message"_qs, message},
        {u"source"_qs, source},
        {u"firstTimestamp"_qs, formatKubeTime(now)},
        {u"lastTimestamp"_qs, formatKubeTime(now)},
        {u"count"_qs, 1},
        {u"type"_qs, typeText},
        {u"reportingComponent"_qs, component},
        {u"reportingInstance"_qs, host.isEmpty() ? component : host},
    };
    m_seen.insert(correlation, Seen{name, ns, 1, now});
    m_client->create({gvr::events(), ns, QString(), QString()}, Object::fromJson(event), [](Expected<Object>) {});
}

} // namespace kube
