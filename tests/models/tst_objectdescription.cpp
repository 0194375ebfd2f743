#include "kube/api/object.h"
#include "models/objectdescription.h"
#include "tests/support/testpaths.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using namespace timonel;

namespace {

const QDateTime Now = QDateTime(QDate(2026, 3, 10), QTime(12, 0), Qt::UTC);

kube::Object parse(const char *json)
{
    auto o = kube::Object::parse(QByteArray(json));
    if (!o)
        qFatal("bad fixture: %s", qPrintable(o.error().message()));
    return *o;
}

DescribeOptions at(const QDateTime &now = Now, int podCount = -1)
{
    DescribeOptions options;
    options.now = now;
    options.nodePodCount = podCount;
    return options;
}

QString value(const ObjectDescription &d, const QStringList &path)
{
    const DescriptionRow *r = d.find(path);
    return r ? r->value : u"<no row "_qs + path.join(u" > ") + u'>';
}

const char *PodJson = R"({
  "apiVersion": "v1", "kind": "Pod",
  "metadata": {"name": "web-7d9f8b6c5-x2x4z", "namespace": "shop", "uid": "pod-uid-1",
    "creationTimestamp": "2026-03-10T10:00:00Z",
    "labels": {"app": "web", "pod-template-hash": "7d9f8b6c5"},
    "annotations": {"note": "short", "long": "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"},
    "ownerReferences": [{"apiVersion": "apps/v1", "kind": "ReplicaSet", "name": "web-7d9f8b6c5", "uid": "rs-uid", "controller": true}],
    "finalizers": ["example.com/keep"]},
  "spec": {
    "nodeName": "node-1", "serviceAccountName": "web", "priority": 0,
    "initContainers": [{"name": "migrate", "image": "migrate:1"}],
    "containers": [{
      "name": "web", "image": "nginx:1.25",
      "ports": [{"name": "http", "containerPort": 8080, "protocol": "TCP"}, {"containerPort": 9090}],
      "resources": {"requests": {"cpu": "100m", "memory": "64Mi"}, "limits": {"memory": "128Mi"}},
      "livenessProbe": {"httpGet": {"path": "/healthz", "port": 8080, "scheme": "HTTP"}, "timeoutSeconds": 1, "periodSeconds": 10, "successThreshold": 1, "failureThreshold": 3},
      "readinessProbe": {"tcpSocket": {"port": 5432}, "initialDelaySeconds": 5, "periodSeconds": 2},
      "startupProbe": {"exec": {"command": ["cat", "/tmp/ready"]}, "failureThreshold": 30},
      "env": [{"name": "MODE", "value": "prod"},
              {"name": "DB_PASSWORD", "valueFrom": {"secretKeyRef": {"name": "db", "key": "password"}}},
              {"name": "POD", "valueFrom": {"fieldRef": {"fieldPath": "metadata.name"}}}],
      "envFrom": [{"configMapRef": {"name": "web-config"}}],
      "volumeMounts": [{"name": "data", "mountPath": "/data"}, {"name": "config", "mountPath": "/etc/web", "readOnly": true}]
    }],
    "volumes": [
      {"name": "data", "persistentVolumeClaim": {"claimName": "web-data"}},
      {"name": "config", "configMap": {"name": "web-config"}},
      {"name": "tmp", "emptyDir": {"medium": "Memory", "sizeLimit": "64Mi"}},
      {"name": "token", "projected": {"sources": [{"serviceAccountToken": {"expirationSeconds": 3607}}, {"configMap": {"name": "kube-root-ca.crt"}}]}}
    ],
    "tolerations": [{"key": "node.kubernetes.io/not-ready", "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": 300},
                    {"operator": "Exists"}],
    "nodeSelector": {"disk": "ssd"}
  },
  "status": {
    "phase": "Running", "hostIP": "10.0.0.5", "podIP": "10.244.1.7",
    "podIPs": [{"ip": "10.244.1.7"}, {"ip": "fd00::7"}],
    "startTime": "2026-03-10T10:00:05Z",
    "conditions": [{"type": "Ready", "status": "False", "reason": "ContainersNotReady", "lastTransitionTime": "2026-03-10T11:58:00Z"},
                   {"type": "PodScheduled", "status": "True", "lastTransitionTime": "2026-03-10T10:00:00Z"}],
    "initContainerStatuses": [{"name": "migrate", "ready": true, "restartCount": 0,
      "state": {"terminated": {"exitCode": 0, "reason": "Completed"}}}],
    "containerStatuses": [{"name": "web", "ready": false, "restartCount": 4, "image": "nginx:1.25",
      "state": {"waiting": {"reason": "CrashLoopBackOff", "message": "back-off 40s restarting failed container"}},
      "lastState": {"terminated": {"exitCode": 137, "reason": "OOMKilled", "startedAt": "2026-03-10T11:50:00Z", "finishedAt": "2026-03-10T11:55:00Z"}}}]
  }
})";

} // namespace

