// EventCorrelator's decisions, as client-go's EventCorrelator makes them: identical events bump
// one Event's count; from the 10th distinct message of the same source/object/type/reason within
// 10 minutes on, events are combined into one aggregate Event that is counted up; a source may
// write 25 events about one object, then 1 per 5 minutes; other objects are not limited.
#include "kube/controllers/eventcorrelator.h"

#include <QTest>

using namespace kube;

namespace {

const QDateTime T0 = QDateTime(QDate(2026, 11, 27), QTime(10, 0), Qt::UTC);

EventOccurrence occurrence(const QString &object, const QString &reason, const QString &message, const QDateTime &at)
{
    EventOccurrence e;
    e.component = u"replicaset-controller"_qs;
    e.kind = u"ReplicaSet"_qs;
    e.apiVersion = u"apps/v1"_qs;
    e.namespace_ = u"default"_qs;
    e.name = object;
    e.uid = u"uid-"_qs + object;
    e.type = u"Normal"_qs;
    e.reason = reason;
    e.message = message;
    e.timestamp = at;
    return e;
}

} // namespace

class tst_EventCorrelator : public QObject
{
    Q_OBJECT
private slots:
    void identicalEventsBumpTheCount();
    void tenthSimilarEventIsCombined();
    void similarEventsStartOverAfterTenMinutes();
    void aFloodFromOneObjectIsLimited();
    void otherObjectsAreNotLimited();
    void lruForgetsTheOldest();
};

void tst_EventCorrelator::identicalEventsBumpTheCount()
{
    EventCorrelator c;
    const auto first = c.correlate(occurrence(u"web"_qs, u"FailedCreate"_qs, u"quota"_qs, T0), u"web.1"_qs);
    QCOMPARE(first.action, CorrelatedEvent::Action::Create);
    QCOMPARE(first.name, u"web.1"_qs);
    QCOMPARE(first.count, 1);
    const auto second = c.correlate(occurrence(u"web"_qs, u"FailedCreate"_qs, u"quota"_qs, T0.addSecs(30)), u"web.2"_qs);
    QCOMPARE(second.action, CorrelatedEvent::Action::Patch);
    QCOMPARE(second.name, u"web.1"_qs);
    QCOMPARE(second.count, 2);
    QCOMPARE(second.firstTimestamp, T0);
    QCOMPARE(second.lastTimestamp, T0.addSecs(30));
    QCOMPARE(second.message, u"quota"_qs);
    // A different field path is another event.
    auto container = occurrence(u"web"_qs, u"FailedCreate"_qs, u"quota"_qs, T0.addSecs(31));
    container.fieldPath = u"spec.containers{nginx}"_qs;
    QCOMPARE(c.correlate(container, u"web.3"_qs).action, CorrelatedEvent::Action::Create);
}

void tst_EventCorrelator::tenthSimilarEventIsCombined()
{
    EventCorrelator c;
    for (int i = 1; i <= 9; ++i) {
        const auto e = c.correlate(occurrence(u"rs"_qs, u"SuccessfulCreate"_qs, u"Created pod: p%1"_qs.arg(i), T0.addSecs(i)),
                                   u"rs.%1"_qs.arg(i));
        QCOMPARE(e.action, CorrelatedEvent::Action::Create);
        QCOMPARE(e.message, u"Created pod: p%1"_qs.arg(i));
    }
    const auto tenth = c.correlate(occurrence(u"rs"_qs, u"SuccessfulCreate"_qs, u"Created pod: p10"_qs, T0.addSecs(10)), u"rs.10"_qs);
    QCOMPARE(tenth.action, CorrelatedEvent::Action::Create);
    QCOMPARE(tenth.name, u"rs.10"_qs);
    QCOMPARE(tenth.message, u"(combined from similar events): Created pod: p10"_qs);
    const auto eleventh = c.correlate(occurrence(u"rs"_qs, u"SuccessfulCreate"_qs, u"Created pod: p11"_qs, T0.addSecs(11)), u"rs.11"_qs);
    QCOMPARE(eleventh.action, CorrelatedEvent::Action::Patch);
    QCOMPARE(eleventh.name, u"rs.10"_qs); // the aggregate, counted up
    QCOMPARE(eleventh.count, 2);
    QCOMPARE(eleventh.message, u"(combined from similar events): Created pod: p11"_qs);
    // Another reason about the same object is not combined with these.
    const auto other = c.correlate(occurrence(u"rs"_qs, u"SuccessfulDelete"_qs, u"Deleted pod: p1"_qs, T0.addSecs(12)), u"rs.12"_qs);
    QCOMPARE(other.action, CorrelatedEvent::Action::Create);
    QCOMPARE(other.message, u"Deleted pod: p1"_qs);
}

