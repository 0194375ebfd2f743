#include "provisioner.h"

#include <QJsonArray>

namespace kube {

QString provisionedVolumeName(const ClaimInfo &claim)
{
    return u"pvc-"_qs + claim.uid;
}

QJsonObject buildProvisionedVolume(const ClaimInfo &claim, const StorageClassInfo &storageClass)
{
    const QString name = provisionedVolumeName(claim);
    const QJsonObject claimMetadata = claim.json.value(u"metadata").toObject();
    const QJsonObject claimRef{{u"kind"_qs, u"PersistentVolumeClaim"_qs}, {u"namespace"_qs, claim.namespace_},
                               {u"name"_qs, claim.name}, {u"uid"_qs, claim.uid}, {u"apiVersion"_qs, u"v1"_qs},
                               {u"resourceVersion"_qs, claimMetadata.value(u"resourceVersion")}};
    // local-path's directory naming: <volume>_<namespace>_<claim>.
    const QString path = QString::fromLatin1(localpath::BaseDirectory) + u'/' + name + u'_' + claim.namespace_ + u'_' + claim.name;
    QJsonObject spec{
        {u"capacity"_qs, QJsonObject{{u"storage"_qs, claim.request.toString()}}},
        {u"accessModes"_qs, claim.accessModes.toJson()},
        {u"claimRef"_qs, claimRef},
        {u"persistentVolumeReclaimPolicy"_qs, storageClass.reclaimPolicy},
        {u"storageClassName"_qs, storageClass.name},
        {u"volumeMode"_qs, claim.volumeMode},
        {u"hostPath"_qs, QJsonObject{{u"path"_qs, path}, {u"type"_qs, u"DirectoryOrCreate"_qs}}},
    };
    if (storageClass.mountOptions.isArray() && !storageClass.mountOptions.toArray().isEmpty())
        spec.insert(u"mountOptions", storageClass.mountOptions);
    const QJsonObject metadata{
        {u"name"_qs, name},
        {u"annotations"_qs, QJsonObject{{QString::fromLatin1(volumeannotation::ProvisionedBy), storageClass.provisioner}}},
        // What the API server's StorageObjectInUseProtection admission adds upstream.
        {u"finalizers"_qs, QJsonArray{QString::fromLatin1(volumefinalizer::VolumeProtection)}},
    };
    return QJsonObject{{u"apiVersion"_qs, u"v1"_qs}, {u"kind"_qs, u"PersistentVolume"_qs}, {u"metadata"_qs, metadata}, {u"spec"_qs, spec}};
}

} // namespace kube
