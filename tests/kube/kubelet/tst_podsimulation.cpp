// PodSimulation + ContainerSimulation: container lifecycles against a virtual clock.

#include "kube/kubelet/nodeimagecache.h"
#include "kube/kubelet/podsimulation.h"

#include "kube/api/yaml.h"

#include <QJsonArray>
#include <QTest>

using namespace kube;
using namespace kube::kubelet;

namespace {
const QDateTime T0 = QDateTime(QDate(2026, 11, 27), QTime(10, 0), Qt::UTC);

Object pod(const QByteArray &yaml)
{
    auto objs = parseManifests(yaml);
    Q_ASSERT(objs.ok() && objs->size() == 1);
    return objs->first();
}

QStringList eventLines(const QList<PodEvent> &events)
{
    QStringList out;
    for (const PodEvent &e : events)
        out << QStringLiteral("+%1s %2 %3: %4").arg(T0.msecsTo(e.time) / 1000.0).arg(e.type, e.reason, e.message);
    return out;
}

QJsonObject containerStatus(const PodSimulation &p, int i = 0)
{
    return p.status().value(QLatin1String("containerStatuses")).toArray().at(i).toObject();
}
QString waitingReason(const PodSimulation &p, int i = 0)
{
    return containerStatus(p, i).value(QLatin1String("state")).toObject().value(QLatin1String("waiting")).toObject().value(QLatin1String("reason")).toString();
}
QString condition(const PodSimulation &p, const QString &type)
{
    for (const QJsonValue &c : p.status().value(QLatin1String("conditions")).toArray()) {
        if (c.toObject().value(QLatin1String("type")).toString() == type)
            return c.toObject().value(QLatin1String("status")).toString();
    }
    return {};
}

const QByteArray nginxPod = R"(
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: default, uid: u-1}
spec:
  containers:
  - name: nginx
    image: nginx:1.25
)";

PodPlacement placement() { return {QStringLiteral("node-1"), QStringLiteral("10.0.0.2"), QStringLiteral("10.244.0.5")}; }
} // namespace

class tst_PodSimulation : public QObject
{
    Q_OBJECT
private slots:
    void nginxPullsAndStarts();
    void cachedImageSkipsPull();
    void unknownImageBacksOff();
    void livenessFailureCrashLoops();
    void readinessFailureUnreadies();
    void oomKilled();
    void exitAfter_data();
    void exitAfter();
    void initContainersRunFirst();
    void gracefulTermination_data();
    void gracefulTermination();
    void busyboxEmptyDirPod();
    void courseManifestWithoutCommandCrashLoops();
    void httpAnswerAndUsage();
    void logsPreviousInstance();
    void downwardApiEnvAndHostname();
};

void tst_PodSimulation::nginxPullsAndStarts()
{
    auto cache = std::make_shared<NodeImageCache>();
    PodSimulation p(pod(nginxPod), placement(), cache, T0);
    QCOMPARE(p.phase(), QStringLiteral("Pending"));
    QCOMPARE(waitingReason(p), QStringLiteral("PodInitializing"));
    QCOMPARE(p.nextWakeUp(), T0.addSecs(1));
    p.advance(T0.addSecs(1));
    QCOMPARE(waitingReason(p), QStringLiteral("ContainerCreating"));
    p.advance(T0.addSecs(10));
    QCOMPARE(eventLines(p.takeEvents()), (QStringList{
        "+1s Normal Pulling: Pulling image \"nginx:1.25\"",
        "+2.2s Normal Pulled: Successfully pulled image \"nginx:1.25\" in 1.2s (1.2s including waiting). Image size: 67000000 bytes.",
        "+2.3s Normal Created: Created container: nginx",
        "+2.4s Normal Started: Started container nginx",
    }));
    QCOMPARE(p.phase(), QStringLiteral("Running"));
    const QJsonObject s = containerStatus(p);
    QCOMPARE(s.value("ready").toBool(), true);
    QCOMPARE(s.value("started").toBool(), true);
    QCOMPARE(s.value("image").toString(), QStringLiteral("docker.io/library/nginx:1.25"));
    QVERIFY(s.value("imageID").toString().startsWith("docker.io/library/nginx@sha256:"));
    QVERIFY(s.value("containerID").toString().startsWith("containerd://"));
    QCOMPARE(s.value("state").toObject().value("running").toObject().value("startedAt").toString(), QStringLiteral("2026-11-27T10:00:02Z"));
    QCOMPARE(condition(p, "Ready"), QStringLiteral("True"));
    QCOMPARE(condition(p, "PodReadyToStartContainers"), QStringLiteral("True"));
    QCOMPARE(p.status().value("podIP").toString(), QStringLiteral("10.244.0.5"));
    QVERIFY(cache->contains("docker.io/library/nginx:1.25"));
    QVERIFY(!p.nextWakeUp()); // no probes: nothing to do
}

