#include "bindingupdates.h"

#include "kube/api/clock.h"

#include <QJsonArray>

namespace kube {

namespace {

QJsonObject section(const QJsonObject &object, QStringView name)
{
    return object.value(name).toObject();
}

void setAnnotation(QJsonObject &object, const QString &key, const QString &value)
{
    QJsonObject metadata = section(object, u"metadata");
    QJsonObject annotations = section(metadata, u"annotations");
    annotations.insert(key, value);
    metadata.insert(u"annotations", annotations);
    object.insert(u"metadata", metadata);
}

} // namespace

std::optional<QJsonObject> bindVolumeToClaim(const VolumeInfo &volume, const ClaimInfo &claim)
{
    const bool boundAlready = volume.claimRef && volume.claimRef->name == claim.name
                              && volume.claimRef->namespace_ == claim.namespace_ && volume.claimRef->uid == claim.uid;
    // Pre-bound by name (by a user or a provisioner) is not the controller's doing.
    const bool preBound = volume.claimRef && volume.claimRef->name == claim.name && volume.claimRef->namespace_ == claim.namespace_
                          && (volume.claimRef->uid.isEmpty() || volume.claimRef->uid == claim.uid);
    QJsonObject json = volume.json;
    bool dirty = false;
    if (!boundAlready) {
        QJsonObject spec = section(json, u"spec");
        spec.insert(u"claimRef", QJsonObject{{u"kind"_qs, u"PersistentVolumeClaim"_qs}, {u"namespace"_qs, claim.namespace_},
                                             {u"name"_qs, claim.name}, {u"uid"_qs, claim.uid}, {u"apiVersion"_qs, u"v1"_qs},
                                             {u"resourceVersion"_qs, section(claim.json, u"metadata").value(u"resourceVersion")}});
        json.insert(u"spec", spec);
        dirty = true;
    }
    if (!preBound && !volume.hasAnnotation(volumeannotation::BoundByController)) {
        setAnnotation(json, QString::fromLatin1(volumeannotation::BoundByController), u"yes"_qs);
        dirty = true;
    }
    if (!dirty)
        return std::nullopt;
    return json;
}

std::optional<QJsonObject> volumeWithPhase(const QJsonObject &volume, const QString &phase, const QString &message,
                                           const QDateTime &now)
{
    QJsonObject status = section(volume, u"status");
    if (status.value(u"phase").toString() == phase)
        return std::nullopt;
    status.insert(u"phase", phase);
    if (message.isEmpty())
        status.remove(u"message");
    else
        status.insert(u"message", message);
    status.insert(u"lastPhaseTransitionTime", formatKubeTime(now));
    QJsonObject json = volume;
    json.insert(u"status", status);
    return json;
}

std::optional<QJsonObject> bindClaimToVolume(const ClaimInfo &claim, const QString &volumeName)
{
    QJsonObject json = claim.json;
    bool dirty = false;
    if (claim.volumeName != volumeName) {
        QJsonObject spec = section(json, u"spec");
        spec.insert(u"volumeName", volumeName);
        json.insert(u"spec", spec);
        if (!claim.hasAnnotation(volumeannotation::BoundByController))
            setAnnotation(json, QString::fromLatin1(volumeannotation::BoundByController), u"yes"_qs);
        dirty = true;
    }
    if (!claim.hasAnnotation(volumeannotation::BindCompleted)) {
        setAnnotation(json, QString::fromLatin1(volumeannotation::BindCompleted), u"yes"_qs);
        dirty = true;
    }
    if (!dirty)
        return std::nullopt;
    return json;
}

std::optional<QJsonObject> claimWithStatus(const QJsonObject &claim, const QString &phase, const QJsonObject *volume)
{
    const QJsonObject old = section(claim, u"status");
    QJsonObject status = old;
    status.insert(u"phase", phase);
    if (volume) {
        const QJsonObject spec = section(*volume, u"spec");
        status.insert(u"accessModes", spec.value(u"accessModes"));
        status.insert(u"capacity", spec.value(u"capacity"));
    } else {
        status.remove(u"accessModes");
        status.remove(u"capacity");
    }
    if (status == old)
        return std::nullopt;
    QJsonObject json = claim;
    json.insert(u"status", status);
    return json;
}

QJsonObject unbindVolume(const VolumeInfo &volume)
{
    QJsonObject json = volume.json;
    QJsonObject spec = section(json, u"spec");
    if (volume.hasAnnotation(volumeannotation::BoundByController)) {
        spec.remove(u"claimRef");
        QJsonObject metadata = section(json, u"metadata");
        QJsonObject annotations = section(metadata, u"annotations");
        annotations.remove(QString::fromLatin1(volumeannotation::BoundByController));
        if (annotations.isEmpty())
            metadata.remove(u"annotations");
        else
            metadata.insert(u"annotations", annotations);
        json.insert(u"metadata", metadata);
    } else {
        QJsonObject ref = section(spec, u"claimRef");
        ref.remove(u"uid");
        spec.insert(u"claimRef", ref);
    }
    json.insert(u"spec", spec);
    return json;
}

std::optional<QJsonObject> withFinalizer(const QJsonObject &object, const QString &finalizer, bool present)
{
    QJsonObject metadata = section(object, u"metadata");
    QJsonArray finalizers = metadata.value(u"finalizers").toArray();
    const bool has = finalizers.contains(finalizer);
    if (has == present)
        return std::nullopt;
    if (present) {
        finalizers.append(finalizer);
    } else {
        for (qsizetype i = finalizers.size() - 1; i >= 0; --i) {
            if (finalizers.at(i).toString() == finalizer)
                finalizers.removeAt(i);
        }
    }
    if (finalizers.isEmpty())
        metadata.remove(u"finalizers");
    else
        metadata.insert(u"finalizers", finalizers);
    QJsonObject json = object;
    json.insert(u"metadata", metadata);
    return json;
}

std::optional<QJsonObject> withAnnotations(const QJsonObject &object, const QList<std::pair<QString, QString>> &annotations)
{
    QJsonObject json = object;
    bool dirty = false;
    const QJsonObject existing = section(section(object, u"metadata"), u"annotations");
    for (const auto &[key, value] : annotations) {
        if (existing.value(key) == QJsonValue(value))
            continue;
        setAnnotation(json, key, value);
        dirty = true;
    }
    if (!dirty)
        return std::nullopt;
    return json;
}

} // namespace kube
