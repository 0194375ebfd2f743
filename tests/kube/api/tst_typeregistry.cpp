#include "kube/api/crdschema.h"
#include "kube/api/typeregistry.h"
#include "tests/support/testpaths.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>

using namespace kube;

namespace {

QStringList miniFiles()
{
    QStringList files;
    const QDir dir(timonel::test::dataPath(u"registry/mini"_qs));
    for (const QString &name : dir.entryList({u"*.json"_qs}, QDir::Files, QDir::Name))
        files << dir.filePath(name);
    return files;
}

// "v1 Event, events.k8s.io/v1 Event": what resolve() found, in order.
QString describe(const QList<KindInfoPtr> &kinds)
{
    QStringList out;
    for (const KindInfoPtr &k : kinds)
        out << k->gvk.apiVersion() + u' ' + k->gvk.kind;
    return out.join(u", "_qs);
}

GroupVersionKind gvkFromApiVersion(const QString &apiVersion, const QString &kind)
{
    const GroupVersion gv = GroupVersion::fromApiVersion(apiVersion);
    return {gv.group, gv.version, kind};
}

bool isJsonCompatible(const QString &scalar, const QJsonValue &v)
{
    static const QStringList strings = {u"string"_qs, u"bytes"_qs, u"Time"_qs, u"MicroTime"_qs, u"Duration"_qs};
    static const QStringList anything = {u"RawExtension"_qs, u"JSON"_qs, u"FieldsV1"_qs, u"any"_qs};
    if (anything.contains(scalar))
        return true;
    if (strings.contains(scalar))
        return v.isString();
    if (scalar == u"boolean")
        return v.isBool();
    if (scalar == u"double")
        return v.isDouble();
    if (scalar == u"int32" || scalar == u"int64")
        return v.isDouble() && v.toDouble() == double(qint64(v.toDouble()));
    if (scalar == u"Quantity" || scalar == u"IntOrString")
        return v.isString() || v.isDouble();
    return false;
}

QString jsonTypeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Bool: return u"boolean"_qs;
    case QJsonValue::Double: return u"number"_qs;
    case QJsonValue::String: return u"string"_qs;
    case QJsonValue::Array: return u"array"_qs;
    case QJsonValue::Object: return u"object"_qs;
    default: return u"null"_qs;
    }
}

// Walks a JSON value against a registry type, appending "<path>: <problem>" for every mismatch.
void walk(const TypeRegistry &r, const QJsonValue &v, const FieldType &t, const QString &path, QStringList &problems)
{
    if (v.isNull())
        return; // an explicit null is an absent field
    const auto mismatch = [&] {
        problems << u"%1: JSON %2 where the registry says %3"_qs.arg(path, jsonTypeName(v), t.toString());
    };
    switch (t.shape) {
    case FieldType::Shape::Scalar:
        if (!isJsonCompatible(t.name, v))
            mismatch();
        return;
    case FieldType::Shape::List: {
        if (!v.isArray())
            return mismatch();
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            walk(r, a.at(i), *t.elem, u"%1[%2]"_qs.arg(path).arg(i), problems);
        return;
    }
    case FieldType::Shape::Map: {
        if (!v.isObject())
            return mismatch();
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            walk(r, it.value(), *t.elem, path + u'[' + it.key() + u']', problems);
        return;
    }
    case FieldType::Shape::Struct: {
        if (!v.isObject())
            return mismatch();
        const TypeSchemaPtr type = r.type(t.name);
        if (!type) {
            problems << u"%1: undefined type %2"_qs.arg(path, t.name);
            return;
        }
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QString child = path.isEmpty() ? it.key() : path + u'.' + it.key();
            const FieldSchema *f = type->field(it.key());
            if (!f) {
                if (!type->preserveUnknownFields)
                    problems << u"%1: unknown field of %2"_qs.arg(child, t.name);
                continue;
            }
            walk(r, it.value(), f->type, child, problems);
        }
        return;
    }
    }
}

const char *crontabCrd = R"({"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
  "metadata":{"name":"crontabs.stable.example.com"},
  "spec":{"group":"stable.example.com","scope":"Namespaced",
    "names":{"plural":"crontabs","singular":"crontab","kind":"CronTab","shortNames":["ct"]},
    "versions":[{"name":"v1","served":true,"storage":true,"schema":{"openAPIV3Schema":{"type":"object",
      "properties":{"spec":{"type":"object","properties":{"image":{"type":"string"}}}}}}}]}})";

} // namespace

