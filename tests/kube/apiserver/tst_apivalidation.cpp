// The registry-driven validator (kube/apiserver/validation.h): decoding checks (unknown fields
// per fieldValidation, JSON types), value validation (metadata, required, enums, per-kind
// rules) and their Status, with upstream's codes, reasons, fields and messages.
#include "kube/apiserver/jsonduplicates.h"
#include "kube/apiserver/validation.h"
#include "kube/api/typeregistry.h"
#include "kube/api/yaml.h"

#include "tests/support/testpaths.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <functional>

using namespace kube;

namespace {

QJsonObject parse(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return doc.object();
}

KindInfoPtr kindOf(const QJsonObject &object)
{
    const QString apiVersion = object.value(u"apiVersion").toString();
    const qsizetype slash = apiVersion.indexOf(u'/');
    const QString group = slash < 0 ? QString() : apiVersion.left(slash);
    const QString version = apiVersion.mid(slash + 1);
    return TypeRegistry::builtin().kind({group, version, object.value(u"kind").toString()});
}

// "field|reason|message" per cause, to compare in one go.
QStringList describe(const QList<StatusCause> &causes)
{
    QStringList out;
    for (const StatusCause &c : causes)
        out << c.field + u'|' + c.reason + u'|' + c.message;
    return out;
}

const char kDeployment[] = R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"default"},
  "spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},
  "template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"web","image":"nginx","ports":[{"containerPort":80}]}]}}}})";

// The Deployment above with one change at a dotted path ("spec.replicas").
QJsonObject deploymentWith(const QStringList &path, const QJsonValue &value)
{
    QJsonObject root = parse(kDeployment);
    std::function<QJsonValue(QJsonValue, qsizetype)> set = [&](QJsonValue node, qsizetype i) -> QJsonValue {
        if (i == path.size())
            return value;
        bool isIndex = false;
        const int index = path[i].toInt(&isIndex);
        if (isIndex) {
            QJsonArray a = node.toArray();
            a[index] = set(a.at(index), i + 1);
            return a;
        }
        QJsonObject o = node.toObject();
        const QJsonValue next = set(o.value(path[i]), i + 1);
        if (next.isUndefined())
            o.remove(path[i]);
        else
            o[path[i]] = next;
        return o;
    };
    return set(root, 0).toObject();
}

} // namespace

class tst_ApiValidation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fieldValidationParameter_data();
    void fieldValidationParameter();
    void decoding_data();
    void decoding();
    void unknownFieldsAreDropped();
    void values_data();
    void values();
    void immutableSelector();
    void nameRules_data();
    void nameRules();
    void goValues_data();
    void goValues();
    void upstreamFixturesDecodeCleanly();
    void duplicateKeys_data();
    void duplicateKeys();
    void duplicatesAndUnknownInDocumentOrder();
    void yamlDuplicateKeys_data();
    void yamlDuplicateKeys();
    void yamlDuplicateKeysAreBounded();
};

void tst_ApiValidation::fieldValidationParameter_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("expected"); // -1: refused
    QTest::newRow("absent") << QString() << int(FieldValidation::Warn);
    QTest::newRow("Warn") << u"Warn"_qs << int(FieldValidation::Warn);
    QTest::newRow("Strict") << u"Strict"_qs << int(FieldValidation::Strict);
    QTest::newRow("Ignore") << u"Ignore"_qs << int(FieldValidation::Ignore);
    QTest::newRow("lower case") << u"strict"_qs << -1;
    QTest::newRow("other") << u"Loud"_qs << -1;
}

void tst_ApiValidation::fieldValidationParameter()
{
    QFETCH(QString, value);
    QFETCH(int, expected);
    const auto parsed = parseFieldValidation(value, u"CreateOptions"_qs);
    if (expected >= 0) {
        QVERIFY(parsed.ok());
        QCOMPARE(int(*parsed), expected);
        return;
    }
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().code(), 422);
    QCOMPARE(parsed.error().message(),
             u"CreateOptions.meta.k8s.io \"\" is invalid: fieldValidation: Unsupported value: \"%1\": supported values: \"Ignore\", \"Strict\", \"Warn\""_qs
                 .arg(value));
}