void tst_EventCorrelator::similarEventsStartOverAfterTenMinutes()
{
    EventCorrelator c;
    for (int i = 1; i <= 9; ++i)
        c.correlate(occurrence(u"rs"_qs, u"SuccessfulCreate"_qs, u"Created pod: p%1"_qs.arg(i), T0), u"rs.%1"_qs.arg(i));
    const auto later = c.correlate(occurrence(u"rs"_qs, u"SuccessfulCreate"_qs, u"Created pod: p10"_qs, T0.addSecs(601)), u"rs.10"_qs);
    QCOMPARE(later.action, CorrelatedEvent::Action::Create);
    QCOMPARE(later.message, u"Created pod: p10"_qs);
}

void tst_EventCorrelator::aFloodFromOneObjectIsLimited()
{
    EventCorrelator c;
    int written = 0;
    for (int i = 0; i < 40; ++i) {
        // Distinct reasons: neither combined nor de-duplicated, only the spam filter applies.
        const auto e = c.correlate(occurrence(u"pod"_qs, u"Reason%1"_qs.arg(i), u"m"_qs, T0.addMSecs(i)), u"pod.%1"_qs.arg(i));
        if (e.action != CorrelatedEvent::Action::Skip)
            ++written;
    }
    QCOMPARE(written, 25);
    // One token every 5 minutes.
    QCOMPARE(c.correlate(occurrence(u"pod"_qs, u"Late"_qs, u"m"_qs, T0.addSecs(200)), u"pod.a"_qs).action, CorrelatedEvent::Action::Skip);
    QCOMPARE(c.correlate(occurrence(u"pod"_qs, u"Later"_qs, u"m"_qs, T0.addSecs(301)), u"pod.b"_qs).action, CorrelatedEvent::Action::Create);
    QCOMPARE(c.correlate(occurrence(u"pod"_qs, u"Latest"_qs, u"m"_qs, T0.addSecs(302)), u"pod.c"_qs).action, CorrelatedEvent::Action::Skip);
    // A skipped repeat still counts: the next written repeat carries every occurrence.
    EventCorrelator d;
    for (int i = 0; i < 25; ++i)
        d.correlate(occurrence(u"x"_qs, u"R%1"_qs.arg(i), u"m"_qs, T0), u"x.%1"_qs.arg(i));
    QCOMPARE(d.correlate(occurrence(u"x"_qs, u"R0"_qs, u"m"_qs, T0), u"x.s"_qs).action, CorrelatedEvent::Action::Skip);
    const auto repeat = d.correlate(occurrence(u"x"_qs, u"R0"_qs, u"m"_qs, T0.addSecs(300)), u"x.t"_qs);
    QCOMPARE(repeat.action, CorrelatedEvent::Action::Patch);
    QCOMPARE(repeat.name, u"x.0"_qs);
    QCOMPARE(repeat.count, 3);
}

void tst_EventCorrelator::otherObjectsAreNotLimited()
{
    EventCorrelator c;
    for (int i = 0; i < 1000; ++i) {
        for (const char *reason : {"Scheduled", "Pulled", "Created", "Started"}) {
            const auto e = c.correlate(occurrence(u"pod-%1"_qs.arg(i), QString::fromLatin1(reason), u"m"_qs, T0), u"e"_qs);
            QCOMPARE(e.action, CorrelatedEvent::Action::Create);
        }
    }
}

void tst_EventCorrelator::lruForgetsTheOldest()
{
    LruCache<int> lru(2);
    lru.insert(u"a"_qs, 1);
    lru.insert(u"b"_qs, 2);
    QVERIFY(lru.find(u"a"_qs)); // a is now the most recent
    lru.insert(u"c"_qs, 3);
    QVERIFY(!lru.find(u"b"_qs));
    QCOMPARE(*lru.find(u"a"_qs), 1);
    QCOMPARE(*lru.find(u"c"_qs), 3);
    QCOMPARE(lru.size(), 2);
}

QTEST_GUILESS_MAIN(tst_EventCorrelator)
#include "tst_eventcorrelator.moc"
