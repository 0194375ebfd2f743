#pragma once
// Request and response bodies: decoding an object from JSON, YAML or Kubernetes protobuf by
// Content-Type, and encoding lists by splicing the stored objects' bytes (a list of 10k pods
// is one concatenation, not 10k tree serialisations).
// Pure functions; any thread.

#include "kube/api/expected.h"
#include "kube/api/object.h"

#include <QByteArray>
#include <QList>

namespace kube {

class TypeRegistry;
struct KindInfo;

// The media type of a Content-Type header, lower-cased, without parameters.
QByteArray mediaType(QByteArrayView contentType);

// Decodes an object body: application/json (also when no Content-Type is given),
// application/yaml, application/vnd.kubernetes.protobuf. Other types: 415.
// expected: the kind the endpoint serves, filled into a protobuf envelope that lacks it.
Expected<Object> decodeObjectBody(QByteArrayView contentType, const QByteArray &body, const TypeRegistry &registry,
                                  const GroupVersionKind &expected = {});

struct ListMeta {
    QString resourceVersion;
    QString continueToken;
    qint64 remainingItemCount = -1; // omitted when negative
};

// {"kind":"<Kind>List","apiVersion":…,"metadata":{…},"items":[…]}
QByteArray encodeList(const KindInfo &kind, const QList<Object> &items, const ListMeta &meta);

// Whether an Accept header asks for meta.k8s.io/v1 Tables (kubectl get's default output).
bool acceptsTable(QByteArrayView acceptHeader);

// A watch event line: {"type":"ADDED","object":<object>}\n
QByteArray encodeWatchEvent(QByteArrayView type, const QByteArray &objectJson);

} // namespace kube
