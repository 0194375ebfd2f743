#include "protoscalar.h"

#include "duration.h"
#include "quantity.h"

#include <QLocale>

#include <simdjson.h>

#include <bit>
#include <cmath>

namespace kube {

namespace {

// The Unix seconds of Go's zero time.Time (January 1, year 1, UTC): metav1.Time renders it null.
constexpr qint64 GoZeroTimeUnix = -62135596800;
constexpr qint64 NanosPerSecond = 1000000000;

qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

bool expectWireType(const ProtoWireField &field, ProtoWireType expected, QStringView scalar, QString *error)
{
    if (field.wireType == expected)
        return true;
    *error = u"wrong wire type %1 for %2 (expected %3)"_qs.arg(ProtoWireReader::wireTypeName(field.wireType), scalar,
                                                                 ProtoWireReader::wireTypeName(expected));
    return false;
}

// The fields of a small well-known message (Time, IntOrString, …): the last occurrence of each
// of the first few field numbers wins, as in proto; unknown numbers are skipped.
struct SmallMessage {
    static constexpr int MaxNumber = 3;
    ProtoWireField fields[MaxNumber + 1];
    bool present[MaxNumber + 1] = {};

    bool read(QByteArrayView bytes, QStringView scalar, QString *error)
    {
        ProtoWireReader reader(bytes);
        ProtoWireField f;
        while (!reader.atEnd()) {
            if (!reader.next(&f)) {
                *error = u"invalid %1 message: %2"_qs.arg(scalar, reader.error());
                return false;
            }
            if (f.number > MaxNumber)
                continue;
            fields[f.number] = f;
            present[f.number] = true;
        }
        return true;
    }
    bool has(int n, ProtoWireType type, QStringView scalar, QString *error) const
    {
        if (!present[n])
            return false;
        if (fields[n].wireType == type)
            return true;
        *error = u"wrong wire type %1 for field %2 of %3"_qs.arg(ProtoWireReader::wireTypeName(fields[n].wireType)).arg(n).arg(scalar);
        return false;
    }
};

void appendTwoDigits(QByteArray &out, qint64 v)
{
    out.append(char('0' + v / 10)).append(char('0' + v % 10));
}

// Days since 1970-01-01 to a proleptic Gregorian civil date (the era-based method: 400-year
// eras of 146097 days, years starting in March so the leap day is last).
void civilFromDays(qint64 days, qint64 *year, int *month, int *day)
{
    const qint64 z = days + 719468; // days since 0000-03-01
    const qint64 era = floorDiv(z, 146097);
    const qint64 dayOfEra = z - era * 146097;                                                   // [0, 146096]
    const qint64 yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365; // [0, 399]
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);   // [0, 365]
    const qint64 mp = (5 * dayOfYear + 2) / 153;                                                // March = 0
    *day = int(dayOfYear - (153 * mp + 2) / 5 + 1);
    *month = int(mp < 10 ? mp + 3 : mp - 9);
    *year = yearOfEra + era * 400 + (*month <= 2 ? 1 : 0);
}

bool rawJson(QByteArrayView raw, ProtoScalarJson *out, QString *error)
{
    thread_local simdjson::dom::parser parser;
    simdjson::dom::element root;
    if (const auto e = parser.parse(raw.data(), size_t(raw.size())).get(root); e != simdjson::SUCCESS) {
        *error = u"embedded JSON is invalid: "_qs + QString::fromLatin1(simdjson::error_message(e));
        return false;
    }
    out->json.resize(raw.size());
    size_t length = 0;
    if (simdjson::minify(raw.data(), size_t(raw.size()), out->json.data(), length) != simdjson::SUCCESS) {
        *error = u"embedded JSON is invalid"_qs;
        return false;
    }
    out->json.truncate(qsizetype(length));
    return true;
}

bool decodeRaw(QStringView scalar, const ProtoWireField &field, ProtoScalarJson *out, QString *error)
{
    SmallMessage m;
    if (!m.read(field.bytes, scalar, error))
        return false;
    if (!m.has(1, ProtoWireType::LengthDelimited, scalar, error)) {
        if (!error->isEmpty())
            return false;
        out->json = "null"; // Raw == nil: Go's MarshalJSON writes null
        return true;
    }
    const QByteArrayView raw = m.fields[1].bytes;
    if (scalar == u"RawExtension" && hasKubernetesProtobufMagic(raw)) {
        out->embeddedProtobuf = raw;
        return true;
    }
    if (raw.isEmpty()) {
        out->json = "null";
        return true;
    }
    return rawJson(raw, out, error);
}

bool decodeTime(QStringView scalar, const ProtoWireField &field, ProtoScalarJson *out, QString *error)
{
    const bool micro = scalar == u"MicroTime";
    SmallMessage m;
    if (!m.read(field.bytes, scalar, error))
        return false;
    qint64 seconds = 0;
    qint64 nanos = 0;
    if (m.has(1, ProtoWireType::Varint, scalar, error))
        seconds = qint64(m.fields[1].value);
    if (m.has(2, ProtoWireType::Varint, scalar, error))
        nanos = qint32(m.fields[2].value);
    if (!error->isEmpty())
        return false;
    // metav1.Time.Unmarshal: no bytes is the zero time, and nanoseconds are dropped (its JSON
    // only has seconds); MicroTime keeps them.
    if (!micro)
        nanos = 0;
    const qint64 carry = floorDiv(nanos, NanosPerSecond);
    nanos -= carry * NanosPerSecond;
    if ((carry > 0 && seconds > std::numeric_limits<qint64>::max() - carry)
        || (carry < 0 && seconds < std::numeric_limits<qint64>::min() - carry)) {
        *error = u"%1 out of range"_qs.arg(scalar);
        return false;
    }
    seconds += carry;
    if (field.bytes.isEmpty() || (seconds == GoZeroTimeUnix && nanos == 0)) {
        out->json = "null";
        out->isZero = true;
        return true;
    }
    out->json = '"' + formatProtoTime(seconds, nanos, micro) + '"';
    return true;
}

bool decodeIntOrString(const ProtoWireField &field, ProtoScalarJson *out, QString *error)
{
    const QStringView scalar = u"IntOrString";
    SmallMessage m;
    if (!m.read(field.bytes, scalar, error))
        return false;
    const qint64 type = m.has(1, ProtoWireType::Varint, scalar, error) ? qint64(m.fields[1].value) : 0;
    const bool hasInt = m.has(2, ProtoWireType::Varint, scalar, error);
    const bool hasString = m.has(3, ProtoWireType::LengthDelimited, scalar, error);
    if (!error->isEmpty())
        return false;
    if (type == 0) {
        out->json = QByteArray::number(hasInt ? qint32(m.fields[2].value) : 0);
        return true;
    }
    if (type == 1) {
        appendJsonString(out->json, hasString ? m.fields[3].bytes : QByteArrayView());
        return true;
    }
    *error = u"impossible IntOrString.Type %1"_qs.arg(type);
    return false;
}

bool decodeQuantity(const ProtoWireField &field, ProtoScalarJson *out, QString *error)
{
    SmallMessage m;
    if (!m.read(field.bytes, u"Quantity", error))
        return false;
    const bool hasString = m.has(1, ProtoWireType::LengthDelimited, u"Quantity", error);
    if (!error->isEmpty())
        return false;
    if (!hasString) { // resource.Quantity's Unmarshal: no string is zero
        out->json = "\"0\"";
        return true;
    }
    const QByteArrayView text = m.fields[1].bytes;
    const Expected<Quantity> q = Quantity::parse(QString::fromUtf8(text));
    if (!q) {
        *error = u"invalid Quantity \"%1\": %2"_qs.arg(QString::fromUtf8(text.first(qMin<qsizetype>(64, text.size()))), q.error().message());
        return false;
    }
    appendJsonString(out->json, q->toString().toUtf8());
    return true;
}

bool decodeDuration(const ProtoWireField &field, ProtoScalarJson *out, QString *error)
{
    SmallMessage m;
    if (!m.read(field.bytes, u"Duration", error))
        return false;
    const qint64 ns = m.has(1, ProtoWireType::Varint, u"Duration", error) ? qint64(m.fields[1].value) : 0;
    if (!error->isEmpty())
        return false;
    appendJsonString(out->json, Duration(ns).toString().toUtf8());
    return true;
}

} // namespace

