#include "replicasetinfo.h"

#include <QJsonDocument>

#include <algorithm>

namespace kube {

namespace {

int intAt(const QJsonObject &o, const char *key, int fallback = 0)
{
    const QJsonValue v = o.value(QLatin1StringView(key));
    return v.isDouble() ? v.toInt() : fallback;
}

} // namespace

ReplicaSetInfo ReplicaSetInfo::from(const Object &rs)
{
    ReplicaSetInfo info;
    info.object = rs;
    info.name = rs.name();
    const QJsonObject json = rs.toJson();
    const QJsonObject spec = json.value(u"spec").toObject();
    const QJsonObject status = json.value(u"status").toObject();
    info.specReplicas = intAt(spec, "replicas", 1);
    info.statusReplicas = intAt(status, "replicas");
    info.readyReplicas = intAt(status, "readyReplicas");
    info.availableReplicas = intAt(status, "availableReplicas");
    info.revision = rs.annotations().value(QStringLiteral("deployment.kubernetes.io/revision")).toLongLong();
    info.created = QDateTime::fromString(rs.creationTimestamp(), Qt::ISODate);
    info.podTemplate = spec.value(u"template").toObject();
    return info;
}

DeploymentInfo DeploymentInfo::from(const Object &deployment)
{
    DeploymentInfo info;
    info.object = deployment;
    info.name = deployment.name();
    info.generation = deployment.generation();
    const QJsonObject json = deployment.toJson();
    const QJsonObject spec = json.value(u"spec").toObject();
    info.replicas = intAt(spec, "replicas", 1);
    const QJsonObject strategy = spec.value(u"strategy").toObject();
    info.recreate = strategy.value(u"type").toString() == u"Recreate";
    const QJsonObject rolling = strategy.value(u"rollingUpdate").toObject();
    info.maxSurge = rolling.value(u"maxSurge");
    info.maxUnavailable = rolling.value(u"maxUnavailable");
    info.minReadySeconds = intAt(spec, "minReadySeconds");
    if (spec.value(u"progressDeadlineSeconds").isDouble())
        info.progressDeadlineSeconds = spec.value(u"progressDeadlineSeconds").toInt();
    info.paused = spec.value(u"paused").toBool();
    info.revisionHistoryLimit = intAt(spec, "revisionHistoryLimit", 10);
    info.podTemplate = spec.value(u"template").toObject();
    info.status = json.value(u"status").toObject();
    if (info.status.value(u"collisionCount").isDouble())
        info.collisionCount = info.status.value(u"collisionCount").toInt();
    return info;
}

int specReplicaSum(const QList<ReplicaSetInfo> &sets)
{
    int sum = 0;
    for (const auto &rs : sets)
        sum += rs.specReplicas;
    return sum;
}

int statusReplicaSum(const QList<ReplicaSetInfo> &sets)
{
    int sum = 0;
    for (const auto &rs : sets)
        sum += rs.statusReplicas;
    return sum;
}

int readyReplicaSum(const QList<ReplicaSetInfo> &sets)
{
    int sum = 0;
    for (const auto &rs : sets)
        sum += rs.readyReplicas;
    return sum;
}

int availableReplicaSum(const QList<ReplicaSetInfo> &sets)
{
    int sum = 0;
    for (const auto &rs : sets)
        sum += rs.availableReplicas;
    return sum;
}

void sortByCreation(QList<ReplicaSetInfo> &sets)
{
    std::stable_sort(sets.begin(), sets.end(), [](const ReplicaSetInfo &a, const ReplicaSetInfo &b) {
        if (a.created != b.created)
            return a.created < b.created;
        return a.name < b.name;
    });
}

} // namespace kube
