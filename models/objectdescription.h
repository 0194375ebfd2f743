#pragma once
// ObjectDescription: the console's `kubectl describe` — one object turned into titled sections
// of labelled rows (with nested rows and small tables: conditions, ports, rules), which the
// details pane renders. Common metadata for every kind (name, namespace, UID, created, labels,
// annotations, owners, finalizers, deletion), then what kubectl describe shows per kind: Pod,
// Deployment, ReplicaSet, ReplicationController, StatefulSet, DaemonSet, Job, CronJob, Service,
// Endpoints, EndpointSlice, Ingress, Node, Namespace, ConfigMap, Secret, PersistentVolumeClaim,
// PersistentVolume, StorageClass, ServiceAccount, Event; any other kind gets its top-level
// spec/status scalars and its conditions.
//
// Values are plain text (the view escapes them). Secrets never carry a value: their key rows
// state the size and name the key (secretKey) for revealSecretValue(); the last-applied
// annotation is masked. Env vars from secrets or config maps are shown as references.
//
// Pure function; any thread. Cost: one toJson() parse of the object plus the rows (a pod with
// two containers: a few hundred small strings).

#include "models/statuscategory.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

class QJsonObject;

namespace kube {
class Object;
}

namespace timonel {

struct DescriptionCell {
    QString text;
    StatusCategory category = StatusCategory::Neutral;
};

struct DescriptionTable {
    QStringList columns;
    QList<QList<DescriptionCell>> rows; // each as long as columns
    bool isEmpty() const { return columns.isEmpty(); }
};

struct DescriptionRow {
    QString label;
    QString value;
    StatusCategory category = StatusCategory::Neutral;
    // Set when value is abbreviated (long annotations): the whole text, shown on demand.
    QString fullValue;
    // Set on a Secret's key rows: the key to pass to revealSecretValue().
    QString secretKey;
    QList<DescriptionRow> children;
    DescriptionTable table; // under the row (a container's ports, a volume's items…)

    // The first child with this label, or nullptr.
    const DescriptionRow *child(QStringView childLabel) const;
};

struct DescriptionSection {
    QString title;
    QList<DescriptionRow> rows;
    DescriptionTable table; // shown after the rows (conditions, rules, endpoints…)

    const DescriptionRow *row(QStringView label) const;
};

struct ObjectDescription {
    QString kind;
    QString name;
    QString namespace_;
    // A one-word summary for the header chip ("Running", "Ready", "3/3", "Bound"…).
    QString status;
    StatusCategory statusCategory = StatusCategory::Neutral;
    QList<DescriptionSection> sections;

    const DescriptionSection *section(QStringView title) const;
    // A row by its section title, then row labels downwards: {"Containers", "web", "Liveness"}.
    const DescriptionRow *find(const QStringList &path) const;
};

struct DescribeOptions {
    QDateTime now; // ages are computed against it; invalid = the current time
    // Nodes: how many pods run on the node, when the caller knows (-1: not shown).
    int nodePodCount = -1;
};

ObjectDescription describeObject(const kube::Object &object, const DescribeOptions &options = {});

// Probes in kubectl describe's words: "http-get http://:8080/healthz delay=0s timeout=1s
// period=10s #success=1 #failure=3", "tcp-socket :5432 …", "exec [cat /tmp/ready] …",
// "grpc <pod>:9090 svc …". Absent timings take the API server's defaults (1s, 10s, 1, 3).
QString describeProbe(const QJsonObject &probe);

// A short summary of an object's state for headers and related-object lists: kubectl's STATUS
// cell where the kind's table has one (pods, nodes, namespaces, claims, volumes, jobs), else its
// READY count as "ready/desired" (deployments, stateful sets, replica sets, daemon sets), else
// an event's type. Empty for other kinds. Cost: one table row print (a few µs for pods, one
// QJsonObject parse for other kinds).
struct StatusSummary {
    QString text;
    StatusCategory category = StatusCategory::Neutral;
};
StatusSummary summarizeStatus(const kube::Object &object, const QDateTime &now = {});

} // namespace timonel