bool hasKubernetesProtobufMagic(QByteArrayView bytes)
{
    return bytes.size() >= 4 && bytes.first(4) == QByteArrayView("k8s\0", 4);
}

bool isPlainProtoScalar(QStringView scalar)
{
    return scalar == u"string" || scalar == u"boolean" || scalar == u"int32" || scalar == u"int64" || scalar == u"double"
        || scalar == u"bytes";
}

QByteArray zeroScalarJson(QStringView scalar)
{
    if (scalar == u"string")
        return "\"\"";
    if (scalar == u"boolean")
        return "false";
    if (scalar == u"int32" || scalar == u"int64" || scalar == u"double")
        return "0";
    if (scalar == u"bytes")
        return "null"; // a nil []byte
    return {};
}

void appendJsonString(QByteArray &out, QByteArrayView utf8)
{
    QByteArray repaired;
    if (!simdjson::validate_utf8(utf8.data(), size_t(utf8.size()))) {
        repaired = QString::fromUtf8(utf8).toUtf8(); // invalid sequences become U+FFFD
        utf8 = repaired;
    }
    static constexpr char hex[] = "0123456789abcdef";
    out.reserve(out.size() + utf8.size() + 2);
    out.append('"');
    for (const char c : utf8) {
        const auto u = quint8(c);
        if (c == '"' || c == '\\') {
            out.append('\\').append(c);
        } else if (u >= 0x20) {
            out.append(c);
        } else if (c == '\n') {
            out.append("\\n");
        } else if (c == '\r') {
            out.append("\\r");
        } else if (c == '\t') {
            out.append("\\t");
        } else {
            out.append("\\u00").append(hex[u >> 4]).append(hex[u & 15]);
        }
    }
    out.append('"');
}

