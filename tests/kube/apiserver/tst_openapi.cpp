#include "kube/apiserver/openapi.h"
#include "kube/apiserver/openapischemas.h"
#include "kube/api/typeregistry.h"
#include "tests/support/testpaths.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace kube;

namespace {

QJsonObject parse(const QByteArray &bytes)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("invalid JSON: %s at %d", qPrintable(error.errorString()), error.offset);
    return doc.object();
}

QJsonObject schemas(const QJsonObject &doc)
{
    return doc.value(u"components").toObject().value(u"schemas").toObject();
}

// A property's schema with a single-element allOf unwrapped, as kubectl explain reads it.
QString refOf(const QJsonObject &property)
{
    if (property.contains(u"$ref"))
        return property.value(u"$ref").toString();
    return property.value(u"allOf").toArray().first().toObject().value(u"$ref").toString();
}

Object crontab()
{
    QFile file(timonel::test::dataPath(u"registry/crd/crontab.json"_qs));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", qPrintable(file.fileName()));
    const auto parsed = Object::parse(file.readAll());
    if (!parsed.ok())
        qFatal("crontab.json: %s", qPrintable(parsed.error().message()));
    return *parsed;
}

// What cli-runtime's queryParamVerifierV3 does: find the PATCH operations whose GVK extension
// is this kind and see whether they list the parameter as a query parameter. Returns the
// number of such operations, and fails when any of them lacks it (the verifier takes
// whichever map entry comes first).
int patchOperationsWithParam(const QJsonObject &doc, const GroupVersionKind &gvk, const QString &param, bool *allHave)
{
    int count = 0;
    *allHave = true;
    const QJsonObject paths = doc.value(u"paths").toObject();
    for (auto it = paths.begin(); it != paths.end(); ++it) {
        const QJsonObject patch = it.value().toObject().value(u"patch").toObject();
        const QJsonObject ext = patch.value(u"x-kubernetes-group-version-kind").toObject();
        if (ext.value(u"group").toString() != gvk.group || ext.value(u"version").toString() != gvk.version
            || ext.value(u"kind").toString() != gvk.kind)
            continue;
        ++count;
        bool found = false;
        for (const QJsonValue &p : patch.value(u"parameters").toArray())
            found = found || (p.toObject().value(u"name").toString() == param && p.toObject().value(u"in").toString() == u"query");
        *allHave = *allHave && found;
    }
    return count;
}

} // namespace

class tst_OpenApi : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void componentNames_data();
    void componentNames();
    void discoveryListsEveryGroupVersion();
    void hashesAreStableAndMatchTheBytes();
    void deploymentSchema();
    void podSpecContainersMergeByName();
    void scalarModels_data();
    void scalarModels();
    void patchCarriesFieldValidation_data();
    void patchCarriesFieldValidation();
    void patchAcceptsStrategicMergePatch();
    void listKindsCarryTheirGvk();
    void inlineFieldsAreFlattened();
    void everyRefResolves();
    void unknownPathsAreNotServed();
    void customResourcesAppearAndRebuild();
    void sizesAndTiming();
};

void tst_OpenApi::componentNames_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("component");
    QTest::newRow("apps") << u"apps.v1.Deployment"_qs << u"io.k8s.api.apps.v1.Deployment"_qs;
    QTest::newRow("core") << u"core.v1.PodSpec"_qs << u"io.k8s.api.core.v1.PodSpec"_qs;
    QTest::newRow("meta") << u"meta.v1.ObjectMeta"_qs << u"io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"_qs;
    QTest::newRow("rbac") << u"rbac.v1.Role"_qs << u"io.k8s.api.rbac.v1.Role"_qs;
    QTest::newRow("networking") << u"networking.v1.Ingress"_qs << u"io.k8s.api.networking.v1.Ingress"_qs;
    QTest::newRow("apiextensions") << u"apiextensions.v1.CustomResourceDefinition"_qs
                                   << u"io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinition"_qs;
}

void tst_OpenApi::componentNames()
{
    QFETCH(QString, type);
    QFETCH(QString, component);
    QCOMPARE(openApiComponentName(type), component);
}

