#pragma once
// Small builders for the nodes and pods the scheduler tests feed in: only the fields the
// scheduler reads, with defaults that make a plain node (4 CPU, 8Gi, 110 pods, Ready) and a plain
// pending pod (one container, no requests). Header-only; tests/kube/scheduler only.

#include "kube/api/object.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

// Rows name only the fields they care about (PodFixture{.cpu = u"1"_qs}); the rest keep their
// defaults on purpose, which GCC 12's -Wextra still reports for designated initializers.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace fixtures {

struct NodeFixture {
    QString name = QStringLiteral("node-a");
    QString cpu = QStringLiteral("4");
    QString memory = QStringLiteral("8Gi");
    int pods = 110;
    QJsonObject labels;
    QJsonArray taints;
    bool unschedulable = false;
    QString ready = QStringLiteral("True"); // empty: no Ready condition at all
    QJsonObject extraAllocatable;

    QJsonObject json() const
    {
        QJsonObject allocatable = extraAllocatable;
        allocatable.insert(u"cpu"_qs, cpu);
        allocatable.insert(u"memory"_qs, memory);
        allocatable.insert(u"pods"_qs, QString::number(pods));
        QJsonObject spec;
        if (!taints.isEmpty())
            spec.insert(u"taints"_qs, taints);
        if (unschedulable)
            spec.insert(u"unschedulable"_qs, true);
        QJsonObject status{{u"allocatable"_qs, allocatable}, {u"capacity"_qs, allocatable}};
        if (!ready.isEmpty())
            status.insert(u"conditions"_qs, QJsonArray{QJsonObject{{u"type"_qs, u"Ready"_qs}, {u"status"_qs, ready}}});
        QJsonObject labelsWithHost = labels;
        labelsWithHost.insert(u"kubernetes.io/hostname"_qs, name);
        return QJsonObject{{u"apiVersion"_qs, u"v1"_qs}, {u"kind"_qs, u"Node"_qs},
                           {u"metadata"_qs, QJsonObject{{u"name"_qs, name}, {u"labels"_qs, labelsWithHost}}},
                           {u"spec"_qs, spec}, {u"status"_qs, status}};
    }
    kube::Object object() const { return kube::Object::fromJson(json()); }
};

inline QJsonObject taint(const QString &key, const QString &value, const QString &effect)
{
    QJsonObject t{{u"key"_qs, key}, {u"effect"_qs, effect}};
    if (!value.isEmpty())
        t.insert(u"value"_qs, value);
    return t;
}

inline QJsonObject toleration(const QString &key, const QString &op, const QString &value, const QString &effect)
{
    QJsonObject t;
    if (!key.isEmpty())
        t.insert(u"key"_qs, key);
    if (!op.isEmpty())
        t.insert(u"operator"_qs, op);
    if (!value.isEmpty())
        t.insert(u"value"_qs, value);
    if (!effect.isEmpty())
        t.insert(u"effect"_qs, effect);
    return t;
}

inline QJsonObject requests(const QString &cpu, const QString &memory)
{
    QJsonObject r;
    if (!cpu.isEmpty())
        r.insert(u"cpu"_qs, cpu);
    if (!memory.isEmpty())
        r.insert(u"memory"_qs, memory);
    return r;
}

inline QJsonObject container(const QString &name, const QJsonObject &requests, const QJsonArray &ports = {})
{
    QJsonObject c{{u"name"_qs, name}, {u"image"_qs, u"busybox"_qs}};
    if (!requests.isEmpty())
        c.insert(u"resources"_qs, QJsonObject{{u"requests"_qs, requests}});
    if (!ports.isEmpty())
        c.insert(u"ports"_qs, ports);
    return c;
}

inline QJsonObject hostPort(int port, const QString &protocol = {}, const QString &ip = {})
{
    QJsonObject p{{u"containerPort"_qs, port}, {u"hostPort"_qs, port}};
    if (!protocol.isEmpty())
        p.insert(u"protocol"_qs, protocol);
    if (!ip.isEmpty())
        p.insert(u"hostIP"_qs, ip);
    return p;
}

struct PodFixture {
    QString name = QStringLiteral("pod");
    QString namespace_ = QStringLiteral("default");
    QString cpu;    // request of the single container; empty: none
    QString memory; // likewise
    QJsonArray containers;     // replaces the single container when set
    QJsonArray initContainers;
    QJsonArray ports;          // of the single container
    QJsonArray tolerations;
    QJsonObject nodeSelector;
    QJsonObject affinity;
    QString nodeName;
    QString ownerUid;          // a ReplicaSet controller with this uid
    QString phase = QStringLiteral("Pending");
    QJsonObject extraSpec;

    QJsonObject json() const
    {
        QJsonObject spec = extraSpec;
        spec.insert(u"containers"_qs, containers.isEmpty() ? QJsonArray{container(u"app"_qs, requests(cpu, memory), ports)} : containers);
        if (!initContainers.isEmpty())
            spec.insert(u"initContainers"_qs, initContainers);
        if (!tolerations.isEmpty())
            spec.insert(u"tolerations"_qs, tolerations);
        if (!nodeSelector.isEmpty())
            spec.insert(u"nodeSelector"_qs, nodeSelector);
        if (!affinity.isEmpty())
            spec.insert(u"affinity"_qs, affinity);
        if (!nodeName.isEmpty())
            spec.insert(u"nodeName"_qs, nodeName);
        QJsonObject metadata{{u"name"_qs, name}, {u"namespace"_qs, namespace_}, {u"uid"_qs, u"uid-"_qs + name}};
        if (!ownerUid.isEmpty()) {
            metadata.insert(u"ownerReferences"_qs, QJsonArray{QJsonObject{{u"apiVersion"_qs, u"apps/v1"_qs}, {u"kind"_qs, u"ReplicaSet"_qs},
                                                                          {u"name"_qs, u"rs-"_qs + ownerUid}, {u"uid"_qs, ownerUid},
                                                                          {u"controller"_qs, true}}});
        }
        return QJsonObject{{u"apiVersion"_qs, u"v1"_qs}, {u"kind"_qs, u"Pod"_qs}, {u"metadata"_qs, metadata},
                           {u"spec"_qs, spec}, {u"status"_qs, QJsonObject{{u"phase"_qs, phase}}}};
    }
    kube::Object object() const { return kube::Object::fromJson(json()); }
};

inline QJsonObject requiredAffinity(const QJsonArray &terms)
{
    return QJsonObject{{u"nodeAffinity"_qs, QJsonObject{{u"requiredDuringSchedulingIgnoredDuringExecution"_qs,
                                                         QJsonObject{{u"nodeSelectorTerms"_qs, terms}}}}}};
}

inline QJsonObject expression(const QString &key, const QString &op, const QStringList &values = {})
{
    QJsonObject e{{u"key"_qs, key}, {u"operator"_qs, op}};
    if (!values.isEmpty())
        e.insert(u"values"_qs, QJsonArray::fromStringList(values));
    return e;
}

} // namespace fixtures
