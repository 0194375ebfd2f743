#pragma once
// The type registry: the Kubernetes API described as data (see schema/README.md). One source for
// validation, defaulting, patching, OpenAPI, table columns, protobuf decoding and the editor.
// Built-in kinds come from the JSON files under schema/ (Qt resources); custom resources are
// added at run time from their CustomResourceDefinition and answer through the same interface.
//
// Thread safety: every const member may be called from any thread. builtin() is immutable and
// shared by the whole process. A registry that also serves custom resources is a clone() of it
// owned by one cluster (or one connection); addCustomResource/removeCustomResource take its
// write lock, readers its read lock. Readers keep shared pointers (TypeSchemaPtr, KindInfoPtr)
// that stay valid after a CRD is removed or replaced.
//
// Cost: lookups by GVK, GVR and type name are hash lookups; resolve() scans the kinds (~100).
// Loading every built-in file takes a few milliseconds (simdjson; fields keep file order).

#include "expected.h"
#include "groupversion.h"
#include "object.h"

#include <QJsonValue>
#include <QList>
#include <QReadWriteLock>
#include <QSharedPointer>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace kube {

// A field's type, parsed from the "type" string of the schema files.
struct FieldType {
    enum class Shape { Scalar, Struct, List, Map };
    Shape shape = Shape::Scalar;
    QString name;                          // Scalar: "string", "int32", "Quantity", …; Struct: type name
    std::shared_ptr<const FieldType> elem; // List and Map: the element type

    bool isValid() const;                  // false for what parse() could not read
    bool isScalar() const { return shape == Shape::Scalar; }
    // The innermost type below any list and map levels ("[]core.v1.Container" → core.v1.Container).
    const FieldType &innermost() const;
    QString toString() const;              // back to "[]core.v1.Container" form
    // "[]T", "map[string]T" (nested freely), a scalar name, or a type name. Invalid input gives
    // a type whose isValid() is false.
    static FieldType parse(QStringView text);
    static bool isScalarName(QStringView name); // the scalar table of schema/README.md
    friend bool operator==(const FieldType &a, const FieldType &b);
};

struct FieldSchema {
    QString name;           // JSON name
    FieldType type;
    int proto = 0;          // protobuf field number; 0 when unknown (custom resources)
    bool required = false;
    QJsonValue defaultValue; // Undefined when none
    QStringList enumValues;
    QString listType;       // "", "atomic", "set", "map"
    QStringList listMapKeys;
    QString patchStrategy;  // "", "merge", "replace", "retainKeys", "merge,retainKeys"
    QString patchMergeKey;
    QString mapType;        // "", "atomic", "granular"
    // A Go struct embedded inline: a nested message in protobuf, but its fields appear directly
    // in the parent's JSON (Volume.volumeSource). TypeSchema::field() looks through it.
    bool isInline = false;
    bool pointer = false;   // Go pointer: a zero value is meaningful and stays in JSON
    bool omitEmpty = false; // Go omitempty: a zero scalar is left out of JSON
    QString description;
};

struct TypeSchema {
    QString name;           // "apps.v1.DeploymentSpec"
    QString description;
    QString mapType;        // "atomic" when the whole struct is replaced as one
    QList<FieldSchema> fields; // in types.go order (custom resources: schema order)
    // Custom resources: unknown fields are kept (x-kubernetes-preserve-unknown-fields).
    bool preserveUnknownFields = false;
    // The fields of inline members (recursively), as JSON shows them; filled by the registry.
    QList<FieldSchema> inlinedFields;
    // The field a JSON key names: a declared field that is not inline, else an inlined one.
    // Linear: structs are small.
    const FieldSchema *field(QStringView jsonName) const;
};
using TypeSchemaPtr = QSharedPointer<const TypeSchema>;

struct PrinterColumn {
    QString name;
    QString type;        // "string", "integer", "number", "boolean", "date"
    QString format;      // "name" for the Name column, else ""
    int priority = 0;    // 0 = default output, 1 = -o wide
    QString description;
    QString jsonPath;    // custom resources (additionalPrinterColumns) only
};

