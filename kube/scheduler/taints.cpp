#include "taints.h"

#include <QJsonObject>

namespace kube::scheduler {

QList<Taint> Taint::listFromJson(const QJsonArray &taints)
{
    QList<Taint> out;
    out.reserve(taints.size());
    for (const QJsonValue &v : taints) {
        const QJsonObject t = v.toObject();
        out.append({t.value(u"key").toString(), t.value(u"value").toString(), t.value(u"effect").toString()});
    }
    return out;
}

QList<Toleration> Toleration::listFromJson(const QJsonArray &tolerations)
{
    QList<Toleration> out;
    out.reserve(tolerations.size());
    for (const QJsonValue &v : tolerations) {
        const QJsonObject t = v.toObject();
        out.append({t.value(u"key").toString(), t.value(u"operator").toString(), t.value(u"value").toString(),
                    t.value(u"effect").toString()});
    }
    return out;
}

bool Toleration::tolerates(const Taint &taint) const
{
    if (!effect.isEmpty() && effect != taint.effect)
        return false;
    if (!key.isEmpty() && key != taint.key)
        return false;
    if (operator_ == u"Exists")
        return true;
    if (operator_.isEmpty() || operator_ == u"Equal")
        return value == taint.value;
    return false; // an operator this version does not know tolerates nothing
}

bool tolerationsTolerate(const QList<Toleration> &tolerations, const Taint &taint)
{
    for (const Toleration &t : tolerations) {
        if (t.tolerates(taint))
            return true;
    }
    return false;
}

const Taint *findUntoleratedTaint(const QList<Taint> &taints, const QList<Toleration> &tolerations, TaintEffects effects)
{
    for (const Taint &taint : taints) {
        const bool considered = effects == TaintEffects::PreferNoSchedule
            ? taint.effect == u"PreferNoSchedule"
            : (taint.effect == u"NoSchedule" || taint.effect == u"NoExecute");
        if (considered && !tolerationsTolerate(tolerations, taint))
            return &taint;
    }
    return nullptr;
}

} // namespace kube::scheduler