void tst_ApiValidation::decoding_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("directive");
    QTest::addColumn<int>("code"); // 200: accepted
    QTest::addColumn<QString>("message");
    QTest::addColumn<QStringList>("warnings");

    const int strict = int(FieldValidation::Strict), warn = int(FieldValidation::Warn), ignore = int(FieldValidation::Ignore);
    const QByteArray unknown = R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"},
        "spec":{"foo":1,"template":{"spec":{"containers":[{"name":"a","bar":true}]}}},"extra":{}})";
    QTest::newRow("valid") << QByteArray(kDeployment) << strict << 200 << QString() << QStringList();
    QTest::newRow("unknown, Strict")
        << unknown << strict << 400
        << uR"(Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "extra", unknown field "spec.foo", unknown field "spec.template.spec.containers[0].bar")"_qs
        << QStringList();
    QTest::newRow("unknown, Warn") << unknown << warn << 200 << QString()
                                   << QStringList{uR"(unknown field "extra")"_qs, uR"(unknown field "spec.foo")"_qs,
                                                  uR"(unknown field "spec.template.spec.containers[0].bar")"_qs};
    QTest::newRow("unknown, Ignore") << unknown << ignore << 200 << QString() << QStringList();
    QTest::newRow("string for int32")
        << QByteArray(R"({"apiVersion":"apps/v1","kind":"Deployment","spec":{"replicas":"3"}})") << ignore << 400
        << uR"(Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32)"_qs
        << QStringList();
    QTest::newRow("fraction for int32")
        << QByteArray(R"({"apiVersion":"apps/v1","kind":"Deployment","spec":{"replicas":1.5}})") << strict << 400
        << uR"(Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32)"_qs
        << QStringList();
    QTest::newRow("object for list")
        << QByteArray(R"({"apiVersion":"v1","kind":"Pod","spec":{"containers":{}}})") << strict << 400
        << uR"(Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container)"_qs
        << QStringList();
    QTest::newRow("number in string map")
        << QByteArray(R"({"apiVersion":"v1","kind":"ConfigMap","data":{"a":1}})") << strict << 400
        << uR"(ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal number into Go struct field ConfigMap.data of type string)"_qs
        << QStringList();
    QTest::newRow("bool for string")
        << QByteArray(R"({"apiVersion":"v1","kind":"Pod","spec":{"containers":[{"name":true}]}})") << strict << 400
        << uR"(Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal bool into Go struct field Container.spec.containers.name of type string)"_qs
        << QStringList();
    QTest::newRow("bad quantity")
        << QByteArray(R"({"apiVersion":"v1","kind":"Pod","spec":{"containers":[{"name":"a","resources":{"limits":{"cpu":"lots"}}}]}})")
        << strict << 400 << u"Pod in version \"v1\" cannot be handled as a Pod: quantities must match the regular expression"_qs << QStringList();
    QTest::newRow("quantity as number") << QByteArray(R"({"apiVersion":"v1","kind":"Pod","spec":{"containers":[{"name":"a","resources":{"limits":{"cpu":2}}}]}})")
                                        << strict << 200 << QString() << QStringList();
    QTest::newRow("IntOrString as both")
        << QByteArray(R"({"apiVersion":"v1","kind":"Service","spec":{"ports":[{"port":80,"targetPort":"http"},{"port":81,"targetPort":8080}]}})")
        << strict << 200 << QString() << QStringList();
    QTest::newRow("IntOrString as bool")
        << QByteArray(R"({"apiVersion":"v1","kind":"Service","spec":{"ports":[{"port":80,"targetPort":true}]}})") << strict << 400
        << u"json: cannot unmarshal bool into Go struct field ServicePort.spec.ports.targetPort of type intstr.IntOrString"_qs << QStringList();
    QTest::newRow("bad base64") << QByteArray(R"({"apiVersion":"v1","kind":"Secret","data":{"a":"!!!"}})") << strict << 400
                                << u"illegal base64 data"_qs << QStringList();
    QTest::newRow("null is fine") << QByteArray(R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"labels":null},"data":null})")
                                  << strict << 200 << QString() << QStringList();
    QTest::newRow("type error wins over unknown")
        << QByteArray(R"({"apiVersion":"v1","kind":"ConfigMap","foo":1,"immutable":"yes"})") << strict << 400
        << u"json: cannot unmarshal string into Go struct field ConfigMap.immutable of type bool"_qs << QStringList();
}

