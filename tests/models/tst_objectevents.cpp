#include "kube/api/clock.h"
#include "kube/api/object.h"
#include "models/objectevents.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace timonel;

namespace {

const QDateTime Now = QDateTime(QDate(2026, 3, 10), QTime(12, 0), Qt::UTC);

class FixedClock : public kube::Clock
{
public:
    QDateTime now() const override { return m_now; }
    QDateTime m_now = Now;
};

kube::Object parse(const QByteArray &json)
{
    auto o = kube::Object::parse(json);
    if (!o)
        qFatal("bad fixture: %s", qPrintable(o.error().message()));
    return *o;
}

const kube::Object Pod = parse(R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"web-1","namespace":"shop","uid":"pod-2"}})");

// A core/v1 event about kind/name with involvedObject uid (may be empty) and lastTimestamp.
kube::Object coreEvent(const char *name, const char *uid, const char *last, const char *type = "Normal", const char *kind = "Pod",
                       const char *objectName = "web-1")
{
    return parse(QByteArray(R"({"apiVersion":"v1","kind":"Event","metadata":{"name":")") + name + R"(","namespace":"shop","uid":"ev-)" + name +
                 R"("},"involvedObject":{"kind":")" + kind + R"(","namespace":"shop","name":")" + objectName + R"(","uid":")" + uid +
                 R"("},"reason":"R-)" + name + R"(","message":"m )" + name + R"(","type":")" + type + R"(","count":2,
                 "firstTimestamp":"2026-03-10T11:00:00Z","lastTimestamp":")" + last + R"(","source":{"component":"kubelet","host":"node-1"}})");
}

ObjectEvent makeEvent(const QString &key, const QString &reason, int minutesAgo)
{
    ObjectEvent e;
    e.key = key;
    e.reason = reason;
    e.type = u"Normal"_qs;
    e.lastSeen = Now.addSecs(-60 * minutesAgo);
    e.firstSeen = e.lastSeen;
    return e;
}

QStringList keys(const QAbstractItemModel &model)
{
    QStringList out;
    for (int r = 0; r < model.rowCount(); ++r)
        out << model.index(r, 0).data(ObjectEventsModel::KeyRole).toString();
    return out;
}

} // namespace

