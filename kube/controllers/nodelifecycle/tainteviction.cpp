#include "tainteviction.h"

#include "kube/scheduler/taints.h"

#include <QJsonObject>

#include <optional>

namespace kube::nodelifecycle {

namespace {

using scheduler::Taint;
using scheduler::Toleration;

QList<QJsonObject> noExecuteTaints(const QJsonArray &taints)
{
    QList<QJsonObject> out;
    for (const QJsonValue &v : taints) {
        const QJsonObject taint = v.toObject();
        if (taint.value(u"effect").toString() == u"NoExecute")
            out.append(taint);
    }
    return out;
}

// The first toleration (JSON) that tolerates taint, as upstream's GetMatchingTolerations.
std::optional<QJsonObject> matchingToleration(const QJsonObject &taint, const QJsonArray &tolerations)
{
    const Taint t = Taint::listFromJson(QJsonArray{taint}).first();
    for (const QJsonValue &v : tolerations) {
        const QJsonObject json = v.toObject();
        if (Toleration::listFromJson(QJsonArray{json}).first().tolerates(t))
            return json;
    }
    return std::nullopt;
}

} // namespace

EvictionDecision decideEviction(const QJsonArray &nodeTaints, const QJsonArray &podTolerations, const QDateTime &now,
                                const TaintFirstSeen &since)
{
    std::optional<QDateTime> earliest;
    for (const QJsonObject &taint : noExecuteTaints(nodeTaints)) {
        const auto toleration = matchingToleration(taint, podTolerations);
        if (!toleration)
            return {EvictionDecision::Action::EvictNow, now};
        const QJsonValue seconds = toleration->value(u"tolerationSeconds");
        if (!seconds.isDouble())
            continue; // tolerated for ever
        QDateTime start = QDateTime::fromString(taint.value(u"timeAdded").toString(), Qt::ISODateWithMs);
        if (!start.isValid())
            start = since(taint);
        const QDateTime at = seconds.toDouble() <= 0 ? now : start.addSecs(qint64(seconds.toDouble()));
        if (!earliest || at < *earliest)
            earliest = at;
    }
    if (!earliest)
        return {};
    if (*earliest <= now)
        return {EvictionDecision::Action::EvictNow, now};
    return {EvictionDecision::Action::EvictAt, *earliest};
}

bool noExecuteTaintsDiffer(const QJsonArray &a, const QJsonArray &b)
{
    return noExecuteTaints(a) != noExecuteTaints(b);
}

} // namespace kube::nodelifecycle
