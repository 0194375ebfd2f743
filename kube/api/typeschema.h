#pragma once
// The shape of an API type as the type registry describes it (schema/README.md): a struct's
// fields in types.go order, each with its JSON type, protobuf number, defaults and the markers
// that strategic merge patch, server-side apply and the encoders follow.
//
// Plain values; immutable once the registry hands them out (TypeSchemaPtr is shared by every
// reader), so any thread may read them. FieldType::parse() allocates one node per list or map
// level.

#include <QJsonValue>
#include <QList>
#include <QSharedPointer>
#include <QString>
#include <QStringList>

#include <memory>

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

} // namespace kube