class tst_TypeRegistry : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fieldTypeParse_data();
    void fieldTypeParse();
    void loadsSmallFileSet_data();
    void loadsSmallFileSet();
    void keepsFieldOrder();
    void loaderErrors_data();
    void loaderErrors();
    void resolveSmallSet_data();
    void resolveSmallSet();
    void builtinIsValid();
    void builtinKindsAreComplete();
    void builtinResolve_data();
    void builtinResolve();
    void builtinGroupVersionsInUpstreamOrder();
    void builtinKindsInCategory_data();
    void builtinKindsInCategory();
    void categoryExpandsToPreferredVersion();
    void categoryIncludesCustomResources();
    void builtinFieldAt_data();
    void builtinFieldAt();
    void goldenFixturesMatchRegistry();
    void cloneKeepsBuiltinUntouched();
    void concurrentReadsDuringCrdChanges();
};

void tst_TypeRegistry::fieldTypeParse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("shape");
    QTest::addColumn<QString>("innermost");

    using S = FieldType::Shape;
    QTest::newRow("scalar-string") << u"string"_qs << true << int(S::Scalar) << u"string"_qs;
    QTest::newRow("scalar-quantity") << u"Quantity"_qs << true << int(S::Scalar) << u"Quantity"_qs;
    QTest::newRow("struct") << u"core.v1.PodSpec"_qs << true << int(S::Struct) << u"core.v1.PodSpec"_qs;
    QTest::newRow("list-of-structs") << u"[]core.v1.Container"_qs << true << int(S::List) << u"core.v1.Container"_qs;
    QTest::newRow("map-of-quantities") << u"map[string]Quantity"_qs << true << int(S::Map) << u"Quantity"_qs;
    QTest::newRow("map-of-lists") << u"map[string][]string"_qs << true << int(S::Map) << u"string"_qs;
    QTest::newRow("list-of-lists") << u"[][]core.v1.NodeSelectorTerm"_qs << true << int(S::List) << u"core.v1.NodeSelectorTerm"_qs;
    QTest::newRow("empty") << QString() << false << int(S::Scalar) << QString();
    QTest::newRow("misspelt-scalar") << u"strng"_qs << false << int(S::Struct) << u"strng"_qs;
    QTest::newRow("int-keyed-map") << u"map[int]string"_qs << false << int(S::Scalar) << QString();
    QTest::newRow("list-without-element") << u"[]"_qs << false << int(S::List) << QString();
}

void tst_TypeRegistry::fieldTypeParse()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(int, shape);
    QFETCH(QString, innermost);
    const FieldType t = FieldType::parse(text);
    QCOMPARE(t.isValid(), valid);
    QCOMPARE(int(t.shape), shape);
    QCOMPARE(t.innermost().name, innermost);
    if (valid) {
        QCOMPARE(t.toString(), text);
        QVERIFY(FieldType::parse(t.toString()) == t);
    }
}

void tst_TypeRegistry::loadsSmallFileSet_data()
{
    QTest::addColumn<QString>("typeName");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("proto");
    QTest::addColumn<bool>("required");

    QTest::newRow("list-of-structs") << u"core.v1.PodSpec"_qs << u"containers"_qs << u"[]core.v1.Container"_qs << 2 << true;
    QTest::newRow("map-of-quantities") << u"core.v1.PodSpec"_qs << u"overhead"_qs << u"map[string]Quantity"_qs << 32 << false;
    QTest::newRow("cross-file-reference") << u"apps.v1.DeploymentSpec"_qs << u"template"_qs << u"core.v1.PodTemplateSpec"_qs << 3 << true;
    QTest::newRow("int-or-string") << u"apps.v1.RollingUpdateDeployment"_qs << u"maxSurge"_qs << u"IntOrString"_qs << 2 << false;
    QTest::newRow("meta-type") << u"meta.v1.ObjectMeta"_qs << u"creationTimestamp"_qs << u"Time"_qs << 8 << false;
}

void tst_TypeRegistry::loadsSmallFileSet()
{
    QFETCH(QString, typeName);
    QFETCH(QString, field);
    QFETCH(QString, type);
    QFETCH(int, proto);
    QFETCH(bool, required);
    QCOMPARE(miniFiles().size(), 5);
    auto loaded = TypeRegistry::load(miniFiles());
    QVERIFY2(loaded.ok(), qPrintable(loaded.error().message()));
    const TypeRegistry &r = *loaded.value();
    QCOMPARE(r.kinds().size(), 5);
    const TypeSchemaPtr t = r.type(typeName);
    QVERIFY(t);
    const FieldSchema *f = t->field(field);
    QVERIFY(f);
    QCOMPARE(f->type.toString(), type);
    QCOMPARE(f->proto, proto);
    QCOMPARE(f->required, required);
}