struct SubresourceInfo {
    QString name;        // "status", "scale", "log", "eviction", …
    GroupVersionKind kind; // the kind the subresource reads and writes (empty kind = parent's)
    QStringList verbs;
    // Custom resources' scale subresource: where replicas and the selector live (".spec.replicas").
    QString specReplicasPath;
    QString statusReplicasPath;
    QString labelSelectorPath;
};

struct KindInfo {
    GroupVersionKind gvk;
    QString plural;
    QString singular;
    bool namespaced = true;
    QStringList shortNames;
    QStringList categories;
    QStringList verbs;
    QList<SubresourceInfo> subresources;
    QList<PrinterColumn> printerColumns;
    QString rootType;    // the TypeSchema name of the object
    bool isCustom = false;
    QString customListKind; // custom resources' spec.names.listKind when not <Kind>List

    GroupVersionResource gvr() const { return {gvk.group, gvk.version, plural}; }
    QString listKind() const { return customListKind.isEmpty() ? gvk.kind + QStringLiteral("List") : customListKind; }
    const SubresourceInfo *subresource(QStringView name) const;
};
using KindInfoPtr = QSharedPointer<const KindInfo>;

class TypeRegistry
{
public:
    // The registry with every built-in kind, loaded on first use (thread-safe static init).
    // A broken built-in file is a build defect caught by tst_typeregistry; at run time the
    // errors are logged (qCritical) and whatever loaded cleanly is served.
    static const TypeRegistry &builtin();
    // The resource paths of the built-in schema files (":/timonel/schema/core_v1.json", …).
    static QStringList builtinSchemaFiles();

    // A registry from explicit schema files (tests; tools). Errors name the file and entry;
    // every problem found is reported (one cause each), not just the first.
    static Expected<std::unique_ptr<TypeRegistry>> load(const QStringList &files);

    // An independent copy that custom resources can be added to (one per cluster). Cost: O(1)
    // until the copy is first modified (implicitly shared tables).
    std::unique_ptr<TypeRegistry> clone() const;

    QList<KindInfoPtr> kinds() const;
    QList<GroupVersion> groupVersions() const; // served group-versions, upstream group order
    KindInfoPtr kind(const GroupVersionKind &gvk) const;
    KindInfoPtr resource(const GroupVersionResource &gvr) const;
    // Resolves what a kubectl user types: plural, singular, short name or kind (any case),
    // optionally qualified as "<name>.<group>" or "<name>.<version>.<group>". One entry per
    // matching group, its preferred version; groups in kubectl's priority order (core, apps,
    // events.k8s.io, …, then custom groups alphabetically). Empty when nothing matches.
    QList<KindInfoPtr> resolve(QStringView name) const;

    TypeSchemaPtr type(QStringView typeName) const;
    TypeSchemaPtr rootType(const GroupVersionKind &gvk) const;
    // The field at a dotted path below a kind's root ("spec.strategy.rollingUpdate.maxSurge";
    // list and map levels are stepped through transparently, "[…]" index suffixes are ignored).
    // nullopt when unknown.
    std::optional<FieldSchema> fieldAt(const GroupVersionKind &gvk, QStringView dottedPath) const;

    // Custom resources: adds (or replaces) the kinds a CustomResourceDefinition serves, with
    // types converted from each version's openAPIV3Schema (see crdschema.h). 422-style Status
    // when malformed or when its names collide with another resource.
    Status addCustomResource(const Object &crd);
    void removeCustomResource(const QString &crdName); // "<plural>.<group>"
    QStringList customResourceNames() const;
    // Increases with every custom resource change: caches derived from the registry (OpenAPI,
    // discovery documents) rebuild when it moves.
    quint64 generation() const;

    TypeRegistry();
    ~TypeRegistry();
    TypeRegistry(const TypeRegistry &) = delete;
    TypeRegistry &operator=(const TypeRegistry &) = delete;

    struct Private; // typeregistry.cpp

private:
    std::unique_ptr<Private> d;
    mutable QReadWriteLock m_lock;
};

} // namespace kube
