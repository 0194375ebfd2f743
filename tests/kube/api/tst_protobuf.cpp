#include "kube/api/protobuf.h"
#include "kube/api/protoscalar.h"
#include "kube/api/protowire.h"
#include "kube/api/typeregistry.h"
#include "tests/support/testpaths.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

#include <cstring>

using namespace kube;

namespace {

// A protobuf writer for building test messages by hand.
struct Pb {
    QByteArray b;

    Pb &putVarint(quint64 v)
    {
        do {
            const quint8 low = v & 0x7f;
            v >>= 7;
            b.append(char(v ? low | 0x80 : low));
        } while (v);
        return *this;
    }
    Pb &tag(quint32 n, int wireType) { return putVarint(quint64(n) << 3 | quint64(wireType)); }
    Pb &varint(quint32 n, quint64 v) { return tag(n, 0).putVarint(v); }
    Pb &bytes(quint32 n, QByteArrayView s)
    {
        tag(n, 2).putVarint(quint64(s.size()));
        b.append(s);
        return *this;
    }
    Pb &str(quint32 n, const char *s) { return bytes(n, QByteArrayView(s, qsizetype(std::strlen(s)))); }
    Pb &msg(quint32 n, const Pb &m) { return bytes(n, m.b); }
    Pb &fixed64(quint32 n, quint64 v)
    {
        tag(n, 1);
        for (int i = 0; i < 8; ++i)
            b.append(char(v >> (8 * i)));
        return *this;
    }
    Pb &entry(quint32 n, const char *key, const char *value) { return msg(n, Pb().str(1, key).str(2, value)); }
    operator QByteArray() const { return b; }
};

QByteArray envelope(const char *apiVersion, const char *kind, const QByteArray &raw)
{
    return QByteArray("k8s\0", 4) + Pb().msg(1, Pb().str(1, apiVersion).str(2, kind)).bytes(2, raw).str(3, "").str(4, "").b;
}

Pb timestamp(qint64 seconds, qint32 nanos = 0)
{
    Pb t;
    t.varint(1, quint64(seconds));
    if (nanos)
        t.varint(2, quint64(qint64(nanos)));
    return t;
}

// The first place two JSON trees differ ("metadata.labels.a: \"x\" != \"y\""), or empty.
QString firstDifference(const QJsonValue &a, const QJsonValue &b, const QString &path)
{
    auto show = [](const QJsonValue &v) {
        if (v.isUndefined())
            return u"(absent)"_qs;
        if (v.isObject())
            return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
        if (v.isArray())
            return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
        return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
    };
    const QString where = path.isEmpty() ? u"(root)"_qs : path;
    if (a.type() != b.type())
        return where + u": decoded "_qs + show(a) + u", fixture "_qs + show(b);
    if (a.isObject()) {
        const QJsonObject oa = a.toObject(), ob = b.toObject();
        QStringList keys = oa.keys() + ob.keys();
        keys.removeDuplicates();
        keys.sort();
        for (const QString &k : std::as_const(keys)) {
            const QString d = firstDifference(oa.value(k), ob.value(k), path.isEmpty() ? k : path + u'.' + k);
            if (!d.isEmpty())
                return d;
        }
        return {};
    }
    if (a.isArray()) {
        const QJsonArray xa = a.toArray(), xb = b.toArray();
        for (qsizetype i = 0; i < qMax(xa.size(), xb.size()); ++i) {
            const QString d = firstDifference(xa.at(i), xb.at(i), path + u'[' + QString::number(i) + u']');
            if (!d.isEmpty())
                return d;
        }
        return {};
    }
    if (a.isDouble())
        return a.toDouble() == b.toDouble() ? QString() : where + u": decoded "_qs + show(a) + u", fixture "_qs + show(b);
    return a == b ? QString() : where + u": decoded "_qs + show(a) + u", fixture "_qs + show(b);
}

// <group>.<version>.<Kind>.pb → the GVK ("core" is the legacy group).
GroupVersionKind fixtureKind(const QString &fileName)
{
    const QStringList parts = fileName.section(u'.', 0, -2).split(u'.');
    QString group = parts.mid(0, parts.size() - 2).join(u'.');
    if (group == u"core")
        group.clear();
    return {group, parts.at(parts.size() - 2), parts.last()};
}

QStringList fixtureFiles()
{
    const QString dir = timonel::test::roundtripFixturesDir();
    if (dir.isEmpty())
        return {};
    QStringList out;
    for (const QString &name : QDir(dir).entryList({u"*.pb"_qs}, QDir::Files, QDir::Name))
        out << QDir(dir).filePath(name);
    return out;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class tst_Protobuf : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void wireVarint_data();
    void wireVarint();
    void wireErrors_data();
    void wireErrors();
    void timeFormat_data();
    void timeFormat();
    void scalarJson_data();
    void scalarJson();
    void zeroScalar_data();
    void zeroScalar();
    void decodeMessage_data();
    void decodeMessage();
    void decodeObject_data();
    void decodeObject();
    void decodeErrors_data();
    void decodeErrors();
    void nestingIsLimited();
    void unknownFieldsAreReported();
    void goldenFixtures_data();
    void goldenFixtures();
    void goldenFixturesCoverEveryKnownKind();
    void hostileInputNeverCrashes();
};

void tst_Protobuf::wireVarint_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<quint64>("value");
    QTest::addColumn<qsizetype>("length");
    QTest::newRow("zero") << QByteArray::fromHex("00") << quint64(0) << qsizetype(1);
    QTest::newRow("one-byte-max") << QByteArray::fromHex("7f") << quint64(127) << qsizetype(1);
    QTest::newRow("two-bytes") << QByteArray::fromHex("ac02") << quint64(300) << qsizetype(2);
    QTest::newRow("stops-at-last-byte") << QByteArray::fromHex("0102") << quint64(1) << qsizetype(1);
    QTest::newRow("uint32-max") << QByteArray::fromHex("ffffffff0f") << quint64(0xffffffff) << qsizetype(5);
    QTest::newRow("uint64-max-ten-bytes") << QByteArray::fromHex("ffffffffffffffffff01") << ~quint64(0) << qsizetype(10);
    QTest::newRow("tenth-byte-high-bits-dropped") << QByteArray::fromHex("ffffffffffffffffff7f") << ~quint64(0) << qsizetype(10);
    QTest::newRow("non-minimal-encoding") << QByteArray::fromHex("8180808000") << quint64(1) << qsizetype(5);
}