void tst_PodSimulation::cachedImageSkipsPull()
{
    auto cache = std::make_shared<NodeImageCache>();
    cache->insert("docker.io/library/nginx:1.25");
    PodSimulation p(pod(nginxPod), placement(), cache, T0);
    p.advance(T0.addSecs(5));
    QCOMPARE(eventLines(p.takeEvents()), (QStringList{
        "+1s Normal Pulled: Container image \"nginx:1.25\" already present on machine",
        "+1.1s Normal Created: Created container: nginx",
        "+1.2s Normal Started: Started container nginx",
    }));
}

void tst_PodSimulation::unknownImageBacksOff()
{
    QByteArray y = nginxPod;
    y.replace("nginx:1.25", "ngnix");
    PodSimulation p(pod(y), placement(), nullptr, T0);
    p.advance(T0.addMSecs(2500));
    QCOMPARE(waitingReason(p), QStringLiteral("ErrImagePull"));
    QVERIFY(containerStatus(p).value("state").toObject().value("waiting").toObject().value("message").toString()
                .startsWith("failed to pull and unpack image \"docker.io/library/ngnix:latest\""));
    p.advance(T0.addSecs(4));
    QCOMPARE(waitingReason(p), QStringLiteral("ImagePullBackOff"));
    QStringList pulls;
    p.advance(T0.addSecs(200));
    for (const PodEvent &e : p.takeEvents()) {
        if (e.reason == "Pulling")
            pulls << QString::number(T0.msecsTo(e.time) / 1000.0);
    }
    // Attempts fail after 1.5 s; back-off 10 s, 20 s, 40 s, 80 s from each failure.
    QCOMPARE(pulls, (QStringList{"1", "12.5", "34", "75.5", "157"}));
    QCOMPARE(p.phase(), QStringLiteral("Pending"));
}

