#include "kube/api/crdschema.h"
#include "kube/api/typeregistry.h"
#include "tests/support/testpaths.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace kube;

namespace {

const GroupVersionKind cronTab{u"stable.example.com"_qs, u"v1"_qs, u"CronTab"_qs};

QByteArray crontabBytes()
{
    QFile file(timonel::test::dataPath(u"registry/crd/crontab.json"_qs));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", qPrintable(file.fileName()));
    return file.readAll();
}

Object crontab()
{
    const auto parsed = Object::parse(crontabBytes());
    if (!parsed.ok())
        qFatal("crontab.json: %s", qPrintable(parsed.error().message()));
    return *parsed;
}

// Sets (or, with an undefined value, removes) the value at a path of keys and array indices.
QJsonValue edited(const QJsonValue &node, QStringList path, const QJsonValue &value)
{
    if (path.isEmpty())
        return value;
    const QString head = path.takeFirst();
    bool isIndex = false;
    const int index = head.toInt(&isIndex);
    if (isIndex && node.isArray()) {
        QJsonArray a = node.toArray();
        a[index] = edited(a.at(index), path, value);
        return a;
    }
    QJsonObject o = node.toObject();
    if (path.isEmpty() && value.isUndefined())
        o.remove(head);
    else
        o[head] = edited(o.value(head), path, value);
    return o;
}

QStringList columnNames(const KindInfo &k)
{
    QStringList out;
    for (const PrinterColumn &c : k.printerColumns)
        out << c.name;
    return out;
}

} // namespace

class tst_CrdSchema : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void convertsFieldTypes_data();
    void convertsFieldTypes();
    void rootAndNestedTypes();
    void kindFromNamesAndVersions();
    void printerColumns();
    void defaultPrinterColumns();
    void rejectsMalformed_data();
    void rejectsMalformed();
    void rejectsNonCrd();
    void registryAddResolveRemove();
    void registryReplacesOnUpdate();
    void registryRejectsConflicts();
};

void tst_CrdSchema::convertsFieldTypes_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("type");
    QTest::addColumn<bool>("required");

    const QString root = u"stable.example.com.v1.CronTab"_qs;
    QTest::newRow("string") << u"spec.cronSpec"_qs << u"string"_qs << true;
    QTest::newRow("int32-format") << u"spec.replicas"_qs << u"int32"_qs << false;
    QTest::newRow("integer-defaults-to-int64") << u"spec.budget"_qs << u"int64"_qs << false;
    QTest::newRow("number") << u"spec.ratio"_qs << u"double"_qs << false;
    QTest::newRow("boolean") << u"spec.suspend"_qs << u"boolean"_qs << false;
    QTest::newRow("int-or-string") << u"spec.maxSurge"_qs << u"IntOrString"_qs << false;
    QTest::newRow("byte-format") << u"spec.payload"_qs << u"bytes"_qs << false;
    QTest::newRow("array-of-objects") << u"spec.containers"_qs << u"[]"_qs + root + u".spec.containers"_qs << false;
    QTest::newRow("through-array") << u"spec.containers.name"_qs << u"string"_qs << true;
    QTest::newRow("array-of-strings") << u"spec.containers.args"_qs << u"[]string"_qs << false;
    QTest::newRow("map-of-strings") << u"spec.containers.env"_qs << u"map[string]string"_qs << false;
    QTest::newRow("map-of-int-or-string") << u"spec.containers.resources"_qs << u"map[string]IntOrString"_qs << false;
    QTest::newRow("map-of-objects") << u"spec.labelsByZone"_qs << u"map[string]"_qs + root + u".spec.labelsByZone"_qs << false;
    QTest::newRow("through-map") << u"spec.labelsByZone.weight"_qs << u"int32"_qs << false;
    QTest::newRow("preserve-unknown-without-properties") << u"spec.config"_qs << u"any"_qs << false;
    QTest::newRow("preserve-unknown-with-properties") << u"spec.template"_qs << root + u".spec.template"_qs << false;
    QTest::newRow("embedded-resource") << u"spec.embedded"_qs << u"any"_qs << false;
    QTest::newRow("nested-arrays") << u"spec.matrix"_qs << u"[][]int64"_qs << false;
    QTest::newRow("date-time-stays-string") << u"status.lastScheduleTime"_qs << u"string"_qs << false;
    QTest::newRow("metadata-is-object-meta") << u"metadata"_qs << u"meta.v1.ObjectMeta"_qs << false;
}