void tst_ApiValidation::decoding()
{
    QFETCH(QByteArray, json);
    QFETCH(int, directive);
    QFETCH(int, code);
    QFETCH(QString, message);
    QFETCH(QStringList, warnings);

    QJsonObject object = parse(json);
    const KindInfoPtr kind = kindOf(object);
    QVERIFY(kind);
    QStringList got;
    const Status s = checkDecoding(object, *kind, TypeRegistry::builtin(), FieldValidation(directive), &got);
    QCOMPARE(s.isSuccess() ? 200 : s.code(), code);
    if (code == 400)
        QCOMPARE(s.reason(), u"BadRequest"_qs);
    if (!message.isEmpty())
        QVERIFY2(s.message().contains(message), qPrintable(s.message()));
    QCOMPARE(got, warnings);
}

void tst_ApiValidation::unknownFieldsAreDropped()
{
    QJsonObject object = parse(R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d","bogus":1},
        "spec":{"foo":1,"replicas":1,"template":{"spec":{"containers":[{"name":"a","bar":true}]}}}})");
    const KindInfoPtr kind = kindOf(object);
    const DecodingFindings f = findDecodingProblems(object, *kind, TypeRegistry::builtin());
    QCOMPARE(f.unknownFields, (QStringList{u"metadata.bogus"_qs, u"spec.foo"_qs, u"spec.template.spec.containers[0].bar"_qs}));
    QCOMPARE(QJsonDocument(object).toJson(QJsonDocument::Compact),
             QByteArray(R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"},"spec":{"replicas":1,"template":{"spec":{"containers":[{"name":"a"}]}}}})"));
}

