#include "jobdeadlines.h"

#include <QJsonArray>

namespace kube {

namespace {

QDateTime parseTime(const QJsonValue &value)
{
    if (!value.isString())
        return {};
    const QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}

} // namespace

std::optional<QDateTime> activeDeadline(const QJsonObject &spec, const QJsonObject &status)
{
    const QJsonValue seconds = spec.value(u"activeDeadlineSeconds");
    const QDateTime start = parseTime(status.value(u"startTime"));
    if (!seconds.isDouble() || !start.isValid())
        return std::nullopt;
    return start.addSecs(seconds.toInteger());
}

QDateTime jobFinishTime(const QJsonObject &status)
{
    for (const QJsonValue &c : status.value(u"conditions").toArray()) {
        const QJsonObject condition = c.toObject();
        const QString type = condition.value(u"type").toString();
        if ((type == u"Complete" || type == u"Failed") && condition.value(u"status").toString() == u"True")
            return parseTime(condition.value(u"lastTransitionTime"));
    }
    return {};
}

std::optional<QDateTime> ttlExpiry(const QJsonObject &spec, const QJsonObject &status)
{
    const QJsonValue ttl = spec.value(u"ttlSecondsAfterFinished");
    if (!ttl.isDouble())
        return std::nullopt;
    const QDateTime finished = jobFinishTime(status);
    if (!finished.isValid())
        return std::nullopt;
    return finished.addSecs(ttl.toInteger());
}

} // namespace kube
