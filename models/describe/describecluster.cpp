// Cluster-level kinds and the fallback: Nodes, Namespaces, ServiceAccounts, Events, and any
// other kind (its top-level spec/status scalars and conditions).

#include "describeutil.h"

#include "models/objectevents.h"

#include <algorithm>

namespace timonel::describe {

namespace {

QString rolesOf(const QJsonObject &labels)
{
    QStringList roles;
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        if (it.key().startsWith(u"node-role.kubernetes.io/")) {
            const QString role = it.key().mid(24);
            if (!role.isEmpty())
                roles.append(role);
        } else if (it.key() == u"kubernetes.io/role" && !it.value().toString().isEmpty()) {
            roles.append(it.value().toString());
        }
    }
    roles.removeDuplicates();
    roles.sort();
    return roles.isEmpty() ? none() : roles.join(u',');
}

QString taintText(const QJsonObject &taint)
{
    QString text = str(taint, u"key");
    if (!str(taint, u"value").isEmpty())
        text += u'=' + str(taint, u"value");
    return text + u':' + str(taint, u"effect");
}

// Scalars of a JSON object (one level) as rows; arrays of scalars joined; nested objects and
// arrays of objects as their size.
QList<DescriptionRow> scalarRows(const QJsonObject &o, const QStringList &skip)
{
    QList<DescriptionRow> rows;
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (skip.contains(it.key()))
            continue;
        const QJsonValue v = it.value();
        if (v.isArray()) {
            const QJsonArray a = v.toArray();
            const bool scalars = std::all_of(a.begin(), a.end(), [](const QJsonValue &e) { return !e.isObject() && !e.isArray(); });
            rows.append(row(it.key(), scalars ? joined(a, u", ") : Tr::tr("%n item(s)", nullptr, int(a.size()))));
        } else if (v.isObject()) {
            rows.append(row(it.key(), Tr::tr("%n field(s)", nullptr, int(v.toObject().size()))));
        } else if (!v.isNull()) {
            rows.append(row(it.key(), scalarText(v)));
        }
    }
    return rows;
}

} // namespace

void describeNode(ObjectDescription &d, const QJsonObject &object, const Context &context)
{
    const QJsonObject spec = obj(object, u"spec");
    const QJsonObject status = obj(object, u"status");
    QList<DescriptionRow> rows;
    rows.append(row(Tr::tr("Roles"), rolesOf(obj(obj(object, u"metadata"), u"labels"))));
    const bool unschedulable = spec.value(u"unschedulable").toBool();
    rows.append(row(Tr::tr("Unschedulable"), unschedulable ? u"true"_qs : u"false"_qs,
                    unschedulable ? StatusCategory::Pending : StatusCategory::Neutral));
    const QJsonArray taints = arr(spec, u"taints");
    DescriptionRow taintRow = row(Tr::tr("Taints"), none());
    QStringList taintTexts;
    for (const QJsonValue &v : taints) {
        taintTexts.append(taintText(v.toObject()));
        taintRow.children.append(row(QString(), taintTexts.last()));
    }
    if (!taintTexts.isEmpty())
        taintRow.value = taintTexts.join(u", ");
    rows.append(taintRow);
    addIfSet(rows, Tr::tr("Pod CIDRs"), joined(arr(spec, u"podCIDRs"), u", "));
    if (arr(spec, u"podCIDRs").isEmpty())
        addIfSet(rows, Tr::tr("Pod CIDRs"), str(spec, u"podCIDR"));
    addIfSet(rows, Tr::tr("Provider ID"), str(spec, u"providerID"));
    if (context.options.nodePodCount >= 0) {
        const QJsonValue allocatable = obj(status, u"allocatable").value(u"pods");
        const QString text = allocatable.isUndefined() ? QString::number(context.options.nodePodCount)
                                                       : Tr::tr("%1 of %2").arg(context.options.nodePodCount).arg(quantityText(allocatable));
        rows.append(row(Tr::tr("Pods"), text));
    }
    addSection(d, Tr::tr("Node")).rows = rows;

    addConditionsSection(d, arr(status, u"conditions"), context.now);

    QList<DescriptionRow> addresses;
    for (const QJsonValue &v : arr(status, u"addresses"))
        addresses.append(row(str(v.toObject(), u"type"), str(v.toObject(), u"address")));
    if (!addresses.isEmpty())
        addSection(d, Tr::tr("Addresses")).rows = addresses;

    const QJsonObject capacity = obj(status, u"capacity");
    const QJsonObject allocatable = obj(status, u"allocatable");
    if (!capacity.isEmpty() || !allocatable.isEmpty()) {
        DescriptionTable table;
        table.columns = {Tr::tr("Resource"), Tr::tr("Capacity"), Tr::tr("Allocatable")};
        QStringList names = capacity.keys();
        for (const QString &k : allocatable.keys()) {
            if (!names.contains(k))
                names.append(k);
        }
        names.sort();
        for (const QString &name : names)
            table.rows.append({{name},
                               {capacity.contains(name) ? quantityText(capacity.value(name)) : QString()},
                               {allocatable.contains(name) ? quantityText(allocatable.value(name)) : QString()}});
        addSection(d, Tr::tr("Resources")).table = table;
    }

    const QJsonObject info = obj(status, u"nodeInfo");
    if (!info.isEmpty()) {
        QList<DescriptionRow> infoRows;
        addIfSet(infoRows, Tr::tr("Machine ID"), str(info, u"machineID"));
        addIfSet(infoRows, Tr::tr("System UUID"), str(info, u"systemUUID"));
        addIfSet(infoRows, Tr::tr("Boot ID"), str(info, u"bootID"));
        addIfSet(infoRows, Tr::tr("Kernel version"), str(info, u"kernelVersion"));
        addIfSet(infoRows, Tr::tr("OS image"), str(info, u"osImage"));
        addIfSet(infoRows, Tr::tr("Operating system"), str(info, u"operatingSystem"));
        addIfSet(infoRows, Tr::tr("Architecture"), str(info, u"architecture"));
        addIfSet(infoRows, Tr::tr("Container runtime"), str(info, u"containerRuntimeVersion"));
        addIfSet(infoRows, Tr::tr("Kubelet version"), str(info, u"kubeletVersion"));
        addIfSet(infoRows, Tr::tr("Kube-proxy version"), str(info, u"kubeProxyVersion"));
        addSection(d, Tr::tr("System info")).rows = infoRows;
    }
}