void tst_ApiValidation::values_data()
{
    QTest::addColumn<QJsonObject>("object");
    QTest::addColumn<QStringList>("causes");

    QTest::newRow("valid deployment") << parse(kDeployment) << QStringList();
    QTest::newRow("negative replicas") << deploymentWith({u"spec"_qs, u"replicas"_qs}, -1)
                                       << QStringList{u"spec.replicas|FieldValueInvalid|Invalid value: -1: must be greater than or equal to 0"_qs};
    QTest::newRow("missing image") << deploymentWith({u"spec"_qs, u"template"_qs, u"spec"_qs, u"containers"_qs, u"0"_qs, u"image"_qs}, QJsonValue::Undefined)
                                   << QStringList{u"spec.template.spec.containers[0].image|FieldValueRequired|Required value"_qs};
    QTest::newRow("missing container name")
        << deploymentWith({u"spec"_qs, u"template"_qs, u"spec"_qs, u"containers"_qs, u"0"_qs, u"name"_qs}, QJsonValue::Undefined)
        << QStringList{u"spec.template.spec.containers[0].name|FieldValueRequired|Required value"_qs};
    QTest::newRow("no containers") << deploymentWith({u"spec"_qs, u"template"_qs, u"spec"_qs, u"containers"_qs}, QJsonArray())
                                   << QStringList{u"spec.template.spec.containers|FieldValueRequired|Required value"_qs};
    QTest::newRow("selector mismatch")
        << deploymentWith({u"spec"_qs, u"selector"_qs, u"matchLabels"_qs, u"app"_qs}, u"api"_qs)
        << QStringList{u"spec.template.metadata.labels|FieldValueInvalid|Invalid value: map[string]string{\"app\":\"web\"}: `selector` does not match template `labels`"_qs};
    QTest::newRow("missing selector") << deploymentWith({u"spec"_qs, u"selector"_qs}, QJsonValue::Undefined)
                                      << QStringList{u"spec.selector|FieldValueRequired|Required value"_qs};
    QTest::newRow("bad enum")
        << deploymentWith({u"spec"_qs, u"template"_qs, u"spec"_qs, u"containers"_qs, u"0"_qs, u"imagePullPolicy"_qs}, u"Sometimes"_qs)
        << QStringList{u"spec.template.spec.containers[0].imagePullPolicy|FieldValueNotSupported|Unsupported value: \"Sometimes\": supported values: \"Always\", \"IfNotPresent\", \"Never\""_qs};
    QTest::newRow("bad container port")
        << deploymentWith({u"spec"_qs, u"template"_qs, u"spec"_qs, u"containers"_qs, u"0"_qs, u"ports"_qs, u"0"_qs, u"containerPort"_qs}, 70000)
        << QStringList{u"spec.template.spec.containers[0].ports[0].containerPort|FieldValueInvalid|Invalid value: 70000: must be between 1 and 65535, inclusive"_qs};
    QTest::newRow("bad name")
        << deploymentWith({u"metadata"_qs, u"name"_qs}, u"Web"_qs)
        << QStringList{u"metadata.name|FieldValueInvalid|Invalid value: \"Web\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"_qs};
    QJsonObject several = deploymentWith({u"spec"_qs, u"replicas"_qs}, -3);
    QJsonObject severalMeta = several.value(u"metadata").toObject();
    severalMeta[u"labels"_qs] = QJsonObject{{u"a b"_qs, u"x"_qs}};
    several[u"metadata"_qs] = severalMeta;
    QTest::newRow("several at once")
        << several
        << QStringList{u"metadata.labels|FieldValueInvalid|Invalid value: \"a b\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"_qs,
                       u"spec.replicas|FieldValueInvalid|Invalid value: -3: must be greater than or equal to 0"_qs};
    QTest::newRow("service port 0")
        << parse(R"({"apiVersion":"v1","kind":"Service","metadata":{"name":"s","namespace":"default"},"spec":{"ports":[{"port":0,"targetPort":"HTTP_x"}]}})")
        << QStringList{u"spec.ports[0].port|FieldValueInvalid|Invalid value: 0: must be between 1 and 65535, inclusive"_qs,
                       u"spec.ports[0].targetPort|FieldValueInvalid|Invalid value: \"HTTP_x\": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)"_qs};
    QTest::newRow("service name is a DNS-1035 label")
        << parse(R"({"apiVersion":"v1","kind":"Service","metadata":{"name":"1web","namespace":"default"},"spec":{"ports":[{"port":80}]}})")
        << QStringList{u"metadata.name|FieldValueInvalid|Invalid value: \"1web\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"_qs};
    QTest::newRow("headless service needs no ports")
        << parse(R"({"apiVersion":"v1","kind":"Service","metadata":{"name":"s","namespace":"default"},"spec":{"clusterIP":"None"}})")
        << QStringList();
    QTest::newRow("namespaced kind without namespace")
        << parse(R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"}})")
        << QStringList{u"metadata.namespace|FieldValueRequired|Required value"_qs};
    QTest::newRow("status is not validated")
        << parse(R"({"apiVersion":"apps/v1","kind":"ReplicaSet","metadata":{"name":"r","namespace":"n"},
                     "spec":{"selector":{"matchLabels":{"a":"b"}},"template":{"metadata":{"labels":{"a":"b"}},"spec":{"containers":[{"name":"c","image":"i"}]}}},
                     "status":{"conditions":[{"type":"X"}]}})")
        << QStringList();
    QTest::newRow("event metadata only")
        << parse(R"({"apiVersion":"v1","kind":"Event","metadata":{"name":"e.1","namespace":"default"},"involvedObject":{"kind":"Pod"}})")
        << QStringList();
    QTest::newRow("cronjob name over 52")
        << parse(R"({"apiVersion":"batch/v1","kind":"CronJob","metadata":{"name":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","namespace":"n"},
                     "spec":{"schedule":"* * * * *","jobTemplate":{"spec":{"template":{"spec":{"containers":[{"name":"c","image":"i"}]}}}}}})")
        << QStringList{u"metadata.name|FieldValueInvalid|Invalid value: \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\": must be no more than 52 characters"_qs};
}

