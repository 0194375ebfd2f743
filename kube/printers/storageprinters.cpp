// Rows of the storage kinds: PersistentVolume, PersistentVolumeClaim, StorageClass. Values that
// defaulting always sets (phase Pending, reclaim policy Retain, volume mode Filesystem) read as
// the default when a stored object lacks them.

#include "rowprinters.h"

namespace kube::printers {

namespace {

const QString betaStorageClassAnnotation = u"volume.beta.kubernetes.io/storage-class"_qs;

QJsonObject annotations(const QJsonObject &object)
{
    return obj(obj(object, u"metadata"), u"annotations");
}

bool isDeleting(const QJsonObject &object)
{
    return has(obj(object, u"metadata"), u"deletionTimestamp");
}

QString orDefault(const QString &value, const QString &fallback)
{
    return value.isEmpty() ? fallback : value;
}

} // namespace

Row printPersistentVolume(const QJsonObject &object, const QDateTime &now)
{
    const QJsonObject spec = obj(object, u"spec");
    const QJsonObject status = obj(object, u"status");
    QString claim;
    if (has(spec, u"claimRef")) {
        const QJsonObject ref = obj(spec, u"claimRef");
        claim = str(ref, u"namespace") + u'/' + str(ref, u"name");
    }
    // helper.GetPersistentVolumeClass: the beta annotation wins.
    const QJsonObject notes = annotations(object);
    const QString storageClass = notes.contains(betaStorageClassAnnotation) ? notes.value(betaStorageClassAnnotation).toString()
                                                                            : str(spec, u"storageClassName");
    const QString phase = isDeleting(object) ? u"Terminating"_qs : orDefault(str(status, u"phase"), u"Pending"_qs);
    const QString volumeAttributesClass = has(spec, u"volumeAttributesClassName") ? str(spec, u"volumeAttributesClassName") : u"<unset>"_qs;
    Row row;
    row.cells = {name(object),
                 quantityString(obj(spec, u"capacity").value(u"storage")),
                 accessModesString(arr(spec, u"accessModes")),
                 orDefault(str(spec, u"persistentVolumeReclaimPolicy"), u"Retain"_qs),
                 phase,
                 claim,
                 storageClass,
                 volumeAttributesClass,
                 str(status, u"reason"),
                 age(object, now),
                 orDefault(str(spec, u"volumeMode"), u"Filesystem"_qs)};
    return row;
}

Row printPersistentVolumeClaim(const QJsonObject &object, const QDateTime &now)
{
    const QJsonObject spec = obj(object, u"spec");
    const QJsonObject status = obj(object, u"status");
    const QString phase = isDeleting(object) ? u"Terminating"_qs : orDefault(str(status, u"phase"), u"Pending"_qs);
    const QString volumeName = str(spec, u"volumeName");
    QString capacity;
    QString accessModes;
    if (!volumeName.isEmpty()) {
        accessModes = accessModesString(arr(status, u"accessModes"));
        capacity = quantityString(obj(status, u"capacity").value(u"storage"));
    }
    // helper.GetPersistentVolumeClaimClass: the beta annotation, then spec.storageClassName.
    const QJsonObject notes = annotations(object);
    const QString storageClass = notes.contains(betaStorageClassAnnotation) ? notes.value(betaStorageClassAnnotation).toString()
                                                                            : str(spec, u"storageClassName");
    const QString volumeAttributesClass = has(spec, u"volumeAttributesClassName") ? str(spec, u"volumeAttributesClassName") : u"<unset>"_qs;
    Row row;
    row.cells = {name(object),
                 phase,
                 volumeName,
                 capacity,
                 accessModes,
                 storageClass,
                 volumeAttributesClass,
                 age(object, now),
                 orDefault(str(spec, u"volumeMode"), u"Filesystem"_qs)};
    return row;
}

Row printStorageClass(const QJsonObject &object, const QDateTime &now)
{
    const QJsonObject notes = annotations(object);
    QString displayName = name(object);
    if (notes.value(u"storageclass.kubernetes.io/is-default-class").toString() == u"true"
        || notes.value(u"storageclass.beta.kubernetes.io/is-default-class").toString() == u"true")
        displayName += u" (default)"_qs;
    Row row;
    row.cells = {displayName,
                 str(object, u"provisioner"),
                 orDefault(str(object, u"reclaimPolicy"), u"Delete"_qs),
                 orDefault(str(object, u"volumeBindingMode"), u"Immediate"_qs),
                 object.value(u"allowVolumeExpansion").toBool(false),
                 age(object, now)};
    return row;
}

} // namespace kube::printers