void describeNamespace(ObjectDescription &d, const QJsonObject &object, const Context &context)
{
    const QString phase = str(obj(object, u"status"), u"phase");
    QList<DescriptionRow> rows;
    rows.append(row(Tr::tr("Status"), phase.isEmpty() ? u"Active"_qs : phase, statusCategory(phase.isEmpty() ? u"Active"_qs : phase)));
    addIfSet(rows, Tr::tr("Finalizers (spec)"), joined(arr(obj(object, u"spec"), u"finalizers"), u", "));
    addSection(d, Tr::tr("Namespace")).rows = rows;
    addConditionsSection(d, arr(obj(object, u"status"), u"conditions"), context.now);
}

void describeServiceAccount(ObjectDescription &d, const QJsonObject &object, const Context &)
{
    auto names = [](const QJsonArray &refs) {
        QStringList out;
        for (const QJsonValue &v : refs)
            out.append(v.toObject().value(u"name").toString());
        return out.isEmpty() ? none() : out.join(u", ");
    };
    QList<DescriptionRow> rows;
    rows.append(row(Tr::tr("Image pull secrets"), names(arr(object, u"imagePullSecrets"))));
    rows.append(row(Tr::tr("Mountable secrets"), names(arr(object, u"secrets"))));
    if (has(object, u"automountServiceAccountToken"))
        rows.append(row(Tr::tr("Automount token"), scalarText(object.value(u"automountServiceAccountToken"))));
    addSection(d, Tr::tr("Service account")).rows = rows;
}

void describeEvent(ObjectDescription &d, const QJsonObject &object, const Context &context)
{
    const ObjectEvent e = objectEventFromJson(object);
    QList<DescriptionRow> rows;
    rows.append(row(Tr::tr("Type"), e.type, e.category));
    rows.append(row(Tr::tr("Reason"), e.reason));
    rows.append(row(Tr::tr("Message"), e.message));
    QString about = e.objectKind + u'/' + e.objectName;
    if (!e.objectNamespace.isEmpty())
        about = Tr::tr("%1 in %2").arg(about, e.objectNamespace);
    rows.append(row(Tr::tr("Object"), about));
    addIfSet(rows, Tr::tr("Field"), e.fieldPath);
    rows.append(row(Tr::tr("Count"), QString::number(e.count)));
    addIfSet(rows, Tr::tr("First seen"), age(e.firstSeen, context.now).isEmpty() ? QString() : Tr::tr("%1 ago").arg(age(e.firstSeen, context.now)));
    addIfSet(rows, Tr::tr("Last seen"), age(e.lastSeen, context.now).isEmpty() ? QString() : Tr::tr("%1 ago").arg(age(e.lastSeen, context.now)));
    addIfSet(rows, Tr::tr("Source"), e.source);
    addIfSet(rows, Tr::tr("Action"), str(object, u"action"));
    addIfSet(rows, Tr::tr("Reporting instance"), str(object, u"reportingInstance"));
    addSection(d, Tr::tr("Event")).rows = rows;
}

void describeGeneric(ObjectDescription &d, const QJsonObject &object, const Context &context)
{
    const QJsonObject spec = obj(object, u"spec");
    const QJsonObject status = obj(object, u"status");
    const QList<DescriptionRow> top = scalarRows(object, {u"apiVersion"_qs, u"kind"_qs, u"metadata"_qs, u"spec"_qs, u"status"_qs});
    if (!top.isEmpty())
        addSection(d, Tr::tr("Fields")).rows = top;
    const QList<DescriptionRow> specRows = scalarRows(spec, {});
    if (!specRows.isEmpty())
        addSection(d, Tr::tr("Spec")).rows = specRows;
    const QList<DescriptionRow> statusRows = scalarRows(status, {u"conditions"_qs});
    if (!statusRows.isEmpty())
        addSection(d, Tr::tr("Status")).rows = statusRows;
    addConditionsSection(d, arr(status, u"conditions"), context.now);
}

} // namespace timonel::describe