void tst_ApiValidation::values()
{
    QFETCH(QJsonObject, object);
    QFETCH(QStringList, causes);
    const KindInfoPtr kind = kindOf(object);
    QVERIFY(kind);
    QCOMPARE(describe(validateObject(object, *kind, TypeRegistry::builtin())), causes);
    const Status s = validationStatus(object, *kind, TypeRegistry::builtin());
    QCOMPARE(s.isSuccess(), causes.isEmpty());
    if (!causes.isEmpty()) {
        QCOMPARE(s.code(), 422);
        QCOMPARE(s.reason(), u"Invalid"_qs);
        QCOMPARE(s.causes().size(), causes.size());
    }
}

void tst_ApiValidation::immutableSelector()
{
    const QJsonObject old = parse(kDeployment);
    QJsonObject changed = deploymentWith({u"spec"_qs, u"selector"_qs, u"matchLabels"_qs, u"tier"_qs}, u"x"_qs);
    QJsonObject spec = changed.value(u"spec").toObject();
    QJsonObject tmpl = spec.value(u"template").toObject();
    tmpl[u"metadata"_qs] = QJsonObject{{u"labels"_qs, QJsonObject{{u"app"_qs, u"web"_qs}, {u"tier"_qs, u"x"_qs}}}};
    spec[u"template"_qs] = tmpl;
    changed[u"spec"_qs] = spec;
    const KindInfoPtr kind = kindOf(old);
    QCOMPARE(describe(validateObject(old, *kind, TypeRegistry::builtin(), &old)), QStringList());
    QCOMPARE(describe(validateObject(changed, *kind, TypeRegistry::builtin(), &old)),
             QStringList{u"spec.selector|FieldValueInvalid|Invalid value: v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"web\", \"tier\":\"x\"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable"_qs});
}

void tst_ApiValidation::nameRules_data()
{
    QTest::addColumn<QString>("apiVersion");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("configmap with dots") << u"v1"_qs << u"ConfigMap"_qs << u"a.b.c"_qs << true;
    QTest::newRow("namespace with dots") << u"v1"_qs << u"Namespace"_qs << u"a.b"_qs << false;
    QTest::newRow("service starting with digit") << u"v1"_qs << u"Service"_qs << u"1a"_qs << false;
    QTest::newRow("pod starting with digit") << u"v1"_qs << u"Pod"_qs << u"1a"_qs << true;
    QTest::newRow("role with colon") << u"rbac.authorization.k8s.io/v1"_qs << u"ClusterRole"_qs << u"system:admin"_qs << true;
    QTest::newRow("role with slash") << u"rbac.authorization.k8s.io/v1"_qs << u"Role"_qs << u"a/b"_qs << false;
    QTest::newRow("deployment with colon") << u"apps/v1"_qs << u"Deployment"_qs << u"a:b"_qs << false;
    QTest::newRow("statefulset with dots") << u"apps/v1"_qs << u"StatefulSet"_qs << u"a.b"_qs << false;
}

void tst_ApiValidation::nameRules()
{
    QFETCH(QString, apiVersion);
    QFETCH(QString, kind);
    QFETCH(QString, name);
    QFETCH(bool, valid);
    const KindInfoPtr k = kindOf(QJsonObject{{u"apiVersion"_qs, apiVersion}, {u"kind"_qs, kind}});
    QVERIFY(k);
    QCOMPARE(nameValidatorFor(*k)(name, validation::NameUse::Name).isEmpty(), valid);
}

