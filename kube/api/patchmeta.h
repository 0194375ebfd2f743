#pragma once
// What strategic merge patch needs to know about a place in an object (upstream's
// LookupPatchMeta, strategicpatch/meta.go): for each key of a struct, the field's type, its
// patchStrategy and patchMergeKey, read from the type registry; plus the Go-style value
// formatting upstream's error messages use. Internal to the patch code.
//
// Value types; any thread. A Position keeps its struct schema alive (shared pointer).

#include "typeregistry.h"

#include <QJsonValue>
#include <QString>

namespace kube::patchmeta {

struct FieldMeta;

// A place in the object: the registry type of the value there, or nothing known.
class Position
{
public:
    Position() = default; // no metadata: maps merge, lists replace
    static Position root(const TypeRegistry &registry, const QString &typeName);

    bool isKnown() const { return m_registry && m_type.isValid(); }
    // upstream LookupPatchMetadataForStruct: the field a map key names (a struct field, or the
    // element of a map[string]T); unknown keys give an unknown position.
    FieldMeta field(const QString &key) const;
    // upstream LookupPatchMetadataForSlice: the same, positioned at the list's elements.
    FieldMeta sliceField(const QString &key) const;
    // Go's reflect.Kind name of this place, for upstream's "… for struct" messages.
    QString goKindName() const;

private:
    Position(const TypeRegistry *registry, FieldType type);

    const TypeRegistry *m_registry = nullptr;
    FieldType m_type;
    TypeSchemaPtr m_struct; // when m_type is a struct the registry knows
};

struct FieldMeta {
    Position sub;
    QString strategy;      // "merge", "replace" or "" (retainKeys split off)
    bool retainKeys = false;
    QString mergeKey;
};

// Go's %v of a decoded JSON value: map[a:1 b:[x y]], strings bare, <nil> for null.
QString goValue(const QJsonValue &v);
// Go's reflect type name of a decoded JSON value ("map[string]interface {}", "string", …).
QString goType(const QJsonValue &v);
// encoding/json's name of a JSON value's kind ("array", "object", "string", …).
QString goJsonKind(const QJsonValue &v);
// A string that is equal for equal scalars (type included), for hashing merge keys and
// primitive list items; containers give their compact JSON.
QString identity(const QJsonValue &v);

} // namespace kube::patchmeta