void tst_OpenApi::discoveryListsEveryGroupVersion()
{
    const TypeRegistry &registry = TypeRegistry::builtin();
    OpenApiV3 openapi(registry);
    const QJsonObject paths = parse(openapi.discoveryDocument()).value(u"paths").toObject();
    for (const GroupVersion &gv : registry.groupVersions()) {
        const QString key = gv.group.isEmpty() ? u"api/"_qs + gv.version : u"apis/%1/%2"_qs.arg(gv.group, gv.version);
        QVERIFY2(paths.contains(key), qPrintable(key));
        const QString url = paths.value(key).toObject().value(u"serverRelativeURL").toString();
        QCOMPARE(url, u"/openapi/v3/"_qs + key + u"?hash="_qs + QString::fromLatin1(openapi.hashOf(key)));
        QVERIFY(openapi.groupVersionDocument(key).has_value());
    }
    for (const QString &key : {u"api"_qs, u"apis"_qs, u"apis/apps"_qs, u"version"_qs})
        QVERIFY2(paths.contains(key), qPrintable(key));
    QCOMPARE(paths.size(), openapi.paths().size());
}

void tst_OpenApi::hashesAreStableAndMatchTheBytes()
{
    OpenApiV3 a(TypeRegistry::builtin());
    OpenApiV3 b(TypeRegistry::builtin());
    QCOMPARE(a.discoveryDocument(), b.discoveryDocument());
    for (const QString &path : a.paths()) {
        const QByteArray bytes = *a.document(path);
        const QByteArray hash = a.hashOf(path);
        QCOMPARE(hash.size(), 128);
        QCOMPARE(hash, QCryptographicHash::hash(bytes, QCryptographicHash::Sha512).toHex().toUpper());
        QCOMPARE(b.hashOf(path), hash);
    }
    QCOMPARE(a.hashOf(u"/openapi/v3/apis/apps/v1?hash=whatever"), a.hashOf(u"apis/apps/v1"));
}

void tst_OpenApi::deploymentSchema()
{
    OpenApiV3 openapi(TypeRegistry::builtin());
    const QJsonObject doc = parse(*openapi.groupVersionDocument(u"apis/apps/v1"));
    QCOMPARE(doc.value(u"openapi").toString(), u"3.0.0"_qs);
    QCOMPARE(doc.value(u"info").toObject().value(u"title").toString(), u"Kubernetes"_qs);
    const QJsonObject all = schemas(doc);
    const QJsonObject deployment = all.value(u"io.k8s.api.apps.v1.Deployment").toObject();
    QCOMPARE(deployment.value(u"type").toString(), u"object"_qs);
    const QJsonArray gvk = deployment.value(u"x-kubernetes-group-version-kind").toArray();
    QCOMPARE(gvk.size(), 1);
    QCOMPARE(gvk.first().toObject(), (QJsonObject{{u"group"_qs, u"apps"_qs}, {u"kind"_qs, u"Deployment"_qs}, {u"version"_qs, u"v1"_qs}}));

    const QJsonObject props = deployment.value(u"properties").toObject();
    QCOMPARE(refOf(props.value(u"spec").toObject()), u"#/components/schemas/io.k8s.api.apps.v1.DeploymentSpec"_qs);
    QCOMPARE(refOf(props.value(u"metadata").toObject()), u"#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"_qs);
    QCOMPARE(props.value(u"kind").toObject().value(u"type").toString(), u"string"_qs);

    const QJsonObject spec = all.value(u"io.k8s.api.apps.v1.DeploymentSpec").toObject();
    const QJsonObject specProps = spec.value(u"properties").toObject();
    const QJsonObject replicas = specProps.value(u"replicas").toObject();
    QCOMPARE(replicas.value(u"type").toString(), u"integer"_qs);
    QCOMPARE(replicas.value(u"format").toString(), u"int32"_qs);
    QCOMPARE(replicas.value(u"default").toInt(), 1);
    QCOMPARE(refOf(specProps.value(u"template").toObject()), u"#/components/schemas/io.k8s.api.core.v1.PodTemplateSpec"_qs);
    const QJsonObject strategy = specProps.value(u"strategy").toObject();
    QCOMPARE(refOf(strategy), u"#/components/schemas/io.k8s.api.apps.v1.DeploymentStrategy"_qs);
    QCOMPARE(strategy.value(u"x-kubernetes-patch-strategy").toString(), u"retainKeys"_qs);
    QVERIFY(spec.value(u"required").toArray().contains(u"selector"_qs));
    QVERIFY(spec.value(u"required").toArray().contains(u"template"_qs));
    QVERIFY(all.contains(u"io.k8s.api.core.v1.PodSpec"));
    QVERIFY(all.contains(u"io.k8s.api.autoscaling.v1.Scale")); // the scale subresource's kind
}

