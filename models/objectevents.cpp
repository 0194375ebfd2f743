#include "objectevents.h"

#include "kube/api/clock.h"
#include "kube/api/duration.h"
#include "kube/api/object.h"

#include <QHash>
#include <QJsonObject>
#include <QLocale>
#include <QSet>

#include <algorithm>
#include <string_view>

namespace timonel {

namespace {

QDateTime timeOf(const QJsonValue &value)
{
    const QString text = value.toString();
    if (text.isEmpty())
        return {};
    const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    // Go's zero time means "not set".
    return t.isValid() && t.date().year() > 1 ? t : QDateTime();
}

QDateTime firstValid(std::initializer_list<QDateTime> times)
{
    for (const QDateTime &t : times) {
        if (t.isValid())
            return t;
    }
    return {};
}

QString sourceText(const QJsonObject &source)
{
    const QString component = source.value(u"component").toString();
    const QString host = source.value(u"host").toString();
    if (component.isEmpty() || host.isEmpty())
        return component.isEmpty() ? host : component;
    return component + u", "_qs + host;
}

bool isEvent(const kube::Object &object)
{
    if (object.kind() != u"Event")
        return false;
    const QString apiVersion = object.apiVersion();
    return apiVersion == u"v1" || apiVersion == u"events.k8s.io/v1";
}

} // namespace

ObjectEvent objectEventFromJson(const QJsonObject &event)
{
    const QJsonObject metadata = event.value(u"metadata").toObject();
    const bool eventsApi = event.value(u"apiVersion").toString() == u"events.k8s.io/v1";
    const QJsonObject regarding = event.value(eventsApi ? u"regarding" : u"involvedObject").toObject();
    const QJsonObject series = event.value(u"series").toObject();

    ObjectEvent e;
    e.key = metadata.value(u"uid").toString();
    if (e.key.isEmpty())
        e.key = metadata.value(u"namespace").toString() + u'/' + metadata.value(u"name").toString();
    e.type = event.value(u"type").toString();
    e.category = e.type == u"Warning" ? StatusCategory::Warning : StatusCategory::Neutral;
    e.reason = event.value(u"reason").toString();
    e.message = event.value(eventsApi ? u"note" : u"message").toString();
    const QJsonObject source = event.value(eventsApi ? u"deprecatedSource" : u"source").toObject();
    e.source = sourceText(source);
    if (e.source.isEmpty())
        e.source = event.value(eventsApi ? u"reportingController" : u"reportingComponent").toString();
    const QJsonValue countValue = series.contains(u"count") ? series.value(u"count") : event.value(eventsApi ? u"deprecatedCount" : u"count");
    e.count = countValue.isDouble() && countValue.toInt() > 0 ? countValue.toInt() : 1;
    const QDateTime created = timeOf(metadata.value(u"creationTimestamp"));
    const QDateTime eventTime = timeOf(event.value(u"eventTime"));
    const QDateTime first = timeOf(event.value(eventsApi ? u"deprecatedFirstTimestamp" : u"firstTimestamp"));
    const QDateTime last = timeOf(event.value(eventsApi ? u"deprecatedLastTimestamp" : u"lastTimestamp"));
    e.lastSeen = firstValid({timeOf(series.value(u"lastObservedTime")), last, eventTime, created});
    e.firstSeen = firstValid({first, eventTime, created, e.lastSeen});
    e.objectKind = regarding.value(u"kind").toString();
    e.objectNamespace = regarding.value(u"namespace").toString();
    e.objectName = regarding.value(u"name").toString();
    e.objectUid = regarding.value(u"uid").toString();
    e.fieldPath = regarding.value(u"fieldPath").toString();
    return e;
}

bool eventConcerns(const ObjectEvent &event, const kube::Object &object)
{
    const QString uid = object.uid();
    if (!event.objectUid.isEmpty() && !uid.isEmpty())
        return event.objectUid == uid;
    return event.objectKind == object.kind() && event.objectNamespace == object.namespace_() && event.objectName == object.name();
}

QList<ObjectEvent> selectObjectEvents(const kube::Object &object, const QList<kube::Object> &events)
{
    QList<ObjectEvent> selected;
    if (object.isNull())
        return selected;
    // Every matching event names the object, so its bytes contain the name; most events are
    // skipped without a parse.
    const QByteArray name = object.name().toUtf8();
    const std::string_view needle(name.constData(), size_t(name.size()));
    QSet<QString> keys;
    for (const kube::Object &event : events) {
        const std::string_view bytes(event.json().constData(), size_t(event.json().size()));
        if (bytes.find(needle) == std::string_view::npos || !isEvent(event))
            continue;
        ObjectEvent e = objectEventFromJson(event.toJson());
        if (!eventConcerns(e, object) || keys.contains(e.key))
            continue;
        keys.insert(e.key);
        selected.append(std::move(e));
    }
    std::sort(selected.begin(), selected.end(), [](const ObjectEvent &a, const ObjectEvent &b) {
        if (a.lastSeen != b.lastSeen)
            return a.lastSeen > b.lastSeen;
        if (a.reason != b.reason)
            return a.reason < b.reason;
        return a.key < b.key;
    });
    return selected;
}

ObjectEventsModel::ObjectEventsModel(QObject *parent, const kube::Clock *clock)
    : QAbstractTableModel(parent)
    , m_clock(clock ? clock : &kube::Clock::system())
{
}

void ObjectEventsModel::setClock(const kube::Clock *clock)
{
    m_clock = clock ? clock : &kube::Clock::system();
    refreshAges();
}

void ObjectEventsModel::setEvents(const QList<ObjectEvent> &events)
{
    QHash<QString, int> order;
    order.reserve(events.size());
    for (int i = 0; i < events.size(); ++i)
        order.insert(events.at(i).key, i);
    Q_ASSERT(order.size() == events.size()); // keys unique

    // 1. Remove rows whose key is gone, in contiguous runs from the bottom.
    for (int i = int(m_events.size()) - 1; i >= 0; --i) {
        if (order.contains(m_events.at(i).key))
            continue;
        const int last = i;
        while (i > 0 && !order.contains(m_events.at(i - 1).key))
            --i;
        beginRemoveRows({}, i, last);
        m_events.remove(i, last - i + 1);
        endRemoveRows();
    }

    // 2. Put the surviving rows in the new relative order.
    auto position = [&order](const ObjectEvent &e) { return order.value(e.key); };
    const bool inOrder = std::is_sorted(m_events.cbegin(), m_events.cend(),
                                        [&](const ObjectEvent &a, const ObjectEvent &b) { return position(a) < position(b); });
    if (!inOrder) {
        Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
        QList<ObjectEvent> reordered = m_events;
        std::sort(reordered.begin(), reordered.end(), [&](const ObjectEvent &a, const ObjectEvent &b) { return position(a) < position(b); });
        QHash<QString, int> newRow;
        for (int i = 0; i < reordered.size(); ++i)
            newRow.insert(reordered.at(i).key, i);
        const QModelIndexList from = persistentIndexList();
        QModelIndexList to;
        to.reserve(from.size());
        for (const QModelIndex &index : from)
            to.append(this->index(newRow.value(m_events.at(index.row()).key), index.column()));
        m_events = std::move(reordered);
        changePersistentIndexList(from, to);
        Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    }

    // 3. Walk the new list: survivors are now a subsequence in order, so a key that differs
    // from the row at the same position is new.
    for (int i = 0; i < events.size(); ++i) {
        const ObjectEvent &e = events.at(i);
        if (i < m_events.size() && m_events.at(i).key == e.key) {
            if (!(m_events.at(i) == e)) {
                m_events[i] = e;
                Q_EMIT dataChanged(index(i, 0), index(i, ColumnCount - 1));
            }
            continue;
        }
        beginInsertRows({}, i, i);
        m_events.insert(i, e);
        endInsertRows();
    }
}

void ObjectEventsModel::refreshAges()
{
    if (!m_events.isEmpty())
        Q_EMIT dataChanged(index(0, LastSeenColumn), index(int(m_events.size()) - 1, LastSeenColumn), {Qt::DisplayRole});
}

int ObjectEventsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int ObjectEventsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ObjectEventsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ObjectEvent &e = m_events.at(index.row());
    if (role == StatusRole)
        return int(e.category);
    if (role == KeyRole)
        return e.key;
    if (role == Qt::ToolTipRole) {
        if (index.column() == LastSeenColumn && e.lastSeen.isValid())
            return tr("First seen %1, last seen %2").arg(QLocale().toString(e.firstSeen.toLocalTime(), QLocale::ShortFormat),
                                                         QLocale().toString(e.lastSeen.toLocalTime(), QLocale::ShortFormat));
        if (index.column() == MessageColumn)
            return e.message;
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TypeColumn: return e.type;
    case ReasonColumn: return e.reason;
    case LastSeenColumn:
        if (!e.lastSeen.isValid())
            return tr("<unknown>");
        return kube::Duration(e.lastSeen.msecsTo(m_clock->now()) * kube::Duration::Millisecond).toHumanString();
    case CountColumn: return e.count;
    case SourceColumn: return e.source;
    case MessageColumn: return e.message;
    default: return {};
    }
}

QVariant ObjectEventsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TypeColumn: return tr("Type");
    case ReasonColumn: return tr("Reason");
    case LastSeenColumn: return tr("Last seen");
    case CountColumn: return tr("Count");
    case SourceColumn: return tr("From");
    case MessageColumn: return tr("Message");
    default: return {};
    }
}

} // namespace timonel
