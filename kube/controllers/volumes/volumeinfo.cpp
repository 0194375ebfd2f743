#include "volumeinfo.h"

#include <QJsonArray>

namespace kube {

namespace {

// Upstream's order (GetAccessModesAsString).
constexpr const char *ModeNames[] = {"ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod"};

Quantity storageIn(const QJsonValue &resources)
{
    const QJsonValue storage = resources.toObject().value(u"storage");
    if (!storage.isString())
        return {};
    const auto parsed = Quantity::parse(storage.toString());
    return parsed ? *parsed : Quantity();
}

QString volumeModeOf(const QJsonObject &spec)
{
    return spec.value(u"volumeMode").toString() == u"Block" ? u"Block"_qs : u"Filesystem"_qs;
}

// GetPersistentVolume(Claim)Class: the beta annotation, then spec.storageClassName.
QString classOf(const Labels &annotations, const QJsonObject &spec)
{
    if (annotations.contains(QString::fromLatin1(volumeannotation::BetaStorageClass)))
        return annotations.value(QString::fromLatin1(volumeannotation::BetaStorageClass));
    return spec.value(u"storageClassName").toString();
}

} // namespace

AccessModes AccessModes::fromJson(const QJsonValue &modes)
{
    AccessModes result;
    for (const QJsonValue &mode : modes.toArray()) {
        for (int i = 0; i < 4; ++i) {
            if (mode.toString() == QLatin1StringView(ModeNames[i]))
                result.m_bits |= quint8(1u << i);
        }
    }
    return result;
}

QJsonArray AccessModes::toJson() const
{
    QJsonArray modes;
    for (int i = 0; i < 4; ++i) {
        if (m_bits & (1u << i))
            modes.append(QString::fromLatin1(ModeNames[i]));
    }
    return modes;
}

int AccessModes::count() const
{
    int n = 0;
    for (quint8 b = m_bits; b; b &= quint8(b - 1))
        ++n;
    return n;
}

ClaimInfo ClaimInfo::from(const Object &claim)
{
    ClaimInfo info;
    info.object = claim;
    info.json = claim.toJson();
    info.namespace_ = claim.namespace_();
    info.name = claim.name();
    info.uid = claim.uid();
    info.annotations = claim.annotations();
    info.finalizers = claim.finalizers();
    info.deleting = claim.isBeingDeleted();
    const QJsonObject spec = info.json.value(u"spec").toObject();
    info.storageClass = classOf(info.annotations, spec);
    info.hasClass = spec.value(u"storageClassName").isString()
                    || info.annotations.contains(QString::fromLatin1(volumeannotation::BetaStorageClass));
    info.volumeName = spec.value(u"volumeName").toString();
    info.accessModes = AccessModes::fromJson(spec.value(u"accessModes"));
    info.request = storageIn(spec.value(u"resources").toObject().value(u"requests"));
    info.volumeMode = volumeModeOf(spec);
    if (spec.value(u"selector").isObject()) {
        const auto selector = LabelSelector::fromLabelSelectorJson(spec.value(u"selector").toObject());
        info.selector = selector ? *selector : LabelSelector::nothing();
    }
    info.phase = info.json.value(u"status").toObject().value(u"phase").toString();
    return info;
}

VolumeInfo VolumeInfo::from(const Object &volume)
{
    VolumeInfo info;
    info.object = volume;
    info.json = volume.toJson();
    info.name = volume.name();
    info.labels = volume.labels();
    info.annotations = volume.annotations();
    info.finalizers = volume.finalizers();
    info.deleting = volume.isBeingDeleted();
    const QJsonObject spec = info.json.value(u"spec").toObject();
    info.storageClass = classOf(info.annotations, spec);
    info.accessModes = AccessModes::fromJson(spec.value(u"accessModes"));
    info.capacity = storageIn(spec.value(u"capacity"));
    info.volumeMode = volumeModeOf(spec);
    if (spec.value(u"claimRef").isObject()) {
        const QJsonObject ref = spec.value(u"claimRef").toObject();
        info.claimRef = ClaimRef{ref.value(u"namespace").toString(), ref.value(u"name").toString(), ref.value(u"uid").toString()};
    }
    info.phase = info.json.value(u"status").toObject().value(u"phase").toString();
    info.reclaimPolicy = spec.value(u"persistentVolumeReclaimPolicy").toString(u"Retain"_qs);
    info.hostPath = spec.value(u"hostPath").toObject().value(u"path").toString();
    return info;
}

StorageClassInfo StorageClassInfo::from(const Object &storageClass)
{
    const QJsonObject json = storageClass.toJson();
    StorageClassInfo info;
    info.name = storageClass.name();
    info.provisioner = json.value(u"provisioner").toString();
    info.reclaimPolicy = json.value(u"reclaimPolicy").toString(u"Delete"_qs);
    info.waitForFirstConsumer = json.value(u"volumeBindingMode").toString() == u"WaitForFirstConsumer";
    info.mountOptions = json.value(u"mountOptions");
    return info;
}

QStringList podClaimNames(const Object &pod)
{
    if (!pod.json().contains("\"persistentVolumeClaim\""))
        return {};
    QStringList names;
    const QJsonArray volumes = pod.toJson().value(u"spec").toObject().value(u"volumes").toArray();
    for (const QJsonValue &v : volumes) {
        const QJsonValue source = v.toObject().value(u"persistentVolumeClaim");
        if (source.isObject())
            names.append(source.toObject().value(u"claimName").toString());
    }
    return names;
}

bool podHoldsClaims(const Object &pod)
{
    if (pod.scalarAt(u"spec.nodeName").value_or(QString()).isEmpty())
        return false;
    const QString phase = pod.scalarAt(u"status.phase").value_or(QString());
    return phase != u"Succeeded" && phase != u"Failed";
}

} // namespace kube