void tst_Protobuf::wireVarint()
{
    QFETCH(QByteArray, bytes);
    QFETCH(quint64, value);
    QFETCH(qsizetype, length);
    qsizetype pos = 0;
    quint64 v = 0;
    QVERIFY(ProtoWireReader::readVarint(bytes, &pos, &v));
    QCOMPARE(v, value);
    QCOMPARE(pos, length);
}

void tst_Protobuf::wireErrors_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("error");
    QTest::newRow("truncated-tag") << QByteArray::fromHex("80") << u"truncated tag at byte 0"_qs;
    QTest::newRow("eleven-byte-varint") << QByteArray::fromHex("08ffffffffffffffffffff01") << u"varint of field 1 longer than 10 bytes"_qs;
    QTest::newRow("truncated-varint") << QByteArray::fromHex("0880") << u"truncated varint of field 1 at byte 0"_qs;
    QTest::newRow("truncated-fixed64") << QByteArray::fromHex("09000000") << u"truncated fixed64 of field 1"_qs;
    QTest::newRow("truncated-fixed32") << QByteArray::fromHex("0d00") << u"truncated fixed32 of field 1"_qs;
    QTest::newRow("length-past-end") << QByteArray::fromHex("0a0561") << u"field 1 claims 5 bytes but only 1 remain"_qs;
    QTest::newRow("huge-length") << QByteArray::fromHex("0affffffffffffffff7f61") << u"field 1 claims"_qs;
    QTest::newRow("field-number-zero") << QByteArray::fromHex("0001") << u"illegal field number 0"_qs;
    QTest::newRow("group-wire-type") << QByteArray::fromHex("0b") << u"unsupported wire type 3"_qs;
    QTest::newRow("wire-type-7") << QByteArray::fromHex("0f") << u"unsupported wire type 7"_qs;
}

void tst_Protobuf::wireErrors()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, error);
    ProtoWireReader reader(bytes);
    ProtoWireField f;
    QVERIFY(!reader.next(&f));
    QVERIFY2(reader.error().contains(error), qPrintable(reader.error()));
}

void tst_Protobuf::timeFormat_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<qint64>("nanos");
    QTest::addColumn<bool>("micro");
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("epoch") << qint64(0) << qint64(0) << false << QByteArray("1970-01-01T00:00:00Z");
    QTest::newRow("2024") << qint64(1704164645) << qint64(0) << false << QByteArray("2024-01-02T03:04:05Z");
    QTest::newRow("leap-day") << qint64(951782400) << qint64(0) << false << QByteArray("2000-02-29T00:00:00Z");
    QTest::newRow("before-epoch") << qint64(-1) << qint64(0) << false << QByteArray("1969-12-31T23:59:59Z");
    QTest::newRow("year-one") << qint64(-62135596800) << qint64(0) << false << QByteArray("0001-01-01T00:00:00Z");
    QTest::newRow("year-9999") << qint64(253402300799) << qint64(0) << false << QByteArray("9999-12-31T23:59:59Z");
    QTest::newRow("micro-truncates-nanos") << qint64(1704164645) << qint64(123456789) << true << QByteArray("2024-01-02T03:04:05.123456Z");
    QTest::newRow("micro-zero-fraction") << qint64(1704164645) << qint64(0) << true << QByteArray("2024-01-02T03:04:05.000000Z");
    QTest::newRow("micro-negative-nanos-borrow") << qint64(1) << qint64(-1000) << true << QByteArray("1970-01-01T00:00:00.999999Z");
    QTest::newRow("micro-nanos-carry") << qint64(0) << qint64(1500000000) << true << QByteArray("1970-01-01T00:00:01.500000Z");
}

