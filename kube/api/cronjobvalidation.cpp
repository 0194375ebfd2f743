#include "cronjobvalidation.h"

#include "cronschedule.h"

#include "kube/api/namevalidation.h"

#include <QRegularExpression>

namespace kube {

using validation::invalidCause;

namespace {

void checkNonNegative(const QJsonObject &spec, const char *key, QList<StatusCause> &causes)
{
    const QJsonValue value = spec.value(QLatin1StringView(key));
    if (value.isDouble() && value.toInteger() < 0)
        causes.append({u"FieldValueInvalid"_qs, u"Invalid value: %1: must be greater than or equal to 0"_qs.arg(value.toInteger()),
                       u"spec."_qs + QLatin1StringView(key)});
}

// validateScheduleFormat
void checkSchedule(const QString &schedule, bool allowTZInSchedule, bool hasTimeZone, QList<StatusCause> &causes)
{
    const QString field = u"spec.schedule"_qs;
    const auto parsed = CronSchedule::parse(schedule);
    if (const QString *error = std::get_if<QString>(&parsed))
        causes.append(invalidCause(field, schedule, *error));
    const bool tzInSchedule = schedule.contains(u"TZ");
    if (allowTZInSchedule && tzInSchedule && hasTimeZone)
        causes.append(invalidCause(field, schedule, u"cannot use both timeZone field and TZ or CRON_TZ in schedule"_qs));
    else if (!allowTZInSchedule && tzInSchedule)
        causes.append(invalidCause(field, schedule, u"cannot use TZ or CRON_TZ in schedule, use timeZone field instead"_qs));
}

// validateTimeZone
void checkTimeZone(const QString &timeZone, QList<StatusCause> &causes)
{
    const QString field = u"spec.timeZone"_qs;
    if (timeZone.isEmpty()) {
        causes.append(invalidCause(field, timeZone, u"timeZone must be nil or non-empty string"_qs));
        return;
    }
    static const QRegularExpression validPart(u"^[A-Za-z\\.\\-_0-9+]{1,14}$"_qs);
    for (const QString &part : timeZone.split(u'/')) {
        if (part == u"." || part == u".." || part.startsWith(u'-') || !validPart.match(part).hasMatch()) {
            causes.append(invalidCause(field, timeZone, u"unknown time zone "_qs + timeZone));
            return;
        }
    }
    if (timeZone.compare(u"Local", Qt::CaseInsensitive) == 0)
        causes.append(invalidCause(field, timeZone, u"timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones"_qs));
    const auto zone = CronSchedule::loadLocation(timeZone);
    if (const QString *error = std::get_if<QString>(&zone))
        causes.append(invalidCause(field, timeZone, *error));
}

} // namespace

QList<StatusCause> validateCronJobSpec(const QJsonObject &spec, const QJsonObject *oldSpec)
{
    QList<StatusCause> causes;
    const QString schedule = spec.value(u"schedule").toString();
    const bool hasTimeZone = spec.value(u"timeZone").isString();
    if (!schedule.isEmpty()) { // absent: the registry's required marker reports it
        const bool allowTZInSchedule = oldSpec && oldSpec->value(u"schedule").toString().contains(u"TZ");
        checkSchedule(schedule, allowTZInSchedule, hasTimeZone, causes);
    }
    checkNonNegative(spec, "startingDeadlineSeconds", causes);
    checkNonNegative(spec, "successfulJobsHistoryLimit", causes);
    checkNonNegative(spec, "failedJobsHistoryLimit", causes);
    if (hasTimeZone)
        checkTimeZone(spec.value(u"timeZone").toString(), causes);
    return causes;
}

} // namespace kube
