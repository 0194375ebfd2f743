#include "objectdescription.h"

#include "describe/describeutil.h"
#include "kube/api/object.h"
#include "models/secretmasking.h"

#include <QHash>

namespace timonel {

using namespace describe;

namespace {

// Annotation values longer than this (or with several lines) are abbreviated; the row keeps
// the whole text in fullValue.
constexpr int MaxAnnotationValue = 80;

DescriptionRow annotationsRow(const QJsonObject &annotations)
{
    DescriptionRow r = row(Tr::tr("Annotations"), annotations.isEmpty() ? none() : QString::number(annotations.size()));
    for (auto it = annotations.begin(); it != annotations.end(); ++it) {
        const QString value = it.value().toString();
        DescriptionRow child = row(it.key(), value);
        const qsizetype newline = value.indexOf(u'\n');
        if (value.size() > MaxAnnotationValue || newline >= 0) {
            child.value = value.left(qMin<qsizetype>(MaxAnnotationValue, newline < 0 ? value.size() : newline)) + u'…';
            child.fullValue = value;
        }
        r.children.append(child);
    }
    return r;
}

QString ownerText(const QJsonObject &owner)
{
    return str(owner, u"kind") + u'/' + str(owner, u"name");
}

// Name, namespace, UID, created, labels, annotations, owners, finalizers, deletion.
void addMetadataSection(ObjectDescription &d, const QJsonObject &object, const Context &context)
{
    const QJsonObject metadata = obj(object, u"metadata");
    QList<DescriptionRow> rows;
    rows.append(row(Tr::tr("Name"), str(metadata, u"name")));
    addIfSet(rows, Tr::tr("Namespace"), str(metadata, u"namespace"));
    rows.append(row(Tr::tr("Kind"), Tr::tr("%1 (%2)").arg(str(object, u"kind"), str(object, u"apiVersion"))));
    addIfSet(rows, Tr::tr("UID"), str(metadata, u"uid"));
    addIfSet(rows, Tr::tr("Created"), timestampText(metadata.value(u"creationTimestamp"), context.now));
    rows.append(mapRow(Tr::tr("Labels"), obj(metadata, u"labels")));
    rows.append(annotationsRow(obj(metadata, u"annotations")));

    QStringList controller;
    QStringList others;
    for (const QJsonValue &v : arr(metadata, u"ownerReferences")) {
        const QJsonObject owner = v.toObject();
        (owner.value(u"controller").toBool() ? controller : others).append(ownerText(owner));
    }
    addIfSet(rows, Tr::tr("Controlled by"), controller.join(u", "));
    addIfSet(rows, Tr::tr("Owners"), others.join(u", "));
    addIfSet(rows, Tr::tr("Finalizers"), joined(arr(metadata, u"finalizers"), u", "));
    const QString deletion = timestampText(metadata.value(u"deletionTimestamp"), context.now);
    if (!deletion.isEmpty()) {
        const QString text = has(metadata, u"deletionGracePeriodSeconds")
                                 ? Tr::tr("Terminating, requested %1 (grace period %2s)").arg(deletion).arg(integer(metadata, u"deletionGracePeriodSeconds"))
                                 : Tr::tr("Terminating, requested %1").arg(deletion);
        rows.append(row(Tr::tr("Deletion"), text, StatusCategory::Pending));
    }
    addIfSet(rows, Tr::tr("Resource version"), str(metadata, u"resourceVersion"));
    if (integer(metadata, u"generation") > 0)
        rows.append(row(Tr::tr("Generation"), QString::number(integer(metadata, u"generation"))));
    addSection(d, Tr::tr("Metadata")).rows = rows;
}

Describer describerFor(const QString &group, const QString &kind)
{
    static const QHash<QString, Describer> describers = {
        {u"/Pod"_qs, describePod},
        {u"apps/Deployment"_qs, describeDeployment},
        {u"apps/ReplicaSet"_qs, describeReplicaSet},
        {u"/ReplicationController"_qs, describeReplicationController},
        {u"apps/StatefulSet"_qs, describeStatefulSet},
        {u"apps/DaemonSet"_qs, describeDaemonSet},
        {u"batch/Job"_qs, describeJob},
        {u"batch/CronJob"_qs, describeCronJob},
        {u"/Service"_qs, describeService},
        {u"/Endpoints"_qs, describeEndpoints},
        {u"discovery.k8s.io/EndpointSlice"_qs, describeEndpointSlice},
        {u"networking.k8s.io/Ingress"_qs, describeIngress},
        {u"/Node"_qs, describeNode},
        {u"/Namespace"_qs, describeNamespace},
        {u"/ConfigMap"_qs, describeConfigMap},
        {u"/Secret"_qs, describeSecret},
        {u"/PersistentVolumeClaim"_qs, describePersistentVolumeClaim},
        {u"/PersistentVolume"_qs, describePersistentVolume},
        {u"storage.k8s.io/StorageClass"_qs, describeStorageClass},
        {u"/ServiceAccount"_qs, describeServiceAccount},
        {u"/Event"_qs, describeEvent},
        {u"events.k8s.io/Event"_qs, describeEvent},
    };
    return describers.value(group + u'/' + kind, describeGeneric);
}

const DescriptionRow *findIn(const QList<DescriptionRow> &rows, QStringView label)
{
    for (const DescriptionRow &r : rows) {
        if (r.label == label)
            return &r;
    }
    return nullptr;
}

} // namespace

const DescriptionRow *DescriptionRow::child(QStringView childLabel) const
{
    return findIn(children, childLabel);
}

const DescriptionRow *DescriptionSection::row(QStringView label) const
{
    return findIn(rows, label);
}

const DescriptionSection *ObjectDescription::section(QStringView title) const
{
    for (const DescriptionSection &s : sections) {
        if (s.title == title)
            return &s;
    }
    return nullptr;
}

const DescriptionRow *ObjectDescription::find(const QStringList &path) const
{
    if (path.size() < 2)
        return nullptr;
    const DescriptionSection *s = section(path.first());
    if (!s)
        return nullptr;
    const DescriptionRow *r = s->row(path.at(1));
    for (qsizetype i = 2; r && i < path.size(); ++i)
        r = r->child(path.at(i));
    return r;
}

ObjectDescription describeObject(const kube::Object &object, const DescribeOptions &options)
{
    ObjectDescription d;
    if (object.isNull())
        return d;
    Context context{options.now.isValid() ? options.now : QDateTime::currentDateTimeUtc(), options};
    const QJsonObject json = object.toJson();
    d.kind = object.kind();
    d.name = object.name();
    d.namespace_ = object.namespace_();
    const StatusSummary summary = summarizeStatus(object, context.now);
    d.status = summary.text;
    d.statusCategory = summary.category;
    // The metadata of a Secret comes from its masked form: the last-applied annotation holds
    // the data.
    addMetadataSection(d, isSecretJson(json) ? maskSecretJson(json) : json, context);
    describerFor(object.gvk().group, d.kind)(d, json, context);
    return d;
}

} // namespace timonel
