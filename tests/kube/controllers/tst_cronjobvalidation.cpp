// validateCronJobSpec: the schedule and time zone rules kube-apiserver applies to a CronJob,
// with upstream's field paths and messages (what `kubectl create cronjob` prints on a 422).
#include "kube/api/cronjobvalidation.h"

#include <QTest>

using namespace kube;

namespace {

QStringList messages(const QList<StatusCause> &causes)
{
    QStringList out;
    for (const StatusCause &c : causes)
        out << c.field + u": "_qs + c.message;
    return out;
}

} // namespace

class tst_CronJobValidation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rules_data();
    void rules();
    void updateMayKeepTZInSchedule();
};

void tst_CronJobValidation::rules_data()
{
    QTest::addColumn<QJsonObject>("spec");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("valid") << QJsonObject{{u"schedule"_qs, u"*/1 * * * *"_qs}} << QStringList();
    QTest::newRow("valid-macro-and-zone") << QJsonObject{{u"schedule"_qs, u"@hourly"_qs}, {u"timeZone"_qs, u"Europe/Madrid"_qs}} << QStringList();
    QTest::newRow("minute-out-of-range") << QJsonObject{{u"schedule"_qs, u"61 * * * *"_qs}}
        << QStringList{u"spec.schedule: Invalid value: \"61 * * * *\": end of range (61) above maximum (59): 61"_qs};
    QTest::newRow("too-few-fields") << QJsonObject{{u"schedule"_qs, u"every minute"_qs}}
        << QStringList{u"spec.schedule: Invalid value: \"every minute\": expected exactly 5 fields, found 2: [every minute]"_qs};
    QTest::newRow("tz-in-schedule") << QJsonObject{{u"schedule"_qs, u"CRON_TZ=UTC * * * * *"_qs}}
        << QStringList{u"spec.schedule: Invalid value: \"CRON_TZ=UTC * * * * *\": cannot use TZ or CRON_TZ in schedule, use timeZone field instead"_qs};
    QTest::newRow("unknown-zone") << QJsonObject{{u"schedule"_qs, u"0 3 * * *"_qs}, {u"timeZone"_qs, u"Europe/Pariss"_qs}}
        << QStringList{u"spec.timeZone: Invalid value: \"Europe/Pariss\": unknown time zone Europe/Pariss"_qs};
    QTest::newRow("empty-zone") << QJsonObject{{u"schedule"_qs, u"0 3 * * *"_qs}, {u"timeZone"_qs, u""_qs}}
        << QStringList{u"spec.timeZone: Invalid value: \"\": timeZone must be nil or non-empty string"_qs};
    QTest::newRow("local-zone") << QJsonObject{{u"schedule"_qs, u"0 3 * * *"_qs}, {u"timeZone"_qs, u"Local"_qs}}
        << QStringList{u"spec.timeZone: Invalid value: \"Local\": timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones"_qs};
    QTest::newRow("zone-with-bad-characters") << QJsonObject{{u"schedule"_qs, u"0 3 * * *"_qs}, {u"timeZone"_qs, u"Europe/Par is"_qs}}
        << QStringList{u"spec.timeZone: Invalid value: \"Europe/Par is\": unknown time zone Europe/Par is"_qs};
    QTest::newRow("negative-counts") << QJsonObject{{u"schedule"_qs, u"0 3 * * *"_qs}, {u"startingDeadlineSeconds"_qs, -1},
                                                    {u"successfulJobsHistoryLimit"_qs, -2}}
        << QStringList{u"spec.startingDeadlineSeconds: Invalid value: -1: must be greater than or equal to 0"_qs,
                       u"spec.successfulJobsHistoryLimit: Invalid value: -2: must be greater than or equal to 0"_qs};
}

void tst_CronJobValidation::rules()
{
    QFETCH(QJsonObject, spec);
    QFETCH(QStringList, expected);
    QCOMPARE(messages(validateCronJobSpec(spec, nullptr)), expected);
}

void tst_CronJobValidation::updateMayKeepTZInSchedule()
{
    const QJsonObject old{{u"schedule"_qs, u"TZ=UTC 0 3 * * *"_qs}};
    QCOMPARE(messages(validateCronJobSpec(old, &old)), QStringList());
    const QJsonObject withZone{{u"schedule"_qs, u"TZ=UTC 0 3 * * *"_qs}, {u"timeZone"_qs, u"UTC"_qs}};
    QCOMPARE(messages(validateCronJobSpec(withZone, &old)),
             QStringList{u"spec.schedule: Invalid value: \"TZ=UTC 0 3 * * *\": cannot use both timeZone field and TZ or CRON_TZ in schedule"_qs});
    const QJsonObject plain{{u"schedule"_qs, u"0 3 * * *"_qs}};
    QCOMPARE(messages(validateCronJobSpec(old, &plain)),
             QStringList{u"spec.schedule: Invalid value: \"TZ=UTC 0 3 * * *\": cannot use TZ or CRON_TZ in schedule, use timeZone field instead"_qs});
}

QTEST_GUILESS_MAIN(tst_CronJobValidation)
#include "tst_cronjobvalidation.moc"