void tst_OpenApi::podSpecContainersMergeByName()
{
    OpenApiV3 openapi(TypeRegistry::builtin());
    for (const QString &path : {u"api/v1"_qs, u"apis/apps/v1"_qs, u"apis/batch/v1"_qs}) {
        const QJsonObject podSpec = schemas(parse(*openapi.groupVersionDocument(path))).value(u"io.k8s.api.core.v1.PodSpec").toObject();
        const QJsonObject containers = podSpec.value(u"properties").toObject().value(u"containers").toObject();
        QCOMPARE(containers.value(u"type").toString(), u"array"_qs);
        QCOMPARE(refOf(containers.value(u"items").toObject()), u"#/components/schemas/io.k8s.api.core.v1.Container"_qs);
        QCOMPARE(containers.value(u"x-kubernetes-list-type").toString(), u"map"_qs);
        QCOMPARE(containers.value(u"x-kubernetes-list-map-keys").toArray(), QJsonArray{u"name"_qs});
        QCOMPARE(containers.value(u"x-kubernetes-patch-merge-key").toString(), u"name"_qs);
        QCOMPARE(containers.value(u"x-kubernetes-patch-strategy").toString(), u"merge"_qs);
        QVERIFY(podSpec.value(u"required").toArray().contains(u"containers"_qs));
        const QJsonObject nodeSelector = podSpec.value(u"properties").toObject().value(u"nodeSelector").toObject();
        QCOMPARE(nodeSelector.value(u"type").toString(), u"object"_qs);
        QCOMPARE(nodeSelector.value(u"additionalProperties").toObject().value(u"type").toString(), u"string"_qs);
    }
}

void tst_OpenApi::scalarModels_data()
{
    QTest::addColumn<QString>("component");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("format");
    QTest::newRow("time") << u"io.k8s.apimachinery.pkg.apis.meta.v1.Time"_qs << u"string"_qs << u"date-time"_qs;
    QTest::newRow("int-or-string") << u"io.k8s.apimachinery.pkg.util.intstr.IntOrString"_qs << QString() << u"int-or-string"_qs;
    QTest::newRow("quantity") << u"io.k8s.apimachinery.pkg.api.resource.Quantity"_qs << QString() << QString();
    QTest::newRow("raw-extension") << u"io.k8s.apimachinery.pkg.runtime.RawExtension"_qs << u"object"_qs << QString();
    QTest::newRow("fields-v1") << u"io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1"_qs << u"object"_qs << QString();
}

void tst_OpenApi::scalarModels()
{
    QFETCH(QString, component);
    QFETCH(QString, type);
    QFETCH(QString, format);
    OpenApiV3 openapi(TypeRegistry::builtin());
    const QJsonObject apps = schemas(parse(*openapi.groupVersionDocument(u"apis/apps/v1")));
    QVERIFY2(apps.contains(component), qPrintable(component));
    const QJsonObject all = schemas(parse(*openapi.groupVersionDocument(u"api/v1")));
    const QJsonObject s = apps.value(component).toObject();
    QCOMPARE(s.value(u"type").toString(), type);
    QCOMPARE(s.value(u"format").toString(), format);
    if (component.endsWith(u"IntOrString") || component.endsWith(u"Quantity"))
        QCOMPARE(s.value(u"oneOf").toArray().size(), 2);

    // And the fields using them refer to the component.
    const QJsonObject port = all.value(u"io.k8s.api.core.v1.ServicePort").toObject().value(u"properties").toObject().value(u"targetPort").toObject();
    QCOMPARE(refOf(port), u"#/components/schemas/io.k8s.apimachinery.pkg.util.intstr.IntOrString"_qs);
    const QJsonObject limits = all.value(u"io.k8s.api.core.v1.ResourceRequirements").toObject().value(u"properties").toObject().value(u"limits").toObject();
    QCOMPARE(refOf(limits.value(u"additionalProperties").toObject()), u"#/components/schemas/io.k8s.apimachinery.pkg.api.resource.Quantity"_qs);
}

