#include "editor/manifestvalidator.h"

#include "kube/api/object.h"
#include "kube/api/status.h"

#include "tests/support/testpaths.h"

#include <QDir>
#include <QFile>
#include <QTest>

using timonel::ManifestProblem;
using timonel::ManifestValidator;
using timonel::ProblemKind;
using timonel::ProblemSeverity;

Q_DECLARE_METATYPE(timonel::ProblemKind)
Q_DECLARE_METATYPE(timonel::ProblemSeverity)

namespace {

// A valid Deployment; each row below breaks one thing in it.
const QString kDeployment = QStringLiteral(
    "apiVersion: apps/v1\n"              // 0
    "kind: Deployment\n"                 // 1
    "metadata:\n"                        // 2
    "  name: web\n"                      // 3
    "  labels:\n"                        // 4
    "    app: web\n"                     // 5
    "spec:\n"                            // 6
    "  replicas: 2\n"                    // 7
    "  selector:\n"                      // 8
    "    matchLabels:\n"                 // 9
    "      app: web\n"                   // 10
    "  template:\n"                      // 11
    "    metadata:\n"                    // 12
    "      labels:\n"                    // 13
    "        app: web\n"                 // 14
    "    spec:\n"                        // 15
    "      containers:\n"                // 16
    "      - name: nginx\n"              // 17
    "        image: nginx:1.25\n"        // 18
    "        imagePullPolicy: IfNotPresent\n" // 19
    "        ports:\n"                   // 20
    "        - containerPort: 80\n"      // 21
    "        env:\n"                     // 22
    "        - name: DEBUG\n"            // 23
    "          value: \"true\"\n"        // 24
    "        resources:\n"               // 25
    "          limits:\n"                // 26
    "            memory: 128Mi\n");      // 27

QString replaced(const QString &from, const QString &to)
{
    QString text = kDeployment;
    if (!text.contains(from))
        qFatal("test data: %s is not in the manifest", qPrintable(from));
    return text.replace(from, to);
}

QString describe(const QList<ManifestProblem> &problems)
{
    QStringList lines;
    for (const ManifestProblem &p : problems)
        lines << QStringLiteral("doc %1 %2:%3+%4 [%5] %6 (%7)").arg(p.document).arg(p.line).arg(p.column).arg(p.length)
                     .arg(int(p.kind)).arg(p.message, p.path);
    return lines.join(u'\n');
}

QString readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

} // namespace