void tst_Protobuf::timeFormat()
{
    QFETCH(qint64, seconds);
    QFETCH(qint64, nanos);
    QFETCH(bool, micro);
    QFETCH(QByteArray, text);
    QCOMPARE(formatProtoTime(seconds, nanos, micro), text);
}

void tst_Protobuf::scalarJson_data()
{
    QTest::addColumn<QString>("scalar");
    QTest::addColumn<QByteArray>("field"); // one encoded field, number 1
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("isZero");
    QTest::newRow("int32-negative") << u"int32"_qs << QByteArray(Pb().varint(1, quint64(-5))) << QByteArray("-5") << false;
    QTest::newRow("int32-low-bits-of-int64") << u"int32"_qs << QByteArray(Pb().varint(1, 0x100000001)) << QByteArray("1") << false;
    QTest::newRow("int64-min") << u"int64"_qs << QByteArray(Pb().varint(1, quint64(1) << 63)) << QByteArray("-9223372036854775808") << false;
    QTest::newRow("bool-nonzero-is-true") << u"boolean"_qs << QByteArray(Pb().varint(1, 2)) << QByteArray("true") << false;
    QTest::newRow("bool-false-zero") << u"boolean"_qs << QByteArray(Pb().varint(1, 0)) << QByteArray("false") << true;
    QTest::newRow("string-empty-zero") << u"string"_qs << QByteArray(Pb().str(1, "")) << QByteArray("\"\"") << true;
    QTest::newRow("string-escapes") << u"string"_qs << QByteArray(Pb().str(1, "a\"b\\c\n\x01")) << QByteArray(R"("a\"b\\c\n\u0001")") << false;
    QTest::newRow("string-invalid-utf8-replaced") << u"string"_qs << QByteArray(Pb().str(1, "a\xff")) << QByteArray("\"a\xef\xbf\xbd\"") << false;
    QTest::newRow("bytes-base64") << u"bytes"_qs << QByteArray(Pb().bytes(1, QByteArray::fromHex("00ff10"))) << QByteArray("\"AP8Q\"") << false;
    QTest::newRow("double") << u"double"_qs << QByteArray(Pb().fixed64(1, std::bit_cast<quint64>(1.5))) << QByteArray("1.5") << false;
    QTest::newRow("intorstring-int") << u"IntOrString"_qs << QByteArray(Pb().msg(1, Pb().varint(1, 0).varint(2, 8080))) << QByteArray("8080") << false;
    QTest::newRow("intorstring-string") << u"IntOrString"_qs << QByteArray(Pb().msg(1, Pb().varint(1, 1).str(3, "http"))) << QByteArray("\"http\"") << false;
    QTest::newRow("intorstring-empty-is-int-zero") << u"IntOrString"_qs << QByteArray(Pb().msg(1, Pb())) << QByteArray("0") << false;
    QTest::newRow("intorstring-negative-int") << u"IntOrString"_qs << QByteArray(Pb().msg(1, Pb().varint(2, quint64(-1)))) << QByteArray("-1") << false;
    QTest::newRow("quantity-kept") << u"Quantity"_qs << QByteArray(Pb().msg(1, Pb().str(1, "1Gi"))) << QByteArray("\"1Gi\"") << false;
    QTest::newRow("quantity-canonical") << u"Quantity"_qs << QByteArray(Pb().msg(1, Pb().str(1, "0.5"))) << QByteArray("\"500m\"") << false;
    QTest::newRow("quantity-empty-is-zero") << u"Quantity"_qs << QByteArray(Pb().msg(1, Pb())) << QByteArray("\"0\"") << false;
    QTest::newRow("time-seconds-nanos-dropped") << u"Time"_qs << QByteArray(Pb().msg(1, timestamp(1704164645, 999))) << QByteArray("\"2024-01-02T03:04:05Z\"") << false;
    QTest::newRow("time-empty-is-zero-null") << u"Time"_qs << QByteArray(Pb().msg(1, Pb())) << QByteArray("null") << true;
    QTest::newRow("time-explicit-zero-seconds-is-epoch") << u"Time"_qs << QByteArray(Pb().msg(1, timestamp(0))) << QByteArray("\"1970-01-01T00:00:00Z\"") << false;
    QTest::newRow("time-go-zero-instant-null") << u"Time"_qs << QByteArray(Pb().msg(1, timestamp(-62135596800))) << QByteArray("null") << true;
    QTest::newRow("microtime-six-digits") << u"MicroTime"_qs << QByteArray(Pb().msg(1, timestamp(1704164645, 123456789))) << QByteArray("\"2024-01-02T03:04:05.123456Z\"") << false;
    QTest::newRow("microtime-empty-null") << u"MicroTime"_qs << QByteArray(Pb().msg(1, Pb())) << QByteArray("null") << true;
    QTest::newRow("duration") << u"Duration"_qs << QByteArray(Pb().msg(1, Pb().varint(1, 3723000000000))) << QByteArray("\"1h2m3s\"") << false;
    QTest::newRow("duration-zero") << u"Duration"_qs << QByteArray(Pb().msg(1, Pb())) << QByteArray("\"0s\"") << false;
    QTest::newRow("raw-extension-minified") << u"RawExtension"_qs << QByteArray(Pb().msg(1, Pb().str(1, "{ \"a\" : [1, 2] }"))) << QByteArray(R"({"a":[1,2]})") << false;
    QTest::newRow("raw-extension-nil-null") << u"RawExtension"_qs << QByteArray(Pb().msg(1, Pb())) << QByteArray("null") << false;
    QTest::newRow("json-any-value") << u"JSON"_qs << QByteArray(Pb().msg(1, Pb().str(1, "\"x\""))) << QByteArray("\"x\"") << false;
    QTest::newRow("fieldsv1") << u"FieldsV1"_qs << QByteArray(Pb().msg(1, Pb().str(1, R"({"f:data":{}})"))) << QByteArray(R"({"f:data":{}})") << false;
}