void tst_OpenApi::patchCarriesFieldValidation_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("group");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("operations");
    // object, status and (Deployment) nothing else with the Deployment GVK: scale is autoscaling/v1 Scale
    QTest::newRow("deployment") << u"apis/apps/v1"_qs << u"apps"_qs << u"Deployment"_qs << 2;
    QTest::newRow("scale") << u"apis/apps/v1"_qs << u"autoscaling"_qs << u"Scale"_qs << 3;
    QTest::newRow("pod") << u"api/v1"_qs << QString() << u"Pod"_qs << 4; // object, status, ephemeralcontainers, resize
    QTest::newRow("configmap") << u"api/v1"_qs << QString() << u"ConfigMap"_qs << 1;
    QTest::newRow("namespace-cluster-scoped") << u"api/v1"_qs << QString() << u"Namespace"_qs << 2;
    QTest::newRow("ingress") << u"apis/networking.k8s.io/v1"_qs << u"networking.k8s.io"_qs << u"Ingress"_qs << 2;
    QTest::newRow("clusterrole") << u"apis/rbac.authorization.k8s.io/v1"_qs << u"rbac.authorization.k8s.io"_qs << u"ClusterRole"_qs << 1;
    QTest::newRow("crd") << u"apis/apiextensions.k8s.io/v1"_qs << u"apiextensions.k8s.io"_qs << u"CustomResourceDefinition"_qs << 2;
}

void tst_OpenApi::patchCarriesFieldValidation()
{
    QFETCH(QString, path);
    QFETCH(QString, group);
    QFETCH(QString, kind);
    QFETCH(int, operations);
    OpenApiV3 openapi(TypeRegistry::builtin());
    const QJsonObject doc = parse(*openapi.groupVersionDocument(path));
    const QString version = u"v1"_qs;
    bool allHave = false;
    QCOMPARE(patchOperationsWithParam(doc, {group, version, kind}, u"fieldValidation"_qs, &allHave), operations);
    QVERIFY(allHave);
    QCOMPARE(patchOperationsWithParam(doc, {group, version, kind}, u"fieldManager"_qs, &allHave), operations);
    QVERIFY(allHave);
    QCOMPARE(patchOperationsWithParam(doc, {group, version, kind}, u"force"_qs, &allHave), operations);
    QVERIFY(allHave);
}

void tst_OpenApi::patchAcceptsStrategicMergePatch()
{
    OpenApiV3 openapi(TypeRegistry::builtin());
    const QJsonObject doc = parse(*openapi.groupVersionDocument(u"apis/apps/v1"));
    const QJsonObject item = doc.value(u"paths").toObject().value(u"/apis/apps/v1/namespaces/{namespace}/deployments/{name}").toObject();
    const QJsonObject patch = item.value(u"patch").toObject();
    QCOMPARE(patch.value(u"operationId").toString(), u"patchAppsV1NamespacedDeployment"_qs);
    QCOMPARE(patch.value(u"x-kubernetes-action").toString(), u"patch"_qs);
    const QJsonObject content = patch.value(u"requestBody").toObject().value(u"content").toObject();
    for (const QString &type : {u"application/strategic-merge-patch+json"_qs, u"application/merge-patch+json"_qs,
                               u"application/json-patch+json"_qs, u"application/apply-patch+yaml"_qs})
        QVERIFY2(content.contains(type), qPrintable(type));
    QVERIFY(item.contains(u"get"));
    QVERIFY(item.contains(u"put"));
    QVERIFY(item.contains(u"delete"));
    const QJsonObject paths = doc.value(u"paths").toObject();
    QVERIFY(paths.contains(u"/apis/apps/v1/namespaces/{namespace}/deployments"));
    QVERIFY(paths.contains(u"/apis/apps/v1/deployments")); // all namespaces
    QVERIFY(paths.contains(u"/apis/apps/v1/namespaces/{namespace}/deployments/{name}/status"));
    QVERIFY(paths.contains(u"/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale"));
    QCOMPARE(paths.value(u"/apis/apps/v1/deployments").toObject().value(u"get").toObject().value(u"operationId").toString(),
             u"listAppsV1DeploymentForAllNamespaces"_qs);
}

