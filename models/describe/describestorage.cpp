// Configuration and storage: ConfigMaps (keys with sizes, content on demand), Secrets (keys
// with sizes, never values), PersistentVolumeClaims, PersistentVolumes and StorageClasses.

#include "describeutil.h"

#include "kube/printers/printerutil.h"
#include "models/secretmasking.h"

namespace timonel::describe {

namespace {

QString bytesText(qint64 bytes)
{
    return Tr::tr("%n byte(s)", nullptr, int(qMin<qint64>(bytes, INT_MAX)));
}

QString accessModes(const QJsonArray &modes)
{
    const QString text = kube::printers::accessModesString(modes);
    return text.isEmpty() ? none() : text;
}

QString orNone(const QString &text)
{
    return text.isEmpty() ? none() : text;
}

// The volume source of a PersistentVolume: its type and main fields.
DescriptionRow pvSourceRow(const QJsonObject &spec)
{
    static const QStringList notSources = {u"capacity"_qs, u"accessModes"_qs, u"claimRef"_qs, u"persistentVolumeReclaimPolicy"_qs,
                                           u"storageClassName"_qs, u"mountOptions"_qs, u"volumeMode"_qs, u"nodeAffinity"_qs,
                                           u"volumeAttributesClassName"_qs};
    DescriptionRow r = row(Tr::tr("Source"), none());
    for (auto it = spec.begin(); it != spec.end(); ++it) {
        if (notSources.contains(it.key()) || !it.value().isObject())
            continue;
        r.value = it.key();
        const QJsonObject source = it.value().toObject();
        for (auto f = source.begin(); f != source.end(); ++f) {
            const QString text = scalarText(f.value());
            if (!text.isEmpty())
                r.children.append(row(f.key(), text));
        }
        break;
    }
    return r;
}

} // namespace

void describeConfigMap(ObjectDescription &d, const QJsonObject &object, const Context &)
{
    QList<DescriptionRow> rows;
    const QJsonObject data = obj(object, u"data");
    for (auto it = data.begin(); it != data.end(); ++it) {
        const QString value = it.value().toString();
        DescriptionRow r = row(it.key(), bytesText(value.toUtf8().size()));
        r.fullValue = value;
        rows.append(r);
    }
    const QJsonObject binary = obj(object, u"binaryData");
    for (auto it = binary.begin(); it != binary.end(); ++it)
        rows.append(row(it.key(), Tr::tr("%1 (binary)").arg(bytesText(secretValueSize(it.value(), true)))));
    if (rows.isEmpty())
        rows.append(row(Tr::tr("Keys"), none()));
    addSection(d, Tr::tr("Data")).rows = rows;
    if (has(object, u"immutable"))
        addSection(d, Tr::tr("Config map")).rows = {row(Tr::tr("Immutable"), scalarText(object.value(u"immutable")))};
}

void describeSecret(ObjectDescription &d, const QJsonObject &object, const Context &)
{
    QList<DescriptionRow> rows;
    rows.append(row(Tr::tr("Type"), orNone(str(object, u"type"))));
    if (has(object, u"immutable"))
        rows.append(row(Tr::tr("Immutable"), scalarText(object.value(u"immutable"))));
    addSection(d, Tr::tr("Secret")).rows = rows;

    QList<DescriptionRow> keys;
    auto addKeys = [&keys](const QJsonObject &map, bool base64) {
        for (auto it = map.begin(); it != map.end(); ++it) {
            const qint64 size = secretValueSize(it.value(), base64);
            DescriptionRow r = row(it.key(), size < 0 ? Tr::tr("<not base64>") : bytesText(size), size < 0 ? StatusCategory::Warning
                                                                                                              : StatusCategory::Neutral);
            r.secretKey = it.key();
            keys.append(r);
        }
    };
    addKeys(obj(object, u"data"), true);
    addKeys(obj(object, u"stringData"), false);
    if (keys.isEmpty())
        keys.append(row(Tr::tr("Keys"), none()));
    addSection(d, Tr::tr("Data")).rows = keys;
}

void describePersistentVolumeClaim(ObjectDescription &d, const QJsonObject &object, const Context &context)
{
    const QJsonObject spec = obj(object, u"spec");
    const QJsonObject status = obj(object, u"status");
    QList<DescriptionRow> rows;
    const QString phase = str(status, u"phase");
    rows.append(row(Tr::tr("Status"), orNone(phase), statusCategory(phase)));
    rows.append(row(Tr::tr("Volume"), orNone(str(spec, u"volumeName"))));
    rows.append(row(Tr::tr("Storage class"), orNone(str(spec, u"storageClassName"))));
    const QJsonValue requested = obj(obj(spec, u"resources"), u"requests").value(u"storage");
    if (!requested.isUndefined())
        rows.append(row(Tr::tr("Requested"), quantityText(requested)));
    const QJsonValue capacity = obj(status, u"capacity").value(u"storage");
    rows.append(row(Tr::tr("Capacity"), capacity.isUndefined() ? none() : quantityText(capacity)));
    rows.append(row(Tr::tr("Access modes"), accessModes(arr(status, u"accessModes").isEmpty() ? arr(spec, u"accessModes")
                                                                                              : arr(status, u"accessModes"))));
    const QString mode = str(spec, u"volumeMode");
    rows.append(row(Tr::tr("Volume mode"), mode.isEmpty() ? u"Filesystem"_qs : mode));
    const QJsonObject source = has(spec, u"dataSourceRef") ? obj(spec, u"dataSourceRef") : obj(spec, u"dataSource");
    if (!source.isEmpty())
        rows.append(row(Tr::tr("Data source"), str(source, u"kind") + u'/' + str(source, u"name")));
    addSection(d, Tr::tr("Persistent volume claim")).rows = rows;
    addConditionsSection(d, arr(status, u"conditions"), context.now);
}

void describePersistentVolume(ObjectDescription &d, const QJsonObject &object, const Context &)
{
    const QJsonObject spec = obj(object, u"spec");
    const QJsonObject status = obj(object, u"status");
    QList<DescriptionRow> rows;
    const QString phase = str(status, u"phase");
    rows.append(row(Tr::tr("Status"), orNone(phase), statusCategory(phase)));
    const QJsonObject claim = obj(spec, u"claimRef");
    rows.append(row(Tr::tr("Claim"), claim.isEmpty() ? none() : str(claim, u"namespace") + u'/' + str(claim, u"name")));
    const QString policy = str(spec, u"persistentVolumeReclaimPolicy");
    rows.append(row(Tr::tr("Reclaim policy"), policy.isEmpty() ? u"Retain"_qs : policy));
    rows.append(row(Tr::tr("Access modes"), accessModes(arr(spec, u"accessModes"))));
    rows.append(row(Tr::tr("Capacity"), quantityText(obj(spec, u"capacity").value(u"storage"))));
    rows.append(row(Tr::tr("Storage class"), orNone(str(spec, u"storageClassName"))));
    const QString mode = str(spec, u"volumeMode");
    rows.append(row(Tr::tr("Volume mode"), mode.isEmpty() ? u"Filesystem"_qs : mode));
    addIfSet(rows, Tr::tr("Mount options"), joined(arr(spec, u"mountOptions"), u", "));
    rows.append(row(Tr::tr("Node affinity"), has(spec, u"nodeAffinity") ? Tr::tr("required") : none()));
    addIfSet(rows, Tr::tr("Reason"), str(status, u"reason"));
    addIfSet(rows, Tr::tr("Message"), str(status, u"message"));
    rows.append(pvSourceRow(spec));
    addSection(d, Tr::tr("Persistent volume")).rows = rows;
}

void describeStorageClass(ObjectDescription &d, const QJsonObject &object, const Context &)
{
    const QJsonObject annotations = obj(obj(object, u"metadata"), u"annotations");
    const bool isDefault = str(annotations, u"storageclass.kubernetes.io/is-default-class") == u"true" ||
                           str(annotations, u"storageclass.beta.kubernetes.io/is-default-class") == u"true";
    QList<DescriptionRow> rows;
    rows.append(row(Tr::tr("Default class"), isDefault ? Tr::tr("Yes") : Tr::tr("No")));
    rows.append(row(Tr::tr("Provisioner"), str(object, u"provisioner")));
    rows.append(mapRow(Tr::tr("Parameters"), obj(object, u"parameters")));
    rows.append(row(Tr::tr("Allow volume expansion"), has(object, u"allowVolumeExpansion") ? scalarText(object.value(u"allowVolumeExpansion"))
                                                                                          : Tr::tr("<unset>")));
    addIfSet(rows, Tr::tr("Mount options"), joined(arr(object, u"mountOptions"), u", "));
    const QString policy = str(object, u"reclaimPolicy");
    rows.append(row(Tr::tr("Reclaim policy"), policy.isEmpty() ? u"Delete"_qs : policy));
    const QString binding = str(object, u"volumeBindingMode");
    rows.append(row(Tr::tr("Volume binding mode"), binding.isEmpty() ? u"Immediate"_qs : binding));
    if (!arr(object, u"allowedTopologies").isEmpty())
        rows.append(row(Tr::tr("Allowed topologies"), QString::number(arr(object, u"allowedTopologies").size())));
    addSection(d, Tr::tr("Storage class")).rows = rows;
}

} // namespace timonel::describe
