// The pods of a DaemonSet (kube/controllers/daemonset/daemonpods): automatic tolerations, the
// labels and node affinity of a new daemon pod, the node a pod is meant for, whether a pod runs
// the current revision, and which of several pods on a node comes first.
#include "kube/controllers/daemonset/daemonpods.h"
#include "kube/controllers/daemonset/daemonsetinfo.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace kube;

namespace {

// An affinity with one required node selector term holding one requirement under list
// ("matchExpressions" or "matchFields").
QJsonObject requiredAffinity(const QString &list, const QJsonObject &requirement)
{
    const QJsonObject term{{list, QJsonArray{requirement}}};
    const QJsonObject required{{u"nodeSelectorTerms"_qs, QJsonArray{term}}};
    const QJsonObject nodeAffinity{{u"requiredDuringSchedulingIgnoredDuringExecution"_qs, required}};
    return QJsonObject{{u"nodeAffinity"_qs, nodeAffinity}};
}

QJsonObject toleration(const QString &key, const QString &effect, const QString &op = u"Exists"_qs)
{
    return {{u"key"_qs, key}, {u"operator"_qs, op}, {u"effect"_qs, effect}};
}

DaemonSetInfo daemonSet(qint64 generation = 3)
{
    QJsonObject affinity = requiredAffinity(u"matchExpressions"_qs, QJsonObject{{u"key"_qs, u"zone"_qs}, {u"operator"_qs, u"Exists"_qs}});
    QJsonObject nodeAffinity = affinity.value(u"nodeAffinity").toObject();
    nodeAffinity.insert(u"preferredDuringSchedulingIgnoredDuringExecution", QJsonArray{});
    affinity.insert(u"nodeAffinity", nodeAffinity);
    const QJsonObject json{
        {u"apiVersion"_qs, u"apps/v1"_qs}, {u"kind"_qs, u"DaemonSet"_qs},
        {u"metadata"_qs, QJsonObject{{u"name"_qs, u"agent"_qs}, {u"namespace"_qs, u"ops"_qs}, {u"uid"_qs, u"u1"_qs},
                                     {u"generation"_qs, double(generation)}}},
        {u"spec"_qs, QJsonObject{
            {u"selector"_qs, QJsonObject{{u"matchLabels"_qs, QJsonObject{{u"app"_qs, u"agent"_qs}}}}},
            {u"template"_qs, QJsonObject{
                {u"metadata"_qs, QJsonObject{{u"labels"_qs, QJsonObject{{u"app"_qs, u"agent"_qs}}},
                                             {u"annotations"_qs, QJsonObject{{u"note"_qs, u"x"_qs}}}}},
                {u"spec"_qs, QJsonObject{
                    {u"containers"_qs, QJsonArray{QJsonObject{{u"name"_qs, u"agent"_qs}, {u"image"_qs, u"agent:1"_qs}}}},
                    {u"affinity"_qs, affinity}}}}}}},
    };
    return DaemonSetInfo::from(Object::fromJson(json));
}

Object podWithLabels(const QJsonObject &labels, const QString &nodeName = {}, const QString &created = u"2026-01-01T00:00:00Z"_qs,
                     const QString &name = u"p"_qs)
{
    return Object::fromJson(QJsonObject{
        {u"apiVersion"_qs, u"v1"_qs}, {u"kind"_qs, u"Pod"_qs},
        {u"metadata"_qs, QJsonObject{{u"name"_qs, name}, {u"labels"_qs, labels}, {u"creationTimestamp"_qs, created}}},
        {u"spec"_qs, QJsonObject{{u"nodeName"_qs, nodeName}}}});
}

} // namespace

class tst_DaemonSetPods : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void addsDaemonTolerations();
    void replacesAMatchingToleration();
    void hostNetworkToleratesNetworkUnavailable();
    void newDaemonPodIsBoundToItsNode();
    void targetNodeName_data();
    void targetNodeName();
    void isPodUpdated();
    void boundAndOldestFirst();
};