void tst_Protobuf::scalarJson()
{
    QFETCH(QString, scalar);
    QFETCH(QByteArray, field);
    QFETCH(QByteArray, json);
    QFETCH(bool, isZero);
    ProtoWireReader reader(field);
    ProtoWireField f;
    QVERIFY2(reader.next(&f), qPrintable(reader.error()));
    ProtoScalarJson out;
    QString error;
    QVERIFY2(protoScalarToJson(scalar, f, &out, &error), qPrintable(error));
    QCOMPARE(out.json, json);
    QCOMPARE(out.isZero, isZero);
}

void tst_Protobuf::zeroScalar_data()
{
    QTest::addColumn<QString>("scalar");
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("string") << u"string"_qs << QByteArray("\"\"");
    QTest::newRow("boolean") << u"boolean"_qs << QByteArray("false");
    QTest::newRow("int64") << u"int64"_qs << QByteArray("0");
    QTest::newRow("nil-bytes-null") << u"bytes"_qs << QByteArray("null");
    QTest::newRow("struct-scalars-have-none") << u"Quantity"_qs << QByteArray();
}

void tst_Protobuf::zeroScalar()
{
    QFETCH(QString, scalar);
    QFETCH(QByteArray, json);
    QCOMPARE(zeroScalarJson(scalar), json);
}