class TestObjectDescription : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void probes_data()
    {
        QTest::addColumn<QString>("probe");
        QTest::addColumn<QString>("expected");
        QTest::newRow("http-get-defaults") << R"({"httpGet": {"path": "/healthz", "port": 8080}})"
                                           << "http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3";
        QTest::newRow("https-host-named-port") << R"({"httpGet": {"host": "10.0.0.1", "path": "/live", "port": "metrics", "scheme": "HTTPS"}, "initialDelaySeconds": 15, "timeoutSeconds": 2})"
                                               << "http-get https://10.0.0.1:metrics/live delay=15s timeout=2s period=10s #success=1 #failure=3";
        QTest::newRow("tcp") << R"({"tcpSocket": {"port": 5432}, "periodSeconds": 5, "failureThreshold": 6})"
                             << "tcp-socket :5432 delay=0s timeout=1s period=5s #success=1 #failure=6";
        QTest::newRow("exec") << R"({"exec": {"command": ["sh", "-c", "pg_isready"]}, "successThreshold": 2})"
                              << "exec [sh -c pg_isready] delay=0s timeout=1s period=10s #success=2 #failure=3";
        QTest::newRow("grpc") << R"({"grpc": {"port": 9090, "service": "health"}})"
                              << "grpc <pod>:9090 health delay=0s timeout=1s period=10s #success=1 #failure=3";
        QTest::newRow("unknown") << R"({"periodSeconds": 1})" << "unknown delay=0s timeout=1s period=1s #success=1 #failure=3";
    }
    void probes()
    {
        QFETCH(QString, probe);
        QFETCH(QString, expected);
        QCOMPARE(describeProbe(QJsonDocument::fromJson(probe.toUtf8()).object()), expected);
    }

    void podOverview()
    {
        const ObjectDescription d = describeObject(parse(PodJson), at());
        QCOMPARE(d.kind, u"Pod"_qs);
        QCOMPARE(d.name, u"web-7d9f8b6c5-x2x4z"_qs);
        QCOMPARE(d.namespace_, u"shop"_qs);
        // kubectl's STATUS cell: the waiting reason wins over the phase.
        QCOMPARE(d.status, u"CrashLoopBackOff"_qs);
        QCOMPARE(d.statusCategory, StatusCategory::Error);

        QCOMPARE(value(d, {"Metadata", "UID"}), u"pod-uid-1"_qs);
        QVERIFY(value(d, {"Metadata", "Created"}).endsWith(u"(120m ago)"));
        QCOMPARE(value(d, {"Metadata", "Labels"}), u"app=web, pod-template-hash=7d9f8b6c5"_qs);
        QCOMPARE(value(d, {"Metadata", "Labels", "app"}), u"web"_qs);
        QCOMPARE(value(d, {"Metadata", "Controlled by"}), u"ReplicaSet/web-7d9f8b6c5"_qs);
        QCOMPARE(value(d, {"Metadata", "Finalizers"}), u"example.com/keep"_qs);
        QVERIFY(!d.find({"Metadata", "Deletion"}));
        // Long annotation values are abbreviated, with the whole text on demand.
        const DescriptionRow *longAnnotation = d.find({"Metadata", "Annotations", "long"});
        QVERIFY(longAnnotation);
        QCOMPARE(longAnnotation->value.size(), 81);
        QVERIFY(longAnnotation->value.endsWith(u'…'));
        QCOMPARE(longAnnotation->fullValue.size(), 100);
        QVERIFY(d.find({"Metadata", "Annotations", "note"})->fullValue.isEmpty());

        QCOMPARE(value(d, {"Pod", "Node"}), u"node-1/10.0.0.5"_qs);
        QCOMPARE(value(d, {"Pod", "IP"}), u"10.244.1.7"_qs);
        QCOMPARE(value(d, {"Pod", "IPs"}), u"10.244.1.7, fd00::7"_qs);
        QCOMPARE(value(d, {"Pod", "QoS class"}), u"Burstable"_qs); // computed: no status.qosClass
        QCOMPARE(value(d, {"Pod", "Service account"}), u"web"_qs);
        QVERIFY(value(d, {"Pod", "Start time"}).endsWith(u"(119m ago)"));

        const DescriptionSection *conditions = d.section(u"Conditions");
        QVERIFY(conditions);
        QCOMPARE(conditions->table.rows.size(), 2);
        QCOMPARE(conditions->table.rows.at(0).at(0).text, u"Ready"_qs);
        QCOMPARE(conditions->table.rows.at(0).at(1).category, StatusCategory::Warning);
        QCOMPARE(conditions->table.rows.at(0).at(2).text, u"ContainersNotReady"_qs);
        QCOMPARE(conditions->table.rows.at(0).at(4).text, u"2m"_qs);
        QCOMPARE(conditions->table.rows.at(1).at(1).category, StatusCategory::Good);

        QCOMPARE(value(d, {"Scheduling", "Node selector"}), u"disk=ssd"_qs);
        const DescriptionRow *tolerations = d.find({"Scheduling", "Tolerations"});
        QVERIFY(tolerations);
        QCOMPARE(tolerations->children.size(), 2);
        QCOMPARE(tolerations->children.at(0).value, u"node.kubernetes.io/not-ready:NoExecute op=Exists for 300s"_qs);
        QCOMPARE(tolerations->children.at(1).value, u"op=Exists"_qs);
    }

    void podContainers()
    {
        const ObjectDescription d = describeObject(parse(PodJson), at());
        const DescriptionRow *web = d.find({"Containers", "web"});
        QVERIFY(web);
        QCOMPARE(web->value, u"nginx:1.25"_qs);
        QCOMPARE(web->category, StatusCategory::Error);
        QCOMPARE(value(d, {"Containers", "web", "Ports"}), u"8080/TCP (http), 9090/TCP"_qs);
        QCOMPARE(value(d, {"Containers", "web", "Liveness"}),
                 u"http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3"_qs);
        QCOMPARE(value(d, {"Containers", "web", "Readiness"}), u"tcp-socket :5432 delay=5s timeout=1s period=2s #success=1 #failure=3"_qs);
        QCOMPARE(value(d, {"Containers", "web", "Startup"}), u"exec [cat /tmp/ready] delay=0s timeout=1s period=10s #success=1 #failure=30"_qs);

        QCOMPARE(value(d, {"Containers", "web", "State"}), u"Waiting"_qs);
        QCOMPARE(d.find({"Containers", "web", "State"})->category, StatusCategory::Error);
        QCOMPARE(value(d, {"Containers", "web", "State", "Reason"}), u"CrashLoopBackOff"_qs);
        QCOMPARE(value(d, {"Containers", "web", "Last state"}), u"Terminated"_qs);
        QCOMPARE(value(d, {"Containers", "web", "Last state", "Reason"}), u"OOMKilled"_qs);
        QCOMPARE(value(d, {"Containers", "web", "Last state", "Exit code"}), u"137"_qs);
        QCOMPARE(value(d, {"Containers", "web", "Ready"}), u"False"_qs);
        QCOMPARE(value(d, {"Containers", "web", "Restart count"}), u"4"_qs);
        QCOMPARE(value(d, {"Containers", "web", "Requests"}), u"cpu: 100m, memory: 64Mi"_qs);
        QCOMPARE(value(d, {"Containers", "web", "Limits", "memory"}), u"128Mi"_qs);

        // Environment: names, literal values, and references instead of secret values.
        const DescriptionRow *env = d.find({"Containers", "web", "Environment"});
        QVERIFY(env);
        QCOMPARE(env->children.size(), 3);
        QCOMPARE(value(d, {"Containers", "web", "Environment", "MODE"}), u"prod"_qs);
        QCOMPARE(value(d, {"Containers", "web", "Environment", "DB_PASSWORD"}), u"<set to the key 'password' in secret 'db'>"_qs);
        QCOMPARE(value(d, {"Containers", "web", "Environment", "POD"}), u"(v1:metadata.name)"_qs);
        QCOMPARE(value(d, {"Containers", "web", "Environment from", "web-config"}), u"ConfigMap"_qs);

        QCOMPARE(value(d, {"Containers", "web", "Mounts", "/data"}), u"from data (rw)"_qs);
        QCOMPARE(value(d, {"Containers", "web", "Mounts", "/etc/web"}), u"from config (ro)"_qs);

        QCOMPARE(value(d, {"Init containers", "migrate", "State"}), u"Terminated"_qs);
        QCOMPARE(d.find({"Init containers", "migrate", "State"})->category, StatusCategory::Good);
    }

    void podVolumes()
    {
        const ObjectDescription d = describeObject(parse(PodJson), at());
        QCOMPARE(value(d, {"Volumes", "data"}), u"PersistentVolumeClaim"_qs);
        QCOMPARE(value(d, {"Volumes", "data", "Claim name"}), u"web-data"_qs);
        QCOMPARE(value(d, {"Volumes", "config"}), u"ConfigMap"_qs);
        QCOMPARE(value(d, {"Volumes", "config", "Name"}), u"web-config"_qs);
        QCOMPARE(value(d, {"Volumes", "tmp"}), u"EmptyDir"_qs);
        QCOMPARE(value(d, {"Volumes", "tmp", "Medium"}), u"Memory"_qs);
        QCOMPARE(value(d, {"Volumes", "tmp", "Size limit"}), u"64Mi"_qs);
        QCOMPARE(value(d, {"Volumes", "token"}), u"Projected"_qs);
        QCOMPARE(value(d, {"Volumes", "token", "Token expiration seconds"}), u"3607"_qs);
        QCOMPARE(value(d, {"Volumes", "token", "Config map"}), u"kube-root-ca.crt"_qs);
    }

    void terminatingPod()
    {
        QJsonObject o = parse(PodJson).toJson();
        QJsonObject metadata = o.value(u"metadata").toObject();
        metadata.insert(u"deletionTimestamp"_qs, u"2026-03-10T11:59:30Z"_qs);
        metadata.insert(u"deletionGracePeriodSeconds"_qs, 30);
        o.insert(u"metadata"_qs, metadata);
        const ObjectDescription d = describeObject(kube::Object::fromJson(o), at());
        QCOMPARE(d.status, u"Terminating"_qs);
        QCOMPARE(d.statusCategory, StatusCategory::Pending);
        const DescriptionRow *deletion = d.find({"Metadata", "Deletion"});
        QVERIFY(deletion);
        QVERIFY(deletion->value.contains(u"(30s ago)"));
        QVERIFY(deletion->value.contains(u"grace period 30s"));
    }

    void deployment()
    {
        const ObjectDescription d = describeObject(parse(R"({
          "apiVersion": "apps/v1", "kind": "Deployment",
          "metadata": {"name": "web", "namespace": "shop", "uid": "d1", "creationTimestamp": "2026-03-01T12:00:00Z",
                       "annotations": {"deployment.kubernetes.io/revision": "4"}},
          "spec": {"replicas": 3, "selector": {"matchLabels": {"app": "web"}},
                   "strategy": {"type": "RollingUpdate", "rollingUpdate": {"maxSurge": 1}},
                   "template": {"metadata": {"labels": {"app": "web"}},
                                "spec": {"containers": [{"name": "web", "image": "nginx:1.25",
                                         "readinessProbe": {"httpGet": {"path": "/ready", "port": "http"}}}]}}},
          "status": {"replicas": 3, "updatedReplicas": 2, "readyReplicas": 2, "availableReplicas": 2, "unavailableReplicas": 1,
                     "conditions": [{"type": "Available", "status": "True", "reason": "MinimumReplicasAvailable"},
                                    {"type": "Progressing", "status": "True", "reason": "ReplicaSetUpdated"}]}
        })"), at());
        QCOMPARE(d.status, u"2/3"_qs);
        QCOMPARE(d.statusCategory, StatusCategory::Pending);
        QVERIFY(value(d, {"Metadata", "Created"}).endsWith(u"(9d ago)"));
        QCOMPARE(value(d, {"Deployment", "Selector"}), u"app=web"_qs);
        QCOMPARE(value(d, {"Deployment", "Replicas"}), u"3 desired | 2 updated | 3 total | 2 available | 1 unavailable"_qs);
        QCOMPARE(value(d, {"Deployment", "Strategy"}), u"RollingUpdate"_qs);
        QCOMPARE(value(d, {"Deployment", "Rolling update"}), u"25% max unavailable, 1 max surge"_qs);
        QCOMPARE(value(d, {"Deployment", "Min ready seconds"}), u"0"_qs);
        QCOMPARE(value(d, {"Deployment", "Revision"}), u"4"_qs);
        const DescriptionSection *conditions = d.section(u"Conditions");
        QVERIFY(conditions);
        QCOMPARE(conditions->table.rows.size(), 2);
        QCOMPARE(conditions->table.rows.at(0).at(0).category, StatusCategory::Good);
        QCOMPARE(value(d, {"Pod template", "Labels"}), u"app=web"_qs);
        QCOMPARE(value(d, {"Containers", "web", "Readiness"}), u"http-get http://:http/ready delay=0s timeout=1s period=10s #success=1 #failure=3"_qs);
        // A template has no container state.
        QVERIFY(!d.find({"Containers", "web", "State"}));
    }

    void service()
    {
        const ObjectDescription d = describeObject(parse(R"({
          "apiVersion": "v1", "kind": "Service",
          "metadata": {"name": "web", "namespace": "shop", "uid": "s1"},
          "spec": {"type": "LoadBalancer", "selector": {"app": "web", "tier": "front"}, "clusterIP": "10.96.0.10",
                   "clusterIPs": ["10.96.0.10"], "ipFamilies": ["IPv4"], "ipFamilyPolicy": "SingleStack", "sessionAffinity": "None",
                   "ports": [{"name": "http", "port": 80, "targetPort": 8080, "nodePort": 30080, "protocol": "TCP"},
                             {"port": 443, "protocol": "TCP"}]},
          "status": {"loadBalancer": {"ingress": [{"ip": "203.0.113.7"}]}}
        })"), at());
        QCOMPARE(value(d, {"Service", "Type"}), u"LoadBalancer"_qs);
        QCOMPARE(value(d, {"Service", "Selector"}), u"app=web,tier=front"_qs);
        QCOMPARE(value(d, {"Service", "Cluster IP"}), u"10.96.0.10"_qs);
        QCOMPARE(value(d, {"Service", "IP families"}), u"IPv4"_qs);
        QCOMPARE(value(d, {"Service", "Load balancer ingress"}), u"203.0.113.7"_qs);
        QCOMPARE(value(d, {"Service", "Session affinity"}), u"None"_qs);
        const DescriptionSection *ports = d.section(u"Ports");
        QVERIFY(ports);
        QCOMPARE(ports->table.columns.size(), 5);
        QCOMPARE(ports->table.rows.size(), 2);
        QStringList first;
        for (const DescriptionCell &c : ports->table.rows.at(0))
            first << c.text;
        QCOMPARE(first, (QStringList{"http", "80", "8080", "30080", "TCP"}));
        // targetPort defaults to port; no node port.
        QCOMPARE(ports->table.rows.at(1).at(2).text, u"443"_qs);
        QCOMPARE(ports->table.rows.at(1).at(3).text, QString());
    }

    void node()
    {
        const ObjectDescription d = describeObject(parse(R"({
          "apiVersion": "v1", "kind": "Node",
          "metadata": {"name": "node-1", "uid": "n1",
                       "labels": {"node-role.kubernetes.io/control-plane": "", "node-role.kubernetes.io/worker": "", "kubernetes.io/os": "linux"}},
          "spec": {"unschedulable": true, "podCIDR": "10.244.1.0/24",
                   "taints": [{"key": "node.kubernetes.io/unschedulable", "effect": "NoSchedule"}, {"key": "dedicated", "value": "db", "effect": "NoExecute"}]},
          "status": {
            "capacity": {"cpu": "4", "memory": "16Gi", "pods": "110"},
            "allocatable": {"cpu": "3800m", "memory": "15Gi", "pods": "110"},
            "conditions": [{"type": "MemoryPressure", "status": "False", "reason": "KubeletHasSufficientMemory"},
                           {"type": "DiskPressure", "status": "True", "reason": "KubeletHasDiskPressure"},
                           {"type": "Ready", "status": "True", "reason": "KubeletReady"}],
            "addresses": [{"type": "InternalIP", "address": "10.0.0.5"}, {"type": "Hostname", "address": "node-1"}],
            "nodeInfo": {"kubeletVersion": "v1.35.0", "osImage": "Debian GNU/Linux 12", "architecture": "amd64", "containerRuntimeVersion": "containerd 2.0.0"}
          }
        })"), at(Now, 12));
        QCOMPARE(d.status, u"Ready,SchedulingDisabled"_qs);
        QCOMPARE(d.statusCategory, StatusCategory::Pending);
        QVERIFY(!d.find({"Metadata", "Namespace"}));
        QCOMPARE(value(d, {"Node", "Roles"}), u"control-plane,worker"_qs);
        QCOMPARE(value(d, {"Node", "Unschedulable"}), u"true"_qs);
        QCOMPARE(value(d, {"Node", "Taints"}), u"node.kubernetes.io/unschedulable:NoSchedule, dedicated=db:NoExecute"_qs);
        QCOMPARE(value(d, {"Node", "Pod CIDRs"}), u"10.244.1.0/24"_qs);
        QCOMPARE(value(d, {"Node", "Pods"}), u"12 of 110"_qs);
        const DescriptionSection *conditions = d.section(u"Conditions");
        QVERIFY(conditions);
        QCOMPARE(conditions->table.rows.at(0).at(1).category, StatusCategory::Good);  // no memory pressure
        QCOMPARE(conditions->table.rows.at(1).at(1).category, StatusCategory::Error); // disk pressure
        QCOMPARE(conditions->table.rows.at(2).at(1).category, StatusCategory::Good);  // ready
        QCOMPARE(value(d, {"Addresses", "InternalIP"}), u"10.0.0.5"_qs);
        const DescriptionSection *resources = d.section(u"Resources");
        QVERIFY(resources);
        QCOMPARE(resources->table.rows.size(), 3);
        QCOMPARE(resources->table.rows.at(0).at(0).text, u"cpu"_qs);
        QCOMPARE(resources->table.rows.at(0).at(1).text, u"4"_qs);
        QCOMPARE(resources->table.rows.at(0).at(2).text, u"3800m"_qs);
        QCOMPARE(value(d, {"System info", "Kubelet version"}), u"v1.35.0"_qs);
        // Without a pod count there is no Pods row.
        QVERIFY(!describeObject(parse(R"({"apiVersion": "v1", "kind": "Node", "metadata": {"name": "n"}})"), at()).find({"Node", "Pods"}));
    }

    void genericKind()
    {
        const ObjectDescription d = describeObject(parse(R"({
          "apiVersion": "example.com/v1", "kind": "Widget", "metadata": {"name": "w", "namespace": "default"},
          "spec": {"size": 3, "color": "blue", "enabled": true, "nested": {"a": 1}},
          "status": {"phase": "Ready", "conditions": [{"type": "Synced", "status": "True"}]}
        })"), at());
        QCOMPARE(value(d, {"Spec", "size"}), u"3"_qs);
        QCOMPARE(value(d, {"Spec", "color"}), u"blue"_qs);
        QCOMPARE(value(d, {"Spec", "enabled"}), u"true"_qs);
        QCOMPARE(value(d, {"Status", "phase"}), u"Ready"_qs);
        QVERIFY(!d.find({"Status", "conditions"}));
        QVERIFY(d.section(u"Conditions"));
    }

    // Every upstream fixture (every field set) describes without a crash, under its own section.
    void upstreamFixtures_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("section");
        const QString dir = timonel::test::roundtripFixturesDir();
        if (dir.isEmpty())
            QSKIP("shared k8s-roundtrip fixtures not found");
        const QList<std::pair<const char *, const char *>> files = {
            {"core.v1.Pod.json", "Pod"}, {"apps.v1.Deployment.json", "Deployment"}, {"apps.v1.ReplicaSet.json", "Replica set"},
            {"core.v1.ReplicationController.json", "Replication controller"}, {"apps.v1.StatefulSet.json", "Stateful set"},
            {"apps.v1.DaemonSet.json", "Daemon set"}, {"batch.v1.Job.json", "Job"}, {"batch.v1.CronJob.json", "Cron job"},
            {"core.v1.Service.json", "Service"}, {"core.v1.Endpoints.json", "Endpoints"},
            {"discovery.k8s.io.v1.EndpointSlice.json", "Endpoint slice"}, {"networking.k8s.io.v1.Ingress.json", "Rules"},
            {"core.v1.Node.json", "Node"}, {"core.v1.Namespace.json", "Namespace"}, {"core.v1.ConfigMap.json", "Data"},
            {"core.v1.Secret.json", "Secret"}, {"core.v1.PersistentVolumeClaim.json", "Persistent volume claim"},
            {"core.v1.PersistentVolume.json", "Persistent volume"}, {"storage.k8s.io.v1.StorageClass.json", "Storage class"},
            {"core.v1.ServiceAccount.json", "Service account"}, {"core.v1.Event.json", "Event"}, {"events.k8s.io.v1.Event.json", "Event"},
            {"rbac.authorization.k8s.io.v1.ClusterRole.json", "Fields"}, {"coordination.k8s.io.v1.Lease.json", "Spec"}};
        for (const auto &[file, section] : files)
            QTest::newRow(file) << QDir(dir).filePath(QString::fromLatin1(file)) << QString::fromLatin1(section);
    }
    void upstreamFixtures()
    {
        QFETCH(QString, file);
        QFETCH(QString, section);
        QFile f(file);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(file));
        const auto object = kube::Object::parse(f.readAll());
        QVERIFY(object);
        const ObjectDescription d = describeObject(*object, at());
        QCOMPARE(value(d, {"Metadata", "Name"}), object->name());
        QVERIFY2(d.section(section), qPrintable(section));
    }
};

QTEST_GUILESS_MAIN(TestObjectDescription)
#include "tst_objectdescription.moc"