void tst_TypeRegistry::keepsFieldOrder()
{
    auto loaded = TypeRegistry::load(miniFiles());
    QVERIFY2(loaded.ok(), qPrintable(loaded.error().message()));
    const TypeRegistry &r = *loaded.value();
    const TypeSchemaPtr spec = r.type(u"core.v1.PodSpec");
    QVERIFY(spec);
    QStringList names;
    for (const FieldSchema &f : spec->fields)
        names << f.name;
    QCOMPARE(names, (QStringList{u"containers"_qs, u"restartPolicy"_qs, u"nodeSelector"_qs, u"overhead"_qs}));
    const FieldSchema *restart = spec->field(u"restartPolicy");
    QCOMPARE(restart->defaultValue, QJsonValue(u"Always"_qs));
    QCOMPARE(restart->enumValues, (QStringList{u"Always"_qs, u"OnFailure"_qs, u"Never"_qs}));
    const FieldSchema *ports = r.type(u"core.v1.Container")->field(u"ports");
    QCOMPARE(ports->listType, u"map"_qs);
    QCOMPARE(ports->listMapKeys, (QStringList{u"containerPort"_qs, u"protocol"_qs}));
    const KindInfoPtr pod = r.kind({QString(), u"v1"_qs, u"Pod"_qs});
    QVERIFY(pod);
    QCOMPARE(pod->printerColumns.size(), 3);
    QCOMPARE(pod->printerColumns.at(2).priority, 1);
    QVERIFY(pod->subresource(u"status"));
    const KindInfoPtr deploy = r.kind({u"apps"_qs, u"v1"_qs, u"Deployment"_qs});
    QCOMPARE(deploy->subresource(u"scale")->kind, (GroupVersionKind{u"autoscaling"_qs, u"v1"_qs, u"Scale"_qs}));
    QCOMPARE(deploy->listKind(), u"DeploymentList"_qs);
}