void tst_OpenApi::listKindsCarryTheirGvk()
{
    OpenApiV3 openapi(TypeRegistry::builtin());
    const QJsonObject all = schemas(parse(*openapi.groupVersionDocument(u"apis/apps/v1")));
    const QJsonObject list = all.value(u"io.k8s.api.apps.v1.DeploymentList").toObject();
    QCOMPARE(list.value(u"x-kubernetes-group-version-kind").toArray().first().toObject().value(u"kind").toString(), u"DeploymentList"_qs);
    QCOMPARE(refOf(list.value(u"properties").toObject().value(u"items").toObject().value(u"items").toObject()),
             u"#/components/schemas/io.k8s.api.apps.v1.Deployment"_qs);
    const QJsonArray deleteOptions = all.value(u"io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions").toObject().value(u"x-kubernetes-group-version-kind").toArray();
    QVERIFY(deleteOptions.contains(QJsonObject{{u"group"_qs, u"apps"_qs}, {u"kind"_qs, u"DeleteOptions"_qs}, {u"version"_qs, u"v1"_qs}}));
    QVERIFY(deleteOptions.contains(QJsonObject{{u"group"_qs, QString()}, {u"kind"_qs, u"DeleteOptions"_qs}, {u"version"_qs, u"v1"_qs}}));
    const QJsonArray status = all.value(u"io.k8s.apimachinery.pkg.apis.meta.v1.Status").toObject().value(u"x-kubernetes-group-version-kind").toArray();
    QCOMPARE(status.size(), 1);
}

void tst_OpenApi::inlineFieldsAreFlattened()
{
    OpenApiV3 openapi(TypeRegistry::builtin());
    const QJsonObject all = schemas(parse(*openapi.groupVersionDocument(u"api/v1")));
    const QJsonObject volume = all.value(u"io.k8s.api.core.v1.Volume").toObject().value(u"properties").toObject();
    QVERIFY(volume.contains(u"name"));
    QVERIFY(volume.contains(u"configMap"));
    QVERIFY(volume.contains(u"emptyDir"));
    QVERIFY(!volume.contains(u"volumeSource"));
}

void tst_OpenApi::everyRefResolves()
{
    OpenApiV3 openapi(TypeRegistry::builtin());
    for (const QString &path : openapi.paths()) {
        const QJsonObject doc = parse(*openapi.document(path));
        QVERIFY2(!doc.isEmpty(), qPrintable(path));
        QVERIFY2(doc.contains(u"paths") && doc.contains(u"info") && doc.contains(u"openapi"), qPrintable(path));
        const QJsonObject all = schemas(doc);
        QStringList refs;
        openApiCollectRefs(doc, refs);
        for (const QString &ref : std::as_const(refs))
            QVERIFY2(all.contains(ref), qPrintable(path + u": "_qs + ref));
    }
}

void tst_OpenApi::unknownPathsAreNotServed()
{
    OpenApiV3 openapi(TypeRegistry::builtin());
    QVERIFY(!openapi.document(u"apis/nope.example.com/v1").has_value());
    QVERIFY(!openapi.groupVersionDocument(u"apis/apps").has_value()); // served, but not a group-version
    QVERIFY(openapi.document(u"apis/apps").has_value());
    QVERIFY(openapi.hashOf(u"apis/apps/v9").isEmpty());
}