void tst_CrdSchema::convertsFieldTypes()
{
    QFETCH(QString, path);
    QFETCH(QString, type);
    QFETCH(bool, required);
    std::unique_ptr<TypeRegistry> r = TypeRegistry::builtin().clone();
    const Status s = r->addCustomResource(crontab());
    QVERIFY2(s.isSuccess(), qPrintable(s.message()));
    const std::optional<FieldSchema> f = r->fieldAt(cronTab, path);
    QVERIFY(f);
    QCOMPARE(f->type.toString(), type);
    QCOMPARE(f->required, required);
}

void tst_CrdSchema::rootAndNestedTypes()
{
    const auto schema = CrdSchema::fromObject(crontab());
    QVERIFY2(schema.ok(), qPrintable(schema.error().message()));
    QStringList names;
    for (const TypeSchemaPtr &t : schema->types)
        names << t->name;
    const QString root = u"stable.example.com.v1.CronTab"_qs;
    QCOMPARE(names.first(), root); // roots first; the unserved v1beta1 contributes nothing
    QVERIFY(names.contains(root + u".spec.containers"_qs));
    QVERIFY(names.contains(root + u".spec.labelsByZone"_qs));
    QVERIFY(!names.contains(u"stable.example.com.v1beta1.CronTab"_qs));

    const TypeSchemaPtr top = schema->types.first();
    QStringList fields;
    for (const FieldSchema &f : top->fields)
        fields << f.name;
    QCOMPARE(fields, (QStringList{u"apiVersion"_qs, u"kind"_qs, u"metadata"_qs, u"spec"_qs, u"status"_qs}));
    QCOMPARE(top->description, u"A cron job as a custom resource."_qs);

    TypeSchemaPtr spec;
    for (const TypeSchemaPtr &t : schema->types) {
        if (t->name == root + u".spec"_qs)
            spec = t;
    }
    QVERIFY(spec);
    QCOMPARE(spec->fields.first().name, u"cronSpec"_qs); // schema order, not alphabetical
    const FieldSchema *policy = spec->field(u"concurrencyPolicy");
    QCOMPARE(policy->enumValues, (QStringList{u"Allow"_qs, u"Forbid"_qs, u"Replace"_qs}));
    QCOMPARE(policy->defaultValue, QJsonValue(u"Allow"_qs));
    QCOMPARE(spec->field(u"replicas")->defaultValue, QJsonValue(1));
    const FieldSchema *containers = spec->field(u"containers");
    QCOMPARE(containers->listType, u"map"_qs);
    QCOMPARE(containers->listMapKeys, QStringList{u"name"_qs});
    QCOMPARE(containers->proto, 0);
    for (const TypeSchemaPtr &t : schema->types) {
        if (t->name == root + u".spec.template"_qs)
            QVERIFY(t->preserveUnknownFields);
        if (t->name == root + u".spec"_qs)
            QVERIFY(!t->preserveUnknownFields);
    }
}

void tst_CrdSchema::kindFromNamesAndVersions()
{
    const auto schema = CrdSchema::fromObject(crontab());
    QVERIFY2(schema.ok(), qPrintable(schema.error().message()));
    QCOMPARE(schema->name, u"crontabs.stable.example.com"_qs);
    QCOMPARE(schema->storageVersion, u"v1"_qs);
    QCOMPARE(schema->kinds.size(), 1); // v1beta1 is not served
    const KindInfo &k = *schema->kinds.first();
    QCOMPARE(k.gvk, cronTab);
    QCOMPARE(k.plural, u"crontabs"_qs);
    QCOMPARE(k.singular, u"crontab"_qs);
    QCOMPARE(k.shortNames, QStringList{u"ct"_qs});
    QCOMPARE(k.categories, (QStringList{u"all"_qs, u"example"_qs}));
    QVERIFY(k.namespaced);
    QVERIFY(k.isCustom);
    QCOMPARE(k.listKind(), u"CronTabList"_qs);
    QCOMPARE(k.rootType, u"stable.example.com.v1.CronTab"_qs);
    QVERIFY(k.verbs.contains(u"watch"_qs));
    QVERIFY(k.subresource(u"status"));
    const SubresourceInfo *scale = k.subresource(u"scale");
    QVERIFY(scale);
    QCOMPARE(scale->kind, (GroupVersionKind{u"autoscaling"_qs, u"v1"_qs, u"Scale"_qs}));
    QCOMPARE(scale->specReplicasPath, u".spec.replicas"_qs);
    QCOMPARE(scale->labelSelectorPath, u".status.selector"_qs);
}

