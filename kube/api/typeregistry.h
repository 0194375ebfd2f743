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
// Cost: lookups by GVK, GVR and type name are hash lookups; resolve() and kindsInCategory()
// scan the kinds (~100). Loading every built-in file takes a few milliseconds (SchemaLoader).
//
// The value types it hands out are in typeschema.h and kindinfo.h; the served order in
// kindorder.h.

#include "expected.h"
#include "groupversion.h"
#include "kindinfo.h"
#include "object.h"
#include "typeschema.h"

#include <QList>
#include <QReadWriteLock>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace kube {

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
    // The kinds a category ("all", "api-extensions") expands to, as kubectl expands it: each
    // group-resource listing the category in any version, once, at its preferred version; in
    // served order (group priority, then as the group-version lists them). Case-sensitive, as
    // discovery is. Empty for an unknown category.
    QList<KindInfoPtr> kindsInCategory(QStringView category) const;

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

    struct Private; // typeregistry_p.h

private:
    std::unique_ptr<Private> d;
    mutable QReadWriteLock m_lock;
};

} // namespace kube
