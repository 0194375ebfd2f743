#pragma once
// The events of one object, for the details pane's Events tab: selection from the events the
// informer holds (core/v1 Events by involvedObject, events.k8s.io/v1 Events by regarding; by UID,
// falling back to kind + namespace + name when the event names no UID), newest first, and
// ObjectEventsModel, a table over them that updates by diffing (keyed by the event's UID), never
// by reset.
//
// selectObjectEvents(): pure, any thread; cost one byte search per event (the object's name)
// plus a parse of each event that mentions it. ObjectEventsModel: GUI thread (or the thread
// that owns it); setEvents() costs O(n) plus the row signals of what changed.

#include "models/statuscategory.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QString>

class QJsonObject;

namespace kube {
class Clock;
class Object;
} // namespace kube

namespace timonel {

struct ObjectEvent {
    QString key;     // metadata.uid, or "namespace/name" when the event has none
    QString type;    // "Normal", "Warning"
    StatusCategory category = StatusCategory::Neutral; // Warning for Warning events
    QString reason;
    QString message; // core/v1 message, events.k8s.io/v1 note
    QString source;  // source.component (", host"), else reportingController / reportingComponent
    int count = 1;
    QDateTime firstSeen;
    QDateTime lastSeen;
    // What the event is about (involvedObject / regarding).
    QString objectKind;
    QString objectNamespace;
    QString objectName;
    QString objectUid;
    QString fieldPath; // "spec.containers{web}"

    friend bool operator==(const ObjectEvent &, const ObjectEvent &) = default;
};

// One event of either API. lastSeen: series.lastObservedTime, else lastTimestamp
// (deprecatedLastTimestamp), else eventTime, else creationTimestamp; count: series.count, else
// count (deprecatedCount), else 1.
ObjectEvent objectEventFromJson(const QJsonObject &event);

// Whether the event is about this object: same UID when both name one, else same kind,
// namespace and name.
bool eventConcerns(const ObjectEvent &event, const kube::Object &object);

// The events about object, newest first (ties: by reason, then key). Objects that are not
// events are skipped.
QList<ObjectEvent> selectObjectEvents(const kube::Object &object, const QList<kube::Object> &events);

class ObjectEventsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TypeColumn, ReasonColumn, LastSeenColumn, CountColumn, SourceColumn, MessageColumn, ColumnCount };
    enum Role {
        StatusRole = Qt::UserRole + 1, // int(StatusCategory), on every column
        KeyRole,                       // ObjectEvent::key
    };

    // clock: for the Last seen ages; null = the system clock. Not owned.
    explicit ObjectEventsModel(QObject *parent = nullptr, const kube::Clock *clock = nullptr);

    // Replaces the rows with events (as selectObjectEvents() orders them). Rows whose key
    // disappears are removed, new keys inserted, changed rows signalled; a change of order is
    // one layoutChanged with persistent indexes moved.
    void setEvents(const QList<ObjectEvent> &events);
    const QList<ObjectEvent> &events() const { return m_events; }
    // The ages moved on: dataChanged for the Last seen column.
    void refreshAges();
    // Ages from another clock (a sped-up embedded cluster's); null = the system clock. Not owned.
    void setClock(const kube::Clock *clock);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const kube::Clock *m_clock;
    QList<ObjectEvent> m_events; // keys unique
};

} // namespace timonel
