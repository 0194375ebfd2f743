#pragma once
// The metadata rules every kind shares on create and update (upstream's BeforeCreate /
// BeforeUpdate in k8s.io/apiserver registry/rest): type and namespace checks against the
// request, names and generateName, uid, creationTimestamp, generation, and what an update may
// not change. Per-kind defaulting and validation come after these.
// Pure functions over JSON trees; any thread.

#include "kube/api/status.h"

#include <QJsonObject>
#include <QString>

namespace kube {

class Clock;
struct KindInfo;
class TypeRegistry;

struct CreateContext {
    const KindInfo &kind;
    const TypeRegistry &registry;
    const Clock &clock;
    QString namespace_;  // from the request path
    QString subresource;
};

// Prepares a new object in place. Errors: 400 for a body of the wrong kind, group or
// namespace; 422 for a missing name. On success the object has name, uid, creationTimestamp,
// no resourceVersion, and generation 1 when the kind has a spec.
Status prepareForCreate(QJsonObject &object, const CreateContext &context);

// Prepares an update of `current` to `object` in place: checks kind, name and namespace
// against the request, keeps uid, creationTimestamp, deletion fields and (for the main
// resource of kinds with a status subresource) the status; a status update keeps everything
// but the status and metadata labels/annotations. Raises generation when the spec changed.
Status prepareForUpdate(QJsonObject &object, const QJsonObject &current, const CreateContext &context,
                        const QString &name);

// "<generateName><5 random characters>", from upstream's alphabet (no vowels, no confusables).
QString generateNameSuffix();

// A random (version 4) UUID, as the uid of a new object.
QString newUid();

} // namespace kube