QByteArray formatProtoTime(qint64 seconds, qint64 nanos, bool micro)
{
    const qint64 carry = floorDiv(nanos, NanosPerSecond);
    nanos -= carry * NanosPerSecond;
    seconds += carry;
    const qint64 days = floorDiv(seconds, 86400);
    const qint64 secondOfDay = seconds - days * 86400;
    qint64 year = 0;
    int month = 0, day = 0;
    civilFromDays(days, &year, &month, &day);

    QByteArray out;
    out.reserve(32);
    // Go's layout "2006": at least four digits, a minus sign before negative years.
    if (year < 0)
        out.append('-');
    const QByteArray digits = QByteArray::number(year < 0 ? -year : year);
    out.append(QByteArray(qMax<qsizetype>(0, 4 - digits.size()), '0')).append(digits);
    out.append('-');
    appendTwoDigits(out, month);
    out.append('-');
    appendTwoDigits(out, day);
    out.append('T');
    appendTwoDigits(out, secondOfDay / 3600);
    out.append(':');
    appendTwoDigits(out, secondOfDay / 60 % 60);
    out.append(':');
    appendTwoDigits(out, secondOfDay % 60);
    if (micro) {
        const QByteArray fraction = QByteArray::number(nanos / 1000);
        out.append('.').append(QByteArray(6 - fraction.size(), '0')).append(fraction);
    }
    out.append('Z');
    return out;
}

bool protoScalarToJson(QStringView scalar, const ProtoWireField &field, ProtoScalarJson *out, QString *error)
{
    *out = ProtoScalarJson();
    error->clear();
    if (scalar == u"string") {
        if (!expectWireType(field, ProtoWireType::LengthDelimited, scalar, error))
            return false;
        appendJsonString(out->json, field.bytes);
        out->isZero = field.bytes.isEmpty();
        return true;
    }
    if (scalar == u"boolean" || scalar == u"int32" || scalar == u"int64") {
        if (!expectWireType(field, ProtoWireType::Varint, scalar, error))
            return false;
        if (scalar == u"boolean")
            out->json = field.value ? "true" : "false";
        else if (scalar == u"int32")
            out->json = QByteArray::number(qint32(field.value)); // Go: int32(v), the low 32 bits
        else
            out->json = QByteArray::number(qint64(field.value));
        out->isZero = out->json == "0" || out->json == "false";
        return true;
    }
    if (scalar == u"double") {
        if (!expectWireType(field, ProtoWireType::Fixed64, scalar, error))
            return false;
        const double d = std::bit_cast<double>(field.value);
        if (!std::isfinite(d)) {
            *error = u"unsupported double value %1 (JSON has no NaN or infinity)"_qs.arg(d);
            return false;
        }
        out->json = QByteArray::number(d, 'g', QLocale::FloatingPointShortest);
        out->isZero = d == 0;
        return true;
    }
    if (scalar == u"bytes") {
        if (!expectWireType(field, ProtoWireType::LengthDelimited, scalar, error))
            return false;
        out->json = '"' + field.bytes.toByteArray().toBase64() + '"';
        out->isZero = field.bytes.isEmpty();
        return true;
    }
    // The rest are messages.
    if (!expectWireType(field, ProtoWireType::LengthDelimited, scalar, error))
        return false;
    if (scalar == u"Time" || scalar == u"MicroTime")
        return decodeTime(scalar, field, out, error);
    if (scalar == u"IntOrString")
        return decodeIntOrString(field, out, error);
    if (scalar == u"Quantity")
        return decodeQuantity(field, out, error);
    if (scalar == u"Duration")
        return decodeDuration(field, out, error);
    if (scalar == u"RawExtension" || scalar == u"JSON" || scalar == u"FieldsV1")
        return decodeRaw(scalar, field, out, error);
    *error = u"%1 has no protobuf encoding"_qs.arg(scalar);
    return false;
}

} // namespace kube
