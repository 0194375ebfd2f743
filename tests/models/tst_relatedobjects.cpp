#include "kube/api/object.h"
#include "models/relatedobjects.h"

#include <QHash>
#include <QTest>

using namespace timonel;

namespace {

kube::Object parse(const QByteArray &json)
{
    auto o = kube::Object::parse(json);
    if (!o)
        qFatal("bad fixture: %s", qPrintable(o.error().message()));
    return *o;
}

// A small cluster: a deployment with one replica set and two pods on node-1, one unrelated
// pod, a service with endpoints and an endpoint slice, a claim bound to a volume.
struct FakeCluster {
    QHash<QString, QList<kube::Object>> byResource;
    QHash<QString, int> calls;

    FakeCluster()
    {
        add("deployments.apps", R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"shop","uid":"d1"},
            "spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}}},"status":{"replicas":2,"readyReplicas":2,"updatedReplicas":2,"availableReplicas":2}})");
        add("replicasets.apps", R"({"apiVersion":"apps/v1","kind":"ReplicaSet","metadata":{"name":"web-1","namespace":"shop","uid":"rs1",
            "ownerReferences":[{"apiVersion":"apps/v1","kind":"Deployment","name":"web","uid":"d1","controller":true}]},
            "spec":{"replicas":2},"status":{"replicas":2,"readyReplicas":2}})");
        // An old replica set of another deployment with the same name in another namespace.
        add("replicasets.apps", R"({"apiVersion":"apps/v1","kind":"ReplicaSet","metadata":{"name":"web-1","namespace":"other","uid":"rs-other",
            "ownerReferences":[{"apiVersion":"apps/v1","kind":"Deployment","name":"web","uid":"d-other","controller":true}]}})");
        for (const char *name : {"web-1-a", "web-1-b"}) {
            add("pods", QByteArray(R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":")") + name +
                            R"(","namespace":"shop","uid":"uid-)" + name + R"(","labels":{"app":"web"},
                "ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"web-1","uid":"rs1","controller":true}]},
                "spec":{"nodeName":"node-1","serviceAccountName":"web",
                  "containers":[{"name":"web","image":"nginx","env":[{"name":"P","valueFrom":{"secretKeyRef":{"name":"db","key":"password"}}}],
                                 "envFrom":[{"configMapRef":{"name":"web-config"}}]}],
                  "volumes":[{"name":"data","persistentVolumeClaim":{"claimName":"data"}},{"name":"cfg","configMap":{"name":"web-config"}}]},
                "status":{"phase":"Running","containerStatuses":[{"name":"web","ready":true,"restartCount":0,"state":{"running":{}}}]}})");
        }
        add("pods", R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"other","namespace":"shop","uid":"uid-other","labels":{"app":"other"}},
            "spec":{"nodeName":"node-2","containers":[{"name":"c","image":"busybox"}]},"status":{"phase":"Pending"}})");
        add("services", R"({"apiVersion":"v1","kind":"Service","metadata":{"name":"web","namespace":"shop","uid":"svc1"},
            "spec":{"selector":{"app":"web"},"ports":[{"port":80}]}})");
        add("services", R"({"apiVersion":"v1","kind":"Service","metadata":{"name":"headless","namespace":"shop","uid":"svc2"},"spec":{}})");
        add("endpoints", R"({"apiVersion":"v1","kind":"Endpoints","metadata":{"name":"web","namespace":"shop","uid":"ep1"},
            "subsets":[{"addresses":[{"ip":"10.244.1.7","targetRef":{"kind":"Pod","name":"web-1-a","namespace":"shop"}}],
                        "notReadyAddresses":[{"ip":"10.244.1.9","targetRef":{"kind":"Pod","name":"gone","namespace":"shop"}}]}]})");
        add("endpointslices.discovery.k8s.io", R"({"apiVersion":"discovery.k8s.io/v1","kind":"EndpointSlice","metadata":{"name":"web-abc","namespace":"shop","uid":"es1",
            "labels":{"kubernetes.io/service-name":"web"}},"addressType":"IPv4",
            "endpoints":[{"addresses":["10.244.1.8"],"targetRef":{"kind":"Pod","name":"web-1-b","namespace":"shop"}}]})");
        add("endpointslices.discovery.k8s.io", R"({"apiVersion":"discovery.k8s.io/v1","kind":"EndpointSlice","metadata":{"name":"x-1","namespace":"shop","uid":"es2",
            "labels":{"kubernetes.io/service-name":"x"}},"addressType":"IPv4"})");
        add("nodes", R"({"apiVersion":"v1","kind":"Node","metadata":{"name":"node-1","uid":"n1"},
            "status":{"conditions":[{"type":"Ready","status":"True"}]}})");
        add("nodes", R"({"apiVersion":"v1","kind":"Node","metadata":{"name":"node-2","uid":"n2"}})");
        add("persistentvolumeclaims", R"({"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":"data","namespace":"shop","uid":"pvc1"},
            "spec":{"volumeName":"pv-1","accessModes":["ReadWriteOnce"]},"status":{"phase":"Bound"}})");
        add("persistentvolumes", R"({"apiVersion":"v1","kind":"PersistentVolume","metadata":{"name":"pv-1","uid":"pv1"},
            "spec":{"claimRef":{"namespace":"shop","name":"data"},"capacity":{"storage":"1Gi"}},"status":{"phase":"Bound"}})");
        add("configmaps", R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"web-config","namespace":"shop","uid":"cm1"}})");
        add("serviceaccounts", R"({"apiVersion":"v1","kind":"ServiceAccount","metadata":{"name":"web","namespace":"shop","uid":"sa1"}})");
    }

    void add(const QString &resource, const QByteArray &json) { byResource[resource].append(parse(json)); }
    // A pod labelled app=web, with nothing else.
    void addWebPod(const QByteArray &name)
    {
        add(u"pods"_qs, R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":")" + name + R"(","namespace":"shop","uid":")" + name +
                            R"(","labels":{"app":"web"}}})");
    }

    kube::Object get(const QString &resource, const QString &name) const
    {
        for (const kube::Object &o : byResource.value(resource)) {
            if (o.name() == name)
                return o;
        }
        qFatal("no %s/%s", qPrintable(resource), qPrintable(name));
    }

    RelatedLookup lookup()
    {
        return [this](const QString &resource, const QString &ns) {
            ++calls[resource + u'|' + ns];
            QList<kube::Object> out;
            for (const kube::Object &o : byResource.value(resource)) {
                if (ns.isEmpty() || o.namespace_() == ns)
                    out.append(o);
            }
            return out;
        };
    }
};

