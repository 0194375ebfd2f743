#pragma once
// Kubernetes protobuf request bodies (Content-Type application/vnd.kubernetes.protobuf) decoded
// into JSON objects, driven by the type registry's field numbers. Typed clients (kubectl create
// <kind>, helm's release Secrets, drain's Eviction, DeleteOptions) send them on POST and PUT.
//
// A body is the magic "k8s\0" then a runtime.Unknown message: typeMeta=1 {apiVersion=1,
// kind=2}, raw=2 (the typed message), contentEncoding=3, contentType=4. The typed message is
// decoded as gogo-protobuf and then Go's encoding/json would: fields in types.go order, map keys
// sorted, zero plain scalars dropped for non-pointer omitempty fields, structs kept, a zero Time
// null (dropped when omitempty), inline structs merged into their parent, the scalar messages
// (Quantity, IntOrString, Time, …) in their JSON forms (see protoscalar.h). Unknown field
// numbers are skipped, as newer clients may send fields we do not know.
//
// Errors are 400 BadRequest Status values naming the field path, the protobuf field number and
// the message type ("spec.replicas (field 1 of apps.v1.DeploymentSpec): wrong wire type …").
// Never reads outside the given bytes; nesting is limited to 100 messages.
//
// Free functions; usable from any thread (the registry is read under its own lock). Cost:
// linear in the body plus the JSON written, and one Object::parse of the result.

#include "expected.h"
#include "groupversion.h"
#include "object.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QStringList>

namespace kube {

class TypeRegistry;

// The runtime.Unknown around a protobuf body. The views point into the body given.
struct ProtobufEnvelope {
    QString apiVersion;
    QString kind;
    QByteArrayView raw;
    QString contentEncoding;
    QString contentType;
};

// Reads the magic and the envelope. 400 when the magic is missing or the envelope malformed.
Expected<ProtobufEnvelope> readProtobufEnvelope(QByteArrayView body);

// The registry type a protobuf message of `gvk` is decoded as: the kind's root type; else a
// root type (one with apiVersion and kind fields) named after the group-version, like
// policy.v1.Eviction or autoscaling.v1.Scale; else, for the meta/v1 kinds every group-version
// carries (DeleteOptions, CreateOptions, UpdateOptions, PatchOptions, GetOptions, ListOptions,
// WatchEvent, Status), the meta.v1 type. Empty when the registry has none.
QString protobufTypeName(const GroupVersionKind &gvk, const TypeRegistry &registry);

struct ProtobufDecodeOptions {
    // Fills in a missing kind or version of the envelope (upstream's copyKindDefaults): the kind
    // the endpoint expects.
    GroupVersionKind defaults;
    // When set, receives the path of every field number the registry does not know
    // ("spec.template.spec#99"), for warnings.
    QStringList *unknownFields = nullptr;
};

// Decodes a whole body into an object whose "apiVersion" and "kind" come from the envelope.
Expected<Object> decodeProtobufObject(QByteArrayView body, const TypeRegistry &registry,
                                      const ProtobufDecodeOptions &options = {});

// Decodes one typed message (no magic, no envelope) as the registry type `typeName`, into
// minified JSON. A root type's apiVersion and kind are taken from `typeMeta` when given (they
// are not part of the protobuf message).
Expected<QByteArray> decodeProtobufMessage(QByteArrayView message, const QString &typeName, const TypeRegistry &registry,
                                           const GroupVersionKind &typeMeta = {}, QStringList *unknownFields = nullptr);

} // namespace kube