// Exact JSON text: also checks types.go field order and sorted map keys.
void tst_Protobuf::decodeMessage_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("map-keys-sorted-last-wins") << u"core.v1.ConfigMap"_qs << QByteArray(Pb().entry(2, "b", "2").entry(2, "a", "1").entry(2, "b", "3"))
                                               << QByteArray(R"({"data":{"a":"1","b":"3"}})");
    QTest::newRow("map-entry-without-value-is-zero") << u"core.v1.ConfigMap"_qs << QByteArray(Pb().msg(2, Pb().str(1, "k")))
                                                     << QByteArray(R"({"data":{"k":""}})");
    QTest::newRow("map-bytes-base64") << u"core.v1.Secret"_qs << QByteArray(Pb().msg(2, Pb().str(1, "k").bytes(2, QByteArray::fromHex("00ff"))).str(3, ""))
                                      << QByteArray(R"({"data":{"k":"AP8="}})");
    QTest::newRow("map-quantity-values") << u"core.v1.ResourceRequirements"_qs
                                         << QByteArray(Pb().msg(1, Pb().str(1, "memory").msg(2, Pb().str(1, "1Gi"))).msg(1, Pb().str(1, "cpu").msg(2, Pb().str(1, "0.5"))))
                                         << QByteArray(R"({"limits":{"cpu":"500m","memory":"1Gi"}})");
    QTest::newRow("map-time-values") << u"policy.v1.PodDisruptionBudgetStatus"_qs
                                     << QByteArray(Pb().msg(2, Pb().str(1, "pod").msg(2, timestamp(1704164645))).varint(3, 0).varint(4, 0).varint(5, 0).varint(6, 0))
                                     << QByteArray(R"({"disruptedPods":{"pod":"2024-01-02T03:04:05Z"},"disruptionsAllowed":0,"currentHealthy":0,"desiredHealthy":0,"expectedPods":0})");
    QTest::newRow("pointer-zero-kept-omitempty-zero-dropped") << u"apps.v1.DeploymentSpec"_qs
                                                              << QByteArray(Pb().varint(1, 0).varint(5, 0).varint(7, 0))
                                                              << QByteArray(R"({"replicas":0})");
    QTest::newRow("negative-int32-ten-byte-varint") << u"apps.v1.DeploymentSpec"_qs << QByteArray(Pb().varint(1, quint64(-1)))
                                                    << QByteArray(R"({"replicas":-1})");
    QTest::newRow("absent-non-omitempty-scalar-written") << u"core.v1.ServicePort"_qs << QByteArray(Pb().str(1, "web"))
                                                         << QByteArray(R"({"name":"web","port":0})");
    QTest::newRow("intorstring-int") << u"core.v1.ServicePort"_qs << QByteArray(Pb().varint(3, 80).msg(4, Pb().varint(1, 0).varint(2, 8080)))
                                     << QByteArray(R"({"port":80,"targetPort":8080})");
    QTest::newRow("intorstring-string") << u"core.v1.ServicePort"_qs << QByteArray(Pb().varint(3, 80).msg(4, Pb().varint(1, 1).str(3, "http")))
                                        << QByteArray(R"({"port":80,"targetPort":"http"})");
    QTest::newRow("time-rfc3339") << u"meta.v1.ObjectMeta"_qs << QByteArray(Pb().str(1, "n").msg(8, timestamp(1704164645, 5)))
                                  << QByteArray(R"({"name":"n","creationTimestamp":"2024-01-02T03:04:05Z"})");
    QTest::newRow("zero-time-omitempty-dropped") << u"meta.v1.ObjectMeta"_qs << QByteArray(Pb().str(1, "n").msg(8, Pb()).varint(7, 0))
                                                 << QByteArray(R"({"name":"n"})");
    QTest::newRow("zero-time-not-omitempty-null") << u"meta.v1.Condition"_qs << QByteArray(Pb().str(1, "Ready").msg(4, Pb()))
                                                  << QByteArray(R"({"type":"Ready","status":"","lastTransitionTime":null,"reason":"","message":""})");
    QTest::newRow("microtime") << u"events.v1.Event"_qs << QByteArray(Pb().msg(2, timestamp(1704164645, 123456789)))
                               << QByteArray(R"({"eventTime":"2024-01-02T03:04:05.123456Z"})");
    QTest::newRow("inline-volume-source") << u"core.v1.Volume"_qs
                                          << QByteArray(Pb().str(1, "v").msg(2, Pb().msg(2, Pb().str(1, "Memory").msg(2, Pb().str(1, "1Gi")))))
                                          << QByteArray(R"({"name":"v","emptyDir":{"medium":"Memory","sizeLimit":"1Gi"}})");
    QTest::newRow("inline-local-object-reference") << u"core.v1.ConfigMapVolumeSource"_qs << QByteArray(Pb().msg(1, Pb().str(1, "cm")).varint(3, 420))
                                                   << QByteArray(R"({"name":"cm","defaultMode":420})");
    QTest::newRow("inline-absent-still-merges-zero-fields") << u"core.v1.Volume"_qs << QByteArray(Pb().str(1, "v")) << QByteArray(R"({"name":"v"})");
    QTest::newRow("packed-and-unpacked-int64") << u"core.v1.PodSecurityContext"_qs
                                               << QByteArray(Pb().bytes(4, QByteArray::fromHex("0102")).varint(4, 3))
                                               << QByteArray(R"({"supplementalGroups":[1,2,3]})");
    QTest::newRow("repeated-message-occurrences-merge") << u"core.v1.ConfigMap"_qs << QByteArray(Pb().msg(1, Pb().str(1, "a")).msg(1, Pb().str(3, "b")))
                                                        << QByteArray(R"({"metadata":{"name":"a","namespace":"b"}})");
    QTest::newRow("last-scalar-occurrence-wins") << u"core.v1.ConfigMap"_qs << QByteArray(Pb().varint(4, 0).varint(4, 1))
                                                 << QByteArray(R"({"immutable":true})");
    QTest::newRow("unknown-field-numbers-skipped") << u"core.v1.ConfigMap"_qs
                                                   << QByteArray(Pb().varint(99, 7).str(98, "x").fixed64(97, 1).varint(4, 1))
                                                   << QByteArray(R"({"immutable":true})");
    QTest::newRow("empty-message-pointer-struct-kept") << u"apps.v1.DeploymentSpec"_qs << QByteArray(Pb().msg(2, Pb()))
                                                       << QByteArray(R"({"selector":{}})");
    QTest::newRow("list-of-messages") << u"core.v1.ServiceSpec"_qs << QByteArray(Pb().msg(1, Pb().varint(3, 80)).msg(1, Pb().varint(3, 443)))
                                      << QByteArray(R"({"ports":[{"port":80},{"port":443}]})");
    QTest::newRow("raw-extension-json") << u"meta.v1.WatchEvent"_qs << QByteArray(Pb().str(1, "ADDED").msg(2, Pb().str(1, R"({"kind": "X"})")))
                                        << QByteArray(R"({"type":"ADDED","object":{"kind":"X"}})");
    QTest::newRow("raw-extension-embedded-protobuf") << u"meta.v1.WatchEvent"_qs
                                                     << QByteArray(Pb().str(1, "ADDED").msg(2, Pb().bytes(1, envelope("v1", "ConfigMap", Pb().msg(1, Pb().str(1, "x"))))))
                                                     << QByteArray(R"({"type":"ADDED","object":{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"x"}}})");
    QTest::newRow("double-pointer") << u"apiextensions.v1.JSONSchemaProps"_qs << QByteArray(Pb().fixed64(9, std::bit_cast<quint64>(2.5)))
                                    << QByteArray(R"({"maximum":2.5})");
    QTest::newRow("schema-props-or-bool") << u"apiextensions.v1.JSONSchemaProps"_qs << QByteArray(Pb().msg(30, Pb().varint(1, 1)))
                                          << QByteArray(R"({"additionalProperties":true})");
    QTest::newRow("schema-props-or-array-schema") << u"apiextensions.v1.JSONSchemaProps"_qs << QByteArray(Pb().msg(24, Pb().msg(1, Pb().str(5, "string"))))
                                                  << QByteArray(R"({"items":{"type":"string"}})");
    QTest::newRow("schema-props-or-string-array") << u"apiextensions.v1.JSONSchemaProps"_qs
                                                  << QByteArray(Pb().msg(32, Pb().str(1, "a").msg(2, Pb().str(2, "b").str(2, "c"))))
                                                  << QByteArray(R"({"dependencies":{"a":["b","c"]}})");
}