void tst_TypeRegistry::loaderErrors_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("expected");

    const QString kindHead = uR"({"group":"broken","version":"v1","kinds":[)"_qs;
    const QString thing = uR"({"kind":"Thing","plural":"things","singular":"thing","namespaced":true,"verbs":["get"],"type":"broken.v1.Thing"})"_qs;
    const QString types = uR"(],"types":{"broken.v1.Thing":{"fields":{"apiVersion":{"type":"string"},"kind":{"type":"string"},"metadata":{"type":"meta.v1.ObjectMeta"}}}}})"_qs;
    const auto withField = [](const QString &field) {
        return uR"({"group":"broken","version":"v1","types":{"broken.v1.Spec":{"fields":{%1}}}})"_qs.arg(field);
    };

    QTest::newRow("invalid-json") << u"{\"group\": "_qs << u"broken_v1.json: invalid JSON"_qs;
    QTest::newRow("unknown-top-level-key") << uR"({"group":"broken","version":"v1","kind":[]})"_qs
                                           << u"broken_v1.json: top level: unknown key \"kind\""_qs;
    QTest::newRow("missing-version") << uR"({"group":"broken"})"_qs << u"broken_v1.json: top level: missing required key \"version\""_qs;
    QTest::newRow("unknown-field-key") << withField(uR"("size":{"type":"int32","propto":3})"_qs)
                                       << u"broken_v1.json: type broken.v1.Spec: field size: unknown key \"propto\""_qs;
    QTest::newRow("field-without-type") << withField(uR"("size":{"proto":3})"_qs)
                                        << u"broken_v1.json: type broken.v1.Spec: field size: missing required key \"type\""_qs;
    QTest::newRow("misspelt-scalar") << withField(uR"("size":{"type":"in32"})"_qs)
                                     << u"broken_v1.json: type broken.v1.Spec: field size: invalid type \"in32\""_qs;
    QTest::newRow("undefined-type-reference") << withField(uR"("template":{"type":"[]broken.v1.Missing"})"_qs)
                                              << u"broken_v1.json: type broken.v1.Spec: field template: undefined type broken.v1.Missing"_qs;
    QTest::newRow("list-map-without-keys") << withField(uR"("items":{"type":"[]string","listType":"map"})"_qs)
                                           << u"broken_v1.json: type broken.v1.Spec: field items: listType map needs listMapKeys"_qs;
    QTest::newRow("bad-patch-strategy") << withField(uR"("items":{"type":"[]string","patchStrategy":"append"})"_qs)
                                        << u"field items: \"patchStrategy\": unsupported value \"append\""_qs;
    QTest::newRow("proto-number-twice") << withField(uR"("a":{"type":"string","proto":1},"b":{"type":"string","proto":1})"_qs)
                                        << u"field b: proto number 1 used twice"_qs;
    QTest::newRow("type-in-wrong-file") << uR"({"group":"broken","version":"v1","types":{"meta.v1.Stray":{"fields":{}}}})"_qs
                                        << u"broken_v1.json: type meta.v1.Stray: belongs in meta_v1.json"_qs;
    QTest::newRow("type-name-without-version") << uR"({"group":"broken","version":"v1","types":{"broken.Thing":{"fields":{}}}})"_qs
                                               << u"broken_v1.json: type broken.Thing: type names have the form"_qs;
    QTest::newRow("type-defined-twice") << uR"({"group":"meta.k8s.io","version":"v1","types":{"meta.v1.ObjectMeta":{"fields":{}}}})"_qs
                                        << u"broken_v1.json: type meta.v1.ObjectMeta: defined twice (also in meta_v1.json)"_qs;
    QTest::newRow("kind-missing-plural") << kindHead + uR"({"kind":"Thing","singular":"thing","namespaced":true,"verbs":["get"],"type":"broken.v1.Thing"})"_qs + types
                                         << u"broken_v1.json: kind Thing: missing required key \"plural\""_qs;
    QTest::newRow("kind-missing-kind") << kindHead + uR"({"plural":"things","singular":"thing","namespaced":true,"verbs":["get"],"type":"broken.v1.Thing"})"_qs + types
                                       << u"broken_v1.json: kinds[0]: missing required key \"kind\""_qs;
    QTest::newRow("kind-unknown-key") << kindHead + uR"({"kind":"Thing","plural":"things","singular":"thing","namespaced":true,"verbs":["get"],"type":"broken.v1.Thing","shortname":["t"]})"_qs + types
                                      << u"broken_v1.json: kind Thing: unknown key \"shortname\""_qs;
    QTest::newRow("kind-empty-verbs") << kindHead + uR"({"kind":"Thing","plural":"things","singular":"thing","namespaced":true,"verbs":[],"type":"broken.v1.Thing"})"_qs + types
                                      << u"broken_v1.json: kind Thing: \"verbs\" must not be empty"_qs;
    QTest::newRow("duplicate-kind") << kindHead + thing + u","_qs + QString(thing).replace(u"things"_qs, u"others"_qs) + types
                                    << u"broken_v1.json: kind Thing: duplicate kind broken/v1, Kind=Thing"_qs;
    QTest::newRow("duplicate-plural") << kindHead + thing + u","_qs + QString(thing).replace(u"\"Thing\""_qs, u"\"Other\""_qs) + types
                                      << u"broken_v1.json: kind Other: duplicate resource things.broken/v1"_qs;
    QTest::newRow("undefined-root-type") << kindHead + QString(thing).replace(u"broken.v1.Thing"_qs, u"broken.v1.Nope"_qs) + types
                                         << u"broken_v1.json: kind Thing: undefined type broken.v1.Nope"_qs;
    QTest::newRow("root-type-without-metadata") << kindHead + thing + uR"(],"types":{"broken.v1.Thing":{"fields":{"apiVersion":{"type":"string"},"kind":{"type":"string"}}}}})"_qs
                                                << u"broken_v1.json: kind Thing: root type broken.v1.Thing lacks the field metadata"_qs;
    QTest::newRow("printer-column-without-name") << kindHead + QString(thing).chopped(1) + uR"(,"printerColumns":[{"type":"string"}]})"_qs + types
                                                 << u"broken_v1.json: kind Thing: printerColumns[0]: missing required key \"name\""_qs;
    QTest::newRow("printer-column-without-type") << kindHead + QString(thing).chopped(1) + uR"(,"printerColumns":[{"name":"Name"}]})"_qs + types
                                                 << u"broken_v1.json: kind Thing: printerColumns[0]: missing required key \"type\""_qs;
    QTest::newRow("subresource-undefined-kind") << kindHead + QString(thing).chopped(1) + uR"(,"subresources":[{"name":"scale","group":"autoscaling","version":"v1","kind":"Scale","verbs":["get"]}]})"_qs + types
                                                << u"broken_v1.json: kind Thing: subresource scale: undefined type autoscaling.v1.Scale"_qs;
}

void tst_TypeRegistry::loaderErrors()
{
    QFETCH(QString, json);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(u"broken_v1.json"_qs));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(json.toUtf8());
    file.close();
    const QString meta = timonel::test::dataPath(u"registry/mini/meta_v1.json"_qs);
    const auto loaded = TypeRegistry::load({meta, file.fileName()});
    QVERIFY(!loaded.ok());
    QVERIFY2(loaded.error().message().contains(expected), qPrintable(loaded.error().message()));
    QVERIFY(!loaded.error().causes().isEmpty());
}

void tst_TypeRegistry::resolveSmallSet_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plural") << u"pods"_qs << u"v1 Pod"_qs;
    QTest::newRow("singular") << u"pod"_qs << u"v1 Pod"_qs;
    QTest::newRow("short-name") << u"po"_qs << u"v1 Pod"_qs;
    QTest::newRow("kind") << u"Pod"_qs << u"v1 Pod"_qs;
    QTest::newRow("group-qualified") << u"deployments.apps"_qs << u"apps/v1 Deployment"_qs;
    QTest::newRow("two-groups-core-first") << u"ev"_qs << u"v1 Event, events.k8s.io/v1 Event"_qs;
    QTest::newRow("qualified-picks-one-group") << u"events.events.k8s.io"_qs << u"events.k8s.io/v1 Event"_qs;
    QTest::newRow("unknown") << u"widgets"_qs << QString();
    QTest::newRow("wrong-group") << u"pods.apps"_qs << QString();
}

