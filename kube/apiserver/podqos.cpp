#include "podqos.h"

#include "kube/api/quantity.h"

#include <QJsonArray>
#include <QMap>

namespace kube {

namespace {

const QStringList &qosResources()
{
    static const QStringList r{u"cpu"_qs, u"memory"_qs};
    return r;
}

// The positive cpu and memory quantities of a resource list.
QMap<QString, Quantity> positive(const QJsonObject &list)
{
    QMap<QString, Quantity> out;
    for (const QString &name : qosResources()) {
        const QJsonValue v = list.value(name);
        const auto q = Quantity::parse(v.isString() ? v.toString() : QString::number(v.toDouble()));
        if (v.isUndefined() || !q.ok() || q->compare(Quantity::fromValue(0)) <= 0)
            continue;
        out.insert(name, *q);
    }
    return out;
}

} // namespace

QString podQosClass(const QJsonObject &podSpec)
{
    QMap<QString, Quantity> requests;
    QMap<QString, Quantity> limits;
    bool guaranteed = true;
    const auto add = [](QMap<QString, Quantity> &sum, const QMap<QString, Quantity> &more) {
        for (auto it = more.begin(); it != more.end(); ++it) {
            if (sum.contains(it.key()))
                sum[it.key()] += it.value();
            else
                sum.insert(it.key(), it.value());
        }
    };
    const auto account = [&](const QJsonObject &resources) {
        const QMap<QString, Quantity> l = positive(resources.value(u"limits").toObject());
        QMap<QString, Quantity> r = positive(resources.value(u"requests").toObject());
        for (auto it = l.begin(); it != l.end(); ++it) {
            if (!resources.value(u"requests").toObject().contains(it.key()))
                r.insert(it.key(), it.value());
        }
        add(requests, r);
        add(limits, l);
        if (l.size() != qosResources().size())
            guaranteed = false;
    };
    const QJsonObject podResources = podSpec.value(u"resources").toObject();
    if (!podResources.value(u"requests").toObject().isEmpty() || !podResources.value(u"limits").toObject().isEmpty()) {
        account(podResources);
    } else {
        for (const QString &field : {u"initContainers"_qs, u"containers"_qs}) {
            for (const QJsonValue &c : podSpec.value(field).toArray())
                account(c.toObject().value(u"resources").toObject());
        }
    }
    if (requests.isEmpty() && limits.isEmpty())
        return u"BestEffort"_qs;
    if (guaranteed) {
        for (auto it = requests.begin(); it != requests.end(); ++it) {
            if (!limits.contains(it.key()) || limits.value(it.key()).compare(it.value()) != 0) {
                guaranteed = false;
                break;
            }
        }
    }
    return guaranteed && requests.size() == limits.size() ? u"Guaranteed"_qs : u"Burstable"_qs;
}

QJsonObject newPodStatus(const QJsonObject &podSpec)
{
    return {{u"phase"_qs, u"Pending"_qs}, {u"qosClass"_qs, podQosClass(podSpec)}};
}

void keepPodQosClass(QJsonObject &pod, const QJsonObject &current)
{
    QJsonObject status = pod.value(u"status").toObject();
    const QJsonValue qos = current.value(u"status").toObject().value(u"qosClass");
    if (!status.value(u"qosClass").toString().isEmpty() || qos.toString().isEmpty())
        return;
    status[u"qosClass"_qs] = qos;
    pod[u"status"_qs] = status;
}

} // namespace kube
