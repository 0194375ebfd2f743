// PodDisruptionBudget status arithmetic (disruptionstatus.h): expected and desired counts for
// integer and percentage minAvailable / maxUnavailable, healthy counting with pending
// evictions and their two-minute expiry, disruptionsAllowed never negative nor positive
// without expected pods, the DisruptionAllowed condition and its transition time.
#include "kube/controllers/disruption/disruptionstatus.h"

#include <QJsonArray>
#include <QTest>

using namespace kube;

class tst_DisruptionStatus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void counts_data();
    void counts();
    void percentNeedsControllers();
    void pendingEvictionsExpire();
    void allowedAndCondition();
    void failedSync();
};

void tst_DisruptionStatus::counts_data()
{
    QTest::addColumn<QJsonObject>("spec");
    QTest::addColumn<int>("pods");
    QTest::addColumn<int>("scale");
    QTest::addColumn<int>("expected");
    QTest::addColumn<int>("desired");
    QTest::newRow("minAvailable int uses pod count") << QJsonObject{{u"minAvailable"_qs, 2}} << 4 << 10 << 4 << 2;
    QTest::newRow("minAvailable percent rounds up") << QJsonObject{{u"minAvailable"_qs, u"50%"_qs}} << 2 << 5 << 5 << 3;
    QTest::newRow("maxUnavailable int") << QJsonObject{{u"maxUnavailable"_qs, 1}} << 2 << 3 << 3 << 2;
    QTest::newRow("maxUnavailable percent rounds up") << QJsonObject{{u"maxUnavailable"_qs, u"30%"_qs}} << 3 << 5 << 5 << 3;
    QTest::newRow("maxUnavailable above scale") << QJsonObject{{u"maxUnavailable"_qs, 9}} << 3 << 3 << 3 << 0;
}

void tst_DisruptionStatus::counts()
{
    QFETCH(QJsonObject, spec);
    QFETCH(int, pods);
    QFETCH(int, scale);
    const auto c = budgetCounts(spec, pods, scale);
    QVERIFY(c.ok());
    QTEST(c->expectedPods, "expected");
    QTEST(c->desiredHealthy, "desired");
}

void tst_DisruptionStatus::percentNeedsControllers()
{
    QVERIFY(!budgetCounts(QJsonObject{{u"minAvailable"_qs, u"50%"_qs}}, 3, std::nullopt).ok());
    QVERIFY(!budgetCounts(QJsonObject{{u"maxUnavailable"_qs, 1}}, 3, std::nullopt).ok());
    QVERIFY(budgetCounts(QJsonObject{{u"minAvailable"_qs, 1}}, 3, std::nullopt).ok());
    QVERIFY(!budgetCounts(QJsonObject{{u"minAvailable"_qs, u"half"_qs}}, 3, 3).ok());
}

void tst_DisruptionStatus::pendingEvictionsExpire()
{
    const QDateTime now = QDateTime::fromString(u"2026-01-01T10:00:00Z"_qs, Qt::ISODate);
    const QJsonObject disrupted{{u"a"_qs, u"2026-01-01T09:59:30Z"_qs},  // 30 s ago: pending
                                {u"b"_qs, u"2026-01-01T09:57:00Z"_qs},  // 3 min ago: expired
                                {u"c"_qs, u"2026-01-01T09:59:50Z"_qs},  // pod being deleted: done
                                {u"gone"_qs, u"2026-01-01T09:59:59Z"_qs}}; // no longer selected
    const QList<BudgetPod> pods{{u"a"_qs, true, false}, {u"b"_qs, true, false}, {u"c"_qs, true, true}, {u"d"_qs, true, false},
                                {u"e"_qs, false, false}};
    QDateTime recheck;
    const QJsonObject pending = pendingDisruptions(disrupted, pods, now, &recheck);
    QCOMPARE(pending.keys(), QStringList{u"a"_qs});
    QCOMPARE(recheck, now.addSecs(90));
    // b (expired eviction) and d count; a (pending), c (deleting), e (unready) do not.
    QCOMPARE(countHealthy(pods, pending), 2);
}

void tst_DisruptionStatus::allowedAndCondition()
{
    const QString t1 = u"2026-01-01T10:00:00Z"_qs;
    const QString t2 = u"2026-01-01T11:00:00Z"_qs;
    QJsonObject status = budgetStatus({}, {3, 2}, 3, {}, 4, t1);
    QCOMPARE(status.value(u"disruptionsAllowed").toInt(), 1);
    QCOMPARE(status.value(u"expectedPods").toInt(), 3);
    QCOMPARE(status.value(u"observedGeneration").toInt(), 4);
    QJsonObject condition = status.value(u"conditions").toArray().at(0).toObject();
    QCOMPARE(condition.value(u"type").toString(), u"DisruptionAllowed"_qs);
    QCOMPARE(condition.value(u"status").toString(), u"True"_qs);
    QCOMPARE(condition.value(u"reason").toString(), u"SufficientPods"_qs);
    QCOMPARE(condition.value(u"lastTransitionTime").toString(), t1);

    // Same status later: transition time kept, nothing changed.
    const QJsonObject again = budgetStatus(status, {3, 2}, 3, {}, 4, t2);
    QCOMPARE(again.value(u"conditions").toArray().at(0).toObject().value(u"lastTransitionTime").toString(), t1);
    QVERIFY(!budgetStatusChanged(status, again));

    // Fewer healthy than desired: never negative, InsufficientPods, new transition time.
    const QJsonObject low = budgetStatus(status, {3, 2}, 1, {}, 4, t2);
    QCOMPARE(low.value(u"disruptionsAllowed").toInt(), 0);
    condition = low.value(u"conditions").toArray().at(0).toObject();
    QCOMPARE(condition.value(u"reason").toString(), u"InsufficientPods"_qs);
    QCOMPARE(condition.value(u"status").toString(), u"False"_qs);
    QCOMPARE(condition.value(u"lastTransitionTime").toString(), t2);
    QVERIFY(budgetStatusChanged(status, low));
    QCOMPARE(low.value(u"conditions").toArray().size(), 1);

    // No pods expected: no disruption allowed even with a zero minimum.
    QCOMPARE(budgetStatus({}, {0, 0}, 0, {}, 1, t1).value(u"disruptionsAllowed").toInt(), 0);
}

void tst_DisruptionStatus::failedSync()
{
    const QJsonObject ok = budgetStatus({}, {3, 1}, 3, {}, 1, u"2026-01-01T10:00:00Z"_qs);
    const QJsonObject failed = failedBudgetStatus(ok, u"found no controllers"_qs, 1, u"2026-01-01T10:01:00Z"_qs);
    QCOMPARE(failed.value(u"disruptionsAllowed").toInt(), 0);
    const QJsonObject condition = failed.value(u"conditions").toArray().at(0).toObject();
    QCOMPARE(condition.value(u"reason").toString(), u"SyncFailed"_qs);
    QCOMPARE(condition.value(u"message").toString(), u"found no controllers"_qs);
    QCOMPARE(condition.value(u"status").toString(), u"False"_qs);
}

QTEST_GUILESS_MAIN(tst_DisruptionStatus)
#include "tst_disruptionstatus.moc"
