// The Suspended condition as upstream's job controller keeps it: added True on suspend, turned
// False on resume, never added False, unchanged (no event) when it already says so.
#include "kube/controllers/job/jobsuspension.h"

#include <QJsonObject>
#include <QTest>

using namespace kube;

class tst_JobSuspension : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void ensureCondition_data();
    void ensureCondition();
};

namespace {

QJsonObject cond(const QString &type, const QString &status, const QString &reason, const QString &message)
{
    return {{u"type"_qs, type},           {u"status"_qs, status},   {u"reason"_qs, reason},
            {u"message"_qs, message},     {u"lastProbeTime"_qs, u"t0"_qs}, {u"lastTransitionTime"_qs, u"t0"_qs}};
}

} // namespace

void tst_JobSuspension::ensureCondition_data()
{
    QTest::addColumn<QJsonArray>("before");
    QTest::addColumn<bool>("suspended");
    QTest::addColumn<bool>("changed");
    QTest::addColumn<QString>("event");
    QTest::addColumn<QString>("status"); // of the Suspended condition after; empty: none
    QTest::addColumn<QString>("stamp");  // its lastTransitionTime after

    const QJsonObject complete = cond(u"Complete"_qs, u"False"_qs, QString(), QString());
    const QJsonObject on = cond(u"Suspended"_qs, u"True"_qs, u"JobSuspended"_qs, u"Job suspended"_qs);
    const QJsonObject off = cond(u"Suspended"_qs, u"False"_qs, u"JobResumed"_qs, u"Job resumed"_qs);
    QTest::newRow("suspend a running Job") << QJsonArray{complete} << true << true << u"Suspended"_qs << u"True"_qs << u"t1"_qs;
    QTest::newRow("still suspended") << QJsonArray{on} << true << false << QString() << u"True"_qs << u"t0"_qs;
    QTest::newRow("resume") << QJsonArray{complete, on} << false << true << u"Resumed"_qs << u"False"_qs << u"t1"_qs;
    QTest::newRow("running, never suspended") << QJsonArray{complete} << false << false << QString() << QString() << QString();
    QTest::newRow("running after a resume") << QJsonArray{off} << false << false << QString() << u"False"_qs << u"t0"_qs;
    QTest::newRow("suspend again") << QJsonArray{off} << true << true << u"Suspended"_qs << u"True"_qs << u"t1"_qs;
}

void tst_JobSuspension::ensureCondition()
{
    QFETCH(QJsonArray, before);
    QFETCH(bool, suspended);
    QFETCH(bool, changed);
    QFETCH(QString, event);
    QFETCH(QString, status);
    QFETCH(QString, stamp);
    QJsonArray conditions = before;
    const jobsuspension::Change change = jobsuspension::ensureCondition(conditions, suspended, u"t1"_qs);
    QCOMPARE(change.changed, changed);
    QCOMPARE(change.eventReason, event);
    QJsonObject found;
    int count = 0;
    for (const QJsonValue &c : conditions) {
        if (c.toObject().value(u"type").toString() == u"Suspended") {
            found = c.toObject();
            ++count;
        }
    }
    QCOMPARE(count, status.isEmpty() ? 0 : 1);
    QCOMPARE(found.value(u"status").toString(), status);
    QCOMPARE(found.value(u"lastTransitionTime").toString(), stamp);
    if (!changed)
        QCOMPARE(conditions, before);
}

QTEST_GUILESS_MAIN(tst_JobSuspension)
#include "tst_jobsuspension.moc"