void tst_ApiValidation::goValues_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("int") << QJsonValue(-1) << u"-1"_qs;
    QTest::newRow("float") << QJsonValue(1.5) << u"1.5"_qs;
    QTest::newRow("string") << QJsonValue(u"a\"b"_qs) << u"\"a\\\"b\""_qs;
    QTest::newRow("bool") << QJsonValue(true) << u"true"_qs;
    QTest::newRow("null") << QJsonValue(QJsonValue::Null) << u"null"_qs;
    QTest::newRow("labels") << QJsonValue(QJsonObject{{u"b"_qs, u"2"_qs}, {u"a"_qs, u"1"_qs}}) << u"map[string]string{\"a\":\"1\", \"b\":\"2\"}"_qs;
}

void tst_ApiValidation::goValues()
{
    QFETCH(QJsonValue, value);
    QFETCH(QString, expected);
    QCOMPARE(goValue(value), expected);
}

// Every field of upstream's round-trip objects is known and correctly typed, so Strict
// decoding accepts real objects of every kind.
void tst_ApiValidation::upstreamFixturesDecodeCleanly()
{
    const QString dirPath = timonel::test::roundtripFixturesDir();
    if (dirPath.isEmpty())
        QSKIP("shared/data/k8s-roundtrip is not available");
    const QDir dir(dirPath);
    QStringList problems;
    int checked = 0;
    for (const QString &name : dir.entryList({u"*.json"_qs}, QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
        const KindInfoPtr kind = kindOf(object);
        if (!kind)
            continue; // Status, WatchEvent, DeleteOptions, Eviction
        const DecodingFindings f = findDecodingProblems(object, *kind, TypeRegistry::builtin());
        for (const QString &u : f.unknownFields)
            problems << name + u": unknown field "_qs + u;
        if (!f.typeError.isEmpty())
            problems << name + u": "_qs + f.typeError;
        ++checked;
    }
    QVERIFY2(checked >= 30, qPrintable(QString::number(checked)));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void tst_ApiValidation::duplicateKeys_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("duplicates");
    QTest::newRow("none") << QByteArray(R"({"a":1,"b":{"a":2}})") << QStringList();
    QTest::newRow("top") << QByteArray(R"({"a":1,"a":2})") << QStringList{u"a"_qs};
    QTest::newRow("nested") << QByteArray(R"({"metadata":{"name":"x","name":"y"}})") << QStringList{u"metadata.name"_qs};
    QTest::newRow("in-list-item") << QByteArray(R"({"spec":{"containers":[{"name":"a"},{"name":"b","image":"x","image":"y"}]}})")
                                  << QStringList{u"spec.containers[1].image"_qs};
    QTest::newRow("after-nested-list") << QByteArray(R"({"l":[[1,2],{"k":[3]},"s"],"l2":[{},{"z":1,"z":2}]})")
                                       << QStringList{u"l2[1].z"_qs};
    QTest::newRow("same-name-in-siblings") << QByteArray(R"({"a":{"x":1},"b":{"x":1}})") << QStringList();
    QTest::newRow("escaped") << QByteArray(R"({"a\"b":1,"a\u0022b":2,"s":"{\"a\":1,\"a\":2}"})") << QStringList{u"a\"b"_qs};
    QTest::newRow("three-times") << QByteArray(R"({"a":1,"a":2,"a":3})") << QStringList{u"a"_qs, u"a"_qs};
}

void tst_ApiValidation::duplicateKeys()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, duplicates);
    QStringList actual;
    for (const auto &d : scanJsonKeys(json).duplicates)
        actual << d.path;
    QCOMPARE(actual, duplicates);
}