void tst_TypeRegistry::resolveSmallSet()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);
    auto loaded = TypeRegistry::load(miniFiles());
    QVERIFY2(loaded.ok(), qPrintable(loaded.error().message()));
    QCOMPARE(describe(loaded.value()->resolve(name)), expected);
}

void tst_TypeRegistry::builtinIsValid()
{
    const QStringList files = TypeRegistry::builtinSchemaFiles();
    QVERIFY(!files.isEmpty());
    QElapsedTimer timer;
    timer.start();
    const auto loaded = TypeRegistry::load(files);
    const qint64 ms = timer.elapsed();
    qInfo("loaded %lld built-in files in %lld ms", qint64(files.size()), ms);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error().message()));
    QVERIFY2(ms < 100, "loading the built-in schema files must stay in the tens of milliseconds");
}

void tst_TypeRegistry::builtinKindsAreComplete()
{
    const TypeRegistry &r = TypeRegistry::builtin();
    QVERIFY(!r.kinds().isEmpty());
    QStringList problems;
    for (const KindInfoPtr &k : r.kinds()) {
        const QString name = k->gvk.toString();
        if (!r.rootType(k->gvk))
            problems << name + u": no root type "_qs + k->rootType;
        if (k->verbs.isEmpty())
            problems << name + u": no verbs"_qs;
        if (k->plural.isEmpty() || k->singular.isEmpty())
            problems << name + u": no plural or singular"_qs;
        if (r.resource(k->gvr()) != k)
            problems << name + u": not found by resource"_qs;
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void tst_TypeRegistry::builtinResolve_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");

    QTest::newRow("po") << u"po"_qs << u"v1 Pod"_qs;
    QTest::newRow("pods") << u"pods"_qs << u"v1 Pod"_qs;
    QTest::newRow("pod") << u"pod"_qs << u"v1 Pod"_qs;
    QTest::newRow("Pod") << u"Pod"_qs << u"v1 Pod"_qs;
    QTest::newRow("PODS-any-case") << u"PODS"_qs << u"v1 Pod"_qs;
    QTest::newRow("deploy") << u"deploy"_qs << u"apps/v1 Deployment"_qs;
    QTest::newRow("deployments.apps") << u"deployments.apps"_qs << u"apps/v1 Deployment"_qs;
    QTest::newRow("deployments.v1.apps") << u"deployments.v1.apps"_qs << u"apps/v1 Deployment"_qs;
    QTest::newRow("deploy.apps-short-qualified") << u"deploy.apps"_qs << u"apps/v1 Deployment"_qs;
    QTest::newRow("ev-both-groups-core-first") << u"ev"_qs << u"v1 Event, events.k8s.io/v1 Event"_qs;
    QTest::newRow("events-both-groups") << u"events"_qs << u"v1 Event, events.k8s.io/v1 Event"_qs;
    QTest::newRow("events.events.k8s.io") << u"events.events.k8s.io"_qs << u"events.k8s.io/v1 Event"_qs;
    QTest::newRow("hpa-preferred-v2") << u"hpa"_qs << u"autoscaling/v2 HorizontalPodAutoscaler"_qs;
    QTest::newRow("hpa.v2.autoscaling") << u"horizontalpodautoscalers.v2.autoscaling"_qs << u"autoscaling/v2 HorizontalPodAutoscaler"_qs;
    QTest::newRow("hpa-absent-version") << u"horizontalpodautoscalers.v9.autoscaling"_qs << QString();
    QTest::newRow("hpa.v1.autoscaling") << u"hpa.v1.autoscaling"_qs << u"autoscaling/v1 HorizontalPodAutoscaler"_qs;
    QTest::newRow("tokenreviews") << u"tokenreviews"_qs << u"authentication.k8s.io/v1 TokenReview"_qs;
    QTest::newRow("selfsubjectreview") << u"selfsubjectreview"_qs << u"authentication.k8s.io/v1 SelfSubjectReview"_qs;
    QTest::newRow("tokenrequest-is-only-a-subresource") << u"tokenrequests"_qs << QString();
    QTest::newRow("cm") << u"cm"_qs << u"v1 ConfigMap"_qs;
    QTest::newRow("svc") << u"svc"_qs << u"v1 Service"_qs;
    QTest::newRow("ns") << u"ns"_qs << u"v1 Namespace"_qs;
    QTest::newRow("no") << u"no"_qs << u"v1 Node"_qs;
    QTest::newRow("pvc") << u"pvc"_qs << u"v1 PersistentVolumeClaim"_qs;
    QTest::newRow("sa") << u"sa"_qs << u"v1 ServiceAccount"_qs;
    QTest::newRow("ds") << u"ds"_qs << u"apps/v1 DaemonSet"_qs;
    QTest::newRow("sts") << u"sts"_qs << u"apps/v1 StatefulSet"_qs;
    QTest::newRow("rs") << u"rs"_qs << u"apps/v1 ReplicaSet"_qs;
    QTest::newRow("cj") << u"cj"_qs << u"batch/v1 CronJob"_qs;
    QTest::newRow("jobs") << u"jobs"_qs << u"batch/v1 Job"_qs;
    QTest::newRow("ing") << u"ing"_qs << u"networking.k8s.io/v1 Ingress"_qs;
    QTest::newRow("netpol") << u"netpol"_qs << u"networking.k8s.io/v1 NetworkPolicy"_qs;
    QTest::newRow("pdb") << u"pdb"_qs << u"policy/v1 PodDisruptionBudget"_qs;
    QTest::newRow("sc") << u"sc"_qs << u"storage.k8s.io/v1 StorageClass"_qs;
    QTest::newRow("crd") << u"crd"_qs << u"apiextensions.k8s.io/v1 CustomResourceDefinition"_qs;
    QTest::newRow("lease") << u"lease"_qs << u"coordination.k8s.io/v1 Lease"_qs;
    QTest::newRow("endpointslices") << u"endpointslices"_qs << u"discovery.k8s.io/v1 EndpointSlice"_qs;
    QTest::newRow("clusterrolebindings") << u"clusterrolebindings"_qs << u"rbac.authorization.k8s.io/v1 ClusterRoleBinding"_qs;
    QTest::newRow("unknown") << u"widgets"_qs << QString();
    QTest::newRow("deployments-wrong-group") << u"deployments.batch"_qs << QString();
}

void tst_TypeRegistry::builtinResolve()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);
    QCOMPARE(describe(TypeRegistry::builtin().resolve(name)), expected);
}

