#pragma once
// The type registry: the Kubernetes API described as data (see schema/README.md). One source for
// validation, defaulting, patching, OpenAPI, table columns, protobuf decoding and the editor.
// Built-in kinds come from the JSON files under schema/ (Qt resources); custom resources are
// added at run time from their CustomResourceDefinition and answer through the same interface.
//
// Thread safety: the built-in registry is immutable after load and may be read from any
// thread. addCustomResource/removeCustomResource take a write lock; readers hold shared
// pointers (TypeSchemaPtr, KindInfoPtr) that stay valid after a CRD is removed.

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
    QString name;                         // Scalar: "string", "int32", "Quantity", …; Struct: type name
    std::shared_ptr<const FieldType> elem; // List and Map: the element type
    QString toString() const;             // back to "[]core.v1.Container" form
    static FieldType parse(QStringView text);
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
    QString description;
};

struct TypeSchema {
    QString name;           // "apps.v1.DeploymentSpec"
    QString description;
    QString mapType;        // "atomic" when the whole struct is replaced as one
    QList<FieldSchema> fields; // in types.go order
    // Custom resources: unknown fields are kept (x-kubernetes-preserve-unknown-fields).
    bool preserveUnknownFields = false;
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

    GroupVersionResource gvr() const { return {gvk.group, gvk.version, plural}; }
    QString listKind() const { return gvk.kind + QStringLiteral("List"); }
    const SubresourceInfo *subresource(QStringView name) const;
};
using KindInfoPtr = QSharedPointer<const KindInfo>;

class TypeRegistry
{
public:
    // The registry with every built-in kind, loaded on first use (a few ms; thread-safe).
    static TypeRegistry &builtin();

    // A registry from explicit schema files (tests; tools). Errors name the file and entry.
    static Expected<std::unique_ptr<TypeRegistry>> load(const QStringList &files);

    QList<KindInfoPtr> kinds() const;
    QList<GroupVersion> groupVersions() const; // served group-versions, core first
    KindInfoPtr kind(const GroupVersionKind &gvk) const;
    KindInfoPtr resource(const GroupVersionResource &gvr) const;
    // Resolves what a kubectl user types: plural, singular, short name or kind, optionally
    // qualified by group ("deploy", "deployments.apps", "Deployment"). Preferred version wins.
    QList<KindInfoPtr> resolve(QStringView name) const;

    TypeSchemaPtr type(QStringView typeName) const;
    TypeSchemaPtr rootType(const GroupVersionKind &gvk) const;
    // The field at a dotted path below a kind's root ("spec.strategy.rollingUpdate.maxSurge";
    // list and map levels are stepped through transparently). nullopt when unknown.
    std::optional<FieldSchema> fieldAt(const GroupVersionKind &gvk, QStringView dottedPath) const;

    // Custom resources: adds (or replaces) the kinds a CustomResourceDefinition serves, with
    // types converted from each version's openAPIV3Schema. 422-style Status when malformed.
    Status addCustomResource(const Object &crd);
    void removeCustomResource(const QString &crdName); // "<plural>.<group>"

    TypeRegistry();
    ~TypeRegistry();

private:
    struct Private;
    std::unique_ptr<Private> d;
    mutable QReadWriteLock m_lock;
};

} // namespace kube