void tst_PodSimulation::livenessFailureCrashLoops()
{
    PodSimulation p(pod(R"(
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: default, uid: u-1}
spec:
  containers:
  - name: nginx
    image: nginx:1.25
    env: [{name: TIMONEL_HTTP_STATUS, value: "500"}]
    livenessProbe:
      httpGet: {path: /, port: 80}
      initialDelaySeconds: 1
      periodSeconds: 5
      failureThreshold: 2
)"), placement(), nullptr, T0);
    p.advance(T0.addSecs(9));
    const QStringList first = eventLines(p.takeEvents()).mid(4);
    QCOMPARE(first, (QStringList{
        "+3.4s Warning Unhealthy: Liveness probe failed: HTTP probe failed with statuscode: 500",
        "+8.4s Warning Unhealthy: Liveness probe failed: HTTP probe failed with statuscode: 500",
        "+8.4s Normal Killing: Container nginx failed liveness probe, will be restarted",
    }));
    p.advance(T0.addSecs(10));
    QCOMPARE(containerStatus(p).value("restartCount").toInt(), 1);
    QCOMPARE(containerStatus(p).value("lastState").toObject().value("terminated").toObject().value("reason").toString(), QStringLiteral("Completed"));
    p.advance(T0.addSecs(600));
    QList<double> restarts;
    QStringList backOffs;
    for (const PodEvent &e : p.takeEvents()) {
        if (e.reason == "Started")
            restarts << T0.msecsTo(e.time) / 1000.0;
        if (e.reason == "BackOff")
            backOffs << e.message;
    }
    QVERIFY(restarts.size() >= 5);
    // Gaps between starts grow with the back-off (10 s, 20 s, 40 s… plus the probe time).
    for (int i = 2; i < restarts.size(); ++i)
        QVERIFY2(restarts[i] - restarts[i - 1] > restarts[i - 1] - restarts[i - 2], qPrintable(QString::number(i)));
    QCOMPARE(backOffs.first(), QStringLiteral("Back-off restarting failed container nginx in pod web_default(u-1)"));
    p.advance(T0.addSecs(600).addMSecs(100));
    if (waitingReason(p) == "CrashLoopBackOff")
        QVERIFY(containerStatus(p).value("state").toObject().value("waiting").toObject().value("message").toString()
                    .startsWith("back-off "));
}

