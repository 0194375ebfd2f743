#pragma once
// Object: one Kubernetes object as immutable, implicitly shared, minified JSON bytes plus the
// metadata that stores, lists and selectors read on every pass (name, namespace, uid,
// resourceVersion, labels, owner references…). Copying costs a reference count; memory is about
// the JSON's size plus the extracted metadata. A full tree (QJsonObject) is built only on
// request, for edits and display.
//
// Thread safety: immutable after construction; copies may be used from any thread.

#include "expected.h"
#include "groupversion.h"
#include "labels.h"
#include "objectkey.h"

#include <QByteArray>
#include <QExplicitlySharedDataPointer>
#include <QList>
#include <QString>

#include <optional>

class QJsonObject;

namespace kube {

struct OwnerReference {
    QString apiVersion;
    QString kind;
    QString name;
    QString uid;
    bool controller = false;
    bool blockOwnerDeletion = false;
    friend bool operator==(const OwnerReference &, const OwnerReference &) = default;
};

class Object
{
public:
    Object(); // null object
    ~Object();
    Object(const Object &);
    Object(Object &&) noexcept;
    Object &operator=(const Object &);
    Object &operator=(Object &&) noexcept;

    // What parse() keeps of metadata.managedFields: caches drop them at decode (client-go's
    // TransformStripManagedFields) so the bytes are spliced once, in the buffer parse() fills.
    enum class ManagedFields { Keep, Drop };
    // Parses JSON text (any whitespace), checks it is one JSON object, keeps it minified.
    // Errors are 400 BadRequest Status values naming the offset of the problem.
    static Expected<Object> parse(QByteArrayView json, ManagedFields managedFields = ManagedFields::Keep);
    // Serialises a tree; cost: one QJsonDocument serialisation plus parse().
    static Object fromJson(const QJsonObject &object);

    bool isNull() const { return !d; }
    // The minified JSON text. Never empty for a non-null object.
    const QByteArray &json() const;
    qsizetype byteSize() const { return json().size(); }
    // A full tree of the object; costs a parse. Use for edits, details and YAML.
    QJsonObject toJson() const;

    QString apiVersion() const;
    QString kind() const;
    GroupVersionKind gvk() const;
    QString name() const;
    QString namespace_() const;
    ObjectKey key() const { return {namespace_(), name()}; }
    QString generateName() const;
    QString uid() const;
    QString resourceVersion() const;
    qint64 generation() const;
    QString creationTimestamp() const;
    QString deletionTimestamp() const; // empty when not being deleted
    bool isBeingDeleted() const { return !deletionTimestamp().isEmpty(); }
    const Labels &labels() const;
    Labels annotations() const; // parsed on demand: annotations can be large
    const QList<OwnerReference> &ownerReferences() const;
    std::optional<OwnerReference> controllerRef() const;
    QStringList finalizers() const;
    // spec.nodeName (a pod's binding), read at parse so node indexes cost no second parse;
    // empty for anything else.
    QString nodeName() const;

    // The scalar at a dotted path ("spec.nodeName", "status.phase", "metadata.name") rendered as
    // text as field selectors compare it: strings as they are, numbers and booleans as JSON
    // writes them. nullopt when absent, null, or not a scalar. Costs a parse of the bytes.
    std::optional<QString> scalarAt(QStringView dottedPath) const;

    // A copy whose metadata.resourceVersion is rv (inserted when absent). Splices bytes without
    // re-serialising; metadata is inserted when the object has none.
    Object withResourceVersion(QStringView rv) const;

    // The same stamp in two steps, for a writer that knows the revision only later: the draft is
    // this object's JSON with a gap where the value goes (building it allocates and copies the
    // bytes: done by the writer before it queues); stamping writes the digits and closes the gap
    // in place (no allocation; done by the store's committer). stampResourceVersion(draft, n)
    // equals withResourceVersion(QString::number(n)) for n >= 0; a draft with at < 0 (an unusual
    // shape) makes it take that path.
    struct ResourceVersionDraft {
        QByteArray json;
        qsizetype at = -1;
    };
    ResourceVersionDraft draftResourceVersion() const;
    // draft: from draftResourceVersion() of this very object, or default-constructed.
    Object stampResourceVersion(ResourceVersionDraft &&draft, qint64 rv) const;

    // A copy without metadata.managedFields (client-go's TransformStripManagedFields); this very
    // object when it has none. Splices bytes: no parse, the metadata read so far is kept.
    Object withoutManagedFields() const;

    // Byte-for-byte equality of the minified JSON.
    friend bool operator==(const Object &a, const Object &b) { return a.d == b.d || (a.d && b.d && a.json() == b.json()); }

    struct Data; // private to object.cpp; declared here so its helpers can fill it

private:
    explicit Object(Data *d);
    QExplicitlySharedDataPointer<const Data> d;
};

} // namespace kube