void tst_TypeRegistry::builtinGroupVersionsInUpstreamOrder()
{
    const QList<GroupVersion> gvs = TypeRegistry::builtin().groupVersions();
    QStringList names;
    for (const GroupVersion &gv : gvs)
        names << gv.apiVersion();
    // kube-apiserver's discovery order (group priority, then preferred version first).
    const QStringList upstream = {u"v1"_qs, u"apps/v1"_qs, u"events.k8s.io/v1"_qs, u"authentication.k8s.io/v1"_qs,
                                  u"authorization.k8s.io/v1"_qs, u"autoscaling/v2"_qs,
                                  u"autoscaling/v1"_qs, u"batch/v1"_qs, u"networking.k8s.io/v1"_qs, u"policy/v1"_qs,
                                  u"rbac.authorization.k8s.io/v1"_qs, u"storage.k8s.io/v1"_qs,
                                  u"apiextensions.k8s.io/v1"_qs, u"coordination.k8s.io/v1"_qs, u"discovery.k8s.io/v1"_qs};
    QStringList expected;
    for (const QString &gv : upstream) {
        if (names.contains(gv))
            expected << gv;
    }
    QCOMPARE(names, expected); // also: nothing outside the list (meta.k8s.io/v1 serves no resources)
    QVERIFY2(names.size() >= 12, qPrintable(names.join(u' ')));
}

void tst_TypeRegistry::builtinKindsInCategory_data()
{
    QTest::addColumn<QString>("category");
    QTest::addColumn<QString>("expected");

    // What "kubectl get all" lists: one entry per resource, its preferred version (hpa: v2,
    // although autoscaling/v1 is in the category too).
    QTest::newRow("all") << u"all"_qs
                         << u"v1 Pod, v1 Service, v1 ReplicationController, apps/v1 Deployment, apps/v1 ReplicaSet, "
                            "apps/v1 StatefulSet, apps/v1 DaemonSet, autoscaling/v2 HorizontalPodAutoscaler, "
                            "batch/v1 Job, batch/v1 CronJob"_qs;
    QTest::newRow("api-extensions") << u"api-extensions"_qs << u"apiextensions.k8s.io/v1 CustomResourceDefinition"_qs;
    QTest::newRow("case-sensitive") << u"All"_qs << QString();
    QTest::newRow("unknown") << u"widgets"_qs << QString();
    QTest::newRow("empty") << QString() << QString();
}

void tst_TypeRegistry::builtinKindsInCategory()
{
    QFETCH(QString, category);
    QFETCH(QString, expected);
    QCOMPARE(describe(TypeRegistry::builtin().kindsInCategory(category)), expected);
}

