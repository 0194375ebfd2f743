#include "defaulttolerations.h"

#include "kube/api/kindinfo.h"

#include <QJsonArray>
#include <QJsonObject>

namespace kube {

namespace {

bool toleratesNoExecute(const QJsonArray &tolerations, const QString &key)
{
    for (const QJsonValue &v : tolerations) {
        const QJsonObject toleration = v.toObject();
        const QString tolerationKey = toleration.value(u"key").toString();
        const QString effect = toleration.value(u"effect").toString();
        if ((tolerationKey == key || tolerationKey.isEmpty()) && (effect == u"NoExecute" || effect.isEmpty()))
            return true;
    }
    return false;
}

} // namespace

void admitDefaultTolerationSeconds(QJsonObject &object, const KindInfo &kind)
{
    if (!kind.gvk.group.isEmpty() || kind.gvk.kind != u"Pod")
        return;
    QJsonObject spec = object.value(u"spec").toObject();
    QJsonArray tolerations = spec.value(u"tolerations").toArray();
    bool changed = false;
    for (const char *key : {"node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"}) {
        if (toleratesNoExecute(tolerations, QString::fromLatin1(key)))
            continue;
        tolerations.append(QJsonObject{{u"key"_qs, QString::fromLatin1(key)}, {u"operator"_qs, u"Exists"_qs},
                                       {u"effect"_qs, u"NoExecute"_qs}, {u"tolerationSeconds"_qs, DefaultTolerationSeconds}});
        changed = true;
    }
    if (!changed)
        return;
    spec.insert(u"tolerations", tolerations);
    object.insert(u"spec", spec);
}

} // namespace kube