class TestManifestValidator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void validDeploymentHasNoProblems()
    {
        const ManifestValidator validator;
        const auto problems = validator.validate(kDeployment);
        QVERIFY2(problems.isEmpty(), qPrintable(describe(problems)));
    }

    void problemClasses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<ProblemKind>("kind");
        QTest::addColumn<ProblemSeverity>("severity");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("length");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("messagePart");
        const auto E = ProblemSeverity::Error;
        QTest::newRow("syntax: bad indentation") << replaced(u"  replicas: 2\n"_qs, u"  replicas: 2\n   oops: 1\n"_qs)
            << ProblemKind::Syntax << E << 8 << 7 << 1 << "" << "mapping value is not allowed";
        QTest::newRow("missing apiVersion") << replaced(u"apiVersion: apps/v1\n"_qs, u""_qs)
            << ProblemKind::MissingType << E << 0 << 0 << 4 << "" << "apiVersion is missing";
        QTest::newRow("missing kind") << replaced(u"kind: Deployment\n"_qs, u""_qs)
            << ProblemKind::MissingType << E << 0 << 0 << 10 << "" << "kind is missing";
        QTest::newRow("unknown kind, near miss") << replaced(u"kind: Deployment"_qs, u"kind: Deploymnet"_qs)
            << ProblemKind::UnknownKind << E << 1 << 6 << 10 << "" << "did you mean \"Deployment\"";
        QTest::newRow("kind in the wrong case") << replaced(u"kind: Deployment"_qs, u"kind: deployment"_qs)
            << ProblemKind::UnknownKind << E << 1 << 6 << 10 << "" << "did you mean \"Deployment\"";
        QTest::newRow("unserved version") << replaced(u"apps/v1\n"_qs, u"apps/v2\n"_qs)
            << ProblemKind::UnknownKind << E << 0 << 12 << 7 << "" << "apps/v2 does not serve Deployment; use apps/v1";
        QTest::newRow("removed version") << replaced(u"apps/v1\n"_qs, u"extensions/v1beta1\n"_qs)
            << ProblemKind::RemovedApiVersion << E << 0 << 12 << 18 << ""
            << "extensions/v1beta1 Deployment was removed in Kubernetes 1.16; use apps/v1.";
        QTest::newRow("unknown field, did you mean") << replaced(u"      containers:"_qs, u"      contianers:"_qs)
            << ProblemKind::UnknownField << E << 16 << 6 << 10 << "spec.template.spec.contianers"
            << "Unknown field \"contianers\" in spec.template.spec (did you mean \"containers\"?)";
        QTest::newRow("unknown field in metadata") << replaced(u"  name: web\n"_qs, u"  name: web\n  lables: {}\n"_qs)
            << ProblemKind::UnknownField << E << 4 << 2 << 6 << "metadata.lables" << "did you mean \"labels\"";
        QTest::newRow("string for an integer") << replaced(u"replicas: 2"_qs, u"replicas: two"_qs)
            << ProblemKind::WrongType << E << 7 << 12 << 3 << "spec.replicas" << "spec.replicas must be an integer, not a string";
        QTest::newRow("int32 out of range") << replaced(u"replicas: 2"_qs, u"replicas: 3000000000"_qs)
            << ProblemKind::WrongType << E << 7 << 12 << 10 << "spec.replicas" << "must be an integer";
        QTest::newRow("boolean where a string belongs") << replaced(u"value: \"true\""_qs, u"value: true"_qs)
            << ProblemKind::WrongType << E << 24 << 17 << 4 << "spec.template.spec.containers[0].env[0].value"
            << "write it in quotes (\"true\")";
        QTest::newRow("object where a list belongs") << replaced(u"        ports:\n        - containerPort: 80\n"_qs,
                                                                u"        ports:\n          containerPort: 80\n"_qs)
            << ProblemKind::WrongType << E << 20 << 8 << 5 << "spec.template.spec.containers[0].ports"
            << "must be a list, not an object";
        QTest::newRow("required: selector") << replaced(u"  selector:\n    matchLabels:\n      app: web\n"_qs, u""_qs)
            << ProblemKind::RequiredField << E << 6 << 0 << 4 << "spec.selector" << "spec.selector is required";
        QTest::newRow("required: container name") << replaced(u"      - name: nginx\n        image"_qs, u"      - image"_qs)
            << ProblemKind::RequiredField << E << 17 << 8 << 17 << "spec.template.spec.containers[0].name"
            << "spec.template.spec.containers[0].name is required";
        QTest::newRow("required: empty string counts as missing") << replaced(u"- name: DEBUG"_qs, u"- name: \"\""_qs)
            << ProblemKind::RequiredField << E << 23 << 16 << 2 << "spec.template.spec.containers[0].env[0].name"
            << "is required";
        QTest::newRow("enum") << replaced(u"IfNotPresent"_qs, u"Sometimes"_qs)
            << ProblemKind::EnumValue << E << 19 << 25 << 9 << "spec.template.spec.containers[0].imagePullPolicy"
            << "Unsupported value \"Sometimes\"";
        QTest::newRow("metadata.name missing") << replaced(u"  name: web\n"_qs, u""_qs)
            << ProblemKind::RequiredField << E << 2 << 0 << 8 << "metadata.name" << "metadata.name is required";
        QTest::newRow("invalid name") << replaced(u"  name: web\n"_qs, u"  name: Web_1\n"_qs)
            << ProblemKind::InvalidValue << E << 3 << 8 << 5 << "metadata.name" << "Invalid name \"Web_1\"";
        QTest::newRow("invalid label key") << replaced(u"    app: web\nspec:"_qs, u"    app: web\n    -bad: x\nspec:"_qs)
            << ProblemKind::InvalidValue << E << 6 << 4 << 4 << "metadata.labels[-bad]" << "Invalid key \"-bad\"";
        QTest::newRow("invalid label value") << replaced(u"labels:\n    app: web"_qs, u"labels:\n    app: \"web server\""_qs)
            << ProblemKind::InvalidValue << E << 5 << 9 << 12 << "metadata.labels[app]" << "Invalid label value";
        QTest::newRow("bad quantity") << replaced(u"memory: 128Mi"_qs, u"memory: 128MB"_qs)
            << ProblemKind::InvalidValue << E << 27 << 20 << 5 << "spec.template.spec.containers[0].resources.limits[memory]"
            << "is not a quantity";
        QTest::newRow("selector does not match template") << replaced(u"        app: web\n"_qs, u"        app: api\n"_qs)
            << ProblemKind::InvalidValue << E << 13 << 6 << 6 << "spec.template.metadata.labels"
            << "spec.selector does not match";
        QTest::newRow("duplicate key") << replaced(u"  replicas: 2\n"_qs, u"  replicas: 2\n  replicas: 3\n"_qs)
            << ProblemKind::DuplicateField << E << 8 << 2 << 8 << "" << "Duplicate key \"replicas\"";
        QTest::newRow("unknown group: warning") << u"apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n"_qs
            << ProblemKind::UnknownKind << ProblemSeverity::Warning << 0 << 12 << 14 << ""
            << "is not known here";
        QTest::newRow("secret data must be base64") << u"apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  password: hunter2!\n"_qs
            << ProblemKind::InvalidValue << E << 5 << 12 << 8 << "data[password]" << "base64";
        QTest::newRow("namespace on a cluster-scoped kind") << u"apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns1\n  namespace: default\n"_qs
            << ProblemKind::InvalidValue << ProblemSeverity::Warning << 4 << 13 << 7 << "metadata.namespace" << "cluster-scoped";
        QTest::newRow("not an object") << u"- a\n- b\n"_qs
            << ProblemKind::MissingType << E << 0 << 0 << 3 << "" << "must be an object";
    }
    void problemClasses()
    {
        QFETCH(QString, text);
        QFETCH(ProblemKind, kind);
        QFETCH(ProblemSeverity, severity);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(int, length);
        QFETCH(QString, path);
        QFETCH(QString, messagePart);
        const ManifestValidator validator;
        const auto problems = validator.validate(text);
        QVERIFY2(problems.size() == 1, qPrintable(describe(problems)));
        const ManifestProblem &p = problems.first();
        QCOMPARE(p.kind, kind);
        QCOMPARE(p.severity, severity);
        QVERIFY2(p.message.contains(messagePart), qPrintable(p.message));
        QCOMPARE(p.line, line);
        QCOMPARE(p.column, column);
        QCOMPARE(p.length, length);
        QCOMPARE(p.path, path);
        QCOMPARE(p.document, 0);
    }

    void everyDocumentIsChecked()
    {
        const QString text = u"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  bad: 1\n"
                             u"---\n"
                             u"apiVersion: v1\nkind: Service\nmetadata:\n  name: b\nspec:\n  ports:\n  - port: eighty\n"
                             u"---\n"
                             u"this: [is broken\n"
                             u"---\n"
                             u"apiVersion: v1\nkind: Pod\nmetadata:\n  name: c\nspec:\n  containers: []\n"_qs;
        const ManifestValidator validator;
        const auto problems = validator.validate(text);
        QCOMPARE(problems.size(), 4);
        QCOMPARE(problems[0].document, 0);
        QCOMPARE(problems[0].kind, ProblemKind::UnknownField);
        QCOMPARE(problems[0].line, 4);
        QCOMPARE(problems[1].document, 1);
        QCOMPARE(problems[1].kind, ProblemKind::WrongType);
        QCOMPARE(problems[1].line, 12);
        QCOMPARE(problems[1].path, u"spec.ports[0].port"_qs);
        QCOMPARE(problems[2].document, 2);
        QCOMPARE(problems[2].kind, ProblemKind::Syntax);
        QCOMPARE(problems[3].document, 3);
        QCOMPARE(problems[3].kind, ProblemKind::RequiredField); // an empty list counts as missing
        QCOMPARE(problems[3].path, u"spec.containers"_qs);
    }

    void listItemsAreChecked()
    {
        const QString text = u"apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: a\n"
                             u"  dta: {}\n"_qs;
        const auto problems = ManifestValidator().validate(text);
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems[0].path, u"items[0].dta"_qs);
        QCOMPARE(problems[0].line, 7);
    }

    void customResourcesFromTheSameText()
    {
        const QString crd = u"apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n"
                            u"  name: widgets.example.com\nspec:\n  group: example.com\n  scope: Namespaced\n"
                            u"  names: {plural: widgets, singular: widget, kind: Widget, listKind: WidgetList}\n"
                            u"  versions:\n  - name: v1\n    served: true\n    storage: true\n    schema:\n"
                            u"      openAPIV3Schema:\n        type: object\n        properties:\n"
                            u"          spec:\n            type: object\n            required: [size]\n"
                            u"            properties:\n              size: {type: integer}\n"
                            u"              color: {type: string, enum: [red, blue]}\n"_qs;
        const QString cr = u"apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  color: green\n  shape: round\n"_qs;
        const ManifestValidator validator;
        const auto alone = validator.validate(cr);
        QCOMPARE(alone.size(), 1);
        QCOMPARE(alone[0].severity, ProblemSeverity::Warning); // nothing known about Widget yet

        const auto problems = validator.validate(crd + u"---\n"_qs + cr);
        QStringList paths;
        for (const ManifestProblem &p : problems)
            paths << p.path;
        QCOMPARE(paths, QStringList({u"spec.size"_qs, u"spec.color"_qs, u"spec.shape"_qs}));
        QCOMPARE(problems[0].kind, ProblemKind::RequiredField);
        QCOMPARE(problems[1].kind, ProblemKind::EnumValue);
        QCOMPARE(problems[2].kind, ProblemKind::UnknownField);

        ManifestValidator withCrd;
        const auto objects = kube::Object::parse(R"({"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
            "metadata":{"name":"widgets.example.com"},"spec":{"group":"example.com","scope":"Namespaced",
            "names":{"plural":"widgets","singular":"widget","kind":"Widget"},"versions":[{"name":"v1","served":true,
            "storage":true,"schema":{"openAPIV3Schema":{"type":"object","properties":{"spec":{"type":"object",
            "properties":{"size":{"type":"integer"}}}}}}}]}})");
        QVERIFY(objects.ok());
        QVERIFY(withCrd.addCustomResource(*objects).isSuccess());
        const auto added = withCrd.validate(u"apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  size: big\n"_qs);
        QCOMPARE(added.size(), 1);
        QCOMPARE(added[0].kind, ProblemKind::WrongType);
        QCOMPARE(added[0].line, 5);
    }

    // The upstream fixtures fill every field of each kind: the validator must know every field
    // and its type. Their placeholder values ("typeValue", "nameValue") do break enums, names
    // and selectors, so only those value problems may appear.
    void upstreamFixturesHaveNoStructuralProblems_data()
    {
        QTest::addColumn<QString>("file");
        const QString dir = timonel::test::roundtripFixturesDir();
        if (dir.isEmpty())
            QSKIP("shared/data/k8s-roundtrip not found");
        const QStringList skipped = {u"core.v1.Status.yaml"_qs, u"core.v1.WatchEvent.yaml"_qs, u"core.v1.DeleteOptions.yaml"_qs,
                                   u"policy.v1.Eviction.yaml"_qs}; // bodies of requests, not stored kinds
        for (const QString &name : QDir(dir).entryList({u"*.yaml"_qs}, QDir::Files)) {
            if (!skipped.contains(name))
                QTest::newRow(qPrintable(name)) << QDir(dir).filePath(name);
        }
    }
    void upstreamFixturesHaveNoStructuralProblems()
    {
        QFETCH(QString, file);
        const QString text = readFile(file);
        QVERIFY(!text.isEmpty());
        const auto problems = ManifestValidator().validate(text);
        QList<ManifestProblem> structural;
        for (const ManifestProblem &p : problems) {
            if (p.kind != ProblemKind::EnumValue && p.kind != ProblemKind::InvalidValue)
                structural << p;
        }
        QVERIFY2(structural.isEmpty(), qPrintable(describe(structural)));
    }

    void realisticManifestsHaveNoProblems_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("service") << u"apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n"
                                    u"  ports:\n  - port: 80\n    targetPort: http\n    protocol: TCP\n"_qs;
        QTest::newRow("ingress") << u"apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n"
                                    u"  annotations:\n    nginx.ingress.kubernetes.io/rewrite-target: /\nspec:\n  rules:\n"
                                    u"  - host: example.com\n    http:\n      paths:\n      - path: /\n        pathType: Prefix\n"
                                    u"        backend:\n          service:\n            name: web\n            port:\n"
                                    u"              number: 80\n"_qs;
        QTest::newRow("anchors and merge keys") << u"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n"
                                                   u"  labels: &l {app: web}\n  annotations:\n    <<: *l\ndata:\n  a: \"1\"\n"_qs;
        QTest::newRow("generateName instead of name") << u"apiVersion: batch/v1\nkind: Job\nmetadata:\n  generateName: run-\n"
                                                         u"spec:\n  template:\n    spec:\n      restartPolicy: Never\n"
                                                         u"      containers:\n      - name: c\n        image: busybox\n"_qs;
        QTest::newRow("secret data in a folded base64 block")
            << u"apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  key: |\n    aGVsbG8g\n    d29ybGQ=\n"_qs;
        QTest::newRow("pod with probes and quantities")
            << u"apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: i\n"
               u"    resources:\n      requests: {cpu: 0.5, memory: 64Mi}\n    livenessProbe:\n      httpGet:\n"
               u"        path: /healthz\n        port: 8080\n      initialDelaySeconds: 3\n"_qs;
    }
    void realisticManifestsHaveNoProblems()
    {
        QFETCH(QString, text);
        const auto problems = ManifestValidator().validate(text);
        QVERIFY2(problems.isEmpty(), qPrintable(describe(problems)));
    }
};

QTEST_GUILESS_MAIN(TestManifestValidator)
#include "tst_manifestvalidator.moc"