void tst_DaemonSetPods::addsDaemonTolerations()
{
    QJsonObject spec{{u"tolerations"_qs, QJsonArray{toleration(u"gpu"_qs, u"NoSchedule"_qs)}}};
    addDaemonPodTolerations(spec);
    const QJsonArray expected{
        toleration(u"gpu"_qs, u"NoSchedule"_qs),
        toleration(u"node.kubernetes.io/not-ready"_qs, u"NoExecute"_qs),
        toleration(u"node.kubernetes.io/unreachable"_qs, u"NoExecute"_qs),
        toleration(u"node.kubernetes.io/disk-pressure"_qs, u"NoSchedule"_qs),
        toleration(u"node.kubernetes.io/memory-pressure"_qs, u"NoSchedule"_qs),
        toleration(u"node.kubernetes.io/pid-pressure"_qs, u"NoSchedule"_qs),
        toleration(u"node.kubernetes.io/unschedulable"_qs, u"NoSchedule"_qs),
    };
    QCOMPARE(spec.value(u"tolerations").toArray(), expected);
    // Idempotent.
    addDaemonPodTolerations(spec);
    QCOMPARE(spec.value(u"tolerations").toArray(), expected);
}

void tst_DaemonSetPods::replacesAMatchingToleration()
{
    QJsonObject limited = toleration(u"node.kubernetes.io/not-ready"_qs, u"NoExecute"_qs);
    limited.insert(u"tolerationSeconds", 300);
    // Same key but another operator is not the same toleration: it stays beside the daemon one.
    const QJsonObject equalOperator = toleration(u"node.kubernetes.io/unreachable"_qs, u"NoExecute"_qs, u"Equal"_qs);
    QJsonObject spec{{u"tolerations"_qs, QJsonArray{limited, equalOperator}}};
    addDaemonPodTolerations(spec);
    const QJsonArray tolerations = spec.value(u"tolerations").toArray();
    QCOMPARE(tolerations.at(0).toObject(), toleration(u"node.kubernetes.io/not-ready"_qs, u"NoExecute"_qs));
    QCOMPARE(tolerations.at(1).toObject(), equalOperator);
    QCOMPARE(tolerations.size(), 7);
}

void tst_DaemonSetPods::hostNetworkToleratesNetworkUnavailable()
{
    QJsonObject spec{{u"hostNetwork"_qs, true}};
    addDaemonPodTolerations(spec);
    QVERIFY(spec.value(u"tolerations").toArray().contains(toleration(u"node.kubernetes.io/network-unavailable"_qs, u"NoSchedule"_qs)));
}

void tst_DaemonSetPods::newDaemonPodIsBoundToItsNode()
{
    const DaemonSetInfo ds = daemonSet(3);
    const QJsonObject pod = newDaemonPod(ds, daemonPodTemplate(ds, u"abc12"_qs), u"node-2"_qs);
    const QJsonObject metadata = pod.value(u"metadata").toObject();
    QCOMPARE(metadata.value(u"generateName").toString(), u"agent-"_qs);
    QCOMPARE(metadata.value(u"namespace").toString(), u"ops"_qs);
    const QJsonObject labels = metadata.value(u"labels").toObject();
    QCOMPARE(labels.value(u"app").toString(), u"agent"_qs);
    QCOMPARE(labels.value(u"controller-revision-hash").toString(), u"abc12"_qs);
    QCOMPARE(labels.value(u"pod-template-generation").toString(), u"3"_qs); // no annotation: the generation
    QCOMPARE(metadata.value(u"annotations").toObject().value(u"note").toString(), u"x"_qs);
    const QJsonObject ref = metadata.value(u"ownerReferences").toArray().first().toObject();
    QCOMPARE(ref.value(u"kind").toString(), u"DaemonSet"_qs);
    QCOMPARE(ref.value(u"uid").toString(), u"u1"_qs);
    QVERIFY(ref.value(u"controller").toBool());

    const QJsonObject spec = pod.value(u"spec").toObject();
    QVERIFY(!spec.contains(u"nodeName")); // the scheduler binds it
    const QJsonObject nodeAffinity = spec.value(u"affinity").toObject().value(u"nodeAffinity").toObject();
    // The template's own required terms are replaced; preferred ones stay.
    const QJsonObject required{{u"nodeSelectorTerms"_qs, QJsonArray{QJsonObject{{u"matchFields"_qs, QJsonArray{QJsonObject{
        {u"key"_qs, u"metadata.name"_qs}, {u"operator"_qs, u"In"_qs}, {u"values"_qs, QJsonArray{u"node-2"_qs}}}}}}}}};
    QCOMPARE(nodeAffinity.value(u"requiredDuringSchedulingIgnoredDuringExecution").toObject(), required);
    QVERIFY(nodeAffinity.contains(u"preferredDuringSchedulingIgnoredDuringExecution"));
    QCOMPARE(spec.value(u"tolerations").toArray().size(), 6);
    QCOMPARE(kube::targetNodeName(pod), u"node-2"_qs);

    // With the API server's annotation, that generation is used.
    QJsonObject json = ds.json;
    QJsonObject meta = json.value(u"metadata").toObject();
    meta.insert(u"annotations", QJsonObject{{u"deprecated.daemonset.template.generation"_qs, u"2"_qs}});
    json.insert(u"metadata", meta);
    const DaemonSetInfo annotated = DaemonSetInfo::from(Object::fromJson(json));
    QCOMPARE(daemonPodTemplate(annotated, u"h"_qs).value(u"metadata").toObject().value(u"labels").toObject()
                 .value(u"pod-template-generation").toString(), u"2"_qs);
}

