// Rows of cluster-level kinds: Namespace, Node, Event (core/v1 and events.k8s.io/v1, which
// upstream prints through the same internal type) and Lease.

#include "rowprinters.h"

#include <QStringList>

#include <set>

namespace kube::printers {

namespace {

// findNodeRoles: node-role.kubernetes.io/<role> labels and a kubernetes.io/role=<role> label,
// sorted and de-duplicated.
QString nodeRoles(const QJsonObject &labels)
{
    static const QString prefix = u"node-role.kubernetes.io/"_qs;
    std::set<QString> roles;
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        const QString key = it.key();
        if (key.startsWith(prefix)) {
            const QString role = key.mid(prefix.size());
            if (!role.isEmpty())
                roles.insert(role);
        } else if (key == u"kubernetes.io/role" && !it.value().toString().isEmpty()) {
            roles.insert(it.value().toString());
        }
    }
    if (roles.empty())
        return u"<none>"_qs;
    return QStringList(roles.begin(), roles.end()).join(u',');
}

QString nodeAddress(const QJsonObject &status, QStringView type)
{
    for (const QJsonValue &v : arr(status, u"addresses")) {
        const QJsonObject address = v.toObject();
        if (str(address, u"type") == type)
            return str(address, u"address");
    }
    return u"<none>"_qs;
}

QString orUnknown(const QString &text)
{
    return text.isEmpty() ? u"<unknown>"_qs : text;
}

// formatEventSource: component (or reportingController), then ", host" (or reportingInstance).
QString eventSource(const QJsonObject &source, const QString &reportingController, const QString &reportingInstance)
{
    const QString component = str(source, u"component").isEmpty() ? reportingController : str(source, u"component");
    const QString instance = str(source, u"host").isEmpty() ? reportingInstance : str(source, u"host");
    if (instance.isEmpty())
        return component;
    return component + u", "_qs + instance;
}

// The fields printEvent reads, under their core/v1 names.
struct EventFields {
    QJsonObject object;
    QJsonObject involvedObject;
    QJsonObject source;
    QJsonValue firstTimestamp;
    QJsonValue lastTimestamp;
    QJsonValue eventTime;
    QJsonValue series;
    qint64 count = 0;
    QString message;
};

Row printEventFields(const EventFields &e, const QDateTime &now)
{
    QString firstTimestamp = translateTimestampSince(e.firstTimestamp, now);
    if (!parseTime(e.firstTimestamp).isValid())
        firstTimestamp = translateTimestampSince(e.eventTime, now);
    QString lastTimestamp = translateTimestampSince(e.lastTimestamp, now);
    if (!parseTime(e.lastTimestamp).isValid())
        lastTimestamp = firstTimestamp;
    qint64 count = e.count;
    if (!e.series.isUndefined() && !e.series.isNull()) {
        const QJsonObject series = e.series.toObject();
        lastTimestamp = translateTimestampSince(series.value(u"lastObservedTime"), now);
        count = integer(series, u"count");
    } else if (count == 0) {
        count = 1; // singleton events of the new API carry no count
    }
    const QString kind = str(e.involvedObject, u"kind").toLower();
    const QString involvedName = str(e.involvedObject, u"name");
    const QString target = involvedName.isEmpty() ? kind : kind + u'/' + involvedName;

    Row row;
    row.cells = {lastTimestamp,
                 str(e.object, u"type"),
                 str(e.object, u"reason"),
                 target,
                 str(e.involvedObject, u"fieldPath"),
                 eventSource(e.source, str(e.object, u"reportingController"), str(e.object, u"reportingInstance")),
                 e.message.trimmed(),
                 firstTimestamp,
                 count,
                 name(e.object)};
    return row;
}

} // namespace

Row printNamespace(const QJsonObject &object, const QDateTime &now)
{
    // Defaulting sets status.phase Active.
    const QString phase = str(obj(object, u"status"), u"phase");
    Row row;
    row.cells = {name(object), phase.isEmpty() ? u"Active"_qs : phase, age(object, now)};
    return row;
}

Row printNode(const QJsonObject &object, const QDateTime &now)
{
    const QJsonObject status = obj(object, u"status");
    const QJsonObject nodeInfo = obj(status, u"nodeInfo");
    // Only the Ready condition counts; the last one of that type wins, as in upstream's map.
    QStringList state;
    QString readyStatus;
    for (const QJsonValue &v : arr(status, u"conditions")) {
        const QJsonObject c = v.toObject();
        if (str(c, u"type") == u"Ready")
            readyStatus = c.value(u"status").toString(u"?"_qs);
    }
    if (!readyStatus.isNull())
        state.append(readyStatus == u"True" ? u"Ready"_qs : u"NotReady"_qs);
    if (state.isEmpty())
        state.append(u"Unknown"_qs);
    if (obj(object, u"spec").value(u"unschedulable").toBool(false))
        state.append(u"SchedulingDisabled"_qs);

    Row row;
    row.cells = {name(object),
                 state.join(u','),
                 nodeRoles(obj(obj(object, u"metadata"), u"labels")),
                 age(object, now),
                 str(nodeInfo, u"kubeletVersion"),
                 nodeAddress(status, u"InternalIP"),
                 nodeAddress(status, u"ExternalIP"),
                 orUnknown(str(nodeInfo, u"osImage")),
                 orUnknown(str(nodeInfo, u"kernelVersion")),
                 orUnknown(str(nodeInfo, u"containerRuntimeVersion"))};
    return row;
}

Row printEvent(const QJsonObject &object, const QDateTime &now)
{
    EventFields e;
    e.object = object;
    e.involvedObject = obj(object, u"involvedObject");
    e.source = obj(object, u"source");
    e.firstTimestamp = object.value(u"firstTimestamp");
    e.lastTimestamp = object.value(u"lastTimestamp");
    e.eventTime = object.value(u"eventTime");
    e.series = object.value(u"series");
    e.count = integer(object, u"count");
    e.message = str(object, u"message");
    return printEventFields(e, now);
}

Row printEventsV1Event(const QJsonObject &object, const QDateTime &now)
{
    // Convert_v1_Event_To_core_Event: regarding, deprecatedSource, note, deprecated timestamps.
    EventFields e;
    e.object = object;
    e.involvedObject = obj(object, u"regarding");
    e.source = obj(object, u"deprecatedSource");
    e.firstTimestamp = object.value(u"deprecatedFirstTimestamp");
    e.lastTimestamp = object.value(u"deprecatedLastTimestamp");
    e.eventTime = object.value(u"eventTime");
    e.series = object.value(u"series");
    e.count = integer(object, u"deprecatedCount");
    e.message = str(object, u"note");
    return printEventFields(e, now);
}

Row printLease(const QJsonObject &object, const QDateTime &now)
{
    Row row;
    row.cells = {name(object), str(obj(object, u"spec"), u"holderIdentity"), age(object, now)};
    return row;
}

} // namespace kube::printers