void tst_Protobuf::decodeMessage()
{
    QFETCH(QString, type);
    QFETCH(QByteArray, message);
    QFETCH(QByteArray, json);
    const Expected<QByteArray> out = decodeProtobufMessage(message, type, TypeRegistry::builtin());
    QVERIFY2(out.ok(), qPrintable(out.error().message()));
    QCOMPARE(*out, json);
}

void tst_Protobuf::decodeObject_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<GroupVersionKind>("defaults");
    QTest::addColumn<QByteArray>("json");
    const QByteArray cm = Pb().msg(1, Pb().str(1, "cm")).entry(2, "k", "v");
    QTest::newRow("configmap") << envelope("v1", "ConfigMap", cm) << GroupVersionKind()
                               << QByteArray(R"({"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"cm"},"data":{"k":"v"}})");
    QTest::newRow("missing-kind-from-endpoint-defaults") << envelope("", "", cm) << GroupVersionKind{{}, u"v1"_qs, u"ConfigMap"_qs}
                                                         << QByteArray(R"({"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"cm"},"data":{"k":"v"}})");
    QTest::newRow("delete-options-in-a-group-version") << envelope("apps/v1", "DeleteOptions", Pb().varint(1, 0).str(4, "Foreground"))
                                                       << GroupVersionKind()
                                                       << QByteArray(R"({"kind":"DeleteOptions","apiVersion":"apps/v1","gracePeriodSeconds":0,"propagationPolicy":"Foreground"})");
    QTest::newRow("delete-options-meta-group") << envelope("meta.k8s.io/v1", "DeleteOptions", Pb().str(5, "All")) << GroupVersionKind()
                                               << QByteArray(R"({"kind":"DeleteOptions","apiVersion":"meta.k8s.io/v1","dryRun":["All"]})");
    QTest::newRow("eviction-subresource-kind") << envelope("policy/v1", "Eviction", Pb().msg(1, Pb().str(1, "p").str(3, "ns")))
                                               << GroupVersionKind()
                                               << QByteArray(R"({"kind":"Eviction","apiVersion":"policy/v1","metadata":{"name":"p","namespace":"ns"}})");
    QTest::newRow("status") << envelope("v1", "Status", Pb().str(2, "Failure").varint(6, 404)) << GroupVersionKind()
                            << QByteArray(R"({"kind":"Status","apiVersion":"v1","status":"Failure","code":404})");
    QTest::newRow("secret-like-helm-release") << envelope("v1", "Secret", Pb().msg(1, Pb().str(1, "sh.helm.release.v1.x.v1")).msg(2, Pb().str(1, "release").bytes(2, "H4sI")).str(3, "helm.sh/release.v1"))
                                              << GroupVersionKind()
                                              << QByteArray(R"({"kind":"Secret","apiVersion":"v1","metadata":{"name":"sh.helm.release.v1.x.v1"},"data":{"release":"SDRzSQ=="},"type":"helm.sh/release.v1"})");
}

void tst_Protobuf::decodeObject()
{
    QFETCH(QByteArray, body);
    QFETCH(GroupVersionKind, defaults);
    QFETCH(QByteArray, json);
    ProtobufDecodeOptions options;
    options.defaults = defaults;
    const Expected<Object> out = decodeProtobufObject(body, TypeRegistry::builtin(), options);
    QVERIFY2(out.ok(), qPrintable(out.error().message()));
    QCOMPARE(out->json(), json);
}