void tst_CrdSchema::printerColumns()
{
    const auto schema = CrdSchema::fromObject(crontab());
    QVERIFY2(schema.ok(), qPrintable(schema.error().message()));
    const KindInfo &k = *schema->kinds.first();
    QCOMPARE(columnNames(k), (QStringList{u"Name"_qs, u"Spec"_qs, u"Replicas"_qs, u"Image"_qs, u"Age"_qs}));
    QCOMPARE(k.printerColumns.at(0).format, u"name"_qs);
    QCOMPARE(k.printerColumns.at(1).jsonPath, u".spec.cronSpec"_qs);
    QCOMPARE(k.printerColumns.at(2).type, u"integer"_qs);
    QCOMPARE(k.printerColumns.at(3).priority, 1);
    QCOMPARE(k.printerColumns.at(4).type, u"date"_qs);
}

void tst_CrdSchema::defaultPrinterColumns()
{
    QJsonObject crd = QJsonDocument::fromJson(crontabBytes()).object();
    crd = edited(crd, {u"spec"_qs, u"versions"_qs, u"0"_qs, u"additionalPrinterColumns"_qs}, QJsonValue::Undefined).toObject();
    const auto schema = CrdSchema::fromObject(Object::fromJson(crd));
    QVERIFY2(schema.ok(), qPrintable(schema.error().message()));
    const KindInfo &k = *schema->kinds.first();
    QCOMPARE(columnNames(k), (QStringList{u"Name"_qs, u"Age"_qs}));
    QCOMPARE(k.printerColumns.at(1).jsonPath, u".metadata.creationTimestamp"_qs);
    QCOMPARE(k.printerColumns.at(1).type, u"date"_qs);
}