// "relation kind/name" lines, sorted, for comparisons that read well on failure.
QStringList lines(const QList<RelatedObject> &related, bool withVia = false)
{
    QStringList out;
    for (const RelatedObject &r : related) {
        QString line = relationLabel(r.relation) + u' ' + r.kind + u'/' + r.name;
        if (withVia && !r.via.isEmpty())
            line += u" via "_qs + r.via;
        if (!r.found)
            line += u" (missing)"_qs;
        out.append(line);
    }
    out.sort();
    return out;
}

const RelatedObject *entry(const QList<RelatedObject> &related, Relation relation, const QString &name)
{
    for (const RelatedObject &r : related) {
        if (r.relation == relation && r.name == name)
            return &r;
    }
    return nullptr;
}

} // namespace

class TestRelatedObjects : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void deploymentOwnsReplicaSetsAndTheirPods()
    {
        FakeCluster cluster;
        const auto related = findRelatedObjects(cluster.get("deployments.apps", "web"), cluster.lookup());
        QCOMPARE(lines(related, true), (QStringList{"Owned Pod/web-1-a via ReplicaSet/web-1", "Owned Pod/web-1-b via ReplicaSet/web-1",
                                                     "Owned ReplicaSet/web-1"}));
        const RelatedObject *rs = entry(related, Relation::Owned, u"web-1"_qs);
        QCOMPARE(rs->resource, u"replicasets.apps"_qs);
        QCOMPARE(rs->namespace_, u"shop"_qs);
        QCOMPARE(rs->uid, u"rs1"_qs);
        QCOMPARE(rs->status, u"2/2"_qs);
        QCOMPARE(rs->category, StatusCategory::Good);
        QCOMPARE(entry(related, Relation::Owned, u"web-1-a"_qs)->status, u"Running"_qs);
    }

    void podOwnersNodeServicesAndVolumes()
    {
        FakeCluster cluster;
        const auto related = findRelatedObjects(cluster.get("pods", "web-1-a"), cluster.lookup());
        QCOMPARE(lines(related, true), (QStringList{"Config map ConfigMap/web-config", "Node Node/node-1",
                                                     "Owner Deployment/web via ReplicaSet/web-1", "Owner ReplicaSet/web-1",
                                                     "Secret Secret/db (missing)", "Service Service/web",
                                                     "Service account ServiceAccount/web", "Volume claim PersistentVolumeClaim/data"}));
        const RelatedObject *node = entry(related, Relation::Node, u"node-1"_qs);
        QCOMPARE(node->resource, u"nodes"_qs);
        QCOMPARE(node->namespace_, QString());
        QCOMPARE(node->status, u"Ready"_qs);
        const RelatedObject *secret = entry(related, Relation::Secret, u"db"_qs);
        QVERIFY(!secret->found);
        QCOMPARE(secret->category, StatusCategory::Warning);
        QCOMPARE(secret->resource, u"secrets"_qs);
        QCOMPARE(entry(related, Relation::PersistentVolumeClaim, u"data"_qs)->status, u"Bound"_qs);
        // Each resource and namespace is looked up once, however many references there are.
        for (auto it = cluster.calls.cbegin(); it != cluster.calls.cend(); ++it)
            QVERIFY2(it.value() == 1, qPrintable(it.key()));
    }

    void serviceEndpointsAndPods()
    {
        FakeCluster cluster;
        const auto related = findRelatedObjects(cluster.get("services", "web"), cluster.lookup());
        QCOMPARE(lines(related), (QStringList{"Backend pod Pod/gone (missing)", "Backend pod Pod/web-1-a", "Backend pod Pod/web-1-b",
                                               "Endpoint slice EndpointSlice/web-abc", "Endpoints Endpoints/web"}));
        // A service without a selector selects nothing (not every pod).
        QCOMPARE(lines(findRelatedObjects(cluster.get("services", "headless"), cluster.lookup())), QStringList());
    }

    void endpointsPointBack()
    {
        FakeCluster cluster;
        QCOMPARE(lines(findRelatedObjects(cluster.get("endpoints", "web"), cluster.lookup())),
                 (QStringList{"Backend pod Pod/gone (missing)", "Backend pod Pod/web-1-a", "Service Service/web"}));
        QCOMPARE(lines(findRelatedObjects(cluster.get("endpointslices.discovery.k8s.io", "web-abc"), cluster.lookup())),
                 (QStringList{"Backend pod Pod/web-1-b", "Service Service/web"}));
    }

    void claimAndVolume()
    {
        FakeCluster cluster;
        QCOMPARE(lines(findRelatedObjects(cluster.get("persistentvolumeclaims", "data"), cluster.lookup())),
                 (QStringList{"Mounted by Pod/web-1-a", "Mounted by Pod/web-1-b", "Persistent volume PersistentVolume/pv-1"}));
        const auto fromVolume = findRelatedObjects(cluster.get("persistentvolumes", "pv-1"), cluster.lookup());
        QCOMPARE(lines(fromVolume), (QStringList{"Volume claim PersistentVolumeClaim/data"}));
        QCOMPARE(fromVolume.first().namespace_, u"shop"_qs);
        QCOMPARE(fromVolume.first().resource, u"persistentvolumeclaims"_qs);
    }

    void nodePods()
    {
        FakeCluster cluster;
        QCOMPARE(lines(findRelatedObjects(cluster.get("nodes", "node-1"), cluster.lookup())),
                 (QStringList{"Pod on node Pod/web-1-a", "Pod on node Pod/web-1-b"}));
        QCOMPARE(lines(findRelatedObjects(cluster.get("nodes", "node-2"), cluster.lookup())), (QStringList{"Pod on node Pod/other"}));
    }

    void ownerNotInCacheIsMissing()
    {
        FakeCluster cluster;
        const auto related = findRelatedObjects(cluster.get("replicasets.apps", "web-1"), cluster.lookup());
        QVERIFY(entry(related, Relation::Owner, u"web"_qs)->found);
        // The replica set of the same name in "other" names an owner that is not there; the
        // "web" deployment of "shop" has a different UID and must not be taken for it.
        kube::Object otherRs;
        for (const kube::Object &o : cluster.byResource.value(u"replicasets.apps"_qs)) {
            if (o.namespace_() == u"other")
                otherRs = o;
        }
        const auto orphan = findRelatedObjects(otherRs, cluster.lookup());
        QCOMPARE(lines(orphan), (QStringList{"Owner Deployment/web (missing)"}));
        QCOMPARE(orphan.first().namespace_, u"other"_qs);
    }

    void manyBackendsAreCapped()
    {
        FakeCluster cluster;
        for (int i = 0; i < MaxRelatedPerRelation + 100; ++i)
            cluster.addWebPod("many-" + QByteArray::number(i));
        const auto related = findRelatedObjects(cluster.get("services", "web"), cluster.lookup());
        int backends = 0;
        const RelatedObject *placeholder = nullptr;
        for (const RelatedObject &r : related) {
            if (r.relation == Relation::BackendPod && r.omitted == 0)
                ++backends;
            if (r.omitted > 0)
                placeholder = &r;
        }
        QCOMPARE(backends, MaxRelatedPerRelation);
        QVERIFY(placeholder);
        QCOMPARE(placeholder->relation, Relation::BackendPod);
        // 2 pods of the fixture, 1 missing target, 600 more: 603 in all.
        QCOMPARE(placeholder->omitted, 603 - MaxRelatedPerRelation);
        QVERIFY(!placeholder->found);
        QVERIFY(placeholder->kind.isEmpty());
        QCOMPARE(related.last(), *placeholder);
    }

    void resourceIds()
    {
        QCOMPARE(resourceIdFor(u"apps/v1"_qs, u"ReplicaSet"_qs), u"replicasets.apps"_qs);
        QCOMPARE(resourceIdFor(u"v1"_qs, u"Endpoints"_qs), u"endpoints"_qs);
        QCOMPARE(resourceIdFor(u"batch/v1"_qs, u"Job"_qs), u"jobs.batch"_qs);
        QCOMPARE(resourceIdFor(u"example.com/v1"_qs, u"Widget"_qs), u"widgets.example.com"_qs);
        // The kind alone, as the details pane's openRelatedRequested carries it.
        QCOMPARE(resourceIdFor(QString(), u"ReplicaSet"_qs), u"replicasets.apps"_qs);
        QCOMPARE(resourceIdFor(QString(), u"EndpointSlice"_qs), u"endpointslices.discovery.k8s.io"_qs);
        QCOMPARE(resourceIdFor(QString(), u"Event"_qs), u"events"_qs);
        QCOMPARE(resourceIdFor(QString(), u"Pod"_qs), u"pods"_qs);
    }
};

QTEST_GUILESS_MAIN(TestRelatedObjects)
#include "tst_relatedobjects.moc"