// kubectl maps every group-resource of a category to its preferred version, even when only an
// older version lists the category.
void tst_TypeRegistry::categoryExpandsToPreferredVersion()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto write = [&](const QString &version, const QString &categories) {
        const QString json = uR"({"group":"example.com","version":"%1","kinds":[
            {"kind":"Widget","plural":"widgets","singular":"widget","namespaced":true,"categories":[%2],
             "verbs":["get"],"type":"example.%1.Widget"}],
          "types":{"example.%1.Widget":{"fields":{"apiVersion":{"type":"string"},"kind":{"type":"string"},
            "metadata":{"type":"meta.v1.ObjectMeta"}}}}})"_qs.arg(version, categories);
        QFile file(dir.filePath(u"example_%1.json"_qs.arg(version)));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(json.toUtf8());
    };
    write(u"v1"_qs, u"\"all\""_qs);
    write(u"v1beta1"_qs, u"\"all\""_qs);
    write(u"v2"_qs, QString());
    const QString meta = timonel::test::dataPath(u"registry/mini/meta_v1.json"_qs);
    const auto loaded = TypeRegistry::load({meta, dir.filePath(u"example_v1beta1.json"_qs),
                                            dir.filePath(u"example_v1.json"_qs), dir.filePath(u"example_v2.json"_qs)});
    QVERIFY2(loaded.ok(), qPrintable(loaded.error().message()));
    QCOMPARE(describe(loaded.value()->kindsInCategory(u"all")), u"example.com/v2 Widget"_qs);
}

void tst_TypeRegistry::categoryIncludesCustomResources()
{
    std::unique_ptr<TypeRegistry> cluster = TypeRegistry::builtin().clone();
    const auto crd = Object::parse(QByteArray(crontabCrd).replace(R"("shortNames":["ct"])", R"("shortNames":["ct"],"categories":["all","cron"])"));
    QVERIFY(crd.ok());
    const Status s = cluster->addCustomResource(*crd);
    QVERIFY2(s.isSuccess(), qPrintable(s.message()));
    QCOMPARE(describe(cluster->kindsInCategory(u"cron")), u"stable.example.com/v1 CronTab"_qs);
    const QList<KindInfoPtr> all = cluster->kindsInCategory(u"all");
    QCOMPARE(all.size(), TypeRegistry::builtin().kindsInCategory(u"all").size() + 1);
    QCOMPARE(all.last()->gvk.kind, u"CronTab"_qs); // custom groups come last
    cluster->removeCustomResource(u"crontabs.stable.example.com"_qs);
    QVERIFY(cluster->kindsInCategory(u"cron").isEmpty());
}

void tst_TypeRegistry::builtinFieldAt_data()
{
    QTest::addColumn<QString>("apiVersion");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("type"); // empty: unknown

    QTest::newRow("through-list") << u"apps/v1"_qs << u"Deployment"_qs << u"spec.template.spec.containers.image"_qs << u"string"_qs;
    QTest::newRow("list-itself") << u"apps/v1"_qs << u"Deployment"_qs << u"spec.template.spec.containers"_qs << u"[]core.v1.Container"_qs;
    QTest::newRow("indexed-segment") << u"v1"_qs << u"Pod"_qs << u"spec.containers[0].ports.containerPort"_qs << u"int32"_qs;
    QTest::newRow("int-or-string") << u"apps/v1"_qs << u"Deployment"_qs << u"spec.strategy.rollingUpdate.maxSurge"_qs << u"IntOrString"_qs;
    QTest::newRow("map-of-quantities") << u"v1"_qs << u"Pod"_qs << u"spec.containers.resources.limits"_qs << u"map[string]Quantity"_qs;
    QTest::newRow("metadata") << u"v1"_qs << u"ConfigMap"_qs << u"metadata.creationTimestamp"_qs << u"Time"_qs;
    QTest::newRow("labels-map") << u"v1"_qs << u"Service"_qs << u"metadata.labels"_qs << u"map[string]string"_qs;
    QTest::newRow("cross-group") << u"batch/v1"_qs << u"CronJob"_qs << u"spec.jobTemplate.spec.template.spec.restartPolicy"_qs << u"string"_qs;
    QTest::newRow("unknown-field") << u"apps/v1"_qs << u"Deployment"_qs << u"spec.replica"_qs << QString();
    QTest::newRow("below-a-scalar") << u"apps/v1"_qs << u"Deployment"_qs << u"spec.replicas.value"_qs << QString();
    QTest::newRow("unknown-kind") << u"apps/v1"_qs << u"Widget"_qs << u"spec"_qs << QString();
}

void tst_TypeRegistry::builtinFieldAt()
{
    QFETCH(QString, apiVersion);
    QFETCH(QString, kind);
    QFETCH(QString, path);
    QFETCH(QString, type);
    const std::optional<FieldSchema> f = TypeRegistry::builtin().fieldAt(gvkFromApiVersion(apiVersion, kind), path);
    QCOMPARE(f ? f->type.toString() : QString(), type);
}