void tst_CrdSchema::rejectsMalformed_data()
{
    QTest::addColumn<QString>("path"); // slash-separated keys and indices to edit
    QTest::addColumn<QJsonValue>("value"); // Undefined: remove
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");

    const QString schema = u"spec/versions/0/schema/openAPIV3Schema"_qs;
    const QString schemaField = u"spec.versions[0].schema.openAPIV3Schema"_qs;
    QTest::newRow("missing-group") << u"spec/group"_qs << QJsonValue(QJsonValue::Undefined) << u"spec.group"_qs << u"Required value"_qs;
    QTest::newRow("group-without-dot") << u"spec/group"_qs << QJsonValue(u"example"_qs) << u"spec.group"_qs
                                       << u"Invalid value: \"example\": should be a domain with at least one dot"_qs;
    QTest::newRow("name-not-plural-dot-group") << u"metadata/name"_qs << QJsonValue(u"crons.stable.example.com"_qs) << u"metadata.name"_qs
                                               << u"must be spec.names.plural+\".\"+spec.group"_qs;
    QTest::newRow("missing-kind") << u"spec/names/kind"_qs << QJsonValue(QJsonValue::Undefined) << u"spec.names.kind"_qs << u"Required value"_qs;
    QTest::newRow("uppercase-plural") << u"spec/names/plural"_qs << QJsonValue(u"CronTabs"_qs) << u"spec.names.plural"_qs
                                      << u"Invalid value: \"CronTabs\": a lowercase RFC 1123 label"_qs;
    QTest::newRow("bad-short-name") << u"spec/names/shortNames/0"_qs << QJsonValue(u"c_t"_qs) << u"spec.names.shortNames[0]"_qs
                                    << u"Invalid value: \"c_t\""_qs;
    QTest::newRow("unsupported-scope") << u"spec/scope"_qs << QJsonValue(u"Global"_qs) << u"spec.scope"_qs
                                       << u"Unsupported value: \"Global\": supported values: \"Cluster\", \"Namespaced\""_qs;
    QTest::newRow("missing-scope") << u"spec/scope"_qs << QJsonValue(QJsonValue::Undefined) << u"spec.scope"_qs << u"Required value"_qs;
    QTest::newRow("no-versions") << u"spec/versions"_qs << QJsonValue(QJsonArray()) << u"spec.versions"_qs << u"Required value"_qs;
    QTest::newRow("no-storage-version") << u"spec/versions/0/storage"_qs << QJsonValue(false) << u"spec.versions"_qs
                                        << u"must have exactly one version marked as storage version"_qs;
    QTest::newRow("two-storage-versions") << u"spec/versions/1/storage"_qs << QJsonValue(true) << u"spec.versions"_qs
                                          << u"must have exactly one version marked as storage version"_qs;
    QTest::newRow("duplicate-version") << u"spec/versions/1/name"_qs << QJsonValue(u"v1"_qs) << u"spec.versions[1].name"_qs
                                       << u"Duplicate value: \"v1\""_qs;
    QTest::newRow("missing-schema") << u"spec/versions/0/schema"_qs << QJsonValue(QJsonValue::Undefined) << schemaField
                                    << u"Required value: schemas are required"_qs;
    QTest::newRow("root-not-object") << schema + u"/type"_qs << QJsonValue(u"array"_qs) << schemaField + u".type"_qs
                                     << u"Invalid value: \"array\": must be object at the root"_qs;
    QTest::newRow("unsupported-property-type") << schema + u"/properties/spec/type"_qs << QJsonValue(u"map"_qs)
                                               << schemaField + u".properties[spec].type"_qs << u"Unsupported value: \"map\""_qs;
    QTest::newRow("property-without-type") << schema + u"/properties/spec/properties/image/type"_qs << QJsonValue(QJsonValue::Undefined)
                                           << schemaField + u".properties[spec].properties[image].type"_qs
                                           << u"Required value: must not be empty for specified object fields"_qs;
    QTest::newRow("array-without-items") << schema + u"/properties/spec/properties/containers/items"_qs << QJsonValue(QJsonValue::Undefined)
                                         << schemaField + u".properties[spec].properties[containers].items"_qs << u"Required value"_qs;
    QTest::newRow("nested-item-type") << schema + u"/properties/spec/properties/containers/items/properties/name/type"_qs << QJsonValue(u"text"_qs)
                                      << schemaField + u".properties[spec].properties[containers].items.properties[name].type"_qs
                                      << u"Unsupported value: \"text\""_qs;
    QTest::newRow("list-map-without-keys") << schema + u"/properties/spec/properties/containers/x-kubernetes-list-map-keys"_qs
                                           << QJsonValue(QJsonValue::Undefined)
                                           << schemaField + u".properties[spec].properties[containers].x-kubernetes-list-map-keys"_qs
                                           << u"Required value"_qs;
    QTest::newRow("properties-and-additional-properties") << schema + u"/properties/status/additionalProperties"_qs
                                                          << QJsonValue(QJsonObject{{u"type"_qs, u"string"_qs}})
                                                          << schemaField + u".properties[status].additionalProperties"_qs
                                                          << u"Forbidden"_qs;
    QTest::newRow("column-without-json-path") << u"spec/versions/0/additionalPrinterColumns/1/jsonPath"_qs << QJsonValue(QJsonValue::Undefined)
                                              << u"spec.versions[0].additionalPrinterColumns[1].jsonPath"_qs << u"Required value"_qs;
    QTest::newRow("column-without-name") << u"spec/versions/0/additionalPrinterColumns/0/name"_qs << QJsonValue(QJsonValue::Undefined)
                                         << u"spec.versions[0].additionalPrinterColumns[0].name"_qs << u"Required value"_qs;
    QTest::newRow("column-bad-type") << u"spec/versions/0/additionalPrinterColumns/0/type"_qs << QJsonValue(u"text"_qs)
                                     << u"spec.versions[0].additionalPrinterColumns[0].type"_qs << u"Unsupported value: \"text\""_qs;
    QTest::newRow("column-negative-priority") << u"spec/versions/0/additionalPrinterColumns/0/priority"_qs << QJsonValue(-1)
                                              << u"spec.versions[0].additionalPrinterColumns[0].priority"_qs
                                              << u"must be greater than or equal to 0"_qs;
    QTest::newRow("scale-without-spec-replicas") << u"spec/versions/0/subresources/scale/specReplicasPath"_qs << QJsonValue(QJsonValue::Undefined)
                                                 << u"spec.versions[0].subresources.scale.specReplicasPath"_qs << u"Required value"_qs;
    QTest::newRow("preserve-unknown-fields-v1") << u"spec/preserveUnknownFields"_qs << QJsonValue(true)
                                                << u"spec.preserveUnknownFields"_qs << u"must be false"_qs;
}

void tst_CrdSchema::rejectsMalformed()
{
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, field);
    QFETCH(QString, message);
    const QJsonObject crd = edited(QJsonDocument::fromJson(crontabBytes()).object(), path.split(u'/'), value).toObject();
    const auto schema = CrdSchema::fromObject(Object::fromJson(crd));
    QVERIFY(!schema.ok());
    const Status &s = schema.error();
    QCOMPARE(s.code(), 422);
    QVERIFY(s.is(reason::Invalid));
    QCOMPARE(s.detailsKind(), u"CustomResourceDefinition"_qs);
    QCOMPARE(s.detailsGroup(), u"apiextensions.k8s.io"_qs);
    bool found = false;
    for (const StatusCause &c : s.causes())
        found = found || (c.field == field && c.message.contains(message));
    QVERIFY2(found, qPrintable(s.message()));
    QVERIFY2(s.message().contains(field + u": "_qs), qPrintable(s.message()));
}

