#pragma once
// The scalar types of schema/README.md ("string", "int32", "Quantity", "IntOrString", "Time",
// "RawExtension", …) from their protobuf encoding to the JSON text Go's encoding/json writes for
// the decoded Go value: Time as RFC 3339 seconds (null when zero), MicroTime with microseconds,
// Duration as Go's "1h2m3s", bytes as base64, Quantity in canonical form, IntOrString as a number
// or a string, RawExtension/JSON/FieldsV1 as the embedded JSON, minified.
// Used by protobuf.h; the message structure around the scalars is not known here.
//
// Free functions; usable from any thread; cost linear in the field's bytes.

#include "protowire.h"

#include <QByteArray>
#include <QString>

namespace kube {

struct ProtoScalarJson {
    QByteArray json;          // the JSON text of the value; "null" for a zero Time or absent raw JSON
    bool isZero = false;      // Go's zero value for a plain scalar (0, false, "", empty bytes) or a zero Time
    // RawExtension whose bytes are themselves a Kubernetes protobuf object ("k8s\0" + Unknown):
    // the caller decodes it (it needs the type registry); json is empty then.
    QByteArrayView embeddedProtobuf;
};

// True for the plain scalars (string, boolean, int32, int64, double, bytes): Go types whose zero
// value omitempty drops. The others are structs in Go and never dropped (except zero Times).
bool isPlainProtoScalar(QStringView scalar);

// Converts one occurrence of a field of the scalar type `scalar` (a FieldType::isScalarName).
// False when the wire type does not fit or the content is invalid, with *error saying why
// (without the field path; the caller adds it).
bool protoScalarToJson(QStringView scalar, const ProtoWireField &field, ProtoScalarJson *out, QString *error);

// The JSON Go writes for a plain scalar that was never set (a non-pointer field without
// omitempty missing from the wire): "", false, 0, null for bytes. Empty for the other scalars.
QByteArray zeroScalarJson(QStringView scalar);

// Appends `utf8` as a JSON string literal; invalid UTF-8 becomes U+FFFD as in Go.
void appendJsonString(QByteArray &out, QByteArrayView utf8);

// "2006-01-02T15:04:05Z" (micro: "2006-01-02T15:04:05.000000Z") for Unix seconds and
// nanoseconds (normalised like Go's time.Unix), in UTC.
QByteArray formatProtoTime(qint64 seconds, qint64 nanos, bool micro);

// The "k8s\0" prefix of a Kubernetes protobuf object.
bool hasKubernetesProtobufMagic(QByteArrayView bytes);

} // namespace kube
