#pragma once
// Internal to the object description (models/describe/): the translation context, JSON reading
// the way Go reads a decoded object (absent = zero value), time and quantity text, and builders
// for the rows and tables every kind shares (labels, selectors, conditions, resource lists).
// The per-kind describers are declared at the end; objectdescription.cpp dispatches to them.
//
// Pure functions; any thread. Costs are linear in what they format.

#include "models/objectdescription.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

namespace timonel::describe {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(timonel::ObjectDescription)
};

struct Context {
    QDateTime now;
    DescribeOptions options;
};

// ---- reading ----
inline QJsonObject obj(const QJsonObject &o, QStringView key) { return o.value(key).toObject(); }
inline QJsonArray arr(const QJsonObject &o, QStringView key) { return o.value(key).toArray(); }
inline QString str(const QJsonObject &o, QStringView key) { return o.value(key).toString(); }
inline bool has(const QJsonObject &o, QStringView key)
{
    const QJsonValue v = o.value(key);
    return !v.isUndefined() && !v.isNull();
}
qint64 integer(const QJsonObject &o, QStringView key, qint64 fallback = 0);
// Strings as they are, whole numbers without a fraction, booleans "true"/"false"; "" otherwise.
QString scalarText(const QJsonValue &value);
// intstr.IntOrString as text.
QString intOrString(const QJsonValue &value);
QString joined(const QJsonArray &strings, QStringView separator);
// "<none>", translated.
QString none();

// ---- time ----
QDateTime parseTime(const QJsonValue &value);
// "3d2h" between t and now; "" when t is invalid.
QString age(const QDateTime &t, const QDateTime &now);
// "2024-05-01 10:00:00 (3d2h ago)", local time; "" when absent.
QString timestampText(const QJsonValue &value, const QDateTime &now);

// ---- rows ----
DescriptionRow row(const QString &label, const QString &value, StatusCategory category = StatusCategory::Neutral);
// Appends a row unless value is empty.
void addIfSet(QList<DescriptionRow> &rows, const QString &label, const QString &value);
// A map (labels, node selector, parameters): value "k=v, k2=v2" or "<none>", one child per key.
DescriptionRow mapRow(const QString &label, const QJsonObject &map);
// metav1.LabelSelector as kubectl prints it ("app=web,tier in (a,b)"), "<none>" when empty.
QString labelSelectorText(const QJsonValue &selector);
// A map selector (Service, ReplicationController): "app=web,tier=db", "<none>" when empty.
QString mapSelectorText(const QJsonObject &selector);
// A ResourceList (capacity, requests): value "cpu: 500m, memory: 128Mi", one child per resource.
DescriptionRow resourceListRow(const QString &label, const QJsonObject &resources);
QString quantityText(const QJsonValue &value);

// ---- conditions ----
// Whether True is good news for a condition type (Ready, Available) or bad (MemoryPressure,
// Failed, ReplicaFailure…).
StatusCategory conditionCategory(QStringView type, QStringView status);
// Type, Status, Reason, Message, Last transition (age); empty table when there are none.
DescriptionTable conditionsTable(const QJsonArray &conditions, const QDateTime &now);
// A "Conditions" section when there are conditions.
void addConditionsSection(ObjectDescription &d, const QJsonArray &conditions, const QDateTime &now);

DescriptionSection &addSection(ObjectDescription &d, const QString &title);

// ---- per-kind describers (describe*.cpp) ----
using Describer = void (*)(ObjectDescription &d, const QJsonObject &object, const Context &context);

// Pods and the pod templates of workloads (describepod.cpp).
void describePod(ObjectDescription &d, const QJsonObject &object, const Context &context);
void appendPodTemplate(ObjectDescription &d, const QJsonObject &podTemplate, const Context &context);
// workloads (describeworkloads.cpp)
void describeDeployment(ObjectDescription &d, const QJsonObject &object, const Context &context);
void describeReplicaSet(ObjectDescription &d, const QJsonObject &object, const Context &context);
void describeReplicationController(ObjectDescription &d, const QJsonObject &object, const Context &context);
void describeStatefulSet(ObjectDescription &d, const QJsonObject &object, const Context &context);
void describeDaemonSet(ObjectDescription &d, const QJsonObject &object, const Context &context);
void describeJob(ObjectDescription &d, const QJsonObject &object, const Context &context);
void describeCronJob(ObjectDescription &d, const QJsonObject &object, const Context &context);
// networking (describenetwork.cpp)
void describeService(ObjectDescription &d, const QJsonObject &object, const Context &context);
void describeEndpoints(ObjectDescription &d, const QJsonObject &object, const Context &context);
void describeEndpointSlice(ObjectDescription &d, const QJsonObject &object, const Context &context);
void describeIngress(ObjectDescription &d, const QJsonObject &object, const Context &context);
// cluster (describecluster.cpp)
void describeNode(ObjectDescription &d, const QJsonObject &object, const Context &context);
void describeNamespace(ObjectDescription &d, const QJsonObject &object, const Context &context);
void describeServiceAccount(ObjectDescription &d, const QJsonObject &object, const Context &context);
void describeEvent(ObjectDescription &d, const QJsonObject &object, const Context &context);
void describeGeneric(ObjectDescription &d, const QJsonObject &object, const Context &context);
// configuration and storage (describestorage.cpp)
void describeConfigMap(ObjectDescription &d, const QJsonObject &object, const Context &context);
void describeSecret(ObjectDescription &d, const QJsonObject &object, const Context &context);
void describePersistentVolumeClaim(ObjectDescription &d, const QJsonObject &object, const Context &context);
void describePersistentVolume(ObjectDescription &d, const QJsonObject &object, const Context &context);
void describeStorageClass(ObjectDescription &d, const QJsonObject &object, const Context &context);

} // namespace timonel::describe