// Upstream's strict decoding error lists duplicates and unknown fields as the decoder meets them.
void tst_ApiValidation::duplicatesAndUnknownInDocumentOrder()
{
    const QByteArray body = R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a","name":"b","bogus":1},
        "data":{"k":"1","k":"2"},"extra":true,"extra":false})";
    QJsonObject object = parse(body);
    const KindInfoPtr kind = kindOf(object);
    QVERIFY(kind);
    DecodingFindings findings = findDecodingProblems(object, *kind, TypeRegistry::builtin());
    findDuplicateFields(body, findings);
    const QString expected = u"ConfigMap in version \"v1\" cannot be handled as a ConfigMap: strict decoding error: "
                             "duplicate field \"metadata.name\", unknown field \"metadata.bogus\", duplicate field \"data.k\", "
                             "unknown field \"extra\""_qs; // "extra" is unknown and repeated: reported once, as unknown
    const Status strict = decodingStatus(findings, *kind, FieldValidation::Strict, nullptr);
    QCOMPARE(strict.code(), 400);
    QCOMPARE(strict.message(), expected);
    QStringList warnings;
    QVERIFY(decodingStatus(findings, *kind, FieldValidation::Warn, &warnings).isSuccess());
    QCOMPARE(warnings, (QStringList{u"duplicate field \"metadata.name\""_qs, u"unknown field \"metadata.bogus\""_qs,
                                    u"duplicate field \"data.k\""_qs, u"unknown field \"extra\""_qs}));
    warnings.clear();
    QVERIFY(decodingStatus(findings, *kind, FieldValidation::Ignore, &warnings).isSuccess());
    QVERIFY(warnings.isEmpty());
}

// Upstream's field_validation_test.go bodies (test/integration/apiserver): its invalidBodyYAML
// (POST/PUT as application/yaml) and applyInvalidBody (JSON text sent as an apply patch, which
// is read as YAML), with the lines upstream reports.
const char kUpstreamYaml[] = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: deployment
  labels:
    app: nginx
spec:
  unknown1: val1
  unknownDupe: valDupe
  unknownDupe: valDupe2
  paused: true
  paused: false
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx:latest
        unknownNested: val1
        imagePullPolicy: Always
        imagePullPolicy: Never)";

const char kUpstreamApplyJson[] = R"({
		"apiVersion": "apps/v1",
		"kind": "Deployment",
		"metadata": {
			"name": "deployment",
			"labels": {"app": "nginx"}
		},
		"spec": {
			"paused": false,
			"paused": true,
			"selector": {
				"matchLabels": {
					"app": "nginx"
				}
			},
			"template": {
				"metadata": {
					"labels": {
						"app": "nginx"
					}
				},
				"spec": {
					"containers": [{
						"name":  "nginx",
						"image": "nginx:latest",
						"imagePullPolicy": "Never",
						"imagePullPolicy": "Always"
					}]
				}
			}
		}
	})";