void tst_DaemonSetPods::targetNodeName_data()
{
    QTest::addColumn<QJsonObject>("spec");
    QTest::addColumn<QString>("expected");
    const auto fields = [](const QString &op, const QJsonArray &values) {
        return QJsonObject{{u"affinity"_qs, requiredAffinity(u"matchFields"_qs, QJsonObject{
            {u"key"_qs, u"metadata.name"_qs}, {u"operator"_qs, op}, {u"values"_qs, values}})}};
    };
    QTest::newRow("bound") << QJsonObject{{u"nodeName"_qs, u"n1"_qs}} << u"n1"_qs;
    QTest::newRow("affinity") << fields(u"In"_qs, {u"n2"_qs}) << u"n2"_qs;
    QJsonObject both = fields(u"In"_qs, {u"n2"_qs});
    both.insert(u"nodeName", u"n1"_qs);
    QTest::newRow("node-name-wins") << both << u"n1"_qs;
    QTest::newRow("two-values-name-none") << fields(u"In"_qs, {u"n1"_qs, u"n2"_qs}) << QString();
    QTest::newRow("not-in-names-none") << fields(u"NotIn"_qs, {u"n1"_qs}) << QString();
    QTest::newRow("nothing") << QJsonObject{} << QString();
}

void tst_DaemonSetPods::targetNodeName()
{
    QFETCH(QJsonObject, spec);
    QFETCH(QString, expected);
    QCOMPARE(kube::targetNodeName(QJsonObject{{u"spec"_qs, spec}}), expected);
}

void tst_DaemonSetPods::isPodUpdated()
{
    const Object current = podWithLabels({{u"controller-revision-hash"_qs, u"new"_qs}, {u"pod-template-generation"_qs, u"1"_qs}});
    const Object old = podWithLabels({{u"controller-revision-hash"_qs, u"old"_qs}, {u"pod-template-generation"_qs, u"1"_qs}});
    QVERIFY(kube::isPodUpdated(current, u"new"_qs, std::nullopt));
    QVERIFY(!kube::isPodUpdated(old, u"new"_qs, std::nullopt));
    // The template generation alone also counts (upstream's backward compatibility).
    QVERIFY(kube::isPodUpdated(old, u"new"_qs, 1));
    QVERIFY(!kube::isPodUpdated(old, u"new"_qs, 2));
    QVERIFY(!kube::isPodUpdated(podWithLabels({}), QString(), std::nullopt));
}

void tst_DaemonSetPods::boundAndOldestFirst()
{
    QList<PodInfo> pods{
        PodInfo::from(podWithLabels({}, {}, u"2026-01-01T00:00:00Z"_qs, u"pending-oldest"_qs)),
        PodInfo::from(podWithLabels({}, u"n1"_qs, u"2026-01-01T00:00:09Z"_qs, u"bound-newer"_qs)),
        PodInfo::from(podWithLabels({}, u"n1"_qs, u"2026-01-01T00:00:05Z"_qs, u"bound-b"_qs)),
        PodInfo::from(podWithLabels({}, u"n1"_qs, u"2026-01-01T00:00:05Z"_qs, u"bound-a"_qs)),
    };
    sortByCreationAndPhase(pods);
    QStringList names;
    for (const PodInfo &p : pods)
        names.append(p.name);
    QCOMPARE(names, (QStringList{u"bound-a"_qs, u"bound-b"_qs, u"bound-newer"_qs, u"pending-oldest"_qs}));
}

QTEST_GUILESS_MAIN(tst_DaemonSetPods)
#include "tst_daemonsetpods.moc"