class TestObjectEvents : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void selectsByUidThenName()
    {
        const QList<kube::Object> events = {
            coreEvent("a", "pod-2", "2026-03-10T11:50:00Z"),
            coreEvent("old-incarnation", "pod-1", "2026-03-10T11:59:00Z"), // same name, earlier pod
            coreEvent("no-uid", "", "2026-03-10T11:40:00Z", "Warning"),
            coreEvent("other-pod", "pod-9", "2026-03-10T11:58:00Z", "Normal", "Pod", "web-2"),
            coreEvent("same-name-other-kind", "", "2026-03-10T11:57:00Z", "Normal", "Service"),
            // events.k8s.io/v1: regarding, note, series, reportingController.
            parse(R"({"apiVersion":"events.k8s.io/v1","kind":"Event","metadata":{"name":"b","namespace":"shop","uid":"ev-b"},
                "regarding":{"kind":"Pod","namespace":"shop","name":"web-1","uid":"pod-2","fieldPath":"spec.containers{web}"},
                "reason":"BackOff","note":"Back-off restarting failed container","type":"Warning",
                "eventTime":"2026-03-10T11:30:00.000000Z","reportingController":"kubelet",
                "series":{"count":7,"lastObservedTime":"2026-03-10T11:55:00.000000Z"}})"),
            // Not an event at all, but it names the pod.
            Pod,
        };
        const QList<ObjectEvent> selected = selectObjectEvents(Pod, events);
        QStringList order;
        for (const ObjectEvent &e : selected)
            order << e.key;
        QCOMPARE(order, (QStringList{"ev-b", "ev-a", "ev-no-uid"})); // newest first

        const ObjectEvent &b = selected.at(0);
        QCOMPARE(b.type, u"Warning"_qs);
        QCOMPARE(b.category, StatusCategory::Warning);
        QCOMPARE(b.reason, u"BackOff"_qs);
        QCOMPARE(b.message, u"Back-off restarting failed container"_qs);
        QCOMPARE(b.source, u"kubelet"_qs);
        QCOMPARE(b.count, 7);
        QCOMPARE(b.lastSeen, QDateTime(QDate(2026, 3, 10), QTime(11, 55), Qt::UTC));
        QCOMPARE(b.firstSeen, QDateTime(QDate(2026, 3, 10), QTime(11, 30), Qt::UTC));
        QCOMPARE(b.fieldPath, u"spec.containers{web}"_qs);

        const ObjectEvent &a = selected.at(1);
        QCOMPARE(a.category, StatusCategory::Neutral);
        QCOMPARE(a.source, u"kubelet, node-1"_qs);
        QCOMPARE(a.count, 2);
        QCOMPARE(a.message, u"m a"_qs);
        QCOMPARE(selected.at(2).category, StatusCategory::Warning);
    }

    void lastSeenFallsBackToEventTime()
    {
        const auto e = objectEventFromJson(parse(R"({"apiVersion":"v1","kind":"Event","metadata":{"name":"x","creationTimestamp":"2026-03-10T10:00:00Z"},
            "involvedObject":{"kind":"Pod","name":"p"},"eventTime":"2026-03-10T11:00:00.500000Z","reportingComponent":"scheduler"})").toJson());
        QCOMPARE(e.lastSeen, QDateTime(QDate(2026, 3, 10), QTime(11, 0, 0, 500), Qt::UTC));
        QCOMPARE(e.count, 1);
        QCOMPARE(e.source, u"scheduler"_qs);
    }

    void modelColumns()
    {
        FixedClock clock;
        ObjectEventsModel model(nullptr, &clock);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setEvents(selectObjectEvents(Pod, {coreEvent("a", "pod-2", "2026-03-10T11:50:00Z", "Warning")}));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.columnCount(), int(ObjectEventsModel::ColumnCount));
        QCOMPARE(model.index(0, ObjectEventsModel::TypeColumn).data().toString(), u"Warning"_qs);
        QCOMPARE(model.index(0, ObjectEventsModel::TypeColumn).data(ObjectEventsModel::StatusRole).toInt(), int(StatusCategory::Warning));
        QCOMPARE(model.index(0, ObjectEventsModel::ReasonColumn).data().toString(), u"R-a"_qs);
        QCOMPARE(model.index(0, ObjectEventsModel::LastSeenColumn).data().toString(), u"10m"_qs);
        QCOMPARE(model.index(0, ObjectEventsModel::CountColumn).data().toInt(), 2);
        QCOMPARE(model.index(0, ObjectEventsModel::SourceColumn).data().toString(), u"kubelet, node-1"_qs);
        QCOMPARE(model.index(0, ObjectEventsModel::MessageColumn).data().toString(), u"m a"_qs);
        QCOMPARE(model.headerData(ObjectEventsModel::LastSeenColumn, Qt::Horizontal).toString(), u"Last seen"_qs);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        clock.m_now = Now.addSecs(3600);
        model.refreshAges();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.index(0, ObjectEventsModel::LastSeenColumn).data().toString(), u"70m"_qs);
    }

    void modelDiffsInsteadOfResetting()
    {
        FixedClock clock;
        ObjectEventsModel model(nullptr, &clock);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);

        model.setEvents({makeEvent("a", "A", 1), makeEvent("b", "B", 2), makeEvent("c", "C", 3)});
        QCOMPARE(keys(model), (QStringList{"a", "b", "c"}));
        QCOMPARE(inserted.size(), 3);

        // Same events again: nothing to say.
        model.setEvents({makeEvent("a", "A", 1), makeEvent("b", "B", 2), makeEvent("c", "C", 3)});
        QCOMPARE(inserted.size(), 3);
        QCOMPARE(changed.size(), 0);

        // b is gone, d is new at the top, a changed its count.
        ObjectEvent a2 = makeEvent("a", "A", 1);
        a2.count = 5;
        inserted.clear();
        model.setEvents({makeEvent("d", "D", 0), a2, makeEvent("c", "C", 3)});
        QCOMPARE(keys(model), (QStringList{"d", "a", "c"}));
        QCOMPARE(removed.size(), 1);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 0);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.index(1, ObjectEventsModel::CountColumn).data().toInt(), 5);

        // c happens again and moves to the top: a layout change that carries persistent indexes.
        QPersistentModelIndex cIndex = model.index(2, ObjectEventsModel::ReasonColumn);
        QCOMPARE(cIndex.data().toString(), u"C"_qs);
        ObjectEvent c2 = makeEvent("c", "C", 0);
        c2.lastSeen = Now.addSecs(30);
        model.setEvents({c2, makeEvent("d", "D", 0), a2});
        QCOMPARE(keys(model), (QStringList{"c", "d", "a"}));
        QCOMPARE(layout.size(), 1);
        QCOMPARE(cIndex.row(), 0);
        QCOMPARE(cIndex.data().toString(), u"C"_qs);

        model.setEvents({});
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(reset.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestObjectEvents)
#include "tst_objectevents.moc"