void tst_Protobuf::decodeErrors_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("expected"); // substrings of the message
    const QByteArray deploymentBad = Pb().msg(2, Pb().str(1, "three"));
    QTest::newRow("empty-body") << QByteArray() << QStringList{u"empty protobuf body"_qs};
    QTest::newRow("missing-magic") << QByteArray(R"({"kind":"Pod"})") << QStringList{u"expected prefix [107 56 115 0]"_qs};
    QTest::newRow("magic-only") << QByteArray("k8s\0", 4) << QStringList{u"empty protobuf body"_qs};
    QTest::newRow("truncated-envelope") << envelope("v1", "ConfigMap", "abc").chopped(6) << QStringList{u"runtime.Unknown"_qs, u"claims"_qs};
    QTest::newRow("unknown-kind") << envelope("apps/v1", "Widget", {}) << QStringList{u"no kind \"Widget\" is registered for version \"apps/v1\""_qs};
    QTest::newRow("missing-kind") << envelope("v1", "", {}) << QStringList{u"'Kind' is missing"_qs};
    QTest::newRow("content-encoding") << QByteArray("k8s\0", 4) + Pb().msg(1, Pb().str(1, "v1").str(2, "ConfigMap")).str(3, "gzip").b
                                      << QStringList{u"unsupported protobuf content encoding \"gzip\""_qs};
    QTest::newRow("wrong-wire-type-names-path") << envelope("apps/v1", "Deployment", deploymentBad)
                                                << QStringList{u"apps/v1, Kind=Deployment"_qs, u"spec.replicas (field 1 of apps.v1.DeploymentSpec)"_qs,
                                                               u"wrong wire type length-delimited for int32 (expected varint)"_qs};
    QTest::newRow("message-field-as-varint") << envelope("apps/v1", "Deployment", Pb().varint(2, 1))
                                             << QStringList{u"spec (field 2 of apps.v1.Deployment)"_qs, u"wrong wire type varint"_qs};
    QTest::newRow("truncated-varint") << envelope("apps/v1", "Deployment", Pb().bytes(2, QByteArray::fromHex("0880")))
                                      << QStringList{u"spec: truncated varint of field 1 at byte 0 of apps.v1.DeploymentSpec"_qs};
    QTest::newRow("length-past-end-in-nested") << envelope("v1", "ConfigMap", Pb().bytes(1, QByteArray::fromHex("0a3261")))
                                               << QStringList{u"metadata: field 1 claims 50 bytes"_qs, u"meta.v1.ObjectMeta"_qs};
    QTest::newRow("impossible-intorstring-type") << envelope("v1", "Service", Pb().msg(2, Pb().msg(1, Pb().varint(3, 80).msg(4, Pb().varint(1, 2)))))
                                                 << QStringList{u"spec.ports[0].targetPort (field 4 of core.v1.ServicePort)"_qs, u"impossible IntOrString.Type 2"_qs};
    QTest::newRow("invalid-quantity-names-map-key") << envelope("v1", "ResourceQuota", Pb().msg(2, Pb().msg(1, Pb().str(1, "cpu").msg(2, Pb().str(1, "lots")))))
                                                    << QStringList{u"spec.hard[cpu]"_qs, u"invalid Quantity \"lots\""_qs};
    QTest::newRow("invalid-embedded-json") << envelope("apps/v1", "ControllerRevision", Pb().msg(2, Pb().str(1, "{\"a\":")))
                                           << QStringList{u"data (field 2 of apps.v1.ControllerRevision)"_qs, u"embedded JSON is invalid"_qs};
    QTest::newRow("bad-map-key-wire-type") << envelope("v1", "ConfigMap", Pb().msg(2, Pb().varint(1, 5)))
                                           << QStringList{u"data (field 2 of core.v1.ConfigMap)"_qs, u"map key"_qs};
}

void tst_Protobuf::decodeErrors()
{
    QFETCH(QByteArray, body);
    QFETCH(QStringList, expected);
    const Expected<Object> out = decodeProtobufObject(body, TypeRegistry::builtin());
    QVERIFY(!out.ok());
    QCOMPARE(out.error().code(), 400);
    QCOMPARE(out.error().reason(), u"BadRequest"_qs);
    for (const QString &e : std::as_const(expected))
        QVERIFY2(out.error().message().contains(e), qPrintable(out.error().message()));
}

void tst_Protobuf::nestingIsLimited()
{
    // JSONSchemaProps.not (28) nests itself: 150 levels must be refused, 90 accepted.
    auto nested = [](int levels) {
        Pb p;
        p.str(5, "object");
        for (int i = 0; i < levels; ++i)
            p = Pb().msg(28, p);
        return QByteArray(p);
    };
    const Expected<QByteArray> deep = decodeProtobufMessage(nested(150), u"apiextensions.v1.JSONSchemaProps"_qs, TypeRegistry::builtin());
    QVERIFY(!deep.ok());
    QVERIFY2(deep.error().message().contains(u"nesting deeper than 100 messages"_qs), qPrintable(deep.error().message()));
    const Expected<QByteArray> fine = decodeProtobufMessage(nested(90), u"apiextensions.v1.JSONSchemaProps"_qs, TypeRegistry::builtin());
    QVERIFY2(fine.ok(), qPrintable(fine.error().message()));
}

void tst_Protobuf::unknownFieldsAreReported()
{
    QStringList unknown;
    const QByteArray message = Pb().msg(2, Pb().varint(1, 2).varint(99, 1)).varint(42, 1);
    const Expected<QByteArray> out = decodeProtobufMessage(message, u"apps.v1.Deployment"_qs, TypeRegistry::builtin(), {}, &unknown);
    QVERIFY(out.ok());
    QCOMPARE(*out, QByteArray(R"({"spec":{"replicas":2}})"));
    QCOMPARE(unknown, (QStringList{u"spec#99"_qs, u"#42"_qs}));
}

void tst_Protobuf::goldenFixtures_data()
{
    QTest::addColumn<QString>("pbPath");
    const QStringList files = fixtureFiles();
    if (files.isEmpty())
        QSKIP("shared/data/k8s-roundtrip is not available");
    for (const QString &path : files)
        QTest::newRow(qPrintable(QFileInfo(path).completeBaseName())) << path;
}