void tst_CrdSchema::rejectsNonCrd()
{
    const auto configMap = Object::parse(R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"}})");
    QVERIFY(configMap.ok());
    const auto schema = CrdSchema::fromObject(*configMap);
    QVERIFY(!schema.ok());
    QCOMPARE(schema.error().code(), 400);
    TypeRegistry r;
    QCOMPARE(r.addCustomResource(*configMap).code(), 400);
}

void tst_CrdSchema::registryAddResolveRemove()
{
    std::unique_ptr<TypeRegistry> r = TypeRegistry::builtin().clone();
    const quint64 before = r->generation();
    QVERIFY(r->addCustomResource(crontab()).isSuccess());
    QCOMPARE(r->generation(), before + 1);
    QCOMPARE(r->customResourceNames(), QStringList{u"crontabs.stable.example.com"_qs});
    for (const QString &name : {u"ct"_qs, u"crontabs"_qs, u"crontab"_qs, u"CronTab"_qs, u"crontabs.stable.example.com"_qs,
                                u"crontabs.v1.stable.example.com"_qs}) {
        const QList<KindInfoPtr> found = r->resolve(name);
        QVERIFY2(found.size() == 1 && found.first()->gvk == cronTab, qPrintable(name));
    }
    QVERIFY(r->resource({u"stable.example.com"_qs, u"v1"_qs, u"crontabs"_qs}));
    const TypeSchemaPtr held = r->rootType(cronTab);
    QVERIFY(held);

    r->removeCustomResource(u"crontabs.stable.example.com"_qs);
    QVERIFY(r->resolve(u"ct").isEmpty());
    QVERIFY(!r->kind(cronTab));
    QVERIFY(!r->type(u"stable.example.com.v1.CronTab.spec"));
    QCOMPARE(held->name, u"stable.example.com.v1.CronTab"_qs); // readers' pointers stay valid
    QVERIFY(r->customResourceNames().isEmpty());
}

void tst_CrdSchema::registryReplacesOnUpdate()
{
    std::unique_ptr<TypeRegistry> r = TypeRegistry::builtin().clone();
    QVERIFY(r->addCustomResource(crontab()).isSuccess());
    // Serve v1beta1 too and drop a field from v1: the update replaces every kind and type.
    QJsonObject crd = QJsonDocument::fromJson(crontabBytes()).object();
    crd = edited(crd, {u"spec"_qs, u"versions"_qs, u"1"_qs, u"served"_qs}, true).toObject();
    crd = edited(crd, u"spec/versions/0/schema/openAPIV3Schema/properties/spec/properties/ratio"_qs.split(u'/'),
                 QJsonValue::Undefined).toObject();
    const Status s = r->addCustomResource(Object::fromJson(crd));
    QVERIFY2(s.isSuccess(), qPrintable(s.message()));
    QVERIFY(!r->fieldAt(cronTab, u"spec.ratio"));
    QVERIFY(r->fieldAt(cronTab, u"spec.image"));
    QVERIFY(r->kind({u"stable.example.com"_qs, u"v1beta1"_qs, u"CronTab"_qs}));
    const QList<KindInfoPtr> found = r->resolve(u"ct");
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first()->gvk.version, u"v1"_qs); // preferred over v1beta1
    QCOMPARE(r->resolve(u"crontabs.v1beta1.stable.example.com").first()->gvk.version, u"v1beta1"_qs);
}

void tst_CrdSchema::registryRejectsConflicts()
{
    std::unique_ptr<TypeRegistry> r = TypeRegistry::builtin().clone();
    QVERIFY(r->addCustomResource(crontab()).isSuccess());
    // Another CRD of the same group claiming the same kind under another plural.
    QJsonObject other = QJsonDocument::fromJson(crontabBytes()).object();
    other = edited(other, {u"metadata"_qs, u"name"_qs}, u"crons.stable.example.com"_qs).toObject();
    other = edited(other, {u"spec"_qs, u"names"_qs, u"plural"_qs}, u"crons"_qs).toObject();
    const Status s = r->addCustomResource(Object::fromJson(other));
    QCOMPARE(s.code(), 422);
    QVERIFY2(s.message().contains(u"spec.names.kind"_qs), qPrintable(s.message()));
    QCOMPARE(r->customResourceNames(), QStringList{u"crontabs.stable.example.com"_qs});
}

QTEST_GUILESS_MAIN(tst_CrdSchema)
#include "tst_crdschema.moc"
