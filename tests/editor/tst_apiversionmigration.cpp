#include "editor/apiversionmigration.h"
#include "editor/manifestvalidator.h"
#include "editor/yamlsourcemap.h"

#include <QTest>

using timonel::ManifestProblem;
using timonel::ManifestValidator;
using timonel::ProblemKind;
using timonel::YamlSourceMap;

namespace {

const char *const kPodTemplate =
    "  template:\n"
    "    metadata:\n"
    "      labels:\n"
    "        app: web\n"
    "    spec:\n"
    "      containers:\n"
    "      - name: web\n"
    "        image: nginx:1.25\n";

QString workload(const char *apiVersion, const char *kind, const char *extraSpec = "")
{
    return QStringLiteral("apiVersion: %1\nkind: %2\nmetadata:\n  name: web\nspec:\n%3%4")
        .arg(QLatin1StringView(apiVersion), QLatin1StringView(kind), QLatin1StringView(extraSpec), QLatin1StringView(kPodTemplate));
}

QString describe(const QList<ManifestProblem> &problems)
{
    QStringList lines;
    for (const ManifestProblem &p : problems)
        lines << QStringLiteral("%1:%2 %3").arg(p.line).arg(p.column).arg(p.message);
    return lines.join(u'\n');
}

// The scalar at a path of the first document, or a null string.
QString valueAt(const QString &text, const QString &path, int document = 0)
{
    const YamlSourceMap map = YamlSourceMap::parse(text);
    const auto found = map.find(document, path);
    if (!found)
        return {};
    return map.documents()[document].scalarText(found->valueNode);
}

} // namespace