// Every field of the upstream round-trip fixtures must be known to the registry with a
// compatible JSON type. Reports every mismatch at once.
void tst_TypeRegistry::goldenFixturesMatchRegistry()
{
    const QString dirPath = timonel::test::roundtripFixturesDir();
    if (dirPath.isEmpty())
        QSKIP("shared/data/k8s-roundtrip is not available");
    const TypeRegistry &r = TypeRegistry::builtin();
    const QDir dir(dirPath);
    QStringList problems, checked, skipped;
    for (const QString &name : dir.entryList({u"*.json"_qs}, QDir::Files, QDir::Name)) {
        // <group>.<version>.<Kind>.json; "core" is the legacy group.
        const QStringList parts = name.chopped(5).split(u'.');
        if (parts.size() < 3)
            continue;
        const QString kind = parts.last();
        const QString version = parts.at(parts.size() - 2);
        QString group = parts.mid(0, parts.size() - 2).join(u'.');
        if (group == u"core")
            group.clear();
        QString rootType;
        if (const KindInfoPtr k = r.kind({group, version, kind}))
            rootType = k->rootType;
        else if (const QString t = parts.first() + u'.' + version + u'.' + kind; r.type(t)) // policy.v1.Eviction
            rootType = t;
        else if (r.type(u"meta.v1."_qs + kind)) // Status, DeleteOptions, WatchEvent
            rootType = u"meta.v1."_qs + kind;
        if (rootType.isEmpty()) {
            skipped << name;
            continue;
        }
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
        QVERIFY2(!object.isEmpty(), qPrintable(name));
        QStringList found;
        walk(r, object, FieldType::parse(rootType), QString(), found);
        for (const QString &p : std::as_const(found))
            problems << name + u": "_qs + p;
        checked << name;
    }
    qInfo("checked %lld fixtures; skipped (kind not in the registry): %s", qint64(checked.size()),
          qPrintable(skipped.join(u", "_qs)));
    QVERIFY2(checked.size() >= 35, qPrintable(u"only %1 fixtures checked"_qs.arg(checked.size())));
    QVERIFY2(problems.isEmpty(), qPrintable(u"\n"_qs + problems.join(u'\n')));
}

void tst_TypeRegistry::cloneKeepsBuiltinUntouched()
{
    std::unique_ptr<TypeRegistry> cluster = TypeRegistry::builtin().clone();
    const auto crd = Object::parse(QByteArray(crontabCrd));
    QVERIFY(crd.ok());
    const Status s = cluster->addCustomResource(*crd);
    QVERIFY2(s.isSuccess(), qPrintable(s.message()));
    QCOMPARE(describe(cluster->resolve(u"ct")), u"stable.example.com/v1 CronTab"_qs);
    QVERIFY(TypeRegistry::builtin().resolve(u"ct").isEmpty());
    QCOMPARE(describe(cluster->resolve(u"po")), u"v1 Pod"_qs);
    const QList<GroupVersion> gvs = cluster->groupVersions();
    QCOMPARE(gvs.last().apiVersion(), u"stable.example.com/v1"_qs); // custom groups come last
    QCOMPARE(cluster->fieldAt({u"stable.example.com"_qs, u"v1"_qs, u"CronTab"_qs}, u"metadata.name").value().type.toString(),
             u"string"_qs);
}

void tst_TypeRegistry::concurrentReadsDuringCrdChanges()
{
    std::unique_ptr<TypeRegistry> cluster = TypeRegistry::builtin().clone();
    const auto crd = Object::parse(QByteArray(crontabCrd));
    QVERIFY(crd.ok());
    std::atomic<bool> stop = false;
    std::atomic<int> reads = 0;
    std::atomic<int> wrong = 0;
    std::thread reader([&] {
        while (!stop) {
            const QList<KindInfoPtr> found = cluster->resolve(u"ct");
            if (!found.isEmpty() && found.first()->plural != u"crontabs")
                ++wrong;
            if (!cluster->fieldAt({QString(), u"v1"_qs, u"Pod"_qs}, u"spec.containers.image"))
                ++wrong;
            ++reads;
        }
    });
    // On a busy machine the writes below can all finish before the reader is first scheduled;
    // start writing only once it reads, so the two overlap.
    while (reads.load() == 0)
        std::this_thread::yield();
    for (int i = 0; i < 200; ++i) {
        if (!cluster->addCustomResource(*crd).isSuccess())
            ++wrong;
        cluster->removeCustomResource(u"crontabs.stable.example.com"_qs);
    }
    stop = true;
    reader.join();
    QCOMPARE(wrong.load(), 0);
    QVERIFY(reads.load() > 0);
    QCOMPARE(cluster->generation(), quint64(400));
    QVERIFY(cluster->customResourceNames().isEmpty());
}

QTEST_GUILESS_MAIN(tst_TypeRegistry)
#include "tst_typeregistry.moc"