void tst_ApiValidation::yamlDuplicateKeys_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QStringList>("duplicates");
    QTest::addColumn<QByteArray>("lastWins"); // the body as go-yaml's non-strict decoding reads it, as minified JSON
    const auto line = [](int n, const char *key) { return u"line %1: key \"%2\" already set in map"_qs.arg(n).arg(QLatin1StringView(key)); };
    QTest::newRow("none") << QByteArray("a: 1\nb:\n  a: 2\n") << QStringList() << QByteArray(R"({"a":1,"b":{"a":2}})");
    QTest::newRow("block") << QByteArray("kind: ConfigMap\ndata:\n  k: one\n  other: x\n  k: two\n") << QStringList{line(5, "k")}
                           << QByteArray(R"({"kind":"ConfigMap","data":{"other":"x","k":"two"}})");
    QTest::newRow("earlier-value-is-a-block") << QByteArray("a:\n  x: 1\n  y:\n  - 2\n  - 3\nb: 0\na: |\n  text\n")
                                              << QStringList{line(7, "a")} << QByteArray(R"({"b":0,"a":"text\n"})");
    QTest::newRow("three-times") << QByteArray("k: 1\nk: 2\nk: 3\n") << QStringList{line(2, "k"), line(3, "k")}
                                 << QByteArray(R"({"k":3})");
    QTest::newRow("first-key-of-a-sequence-item") << QByteArray("l:\n- name: a\n  image: x\n  name: b\n- name: c\n")
                                                  << QStringList{line(4, "name")}
                                                  << QByteArray(R"({"l":[{"image":"x","name":"b"},{"name":"c"}]})");
    QTest::newRow("same-key-in-sibling-items") << QByteArray("l:\n- name: a\n- name: b\n") << QStringList()
                                               << QByteArray(R"({"l":[{"name":"a"},{"name":"b"}]})");
    QTest::newRow("quoted-key") << QByteArray("\"k\": 1\nk: 2\n") << QStringList{line(2, "k")} << QByteArray(R"({"k":2})");
    QTest::newRow("json-one-line") << QByteArray(R"({"k":"one","o":1,"k":"two"})") << QStringList{line(1, "k")}
                                   << QByteArray(R"({"o":1,"k":"two"})");
    QTest::newRow("upstream-yaml-create") << QByteArray(kUpstreamYaml)
                                          << QStringList{line(10, "unknownDupe"), line(12, "paused"), line(26, "imagePullPolicy")}
                                          << QByteArray();
    QTest::newRow("upstream-json-apply") << QByteArray(kUpstreamApplyJson)
                                         << QStringList{line(10, "paused"), line(27, "imagePullPolicy")} << QByteArray();
}

// Past 64 repeated keys the body is left as it is (each costs a conversion of the whole body).
void tst_ApiValidation::yamlDuplicateKeysAreBounded()
{
    QByteArray yaml;
    for (int i = 0; i < 100; ++i)
        yaml += "k: " + QByteArray::number(i) + "\n";
    const YamlKeyScan scan = scanYamlKeys(yaml);
    QVERIFY(!scan.resolved);
    QCOMPARE(scan.lastWins, yaml);
    QVERIFY(!yamlToJson(scan.lastWins).ok());
}

// Each repeated key is reported with its line, and the earlier entry is blanked so the last
// value wins (go-yaml's non-strict decoding) while the line numbers stay put.
void tst_ApiValidation::yamlDuplicateKeys()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QStringList, duplicates);
    QFETCH(QByteArray, lastWins);
    const YamlKeyScan scan = scanYamlKeys(yaml);
    QVERIFY(scan.resolved);
    QCOMPARE(scan.duplicates, duplicates);
    QCOMPARE(scan.lastWins.count('\n'), yaml.count('\n'));
    const Expected<QByteArray> json = yamlToJson(scan.lastWins);
    QVERIFY2(json.ok(), qPrintable(json.ok() ? QString() : json.error().message()));
    if (!lastWins.isEmpty()) {
        QCOMPARE(*json, lastWins);
        return;
    }
    const QJsonObject spec = QJsonDocument::fromJson(*json).object().value(u"spec").toObject();
    const QJsonObject container = spec[u"template"_qs][u"spec"_qs][u"containers"_qs][0].toObject();
    if (yaml.startsWith('{')) { // the JSON apply body: the later values are false→true, Never→Always
        QCOMPARE(spec.value(u"paused"_qs), QJsonValue(true));
        QCOMPARE(container.value(u"imagePullPolicy"_qs), QJsonValue(u"Always"_qs));
    } else {
        QCOMPARE(spec.value(u"paused"_qs), QJsonValue(false));
        QCOMPARE(spec.value(u"unknownDupe"_qs), QJsonValue(u"valDupe2"_qs));
        QCOMPARE(container.value(u"imagePullPolicy"_qs), QJsonValue(u"Never"_qs));
    }
}

QTEST_GUILESS_MAIN(tst_ApiValidation)
#include "tst_apivalidation.moc"