class TestApiVersionMigration : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Each legacy manifest is refused before the conversion and accepted after it.
    void convertedDocumentsValidate_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("apiVersion");
        QTest::newRow("extensions/v1beta1 Deployment") << workload("extensions/v1beta1", "Deployment", "  replicas: 2\n  rollbackTo:\n    revision: 3\n")
                                                       << "apps/v1";
        QTest::newRow("apps/v1beta1 Deployment") << workload("apps/v1beta1", "Deployment") << "apps/v1";
        QTest::newRow("apps/v1beta2 Deployment") << workload("apps/v1beta2", "Deployment", "  selector:\n    matchLabels: {app: web}\n")
                                                 << "apps/v1";
        QTest::newRow("extensions/v1beta1 DaemonSet") << workload("extensions/v1beta1", "DaemonSet", "  templateGeneration: 4\n")
                                                      << "apps/v1";
        QTest::newRow("apps/v1beta2 DaemonSet") << workload("apps/v1beta2", "DaemonSet") << "apps/v1";
        QTest::newRow("extensions/v1beta1 ReplicaSet") << workload("extensions/v1beta1", "ReplicaSet") << "apps/v1";
        QTest::newRow("apps/v1beta2 ReplicaSet") << workload("apps/v1beta2", "ReplicaSet") << "apps/v1";
        QTest::newRow("apps/v1beta1 StatefulSet") << workload("apps/v1beta1", "StatefulSet", "  serviceName: web\n") << "apps/v1";
        QTest::newRow("apps/v1beta2 StatefulSet") << workload("apps/v1beta2", "StatefulSet", "  serviceName: web\n") << "apps/v1";
        const QString ingress = u"kind: Ingress\nmetadata:\n  name: web\nspec:\n  backend:\n    serviceName: default\n"
                                u"    servicePort: 80\n  rules:\n  - host: example.com\n    http:\n      paths:\n"
                                u"      - path: /\n        backend:\n          serviceName: web\n          servicePort: http\n"
                                u"      - path: /api\n        pathType: Prefix\n        backend:\n          serviceName: api\n"
                                u"          servicePort: \"8080\"\n"_qs;
        QTest::newRow("extensions/v1beta1 Ingress") << u"apiVersion: extensions/v1beta1\n"_qs + ingress << "networking.k8s.io/v1";
        QTest::newRow("networking.k8s.io/v1beta1 Ingress") << u"apiVersion: networking.k8s.io/v1beta1\n"_qs + ingress
                                                           << "networking.k8s.io/v1";
        QTest::newRow("extensions/v1beta1 NetworkPolicy")
            << u"apiVersion: extensions/v1beta1\nkind: NetworkPolicy\nmetadata:\n  name: deny\nspec:\n  podSelector: {}\n"
               u"  policyTypes: [Ingress]\n"_qs << "networking.k8s.io/v1";
        QTest::newRow("policy/v1beta1 PodDisruptionBudget")
            << u"apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  minAvailable: 1\n"
               u"  selector:\n    matchLabels: {app: web}\n"_qs << "policy/v1";
        QTest::newRow("batch/v1beta1 CronJob")
            << u"apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: nightly\nspec:\n  schedule: \"0 3 * * *\"\n"
               u"  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n"
               u"          containers:\n          - name: job\n            image: busybox\n"_qs << "batch/v1";
        const QString hpa = u"kind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef:\n"
                            u"    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n  minReplicas: 1\n  maxReplicas: 5\n"
                            u"  metrics:\n  - type: Resource\n    resource:\n      name: cpu\n      targetAverageUtilization: 70\n"
                            u"  - type: Pods\n    pods:\n      metricName: requests\n      targetAverageValue: 10\n"
                            u"  - type: Object\n    object:\n      target: {apiVersion: networking.k8s.io/v1, kind: Ingress, name: web}\n"
                            u"      metricName: hits\n      targetValue: 2k\n"
                            u"  - type: External\n    external:\n      metricName: queue\n"
                            u"      metricSelector: {matchLabels: {q: jobs}}\n      targetAverageValue: 30\n"_qs;
        QTest::newRow("autoscaling/v2beta1 HPA") << u"apiVersion: autoscaling/v2beta1\n"_qs + hpa << "autoscaling/v2";
        QTest::newRow("autoscaling/v2beta2 HPA")
            << u"apiVersion: autoscaling/v2beta2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n"
               u"  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  maxReplicas: 3\n  metrics:\n"
               u"  - type: Resource\n    resource:\n      name: cpu\n      target: {type: Utilization, averageUtilization: 60}\n"_qs
            << "autoscaling/v2";
        for (const char *kind : {"Role", "ClusterRole"}) {
            QTest::newRow(qPrintable(u"rbac v1beta1 "_qs + QLatin1StringView(kind)))
                << QStringLiteral("apiVersion: rbac.authorization.k8s.io/v1beta1\nkind: %1\nmetadata:\n  name: reader\nrules:\n"
                                  "- apiGroups: [\"\"]\n  resources: [pods]\n  verbs: [get, list]\n").arg(QLatin1StringView(kind))
                << "rbac.authorization.k8s.io/v1";
        }
        for (const char *kind : {"RoleBinding", "ClusterRoleBinding"}) {
            QTest::newRow(qPrintable(u"rbac v1beta1 "_qs + QLatin1StringView(kind)))
                << QStringLiteral("apiVersion: rbac.authorization.k8s.io/v1beta1\nkind: %1\nmetadata:\n  name: read\n"
                                  "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: reader}\n"
                                  "subjects:\n- kind: ServiceAccount\n  name: default\n  namespace: default\n").arg(QLatin1StringView(kind))
                << "rbac.authorization.k8s.io/v1";
        }
    }
    void convertedDocumentsValidate()
    {
        QFETCH(QString, text);
        QFETCH(QString, apiVersion);
        const ManifestValidator validator;
        const auto before = validator.validate(text);
        QVERIFY(!before.isEmpty());
        QCOMPARE(before.first().kind, ProblemKind::RemovedApiVersion);

        const auto result = timonel::migrateRemovedApis(text);
        QCOMPARE(result.converted, 1);
        QVERIFY(!result.notes.isEmpty());
        QVERIFY2(result.notes.first().contains(u"→ "_qs + apiVersion), qPrintable(result.notes.join(u'\n')));
        QCOMPARE(valueAt(result.text, u"apiVersion"_qs), apiVersion);
        const auto after = validator.validate(result.text);
        QVERIFY2(after.isEmpty(), qPrintable(describe(after) + u"\n---\n"_qs + result.text));
    }

    void workloadGetsSelectorAndLosesDroppedFields()
    {
        const auto result = timonel::migrateRemovedApis(workload("extensions/v1beta1", "Deployment", "  replicas: 2\n  rollbackTo:\n    revision: 3\n"));
        QCOMPARE(valueAt(result.text, u"spec.selector.matchLabels.app"_qs), u"web"_qs);
        QVERIFY(valueAt(result.text, u"spec.rollbackTo.revision"_qs).isNull());
        QVERIFY(result.text.indexOf(u"selector:"_qs) > result.text.indexOf(u"replicas:"_qs)); // placed after replicas
        QVERIFY(result.text.indexOf(u"selector:"_qs) < result.text.indexOf(u"template:"_qs));
        const QString notes = result.notes.join(u'\n');
        QVERIFY(notes.contains(u"spec.selector added"_qs));
        QVERIFY(notes.contains(u"rollbackTo removed"_qs));
        QVERIFY(notes.contains(u"progressDeadlineSeconds"_qs));
        QVERIFY(notes.startsWith(u"Document 1 (Deployment web): apiVersion extensions/v1beta1 → apps/v1"_qs));
    }

    void ingressBackendsConverted()
    {
        const QString text = u"apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  backend:\n"
                             u"    serviceName: default\n    servicePort: 80\n  rules:\n  - http:\n      paths:\n"
                             u"      - path: /\n        backend:\n          serviceName: web\n          servicePort: http\n"_qs;
        const auto result = timonel::migrateRemovedApis(text);
        QCOMPARE(valueAt(result.text, u"spec.defaultBackend.service.name"_qs), u"default"_qs);
        QCOMPARE(valueAt(result.text, u"spec.defaultBackend.service.port.number"_qs), u"80"_qs);
        QCOMPARE(valueAt(result.text, u"spec.rules[0].http.paths[0].backend.service.port.name"_qs), u"http"_qs);
        QCOMPARE(valueAt(result.text, u"spec.rules[0].http.paths[0].pathType"_qs), u"ImplementationSpecific"_qs);
        QVERIFY(valueAt(result.text, u"spec.rules[0].http.paths[0].backend.serviceName"_qs).isNull());
    }

    void hpaMetricsConverted()
    {
        const QString text = u"apiVersion: autoscaling/v2beta1\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n"
                             u"  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  maxReplicas: 5\n"
                             u"  metrics:\n  - type: Resource\n    resource:\n      name: cpu\n      targetAverageUtilization: 70\n"_qs;
        const auto result = timonel::migrateRemovedApis(text);
        QCOMPARE(valueAt(result.text, u"spec.metrics[0].resource.target.type"_qs), u"Utilization"_qs);
        QCOMPARE(valueAt(result.text, u"spec.metrics[0].resource.target.averageUtilization"_qs), u"70"_qs);
        QVERIFY(valueAt(result.text, u"spec.metrics[0].resource.targetAverageUtilization"_qs).isNull());
    }

    // Other documents keep their exact text, comments and all; only the chosen one changes.
    void otherDocumentsUntouched()
    {
        const QString first = u"# the config\napiVersion: v1\nkind: ConfigMap   # keep me\nmetadata:\n  name: cfg\n"_qs;
        const QString legacy = u"---\n# legacy below\napiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n"
                               u"  schedule: '@daily'\n  jobTemplate:\n    spec:\n      template:\n        spec:\n"
                               u"          restartPolicy: Never\n          containers: [{name: c, image: busybox}]\n"_qs;
        const QString last = u"---\napiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports: [{port: 80}]\n# trailing\n"_qs;
        const QString text = first + legacy + last + legacy;
        const auto onlySecond = timonel::migrateRemovedApis(text, 1);
        QCOMPARE(onlySecond.converted, 1);
        QVERIFY(onlySecond.text.startsWith(first + u"---\n# legacy below\napiVersion: batch/v1\n"_qs));
        QVERIFY(onlySecond.text.endsWith(last + legacy));
        const auto all = timonel::migrateRemovedApis(text);
        QCOMPARE(all.converted, 2);
        QVERIFY(all.text.startsWith(first));
        QVERIFY(all.text.contains(last));
        QCOMPARE(all.text.count(u"batch/v1beta1"_qs), 0);
        QCOMPARE(YamlSourceMap::parse(all.text).documents().size(), 4);
        QVERIFY(ManifestValidator().validate(all.text).isEmpty());
    }

    void nothingToConvert()
    {
        const QString text = u"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n"_qs;
        const auto result = timonel::migrateRemovedApis(text);
        QCOMPARE(result.converted, 0);
        QCOMPARE(result.text, text);
        QVERIFY(result.notes.isEmpty());
        // Removed but not convertible: left alone.
        const QString psp = u"apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata:\n  name: p\n"_qs;
        QCOMPARE(timonel::migrateRemovedApis(psp).converted, 0);
    }
};

QTEST_GUILESS_MAIN(TestApiVersionMigration)
#include "tst_apiversionmigration.moc"