void tst_OpenApi::customResourcesAppearAndRebuild()
{
    auto registry = TypeRegistry::builtin().clone();
    OpenApiV3 openapi(*registry);
    const QByteArray before = openapi.discoveryDocument();
    const QByteArray appsHash = openapi.hashOf(u"apis/apps/v1");
    QVERIFY(!parse(before).value(u"paths").toObject().contains(u"apis/stable.example.com/v1"));

    QVERIFY(registry->addCustomResource(crontab()).isSuccess());
    const QJsonObject paths = parse(openapi.discoveryDocument()).value(u"paths").toObject();
    QVERIFY(paths.contains(u"apis/stable.example.com/v1"));
    QCOMPARE(openapi.hashOf(u"apis/apps/v1"), appsHash); // unchanged documents keep their hash

    const QJsonObject doc = parse(*openapi.groupVersionDocument(u"apis/stable.example.com/v1"));
    const QJsonObject all = schemas(doc);
    const QJsonObject cronTab = all.value(u"com.example.stable.v1.CronTab").toObject();
    QCOMPARE(cronTab.value(u"x-kubernetes-group-version-kind").toArray().first().toObject().value(u"kind").toString(), u"CronTab"_qs);
    const QJsonObject props = cronTab.value(u"properties").toObject();
    QCOMPARE(refOf(props.value(u"metadata").toObject()), u"#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"_qs);
    QCOMPARE(props.value(u"spec").toObject().value(u"type").toString(), u"object"_qs); // nested objects inline
    QVERIFY(props.value(u"spec").toObject().contains(u"properties"));
    QVERIFY(all.contains(u"com.example.stable.v1.CronTabList"));
    bool allHave = false;
    QVERIFY(patchOperationsWithParam(doc, {u"stable.example.com"_qs, u"v1"_qs, u"CronTab"_qs}, u"fieldValidation"_qs, &allHave) >= 1);
    QVERIFY(allHave);

    registry->removeCustomResource(u"crontabs.stable.example.com"_qs);
    QCOMPARE(openapi.discoveryDocument(), before);
}

void tst_OpenApi::sizesAndTiming()
{
    OpenApiV3 openapi(TypeRegistry::builtin());
    QElapsedTimer timer;
    timer.start();
    const QByteArray index = openapi.discoveryDocument();
    const qint64 firstMs = timer.elapsed();
    timer.restart();
    for (int i = 0; i < 100; ++i)
        openapi.discoveryDocument();
    const qint64 cachedMs = timer.elapsed();
    qInfo("build of all %lld documents: %lld ms (%lld KiB total); 100 cached reads: %lld ms",
          qlonglong(openapi.paths().size()), qlonglong(firstMs), qlonglong(openapi.lastBuild().totalBytes / 1024), qlonglong(cachedMs));
    qInfo("index: %lld bytes", qlonglong(index.size()));
    qsizetype largest = 0;
    for (const QString &path : openapi.paths()) {
        const qsizetype size = openapi.document(path)->size();
        largest = std::max(largest, size);
        qInfo("  %-40s %8lld bytes, %4lld schemas", qPrintable(path), qlonglong(size),
              qlonglong(schemas(parse(*openapi.document(path))).size()));
    }
    QVERIFY(largest < 8 * 1024 * 1024);

    // TIMONEL_OPENAPI_DUMP=<dir> writes the index and every document there, for trying them
    // with a real kubectl behind a stub server.
    const QString dump = qEnvironmentVariable("TIMONEL_OPENAPI_DUMP");
    if (dump.isEmpty())
        return;
    const auto write = [&](const QString &name, const QByteArray &bytes) {
        QFile f(dump + u'/' + QString(name).replace(u'/', u"__"_qs) + u".json"_qs);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    };
    write(u"index"_qs, index);
    for (const QString &path : openapi.paths())
        write(path, *openapi.document(path));
    QVERIFY(cachedMs < firstMs + 50);
}

QTEST_GUILESS_MAIN(tst_OpenApi)
#include "tst_openapi.moc"