void tst_PodSimulation::readinessFailureUnreadies()
{
    PodSimulation p(pod(R"(
apiVersion: v1
kind: Pod
metadata: {name: app, namespace: default, uid: u-2, labels: {version: "2.0.0"}}
spec:
  containers:
  - name: application
    image: learnk8s/app:2.0.0
    env: [{name: TIMONEL_FAIL_READINESS_AFTER, value: 30s}]
    readinessProbe:
      httpGet: {path: /health, port: 8080}
      initialDelaySeconds: 1
      periodSeconds: 5
)"), placement(), nullptr, T0);
    p.advance(T0.addSecs(10));
    QCOMPARE(condition(p, "Ready"), QStringLiteral("True"));
    p.advance(T0.addSecs(60));
    QCOMPARE(condition(p, "Ready"), QStringLiteral("False"));
    QCOMPARE(containerStatus(p).value("ready").toBool(), false);
    QCOMPARE(p.phase(), QStringLiteral("Running"));
    QCOMPARE(containerStatus(p).value("restartCount").toInt(), 0);
    bool sawUnhealthy = false;
    for (const PodEvent &e : p.takeEvents())
        sawUnhealthy = sawUnhealthy || e.message == "Readiness probe failed: HTTP probe failed with statuscode: 500";
    QVERIFY(sawUnhealthy);
}

void tst_PodSimulation::oomKilled()
{
    PodSimulation p(pod(R"(
apiVersion: v1
kind: Pod
metadata: {name: hog, namespace: default, uid: u-3}
spec:
  restartPolicy: Never
  containers:
  - name: redis
    image: redis:7
    env: [{name: TIMONEL_MEMORY_MB, value: "300"}]
    resources: {limits: {memory: 256Mi}}
)"), placement(), nullptr, T0);
    p.advance(T0.addSecs(30));
    const QJsonObject t = containerStatus(p).value("state").toObject().value("terminated").toObject();
    QCOMPARE(t.value("reason").toString(), QStringLiteral("OOMKilled"));
    QCOMPARE(t.value("exitCode").toInt(), 137);
    QCOMPARE(p.phase(), QStringLiteral("Failed"));
}

void tst_PodSimulation::exitAfter_data()
{
    QTest::addColumn<QString>("policy");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("phase");
    QTest::addColumn<int>("restarts");
    QTest::newRow("never-failure") << "Never" << 1 << "Failed" << 0;
    QTest::newRow("never-success") << "Never" << 0 << "Succeeded" << 0;
    QTest::newRow("onfailure-failure-restarts") << "OnFailure" << 1 << "Running" << 1;
    QTest::newRow("onfailure-success-completes") << "OnFailure" << 0 << "Succeeded" << 0;
    QTest::newRow("always-success-restarts") << "Always" << 0 << "Running" << 1;
}

void tst_PodSimulation::exitAfter()
{
    QFETCH(QString, policy);
    QFETCH(int, exitCode);
    QFETCH(QString, phase);
    QFETCH(int, restarts);
    const QByteArray y = QStringLiteral(R"(
apiVersion: v1
kind: Pod
metadata: {name: job, namespace: default, uid: u-4}
spec:
  restartPolicy: %1
  containers:
  - name: main
    image: nginx:1.25
    env: [{name: TIMONEL_EXIT_AFTER, value: 10s}, {name: TIMONEL_EXIT_CODE, value: "%2"}]
)").arg(policy).arg(exitCode).toUtf8();
    PodSimulation p(pod(y), placement(), nullptr, T0);
    p.advance(T0.addSecs(14)); // started at 2.4 s, exits at 12.4 s, first restart at once
    QCOMPARE(p.phase(), phase);
    QCOMPARE(containerStatus(p).value("restartCount").toInt(), restarts);
}

void tst_PodSimulation::initContainersRunFirst()
{
    PodSimulation p(pod(R"(
apiVersion: v1
kind: Pod
metadata: {name: init, namespace: default, uid: u-5}
spec:
  initContainers:
  - {name: wait, image: busybox, command: [sh, -c, "echo waiting; sleep 5; echo done > /work/ready"], volumeMounts: [{name: w, mountPath: /work}]}
  - {name: check, image: busybox, command: [cat, /work/ready], volumeMounts: [{name: w, mountPath: /work}]}
  containers:
  - name: nginx
    image: nginx:1.25
  volumes: [{name: w, emptyDir: {}}]
)"), placement(), nullptr, T0);
    p.advance(T0.addSecs(3));
    QCOMPARE(condition(p, "Initialized"), QStringLiteral("False"));
    QCOMPARE(p.status().value("initContainerStatuses").toArray().at(0).toObject().value("state").toObject().keys(), QStringList{"running"});
    QCOMPARE(waitingReason(p), QStringLiteral("PodInitializing"));
    p.advance(T0.addSecs(20));
    QCOMPARE(condition(p, "Initialized"), QStringLiteral("True"));
    QCOMPARE(p.phase(), QStringLiteral("Running"));
    QCOMPARE(p.logs("check", {}).value(), QStringLiteral("done\n"));
    QCOMPARE(p.logs("wait", {}).value(), QStringLiteral("waiting\n"));
}

void tst_PodSimulation::gracefulTermination_data()
{
    QTest::addColumn<QString>("image");
    QTest::addColumn<int>("finishedAfterMs");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("phase");
    QTest::newRow("nginx-exits-on-sigterm") << "nginx:1.25" << 200 << 0 << "Succeeded";
    QTest::newRow("shell-killed-after-grace") << "busybox" << 30000 << 137 << "Failed";
}

void tst_PodSimulation::gracefulTermination()
{
    QFETCH(QString, image);
    QFETCH(int, finishedAfterMs);
    QFETCH(int, exitCode);
    QFETCH(QString, phase);
    const QByteArray y = QStringLiteral(R"(
apiVersion: v1
kind: Pod
metadata: {name: term, namespace: default, uid: u-6}
spec:
  containers:
  - {name: main, image: "%1", command: %2}
)").arg(image, image.startsWith("busybox") ? "[sh, -c, \"while true; do sleep 1; done\"]" : "[nginx, -g, \"daemon off;\"]").toUtf8();
    PodSimulation p(pod(y), placement(), nullptr, T0);
    p.advance(T0.addSecs(10));
    p.takeEvents();
    const QDateTime del = T0.addSecs(10);
    p.requestDeletion(del);
    QCOMPARE(eventLines(p.takeEvents()), QStringList{"+10s Normal Killing: Stopping container main"});
    p.advance(del.addMSecs(finishedAfterMs - 1));
    QVERIFY(!p.isFinished());
    p.advance(del.addMSecs(finishedAfterMs));
    QVERIFY(p.isFinished());
    QCOMPARE(containerStatus(p).value("state").toObject().value("terminated").toObject().value("exitCode").toInt(), exitCode);
    QCOMPARE(p.phase(), phase);
    QVERIFY(!p.nextWakeUp());
}

void tst_PodSimulation::busyboxEmptyDirPod()
{
    // The course's two-container pod, with commands so that it does something.
    PodSimulation p(pod(R"(
apiVersion: v1
kind: Pod
metadata: {name: example, namespace: default, uid: u-7}
spec:
  containers:
  - image: busybox
    name: busy
    command: [sh, -c, "while true; do echo \"$(hostname) wrote\" > /dev/null; date >> /busy/log; sleep 5; done"]
    volumeMounts: [{mountPath: /busy, name: test}]
  - image: busybox
    name: box
    command: [sh, -c, "sleep 1; while true; do tail -n 1 /box/log; sleep 5; done"]
    volumeMounts: [{mountPath: /box, name: test}]
  volumes:
  - name: test
    emptyDir: {}
)"), placement(), nullptr, T0);
    p.advance(T0.addSecs(30));
    // $(…) is not simulated: the writer fails with exit code 2 and says why in its log.
    QVERIFY(p.logs("busy", {}).value().contains("command substitution"));
    QCOMPARE(containerStatus(p, 0).value("lastState").toObject().value("terminated").toObject().value("exitCode").toInt(), 2);

    PodSimulation q(pod(R"(
apiVersion: v1
kind: Pod
metadata: {name: example, namespace: default, uid: u-8}
spec:
  containers:
  - image: busybox
    name: busy
    command: [sh, -c, "while true; do date >> /busy/log; sleep 5; done"]
    volumeMounts: [{mountPath: /busy, name: test}]
  - image: busybox
    name: box
    command: [sh, -c, "sleep 1; while true; do tail -n 1 /box/log; sleep 5; done"]
    volumeMounts: [{mountPath: /box, name: test}]
  volumes:
  - name: test
    emptyDir: {}
)"), placement(), nullptr, T0);
    q.advance(T0.addSecs(20));
    const QStringList lines = q.logs("box", {}).value().split('\n', Qt::SkipEmptyParts);
    QVERIFY(lines.size() >= 3);
    QCOMPARE(lines.first(), QStringLiteral("Fri Nov 27 10:00:02 UTC 2026"));
    QCOMPARE(q.phase(), QStringLiteral("Running"));
}

void tst_PodSimulation::courseManifestWithoutCommandCrashLoops()
{
    // busybox's default command is `sh`, which exits at once without a TTY: CrashLoopBackOff.
    PodSimulation p(pod(R"(
apiVersion: v1
kind: Pod
metadata: {name: example, namespace: default, uid: u-9}
spec:
  containers:
  - {image: busybox, name: busy}
)"), placement(), nullptr, T0);
    p.advance(T0.addSecs(5));
    QCOMPARE(waitingReason(p), QStringLiteral("CrashLoopBackOff"));
    QCOMPARE(containerStatus(p).value("restartCount").toInt(), 1);
    QCOMPARE(containerStatus(p).value("lastState").toObject().value("terminated").toObject().value("reason").toString(), QStringLiteral("Completed"));
}

void tst_PodSimulation::httpAnswerAndUsage()
{
    PodSimulation p(pod(R"(
apiVersion: v1
kind: Pod
metadata: {name: green-1, namespace: default, uid: u-10, labels: {version: "2.0.0"}}
spec:
  containers:
  - {name: application, image: "learnk8s/app:2.0.0"}
)"), placement(), nullptr, T0);
    QCOMPARE(p.http(8080, "/", T0).status, 0);
    p.advance(T0.addSecs(10));
    const HttpResponse r = p.http(8080, "/", T0.addSecs(10));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, QStringLiteral("Hello from green-1, version 2.0.0 (docker.io/learnk8s/app:2.0.0)\n"));
    QCOMPARE(p.http(8080, "/nope", T0.addSecs(10)).status, 404);
    QCOMPARE(p.http(9999, "/", T0.addSecs(10)).status, 0);
    const ResourceUsage u = p.usage("application", T0.addSecs(10), 10);
    QCOMPARE(u.cpuMillicores, 7);
    QCOMPARE(u.memoryBytes, 30 * 1024 * 1024);
}

void tst_PodSimulation::logsPreviousInstance()
{
    PodSimulation p(pod(R"(
apiVersion: v1
kind: Pod
metadata: {name: logs, namespace: default, uid: u-11}
spec:
  restartPolicy: OnFailure
  containers:
  - {name: c, image: busybox, command: [sh, -c, "echo run; sleep 3; exit 1"]}
)"), placement(), nullptr, T0);
    QCOMPARE(p.logs("c", {true, {}, {}, false}).error().message(), QStringLiteral("previous terminated container \"c\" in pod \"logs\" not found"));
    QCOMPARE(p.logs("x", {}).error().message(), QStringLiteral("container x is not valid for pod logs"));
    p.advance(T0.addSecs(6));
    QCOMPARE(p.logs("c", {true, {}, {}, true}).value(), QStringLiteral("2026-11-27T10:00:02.000000000Z run\n"));
    p.advance(T0.addSecs(7));
    QCOMPARE(p.logs("c", {}).value(), QStringLiteral("run\n"));

    ContainerLog log(3, 1024);
    for (int i = 0; i < 5; ++i)
        log.append(T0.addSecs(i), QString::number(i));
    QCOMPARE(log.read({}), QStringLiteral("2\n3\n4\n"));
    QCOMPARE(log.read({false, T0.addSecs(3), {}, false}), QStringLiteral("3\n4\n"));
    QCOMPARE(log.read({false, {}, 1, false}), QStringLiteral("4\n"));
    ContainerLog bytes(100, 10);
    bytes.append(T0, "abcd");
    bytes.append(T0, "efgh");
    bytes.append(T0, "ij");
    QCOMPARE(bytes.read({}), QStringLiteral("efgh\nij\n"));
    QCOMPARE(bytes.droppedLines(), 1);
}

// env valueFrom.fieldRef (the downward API an Indexed Job's JOB_COMPLETION_INDEX uses) and
// HOSTNAME from spec.hostname.
void tst_PodSimulation::downwardApiEnvAndHostname()
{
    PodSimulation p(pod(R"(
apiVersion: v1
kind: Pod
metadata: {name: job-2-x7k, namespace: batch, uid: u-9, labels: {app: job}, annotations: {batch.kubernetes.io/job-completion-index: "2"}}
spec:
  hostname: job-2
  restartPolicy: Never
  containers:
  - name: c
    image: busybox
    command: [sh, -c, "echo $INDEX $NODE $POD_IP $APP $NS $HOSTNAME $NOPE"]
    env:
    - {name: INDEX, valueFrom: {fieldRef: {fieldPath: "metadata.annotations['batch.kubernetes.io/job-completion-index']"}}}
    - {name: NODE, valueFrom: {fieldRef: {fieldPath: spec.nodeName}}}
    - {name: POD_IP, valueFrom: {fieldRef: {fieldPath: status.podIP}}}
    - {name: APP, valueFrom: {fieldRef: {fieldPath: "metadata.labels['app']"}}}
    - {name: NS, valueFrom: {fieldRef: {fieldPath: metadata.namespace}}}
)"), placement(), nullptr, T0);
    p.advance(T0.addSecs(30));
    QCOMPARE(p.logs("c", {}).value(), QStringLiteral("2 node-1 10.244.0.5 job batch job-2\n"));
}

QTEST_GUILESS_MAIN(tst_PodSimulation)
#include "tst_podsimulation.moc"
