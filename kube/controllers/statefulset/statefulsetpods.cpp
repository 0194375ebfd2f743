#include "statefulsetpods.h"

#include "kube/controllers/replicaset/replicasetstatus.h"

#include <QJsonArray>

#include <limits>

namespace kube::statefulset {

namespace {

QJsonObject metadataOf(const QJsonObject &object)
{
    return object.value(u"metadata").toObject();
}

QJsonObject specOf(const QJsonObject &object)
{
    return object.value(u"spec").toObject();
}

// The identity labels of the member named name with ordinal, added to labels.
QJsonObject withIdentityLabels(QJsonObject labels, const QString &name, int ordinal)
{
    labels.insert(QLatin1StringView(PodNameLabel), name);
    labels.insert(QLatin1StringView(PodIndexLabel), QString::number(ordinal));
    return labels;
}

// updateStorage: one volume per claim template, pointing at the member's claim, ahead of the
// template's own volumes of other names.
QJsonArray volumesWithClaims(const QJsonArray &volumes, const QJsonObject &set, int ordinal)
{
    const QString setName = metadataOf(set).value(u"name").toString();
    QJsonArray result;
    QStringList claimVolumes;
    for (const auto &t : specOf(set).value(u"volumeClaimTemplates").toArray()) {
        const QString templateName = metadataOf(t.toObject()).value(u"name").toString();
        claimVolumes.append(templateName);
        result.append(QJsonObject{
            {u"name"_qs, templateName},
            {u"persistentVolumeClaim"_qs, QJsonObject{{u"claimName"_qs, claimName(templateName, setName, ordinal)}}},
        });
    }
    for (const auto &v : volumes) {
        if (!claimVolumes.contains(v.toObject().value(u"name").toString()))
            result.append(v);
    }
    return result;
}

} // namespace

MemberName parseMemberName(const QString &podName)
{
    // (.*)-([0-9]+)$
    qsizetype digits = 0;
    while (digits < podName.size() && podName.at(podName.size() - 1 - digits).isDigit())
        ++digits;
    const qsizetype dash = podName.size() - 1 - digits;
    if (digits == 0 || dash < 0 || podName.at(dash) != u'-')
        return {};
    bool ok = false;
    const qint64 ordinal = podName.mid(dash + 1).toLongLong(&ok);
    if (!ok || ordinal > std::numeric_limits<qint32>::max())
        return {podName.left(dash), -1};
    return {podName.left(dash), int(ordinal)};
}

QString podName(const QString &setName, int ordinal)
{
    return setName + u'-' + QString::number(ordinal);
}

QString claimName(const QString &templateName, const QString &setName, int ordinal)
{
    return templateName + u'-' + setName + u'-' + QString::number(ordinal);
}

int startOrdinal(const QJsonObject &set)
{
    return specOf(set).value(u"ordinals").toObject().value(u"start").toInt();
}

QJsonObject newStatefulSetPod(const QJsonObject &set, int ordinal, const QString &revisionName)
{
    const QJsonObject setMeta = metadataOf(set);
    const QString setName = setMeta.value(u"name").toString();
    const QJsonObject setSpec = specOf(set);
    const OwnerInfo owner{u"apps/v1"_qs, u"StatefulSet"_qs, setName, setMeta.value(u"uid").toString(),
                          setMeta.value(u"namespace").toString()};
    QJsonObject pod = podFromTemplate(setSpec.value(u"template").toObject(), owner);
    const QString name = podName(setName, ordinal);

    QJsonObject metadata = metadataOf(pod);
    metadata.insert(u"name", name);
    QJsonObject labels = withIdentityLabels(metadata.value(u"labels").toObject(), name, ordinal);
    labels.insert(QLatin1StringView(RevisionLabel), revisionName);
    metadata.insert(u"labels", labels);
    pod.insert(u"metadata", metadata);

    QJsonObject spec = specOf(pod);
    spec.insert(u"hostname", name);
    const QString serviceName = setSpec.value(u"serviceName").toString();
    if (!serviceName.isEmpty())
        spec.insert(u"subdomain", serviceName);
    const QJsonArray volumes = volumesWithClaims(spec.value(u"volumes").toArray(), set, ordinal);
    if (!volumes.isEmpty())
        spec.insert(u"volumes", volumes);
    pod.insert(u"spec", spec);
    return pod;
}

QList<QJsonObject> claimsForOrdinal(const QJsonObject &set, int ordinal)
{
    const QJsonObject setMeta = metadataOf(set);
    const QString setName = setMeta.value(u"name").toString();
    const QJsonObject setSpec = specOf(set);
    const QJsonObject matchLabels = setSpec.value(u"selector").toObject().value(u"matchLabels").toObject();
    QList<QJsonObject> claims;
    for (const auto &t : setSpec.value(u"volumeClaimTemplates").toArray()) {
        const QJsonObject claimTemplate = t.toObject();
        const QJsonObject templateMeta = metadataOf(claimTemplate);
        QJsonObject labels = templateMeta.value(u"labels").toObject();
        for (auto it = matchLabels.begin(); it != matchLabels.end(); ++it)
            labels.insert(it.key(), it.value());
        QJsonObject metadata{
            {u"name"_qs, claimName(templateMeta.value(u"name").toString(), setName, ordinal)},
            {u"namespace"_qs, setMeta.value(u"namespace")},
        };
        if (!labels.isEmpty())
            metadata.insert(u"labels", labels);
        if (templateMeta.contains(u"annotations"))
            metadata.insert(u"annotations", templateMeta.value(u"annotations"));
        claims.append(QJsonObject{
            {u"apiVersion"_qs, u"v1"_qs},
            {u"kind"_qs, u"PersistentVolumeClaim"_qs},
            {u"metadata"_qs, metadata},
            {u"spec"_qs, claimTemplate.value(u"spec")},
        });
    }
    return claims;
}

bool identityMatches(const QJsonObject &set, const Object &pod)
{
    const MemberName member = parseMemberName(pod.name());
    const QJsonObject setMeta = metadataOf(set);
    const QString setName = setMeta.value(u"name").toString();
    return member.ordinal >= 0 && member.parent == setName && pod.name() == podName(setName, member.ordinal)
        && pod.namespace_() == setMeta.value(u"namespace").toString()
        && pod.labels().value(QString::fromLatin1(PodNameLabel)) == pod.name()
        && pod.labels().value(QString::fromLatin1(PodIndexLabel)) == QString::number(member.ordinal);
}

QJsonObject withIdentity(const QJsonObject &set, QJsonObject pod)
{
    QJsonObject metadata = metadataOf(pod);
    const int ordinal = parseMemberName(metadata.value(u"name").toString()).ordinal;
    const QString name = podName(metadataOf(set).value(u"name").toString(), ordinal);
    metadata.insert(u"labels", withIdentityLabels(metadata.value(u"labels").toObject(), name, ordinal));
    pod.insert(u"metadata", metadata);
    return pod;
}

} // namespace kube::statefulset