// Every upstream fixture decodes to its .json twin, field for field. The fixtures set every
// field, so this checks every protobuf number, pointer and omitempty flag in the registry.
void tst_Protobuf::goldenFixtures()
{
    QFETCH(QString, pbPath);
    const TypeRegistry &registry = TypeRegistry::builtin();
    const GroupVersionKind gvk = fixtureKind(QFileInfo(pbPath).fileName());
    if (protobufTypeName(gvk, registry).isEmpty())
        QSKIP(qPrintable(u"the registry has no type for "_qs + gvk.toString()));
    ProtobufDecodeOptions options;
    options.defaults = gvk; // core.v1.WatchEvent's envelope leaves the kind out
    QStringList unknown;
    options.unknownFields = &unknown;
    const Expected<Object> decoded = decodeProtobufObject(readFile(pbPath), registry, options);
    QVERIFY2(decoded.ok(), qPrintable(decoded.error().message()));
    QJsonParseError parseError;
    const QJsonDocument expected = QJsonDocument::fromJson(readFile(pbPath.chopped(3) + u".json"_qs), &parseError);
    QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));
    const QString difference = firstDifference(decoded->toJson(), expected.object(), QString());
    QVERIFY2(difference.isEmpty(), qPrintable(difference + u"; unknown field numbers: "_qs + unknown.join(u", "_qs)));
    QVERIFY2(unknown.isEmpty(), qPrintable(u"field numbers the registry lacks: "_qs + unknown.join(u", "_qs)));
    // Byte for byte, too: types.go field order, Go's number and string forms.
    const Expected<Object> minified = Object::parse(readFile(pbPath.chopped(3) + u".json"_qs));
    QVERIFY(minified.ok());
    QCOMPARE(decoded->json(), minified->json());
}

void tst_Protobuf::goldenFixturesCoverEveryKnownKind()
{
    const QStringList files = fixtureFiles();
    if (files.isEmpty())
        QSKIP("shared/data/k8s-roundtrip is not available");
    QStringList skipped;
    for (const QString &path : files) {
        const GroupVersionKind gvk = fixtureKind(QFileInfo(path).fileName());
        if (protobufTypeName(gvk, TypeRegistry::builtin()).isEmpty())
            skipped << gvk.toString();
    }
    qInfo("%lld fixtures, no registry type for: %s", qint64(files.size()), qPrintable(skipped.join(u"; "_qs)));
    QVERIFY2(files.size() - skipped.size() >= 35, qPrintable(skipped.join(u"; "_qs)));
}

// Truncations and seeded random mutations of every fixture: a value or a 400, never a crash
// or a read out of bounds (run under valgrind or ASan to see the latter).
void tst_Protobuf::hostileInputNeverCrashes()
{
    const QStringList files = fixtureFiles();
    if (files.isEmpty())
        QSKIP("shared/data/k8s-roundtrip is not available");
    const TypeRegistry &registry = TypeRegistry::builtin();
    QRandomGenerator random(20240102);
    const int mutations = qEnvironmentVariableIntValue("TIMONEL_FUZZ_MUTATIONS") > 0 ? qEnvironmentVariableIntValue("TIMONEL_FUZZ_MUTATIONS") : 150;
    qint64 decoded = 0, refused = 0;
    auto check = [&](const QByteArray &body, const QString &what) {
        const Expected<Object> out = decodeProtobufObject(body, registry, {GroupVersionKind{}, nullptr});
        if (out.ok()) {
            ++decoded;
            return true;
        }
        ++refused;
        if (out.error().code() != 400 || out.error().message().isEmpty()) {
            qWarning("%s: code %d %s", qPrintable(what), out.error().code(), qPrintable(out.error().message()));
            return false;
        }
        return true;
    };
    for (const QString &path : files) {
        const QByteArray body = readFile(path);
        const QString name = QFileInfo(path).completeBaseName();
        const qsizetype step = qMax<qsizetype>(1, body.size() / 400);
        for (qsizetype n = 0; n < body.size(); n += step)
            QVERIFY(check(body.left(n), name + u" truncated to "_qs + QString::number(n)));
        for (int i = 0; i < mutations; ++i) {
            QByteArray mutated = body;
            const int edits = 1 + int(random.bounded(4));
            for (int e = 0; e < edits; ++e) {
                const qsizetype at = 4 + qsizetype(random.bounded(quint32(mutated.size() - 4)));
                switch (random.bounded(3)) {
                case 0: mutated[at] = char(random.bounded(256)); break;
                case 1: mutated[at] = char(mutated[at] ^ (1 << random.bounded(8))); break;
                default: mutated.insert(at, QByteArray(1 + int(random.bounded(11)), char(0xff))); break;
                }
            }
            QVERIFY(check(mutated, name + u" mutation "_qs + QString::number(i)));
        }
    }
    qInfo("hostile bodies: %lld decoded, %lld refused with 400", decoded, refused);
}

QTEST_GUILESS_MAIN(tst_Protobuf)
#include "tst_protobuf.moc"
