#include "jobsuspension.h"

#include <QJsonObject>

namespace kube::jobsuspension {

Change ensureCondition(QJsonArray &conditions, bool suspended, const QString &now)
{
    const QString status = suspended ? u"True"_qs : u"False"_qs;
    const QString reason = suspended ? u"JobSuspended"_qs : u"JobResumed"_qs;
    const QString message = suspended ? u"Job suspended"_qs : u"Job resumed"_qs;
    const QJsonObject wanted{{u"type"_qs, u"Suspended"_qs}, {u"status"_qs, status},     {u"lastProbeTime"_qs, now},
                             {u"lastTransitionTime"_qs, now}, {u"reason"_qs, reason}, {u"message"_qs, message}};
    const Change change{true, suspended ? u"Suspended"_qs : u"Resumed"_qs, message};
    for (qsizetype i = 0; i < conditions.size(); ++i) {
        const QJsonObject c = conditions.at(i).toObject();
        if (c.value(u"type").toString() != u"Suspended")
            continue;
        if (c.value(u"status").toString() == status && c.value(u"reason").toString() == reason
            && c.value(u"message").toString() == message)
            return {};
        conditions.replace(i, wanted);
        return change;
    }
    if (!suspended)
        return {}; // never suspended: no condition to turn False
    conditions.append(wanted);
    return change;
}

} // namespace kube::jobsuspension
